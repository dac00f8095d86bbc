import Aggregation
import ArgumentParser
import ExcelReport
import Foundation
import MarkdownReport
import PostgresStore
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan report SURVEY.yaml…`: the workbook (and the synthesis) of the stored responses.
  struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the Excel workbook (and the synthesis) of the stored responses.",
      discussion: """
        Writes Reports/SURVEY_ID/synthese.xlsx and synthese.md with its charts in figures/ \
        (synthesis.* when the report's language is English), or into --output DIR. With several surveys (editions of an event), one \
        consolidated workbook puts them side by side, in Reports/ID1+ID2…/ by default.

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

    /// The files `report` can write.
    enum Format: String, CaseIterable {
      case xlsx
      case md
      /// The synthesis rendered by pandoc.
      case html
      case pdf
    }

    @Argument(
      help: ArgumentHelp(
        "The survey definitions (several: one consolidated report).", valueName: "survey.yaml"))
    var surveys: [String]

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite for each survey).",
        valueName: "path|url"))
    var store: String?

    @Option(help: "The folder the reports go to (default: Reports/SURVEY_ID/).")
    var output: String?

    @Option(
      help: "What to write, comma-separated: \(Format.allCases.map(\.rawValue).joined(separator: ",")).")
    var format: String = "xlsx,md"

    @Option(
      help: ArgumentHelp(
        "A Mustache template for the synthesis, instead of the one shipped (its data: docs/templates.md).",
        valueName: "file"),
      completion: .file(extensions: ["mustache"]))
    var template: String?

    @Flag(help: "Include partial responses in the figures (the reports say so).")
    var includePartial = false

    @Option(help: "The report's language (default: the survey's first).")
    var lang: String?

    func validate() throws {
      if surveys.isEmpty { throw ValidationError("Give at least one survey file.") }
      _ = try formats()
    }

    /// The requested formats, in a fixed order, without repeats.
    func formats() throws -> [Format] {
      var result: [Format] = []
      for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
        guard let value = Format(rawValue: name) else {
          throw ValidationError(
            "Unknown format '\(name)': use \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if !result.contains(value) { result.append(value) }
      }
      if result.isEmpty { throw ValidationError("Give at least one format.") }
      return result
    }

    func run() async throws {
      do {
        let written = try produce()
        for path in written.paths { print(path) }
      } catch let failure as ReportFailure {
        FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
        throw ExitCode(failure.code)
      }
    }

    /// A failure with its message and exit code (cli.md: 1 input, 3 I/O).
    struct ReportFailure: Error {
      var message: String
      var code: Int32
    }

    private func fail(_ error: Error) -> ReportFailure {
      if let failure = error as? ReportFailure { return failure }
      let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
      switch error {
      case MarkdownReportError.writeFailed, MarkdownReportError.pandocFailed:
        return ReportFailure(message: message, code: 3)
      case is SurveyLoadError, is AggregationError, is MarkdownReportError:
        return ReportFailure(message: message, code: 1)
      case StoreError.notFound(let path):
        return ReportFailure(
          message:
            "no response store at \(path): answer with `bilan ask` or `bilan import` first, or give --store",
          code: 1)
      case let error as StoreError:
        // Not a store, another survey's store: the input is wrong (1); disk, lock, damage: 3.
        return ReportFailure(message: message, code: error.isInputError ? 1 : 3)
      case ExcelReportError.invalidInput: return ReportFailure(message: message, code: 1)
      case let error as CocoaError:
        // Foundation's own description names neither the file nor the fix.
        let path = error.filePath ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? output ?? ""
        let reason = (error.underlying as? POSIXError).map { String(cString: strerror($0.code.rawValue)) }
        return ReportFailure(
          message: "cannot write \(path): \(reason ?? error.localizedDescription)", code: 3)
      default: return ReportFailure(message: message, code: 3)
      }
    }

    /// Refuses a consolidation in which a store holds no responses to one of
    /// the editions (a shared `--store` into which an edition was never
    /// imported): its report would say "0 réponse" as if nobody had answered.
    private func checkEveryEditionHasResponses(
      _ definitions: [Survey], _ stores: [(address: StoreAddress, store: any ResponseRepository)]
    ) throws {
      var problems: [String] = []
      for (index, (survey, (address, store))) in zip(definitions, stores).enumerated() {
        let counted = try store.count(survey: survey.id, includePartial: includePartial)
        guard counted == 0 else { continue }
        let partial = includePartial ? 0 : try store.count(survey: survey.id, includePartial: true)
        let file = surveys[index]
        problems.append(
          "\(address) holds no \(includePartial ? "" : "complete ")responses to '\(survey.id)' "
            + "(edition \(index + 1) of \(definitions.count), \(file))"
            + (partial > 0 ? " but \(partial) partial (--include-partial counts them)" : "")
            + (definitions.count > 1 && !address.isServer && self.store != nil
              ? ": one store file holds one survey's responses; leave --store out to read each edition's "
                + "own store (\(SQLiteResponseStore.defaultPath(surveyID: survey.id))), or leave \(file) out"
              : ": import them (`bilan import \(file) FILE`) or leave \(file) out"))
      }
      if !problems.isEmpty {
        throw ReportFailure(message: problems.joined(separator: "\nerror: "), code: 1)
      }
    }

    /// Computes the results, writes every requested file into a staging
    /// folder, then moves them into place; returns the paths written and,
    /// for one survey, the results they show (`bilan demo` prints some).
    func produce() throws -> (paths: [String], results: SurveyResults?) {
      let formats = try formats()
      let definitions: [Survey]
      do {
        definitions = try surveys.map { path throws -> Survey in try Survey.load(path: path) }
      } catch {
        throw fail(error)
      }
      let language = lang ?? definitions[0].defaultLanguage
      let options = AggregationOptions(includePartial: includePartial, language: language)
      let opened: [(address: StoreAddress, store: any ResponseRepository)]
      do {
        // A store named for several surveys (a database, or one file) is opened once.
        let addresses = try definitions.map { try StoreAddress.resolve(option: store, surveyID: $0.id) }
        let shared = Set(addresses).count < addresses.count
        var openedAt: [StoreAddress: any ResponseRepository] = [:]
        opened = try zip(definitions, addresses).map { survey, address in
          if let repository = openedAt[address] { return (address, repository) }
          let repository = try address.open(surveyID: shared ? nil : survey.id, create: false)
          openedAt[address] = repository
          return (address, repository)
        }
      } catch {
        throw fail(error)
      }
      let stores = opened.map(\.store)
      let feeds: [ExcelReport.ResponseFeed] = zip(definitions, stores).map { survey, store in
        { body in try store.forEachResponse(survey: survey.id, includePartial: true, body) }
      }
      let folder = URL(
        fileURLWithPath: output ?? "Reports/\(definitions.map(\.id).joined(separator: "+"))",
        isDirectory: true)
      let workbookName = ExcelReport.fileName(language: language)
      let documents = formats.compactMap { DocumentFormat(rawValue: $0.rawValue) }
      let synthesisTemplate: SynthesisTemplate?
      do {
        synthesisTemplate = try template.map { try SynthesisTemplate(path: $0) }
        if let document = documents.first, PandocConversion.locate() == nil {
          throw MarkdownReportError.pandocMissing(format: document.rawValue, install: document.requirements)
        }
      } catch {
        throw fail(error)
      }

      // Check everything that can be checked before touching the output folder.
      var single: SurveyResults?
      /// The workbook (returning the results it shows, for one survey) and the synthesis.
      let workbook: (URL) throws -> SurveyResults?
      let synthesis:
        (SurveyResults?) throws -> (
          files: [String: Data], title: String, lastResponse: Date?, results: SurveyResults?
        )
      do {
        if definitions.count == 1 {
          let survey = definitions[0]
          let store = stores[0]
          // Responses answered with an earlier definition: say which keys and how
          // many responses, on the terminal and in both reports' method notes.
          let changes = try SurveyChanges.check(survey: survey, store: store)
          for line in changes.lines {
            FileHandle.standardError.write(Data("warning: \(line)\n".utf8))
          }
          var surveyOptions = options
          surveyOptions.schemaWarnings = SchemaChanges.warnings(from: changes, language: language)
          let aggregator = try Aggregator(survey: survey, options: surveyOptions)
          let expected = try store.count(survey: survey.id, includePartial: includePartial)
          // One pass over the store: the workbook's raw data and the results together.
          workbook = { url in
            var pass = aggregator
            return try ExcelReport.write(
              survey: survey, aggregator: &pass, expectedResponses: expected, to: url, responses: feeds[0])
          }
          synthesis = { computed in
            // Without a workbook, the results take a pass of their own.
            let results =
              try computed
              ?? Aggregator.results(survey: survey, repository: store, options: surveyOptions)
            let files = try MarkdownReport.render(
              results: results, survey: survey, template: synthesisTemplate)
            return (files, results.survey.title, results.lastResponseDate, results)
          }
        } else {
          try checkEveryEditionHasResponses(definitions, opened)
          var consolidation = try Consolidation(surveys: definitions, options: options)
          for (index, feed) in feeds.enumerated() {
            try feed { consolidation.add($0, edition: index) }
          }
          let results = consolidation.results()
          workbook = { url in
            try ExcelReport.write(consolidated: results, surveys: definitions, to: url, responses: feeds)
            return nil
          }
          synthesis = { _ in
            let files = try MarkdownReport.render(
              consolidated: results, surveys: definitions, template: synthesisTemplate)
            return (
              files, results.editions.first?.survey.title ?? "",
              results.editions.compactMap(\.lastResponseDate).max(), nil
            )
          }
        }
      } catch {
        throw fail(error)
      }
      let write: (URL) throws -> Void = { staging in
        // The workbook first whatever the order asked: for one survey it
        // computes the results the synthesis then uses.
        if formats.contains(.xlsx) {
          single = try workbook(staging.appendingPathComponent(workbookName))
        }
        if formats.contains(where: { $0 != .xlsx }) {
          // Once for md, html and pdf: synthese.md and figures/*.svg, relative
          // to the report folder, and what pandoc makes of them.
          let (files, title, lastResponse, results) = try synthesis(single)
          single = results
          try SynthesisOutput.write(
            files, into: staging, markdown: formats.contains(.md), documents: documents,
            title: title, language: ReportLanguage(code: language), sourceDate: lastResponse)
        }
      }
      do {
        return (try StagedOutput.publish(into: folder, write), single)
      } catch {
        throw fail(error)
      }
    }
  }
}
