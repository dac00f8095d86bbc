import Foundation
import SurveyDefinition

/// One indicator: what to read from each response, for each item, and the
/// running cells (overall, then every group of every breakdown).
struct IndicatorPlan: Sendable {
  struct Target: Sendable {
    /// The loop item, for an indicator computed per item.
    var item: Choice?
    var extractor: Extractor
  }

  let indicator: Indicator
  let label: String
  let unit: IndicatorUnit
  /// The loop section when computed per item.
  let loopSection: Section?
  /// Borda: the choices scored.
  let bordaChoices: [Choice]
  /// Share: the answers counted, each reported on its own too (in the
  /// indicator's order); empty for other kinds.
  let shareParts: [CodeLabel]
  /// The range the values (and intervals) lie within.
  let bounds: ValueBounds
  let targets: [Target]
  /// `cells[target][cell]`: cell 0 is overall, then each breakdown's groups in order.
  var cells: [[IndicatorCell]]

  init(
    indicator: Indicator, survey: Survey, followed: Survey? = nil, language: String, cellCount: Int,
    slots: inout AnswerSlots
  ) {
    self.indicator = indicator
    var loop: Section?
    var targets: [Target] = []
    var bordaChoices: [Choice] = []
    var pick = 0
    var defaultLabel: LocalizedText?
    var parts: [CodeLabel] = []
    var bounds = ValueBounds.unbounded
    switch indicator.kind {
    case .responseRate:
      targets = []
    case .index:
      // Each reference: a scale key, a matrix-row key, or a matrix id (all rows).
      let references = indicator.questions.compactMap { AnswerReference(key: $0, survey: survey) }
      loop = references.first { $0.section.forEach != nil && $0.item == nil }?.section
      let items: [Choice?] = loop.map { $0.items.map(Optional.some) } ?? [nil]
      for item in items {
        var entries: [(slot: Int, min: Int, max: Int)] = []
        for reference in references {
          guard let scale = reference.question.kind.scale else { continue }
          for key in reference.keys(item: item) { entries.append((slots.slot(key), scale.min, scale.max)) }
        }
        targets.append(Target(item: item, extractor: .index(slots: entries)))
      }
    default:
      guard let key = indicator.question, let reference = AnswerReference(key: key, survey: survey) else {
        break
      }
      defaultLabel = reference.question.label
      if reference.section.forEach != nil, reference.item == nil { loop = reference.section }
      let items: [Choice?] = loop.map { $0.items.map(Optional.some) } ?? [nil]
      if case .ranking(let choices, let count) = reference.question.kind {
        bordaChoices = choices
        pick = count
      }
      for item in items {
        let slot = slots.slot(reference.keys(item: item).first ?? key)
        let extractor: Extractor
        switch indicator.kind {
        case .mean: extractor = .numeric(slot: slot)
        case .topBox:
          extractor = .topBox(slot: slot, points: (reference.question.kind.scale ?? .nps).topPoints)
        case .share:
          var codes: [String: Int] = [:]
          var booleans: [Bool: Int] = [:]
          for (position, value) in indicator.values.enumerated() {
            if case .boolean(let flag) = value {
              booleans[flag] = position
            } else if let code = value.stringValue {
              codes[code] = position
            }
          }
          extractor = Self.gated(
            .share(slot: slot, codes: codes, booleans: booleans), among: indicator.among, item: item,
            followed: followed, slots: &slots)
        case .nps: extractor = .nps(slot: slot)
        case .borda: extractor = .borda(slot: slot)
        case .index, .responseRate: extractor = .none
        }
        targets.append(Target(item: item, extractor: extractor))
      }
    }
    if indicator.kind == .index, let first = indicator.questions.first,
      let reference = AnswerReference(key: first, survey: survey)
    {
      defaultLabel = reference.question.label
    }
    let fallback =
      indicator.kind == .responseRate ? Vocabulary.responseRate : LocalizedText(plain: indicator.id)
    // A loop question's label names `{item}`; the indicator covers every item.
    label = (indicator.label ?? defaultLabel ?? fallback).text(language)
      .replacingOccurrences(of: "{item}", with: "…")
    unit =
      switch indicator.kind {
      case .mean: .scaleUnits
      case .topBox, .share, .responseRate: .proportion
      case .nps: .points
      case .borda: .bordaPoints
      case .index: .index
      }
    switch indicator.kind {
    case .mean:
      if let key = indicator.question, let reference = AnswerReference(key: key, survey: survey) {
        switch reference.question.kind {
        case .scale(let scale), .matrix(_, let scale):
          bounds = ValueBounds(lower: Double(scale.min), upper: Double(scale.max))
        case .nps: bounds = ValueBounds(lower: 0, upper: 10)
        case .number(let min, let max, _): bounds = ValueBounds(lower: min, upper: max)
        default: break
        }
      }
    case .index: bounds = .index
    case .topBox, .share: bounds = .proportion
    case .responseRate: bounds = ValueBounds(lower: 0, upper: nil)
    case .nps: bounds = .netPromoter
    case .borda: bounds = ValueBounds(lower: 0, upper: Double(pick))
    }
    if indicator.kind == .share, indicator.values.count > 1, let key = indicator.question,
      let reference = AnswerReference(key: key, survey: survey)
    {
      let choices = reference.question.kind.choices ?? []
      parts = indicator.values.map { value in
        if case .boolean(let flag) = value {
          return CodeLabel(
            code: flag ? "true" : "false", label: flag ? Vocabulary.yes(language) : Vocabulary.no(language))
        }
        let code = value.stringValue ?? ""
        let label =
          choices.choice(code)?.label.text(language) ?? (code == "other" ? Vocabulary.other(language) : code)
        return CodeLabel(code: code, label: label)
      }
    }
    shareParts = parts
    self.bounds = bounds
    loopSection = loop
    self.bordaChoices = bordaChoices
    self.targets = targets
    let codes = indicator.kind == .borda ? bordaChoices.map(\.code) : nil
    cells = targets.map { _ in
      Array(repeating: IndicatorCell(bordaChoices: codes, pick: pick, parts: parts.count), count: cellCount)
    }
  }

  /// `extractor` counting only the respondents whose followed answer is one
  /// of `among`'s values (per item when `among` names a loop question);
  /// without the followed survey (no join), it counts no one.
  static func gated(
    _ extractor: Extractor, among: OriginalAnswers?, item: Choice?, followed: Survey?,
    slots: inout AnswerSlots
  ) -> Extractor {
    guard let among else { return extractor }
    var key = among.question
    if let followed, !key.contains("."), let (_, section) = followed.question(key), section.forEach != nil,
      let item
    {
      key += ".\(item.code)"
    }
    var codes: Set<String> = []
    var booleans: Set<Bool> = []
    for value in among.values {
      if case .boolean(let flag) = value {
        booleans.insert(flag)
      } else if let code = value.stringValue {
        codes.insert(code)
      }
    }
    return .gated(
      slot: slots.slot(FollowUpJoin.slotKey(key)), codes: codes, booleans: booleans, extractor)
  }

  /// Adds one response to the cells `indices` (overall, then its groups).
  mutating func add(_ answers: SlotValues, cells indices: [Int]) {
    for target in targets.indices {
      guard let observation = targets[target].extractor.observe(answers) else { continue }
      for cell in indices { cells[target][cell].add(observation) }
    }
  }
}

/// An answer key of an indicator, read apart: `q`, `q.ITEM`, `q.ROW`,
/// `q.ITEM.ROW`, or a matrix id meaning all its rows.
struct AnswerReference {
  var question: Question
  var section: Section
  /// The item fixed by the key (`q.ITEM`), if any.
  var item: Choice?
  /// The matrix row fixed by the key, if any.
  var row: Choice?

  init?(key: String, survey: Survey) {
    var parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard let (question, section) = survey.question(parts.removeFirst()) else { return nil }
    self.question = question
    self.section = section
    if section.forEach != nil, let first = parts.first, let item = section.items.choice(first) {
      self.item = item
      parts.removeFirst()
    }
    if case .matrix(let rows, _) = question.kind, let first = parts.first, let row = rows.choice(first) {
      self.row = row
      parts.removeFirst()
    }
    guard parts.isEmpty else { return nil }
  }

  /// The stored keys this reference means for loop item `loopItem` (ignored
  /// when the key fixes its item or the question is outside loops).
  func keys(item loopItem: Choice?) -> [String] {
    var prefix = question.id
    if section.forEach != nil {
      guard let item = item ?? loopItem.flatMap({ section.items.choice($0.code) }) else { return [] }
      prefix += ".\(item.code)"
    }
    if case .matrix(let rows, _) = question.kind {
      return (row.map { [$0] } ?? rows).map { "\(prefix).\($0.code)" }
    }
    return [prefix]
  }
}
