import BilanBase
import SurveyDefinition

/// The free-text answers of one key, cleaned and masked as they arrive, with
/// their word counts.
///
/// Every answer is counted, and its words too; only the first `limit`
/// answers (in the order they are added) are kept, each with its breakdown
/// groups as small indices, so memory does not grow with the responses.
struct FreeTextAccumulator: Sendable {
  let instance: QuestionInstance
  let isOther: Bool
  let language: String
  /// The answer key read: `q`, `q.ITEM`, or `KEY.other`.
  let key: String
  let slot: Int
  /// The most answers kept.
  let limit: Int
  /// Breakdowns: one group index each per kept answer.
  let breakdownCount: Int
  let marker: String
  /// Non-blank answers seen, kept or not.
  var total = 0
  /// The kept answers, cleaned and masked.
  var texts: [String] = []
  /// `groups[answer * breakdownCount + breakdown]`: the answer's group in that
  /// breakdown (an index into its groups), or -1 when it did not answer it.
  var groups: [Int32] = []
  var words = WordFrequencyCounter()

  init(
    instance: QuestionInstance, isOther: Bool, language: String, limit: Int, breakdownCount: Int,
    slots: inout AnswerSlots
  ) {
    self.instance = instance
    self.isOther = isOther
    self.language = language
    key = isOther ? "\(instance.key).other" : instance.key
    slot = slots.slot(key)
    self.limit = max(0, limit)
    self.breakdownCount = breakdownCount
    marker = PersonalDataMasking.marker(language: language)
  }

  /// Adds one response's answer, if any; `groupIndices` holds one group index
  /// (or -1) per breakdown.
  mutating func add(_ answers: SlotValues, groups groupIndices: [Int32]) {
    guard let raw = answers[slot]?.stringValue else { return }
    let cleaned = Whitespace.trimmed(TextSanitizer.clean(raw, keeping: .layout))
    guard !cleaned.isEmpty else { return }
    total += 1
    let keep = texts.count < limit
    // Words are counted with personal data blanked out, so neither they nor the marker are counted.
    if PersonalDataMasking.mayContainPersonalData(cleaned) {
      let masked = PersonalDataMasking.masking(cleaned, markers: keep ? [" ", marker] : [" "])
      words.add(masked[0])
      if keep { texts.append(masked[1]) }
    } else {
      words.add(cleaned)
      if keep { texts.append(cleaned) }
    }
    if keep { groups.append(contentsOf: groupIndices) }
  }

  /// The summary; `small[b][g]` tells whether group g of breakdown b is
  /// below the minimum size.
  func summary(breakdowns: [BreakdownPlan], small: [[Bool]]) -> FreeTextSummary {
    var answers: [FreeTextAnswer] = []
    answers.reserveCapacity(texts.count)
    for (position, text) in texts.enumerated() {
      var codes: [String: String] = [:]
      var fromSmallGroup = false
      for breakdown in 0..<breakdownCount {
        let group = Int(groups[position * breakdownCount + breakdown])
        guard group >= 0 else { continue }
        codes[breakdowns[breakdown].question.id] = breakdowns[breakdown].groups[group].code
        if small[breakdown][group] { fromSmallGroup = true }
      }
      answers.append(FreeTextAnswer(text: text, groups: codes, fromSmallGroup: fromSmallGroup))
    }
    return FreeTextSummary(
      key: key, questionID: instance.question.id, label: instance.label.text(language),
      item: instance.item.map { CodeLabel(code: $0.code, label: $0.label.text(language)) }, isOther: isOther,
      answers: answers, total: total, wordFrequencies: words.top())
  }
}
