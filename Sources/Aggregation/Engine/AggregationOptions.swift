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
  /// The most free-text answers kept per answer key for the verbatims: the
  /// first ones, in the order responses are added. Every answer is still
  /// counted (`FreeTextSummary.total`) and its words too; this bounds memory.
  public var verbatimLimit: Int
  /// For a follow-up survey (`follows:`): the responses of the survey it
  /// follows, joined by token, that its `among:` indicators read.
  public var followUp: FollowUpJoin?

  /// `verbatimLimit`'s default: more than any report quotes, few enough to keep.
  public static let defaultVerbatimLimit = 2_000

  public init(
    includePartial: Bool = false, language: String? = nil, breakdowns: [String]? = nil,
    schemaWarnings: [SchemaWarning] = [], verbatimLimit: Int = AggregationOptions.defaultVerbatimLimit,
    followUp: FollowUpJoin? = nil
  ) {
    self.includePartial = includePartial
    self.language = language
    self.breakdowns = breakdowns
    self.schemaWarnings = schemaWarnings
    self.verbatimLimit = verbatimLimit
    self.followUp = followUp
  }
}
