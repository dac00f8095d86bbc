/// A parsed `when:` expression (grammar in `spec/survey-format.md`).
///
/// Built by `Condition.parse(_:)`; evaluated on earlier answers by
/// `Condition.evaluate(_:)`. An unanswered or not-applicable operand makes
/// every comparison false.
public indirect enum Condition: Sendable, Hashable {
  case or(Condition, Condition)
  case and(Condition, Condition)
  case not(Condition)
  /// `lhs OP rhs` with `==`, `!=`, `<`, `<=`, `>`, `>=`.
  case comparison(ConditionOperand, ComparisonOperator, ConditionOperand)
  /// `lhs in [v1, v2, …]`.
  case membership(ConditionOperand, [ConditionOperand])
  /// `lhs contains v` (multiple and ranking answers).
  case contains(ConditionOperand, ConditionOperand)
  /// A lone value used as a truth value (`suivi`, `true`, `answered(q)`).
  case value(ConditionOperand)
}

/// A value inside a condition.
public indirect enum ConditionOperand: Sendable, Hashable {
  /// An answer: a question id (or `q.row`), resolved in the current loop item first.
  case reference(String, SourceRange)
  case number(Double)
  case string(String)
  case boolean(Bool)
  /// `answered(q)`: true for any given answer, not-applicable included.
  case answered(String, SourceRange)
  /// A parenthesised sub-expression.
  case group(Condition)
}

/// The comparison operators of the condition language.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// A span of a condition's source text: 0-based character offset and length,
/// so lint can point at the exact column of an identifier.
public struct SourceRange: Sendable, Hashable {
  public var offset: Int
  public var length: Int

  public init(offset: Int, length: Int) {
    self.offset = offset
    self.length = length
  }
}
