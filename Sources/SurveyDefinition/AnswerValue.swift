/// A stored answer, typed as the format's table says.
///
/// JSON: `.text` and `.code` are strings, `.integer` and `.number` numbers,
/// `.boolean` a boolean, `.codes` an array of strings, `.notApplicable` null.
public enum AnswerValue: Sendable, Hashable {
  /// A choice code (single) — kept apart from free text so reports never confuse them.
  case code(String)
  /// Free text (text, long_text, email, the `.other` text).
  case text(String)
  /// A scale point, an nps score, or an integer number answer.
  case integer(Int)
  /// A non-integer number answer.
  case number(Double)
  case boolean(Bool)
  /// Codes of a multiple (choice order, `other` last) or ranking (best first) answer.
  case codes([String])
  /// The scale's not-applicable answer, stored as null.
  case notApplicable

  /// The numeric value of an integer or number answer.
  public var numericValue: Double? {
    switch self {
    case .integer(let value): Double(value)
    case .number(let value): value
    default: nil
    }
  }

  /// The string of a code or text answer.
  public var stringValue: String? {
    switch self {
    case .code(let value), .text(let value): value
    default: nil
    }
  }
}

/// All the answers of one response, by answer key (`q`, `q.item`, `q.row`, `q.item.row`, `KEY.other`).
public typealias Answers = [String: AnswerValue]
