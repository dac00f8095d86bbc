/// Text from a survey or a participant made safe to show: on a terminal, in a
/// report, in a workbook. The one sanitiser of bilan.
///
/// Such text is data: an answer holding `ESC]52;…` (set the clipboard) or
/// `ESC[2J` (clear the screen) must be shown, not obeyed. What is removed:
/// - escape sequences, whole: CSI (`ESC [` or 0x9B, parameters, one final
///   byte), OSC, DCS, SOS, PM and APC strings (`ESC ]`, `ESC P`, `ESC X`,
///   `ESC ^`, `ESC _` or their C1 forms, up to BEL or ST), character-set
///   designations (`ESC ( B`…) and two-character escapes (`ESC c`, `ESC 7`…);
/// - every other C0 and C1 control and DEL;
/// - the bidirectional controls that make text display in another order than
///   it is stored (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C);
/// - the byte-order mark U+FEFF and the noncharacters U+FFFE and U+FFFF
///   (XML, hence a workbook, cannot carry them).
///
/// Line breaks (`\n`, `\r\n`, a lone `\r`) and tabs become a space unless
/// kept (``Kept``); a kept line break is always `\n`.
package enum TextSanitizer {
  /// The layout characters a caller keeps.
  package struct Kept: OptionSet, Sendable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Line breaks, as `\n`.
    package static let newlines = Kept(rawValue: 1)
    /// Tabs.
    package static let tabs = Kept(rawValue: 2)
    /// What a report keeps of a free-text answer: its lines and its tabs.
    package static let layout: Kept = [.newlines, .tabs]
  }

  /// `text` without escape sequences and controls (see the type's summary).
  package static func clean(_ text: String, keeping kept: Kept = []) -> String {
    // Fast path: nothing to remove (most texts).
    guard needsCleaning(text, keeping: kept) else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if let end = endOfSequence(scalars, at: index) {
        index = end
        continue
      }
      let scalar = scalars[index]
      index += 1
      switch scalar.value {
      case 0x0A:
        result.append(kept.contains(.newlines) ? "\n" : " ")
      case 0x0D:
        // "\r\n" is one line break (its "\n" comes next); a lone "\r" is one too.
        if index < scalars.count, scalars[index] == "\n" { continue }
        result.append(kept.contains(.newlines) ? "\n" : " ")
      case 0x09:
        result.append(kept.contains(.tabs) ? "\t" : " ")
      default:
        if !isRemoved(scalar) { result.append(scalar) }
      }
    }
    return String(result)
  }

  /// What each character of `characters` shows as once cleaned: `""` for a
  /// character that is hidden (part of an escape sequence, or a control),
  /// `"\n"` for a line feed. Lets an editor keep its cursor on the text as
  /// typed while drawing only what is safe.
  package static func shownCharacters(_ characters: [Character]) -> [String] {
    // Escape sequences are recognised on each character's first scalar: a
    // control is always a character of its own.
    let firsts = characters.map { $0.unicodeScalars.first ?? " " }
    var shown = [String](repeating: "", count: characters.count)
    var index = 0
    while index < characters.count {
      if let end = endOfSequence(firsts, at: index) {
        index = end
        continue
      }
      let character = characters[index]
      shown[index] = character == "\n" ? "\n" : clean(String(character))
      index += 1
    }
    return shown
  }

  /// Whether `clean(text, keeping: kept)` would change `text`; read on the
  /// UTF-8 bytes, without decoding.
  package static func needsCleaning(_ text: String, keeping kept: Kept = []) -> Bool {
    let keepsNewlines = kept.contains(.newlines)
    let keepsTabs = kept.contains(.tabs)
    let scanned = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      // The UTF-8 of what `clean` changes: C0 (but the kept \n and \t), DEL,
      // C1 (C2 80–C2 9F), U+061C (D8 9C), U+200E–U+200F (E2 80 8E–8F),
      // U+202A–U+202E (E2 80 AA–AE), U+2066–U+2069 (E2 81 A6–A9), U+FEFF
      // (EF BB BF), U+FFFE–U+FFFF (EF BF BE–BF).
      var index = 0
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        if byte < 0x20 {
          if !((byte == 0x0A && keepsNewlines) || (byte == 0x09 && keepsTabs)) { return true }
        } else if byte == 0x7F {
          return true
        } else if byte == 0xC2 {
          if index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
        } else if byte == 0xD8 {
          if index + 1 < count, bytes[index + 1] == 0x9C { return true }
        } else if byte == 0xE2, index + 2 < count {
          let second = bytes[index + 1]
          let third = bytes[index + 2]
          if second == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)) {
            return true
          }
          if second == 0x81 && (0xA6...0xA9).contains(third) { return true }
        } else if byte == 0xEF, index + 2 < count {
          let second = bytes[index + 1]
          let third = bytes[index + 2]
          if (second == 0xBB && third == 0xBF) || (second == 0xBF && (third == 0xBE || third == 0xBF)) {
            return true
          }
        }
        index += 1
      }
      return false
    }
    if let scanned { return scanned }
    return text.unicodeScalars.contains { scalar in
      switch scalar {
      case "\n": !keepsNewlines
      case "\t": !keepsTabs
      default: isRemoved(scalar)
      }
    }
  }

  /// A control, DEL, a bidirectional control, the byte-order mark or a
  /// noncharacter: never shown.
  private static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0xFEFF, 0xFFFE,
      0xFFFF:
      true
    default: false
    }
  }

  /// The index just past the escape sequence that starts at `start`, or nil
  /// when none starts there.
  private static func endOfSequence(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
    switch scalars[start].value {
    case 0x1B:
      let index = start + 1
      guard index < scalars.count else { return index }
      let introducer = scalars[index]
      switch introducer {
      case "[":
        return endOfControlSequence(scalars, from: index + 1)
      case "]", "P", "X", "^", "_":
        return endOfControlString(scalars, from: index + 1)
      case "(", ")", "*", "+", "-", ".", "/", "#", "%", " ":
        // A designation: ESC, the intermediate, one final character.
        return min(scalars.count, index + 2)
      default:
        // ESC then a printable character: a two-character escape. ESC then a
        // control: the ESC alone (the control is then removed or kept on its own).
        return isRemoved(introducer) ? index : index + 1
      }
    case 0x9B:
      return endOfControlSequence(scalars, from: start + 1)
    case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
      return endOfControlString(scalars, from: start + 1)
    default:
      return nil
    }
  }

  /// After a CSI: parameter and intermediate bytes (0x20–0x3F), then one
  /// final byte (0x40–0x7E). Anything else ends the sequence and is kept.
  private static func endOfControlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
    if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { index += 1 }
    return index
  }

  /// After OSC, DCS, SOS, PM or APC: everything up to BEL or ST (`ESC \` or
  /// 0x9C). Another ESC ends the string and starts a sequence of its own.
  private static func endOfControlString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count {
      switch scalars[index].value {
      case 0x07, 0x9C:
        return index + 1
      case 0x1B:
        return index + 1 < scalars.count && scalars[index + 1] == "\\" ? index + 2 : index
      default:
        index += 1
      }
    }
    return index
  }
}
