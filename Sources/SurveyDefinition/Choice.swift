/// One option of a choice list, an item a section loops over, or a matrix row.
///
/// `code` (`[a-z0-9_]+`) is what the store keeps; `label` is what people read.
public struct Choice: Sendable, Hashable, Codable {
  public var code: String
  public var label: LocalizedText

  public init(code: String, label: LocalizedText) {
    self.code = code
    self.label = label
  }
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
