import ArgumentParser
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan import SURVEY.yaml FILE…`: adds responses from files, pipes or other stores.
  struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add responses from files, pipes or the store of another laptop.",
      discussion: """
        Each FILE (or - for standard input) is read whole and every response in it is \
        checked with the survey's answer rules, the same as the questionnaire's. A file \
        with any problem is rejected whole: nothing of it is stored, and every problem \
        is listed on standard error as FILE:LINE: MESSAGE. Other files are still imported.

        Importing the same file twice, or responses already in the store (same id),
        adds nothing: "0 added, 15 already present". Rows without an id (Google Forms,
        CSV typed from paper, JSON Lines from another tool) get one from their content
        (the timestamp and the answers), so a re-download, an appended or a re-saved
        file adds only what is new; two equal rows of one file stay two responses.
        Responses erased with `bilan delete` are never added again.

        Formats (without --format, the content decides):
          store         another bilan store file (SQLite): merges the laptops of an event,
                        into a file or a shared database (--store postgres://…)
          jsonl         JSON Lines, as written by `bilan export` (starts with {)
          google-forms  a Google Forms CSV export (first column Timestamp or Horodateur);
                        columns are matched to questions by their label in any language
          csv           wide CSV, as written by `bilan export --format csv`
                        (codes or labels; KEY/CODE 0/1 columns; KEY/1… for ranks)

        Exit status: 0 all files imported, 1 a file was rejected, 3 the store could
        not be written (disk full, locked too long…).

        Examples:
          $ bilan import Surveys/cooperation-pelussin-2015.yaml laptop2/responses.sqlite
          laptop2/responses.sqlite: 7 added, 0 already present
          $ bilan import Surveys/cooperation-pelussin-2015.yaml export.jsonl
          export.jsonl: 0 added, 15 already present (this file was imported before)
          $ curl -s https://example.org/forms.csv | bilan import survey.yaml - --format google-forms
        """
    )

    @Argument(help: ArgumentHelp("The survey definition.", valueName: "survey.yaml"))
    var survey: String

    @Argument(help: ArgumentHelp("Files to import; - reads standard input.", valueName: "file"))
    var files: [String]

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite).",
        valueName: "path|url"))
    var store: String?

    @Option(help: "The files' format: jsonl, csv, google-forms or store (default: decided by the content).")
    var format: ResponseImporter.Format?

    func validate() throws {
      if files.isEmpty {
        throw ValidationError("Give at least one file to import (or - for standard input).")
      }
      if files.filter({ $0 == "-" }).count > 1 {
        throw ValidationError("Standard input (-) can be read only once.")
      }
    }

    func run() async throws {
      let survey = try Survey.load(path: self.survey)
      let address = try StoreAddress.resolve(option: store, surveyID: survey.id)
      let importer = ResponseImporter(survey: survey)
      var target: (any ResponseRepository)?
      var rejected = false
      var total = InsertOutcome(added: 0, alreadyPresent: 0)
      var rejectedFiles = 0
      for file in files {
        let data: Data
        do {
          data = try Self.contents(of: file)
        } catch {
          Diagnostics.report(error)
          rejected = true
          rejectedFiles += 1
          continue
        }
        let batch: ResponseImporter.Batch
        do {
          batch = try importer.read(data, name: file, path: file == "-" ? nil : file, format: format)
        } catch {
          Diagnostics.report(error)
          let lines = error.linesWithProblems
          Diagnostics.note(
            "\(file): rejected, nothing of it was stored"
              + (lines > 0 ? " (\(lines) line\(lines == 1 ? "" : "s") with problems)" : ""))
          rejected = true
          rejectedFiles += 1
          continue
        }
        let store = try target ?? address.open(surveyID: survey.id, create: true)
        target = store
        let outcome = try store.insert(
          batch.responses, schemas: batch.schemas, source: batch.source, tokens: batch.tokens)
        print(outcome.summary(file: file, earlierSchemaCount: batch.earlierSchemaCount))
        total.added += outcome.added
        total.alreadyPresent += outcome.alreadyPresent
        total.erased += outcome.erased
      }
      if files.count > 1 {
        print(
          "in all: \(total.added) added, \(total.alreadyPresent) already present, "
            + (total.erased > 0 ? "\(total.erased) erased earlier, " : "")
            + "\(rejectedFiles) file\(rejectedFiles == 1 ? "" : "s") rejected")
      }
      if rejected { throw ExitCode(1) }
    }

    /// The bytes of `file`, or of standard input for `-`; pipes and FIFOs are read to their end.
    static func contents(of file: String) throws -> Data {
      if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
        throw ImportError.unreadable(file: file, reason: "no such file")
      }
      guard !isDirectory.boolValue else { throw ImportError.unreadable(file: file, reason: "it is a folder") }
      guard let handle = FileHandle(forReadingAtPath: file) else {
        throw ImportError.unreadable(file: file, reason: String(cString: strerror(errno)))
      }
      defer { try? handle.close() }
      return try handle.readToEnd() ?? Data()
    }
  }
}

extension ResponseImporter.Format: ExpressibleByArgument {}
