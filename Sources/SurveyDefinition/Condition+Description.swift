extension Condition: CustomStringConvertible {
  /// The condition in the format's syntax, with only the parentheses its
  /// precedence needs (for codebooks and messages).
  public var description: String {
    switch self {
    case .or(let left, let right):
      "\(left) or \(right)"
    case .and(let left, let right):
      "\(left.parenthesized(if: left.isOr)) and \(right.parenthesized(if: right.isOr))"
    case .not(let inner):
      "not \(inner.parenthesized(if: inner.isOr || inner.isAnd))"
    case .comparison(let left, let comparison, let right):
      "\(left) \(comparison.rawValue) \(right)"
    case .membership(let left, let values):
      "\(left) in [\(values.map(\.description).joined(separator: ", "))]"
    case .contains(let left, let right):
      "\(left) contains \(right)"
    case .value(let operand):
      operand.description
    }
  }

  private var isOr: Bool {
    if case .or = self { return true }
    return false
  }

  private var isAnd: Bool {
    if case .and = self { return true }
    return false
  }

  private func parenthesized(if needed: Bool) -> String { needed ? "(\(self))" : description }
}

extension ConditionOperand: CustomStringConvertible {
  public var description: String {
    switch self {
    case .reference(let name, _): name
    case .number(let value):
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .string(let value):
      "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        + "'"
    case .boolean(let value): value ? "true" : "false"
    case .answered(let name, _): "answered(\(name))"
    case .group(let condition): "(\(condition))"
    }
  }
}

extension Condition {
  /// Every question reference in the condition (`answered(q)` included), in order.
  public var references: [(name: String, range: SourceRange)] {
    switch self {
    case .or(let left, let right), .and(let left, let right):
      left.references + right.references
    case .not(let inner): inner.references
    case .comparison(let left, _, let right), .contains(let left, let right):
      left.references + right.references
    case .membership(let left, let values):
      left.references + values.flatMap(\.references)
    case .value(let operand): operand.references
    }
  }
}

extension ConditionOperand {
  /// Every question reference inside the operand.
  public var references: [(name: String, range: SourceRange)] {
    switch self {
    case .reference(let name, let range), .answered(let name, let range): [(name, range)]
    case .group(let condition): condition.references
    case .number, .string, .boolean: []
    }
  }
}
