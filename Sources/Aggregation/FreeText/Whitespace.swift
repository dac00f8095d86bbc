import Foundation

/// Trimming and blank checks over Unicode scalars, with the set of
/// `CharacterSet.whitespacesAndNewlines`, without Foundation's string
/// functions (slow on Linux) in per-response code.
enum Whitespace {
  private static let set = CharacterSet.whitespacesAndNewlines

  /// Whether `scalar` is in `CharacterSet.whitespacesAndNewlines`.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
    return set.contains(scalar)
  }

  /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`; `text` itself
  /// when there is nothing to trim.
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    let end = scalars.index(after: last)
    if first == scalars.startIndex && end == scalars.endIndex { return text }
    return String(scalars[first..<end])
  }

  /// Whether `text` holds nothing but white space (or nothing).
  static func isBlank(_ text: String) -> Bool {
    !text.unicodeScalars.contains { !isSpace($0) }
  }
}
