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
    var result = replace(email, in: text, with: marker) { _ in true }
    result = replace(international, in: result, with: marker) { match in
      let digits = match.unicodeScalars.filter { ("0"..."9").contains($0) }.count
      return digits >= 8 && digits <= 17
    }
    result = replace(frenchNational, in: result, with: marker) { _ in true }
    return result
  }

  /// Whether `text` holds an email address or a phone number.
  public static func containsPersonalData(_ text: String) -> Bool {
    mask(text, language: "en") != text
  }

  private static func replace(
    _ expression: NSRegularExpression, in text: String, with marker: String, when accept: (String) -> Bool
  ) -> String {
    let range = NSRange(text.startIndex..., in: text)
    var result = ""
    var cursor = text.startIndex
    for match in expression.matches(in: text, range: range) {
      guard let matchRange = Range(match.range, in: text) else { continue }
      let found = String(text[matchRange])
      guard accept(found) else { continue }
      result += text[cursor..<matchRange.lowerBound]
      result += marker
      cursor = matchRange.upperBound
    }
    result += text[cursor...]
    return result
  }
}
