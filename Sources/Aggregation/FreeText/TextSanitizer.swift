import Foundation

/// Makes participant text safe to show: terminal escape sequences and control
/// characters removed (newline and tab kept), bidirectional overrides removed.
public enum TextSanitizer {
  /// `text` without escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`,
  /// two-character `ESC x`), without C0/C1 control characters other than `\n`
  /// and `\t` (a CR LF becomes `\n`, a lone CR too), and without the Unicode
  /// bidirectional embedding/override/isolate characters that can make text
  /// display in another order than it is stored.
  public static func clean(_ text: String) -> String {
    // Fast path: nothing to remove.
    guard needsCleaning(text) else { return text }
    // CR LF → LF first (an escape sequence then sees the LF, as it always has).
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if scalar == "\n", scalars.last == "\r" {
        scalars[scalars.count - 1] = "\n"
      } else {
        scalars.append(scalar)
      }
    }
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\u{1B}" || scalar == "\u{9B}" || scalar == "\u{9D}" {
        index = endOfEscape(scalars, from: index)
        continue
      }
      if scalar == "\r" {
        result.append("\n")
      } else if isRemoved(scalar) {
        // dropped
      } else {
        result.append(scalar)
      }
      index += 1
    }
    scalars.removeAll()
    return String(result)
  }

  /// Whether `clean` would change `text`: a CR, an escape, or a removed character.
  static func needsCleaning(_ text: String) -> Bool {
    let scanned = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      // UTF-8 of what `isRemoved` drops: C0 but tab and newline, DEL, C1
      // (C2 80–C2 9F), U+202A–U+202E (E2 80 AA–AE), U+2066–U+2069 (E2 81 A6–A9).
      var index = 0
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        if byte < 0x20 {
          if byte != 0x09 && byte != 0x0A { return true }
        } else if byte == 0x7F {
          return true
        } else if byte == 0xC2 {
          if index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
        } else if byte == 0xE2, index + 2 < count {
          let second = bytes[index + 1]
          let third = bytes[index + 2]
          if second == 0x80 && (0xAA...0xAE).contains(third) { return true }
          if second == 0x81 && (0xA6...0xA9).contains(third) { return true }
        }
        index += 1
      }
      return false
    }
    if let scanned { return scanned }
    return text.unicodeScalars.contains { $0 == "\r" || $0 == "\u{1B}" || isRemoved($0) }
  }

  private static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "\n" || scalar == "\t" { return false }
    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
    return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }

  /// The index just past the escape sequence starting at `start`.
  private static func endOfEscape(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    let first = scalars[index]
    var kind: Unicode.Scalar
    if first == "\u{1B}" {
      index += 1
      guard index < scalars.count else { return index }
      kind = scalars[index]
      index += 1
    } else {
      kind = first == "\u{9B}" ? "[" : "]"
      index += 1
    }
    switch kind {
    case "[":
      // CSI: parameter and intermediate bytes 0x20–0x3F, then one final byte 0x40–0x7E.
      while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
      if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { index += 1 }
      return index
    case "]", "P", "X", "^", "_":
      // OSC, DCS, SOS, PM, APC: up to BEL or ST (ESC \).
      while index < scalars.count {
        if scalars[index] == "\u{07}" || scalars[index] == "\u{9C}" { return index + 1 }
        if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" {
          return index + 2
        }
        index += 1
      }
      return index
    default:
      // A two-character escape (ESC c, ESC 7…): drop both if printable.
      return index
    }
  }
}
