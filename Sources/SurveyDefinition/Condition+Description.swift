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
    case .number(let value): Self.decimal(value)
    case .string(let value):
      // Escaped scalar by scalar: a combining mark after a quote makes one
      // Character of both, which a Character-wise replacement would miss.
      "'" + Self.escaped(value) + "'"
    case .boolean(let value): value ? "true" : "false"
    case .answered(let name, _): "answered(\(name))"
    case .group(let condition): "(\(condition))"
    }
  }
}

extension ConditionOperand {
  /// `value` as the condition language writes numbers: digits, a point,
  /// never an exponent (`1e+20` would not parse back), the shortest digits
  /// that give the same `Double`.
  static func decimal(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e18 { return String(Int(value)) }
    let shortest = String(value)
    guard let e = shortest.firstIndex(of: "e"), let exponent = Int(shortest[shortest.index(after: e)...])
    else { return shortest }
    var mantissa = shortest[..<e]
    let sign = mantissa.hasPrefix("-") ? "-" : ""
    if !sign.isEmpty { mantissa = mantissa.dropFirst() }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let digits = parts.joined()
    // Where the point goes among `digits`.
    let point = parts[0].count + exponent
    if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
    if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
    return sign + digits.prefix(point) + "." + digits.dropFirst(point)
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

extension ConditionOperand {
  /// `value` with `\` and `'` preceded by a backslash, as the lexer reads them.
  static func escaped(_ value: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in value.unicodeScalars {
      if scalar == "\\" || scalar == "'" { scalars.append("\\") }
      scalars.append(scalar)
    }
    return String(scalars)
  }
}
