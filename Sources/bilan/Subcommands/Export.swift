import ArgumentParser
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan export SURVEY.yaml`: every response as JSON Lines or wide CSV.
  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write every response, partial ones included, as JSON Lines or CSV.",
      discussion: """
        Responses come in the order they were started. Partial responses are included
        with their status. Contact data (email questions) is left out unless
        --include-contacts is given. Text is written as it was given: masking is for
        reports.

        jsonl (default): one JSON object per line, keys in a fixed order, answers in
          the survey's order; not-applicable is null, answers not given are absent.
        csv: one row per response, one column per answer key; a multiple question
          has one 0/1 column per choice (KEY/CODE), a ranking one column per rank
          (KEY/1, KEY/2…); na is not applicable, empty is not answered. UTF-8 with a
          byte-order mark, so Excel shows accents; a text starting with = + - @ gets
          a leading ' (removed again by `bilan import`).

        With --output, the file is written whole or not at all (a temporary file
        renamed at the end). Exit status: 0 written, 1 bad survey or store,
        3 the output or the store could not be read or written.

        Examples:
          $ bilan export Surveys/cooperation-pelussin-2015.yaml > responses.jsonl
          $ bilan export Surveys/cooperation-pelussin-2015.yaml --format csv --labels --output reponses.csv
          $ bilan export survey.yaml --store laptop2/responses.sqlite --include-contacts --output contacts.jsonl
        """
    )

    @Argument(help: ArgumentHelp("The survey definition.", valueName: "survey.yaml"))
    var survey: String

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite).",
        valueName: "path|url"))
    var store: String?

    @Option(help: "Output format: jsonl or csv.")
    var format: ResponseExporter.Format = .jsonl

    @Flag(help: "CSV: write choice labels instead of codes.")
    var labels = false

    @Option(help: ArgumentHelp("The language of labels (default: the survey's first).", valueName: "lang"))
    var lang: String?

    @Flag(help: "Include contact data (email questions).")
    var includeContacts = false

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
      if labels && format != .csv { throw ValidationError("--labels applies to --format csv only.") }
    }

    func run() async throws {
      let survey = try StoreCommand.loadSurvey(path: self.survey)
      if let lang, !survey.languages.contains(lang) {
        throw ValidationError(
          "--lang \(lang): the survey is written in \(survey.languages.joined(separator: ", ")).")
      }
      let exporter = ResponseExporter(
        survey: survey, format: format, labels: labels, includeContacts: includeContacts, language: lang)
      do {
        let store = try StoreCommand.address(store, surveyID: survey.id).open(
          surveyID: survey.id, create: false)
        if let output {
          let file = try AtomicFile(path: output)
          try exporter.write(from: store) { data throws(ExportError) in try file.write(data) }
          try file.commit(mode: includeContacts ? 0o600 : 0o644)
        } else {
          try exporter.write(from: store) { data in FileHandle.standardOutput.write(data) }
        }
      } catch StoreError.notFound(let path) {
        StoreCommand.printError("\(path): no store here: nothing to export (give --store PATH)")
        throw ExitCode(1)
      } catch {
        throw StoreCommand.exit(for: error)
      }
    }
  }
}

extension ResponseExporter.Format: ExpressibleByArgument {}

/// What `import`, `export` and `lint --store` share: loading the survey,
/// and the exit codes of `spec/cli.md` for store errors.
enum StoreCommand {
  /// The survey at `path`, or exit 1 with every problem of the file.
  static func loadSurvey(path: String) throws -> Survey {
    do {
      return try Survey.load(path: path)
    } catch {
      printError(error.errorDescription ?? "\(path): cannot load the survey")
      throw ExitCode(1)
    }
  }

  /// Prints `error` and returns the exit code it means: 1 for a wrong file,
  /// 3 for an I/O or storage failure (disk full, locked, unwritable).
  static func exit(for error: any Error) -> ExitCode {
    if let code = error as? ExitCode { return code }
    printError((error as? LocalizedError)?.errorDescription ?? "\(error)")
    if let error = error as? StoreError { return ExitCode(error.isInputError ? 1 : 3) }
    if error is ExportError { return ExitCode(3) }
    if error is ImportError { return ExitCode(1) }
    return ExitCode(3)
  }

  /// The store `--store` (else `BILAN_STORE`, else the survey's own file) names.
  static func address(_ option: String?, surveyID: String) throws -> StoreAddress {
    do {
      return try StoreAddress.resolve(option: option, surveyID: surveyID)
    } catch {
      throw exit(for: error)
    }
  }

  /// The changes of the survey at `surveyPath` that affect responses stored
  /// at `storePath`, as lint warnings: each at its question when the key is
  /// still in the survey, else at the top of the file; a summary first.
  static func surveyChangeDiagnostics(surveyPath: String, store option: String) throws -> [Diagnostic] {
    let survey = try loadSurvey(path: surveyPath)
    let changes: SurveyChanges
    let address = try address(option, surveyID: survey.id)
    let storePath = address.description
    do {
      let store = try address.open(surveyID: survey.id, create: false)
      changes = try SurveyChanges.check(survey: survey, store: store)
    } catch {
      throw exit(for: error)
    }
    guard !changes.isEmpty else { return [] }
    let top = SourceLocation(file: surveyPath, line: 1, column: 1)
    var diagnostics = [Diagnostic(.warning, at: top, "\(storePath): " + changes.lines[0])]
    for change in changes.changes {
      let question = survey.field(forKey: change.key)?.question
      let location = question.map { $0.location.line > 0 ? $0.location : top } ?? top
      diagnostics.append(Diagnostic(.warning, at: location, change.description))
    }
    if changes.unrecordedResponses > 0 {
      diagnostics.append(
        Diagnostic(
          .warning, at: top, "\(storePath): " + changes.lines.last!.trimmingCharacters(in: .whitespaces)))
    }
    return diagnostics
  }

  static func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}
