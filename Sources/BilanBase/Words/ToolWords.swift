/// The tool's own words in one language, grouped by where they appear: one
/// table per language (`ToolWords+French.swift`, `ToolWords+English.swift`),
/// each filling every entry, so a new word cannot be forgotten in a language.
///
/// Survey texts (labels, verbatims) never come from here. A word is added to
/// the group of the place it shows in, in every table.
package struct ToolWords: Sendable {
  package var engine: Engine
  package var stats: Stats
  package var headlines: Headlines
  package var dates: Dates

  /// Labels the engine gives to values the survey does not name, and its
  /// notes on responses answered with an earlier definition.
  package struct Engine: Sendable {
    package var other: String
    package var yes: String
    package var no: String
    package var responseRate: String
    package var keyRemoved: String
    package var typeChanged: @Sendable (_ from: String, _ to: String) -> String
    package var codesRemoved: @Sendable (_ list: String) -> String
    package var rangeNarrowed: @Sendable (_ from: String, _ to: String) -> String
    package var notApplicableRemoved: String
    package var maxLengthReduced: @Sendable (_ from: Int?, _ to: Int) -> String
    package var unrecordedSchema: String
  }

  /// `bilan stats --format table`.
  package struct Stats: Sendable {
    package var complete: String
    package var partial: String
    package var partialIncluded: String
    package var partialExcluded: String
    package var registered: String
    package var lastResponse: String
    package var confidence: String
    package var minimum: @Sendable (_ k: Int) -> String
    package var target: String
    package var item: String
    package var group: String
    package var value: String
    package var interval: String
    package var met: String
    package var rank: String
    package var everyone: String
    package var noClearDifference: @Sendable (_ n: String) -> String
    package var clearlyFirst: @Sendable (_ leaders: String, _ n: String) -> String
    package var verdictMet: String
    package var verdictNotMet: String
    package var verdictNotConclusive: String
    package var changes: String
    package var hidden: @Sendable (_ k: Int) -> String
  }

  /// Dates as people write them in reports: « jeudi 5 mars 2015 ».
  package struct Dates: Sendable {
    /// January first.
    package var months: [String]
    /// Monday first (ISO).
    package var weekdays: [String]
    /// A day, a month, a year and an optional weekday, in the language's order.
    package var long: @Sendable (_ day: Int, _ month: String, _ year: Int, _ weekday: String?) -> String
  }

  /// The figures `bilan demo` prints after writing the reports.
  package struct Headlines: Sendable {
    package var responses: @Sendable (_ complete: String) -> String
    package var ofRegistered: @Sendable (_ registered: Int, _ rate: String) -> String
    package var target: @Sendable (_ goal: String, _ verdict: String) -> String
    package var met: String
    package var notMet: String
    package var notConclusive: String
  }
}
