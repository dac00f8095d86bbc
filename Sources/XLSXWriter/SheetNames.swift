import Foundation

/// Valid, unique worksheet names.
///
/// Excel allows at most 31 characters (UTF-16 units), none of `[ ] : * ? / \`,
/// no apostrophe at either end, and compares names without regard to case.
/// Names here are also compared without regard to accents, so that
/// "Synthèse" and "SYNTHESE" never coexist (some readers fold accents too).
package struct SheetNames {
  package static let maximumLength = 31
  private var used: Set<String> = []

  package init() {}

  /// `proposed` made valid, then made unique with " (2)", " (3)"… (cutting
  /// the name to make room), and recorded as used.
  package mutating func claim(_ proposed: String) throws -> String {
    let base = Self.sanitized(proposed)
    guard !base.isEmpty else { throw XLSXWriterError.invalidSheetName(proposed) }
    var candidate = base
    var counter = 2
    while used.contains(Self.foldingKey(candidate)) {
      let suffix = " (\(counter))"
      candidate = Self.cut(base, to: Self.maximumLength - suffix.utf16.count) + suffix
      counter += 1
    }
    used.insert(Self.foldingKey(candidate))
    return candidate
  }

  /// Whether a name is already taken (case- and accent-insensitively).
  package func contains(_ name: String) -> Bool { used.contains(Self.foldingKey(name)) }

  package static func foldingKey(_ name: String) -> String {
    name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
  }

  /// Forbidden characters replaced by "-", control characters removed,
  /// apostrophes and spaces trimmed at both ends, cut to 31 UTF-16 units.
  package static func sanitized(_ name: String) -> String {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    var result = ""
    for character in name {
      if forbidden.contains(character) {
        result.append("-")
      } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) {
        result.append(character)
      }
    }
    let trimSet = CharacterSet(charactersIn: "' ").union(.whitespacesAndNewlines)
    result = result.trimmingCharacters(in: trimSet)
    result = cut(result, to: maximumLength).trimmingCharacters(in: trimSet)
    // "History" is reserved by Excel.
    if result.caseInsensitiveCompare("History") == .orderedSame { result += "-" }
    return result
  }

  /// The longest prefix of `text` (whole characters) of at most `limit` UTF-16 units.
  package static func cut(_ text: String, to limit: Int) -> String {
    var result = ""
    var used = 0
    for character in text {
      let size = character.utf16.count
      if used + size > limit { break }
      used += size
      result.append(character)
    }
    return result
  }
}
