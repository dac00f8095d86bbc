import Foundation

/// A text given in each of a survey's languages, or once for all of them.
///
/// In YAML it is either a plain string (the same in every language) or a map
/// `{fr: "…", en: "…"}`. Lookups fall back to the first language given, so a
/// text is never empty once loaded.
public struct LocalizedText: Sendable, Hashable, Codable {
  /// Texts by language code; a single entry under `"*"` means "every language".
  public var texts: [String: String]

  public init(_ texts: [String: String]) {
    self.texts = texts
  }

  /// The same text in every language.
  public init(plain: String) {
    self.texts = ["*": plain]
  }

  /// `true` when the text was given as one plain string.
  public var isPlain: Bool { texts.keys.count == 1 && texts["*"] != nil }

  /// The text in `language`, else the plain text, else the first language in
  /// code order (deterministic).
  public func text(_ language: String) -> String {
    if let value = texts[language] { return value }
    if let value = texts["*"] { return value }
    return texts.keys.sorted().first.flatMap { texts[$0] } ?? ""
  }

  /// Replaces `{item}` by `item` in every language.
  public func substituting(item: LocalizedText) -> LocalizedText {
    var result: [String: String] = [:]
    let languages = Set(texts.keys).union(item.texts.keys).subtracting(isPlain ? [] : ["*"])
    for language in languages where language != "*" || isPlain {
      result[language] = text(language).replacingOccurrences(of: "{item}", with: item.text(language))
    }
    if result.isEmpty { result = texts }
    return LocalizedText(result)
  }
}
