import Foundation
import ResponseStore
import SurveyDefinition

/// Several surveys computed together: each on its own, and pooled over what
/// they share, in one pass over each survey's responses.
public struct Consolidation: Sendable {
  public let surveys: [Survey]
  public let options: AggregationOptions
  var editions: [Aggregator]
  var pooled: Aggregator?
  /// Answer keys every survey has with the same type, in the first survey's order.
  public let sharedKeys: [String]

  /// Prepares one aggregator per survey and a pooled one over the first
  /// survey's definition restricted to what every survey shares.
  public init(surveys: [Survey], options: AggregationOptions = AggregationOptions()) throws(AggregationError)
  {
    precondition(!surveys.isEmpty, "consolidation needs at least one survey")
    self.surveys = surveys
    self.options = options
    var editions: [Aggregator] = []
    for survey in surveys {
      var own = options
      own.breakdowns = options.breakdowns?.filter { id in
        survey.breakdowns.contains(id) || survey.question(id) != nil
      }
      editions.append(try Aggregator(survey: survey, options: own))
    }
    self.editions = editions
    let schemas = surveys.map {
      Dictionary($0.answerSchema.map { ($0.key, $0.type) }, uniquingKeysWith: { a, _ in a })
    }
    let first = surveys[0]
    let shared = first.answerSchema.filter { field in schemas.allSatisfy { $0[field.key] == field.type } }
      .map(\.key)
    sharedKeys = shared
    let pooledSurvey = Self.pooledSurvey(surveys, sharedKeys: Set(shared))
    if !pooledSurvey.indicators.isEmpty || !pooledSurvey.sections.isEmpty {
      var pooledOptions = options
      pooledOptions.breakdowns = options.breakdowns?.filter { pooledSurvey.breakdowns.contains($0) }
      pooled = try Aggregator(survey: pooledSurvey, options: pooledOptions)
    }
  }

  /// Adds a response of survey number `edition` (its own figures and the pooled ones).
  public mutating func add(_ response: Response, edition: Int) {
    editions[edition].add(response)
    pooled?.add(response)
  }

  /// The editions side by side and pooled.
  public func results() -> ConsolidatedResults {
    let editionResults = editions.map { $0.results() }
    let pooledResults = pooled?.results()
    var comparison: [IndicatorComparison] = []
    for indicator in editionResults[0].indicators {
      let matches = editionResults.map { results in
        results.indicators.first { $0.id == indicator.id && $0.kind == indicator.kind }
      }
      guard matches.allSatisfy({ $0 != nil }) else { continue }
      let rows = matches.map { $0?.overall ?? [] }
      var changes: [EditionChange] = []
      for to in rows.indices.dropFirst() {
        for row in rows[0] {
          func same(_ other: IndicatorRow) -> Bool { other.item?.code == row.item?.code }
          changes.append(
            EditionChange(
              item: row.item, from: to - 1, to: to,
              verdict: EditionChange.verdict(
                from: rows[to - 1].first(where: same), to: rows[to].first(where: same), unit: indicator.unit,
                kind: indicator.kind)))
        }
      }
      comparison.append(
        IndicatorComparison(
          indicator: indicator.id, kind: indicator.kind, label: indicator.label,
          editions: zip(editionResults, matches).map { results, match in
            EditionValue(
              survey: results.survey.id, date: results.survey.event?.date, rows: match?.overall ?? [])
          },
          pooled: pooledResults?.indicator(indicator.id)?.overall, changes: changes))
    }
    return ConsolidatedResults(
      editions: editionResults, comparison: comparison, pooled: pooledResults, sharedKeys: sharedKeys)
  }

  /// Computes every survey from `repositories` (one per survey, in order).
  public static func results(
    surveys: [Survey], repositories: [any ResponseRepository],
    options: AggregationOptions = AggregationOptions()
  ) throws -> ConsolidatedResults {
    var consolidation = try Consolidation(surveys: surveys, options: options)
    for (index, survey) in surveys.enumerated() {
      try repositories[index].forEachResponse(survey: survey.id, includePartial: true) {
        consolidation.add($0, edition: index)
      }
    }
    return consolidation.results()
  }

  /// The first survey restricted to what all share: questions whose every
  /// answer key is shared, indicators whose every key is shared (response_rate
  /// when every survey has a registered count, over their sum), breakdowns
  /// likewise. Identity: the first survey's, version 0, events pooled.
  static func pooledSurvey(_ surveys: [Survey], sharedKeys: Set<String>) -> Survey {
    var pooled = surveys[0]
    pooled.version = 0
    var keptQuestions = Set<String>()
    pooled.sections = pooled.sections.compactMap { section in
      var section = section
      section.questions = section.questions.filter { question in
        let instances = pooled.instances.filter { $0.question.id == question.id }
        let keys = instances.flatMap(\.fields).map(\.key)
        return !keys.isEmpty && keys.allSatisfy(sharedKeys.contains)
      }
      keptQuestions.formUnion(section.questions.map(\.id))
      return section.questions.isEmpty ? nil : section
    }
    let registered = surveys.map { $0.event?.registered }
    let allRegistered = registered.allSatisfy { $0 != nil }
    pooled.indicators = pooled.indicators.filter { indicator in
      switch indicator.kind {
      case .responseRate:
        return allRegistered
      case .index:
        return indicator.questions.allSatisfy { keptQuestions.contains(String($0.split(separator: ".")[0])) }
      default:
        return indicator.question.map { keptQuestions.contains(String($0.split(separator: ".")[0])) } ?? false
      }
    }
    pooled.breakdowns = pooled.breakdowns.filter { keptQuestions.contains($0) }
    if var event = pooled.event {
      event.registered = allRegistered ? registered.reduce(0) { $0 + ($1 ?? 0) } : nil
      event.date = nil
      pooled.event = event
    }
    return pooled
  }
}
