import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition

/// The aggregation engine: one pass over the responses, feeding per-question
/// and per-indicator accumulators, then `results()`.
///
/// Memory grows with the number of questions, items and breakdown groups, not
/// with the number of responses: free text keeps at most
/// `AggregationOptions.verbatimLimit` answers per key (all are counted), and
/// the only other lists are counts per distinct value or word.
///
/// ```swift
/// var aggregator = try Aggregator(survey: survey, options: AggregationOptions())
/// try store.forEachResponse(survey: survey.id, includePartial: true) { aggregator.add($0) }
/// let results = aggregator.results()
/// ```
/// Feed partial responses too: they are counted, and included in the figures
/// only with `includePartial`.
public struct Aggregator: Sendable {
  public let survey: Survey
  public let options: AggregationOptions
  /// The language of the results' labels.
  public let language: String
  var breakdowns: [BreakdownPlan]
  var questions: [QuestionAccumulator]
  var indicators: [IndicatorPlan]
  var freeText: [FreeTextAccumulator]
  /// The answer keys read, one slot each.
  let slotKeys: [String]
  // Per-response scratch, reused: the answers by slot, the cells the response
  // falls in, its group (or -1) in each breakdown.
  var slotValues: SlotValues
  var cellScratch: [Int]
  var groupScratch: [Int32]
  /// The slots of the followed survey's answers (`FollowUpJoin.slotKey`), with their keys.
  let followedSlots: [(slot: Int, key: String)]
  var linked = 0
  var withoutToken = 0
  var unknownToken = 0
  var complete = 0
  var partial = 0
  var included = 0
  var synthetic = 0
  var lastDate: Date?

  /// Prepares the accumulators of `survey`.
  ///
  /// Throws when `options.breakdowns` names something that is not a
  /// single-choice question, or `options.language` is not a survey language.
  public init(survey: Survey, options: AggregationOptions = AggregationOptions()) throws(AggregationError) {
    self.survey = survey
    self.options = options
    if let language = options.language, !survey.languages.contains(language) {
      throw .unknownLanguage(language, survey: survey.id, available: survey.languages)
    }
    let language = options.language ?? survey.defaultLanguage
    do {
      _ = try ToolLanguage(code: language)
    } catch {
      throw .noToolWords(error)
    }
    self.language = language
    let singles = survey.allQuestions.compactMap { entry -> String? in
      if case .single = entry.question.kind, entry.section.forEach == nil { return entry.question.id }
      return nil
    }
    var slots = AnswerSlots()
    var plans: [BreakdownPlan] = []
    for id in options.breakdowns ?? survey.breakdowns {
      guard singles.contains(id), let (question, _) = survey.question(id) else {
        throw .unknownBreakdown(id, survey: survey.id, available: singles)
      }
      plans.append(BreakdownPlan(question: question, language: language, slots: &slots))
    }
    breakdowns = plans
    let instances = survey.instances.filter {
      if case .email = $0.question.kind { return false }
      return true
    }
    questions = instances.map { QuestionAccumulator(instance: $0, slots: &slots) }
    var texts: [FreeTextAccumulator] = []
    for instance in instances {
      let isOther: Bool
      switch instance.question.kind {
      case .text, .longText: isOther = false
      case .single(_, true), .multiple(_, true, _, _, _): isOther = true
      default: continue
      }
      texts.append(
        FreeTextAccumulator(
          instance: instance, isOther: isOther, language: language, limit: options.verbatimLimit,
          breakdownCount: plans.count, slots: &slots))
    }
    freeText = texts
    let cellCount = 1 + plans.reduce(0) { $0 + $1.groups.count }
    indicators = survey.indicators.map {
      IndicatorPlan(
        indicator: $0, survey: survey, followed: options.followUp?.followed, language: language,
        cellCount: cellCount, slots: &slots)
    }
    slotKeys = slots.keys
    let prefix = FollowUpJoin.slotKey("")
    followedSlots = slots.keys.enumerated().filter { $0.element.hasPrefix(prefix) }.map {
      ($0.offset, String($0.element.dropFirst(prefix.count)))
    }
    slotValues = Array(repeating: nil, count: slots.keys.count)
    cellScratch = []
    cellScratch.reserveCapacity(1 + plans.count)
    groupScratch = Array(repeating: -1, count: plans.count)
  }

  /// Adds one response. Partial responses are counted, and added to the
  /// figures only when `options.includePartial`.
  public mutating func add(_ response: Response) {
    switch response.status {
    case .complete: complete += 1
    case .partial: partial += 1
    }
    guard response.status == .complete || options.includePartial else { return }
    included += 1
    if response.source == .synthetic { synthetic += 1 }
    let date = response.submittedAt ?? response.startedAt
    if lastDate.map({ date > $0 }) ?? true { lastDate = date }
    // Each key read once.
    let answers = response.answers
    for slot in slotKeys.indices { slotValues[slot] = answers[slotKeys[slot]] }
    if let join = options.followUp {
      // A follow-up response: the answers of the response it follows, where its token names one.
      let original = join.original(of: response.id)
      if original != nil {
        linked += 1
      } else if join.unknownTokens.contains(response.id) {
        unknownToken += 1
      } else {
        withoutToken += 1
      }
      for (slot, key) in followedSlots { slotValues[slot] = original?[key] }
    }
    // The cells this response falls in: overall, then one group per breakdown.
    cellScratch.removeAll(keepingCapacity: true)
    cellScratch.append(0)
    var offset = 1
    for index in breakdowns.indices {
      if let group = breakdowns[index].group(of: slotValues) {
        breakdowns[index].counts[group] += 1
        cellScratch.append(offset + group)
        groupScratch[index] = Int32(group)
      } else {
        breakdowns[index].unanswered += 1
        groupScratch[index] = -1
      }
      offset += breakdowns[index].groups.count
    }
    for index in questions.indices { questions[index].add(slotValues) }
    for index in indicators.indices { indicators[index].add(slotValues, cells: cellScratch) }
    for index in freeText.indices { freeText[index].add(slotValues, groups: groupScratch) }
  }

  /// Adds every response of `responses`.
  public mutating func add(contentsOf responses: some Sequence<Response>) {
    for response in responses { add(response) }
  }

  /// Computes `survey` over `responses` in one pass.
  public static func results(
    survey: Survey, responses: some Sequence<Response>, options: AggregationOptions = AggregationOptions()
  ) throws(AggregationError) -> SurveyResults {
    var aggregator = try Aggregator(survey: survey, options: options)
    aggregator.add(contentsOf: responses)
    return aggregator.results()
  }

  /// Computes `survey` over the responses of `repository`, read one at a time.
  public static func results(
    survey: Survey, repository: any ResponseRepository, options: AggregationOptions = AggregationOptions()
  ) throws -> SurveyResults {
    var aggregator = try Aggregator(survey: survey, options: options)
    try repository.forEachResponse(survey: survey.id, includePartial: true) { aggregator.add($0) }
    return aggregator.results()
  }
}

/// One breakdown question: its groups (choices, then `other`) and their sizes.
struct BreakdownPlan: Sendable {
  let question: Question
  let slot: Int
  let label: String
  let groups: [GroupRef]
  let index: [String: Int]
  var counts: [Int]
  var unanswered = 0

  init(question: Question, language: String, slots: inout AnswerSlots) {
    self.question = question
    slot = slots.slot(question.id)
    label = question.label.text(language)
    var groups = (question.kind.choices ?? []).map {
      GroupRef(question: question.id, code: $0.code, label: $0.label.text(language))
    }
    if question.kind.hasOther {
      groups.append(GroupRef(question: question.id, code: "other", label: Vocabulary.other(language)))
    }
    self.groups = groups
    var index: [String: Int] = [:]
    for (position, group) in groups.enumerated() { index[group.code] = position }
    self.index = index
    counts = Array(repeating: 0, count: groups.count)
  }

  /// The group of a response, `nil` when it did not answer (or answered a
  /// code the definition no longer has).
  func group(of answers: SlotValues) -> Int? {
    guard case .code(let code)? = answers[slot] else { return nil }
    return index[code]
  }
}

/// The tool's own words in the report language (``ToolWords/Engine``).
enum Vocabulary {
  static func other(_ language: String) -> String { ToolWords.resolved(language).engine.other }
  static func yes(_ language: String) -> String { ToolWords.resolved(language).engine.yes }
  static func no(_ language: String) -> String { ToolWords.resolved(language).engine.no }
  static let responseRate = LocalizedText([
    "fr": ToolWords.french.engine.responseRate, "en": ToolWords.english.engine.responseRate,
    "*": ToolWords.english.engine.responseRate,
  ])
}
