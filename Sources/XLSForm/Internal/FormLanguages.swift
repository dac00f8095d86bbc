import Foundation

/// The languages of a form, from its column suffixes (`label::French (fr)`)
/// and the `default_language` setting, as bilan language codes.
struct FormLanguages {
  /// Default first, then in the order the columns come.
  private(set) var codes: [String] = []
  /// The language of columns without a suffix (`label`).
  var defaultCode: String

  init(suffixes: [String], defaultLanguage: String?, fallback: String) {
    let suffixCodes = suffixes.compactMap(Self.code(ofSuffix:))
    defaultCode = defaultLanguage.flatMap(Self.code(ofSuffix:)) ?? suffixCodes.first ?? fallback
    codes = [defaultCode]
    for code in suffixCodes where !codes.contains(code) { codes.append(code) }
  }

  /// The code of a column's language part: `French (fr)` → `fr`, `fr` →
  /// `fr`, `Français` → `fr`; nil when it names no language bilan can use.
  static func code(ofSuffix suffix: String) -> String? {
    let trimmed = suffix.trimmingCharacters(in: .whitespaces)
    if let open = trimmed.lastIndex(of: "("), trimmed.hasSuffix(")") {
      let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
      let code = inside.trimmingCharacters(in: .whitespaces)
      if isCode(code) { return code.lowercased() }
    }
    if isCode(trimmed) { return trimmed.lowercased() }
    return names[trimmed.lowercased()]
  }

  /// `French (fr)`: how KoboToolbox and the XLSForm documentation name a language column.
  static func columnName(_ code: String) -> String {
    let name = displayNames[code] ?? code
    return "\(name) (\(code))"
  }

  private static func isCode(_ text: String) -> Bool {
    let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
    guard (2...3).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isLetter }) else {
      return false
    }
    return parts.count == 1 || (2...8).contains(parts[1].count)
  }

  private static let names: [String: String] = [
    "french": "fr", "français": "fr", "francais": "fr", "english": "en", "anglais": "en", "spanish": "es",
    "español": "es", "espanol": "es", "german": "de", "deutsch": "de", "italian": "it", "italiano": "it",
    "portuguese": "pt", "português": "pt", "dutch": "nl", "arabic": "ar", "swahili": "sw", "russian": "ru",
  ]

  private static let displayNames: [String: String] = [
    "fr": "French", "en": "English", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ar": "Arabic", "sw": "Swahili", "ru": "Russian",
  ]
}
