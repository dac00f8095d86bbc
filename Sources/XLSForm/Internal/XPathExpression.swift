import Foundation

/// The small part of XPath that XLSForm authors write in `relevant` and
/// `constraint`: `${name}` references, `.`, strings, numbers, comparisons,
/// `and`, `or`, function calls and parentheses.
indirect enum XPathExpression: Equatable {
  case or(XPathExpression, XPathExpression)
  case and(XPathExpression, XPathExpression)
  case comparison(XPathExpression, String, XPathExpression)
  /// `+ - * div mod`: parsed so that the error can name it.
  case arithmetic(XPathExpression, String, XPathExpression)
  case call(String, [XPathExpression])
  /// `${name}`.
  case reference(String)
  /// `.`, the question itself (constraints).
  case current
  case string(String)
  case number(Double)
  case group(XPathExpression)

  /// Parses `text`; the error says what is wrong and where.
  static func parse(_ text: String) throws(XPathSyntaxError) -> XPathExpression {
    var parser = XPathParser(tokens: try XPathParser.tokens(text))
    let expression = try parser.orExpression()
    if let extra = parser.peek {
      throw XPathSyntaxError("unexpected '\(extra.text)' after a complete expression")
    }
    return expression
  }

  /// The expression without its outer parentheses.
  var unwrapped: XPathExpression {
    if case .group(let inner) = self { return inner.unwrapped }
    return self
  }

  /// `a and b and c` as `[a, b, c]`.
  var conjuncts: [XPathExpression] {
    if case .and(let left, let right) = unwrapped { return left.conjuncts + right.conjuncts }
    return [unwrapped]
  }

  /// `a or b or c` as `[a, b, c]`.
  var disjuncts: [XPathExpression] {
    if case .or(let left, let right) = unwrapped { return left.disjuncts + right.disjuncts }
    return [unwrapped]
  }
}

struct XPathSyntaxError: Error, Equatable {
  var message: String
  init(_ message: String) { self.message = message }
}

struct XPathToken: Equatable {
  enum Kind: Equatable { case reference, string, number, name, symbol, dot }
  var kind: Kind
  var text: String
}

struct XPathParser {
  var tokens: [XPathToken]
  var index = 0

  var peek: XPathToken? { index < tokens.count ? tokens[index] : nil }

  mutating func next() -> XPathToken? {
    defer { index += 1 }
    return peek
  }

  static func tokens(_ text: String) throws(XPathSyntaxError) -> [XPathToken] {
    let scalars = Array(text.unicodeScalars)
    var tokens: [XPathToken] = []
    var i = 0
    func string(_ range: Range<Int>) -> String {
      var result = ""
      result.unicodeScalars.append(contentsOf: scalars[range])
      return result
    }
    func isNameStart(_ s: Unicode.Scalar) -> Bool { s == "_" || s.properties.isAlphabetic }
    func isNamePart(_ s: Unicode.Scalar) -> Bool {
      isNameStart(s) || ("0"..."9").contains(s) || s == "-" || s == "." || s == ":"
    }
    while i < scalars.count {
      let s = scalars[i]
      if s.properties.isWhitespace {
        i += 1
      } else if s == "$", i + 1 < scalars.count, scalars[i + 1] == "{" {
        guard let end = scalars[(i + 2)...].firstIndex(of: "}") else {
          throw XPathSyntaxError("'${' is not closed by '}'")
        }
        let name = string((i + 2)..<end).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw XPathSyntaxError("'${}' names no question") }
        tokens.append(XPathToken(kind: .reference, text: name))
        i = end + 1
      } else if s == "'" || s == "\"" {
        guard let end = scalars[(i + 1)...].firstIndex(of: s) else {
          throw XPathSyntaxError("the text starting with \(s) is not closed")
        }
        tokens.append(XPathToken(kind: .string, text: string((i + 1)..<end)))
        i = end + 1
      } else if ("0"..."9").contains(s)
        || (s == "." && i + 1 < scalars.count && ("0"..."9").contains(scalars[i + 1]))
      {
        var end = i
        while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == "." { end += 1 }
        tokens.append(XPathToken(kind: .number, text: string(i..<end)))
        i = end
      } else if s == "." {
        if i + 1 < scalars.count, scalars[i + 1] == "." {
          tokens.append(XPathToken(kind: .name, text: ".."))
          i += 2
        } else {
          tokens.append(XPathToken(kind: .dot, text: "."))
          i += 1
        }
      } else if isNameStart(s) {
        var end = i
        while end < scalars.count, isNamePart(scalars[end]) { end += 1 }
        tokens.append(XPathToken(kind: .name, text: string(i..<end)))
        i = end
      } else {
        let two = i + 1 < scalars.count ? string(i..<(i + 2)) : ""
        if ["!=", "<=", ">="].contains(two) {
          tokens.append(XPathToken(kind: .symbol, text: two))
          i += 2
        } else if "=<>()+-*,|/[]".unicodeScalars.contains(s) {
          tokens.append(XPathToken(kind: .symbol, text: String(s)))
          i += 1
        } else {
          throw XPathSyntaxError("unexpected character '\(s)'")
        }
      }
    }
    return tokens
  }

  mutating func orExpression() throws(XPathSyntaxError) -> XPathExpression {
    var left = try andExpression()
    while peek == XPathToken(kind: .name, text: "or") {
      index += 1
      left = .or(left, try andExpression())
    }
    return left
  }

  mutating func andExpression() throws(XPathSyntaxError) -> XPathExpression {
    var left = try comparison()
    while peek == XPathToken(kind: .name, text: "and") {
      index += 1
      left = .and(left, try comparison())
    }
    return left
  }

  mutating func comparison() throws(XPathSyntaxError) -> XPathExpression {
    let left = try additive()
    if let token = peek, token.kind == .symbol, ["=", "!=", "<", "<=", ">", ">="].contains(token.text) {
      index += 1
      return .comparison(left, token.text, try additive())
    }
    return left
  }

  mutating func additive() throws(XPathSyntaxError) -> XPathExpression {
    var left = try primary()
    while let token = peek,
      (token.kind == .symbol && ["+", "-", "*"].contains(token.text))
        || (token.kind == .name && ["div", "mod"].contains(token.text))
    {
      index += 1
      left = .arithmetic(left, token.text, try primary())
    }
    return left
  }

  mutating func primary() throws(XPathSyntaxError) -> XPathExpression {
    guard let token = next() else { throw XPathSyntaxError("the expression ends too early") }
    switch token.kind {
    case .reference: return .reference(token.text)
    case .string: return .string(token.text)
    case .number:
      guard let value = Double(token.text) else { throw XPathSyntaxError("'\(token.text)' is not a number") }
      return .number(value)
    case .dot: return .current
    case .name:
      guard peek == XPathToken(kind: .symbol, text: "(") else {
        throw XPathSyntaxError(
          "'\(token.text)' is not something a condition can use (write ${\(token.text)} for a question)")
      }
      index += 1
      var arguments: [XPathExpression] = []
      if peek != XPathToken(kind: .symbol, text: ")") {
        arguments.append(try orExpression())
        while peek == XPathToken(kind: .symbol, text: ",") {
          index += 1
          arguments.append(try orExpression())
        }
      }
      guard next() == XPathToken(kind: .symbol, text: ")") else {
        throw XPathSyntaxError("the arguments of \(token.text)() are not closed by ')'")
      }
      return .call(token.text, arguments)
    case .symbol:
      if token.text == "(" {
        let inner = try orExpression()
        guard next() == XPathToken(kind: .symbol, text: ")") else {
          throw XPathSyntaxError("'(' is not closed by ')'")
        }
        return .group(inner)
      }
      if token.text == "-", let number = peek, number.kind == .number, let value = Double(number.text) {
        index += 1
        return .number(-value)
      }
      throw XPathSyntaxError("unexpected '\(token.text)'")
    }
  }
}
