import Foundation
import SurveyDefinition

/// What a `${name}` of a form stands for, to turn XPath into bilan conditions.
struct FormSymbol {
  enum Kind {
    case single
    case multiple
    case ranking
    case boolean
    /// Choice name → scale point; `na` is the not-applicable choice's name.
    case scale(points: [String: Int], na: String?)
    case number
    case text
    /// A group or repeat (sections and matrices): not an answer.
    case group
    /// A question bilan leaves out (its type).
    case dropped(String)
  }

  /// The bilan answer key (`q`, or `matrix.row` for a row of a matrix).
  var key: String
  var kind: Kind
  /// The index of the `for_each` section the question is in.
  var loop: Int?
  /// For a repeat: the codes of the list it loops over.
  var loopItems: [String] = []
}

/// Turns a `relevant` expression into a bilan condition (`when:`).
struct ConditionTranslator {
  var symbols: [String: FormSymbol]

  /// The condition for a question or section in loop `loop` (nil outside loops).
  func condition(_ text: String, loop: Int?) throws(XPathSyntaxError) -> String {
    let expression = try XPathExpression.parse(text)
    return try translate(expression, loop: loop).text
  }

  /// A translated sub-expression and how tightly it binds: 0 or, 1 and, 2 the rest.
  private typealias Piece = (text: String, level: Int)

  private func translate(_ expression: XPathExpression, loop: Int?) throws(XPathSyntaxError) -> Piece {
    switch expression {
    case .group(let inner):
      if let membership = try membership(inner.disjuncts, loop: loop) { return (membership, 2) }
      let piece = try translate(inner, loop: loop)
      return piece.level == 2 ? piece : ("(\(piece.text))", 2)
    case .or(let left, let right):
      if let membership = try membership(expression.disjuncts, loop: loop) { return (membership, 2) }
      return ("\(try translate(left, loop: loop).text) or \(try translate(right, loop: loop).text)", 0)
    case .and(let left, let right):
      return ("\(try operand(left, loop: loop, above: 1)) and \(try operand(right, loop: loop, above: 1))", 1)
    case .comparison(let left, let op, let right):
      return (try comparison(left, op, right, loop: loop), 2)
    case .call(let name, let arguments):
      return (try call(name, arguments, loop: loop), 2)
    case .reference(let name):
      let symbol = try reference(name, loop: loop)
      if case .boolean = symbol.kind { return ("\(symbol.key) == true", 2) }
      return ("answered(\(symbol.key))", 2)
    case .string(let value):
      return (value.isEmpty ? "false" : "true", 2)
    case .number(let value):
      return (value != 0 ? "true" : "false", 2)
    case .current:
      throw XPathSyntaxError(
        "'.' (the question itself) has no meaning in a condition; name the question with ${…}")
    case .arithmetic(_, let op, _):
      throw XPathSyntaxError("arithmetic ('\(op)') has no bilan equivalent in a condition")
    }
  }

  private func operand(
    _ expression: XPathExpression, loop: Int?, above level: Int
  ) throws(XPathSyntaxError)
    -> String
  {
    let piece = try translate(expression, loop: loop)
    return piece.level < level ? "(\(piece.text))" : piece.text
  }

  /// `${q} = 'a' or ${q} = 'b'` → `q in ['a', 'b']`.
  private func membership(_ parts: [XPathExpression], loop: Int?) throws(XPathSyntaxError) -> String? {
    guard parts.count > 1 else { return nil }
    var name: String?
    var values: [String] = []
    for part in parts {
      guard case .comparison(.reference(let reference), "=", let value) = part.unwrapped,
        name == nil || name == reference
      else { return nil }
      switch value {
      case .string, .number: break
      default: return nil
      }
      name = reference
      let symbol = try self.reference(reference, loop: loop)
      switch symbol.kind {
      case .single, .scale, .number, .text: break
      default: return nil
      }
      values.append(try literal(value, for: symbol))
    }
    guard let name else { return nil }
    return "\(try reference(name, loop: loop).key) in [\(values.joined(separator: ", "))]"
  }

  private func comparison(
    _ left: XPathExpression, _ op: String, _ right: XPathExpression, loop: Int?
  ) throws(XPathSyntaxError) -> String {
    var (left, op, right) = (left.unwrapped, op, right.unwrapped)
    if case .reference = right, !isReference(left) {
      swap(&left, &right)
      op = ["<": ">", ">": "<", "<=": ">=", ">=": "<="][op] ?? op
    }
    let bilanOperator = op == "=" ? "==" : op
    // string-length(${q}) > 0, count-selected(…) >= n
    if case .call(let function, let arguments) = left, function != "indexed-repeat" {
      if function == "string-length", arguments.count == 1,
        case .reference(let name) = arguments[0].unwrapped,
        case .number(let value) = right
      {
        let key = try reference(name, loop: loop).key
        if (op == ">" && value == 0) || (op == ">=" && value == 1) || (op == "!=" && value == 0) {
          return "answered(\(key))"
        }
        if (op == "=" || op == "<=") && value == 0 { return "not answered(\(key))" }
      }
      throw XPathSyntaxError("\(function)() compared with a value has no bilan equivalent in a condition")
    }
    guard let symbol = try answer(left, loop: loop) else {
      throw XPathSyntaxError("a comparison must name a question with ${…}")
    }
    let name = symbol.key
    if let other = try answer(right, loop: loop) {
      return "\(symbol.key) \(bilanOperator) \(other.key)"
    }
    if case .string("") = right {
      if op == "!=" { return "answered(\(symbol.key))" }
      if op == "=" { return "not answered(\(symbol.key))" }
    }
    if case .multiple = symbol.kind, op == "=" || op == "!=" {
      throw XPathSyntaxError(
        "'${\(name)} \(op) …' compares a select_multiple answer as a whole; write selected(${\(name)}, 'code')"
      )
    }
    if case .ranking = symbol.kind {
      throw XPathSyntaxError("a rank answer cannot be compared; write selected(${\(name)}, 'code')")
    }
    return "\(symbol.key) \(bilanOperator) \(try literal(right, for: symbol))"
  }

  private func call(
    _ name: String, _ arguments: [XPathExpression], loop: Int?
  ) throws(XPathSyntaxError) -> String {
    switch (name, arguments.count) {
    case ("not", 1):
      return "not \(try operand(arguments[0], loop: loop, above: 2))"
    case ("true", 0): return "true"
    case ("false", 0): return "false"
    case ("selected", 2):
      guard let symbol = try answer(arguments[0].unwrapped, loop: loop) else {
        throw XPathSyntaxError("selected() must name a question first: selected(${question}, 'code')")
      }
      let value = try literal(arguments[1].unwrapped, for: symbol)
      switch symbol.kind {
      case .multiple, .ranking: return "\(symbol.key) contains \(value)"
      default: return "\(symbol.key) == \(value)"
      }
    case ("string-length", 1):
      guard case .reference(let question) = arguments[0].unwrapped else { break }
      return "answered(\(try reference(question, loop: loop).key))"
    default: break
    }
    throw XPathSyntaxError("\(name)() has no bilan equivalent in a condition")
  }

  private func isReference(_ expression: XPathExpression) -> Bool {
    if case .reference = expression { return true }
    if case .call("indexed-repeat", _) = expression { return true }
    return false
  }

  /// The value compared with a question of kind `symbol.kind`, as bilan writes it.
  private func literal(_ value: XPathExpression, for symbol: FormSymbol) throws(XPathSyntaxError) -> String {
    let text: String
    switch value {
    case .string(let string): text = string
    case .number(let number): text = ConditionTranslator.decimal(number)
    case .call("true", []): return "true"
    case .call("false", []): return "false"
    default:
      throw XPathSyntaxError("a question can only be compared with a text, a number or another question")
    }
    switch symbol.kind {
    case .boolean:
      switch text.lowercased() {
      case "yes", "true", "1", "oui": return "true"
      case "no", "false", "0", "non": return "false"
      default: throw XPathSyntaxError("'\(text)' is not yes or no, the answers of ${\(symbol.key)}")
      }
    case .scale(let points, let na):
      if let point = points[text] { return String(point) }
      if let na, text == na {
        throw XPathSyntaxError(
          "'\(text)' is the not-applicable answer of a scale, which bilan stores as no value; use answered() instead"
        )
      }
      if let number = Double(text) { return ConditionTranslator.decimal(number) }
      throw XPathSyntaxError("'\(text)' is not a point of the scale of \(symbol.key)")
    case .number:
      guard let number = Double(text) else { throw XPathSyntaxError("'\(text)' is not a number") }
      return ConditionTranslator.decimal(number)
    default:
      return ConditionTranslator.quoted(text)
    }
  }

  /// The answer `expression` names: `${q}`, or `indexed-repeat(${q}, ${repeat}, n)` for the
  /// answer of a loop question for the loop's n-th item (bilan's `q.ITEM`); nil for anything else.
  private func answer(_ expression: XPathExpression, loop: Int?) throws(XPathSyntaxError) -> FormSymbol? {
    switch expression.unwrapped {
    case .reference(let name):
      return try reference(name, loop: loop)
    case .call("indexed-repeat", let arguments):
      guard arguments.count == 3, case .reference(let name) = arguments[0].unwrapped,
        case .reference(let repeatName) = arguments[1].unwrapped,
        case .number(let position) = arguments[2].unwrapped,
        var symbol = symbols[name], let repeatSymbol = symbols[repeatName], symbol.loop != nil
      else {
        throw XPathSyntaxError(
          "indexed-repeat() must be written indexed-repeat(${question}, ${repeat}, position)")
      }
      let index = Int(position) - 1
      guard repeatSymbol.loopItems.indices.contains(index) else {
        throw XPathSyntaxError(
          "position \(ConditionTranslator.decimal(position)) is not an item of ${\(repeatName)}")
      }
      symbol.key += "." + repeatSymbol.loopItems[index]
      symbol.loop = nil
      return symbol
    default:
      return nil
    }
  }

  /// The symbol of `${name}`.
  private func reference(_ name: String, loop: Int?) throws(XPathSyntaxError) -> FormSymbol {
    guard let symbol = symbols[name] else {
      let hint = EditDistance.hint(for: name, among: symbols.keys)
      throw XPathSyntaxError("${\(name)} names no question of the form\(hint)")
    }
    switch symbol.kind {
    case .group:
      throw XPathSyntaxError("${\(name)} is a group, not a question")
    case .dropped(let type):
      throw XPathSyntaxError("${\(name)} is a \(type), which bilan leaves out")
    default: break
    }
    if let questionLoop = symbol.loop, questionLoop != loop {
      throw XPathSyntaxError(
        "${\(name)} is asked once per item of a repeat; from outside it, name one item with indexed-repeat()")
    }
    return symbol
  }

  /// A bilan string literal.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
  }

  static func decimal(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
