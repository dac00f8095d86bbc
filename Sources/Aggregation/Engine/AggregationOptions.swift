/// What the engine computes and how.
public struct AggregationOptions: Sendable, Equatable {
  /// Include partial responses as well as complete ones (`--include-partial`).
  public var includePartial: Bool
  /// The language of every label in the results; `nil` for the survey's first.
  public var language: String?
  /// The breakdown questions to cross indicators with; `nil` for every
  /// `breakdowns` question of the survey (`--by` names one).
  public var breakdowns: [String]?
  /// Survey-change notes to carry into the results (from the store).
  public var schemaWarnings: [SchemaWarning]

  public init(
    includePartial: Bool = false, language: String? = nil, breakdowns: [String]? = nil,
    schemaWarnings: [SchemaWarning] = []
  ) {
    self.includePartial = includePartial
    self.language = language
    self.breakdowns = breakdowns
    self.schemaWarnings = schemaWarnings
  }
}
