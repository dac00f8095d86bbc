import Aggregation
import ArgumentParser
import Foundation
import PostgresStore
import ReportPipeline
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan stats SURVEY.yaml`: the indicators, as tables or JSON.
  struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the indicators: tables for people, JSON for programs.",
      discussion: """
        Computes every indicator of the survey over its complete responses (add the \
        partial ones with --include-partial), overall and by each breakdown question \
        (or only the one given with --by). Groups below the survey's min_group_size are \
        withheld, with a second group wherever the first could be recovered by \
        subtraction.

        --format json prints an array with one object per indicator row, unrounded,
        in the order and shape of the command-line contract.

        Exit status: 0 success, 1 a bad survey file or store file, 2 a usage error,
        3 the store cannot be read.

        Example:
          $ bilan stats Surveys/cooperation-pelussin-2015.yaml --by role --format json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case table, json
    }

    @Argument(help: ArgumentHelp("The survey definition.", valueName: "survey.yaml"))
    var survey: String

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite).",
        valueName: "path|url"))
    var store: String?

    @Option(
      help: ArgumentHelp(
        "A follow-up survey: the store of the survey it follows (default: the same database, else that survey's own file).",
        valueName: "path|url"))
    var followedStore: String?

    @Option(help: ArgumentHelp("Break indicators down by this question only.", valueName: "question-id"))
    var by: String?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @Flag(help: "Count partial responses too (every output says so).")
    var includePartial = false

    @Option(help: ArgumentHelp("Language of the labels (default: the survey's first).", valueName: "fr|en"))
    var lang: String?

    func run() async throws {
      let definition = try Survey.load(path: survey)
      if let lang, !definition.languages.contains(lang) {
        throw CommandFailure(
          .usage,
          "--lang \(lang): the survey is written in \(definition.languages.joined(separator: ", ")) only.")
      }
      let address = try StoreAddress.resolve(option: store, surveyID: definition.id)
      let language = lang ?? definition.defaultLanguage
      let repository = try address.open(surveyID: definition.id, create: false)
      let warnings = SchemaChanges.warnings(
        from: try SurveyChanges.check(survey: definition, store: repository), language: language)
      let options = AggregationOptions(
        includePartial: includePartial, language: language, breakdowns: by.map { [$0] },
        schemaWarnings: warnings,
        followUp: try FollowUpSource.join(
          survey: definition, store: repository, address: address, followedStore: followedStore))
      var aggregator: Aggregator
      do {
        aggregator = try Aggregator(survey: definition, options: options)
      } catch {
        // A question that cannot break figures down is a usage error of --by.
        guard case .unknownBreakdown = error else { throw error }
        throw CommandFailure(.usage, "--by \(by ?? ""): \(error.errorDescription ?? "")")
      }
      try repository.forEachResponse(survey: definition.id, includePartial: true) { aggregator.add($0) }
      let results = aggregator.results()
      switch format {
      case .json:
        print(IndicatorJSON.render(results))
        // The JSON is an array of figures; survey-change notes go to standard error.
        for warning in results.schemaWarnings {
          let key = warning.key.map { "\(IndicatorTable.cell($0)): " } ?? ""
          Diagnostics.emit(.warning, "\(key)\(IndicatorTable.cell(warning.message)) (\(warning.responses))")
        }
      case .table: print(IndicatorTable.render(results), terminator: "")
      }
    }
  }
}
