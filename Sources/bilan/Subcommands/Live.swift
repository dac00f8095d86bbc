import ArgumentParser
import Foundation
import LiveSummary
import PostgresStore
import Questionnaire
import ReportPipeline
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan live SURVEY.yaml`: the summary for the projector, refreshed as answers arrive.
  struct Live: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the room its own results on the projector, refreshed as answers arrive.",
      discussion: """
        Full screen, in large type: responses in, the headline figure (satisfaction) and the key \
        indicators with their 95 % intervals and target verdicts, the tools compared (the \
        engine's ranks; ties and overlapping intervals said as such), the top obstacles. The \
        figures are the engine's, as in `bilan stats` and the reports, over complete responses; \
        they follow the store as `bilan serve`, `bilan ask` or `bilan import` add to it (in \
        another window or on another machine sharing the store).

        Nothing but the count is shown while fewer than the survey's privacy.min_group_size \
        responses are in; no breakdown by group is ever shown; free-text answers only with \
        --quotes (masked as in the reports). Q, Esc or Ctrl-C leaves and restores the terminal.

        Exit status: 0 left with a key, 1 wrong input (survey, store), 2 usage error (or no \
        terminal), 3 the store cannot be read, 130 stopped by a signal.

        Example:
          $ bilan live Surveys/cooperation-pelussin-2015.yaml
        """)

    @Argument(help: ArgumentHelp("The survey file.", valueName: "survey.yaml"))
    var survey: String

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite).",
        valueName: "path|url"))
    var store: String?

    @Option(help: "The language of the screen (fr or en; default: the survey's first).")
    var lang: String?

    @Flag(help: "Show the last free-text answers too (masked as in the reports).")
    var quotes = false

    @Option(help: ArgumentHelp("Seconds between two looks at the store.", valueName: "seconds"))
    var interval: Double = 1

    func validate() throws {
      if let lang, !["fr", "en"].contains(lang) {
        throw ValidationError("--lang must be fr or en, not '\(lang)'.")
      }
      if !(interval >= 0.1) { throw ValidationError("--interval must be at least 0.1 seconds.") }
    }

    func run() async throws {
      let definition = try Survey.load(path: survey)
      if let lang, !definition.languages.contains(lang) {
        throw CommandFailure(
          .usage,
          "--lang \(lang): the survey is written in \(definition.languages.joined(separator: ", ")) only.")
      }
      let address = try StoreAddress.resolve(option: store, surveyID: definition.id)
      // Made when missing: the projector may be switched on before the first answer.
      let repository = try address.open(surveyID: definition.id, create: true)
      let pipeline = try ReportPipeline(ReportRequest(surveys: [survey], store: store, language: lang))
      guard isatty(STDOUT_FILENO) == 1, let terminal = try? LocalTerminal() else {
        throw CommandFailure(
          .usage, "live draws full screen: run it in a terminal (figures for a file: bilan stats)")
      }
      var environment = ProcessInfo.processInfo.environment
      environment["TERM"] = environment["TERM"] ?? "xterm"
      let session = LiveSession(
        pipeline: pipeline, repository: repository, device: terminal, environment: environment,
        quotes: quotes,
        interval: interval)
      if case .terminated = try session.run() { throw ExitCode(ExitStatus.interrupted.rawValue) }
    }
  }
}
