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
  package var room: Room
  package var live: Live
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

  /// `bilan serve`: what a participant reads outside the questionnaire's
  /// screens (before it starts, after it ends; lines end with CR LF, the
  /// participant's terminal being raw), and serve's own screen.
  package struct Room: Sendable {
    /// Over SSH, on the welcome, help and quit screens; the command follows on its own line.
    package var reconnection: @Sendable (_ code: String) -> String
    package var sent: String
    package var kept: @Sendable (_ command: String) -> String
    package var timedOut: @Sendable (_ span: String, _ command: String) -> String
    package var stopping: @Sendable (_ command: String) -> String
    package var unknownCode: @Sendable (_ code: String, _ command: String) -> String
    package var noTerminal: @Sendable (_ command: String) -> String
    package var notAShell: @Sendable (_ command: String) -> String
    package var storeFailed: String
    package var toAnswer: String
    package var password: String
    package var noPassword: String
    package var fingerprint: String
    package var clients: String
    package var status: @Sendable (_ answering: Int, _ sent: Int, _ stored: Int, _ connections: Int) -> String
    package var stopHint: String
    package var stopQuestion: @Sendable (_ answering: Int) -> String
    /// The keys that confirm the stop question (O in French, Y in English).
    package var yesKeys: String
  }

  /// `bilan live`: the projector's summary.
  package struct Live: Sendable {
    package var responses: @Sendable (_ count: Int) -> String
    package var underWay: @Sendable (_ count: Int) -> String
    package var waiting: @Sendable (_ k: Int, _ have: Int) -> String
    package var keyIndicators: String
    package var quotes: String
    package var points: String
    package var noClearDifference: String
    package var clearlyAhead: @Sendable (_ leaders: String) -> String
    package var updated: @Sendable (_ clock: String, _ n: Int) -> String
    package var intervals: String
    package var nothingBelow: @Sendable (_ k: Int) -> String
    package var quit: String
    /// Between a name and what is said of it: ` : ` in French, `: ` in English.
    package var colon: String
  }
}
