/// How many cells text occupies, the way xterm-like terminals draw it: the one
/// width table of bilan (the questionnaire's layout, the `stats` table, the
/// workbook's column widths).
///
/// A `Character` (grapheme cluster) is measured by its first scalar:
/// controls take 0 cells, combining marks and zero-width scalars 0 (they sit
/// on the previous cell), East Asian wide and fullwidth characters and emoji
/// shown in emoji presentation 2, everything else 1. A cluster with a
/// variation selector 16 (U+FE0F) is drawn as an emoji: 2 cells.
package enum DisplayWidth {
  /// The assigned scalars whose East Asian Width is W or F, merged into
  /// ranges (Unicode 14, as Python 3.11's `unicodedata` reads
  /// `EastAsianWidth.txt`; `Tests/BilanBaseTests/Fixtures/east-asian-wide.txt`
  /// holds the same ranges and says how they were made). Emoji that a later
  /// Unicode adds are wide by their emoji presentation.
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
    0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
    0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
    0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
    0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x2E99,
    0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFB, 0x3000...0x303E, 0x3041...0x3096, 0x3099...0x30FF,
    0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E3, 0x31F0...0x321E, 0x3220...0x3247, 0x3250...0x4DBF,
    0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFA6D, 0xFA70...0xFAD9,
    0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6,
    0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08,
    0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122, 0x1B150...0x1B152,
    0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E,
    0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
    0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
    0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E,
    0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
    0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
    0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DD...0x1F6DF, 0x1F6EB...0x1F6EC,
    0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
    0x1F947...0x1F9FF, 0x1FA70...0x1FA74, 0x1FA78...0x1FA7C, 0x1FA80...0x1FA86, 0x1FA90...0x1FAAC,
    0x1FAB0...0x1FABA, 0x1FAC0...0x1FAC5, 0x1FAD0...0x1FAD9, 0x1FAE0...0x1FAE7, 0x1FAF0...0x1FAF6,
    0x20000...0x2A6DF, 0x2A700...0x2B738, 0x2B740...0x2B81D, 0x2B820...0x2CEA1, 0x2CEB0...0x2EBE0,
    0x2F800...0x2FA1D, 0x30000...0x3134A,
  ]

  /// Width in cells of one Unicode scalar, out of any cluster.
  package static func width(of scalar: Unicode.Scalar) -> Int {
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
  package static func width(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    // A flag is a pair of regional indicators.
    if scalars.count > 1, (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
    return width(of: first)
  }

  /// Width in cells of a string without control characters.
  package static func width<S: StringProtocol>(of text: S) -> Int {
    text.reduce(0) { $0 + width(of: $1) }
  }

  /// Width in cells of the widest line of `text` (lines split at `\n`): how
  /// wide a multi-line text looks, e.g. in a workbook cell.
  package static func widestLine(_ text: String) -> Int {
    if let width = printableASCIIWidth(text) { return width }
    var widest = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      widest = max(widest, width(of: line))
    }
    return widest
  }

  /// `text` padded with spaces to `width` cells, left-aligned or right-aligned.
  package static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - self.width(of: text)))
    return right ? padding + text : text + padding
  }

  /// The width of the widest line of a text made only of printable ASCII and
  /// line feeds (one cell per byte), without decoding graphemes; nil for any
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
}
