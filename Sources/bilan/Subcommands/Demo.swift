import ArgumentParser
import Foundation
import Rehearsal
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan demo`: a rehearsal with synthetic responses to the reference survey.
  struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rehearse: fill a store with plausible synthetic responses and write their reports.",
      discussion: """
        Fills a store with synthetic responses to the reference survey — participants in
        pairs and trios per territory, a realistic mix of roles and structures, ratings that
        move together, a few partial responses, free text from a phrase bank — then writes
        the workbook and the synthesis, prints where they are and the first figures a
        facilitator looks at.

        The rehearsal never touches a real survey's store: by default it works in
        Reports/demo/ (store and reports), and it refuses to replace a store that holds
        responses that are not synthetic. The same seed gives the same store and
        byte-identical reports.

        Examples:
          $ bilan demo
          $ bilan demo --responses 100000 --seed 42 --output /tmp/rehearsal
        """
    )

    @Option(help: "How many responses to generate (1 to 1,000,000).")
    var responses = 15

    @Option(help: "The seed of the generator: the same seed gives the same responses.")
    var seed: UInt64 = 2015

    @Option(help: "The survey to rehearse.")
    var survey = "Surveys/cooperation-pelussin-2015.yaml"

    @Option(help: "The store to fill (default: Reports/demo/responses.sqlite; replaced if it is a demo store).")
    var store: String?

    @Option(help: "The folder the reports go to (default: Reports/demo/).")
    var output: String?

    @Option(help: "The language of the answers and the reports (default: the survey's first).")
    var lang: String?

    func validate() throws {
      guard (1...1_000_000).contains(responses) else {
        throw ValidationError("--responses must be between 1 and 1000000 (got \(responses)).")
      }
    }

    func run() async throws {
      let definition: Survey
      do {
        definition = try Survey.load(path: survey)
      } catch {
        let hint =
          FileManager.default.fileExists(atPath: survey)
          ? "" : " (run bilan demo from the bilan repository, or give --survey PATH)"
        Self.fail("\(error.errorDescription ?? "\(error)")\(hint)", code: 1)
      }
      if let lang, !definition.languages.contains(lang) {
        Self.fail("the survey has no language '\(lang)': use one of \(definition.languages.joined(separator: ", "))", code: 1)
      }
      let folder = output ?? "Reports/demo"
      let storePath = store ?? "\(folder)/responses.sqlite"
      do {
        guard try RehearsalStore.holdsOnlySyntheticResponses(path: storePath, survey: definition) else {
          Self.fail(
            "\(storePath) holds real responses: the rehearsal will not replace it. Give another --store.", code: 1)
        }
      } catch let error as StoreError {
        Self.fail("\(error.errorDescription ?? "\(error)") — the rehearsal will not replace it.", code: 1)
      }
      let counts: (complete: Int, partial: Int)
      do {
        try FileManager.default.createDirectory(
          atPath: (storePath as NSString).deletingLastPathComponent.isEmpty
            ? "." : (storePath as NSString).deletingLastPathComponent,
          withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
        let repository = try SQLiteResponseStore(path: storePath, surveyID: definition.id)
        let generated = SyntheticResponses(
          survey: definition, count: responses, seed: seed, language: lang ?? definition.defaultLanguage)
        let bar = ProgressBar(total: responses)
        counts = try RehearsalStore.fill(repository, survey: definition, responses: generated) { bar.update($0) }
        bar.finish()
      } catch {
        Self.fail("\((error as? LocalizedError)?.errorDescription ?? "\(error)")", code: 3)
      }
      FileHandle.standardError.write(
        Data("\(counts.complete) complete and \(counts.partial) partial synthetic responses in \(storePath)\n".utf8))
    }

    static func fail(_ message: String, code: Int32) -> Never {
      FileHandle.standardError.write(Data("error: \(message)\n".utf8))
      Foundation.exit(code)
    }
  }
}

/// A progress bar on standard error, drawn only when it is a terminal and
/// the work is long enough to need one.
final class ProgressBar {
  private let total: Int
  private let visible: Bool
  private var lastPercent = -1

  init(total: Int) {
    self.total = total
    self.visible = isatty(STDERR_FILENO) == 1 && total >= 10_000
  }

  func update(_ done: Int) {
    guard visible else { return }
    let percent = total == 0 ? 100 : done * 100 / total
    guard percent != lastPercent else { return }
    lastPercent = percent
    let filled = percent / 5
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
    FileHandle.standardError.write(Data("\r\(bar) \(percent) % (\(done)/\(total))".utf8))
  }

  func finish() {
    if visible { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}
