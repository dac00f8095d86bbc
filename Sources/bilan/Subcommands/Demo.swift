import ArgumentParser
import Foundation
import Rehearsal
import ReportPipeline
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
        temporaryCopy = try ReferenceSurvey.writeTemporaryCopy()
        survey = temporaryCopy!.path
      }
      defer {
        if let temporaryCopy {
          try? FileManager.default.removeItem(at: temporaryCopy.deletingLastPathComponent())
        }
      }
      let definition = try Survey.load(path: survey)
      if let lang, !definition.languages.contains(lang) {
        throw CommandFailure(
          .input,
          "the survey has no language '\(lang)': use one of \(definition.languages.joined(separator: ", "))")
      }
      let folder = output ?? "Reports/demo"
      let storePath = store ?? "\(folder)/responses.sqlite"
      let bar = ProgressBar(total: responses)
      let counts = try RehearsalStore.replace(
        path: storePath, survey: definition, count: responses, seed: seed,
        language: lang ?? definition.defaultLanguage, progress: bar.update)
      bar.finish()
      print("\(counts.complete) complete and \(counts.partial) partial synthetic responses in \(storePath)")
      if noReports { return }

      let pipeline = try ReportPipeline(
        ReportRequest(surveys: [survey], store: storePath, output: folder, language: lang))
      Report.warn(pipeline.surveyChanges)
      let outcome = try pipeline.write()
      for path in outcome.files { print(path) }
      if !outcome.headlines.isEmpty {
        print("")
        for line in outcome.headlines { print(line) }
      }
    }
  }
}
