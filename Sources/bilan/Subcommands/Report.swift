import ArgumentParser
import Foundation
import ReportPipeline
import ResponseStore

extension Bilan {
  /// `bilan report SURVEY.yaml…`: the workbook (and the synthesis) of the stored responses.
  struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the Excel workbook (and the synthesis) of the stored responses.",
      discussion: """
        Writes Reports/SURVEY_ID/synthese.xlsx and synthese.md with its charts in figures/ \
        (synthesis.* when the report's language is English), or into --output DIR. With several surveys (editions of an event), one \
        consolidated workbook puts them side by side, in Reports/ID1+ID2…/ by default.

        These are the files a funder may receive: aggregates only, no row per response, \
        no submission time, no free text but the published quotes. --internal (or --format \
        internal) also writes donnees-internes.xlsx (internal-data.xlsx): one row per response \
        with every answer and free text, for the facilitator; it must not leave the organisation.

        --template FILE renders the synthesis with an organisation's own Mustache
        template (the data it receives: docs/templates.md). --format html and pdf
        render the synthesis with pandoc too (synthese.html, synthese.pdf); without
        pandoc, report says what to install and exits 1, writing nothing.

        Every requested file is written into a staging folder first and moved into place \
        only when all of them succeeded: a failure leaves the previous reports as they were. \
        The same store gives the same bytes: the document date is the last response's.

        Exit status: 0 written, 1 a survey or an option is wrong (or no responses are \
        stored), 2 usage error, 3 the store or the output folder could not be read or written.

        Example:
          $ bilan report Surveys/cooperation-pelussin-2015.yaml
          Reports/cooperation-pelussin-2015/figures
          Reports/cooperation-pelussin-2015/synthese.md
          Reports/cooperation-pelussin-2015/synthese.xlsx
        """
    )

    @Argument(
      help: ArgumentHelp(
        "The survey definitions (several: one consolidated report).", valueName: "survey.yaml"))
    var surveys: [String]

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite for each survey).",
        valueName: "path|url"))
    var store: String?

    @Option(
      help: ArgumentHelp(
        "A follow-up survey: the store of the survey it follows (default: the same database, else that survey's own file).",
        valueName: "path|url"))
    var followedStore: String?

    @Option(help: "The folder the reports go to (default: Reports/SURVEY_ID/).")
    var output: String?

    @Option(
      help: "What to write, comma-separated: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ","))."
    )
    var format: String = "xlsx,md"

    @Option(
      help: ArgumentHelp(
        "A Mustache template for the synthesis, instead of the one shipped (its data: docs/templates.md).",
        valueName: "file"),
      completion: .file(extensions: ["mustache"]))
    var template: String?

    @Flag(help: "Also write the internal workbook, one row per response (never for a funder).")
    var `internal` = false

    @Flag(help: "Include partial responses in the figures (the reports say so).")
    var includePartial = false

    @Option(help: "The report's language (default: the survey's first).")
    var lang: String?

    func validate() throws {
      if surveys.isEmpty { throw ValidationError("Give at least one survey file.") }
      do {
        _ = try ReportFormat.parse(format)
      } catch {
        throw ValidationError(error.errorDescription ?? "\(error)")
      }
    }

    func run() async throws {
      let formats = try ReportFormat.parse(format) + (`internal` ? [.internal] : [])
      let pipeline = try ReportPipeline(
        ReportRequest(
          surveys: surveys, store: store, output: output, formats: formats,
          template: template, includePartial: includePartial, language: lang, followedStore: followedStore))
      Self.warn(pipeline.surveyChanges)
      for path in try pipeline.write().files { print(path) }
    }

    /// Says, before anything is written, which stored responses were answered
    /// with an earlier definition (the reports' method notes say it too).
    static func warn(_ changes: SurveyChanges?) {
      for line in changes?.lines ?? [] { Diagnostics.emit(.warning, line) }
    }
  }
}
