import Foundation

/// Replaces email addresses and phone numbers inside free text with a marker.
///
/// Phone numbers recognised: French national numbers (`06 12 34 56 78`,
/// `06.12.34.56.78`, `06-12-34-56-78`, `0612345678`), French numbers in
/// international form (`+33 6 12 34 56 78`, `+33 (0)6 12 34 56 78`,
/// `0033 6 12 34 56 78`), and any other international number written with
/// `+` or `00` and a country code (`+44 20 7946 0958`, `+1 (555) 123-4567`,
/// `0049 30 1234567`) with 8 to 15 digits. Years, amounts and short numbers
/// are left alone.
public enum PersonalDataMasking {
  /// The marker in `language` ("[masqué]" in French, "[masked]" otherwise).
  public static func marker(language: String) -> String {
    language.hasPrefix("fr") ? "[masqué]" : "[masked]"
  }

  private static let email = try! NSRegularExpression(
    pattern: #"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}"#)

  private static let frenchNational = try! NSRegularExpression(
    pattern: #"(?<![\p{N}+])0[1-9](?:[ .\-]?[0-9]{2}){4}(?![\p{N}])"#)

  private static let international = try! NSRegularExpression(
    pattern:
      #"(?<![\p{N}\p{L}])(?:\+|00)[ ]?[1-9][0-9]{0,2}(?:[ .\-]?\(0\))?(?:[ .\-]?(?:\([0-9]{1,5}\)|[0-9]{1,5})){1,6}(?![\p{N}])"#
  )

  /// `text` with every email address and phone number replaced by the marker of `language`.
  public static func mask(_ text: String, language: String) -> String {
    mask(text, marker: marker(language: language))
  }

  /// `text` with every email address and phone number replaced by `marker`.
  public static func mask(_ text: String, marker: String) -> String {
    masking(text, markers: [marker])[0]
  }

  /// `text` masked once per marker, with one search for personal data (the
  /// engine needs the report's version and one for word counting).
  public static func masking(_ text: String, markers: [String]) -> [String] {
    guard mayContainPersonalData(text) else { return markers.map { _ in text } }
    // Emails first, then international numbers, then French national ones,
    // each searched in what the previous ones left.
    var pieces: [Piece] = [.text(text)]
    pieces = split(pieces, email) { _ in true }
    pieces = split(pieces, international) { match in
      let count = match.unicodeScalars.filter { ("0"..."9").contains($0) }.count
      return count >= 8 && count <= 17
    }
    pieces = split(pieces, frenchNational) { _ in true }
    return markers.map { marker in
      pieces.map { piece in
        switch piece {
        case .text(let value): value
        case .masked: marker
        }
      }.joined()
    }
  }

  /// `false` when `text` cannot hold an address or a number: no `@` and
  /// fewer than 8 digits (then masking returns it unchanged).
  static func mayContainPersonalData(_ text: String) -> Bool {
    var digits = 0
    for byte in text.utf8 {
      if byte >= 0x30 && byte <= 0x39 {
        digits += 1
        if digits >= 8 { return true }
      } else if byte == 0x40 {
        return true
      }
    }
    return false
  }

  private enum Piece {
    case text(String)
    case masked
  }

  private static func split(
    _ pieces: [Piece], _ expression: NSRegularExpression, accept: (String) -> Bool
  ) -> [Piece] {
    var result: [Piece] = []
    for piece in pieces {
      guard case .text(let text) = piece else {
        result.append(piece)
        continue
      }
      var cursor = text.startIndex
      for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        guard let range = Range(match.range, in: text), accept(String(text[range])) else { continue }
        if cursor < range.lowerBound { result.append(.text(String(text[cursor..<range.lowerBound]))) }
        result.append(.masked)
        cursor = range.upperBound
      }
      if cursor < text.endIndex { result.append(.text(String(text[cursor...]))) }
    }
    return result
  }

  /// Whether `text` holds an email address or a phone number.
  public static func containsPersonalData(_ text: String) -> Bool {
    mask(text, language: "en") != text
  }
}
