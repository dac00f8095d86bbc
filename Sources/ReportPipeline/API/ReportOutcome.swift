import Aggregation

/// What a report wrote, and what it shows.
public struct ReportOutcome: Sendable {
  /// The paths published, sorted (relative when the output folder was).
  public var files: [String]
  /// For one survey, the results the reports show; nil for a consolidation.
  public var results: SurveyResults?

  /// The three figures a facilitator looks at first (how many answered, how
  /// satisfied they were, whether they would recommend the day), as
  /// `bilan demo` prints them; empty for a consolidation.
  public var headlines: [String] { results.map(Headlines.lines) ?? [] }
}
