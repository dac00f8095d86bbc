import Foundation

/// A figure the reports compute and compare with a target.
public struct Indicator: Sendable, Hashable {
  public var id: String
  /// Defaults to the question's label when absent.
  public var label: LocalizedText?
  public var kind: IndicatorKind
  /// The question (or matrix row key `q.row`) for every kind but index and response_rate.
  public var question: String?
  /// For `index`: scale or matrix-row keys, or matrix ids (all rows).
  public var questions: [String]
  /// For `share`: the answers that count (codes, or `true`/`false` for a boolean).
  public var values: [AnswerValue]
  public var target: Target?
  /// For `share` in a follow-up survey: only the respondents whose answer to
  /// a question of the followed survey is one of these (`among:`).
  public var among: OriginalAnswers?
  public var location: SourceLocation

  public init(
    id: String, label: LocalizedText? = nil, kind: IndicatorKind, question: String? = nil,
    questions: [String] = [], values: [AnswerValue] = [], target: Target? = nil,
    among: OriginalAnswers? = nil,
    location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
  ) {
    self.id = id
    self.label = label
    self.kind = kind
    self.question = question
    self.questions = questions
    self.values = values
    self.target = target
    self.among = among
    self.location = location
  }
}

/// Answers of the followed survey that select who a follow-up indicator
/// counts (`among: {question: intention, values: [oui_annee, en_cours]}`).
public struct OriginalAnswers: Sendable, Hashable {
  /// An answer key of the followed survey: `q` (per item when `q` is asked
  /// once per item, matched with the follow-up's item), or `q.ITEM`.
  public var question: String
  /// Codes, or `true`/`false` for a yes/no question, as written (checked
  /// against the followed survey by lint).
  public var values: [AnswerValue]
  /// Where `among:` is written, and each value.
  public var location: SourceLocation
  public var valueLocations: [SourceLocation]

  public init(
    question: String, values: [AnswerValue], location: SourceLocation, valueLocations: [SourceLocation] = []
  ) {
    self.question = question
    self.values = values
    self.location = location
    self.valueLocations = valueLocations
  }
}

/// The kinds of indicator of the format's table.
public enum IndicatorKind: String, Sendable, Hashable, Codable, CaseIterable {
  case mean
  case topBox = "top_box"
  case share
  case nps
  case borda
  case index
  case responseRate = "response_rate"
}

/// A target such as `">= 0.80"`: a comparison and a value in the indicator's unit.
public struct Target: Sendable, Hashable {
  public enum Comparison: String, Sendable, Hashable, CaseIterable {
    case atLeast = ">="
    case atMost = "<="
    case greater = ">"
    case less = "<"
    case equal = "=="

    /// The sign people read in a report: `≥`, `≤`, `>`, `<` or `=`.
    public var symbol: String {
      switch self {
      case .atLeast: "≥"
      case .atMost: "≤"
      case .greater: ">"
      case .less: "<"
      case .equal: "="
      }
    }
  }

  public var comparison: Comparison
  public var value: Double
  /// The target as written in the survey, e.g. `">= 0.80"`.
  public var source: String

  public init(comparison: Comparison, value: Double, source: String) {
    self.comparison = comparison
    self.value = value
    self.source = source
  }

  /// Parses `">= 0.80"`, `"<3"`, or a bare number (meaning `>=`).
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    var rest = Substring(trimmed)
    var comparison = Comparison.atLeast
    for candidate in [Comparison.atLeast, .atMost, .equal, .greater, .less]
    where rest.hasPrefix(candidate.rawValue) {
      comparison = candidate
      rest = rest.dropFirst(candidate.rawValue.count)
      break
    }
    guard let value = Double(String(rest).trimmingCharacters(in: .whitespaces)), value.isFinite else {
      return nil
    }
    self.init(comparison: comparison, value: value, source: trimmed)
  }

  /// Whether `value` meets the target.
  public func isMet(by actual: Double) -> Bool {
    switch comparison {
    case .atLeast: actual >= value - 1e-12
    case .atMost: actual <= value + 1e-12
    case .greater: actual > value
    case .less: actual < value
    case .equal: abs(actual - value) < 1e-12
    }
  }
}
