import BilanBase
import Foundation

/// Answers in the JSON shape of `spec/cli.md`'s export and `--answers` files:
/// `{"role":"elu","valeur_ajoutee.plan_cooperation":4,"limites.plan_cooperation":["cout","portage"]}`,
/// null for not applicable.
extension AnswerValue {
  /// The value as `JSONSerialization` takes it: `String`, `Int`, `Double`, `Bool`,
  /// `[String]`, or `NSNull` for not applicable. (Key order is the caller's.)
  public var jsonObject: Any {
    switch self {
    case .code(let text), .text(let text): text
    case .integer(let value): value
    case .number(let value): value
    case .boolean(let value): value
    case .codes(let codes): codes
    case .notApplicable: NSNull()
    }
  }

  /// The value as JSON text, for writers that lay out JSON themselves: strings
  /// escaped per RFC 8259 by `JSONText.quoted` (`"`, `\` and control
  /// characters; `/` and non-ASCII kept as they are), integers in decimal, numbers in Swift's shortest
  /// round-trip form (`4.5`, `1e-05`), null for not applicable and for a
  /// non-finite number (which no rule accepts).
  public var jsonText: String {
    switch self {
    case .code(let text), .text(let text): JSONText.quoted(text)
    case .integer(let value): String(value)
    case .number(let value): value.isFinite ? String(describing: value) : "null"
    case .boolean(let value): value ? "true" : "false"
    case .codes(let codes): "[" + codes.map(JSONText.quoted).joined(separator: ",") + "]"
    case .notApplicable: "null"
    }
  }

  /// Types a value read by `JSONSerialization` or Yams for `field`.
  ///
  /// Null (`NSNull`, or a missing optional) is `.notApplicable` for every field
  /// (``AnswerField/check(_:)`` then refuses it where not applicable is not offered).
  /// A string is a `.code` for a single question, `.text` for text, long_text,
  /// email and "other" texts. An array of strings is `.codes`. A number is
  /// `.integer` for scale, nps, matrix and `integer: true` number fields when it
  /// is whole (`4.0` is `4`; `4.5` throws ``AnswerError/notWholeNumber(key:value:)``),
  /// `.number` for other number fields. A boolean is `.boolean`.
  /// Anything else, such as `"4"` for an integer field or `1` for a boolean,
  /// throws ``AnswerError/wrongType(key:expected:found:)``.
  ///
  /// This only types the value: the rules (codes, bounds, lengths) are
  /// ``AnswerField/check(_:)``'s.
  public init(json: Any?, for field: AnswerField) throws(AnswerError) {
    let key = field.key
    let expected = field.valueType
    guard let json, !(json is NSNull) else {
      self = .notApplicable
      return
    }
    let wrongType = AnswerError.wrongType(key: key, expected: expected, found: Self.summarize(json: json))
    switch expected {
    case .code:
      guard let text = json as? String else { throw wrongType }
      self = .code(text)
    case .text, .contact:
      guard let text = json as? String else { throw wrongType }
      self = .text(text)
    case .codes:
      guard let array = json as? [Any] else { throw wrongType }
      var codes: [String] = []
      codes.reserveCapacity(array.count)
      for element in array {
        guard let code = element as? String else { throw wrongType }
        codes.append(code)
      }
      self = .codes(codes)
    case .boolean:
      guard let flag = Self.boolean(json) else { throw wrongType }
      self = .boolean(flag)
    case .integer:
      guard let number = Self.number(json) else { throw wrongType }
      switch number {
      case .whole(let value): self = .integer(value)
      case .real(let value):
        guard value.isFinite, value.rounded() == value else { throw .notWholeNumber(key: key, value: value) }
        guard let whole = Int(exactly: value) else { throw wrongType }
        self = .integer(whole)
      }
    case .number:
      guard let number = Self.number(json) else { throw wrongType }
      switch number {
      case .whole(let value): self = .number(Double(value))
      case .real(let value): self = .number(value)
      }
    }
  }

  private enum JSONNumber {
    case whole(Int)
    case real(Double)
  }

  /// A Swift `Bool`, or the boolean `NSNumber` JSONSerialization makes of `true`/`false`.
  private static func boolean(_ json: Any) -> Bool? {
    guard json is Bool else { return nil }
    if let number = json as? NSNumber, !isBooleanNumber(number) { return nil }
    return json as? Bool
  }

  /// A number that is not a boolean.
  private static func number(_ json: Any) -> JSONNumber? {
    if let number = json as? NSNumber {
      if isBooleanNumber(number) { return nil }
      if let whole = json as? Int { return .whole(whole) }
      return .real(number.doubleValue)
    }
    if json is Bool { return nil }
    if let whole = json as? Int { return .whole(whole) }
    if let real = json as? Double { return .real(real) }
    return nil
  }

  private static func isBooleanNumber(_ number: NSNumber) -> Bool {
    // JSONSerialization and NSNumber(value: Bool) use a distinct boolean class.
    type(of: number) == type(of: NSNumber(value: true))
  }

  /// A short rendering of a decoded JSON or YAML value for error messages.
  private static func summarize(json: Any) -> String {
    if let text = json as? String {
      let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
      return JSONText.quoted(cut)
    }
    if let flag = boolean(json) { return flag ? "true" : "false" }
    if let number = number(json) {
      switch number {
      case .whole(let value): return String(value)
      case .real(let value): return String(describing: value)
      }
    }
    if json is [Any] { return "an array" }
    if json is [String: Any] { return "an object" }
    return "a value of type \(type(of: json))"
  }
}

/// Converting a whole response to and from its JSON object.
extension SurveyFlow {
  /// Types a decoded JSON or YAML object (answer key → value), as in
  /// `--answers` files and the export's `answers`, by the survey's fields.
  ///
  /// Email answers go to `contacts` (null for an email is
  /// ``AnswerError/notApplicableNotOffered(key:)``). A key the survey does not
  /// have, or a value that cannot be typed, is left out and reported in `problems` (in asking
  /// order, then unknown keys in code-point order). The answer rules are not
  /// applied here: run ``checkResponse(answers:contacts:complete:)`` on the result
  /// when `problems` is empty.
  public func typedAnswers(
    json: [String: Any]
  ) -> (
    answers: Answers, contacts: [String: String], problems: [AnswerProblem]
  ) {
    var answers: Answers = [:]
    var contacts: [String: String] = [:]
    var errors: [(order: Int, error: AnswerError)] = []
    var unknown: [String] = []
    for (key, value) in json {
      guard let index = fieldIndex[key] else {
        unknown.append(key)
        continue
      }
      let field = fields[index]
      do throws(AnswerError) {
        let typed = try AnswerValue(json: value, for: field)
        if field.valueType == .contact {
          // Only a text can be typed for an email field; null is not an address.
          guard case .text(let address) = typed else { throw AnswerError.notApplicableNotOffered(key: key) }
          contacts[key] = address
        } else {
          answers[key] = typed
        }
      } catch {
        errors.append((index, error))
      }
    }
    let problems =
      errors.sorted { $0.order < $1.order }.map { AnswerProblem(key: $0.error.key, error: $0.error) }
      + unknown.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
      .map { AnswerProblem(key: $0, error: .unknownKey(key: $0)) }
    return (answers, contacts, problems)
  }

  /// The JSON object of a response's answers (and, when given, its contacts), for
  /// `JSONSerialization`; ``jsonKeys(answers:contacts:)`` gives the key order.
  public func jsonObject(answers: Answers, contacts: [String: String] = [:]) -> [String: Any] {
    var object: [String: Any] = [:]
    for (key, value) in answers { object[key] = value.jsonObject }
    for (key, value) in contacts { object[key] = value }
    return object
  }

  /// The keys of `answers` and `contacts` in the export's order: the survey's
  /// asking order, then keys the survey does not have in code-point order.
  public func jsonKeys(answers: Answers, contacts: [String: String] = [:]) -> [String] {
    var known: [String] = []
    for field in fields where answers[field.key] != nil || contacts[field.key] != nil {
      known.append(field.key)
    }
    let unknown = Set(answers.keys).union(contacts.keys).filter { self.field(forKey: $0) == nil }
    return known + unknown.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
  }
}
