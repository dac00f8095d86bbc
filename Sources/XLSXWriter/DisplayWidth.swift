/// How wide a text looks in a cell, in characters of the default font: wide
/// East Asian characters and emoji count twice, the widest line counts.
package enum DisplayWidth {
  package static func of(_ text: String) -> Int {
    if let width = printableASCIIWidth(text) { return width }
    var widest = 0
    var current = 0
    for character in text {
      if character == "\n" {
        widest = max(widest, current)
        current = 0
        continue
      }
      current += isWide(character) ? 2 : 1
    }
    return max(widest, current)
  }

  /// The width of a text made only of printable ASCII and line feeds (one
  /// character per byte, none wide), without decoding graphemes; nil for any
  /// other text (a carriage return included, since "\r\n" is one character).
  private static func printableASCIIWidth(_ text: String) -> Int? {
    let width: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      var widest = 0
      var current = 0
      for byte in bytes {
        if byte == 0x0A {
          widest = max(widest, current)
          current = 0
        } else if byte >= 0x20 && byte < 0x7F {
          current += 1
        } else {
          return nil
        }
      }
      return max(widest, current)
    }
    return width ?? nil
  }

  private static func isWide(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
