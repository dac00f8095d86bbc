import Foundation

/// Why a `when:` expression could not be parsed.
///
/// `offset` is the 0-based position in the expression, counted in Unicode
/// scalars as YAML columns are, so lint can point at the exact column.
public enum ConditionSyntaxError: Error, LocalizedError, Equatable, Sendable {
  /// Nothing but blanks.
  case empty
  /// A character that starts no token, such as `#` or `&`.
  case unexpectedCharacter(String, offset: Int)
  /// A string without its closing quote.
  case unterminatedString(offset: Int)
  /// A token where the grammar wants something else; `found` is quoted or
  /// "the end of the condition".
  case unexpected(found: String, expected: String, offset: Int)
  /// An operator from another language (`=`, `&&`, `||`, `!`, `<>`) with the one to use.
  case unknownOperator(String, suggestion: String, offset: Int)
  /// A number too large for a `Double` (more than about 308 digits).
  case numberTooLarge(String, offset: Int)
  /// More than `limit` levels of parentheses, `not`, `and` and `or` (the
  /// tree a condition parses to is walked recursively, so its depth is bounded).
  case tooDeep(limit: Int, offset: Int)

  /// Where the problem starts in the expression (0-based).
  public var offset: Int {
    switch self {
    case .empty: 0
    case .unexpectedCharacter(_, let offset), .unterminatedString(let offset),
      .unexpected(_, _, let offset), .unknownOperator(_, _, let offset), .tooDeep(_, let offset),
      .numberTooLarge(_, let offset):
      offset
    }
  }

  /// The message without position, as lint prints it after `FILE:LINE:COLUMN:`.
  public var message: String {
    switch self {
    case .empty: "the condition is empty"
    case .unexpectedCharacter(let character, _): "unexpected character '\(character)'"
    case .unterminatedString: "string not closed: add the closing quote"
    case .unexpected(let found, let expected, _): "expected \(expected), found \(found)"
    case .unknownOperator(let found, let suggestion, _):
      "unknown operator '\(found)'; did you mean '\(suggestion)'?"
    case .numberTooLarge(let number, _):
      "the number \(number.count > 20 ? String(number.prefix(20)) + "…" : number) is too large"
    case .tooDeep(let limit, _):
      "the condition is nested more than \(limit) levels deep (parentheses, 'not', 'and', 'or'); "
        + "simplify it, e.g. with 'in [...]' for a list of values"
    }
  }

  public var errorDescription: String? { "\(message) (at character \(offset + 1))" }
}
