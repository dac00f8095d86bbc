import Foundation

/// Writing JSON text by hand where the key order is part of the contract
/// (the JSON Lines export), with the escaping RFC 8259 requires.
enum JSONText {
  /// `text` as a JSON string literal: `"`, `\` and control characters
  /// escaped, everything else (accents, emoji) kept as UTF-8.
  static func quoted(_ text: String) -> String {
    var result = "\""
    result.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{08}": result += "\\b"
      case "\u{0C}": result += "\\f"
      case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
        result += String(format: "\\u%04x", scalar.value)
      default: result.unicodeScalars.append(scalar)
      }
    }
    result += "\""
    return result
  }

  /// A number as JSON writes it: integers without a fraction, others in the
  /// shortest form that reads back to the same `Double`.
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
