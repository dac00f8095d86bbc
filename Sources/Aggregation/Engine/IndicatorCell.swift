import SurveyDefinition

/// What one response contributes to an indicator (for one item).
enum Observation {
  /// A mean or index contribution.
  case number(Double)
  /// A top_box contribution: in the favourable set or not.
  case success(Bool)
  /// A share contribution: bit i set when the answer is (or contains) the
  /// indicator's value i; counted when any bit is set.
  case share(UInt64)
  /// An nps score 0–10.
  case score(Int)
  /// A ranking answer, best first.
  case ranking([String])
}

/// How to read one indicator's observation from a response's answers (by slot,
/// see `AnswerSlots`).
enum Extractor: Sendable {
  case numeric(slot: Int)
  case topBox(slot: Int, points: ClosedRange<Int>)
  /// `codes` and `booleans` map each counted answer to its position in the indicator's values.
  case share(slot: Int, codes: [String: Int], booleans: [Bool: Int])
  case nps(slot: Int)
  case borda(slot: Int)
  /// Slots with their scale bounds, rescaled 0–100 and averaged per respondent.
  case index(slots: [(slot: Int, min: Int, max: Int)])
  /// The inner extractor, for the respondents whose answer at `slot` (a
  /// followed survey's, `FollowUpJoin`) is, or contains, one of `codes` or `booleans`.
  indirect case gated(slot: Int, codes: Set<String>, booleans: Set<Bool>, Extractor)
  case none

  func observe(_ answers: SlotValues) -> Observation? {
    switch self {
    case .numeric(let slot):
      return answers[slot]?.numericValue.map(Observation.number)
    case .topBox(let slot, let points):
      guard case .integer(let value) = answers[slot] else { return nil }
      return .success(points.contains(value))
    case .share(let slot, let codes, let booleans):
      func bit(_ position: Int?) -> UInt64 { position.map { $0 < 64 ? 1 << UInt64($0) : 0 } ?? 0 }
      switch answers[slot] {
      case .code(let code)?: return .share(bit(codes[code]))
      case .codes(let list)?:
        return list.isEmpty ? nil : .share(list.reduce(0) { $0 | bit(codes[$1]) })
      case .boolean(let value)?: return .share(bit(booleans[value]))
      default: return nil
      }
    case .nps(let slot):
      guard case .integer(let value) = answers[slot] else { return nil }
      return .score(value)
    case .borda(let slot):
      guard case .codes(let list)? = answers[slot], !list.isEmpty else { return nil }
      return .ranking(list)
    case .index(let slots):
      var moments = RunningMoments()
      for entry in slots where entry.max > entry.min {
        guard let value = answers[entry.slot]?.numericValue else { continue }
        moments.add((value - Double(entry.min)) / Double(entry.max - entry.min) * 100)
      }
      return moments.meanValue.map(Observation.number)
    case .gated(let slot, let codes, let booleans, let inner):
      let selected: Bool
      switch answers[slot] {
      case .code(let code)?: selected = codes.contains(code)
      case .codes(let list)?: selected = list.contains(where: codes.contains)
      case .boolean(let value)?: selected = booleans.contains(value)
      default: selected = false
      }
      return selected ? inner.observe(answers) : nil
    case .none:
      return nil
    }
  }
}

/// The running figures of one indicator cell (overall, or one group), for one item.
struct IndicatorCell: Sendable {
  var n = 0
  var moments = RunningMoments()
  var successes = 0
  var promoters = 0
  var detractors = 0
  var borda: BordaCount?
  /// Share: respondents per counted answer, in the indicator's order.
  var partCounts: [Int]

  init(bordaChoices: [String]?, pick: Int, parts: Int = 0) {
    borda = bordaChoices.map { BordaCount(choices: $0, pick: pick) }
    partCounts = Array(repeating: 0, count: parts)
  }

  mutating func add(_ observation: Observation) {
    switch observation {
    case .number(let value):
      n += 1
      moments.add(value)
    case .success(let hit):
      n += 1
      if hit { successes += 1 }
    case .share(let bits):
      n += 1
      if bits != 0 { successes += 1 }
      var rest = bits
      while rest != 0 {
        let position = rest.trailingZeroBitCount
        if position < partCounts.count { partCounts[position] += 1 }
        rest &= rest - 1
      }
    case .score(let score):
      n += 1
      if score >= 9 { promoters += 1 } else if score <= 6 { detractors += 1 }
    case .ranking(let list):
      n += 1
      borda?.add(list)
    }
  }

  /// Value and interval of this cell for `kind` (borda aside); a mean's
  /// interval stays within `bounds`.
  func figures(_ kind: IndicatorKind, bounds: ValueBounds) -> (value: Double?, interval: ConfidenceInterval?)
  {
    guard n > 0 else { return (nil, nil) }
    switch kind {
    case .mean, .index:
      return (moments.meanValue, moments.interval(within: bounds))
    case .topBox, .share:
      return (Double(successes) / Double(n), WilsonInterval.interval(successes: successes, n: n))
    case .nps:
      let nps = NetPromoterScore(n: n, promoters: promoters, detractors: detractors)
      return (nps.score, nps.interval)
    case .borda, .responseRate:
      return (nil, nil)
    }
  }
}
