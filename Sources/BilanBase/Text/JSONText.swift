/// JSON text written by hand, for writers that lay out JSON themselves (the
/// export, `stats --format json`, `lint --format json`): the one JSON string
/// escaper of bilan.
package enum JSONText {
  /// `text` as a JSON string literal (RFC 8259): `"` and `\` escaped, `\n`,
  /// `\r`, `\t`, `\b`, `\f` in their short forms, every other C0 control, DEL
  /// and the C1 controls as `\u00XX` (lowercase hex), so that no terminal
  /// showing the JSON obeys a control; `/` and other characters as they are.
  package static func quoted(_ text: String) -> String {
    guard needsEscaping(text) else { return "\"" + text + "\"" }
    var result = "\""
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{8}": result += "\\b"
      case "\u{C}": result += "\\f"
      case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  /// Whether `quoted` escapes anything in `text`, read on its UTF-8 bytes.
  private static func needsEscaping(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
      // C1 controls: C2 80 to C2 9F.
      if previous == 0xC2, (0x80...0x9F).contains(byte) { return true }
      previous = byte
    }
    return false
  }
}
