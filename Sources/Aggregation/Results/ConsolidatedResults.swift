import SurveyDefinition

/// Several surveys (editions of an event, or surveys sharing question ids)
/// computed each on its own, compared side by side, and pooled.
public struct ConsolidatedResults: Sendable, Equatable, Codable {
  /// Each survey's own results, in the order given.
  public var editions: [SurveyResults]
  /// The indicators found in every edition (same id and kind), in the first
  /// edition's order, with each edition's overall rows side by side.
  public var comparison: [IndicatorComparison]
  /// All responses together, computed with the first edition's definition
  /// restricted to what every edition shares: indicators whose keys exist in
  /// every edition with the same answer type, questions likewise. `nil` when
  /// the editions share no indicator and no question.
  public var pooled: SurveyResults?
  /// Answer keys present in every edition with the same type, in the first
  /// edition's order.
  public var sharedKeys: [String]

  public init(
    editions: [SurveyResults], comparison: [IndicatorComparison], pooled: SurveyResults?, sharedKeys: [String]
  ) {
    self.editions = editions
    self.comparison = comparison
    self.pooled = pooled
    self.sharedKeys = sharedKeys
  }
}

/// One indicator across editions.
public struct IndicatorComparison: Sendable, Equatable, Codable {
  public var indicator: String
  public var kind: IndicatorKind
  /// The label in the first edition.
  public var label: String
  /// One entry per edition, in edition order.
  public var editions: [EditionValue]
  /// The pooled overall rows, when pooled results exist.
  public var pooled: [IndicatorRow]?
  /// From each edition to the next, for each row (item): whether the change
  /// is one the numbers support (`EditionChange`).
  public var changes: [EditionChange]

  public init(
    indicator: String, kind: IndicatorKind, label: String, editions: [EditionValue], pooled: [IndicatorRow]?,
    changes: [EditionChange] = []
  ) {
    self.indicator = indicator
    self.kind = kind
    self.label = label
    self.editions = editions
    self.pooled = pooled
    self.changes = changes
  }
}

/// How one figure moved from an edition to the next, said only as far as the
/// numbers support it: a rise or a fall when the two 95 % intervals do not
/// overlap (`ClearDifference`, a conservative test), "no clear difference"
/// when they do, however far apart the values look; equal reported values
/// are a tie. A response rate is a count, not an estimate: its change is
/// read from the values.
public struct EditionChange: Sendable, Equatable, Codable {
  public enum Verdict: String, Sendable, Equatable, Codable {
    case higher
    case lower
    case noClearDifference = "no_clear_difference"
    case same
    /// A figure missing, withheld, or without an interval (Borda scores).
    case notComparable = "not_comparable"
  }

  /// The row's item (loop item or Borda choice), `nil` for a whole-survey figure.
  public var item: CodeLabel?
  /// Positions of the two editions, in edition order.
  public var from: Int
  public var to: Int
  public var verdict: Verdict

  public init(item: CodeLabel?, from: Int, to: Int, verdict: Verdict) {
    self.item = item
    self.from = from
    self.to = to
    self.verdict = verdict
  }

  /// The verdict between `first` and `second`, rows of the same indicator.
  public static func verdict(
    from first: IndicatorRow?, to second: IndicatorRow?, unit: IndicatorUnit, kind: IndicatorKind
  ) -> Verdict {
    guard let first, let second, !first.suppressed, !second.suppressed, let a = first.value,
      let b = second.value
    else { return .notComparable }
    if unit.reported(a) == unit.reported(b) { return .same }
    if kind == .responseRate { return b > a ? .higher : .lower }
    guard let lowA = first.ciLow, let highA = first.ciHigh, let lowB = second.ciLow, let highB = second.ciHigh
    else { return .notComparable }
    let ahead = ClearDifference.aheadOf(
      [ConfidenceInterval(low: lowA, high: highA), ConfidenceInterval(low: lowB, high: highB)], unit: unit)
    if ahead[1].contains(0) { return .higher }
    if ahead[0].contains(1) { return .lower }
    return .noClearDifference
  }
}

/// An indicator's overall rows in one edition.
public struct EditionValue: Sendable, Equatable, Codable {
  /// The edition's survey id.
  public var survey: String
  /// The edition's event date, if any.
  public var date: String?
  /// The overall rows (one, or one per item / borda choice).
  public var rows: [IndicatorRow]

  public init(survey: String, date: String?, rows: [IndicatorRow]) {
    self.survey = survey
    self.date = date
    self.rows = rows
  }
}
