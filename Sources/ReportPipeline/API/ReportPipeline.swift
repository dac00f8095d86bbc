import Aggregation
import BilanBase
import ExcelReport
import Foundation
import MarkdownReport
import PostgresStore
import ResponseStore
import SurveyDefinition

/// A report from end to end: the library entry point `bilan report`,
/// `bilan demo` and `bilan live` call.
///
/// Two steps, so that a caller can show the survey changes before anything is
/// written: ``init(_:)`` loads the definitions, opens the stores and checks
/// everything that can be checked before touching the output folder;
/// ``write()`` computes the results, writes every requested file into a
/// staging folder, then moves them into place (a failure leaves the previous
/// reports as they were).
///
/// Errors are those of the step that failed: `SurveyLoadError`, `StoreError`,
/// `AggregationError`, `MarkdownReportError`, `ExcelReportError`,
/// `FileWriteError`, or ``ReportError``.
public struct ReportPipeline {
  public let request: ReportRequest
  /// The definitions, in the order of the request.
  public let surveys: [Survey]
  /// For one survey, what changed in its definition since some stored
  /// responses were answered (empty when nothing did); the reports' method
  /// notes say it too.
  public let surveyChanges: SurveyChanges?
  /// The folder the reports go to.
  public let folder: URL

  private let language: String
  private let stores: [(address: StoreAddress, store: any ResponseRepository)]
  private let template: SynthesisTemplate?
  private let plan: Plan

  /// What to compute once the output folder is reached.
  private enum Plan {
    case single(aggregator: Aggregator, options: AggregationOptions, expected: Int)
    case consolidated(ConsolidatedResults)
  }

  /// Loads, opens and checks: nothing is written.
  public init(_ request: ReportRequest) throws {
    guard !request.surveys.isEmpty else { throw ReportError.noSurvey }
    self.request = request
    surveys = try request.surveys.map { path throws -> Survey in try Survey.load(path: path) }
    language = request.language ?? surveys[0].defaultLanguage
    // A store named for several surveys (a database, or one file given) is opened once.
    let addresses = try surveys.map { try StoreAddress.resolve(option: request.store, surveyID: $0.id) }
    let shared = Set(addresses).count < addresses.count
    var opened: [StoreAddress: any ResponseRepository] = [:]
    stores = try zip(surveys, addresses).map { survey, address in
      if let store = opened[address] { return (address, store) }
      let store = try address.open(surveyID: shared ? nil : survey.id, create: false)
      opened[address] = store
      return (address, store)
    }
    folder = URL(
      fileURLWithPath: request.output ?? "Reports/\(surveys.map(\.id).joined(separator: "+"))",
      isDirectory: true)
    template = try request.template.map { try SynthesisTemplate(path: $0) }
    if let document = request.documents.first, PandocConversion.locate() == nil {
      throw MarkdownReportError.pandocMissing(format: document.rawValue, install: document.requirements)
    }
    var options = AggregationOptions(includePartial: request.includePartial, language: language)
    if surveys.count == 1 {
      // Responses answered with an earlier definition: which keys, how many responses.
      let changes = try SurveyChanges.check(survey: surveys[0], store: stores[0].store)
      surveyChanges = changes
      options.schemaWarnings = SchemaChanges.warnings(from: changes, language: language)
      options.followUp = try FollowUpSource.join(
        survey: surveys[0], store: stores[0].store, address: stores[0].address,
        followedStore: request.followedStore, candidates: request.surveys)
      plan = .single(
        aggregator: try Aggregator(survey: surveys[0], options: options), options: options,
        expected: try stores[0].store.count(survey: surveys[0].id, includePartial: request.includePartial))
    } else {
      surveyChanges = nil
      try Self.checkEveryEditionHasResponses(request, surveys, stores)
      var consolidation = try Consolidation(surveys: surveys, options: options)
      for (index, feed) in Self.feeds(surveys, stores).enumerated() {
        try feed { consolidation.add($0, edition: index) }
      }
      plan = .consolidated(consolidation.results())
    }
  }

  /// Computes the results, writes every requested file into a staging
  /// folder, then moves them into place.
  public func write() throws -> ReportOutcome {
    let formats = request.formats
    let feeds = Self.feeds(surveys, stores)
    var single: SurveyResults?
    let paths = try StagedOutput.publish(into: folder) { staging in
      // The internal workbook first whatever the order asked: for one survey
      // its pass over the store computes the results the other files show.
      let internalURL = staging.appendingPathComponent(ExcelReport.internalFileName(language: language))
      switch plan {
      case .single(var aggregator, let options, let expected):
        if formats.contains(.internal) {
          single = try ExcelReport.writeInternal(
            survey: surveys[0], aggregator: &aggregator, expectedResponses: expected, to: internalURL,
            responses: feeds[0])
        } else {
          single = try Aggregator.results(survey: surveys[0], repository: stores[0].store, options: options)
        }
      case .consolidated(let results):
        if formats.contains(.internal) {
          try ExcelReport.writeInternal(
            consolidated: results, surveys: surveys, to: internalURL, responses: feeds)
        }
      }
      if formats.contains(.xlsx) {
        let url = staging.appendingPathComponent(ExcelReport.fileName(language: language))
        switch plan {
        case .single:
          if let single { try ExcelReport.write(results: single, survey: surveys[0], to: url) }
        case .consolidated(let results):
          try ExcelReport.write(consolidated: results, surveys: surveys, to: url)
        }
      }
      guard formats.contains(where: { ![.xlsx, .internal].contains($0) }) else { return }
      // Once for md, html and pdf: synthese.md and figures/*.svg, relative
      // to the report folder, and what pandoc makes of them.
      let files: [String: Data]
      let title: String
      let lastResponse: Date?
      switch plan {
      case .single:
        guard let results = single else { return }
        files = try MarkdownReport.render(results: results, survey: surveys[0], template: template)
        (title, lastResponse) = (results.survey.title, results.lastResponseDate)
      case .consolidated(let results):
        files = try MarkdownReport.render(consolidated: results, surveys: surveys, template: template)
        title = results.editions.first?.survey.title ?? ""
        lastResponse = results.editions.compactMap(\.lastResponseDate).max()
      }
      try SynthesisOutput.write(
        files, into: staging, markdown: formats.contains(.md), documents: request.documents,
        title: title, language: ReportLanguage(code: language), sourceDate: lastResponse)
    }
    return ReportOutcome(files: paths, results: single)
  }

  /// The figures of the one survey of the request, computed as the reports
  /// compute them (its definition's changes noted), with nothing written:
  /// what `bilan live` shows. Each call reads the store again.
  public func results() throws -> SurveyResults {
    guard case .single(_, let options, _) = plan else { throw ReportError.notOneSurvey }
    return try Aggregator.results(survey: surveys[0], repository: stores[0].store, options: options)
  }

  /// Each store's responses to its edition, partial ones included (the
  /// engine counts them or not).
  private static func feeds(
    _ surveys: [Survey], _ stores: [(address: StoreAddress, store: any ResponseRepository)]
  ) -> [ExcelReport.ResponseFeed] {
    zip(surveys, stores.map(\.store)).map { survey, store in
      { body in try store.forEachResponse(survey: survey.id, includePartial: true, body) }
    }
  }

  /// Refuses a consolidation in which a store holds no responses to one of
  /// the editions (a shared `--store` into which an edition was never
  /// imported): its report would say "0 réponse" as if nobody had answered.
  private static func checkEveryEditionHasResponses(
    _ request: ReportRequest, _ surveys: [Survey],
    _ stores: [(address: StoreAddress, store: any ResponseRepository)]
  ) throws {
    var problems: [String] = []
    let includePartial = request.includePartial
    for (index, (survey, (address, store))) in zip(surveys, stores).enumerated() {
      let counted = try store.count(survey: survey.id, includePartial: includePartial)
      guard counted == 0 else { continue }
      let partial = includePartial ? 0 : try store.count(survey: survey.id, includePartial: true)
      let file = request.surveys[index]
      problems.append(
        "\(address) holds no \(includePartial ? "" : "complete ")responses to '\(survey.id)' "
          + "(edition \(index + 1) of \(surveys.count), \(file))"
          + (partial > 0 ? " but \(partial) partial (--include-partial counts them)" : "")
          + (request.store != nil && !address.isServer
            ? ": one store file holds one survey's responses; leave --store out to read each edition's "
              + "own store (\(SQLiteResponseStore.defaultPath(surveyID: survey.id))), or leave \(file) out"
            : ": import them (`bilan import \(file) FILE`) or leave \(file) out"))
    }
    if !problems.isEmpty { throw ReportError.editionsWithoutResponses(problems) }
  }
}
