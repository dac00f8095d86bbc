extension Condition {
  /// Parses a `when:` expression of the format's grammar:
  ///
  /// ```
  /// expr   := or
  /// or     := and ("or" and)*
  /// and    := not ("and" not)*
  /// not    := "not" not | cmp
  /// cmp    := value (("=="|"!="|"<"|"<="|">"|">=") value | "in" "[" value ("," value)* "]" | "contains" value)?
  /// value  := ID | NUMBER | 'string' | true | false | "(" expr ")" | "answered(" ID ")"
  /// ```
  ///
  /// `or` and `and` associate to the left. Parentheses only group: `(a or b)`
  /// alone parses to the inner condition, and `(x) == 1` to a comparison of
  /// the reference `x`; a parenthesised condition used as an operand of a
  /// comparison stays a `.group`. IDs may be dotted (`objectifs.explorer`);
  /// strings take single or double quotes with `\` escaping the quote and `\`.
  public static func parse(_ text: String) throws(ConditionSyntaxError) -> Condition {
    try parseTracking(text).condition
  }

  /// Parses like `parse(_:)`, and also returns the offsets of the literal
  /// operands (numbers, strings, booleans) in source order, which is also the
  /// left-to-right order of the tree, so lint can point at a bad literal.
  static func parseTracking(
    _ text: String
  ) throws(ConditionSyntaxError) -> (
    condition: Condition, literalOffsets: [Int]
  ) {
    var parser = ConditionParser(tokens: try ConditionLexer.tokens(of: text))
    let condition = try parser.parseExpression()
    return (condition, parser.literalOffsets)
  }
}

/// A token of the condition language, with its position in Unicode scalars.
struct ConditionToken: Equatable {
  enum Kind: Equatable {
    case identifier(String)
    case number(Double)
    case string(String)
    case comparison(ComparisonOperator)
    case leftParenthesis, rightParenthesis, leftBracket, rightBracket, comma
    case end
  }

  var kind: Kind
  var offset: Int
  var length: Int
  /// The token as written.
  var source: String

  /// How an error message names the token.
  var quoted: String {
    kind == .end ? "the end of the condition" : "'\(source)'"
  }

  func isKeyword(_ keyword: String) -> Bool { kind == .identifier(keyword) }
}

/// Splits a condition into tokens.
enum ConditionLexer {
  static let keywords: Set<String> = ["and", "or", "not", "in", "contains", "true", "false", "answered"]

  static func tokens(of text: String) throws(ConditionSyntaxError) -> [ConditionToken] {
    let scalars = Array(text.unicodeScalars)
    var tokens: [ConditionToken] = []
    var index = 0

    func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
      scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
    func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
      isIdentifierStart(scalar) || ("0"..."9").contains(scalar)
    }
    func isDigit(_ index: Int) -> Bool { index < scalars.count && ("0"..."9").contains(scalars[index]) }
    func source(_ start: Int, _ end: Int) -> String {
      var string = ""
      string.unicodeScalars.append(contentsOf: scalars[start..<end])
      return string
    }
    func add(_ kind: ConditionToken.Kind, _ start: Int, _ end: Int) {
      tokens.append(
        ConditionToken(kind: kind, offset: start, length: end - start, source: source(start, end)))
    }

    while index < scalars.count {
      let scalar = scalars[index]
      let start = index
      if scalar.properties.isWhitespace {
        index += 1
        continue
      }
      if isIdentifierStart(scalar) {
        index += 1
        while index < scalars.count {
          if isIdentifierPart(scalars[index]) {
            index += 1
          } else if scalars[index] == ".", index + 1 < scalars.count, isIdentifierPart(scalars[index + 1]) {
            index += 2
          } else {
            break
          }
        }
        add(.identifier(source(start, index)), start, index)
        continue
      }
      if isDigit(index) || (scalar == "-" && isDigit(index + 1)) || (scalar == "." && isDigit(index + 1)) {
        index += 1
        while isDigit(index) { index += 1 }
        if index < scalars.count, scalars[index] == ".", isDigit(index + 1) {
          index += 1
          while isDigit(index) { index += 1 }
        }
        if index < scalars.count, isIdentifierStart(scalars[index]) {
          throw .unexpectedCharacter(String(Character(scalars[index])), offset: index)
        }
        let written = source(start, index)
        let value = Double(
          written.hasPrefix(".") ? "0" + written : written.replacingOccurrences(of: "-.", with: "-0."))
        guard let value, value.isFinite else { throw .numberTooLarge(written, offset: start) }
        add(.number(value), start, index)
        continue
      }
      if scalar == "'" || scalar == "\"" {
        index += 1
        var value = ""
        var closed = false
        while index < scalars.count {
          let current = scalars[index]
          if current == scalar {
            closed = true
            index += 1
            break
          }
          if current == "\\", index + 1 < scalars.count {
            value.unicodeScalars.append(scalars[index + 1])
            index += 2
            continue
          }
          value.unicodeScalars.append(current)
          index += 1
        }
        guard closed else { throw .unterminatedString(offset: start) }
        add(.string(value), start, index)
        continue
      }
      let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
      switch (scalar, next) {
      case ("=", "="): add(.comparison(.equal), start, index + 2); index += 2
      case ("!", "="): add(.comparison(.notEqual), start, index + 2); index += 2
      case ("<", ">"): throw .unknownOperator("<>", suggestion: "!=", offset: start)
      case ("=", ">"): throw .unknownOperator("=>", suggestion: ">=", offset: start)
      case ("=", "<"): throw .unknownOperator("=<", suggestion: "<=", offset: start)
      case ("<", "="): add(.comparison(.lessOrEqual), start, index + 2); index += 2
      case (">", "="): add(.comparison(.greaterOrEqual), start, index + 2); index += 2
      case ("<", _): add(.comparison(.less), start, index + 1); index += 1
      case (">", _): add(.comparison(.greater), start, index + 1); index += 1
      case ("=", _): throw .unknownOperator("=", suggestion: "==", offset: start)
      case ("&", "&"): throw .unknownOperator("&&", suggestion: "and", offset: start)
      case ("|", "|"): throw .unknownOperator("||", suggestion: "or", offset: start)
      case ("!", _): throw .unknownOperator("!", suggestion: "not", offset: start)
      case ("(", _): add(.leftParenthesis, start, index + 1); index += 1
      case (")", _): add(.rightParenthesis, start, index + 1); index += 1
      case ("[", _): add(.leftBracket, start, index + 1); index += 1
      case ("]", _): add(.rightBracket, start, index + 1); index += 1
      case (",", _): add(.comma, start, index + 1); index += 1
      default: throw .unexpectedCharacter(String(Character(scalar)), offset: start)
      }
    }
    tokens.append(ConditionToken(kind: .end, offset: scalars.count, length: 0, source: ""))
    return tokens
  }
}

/// Recursive descent over the tokens, one function per grammar rule.
///
/// Depth is bounded: parsing, printing, evaluating and releasing a condition
/// all recurse over its tree, so a hostile `((((…))))` or a chain of 100,000
/// `and` must be refused, not overflow the stack.
struct ConditionParser {
  /// The deepest tree accepted, and the most nested parentheses and `not`.
  static let maximumDepth = 100

  var tokens: [ConditionToken]
  var position = 0
  /// Offsets of the literal operands, in the order they were parsed.
  var literalOffsets: [Int] = []
  /// Parentheses and `not` open around the current token.
  var nesting = 0
  /// The depth of the tree the rule that returned last built (a value is 1).
  var treeDepth = 0

  init(tokens: [ConditionToken]) {
    self.tokens = tokens
  }

  var current: ConditionToken { tokens[position] }

  mutating func advance() { if position < tokens.count - 1 { position += 1 } }

  mutating func parseExpression() throws(ConditionSyntaxError) -> Condition {
    if current.kind == .end { throw .empty }
    let condition = try parseOr()
    guard current.kind == .end else {
      throw .unexpected(
        found: current.quoted, expected: "'and', 'or' or the end of the condition", offset: current.offset)
    }
    return condition
  }

  /// Refuses a tree deeper than `maximumDepth`, pointing at `offset`.
  func checkDepth(_ depth: Int, at offset: Int) throws(ConditionSyntaxError) {
    if depth > Self.maximumDepth { throw .tooDeep(limit: Self.maximumDepth, offset: offset) }
  }

  /// Enters a parenthesis or a `not` at `offset`, refusing too many open ones.
  mutating func enter(at offset: Int) throws(ConditionSyntaxError) {
    nesting += 1
    try checkDepth(nesting, at: offset)
  }

  mutating func parseOr() throws(ConditionSyntaxError) -> Condition {
    var left = try parseAnd()
    var depth = treeDepth
    while current.isKeyword("or") {
      let offset = current.offset
      advance()
      left = .or(left, try parseAnd())
      depth = max(depth, treeDepth) + 1
      try checkDepth(depth, at: offset)
    }
    treeDepth = depth
    return left
  }

  mutating func parseAnd() throws(ConditionSyntaxError) -> Condition {
    var left = try parseNot()
    var depth = treeDepth
    while current.isKeyword("and") {
      let offset = current.offset
      advance()
      left = .and(left, try parseNot())
      depth = max(depth, treeDepth) + 1
      try checkDepth(depth, at: offset)
    }
    treeDepth = depth
    return left
  }

  mutating func parseNot() throws(ConditionSyntaxError) -> Condition {
    if current.isKeyword("not") {
      let offset = current.offset
      try enter(at: offset)
      advance()
      let inner = try parseNot()
      nesting -= 1
      treeDepth += 1
      try checkDepth(treeDepth, at: offset)
      return .not(inner)
    }
    return try parseComparison()
  }

  mutating func parseComparison() throws(ConditionSyntaxError) -> Condition {
    let start = current.offset
    let left = try parseValue()
    var depth = treeDepth
    let condition: Condition
    if case .comparison(let comparison) = current.kind {
      advance()
      condition = .comparison(left, comparison, try parseValue())
      depth = max(depth, treeDepth)
    } else if current.isKeyword("in") {
      advance()
      try expect(.leftBracket, "'[' after 'in'")
      var values = [try parseValue()]
      depth = max(depth, treeDepth)
      while current.kind == .comma {
        advance()
        values.append(try parseValue())
        depth = max(depth, treeDepth)
      }
      try expect(.rightBracket, "',' or ']'")
      condition = .membership(left, values)
    } else if current.isKeyword("contains") {
      advance()
      condition = .contains(left, try parseValue())
      depth = max(depth, treeDepth)
    } else if case .group(let inner) = left {
      // The group's own level goes with it.
      treeDepth = depth - 1
      return inner
    } else {
      condition = .value(left)
    }
    treeDepth = depth + 1
    try checkDepth(treeDepth, at: start)
    return condition
  }

  mutating func parseValue() throws(ConditionSyntaxError) -> ConditionOperand {
    let token = current
    switch token.kind {
    case .number, .string, .identifier("true"), .identifier("false"):
      literalOffsets.append(token.offset)
    default:
      break
    }
    switch token.kind {
    case .number(let value):
      advance()
      treeDepth = 1
      return .number(value)
    case .string(let value):
      advance()
      treeDepth = 1
      return .string(value)
    case .leftParenthesis:
      try enter(at: token.offset)
      advance()
      let inner = try parseOr()
      try expect(.rightParenthesis, "')'")
      nesting -= 1
      if case .value(let operand) = inner {
        // `(x)` is `x`: the value's level, not the `.value` wrapped around it.
        treeDepth -= 1
        return operand
      }
      treeDepth += 1
      try checkDepth(treeDepth, at: token.offset)
      return .group(inner)
    case .identifier("true"):
      advance()
      treeDepth = 1
      return .boolean(true)
    case .identifier("false"):
      advance()
      treeDepth = 1
      return .boolean(false)
    case .identifier("answered"):
      advance()
      try expect(.leftParenthesis, "'(' after 'answered'")
      let argument = current
      guard case .identifier(let name) = argument.kind, !ConditionLexer.keywords.contains(name) else {
        throw .unexpected(found: argument.quoted, expected: "a question id", offset: argument.offset)
      }
      advance()
      try expect(.rightParenthesis, "')'")
      treeDepth = 1
      return .answered(name, SourceRange(offset: argument.offset, length: argument.length))
    case .identifier(let name) where !ConditionLexer.keywords.contains(name):
      advance()
      treeDepth = 1
      return .reference(name, SourceRange(offset: token.offset, length: token.length))
    default:
      throw .unexpected(found: token.quoted, expected: "a value", offset: token.offset)
    }
  }

  mutating func expect(_ kind: ConditionToken.Kind, _ description: String) throws(ConditionSyntaxError) {
    guard current.kind == kind else {
      throw .unexpected(found: current.quoted, expected: description, offset: current.offset)
    }
    advance()
  }
}
