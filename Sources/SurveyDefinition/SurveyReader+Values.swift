import Foundation
import Yams

/// Typed reading of YAML values: each getter reports a wrong type at the
/// value and returns `nil`, so the caller simply skips what it cannot use.
extension SurveyReader {
  // Checked on bytes rather than with regex literals, which Swift builds
  // anew at every call: loading a survey is on `bilan ask`'s start-up path.

  /// `[a-z0-9_]+`
  static func isCode(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { isLowercaseLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
  }

  /// `[a-z0-9-]+`
  static func isSurveyId(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { isLowercaseLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
  }

  /// `[a-z]{2,3}(-[A-Za-z0-9]{2,8})?`
  static func isLanguage(_ text: String) -> Bool {
    let parts = text.utf8.split(separator: UInt8(ascii: "-"), maxSplits: 1, omittingEmptySubsequences: false)
    guard (2...3).contains(parts[0].count), parts[0].allSatisfy(isLowercaseLetter) else { return false }
    guard parts.count == 2 else { return true }
    return (2...8).contains(parts[1].count)
      && parts[1].allSatisfy { isLowercaseLetter($0) || isDigit($0) || (0x41...0x5A).contains($0) }
  }

  static func isLowercaseLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
  static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

  /// The resolved YAML tag of a node (`Tag.Name.int`, `.bool`, …).
  func tagName(_ node: Node) -> Tag.Name { Tag.Name(rawValue: node.tag.rawValue) }

  /// "an" before a type name said with a vowel sound (`an nps question`), else "a".
  static func article(_ typeName: String) -> String {
    ["nps", "email"].contains(typeName) ? "an" : "a"
  }

  /// "; did you mean 'x'?" for a close id, else the ids defined (up to 12),
  /// else that there are none.
  static func hintOrList(_ word: String, _ ids: [String], _ plural: String) -> String {
    let hint = EditDistance.hint(for: word, among: ids)
    if !hint.isEmpty { return hint }
    if ids.isEmpty { return " (the survey defines no \(plural))" }
    if ids.count > 12 { return "" }
    return " (\(plural) defined: \(ids.joined(separator: ", ")))"
  }

  /// `a`, `a and b`, `a, b and c`.
  static func list(_ names: [String]) -> String {
    guard let last = names.last else { return "" }
    return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
  }

  /// How a value is named in a message: `'text'`, `a list`, `a mapping`, `nothing`.
  func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar):
      if isNull(node) { return "nothing" }
      let text = scalar.string.count > 40 ? String(scalar.string.prefix(37)) + "…" : scalar.string
      return "'\(text)'"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    case .alias: return "an alias"
    }
  }

  func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else {
      return false
    }
    return tagName(node) == .null
  }

  func isPlain(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node else { return false }
    return scalar.style == .plain || scalar.style == .any
  }

  /// Any non-null scalar, as written.
  func string(_ node: Node, _ what: String) -> String? {
    guard case .scalar(let scalar) = node, !isNull(node) else {
      error(node, "\(what) must be a text, not \(describe(node))")
      return nil
    }
    return scalar.string
  }

  /// A scalar matching `[a-z0-9_]+`.
  func code(_ node: Node, _ what: String) -> String? {
    guard let value = string(node, what) else { return nil }
    guard Self.isCode(value) else {
      error(node, "\(what) '\(value)' must use only lowercase letters a-z, digits and '_'")
      return nil
    }
    return value
  }

  func integer(_ node: Node, _ what: String) -> Int? {
    guard isPlain(node), tagName(node) == .int, let value = node.int else {
      error(node, "\(what) must be a whole number, not \(describe(node))")
      return nil
    }
    return value
  }

  func number(_ node: Node, _ what: String) -> Double? {
    guard isPlain(node), tagName(node) == .int || tagName(node) == .float, let value = node.float,
      value.isFinite
    else {
      error(node, "\(what) must be a number, not \(describe(node))")
      return nil
    }
    return value
  }

  func boolean(_ node: Node, _ what: String) -> Bool? {
    guard isPlain(node), tagName(node) == .bool, let value = node.bool else {
      error(node, "\(what) must be true or false, not \(describe(node))")
      return nil
    }
    return value
  }

  func sequence(_ node: Node, _ what: String) -> [Node]? {
    guard case .sequence(let sequence) = node else {
      error(node, "\(what) must be a list, not \(describe(node))")
      return nil
    }
    return Array(sequence)
  }

  func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
    guard case .mapping(let mapping) = node else {
      error(node, "\(what) must be a mapping of keys, not \(describe(node))")
      return nil
    }
    return mapping
  }

  /// The keys of a mapping as strings, reporting unknown ones with a
  /// suggestion; `misplaced` gives a better message for keys that belong elsewhere.
  func entries(
    _ mapping: Node.Mapping, allowed: [String], in context: String, misplaced: [String: String] = [:]
  ) -> [String: (key: Node, value: Node)] {
    var result: [String: (key: Node, value: Node)] = [:]
    suggestedKeys = []
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key, !isNull(key) else {
        error(key, "a key in \(context) must be a name, not \(describe(key))")
        continue
      }
      let name = scalar.string
      if allowed.contains(name) {
        result[name] = (key, value)
      } else if let explanation = misplaced[name] {
        error(key, explanation)
      } else {
        let suggestion = EditDistance.suggestion(for: name, among: allowed)
        if let suggestion { suggestedKeys.insert(suggestion) }
        error(key, "unknown key '\(name)' in \(context)\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
      }
    }
    return result
  }

  /// Reports each of `required` missing from `entries`, at the mapping; a key
  /// already suggested for a misspelt one (by the last `entries`) is not reported twice.
  func requireKeys(
    _ required: [String], in entries: [String: (key: Node, value: Node)], of node: Node, _ context: String
  ) {
    for key in required where entries[key] == nil && !suggestedKeys.contains(key) {
      error(node, "missing key '\(key)' in \(context)")
    }
  }

  /// A localized text: a plain string, or one text per survey language.
  func localizedText(_ node: Node, _ what: String) -> LocalizedText? {
    switch node {
    case .scalar:
      guard let value = string(node, what) else { return nil }
      guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        error(node, "\(what) is empty")
        return nil
      }
      return LocalizedText(plain: value)
    case .mapping(let mapping):
      var texts: [String: String] = [:]
      var valid = true
      for (key, value) in mapping {
        guard let language = string(key, "a language of \(what)") else {
          valid = false
          continue
        }
        if languagesAreKnown, !languages.contains(language) {
          let list = languages.joined(separator: ", ")
          error(
            key,
            "\(what) has a text in '\(language)', which is not one of the survey's languages (\(list))"
              + EditDistance.hint(for: language, among: languages))
          valid = false
          continue
        }
        guard let text = string(value, "the '\(language)' text of \(what)") else {
          valid = false
          continue
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
          error(value, "the '\(language)' text of \(what) is empty")
          valid = false
        }
        texts[language] = text
      }
      if languagesAreKnown {
        for language in languages where texts[language] == nil {
          error(node, "\(what) has no '\(language)' text")
          valid = false
        }
      }
      guard valid, !texts.isEmpty else {
        if texts.isEmpty, valid { error(node, "\(what) is empty") }
        return nil
      }
      return LocalizedText(texts)
    default:
      error(node, "\(what) must be a text or a map of texts by language, not \(describe(node))")
      return nil
    }
  }

  /// A list of `{code, label}` choices with unique codes; `nil` if any is broken.
  func choices(_ node: Node, _ what: String) -> [Choice]? {
    guard let elements = sequence(node, what) else { return nil }
    if elements.isEmpty {
      error(node, "\(what) is empty")
      return nil
    }
    var result: [Choice] = []
    var firstLine: [String: Int] = [:]
    var valid = true
    for element in elements {
      guard let mapping = mapping(element, "a choice of \(what)") else {
        valid = false
        continue
      }
      let fields = entries(mapping, allowed: ["code", "label", "gender"], in: "a choice of \(what)")
      requireKeys(["code", "label"], in: fields, of: element, "a choice of \(what)")
      guard let codeNode = fields["code"]?.value, let code = code(codeNode, "the code") else {
        valid = false
        continue
      }
      if let line = firstLine[code] {
        error(codeNode, "duplicate code '\(code)' in \(what) (first at line \(line))")
        valid = false
        continue
      }
      firstLine[code] = location(codeNode).line
      guard let labelNode = fields["label"]?.value,
        let label = localizedText(labelNode, "the label of choice '\(code)'")
      else {
        valid = false
        continue
      }
      var gender: GrammaticalGender?
      if let genderNode = fields["gender"]?.value,
        let text = string(genderNode, "the gender of choice '\(code)'")
      {
        gender = GrammaticalGender(rawValue: text)
        if gender == nil {
          error(
            genderNode, "the gender of choice '\(code)' is '\(text)'; write m (masculine) or f (feminine)")
        }
      }
      result.append(Choice(code: code, label: label, gender: gender))
    }
    return valid ? result : nil
  }
}
