/// Text made safe to show on a terminal.
///
/// Survey texts and participant answers are data: an answer holding
/// `ESC]52;…` or `ESC[2J` must be shown, not obeyed. Escape sequences (CSI,
/// OSC, DCS and the two-byte ones) are removed whole; C0 and C1 controls and
/// DEL are removed, bidirectional overrides too (they reorder what follows);
/// a tab becomes a space. Newlines are kept only when `keepingNewlines`.
public enum TerminalSafeText {
  public static func clean(_ text: String, keepingNewlines: Bool = false) -> String {
    // Fast path: nothing to remove.
    if !text.unicodeScalars.contains(where: needsCleaning) { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      switch scalar.value {
      case 0x1B:
        guard index < scalars.count else { break }
        let introducer = scalars[index]
        switch introducer {
        case "[":
          index = endOfCSI(scalars, from: index + 1)
        case "]", "P", "X", "^", "_":
          index = endOfString(scalars, from: index + 1)
        case "(", ")", "*", "+", "#", "%", " ":
          index = min(scalars.count, index + 2)
        default:
          // ESC then a printable byte: a two-byte sequence. ESC then a control: drop the ESC only.
          if introducer.value >= 0x20 { index += 1 }
        }
      case 0x9B:
        index = endOfCSI(scalars, from: index)
      case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
        index = endOfString(scalars, from: index)
      case 0x0A:
        result.append(keepingNewlines ? scalar : " ")
      case 0x0D:
        // "\r\n" is one line break.
        let followedByNewline = index < scalars.count && scalars[index].value == 0x0A
        if !keepingNewlines && !followedByNewline { result.append(" ") }
      case 0x09:
        result.append(" ")
      case 0x00...0x1F, 0x7F...0x9F:
        continue
      case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
        continue
      default:
        result.append(scalar)
      }
    }
    return String(result)
  }

  private static func needsCleaning(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
    default: false
    }
  }

  /// After a CSI: parameter and intermediate bytes up to a final byte 0x40–0x7E.
  private static func endOfCSI(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count {
      let value = scalars[index].value
      index += 1
      if (0x40...0x7E).contains(value) || !(0x20...0x3F).contains(value) { return index }
    }
    return index
  }

  /// After OSC, DCS…: up to BEL or ST (ESC \ or 0x9C).
  private static func endOfString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count {
      let value = scalars[index].value
      index += 1
      if value == 0x07 || value == 0x9C { return index }
      if value == 0x1B {
        if index < scalars.count, scalars[index] == "\\" { index += 1 }
        return index
      }
    }
    return index
  }

  /// What each character of `characters` shows as, once escape sequences and
  /// controls are taken out: `""` for a character that is hidden (part of an
  /// escape sequence, or a control). Lets an editor keep its cursor on the
  /// text as typed while drawing only what is safe.
  public static func shownCharacters(_ characters: [Character]) -> [String] {
    var shown = [String](repeating: "", count: characters.count)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      guard character.unicodeScalars.first?.value == 0x1B else {
        shown[index] = character == "\n" ? "\n" : clean(String(character))
        index += 1
        continue
      }
      // An escape sequence: hide it whole.
      index += 1
      guard index < characters.count else { break }
      let introducer = characters[index]
      index += 1
      if introducer == "[" {
        while index < characters.count {
          let value = characters[index].unicodeScalars.first?.value ?? 0
          index += 1
          if (0x40...0x7E).contains(value) || !(0x20...0x3F).contains(value) { break }
        }
      } else if ["]", "P", "X", "^", "_"].contains(introducer) {
        while index < characters.count {
          let value = characters[index].unicodeScalars.first?.value ?? 0
          index += 1
          if value == 0x07 || value == 0x9C { break }
          if value == 0x1B {
            if index < characters.count, characters[index] == "\\" { index += 1 }
            break
          }
        }
      }
    }
    return shown
  }
}
