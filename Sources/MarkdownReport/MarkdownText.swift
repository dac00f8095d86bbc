import BilanBase

/// Turns any text (a participant's verbatim, a survey label) into Markdown
/// that reads as that text and nothing else.
///
/// CommonMark lets any ASCII punctuation be escaped with a backslash; the
/// characters that can start markup are escaped wherever they are (`\` `` ` ``
/// `*` `_` `[` `]` `<` `>` `|` `~` `&` `!` `@`), and those that only mean
/// something at the start of a line (`#`, `+`, `-`, `=`, `1.`, `1)`) are
/// escaped there. Bare web addresses lose the `://` and `www.` that GFM's
/// autolink extension looks for. Control characters and bidirectional
/// overrides are removed, and line breaks become spaces: the result always
/// stays on one line, so it can sit in a table cell, a list item or a
/// sentence without ending it.
public enum MarkdownText {
  /// Characters escaped everywhere.
  static let alwaysEscaped: Set<Character> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "!", "@",
  ]
  /// Characters escaped when they start the text.
  static let leadingEscaped: Set<Character> = ["#", "+", "-", "="]

  /// `text` as inert inline Markdown on one line.
  public static func escape(_ text: String) -> String {
    if isAlreadyInert(text) { return text }
    return escapeEverything(text)
  }

  /// `true` when `escape` would return `text` unchanged, told from its UTF-8
  /// bytes alone (most answers and labels): no byte that any rule below looks
  /// at. `false` only means the full rules must run.
  static func isAlreadyInert(_ text: String) -> Bool {
    let inert = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      let count = bytes.count
      guard let first = bytes.first, let last = bytes.last else { return true }
      // A first character that could start markup or a list, or be a number
      // (`atStart` lasts through leading digits), or is not ASCII.
      switch first {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "("),
        UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "/"),
        UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: "%"), UInt8(ascii: "$"), UInt8(ascii: ")"):
        break
      default:
        return false
      }
      if last == UInt8(ascii: " ") { return false }
      var index = 0
      while index < count {
        let byte = bytes[index]
        switch byte {
        case 0x00...0x1F, 0x7F:
          return false
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
          UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"),
          UInt8(ascii: "&"), UInt8(ascii: "!"), UInt8(ascii: "@"):
          return false
        case UInt8(ascii: " "):
          // Runs of spaces collapse.
          if index + 1 < count, bytes[index + 1] == UInt8(ascii: " ") { return false }
        case UInt8(ascii: ":"):
          if index + 1 < count, bytes[index + 1] == UInt8(ascii: "/") { return false }
        case UInt8(ascii: "."):
          if index > 0, bytes[index - 1] | 0x20 == UInt8(ascii: "w") { return false }
        case 0xC2:
          // C1 controls U+0080–U+009F.
          if index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return false }
        case 0xD8:
          // U+061C.
          if index + 1 < count, bytes[index + 1] == 0x9C { return false }
        case 0xE1:
          // U+1FEF, canonically the same character as "`".
          if index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xAF { return false }
        case 0xE2:
          // U+200E, U+200F, U+202A–U+202E, U+2066–U+2069.
          if index + 2 < count {
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if second == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)) {
              return false
            }
            if second == 0x81 && (0xA6...0xA9).contains(third) { return false }
          }
        case 0xEF:
          // U+FEFF.
          if index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return false }
        default:
          break
        }
        index += 1
      }
      return true
    }
    return inert ?? false
  }

  /// `escape` without the fast path: every rule applied.
  static func escapeEverything(_ text: String) -> String {
    let cleaned = collapseWhitespace(removingControlCharacters(text))
    let characters = Array(cleaned)
    var result = ""
    result.reserveCapacity(characters.count + 8)
    var atStart = true
    for (offset, character) in characters.enumerated() {
      if alwaysEscaped.contains(character) || (atStart && leadingEscaped.contains(character)) {
        result.append("\\")
      } else if character == ":" && characters[(offset + 1)...].starts(with: ["/", "/"]) {
        // `https://…` would become a link under GFM's autolink extension.
        result.append("\\")
      } else if character == ".", offset >= 3,
        String(characters[(offset - 3)..<offset]).lowercased() == "www"
      {
        // So would `www.…`.
        result.append("\\")
      }
      result.append(character)
      if !(atStart && character.isNumber) { atStart = false }
    }
    return escapeLeadingOrderedListMarker(result)
  }

  /// `text` as `TextSanitizer` leaves it for a report: escape sequences,
  /// controls (tab and line breaks kept) and bidirectional controls removed.
  public static func removingControlCharacters(_ text: String) -> String {
    TextSanitizer.clean(text, keeping: .layout)
  }

  /// Every run of white space (line breaks and tabs included) as one space,
  /// none at either end. Non-breaking spaces are kept: they are typography.
  static func collapseWhitespace(_ text: String) -> String {
    var result = ""
    var pendingSpace = false
    for character in text {
      if character == " " || character == "\n" || character == "\t" || character == "\r\n" {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    return result
  }

  /// `12. x` and `12) x` at the very start would be an ordered list item.
  private static func escapeLeadingOrderedListMarker(_ text: String) -> String {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return text }
    let rest = text.dropFirst(digits.count)
    guard let marker = rest.first, marker == "." || marker == ")" else { return text }
    return digits + "\\" + rest
  }
}
