import Aggregation
import ArgumentParser
import Foundation
import MarkdownReport
import Rehearsal
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan demo`: a rehearsal with synthetic responses to the reference survey.
  struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rehearse: fill a store with plausible synthetic responses and write their reports.",
      discussion: """
        Fills a store with synthetic responses to the reference survey — participants in pairs and \
        trios per territory, a realistic mix of roles and structures, ratings that move together, a \
        few partial responses, free text from a phrase bank — then writes the workbook and the \
        synthesis, prints where they are and the first figures a facilitator looks at.

        The rehearsal never touches a real survey's store: by default it works in Reports/demo/ \
        (store and reports), and it refuses to replace a store that holds responses that are not \
        synthetic. The same seed gives the same store and byte-identical reports.

        Examples:
          $ bilan demo
          $ bilan demo --responses 100000 --seed 42 --output /tmp/rehearsal
        """
    )

    @Option(help: "How many responses to generate (1 to 1,000,000).")
    var responses = 15

    @Option(help: "The seed of the generator: the same seed gives the same responses.")
    var seed: UInt64 = 2015

    @Option(
      help:
        "The survey to rehearse (default: Surveys/cooperation-pelussin-2015.yaml, or the copy built into bilan)."
    )
    var survey: String?

    @Option(
      help: "The store to fill (default: Reports/demo/responses.sqlite; replaced if it is a demo store).")
    var store: String?

    @Option(help: "The folder the reports go to (default: Reports/demo/).")
    var output: String?

    @Option(help: "The language of the answers and the reports (default: the survey's first).")
    var lang: String?

    @Flag(help: "Fill the store only, without writing the reports (for benchmarks).")
    var noReports = false

    func validate() throws {
      guard (1...1_000_000).contains(responses) else {
        throw ValidationError("--responses must be between 1 and 1000000 (got \(responses)).")
      }
      if let store, (try? StoreAddress(store))?.isServer != false {
        // A rehearsal replaces its store whole: never a shared database.
        throw ValidationError(
          "--store: the rehearsal writes a file of its own, not a database; to rehearse on PostgreSQL, "
            + "`bilan import SURVEY.yaml FILE --store postgres://…` its file afterwards.")
      }
    }

    func run() async throws {
      // The reference survey of the repository when run from it, else the copy built into bilan.
      var temporaryCopy: URL?
      let survey: String
      if let given = self.survey {
        survey = given
      } else if FileManager.default.fileExists(atPath: "Surveys/\(ReferenceSurvey.fileName)") {
        survey = "Surveys/\(ReferenceSurvey.fileName)"
      } else {
        do {
          temporaryCopy = try ReferenceSurvey.writeTemporaryCopy()
        } catch {
          throw Self.failure(
            "cannot write the reference survey to a temporary folder: \(error.localizedDescription)", code: 3)
        }
        survey = temporaryCopy!.path
      }
      defer {
        if let temporaryCopy {
          try? FileManager.default.removeItem(at: temporaryCopy.deletingLastPathComponent())
        }
      }
      let definition: Survey
      do {
        definition = try Survey.load(path: survey)
      } catch {
        throw Self.failure(error.errorDescription ?? "\(error)", code: 1)
      }
      if let lang, !definition.languages.contains(lang) {
        throw Self.failure(
          "the survey has no language '\(lang)': use one of \(definition.languages.joined(separator: ", "))",
          code: 1)
      }
      let folder = output ?? "Reports/demo"
      let storePath = store ?? "\(folder)/responses.sqlite"
      do {
        guard try RehearsalStore.holdsOnlySyntheticResponses(path: storePath, survey: definition) else {
          throw Self.failure(
            "\(storePath) holds real responses: the rehearsal will not replace it. Give another --store.",
            code: 1)
        }
      } catch let error as StoreError {
        throw Self.failure(
          "\(error.errorDescription ?? "\(error)") — the rehearsal will not replace it.", code: 1)
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
        counts = try RehearsalStore.fill(repository, survey: definition, responses: generated) {
          bar.update($0)
        }
        bar.finish()
      } catch {
        throw Self.failure("\((error as? LocalizedError)?.errorDescription ?? "\(error)")", code: 3)
      }
      print("\(counts.complete) complete and \(counts.partial) partial synthetic responses in \(storePath)")
      if noReports { return }

      var arguments = [survey, "--store", storePath, "--output", folder]
      if let lang { arguments += ["--lang", lang] }
      let written: (paths: [String], results: SurveyResults?)
      do {
        written = try Report.parse(arguments).produce()
      } catch let failure as Report.ReportFailure {
        throw Self.failure(failure.message, code: failure.code)
      }
      for path in written.paths { print(path) }
      if let results = written.results {
        print("")
        for line in Self.headlines(results) { print(line) }
      }
    }

    /// The three figures a facilitator looks at first: how many answered,
    /// how satisfied they were, and whether they would recommend the day.
    static func headlines(_ results: SurveyResults) -> [String] {
      let language = ReportLanguage(code: results.survey.language)
      let typography = Typography(language)
      let french = language == .french
      var lines: [String] = []
      let counts = results.counts
      var responses =
        french
        ? "Réponses\(typography.colon)\(typography.integer(counts.complete)) complètes"
        : "Responses\(typography.colon)\(typography.integer(counts.complete)) complete"
      // A rehearsal with more responses than people registered has no meaningful rate.
      if let rate = counts.responseRate, let registered = counts.registered, rate <= 1 {
        responses +=
          french
          ? " sur \(registered) inscrits (\(typography.percent(rate)))"
          : " of \(registered) registered (\(typography.percent(rate)))"
      }
      lines.append(responses)
      let picks: [IndicatorKind] = [.topBox, .nps, .index, .mean, .share]
      var chosen: [IndicatorResult] = []
      for kind in picks where chosen.count < 2 {
        if let indicator = results.indicators.first(where: { $0.kind == kind && !$0.perItem }) {
          chosen.append(indicator)
        }
      }
      for indicator in chosen {
        guard let row = indicator.overall.first, let value = row.value else { continue }
        var line = "\(indicator.label)\(typography.colon)\(format(value, unit: indicator.unit, typography))"
        if let low = row.ciLow, let high = row.ciHigh {
          line +=
            " "
            + typography.interval(
              format(low, unit: indicator.unit, typography), format(high, unit: indicator.unit, typography))
        }
        if let verdict = row.verdict, let target = indicator.targetValue {
          let goal = format(target, unit: indicator.unit, typography)
          let said =
            switch verdict {
            case .met: french ? "atteint" : "met"
            case .notMet: french ? "non atteint" : "not met"
            case .notConclusive: french ? "non concluant" : "not conclusive"
            }
          line +=
            french
            ? "\(typography.semicolon)objectif \(goal) \(said)"
            : "\(typography.semicolon)target \(goal) \(said)"
        }
        lines.append(line)
      }
      return lines
    }

    private static func format(_ value: Double, unit: IndicatorUnit, _ typography: Typography) -> String {
      switch unit {
      case .proportion: typography.percent(value)
      case .points: typography.number(value, decimals: 0, signed: true)
      case .index, .scaleUnits, .bordaPoints: typography.number(value, decimals: unit.decimals)
      }
    }

    /// Prints `message` on standard error and gives the exit code to throw.
    static func failure(_ message: String, code: Int32) -> ExitCode {
      FileHandle.standardError.write(Data("error: \(message)\n".utf8))
      return ExitCode(code)
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
