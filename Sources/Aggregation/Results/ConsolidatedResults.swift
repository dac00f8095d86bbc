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

  public init(
    indicator: String, kind: IndicatorKind, label: String, editions: [EditionValue], pooled: [IndicatorRow]?
  ) {
    self.indicator = indicator
    self.kind = kind
    self.label = label
    self.editions = editions
    self.pooled = pooled
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
