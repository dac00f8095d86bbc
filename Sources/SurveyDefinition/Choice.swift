/// One option of a choice list, an item a section loops over, or a matrix row.
///
/// `code` (`[a-z0-9_]+`) is what the store keeps; `label` is what people read.
public struct Choice: Sendable, Hashable, Codable {
  public var code: String
  public var label: LocalizedText
  /// The grammatical gender of the French label (`gender: f`), so that a
  /// report can write “la convention… est la plus citée” and “1re”; `nil`
  /// when not given (reports then quote the label instead of agreeing with it).
  public var gender: GrammaticalGender?

  public init(code: String, label: LocalizedText, gender: GrammaticalGender? = nil) {
    self.code = code
    self.label = label
    self.gender = gender
  }
}

/// The grammatical gender of a French label.
public enum GrammaticalGender: String, Sendable, Hashable, Codable {
  case masculine = "m"
  case feminine = "f"
}

extension Array where Element == Choice {
  /// The choice with `code`, if any.
  public func choice(_ code: String) -> Choice? { first { $0.code == code } }
}

/// A named list of choices (`choices:`) or of items (`items:`).
public struct ChoiceList: Sendable, Hashable {
  public var id: String
  public var choices: [Choice]

  public init(id: String, choices: [Choice]) {
    self.id = id
    self.choices = choices
  }
}
