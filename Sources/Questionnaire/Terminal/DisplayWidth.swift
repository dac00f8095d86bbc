/// How many terminal cells text occupies, the way xterm-like terminals draw it.
///
/// A `Character` (grapheme cluster) is measured by its first scalar:
/// controls take 0 cells, combining marks and zero-width scalars 0 (they sit
/// on the previous cell), East Asian wide and fullwidth characters and emoji
/// shown in emoji presentation 2, everything else 1. A cluster with a
/// variation selector 16 (U+FE0F) is drawn as an emoji: 2 cells.
public enum DisplayWidth {
  /// East Asian Width W and F ranges (Unicode 15 `EastAsianWidth.txt`, merged
  /// into contiguous blocks; emoji are handled by their presentation property).
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
    0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
    0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
    0x3400...0x4DBF,  // CJK extension A
    0x4E00...0x9FFF,  // CJK unified ideographs
    0xA000...0xA4CF,  // Yi
    0xA960...0xA97F,  // Hangul Jamo extended A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19, 0xFE30...0xFE6F,  // vertical forms, CJK compatibility forms
    0xFF00...0xFF60, 0xFFE0...0xFFE6,  // fullwidth forms
    0x16FE0...0x16FE4, 0x17000...0x18CFF,  // Tangut
    0x1B000...0x1B2FF,  // Kana supplement, Nushu
    0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
    0x1F200...0x1F251,  // enclosed ideographic supplement
    0x1F300...0x1F64F,  // pictographs, emoticons (wide in EAW)
    0x1F680...0x1F6FF,  // transport and map symbols
    0x1F900...0x1F9FF,  // supplemental symbols and pictographs
    0x1FA70...0x1FAFF,  // symbols and pictographs extended A
    0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B…
  ]

  /// Width in cells of one Unicode scalar, out of any cluster.
  public static func width(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(value) || (0xFE00...0xFE0F).contains(value) || value == 0x200B {
      return 0
    }
    if isWide(value) { return 2 }
    if scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  static func isWide(_ value: UInt32) -> Bool {
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// Width in cells of one grapheme cluster.
  public static func width(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    // A flag is a pair of regional indicators.
    if scalars.count > 1, (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
    return width(of: first)
  }

  /// Width in cells of a string without control characters.
  public static func width<S: StringProtocol>(of text: S) -> Int {
    text.reduce(0) { $0 + width(of: $1) }
  }
}
