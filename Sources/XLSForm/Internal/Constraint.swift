import Foundation

/// The checks of a `constraint` that bilan has a setting for.
struct Constraint {
  var minimum: Double?
  var maximum: Double?
  var maxLength: Int?
  var minSelected: Int?
  var maxSelected: Int?
  var exclusive: [String] = []
  var email = false
  /// Parts bilan cannot express.
  var unknown: [XPathExpression] = []

  var isEmpty: Bool {
    minimum == nil && maximum == nil && maxLength == nil && minSelected == nil && maxSelected == nil
      && exclusive.isEmpty && !email && unknown.isEmpty
  }

  /// The checks of `text`, a conjunction; nil when it is not an expression at all.
  static func parse(_ text: String) -> Constraint? {
    var result = Constraint()
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return result }
    guard let expression = try? XPathExpression.parse(text) else { return nil }
    for part in expression.conjuncts {
      if !result.read(part) { result.unknown.append(part) }
    }
    return result
  }

  private mutating func read(_ part: XPathExpression) -> Bool {
    guard case .comparison(let left, let op, let right) = part else { return readCall(part) }
    guard case .number(let value) = right.unwrapped else { return false }
    if left == .current {
      switch op {
      case ">=": minimum = value
      case ">": minimum = value.rounded(.down) + 1
      case "<=": maximum = value
      case "<": maximum = value.rounded(.up) - 1
      default: return false
      }
      return true
    }
    if left == .call("string-length", [.current]) {
      switch op {
      case "<=": maxLength = Int(value)
      case "<": maxLength = Int(value) - 1
      default: return false
      }
      return true
    }
    if left == .call("count-selected", [.current]) {
      switch op {
      case ">=": minSelected = Int(value)
      case ">": minSelected = Int(value) + 1
      case "<=": maxSelected = Int(value)
      case "<": maxSelected = Int(value) - 1
      case "=":
        minSelected = Int(value)
        maxSelected = Int(value)
      default: return false
      }
      return true
    }
    return false
  }

  /// `not(selected(., 'none') and count-selected(.) > 1)` and `regex(., '…@…')`.
  private mutating func readCall(_ part: XPathExpression) -> Bool {
    guard case .call(let name, let arguments) = part, let first = arguments.first else { return false }
    if name == "not", arguments.count == 1 {
      let parts = first.conjuncts
      guard parts.count == 2, case .call("selected", let selected) = parts[0], selected.count == 2,
        selected[0] == .current, case .string(let code) = selected[1],
        parts[1] == .comparison(.call("count-selected", [.current]), ">", .number(1))
      else { return false }
      exclusive.append(code)
      return true
    }
    if name == "regex", arguments.count == 2, first == .current, case .string(let pattern) = arguments[1],
      pattern.contains("@")
    {
      email = true
      return true
    }
    return false
  }
}

/// The constraint messages bilan writes in an XLSForm, in the survey's languages.
enum ConstraintMessages {
  static func bounds(min: Double?, max: Double?, _ language: String) -> String? {
    let french = language == "fr"
    switch (min.map(ConditionTranslator.decimal), max.map(ConditionTranslator.decimal)) {
    case (let low?, let high?): return french ? "Entre \(low) et \(high)." : "Between \(low) and \(high)."
    case (let low?, nil): return french ? "Au moins \(low)." : "At least \(low)."
    case (nil, let high?): return french ? "Au plus \(high)." : "At most \(high)."
    default: return nil
    }
  }

  static func length(_ maxLength: Int, _ language: String) -> String {
    language == "fr" ? "\(maxLength) caractères au plus." : "At most \(maxLength) characters."
  }

  static func selections(min: Int?, max: Int?, exclusive: [String], _ language: String) -> String? {
    let french = language == "fr"
    var parts: [String] = []
    switch (min, max) {
    case (let low?, let high?) where low == high:
      parts.append(french ? "Exactement \(low) choix." : "Exactly \(low) choices.")
    case (let low?, let high?):
      parts.append(french ? "De \(low) à \(high) choix." : "\(low) to \(high) choices.")
    case (let low?, nil): parts.append(french ? "Au moins \(low) choix." : "At least \(low) choices.")
    case (nil, let high?): parts.append(french ? "Au plus \(high) choix." : "At most \(high) choices.")
    default: break
    }
    for code in exclusive {
      parts.append(french ? "« \(code) » exclut les autres choix." : "“\(code)” excludes the other choices.")
    }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }

  static func email(_ language: String) -> String {
    language == "fr"
      ? "Une adresse électronique, par exemple nom@exemple.fr." : "An email address, e.g. name@example.org."
  }

  /// What bilan writes for a question read back as `kind`, in `language`.
  static func message(for kind: DraftKind, language: String) -> String? {
    switch kind {
    case .multiple(_, _, let min, let max, let exclusive):
      selections(min: min, max: max, exclusive: exclusive, language)
    case .number(let min, let max, _): bounds(min: min, max: max, language)
    case .text(let length): length.map { self.length($0, language) } ?? self.length(500, language)
    case .longText(let length): length.map { self.length($0, language) } ?? self.length(5000, language)
    case .email: email(language)
    default: nil
    }
  }
}

/// bilan's id and code patterns, and a valid name to suggest for an invalid one.
enum SurveyCodes {
  /// `[a-z0-9_]+`
  static func isCode(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
  }

  /// `Oui-Non 2` → `oui_non_2`.
  static func suggestion(_ text: String) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    var result = ""
    for scalar in folded.unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        result.unicodeScalars.append(scalar)
      } else if !result.hasSuffix("_") {
        result += "_"
      }
    }
    let trimmed = result.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
    return trimmed.isEmpty ? "q" : trimmed
  }

  /// A survey id (`[a-z0-9-]+`) made from a form id.
  static func surveyId(_ text: String) -> String {
    suggestion(text).replacingOccurrences(of: "_", with: "-")
  }
}
