import Foundation
import Testing

@testable import BilanBase

@Suite struct DisplayWidthTests {
  @Test(arguments: [
    ("abc", 3),
    ("é", 1),  // precomposed
    ("e\u{301}", 1),  // e + combining acute: one cell
    ("Pélussin", 8),
    ("日本語", 6),  // East Asian wide
    ("한국", 4),
    ("👍", 2),  // emoji presentation
    ("👍🏽", 2),  // with skin tone modifier: one cluster
    ("❤️", 2),  // text-default heart with VS16
    ("🇫🇷", 2),  // flag: two regional indicators
    ("🚀", 2),  // transport and map symbols
    ("🥐", 2),  // supplemental symbols and pictographs
    ("a\u{200B}b", 2),  // zero-width space
    ("\u{7}\u{1B}", 0),  // controls
    ("ｆｕｌｌ", 8),  // fullwidth Latin
  ])
  func width(text: String, expected: Int) {
    #expect(DisplayWidth.width(of: text) == expected)
  }

  /// Every assigned scalar of Unicode 14 against the East Asian Width
  /// property as Python's `unicodedata` reads it (the fixture says how it was
  /// made): W and F take two cells, others one, marks, format characters and
  /// controls none.
  @Test func everyScalarMatchesTheEastAsianWidthOfUnicode14() throws {
    var wide = [Bool](repeating: false, count: 0x110000)
    for range in try Self.wideRanges() { for value in range { wide[Int(value)] = true } }
    var mismatches: [String] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let properties = scalar.properties
      guard properties.generalCategory != .unassigned, let age = properties.age,
        (age.major, age.minor) <= (14, 0)
      else { continue }
      let expected: Int
      // U+00AD, the soft hyphen (a format character), is drawn as a hyphen: one cell.
      switch value == 0xAD ? .otherPunctuation : properties.generalCategory {
      case .nonspacingMark, .enclosingMark, .format, .control: expected = 0
      default:
        if (0x1160...0x11FF).contains(value) || (0xFE00...0xFE0F).contains(value) {
          // Hangul medial vowels and final consonants, variation selectors: they join the previous cell.
          expected = 0
        } else if (0x1F1E6...0x1F1FF).contains(value) {
          expected = 2  // a regional indicator, half of a flag, is drawn in emoji presentation
        } else {
          expected = wide[Int(value)] ? 2 : 1
        }
      }
      let measured = DisplayWidth.width(of: scalar)
      if measured != expected {
        mismatches.append(String(format: "U+%04X %d (expected %d)", value, measured, expected))
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(40).joined(separator: ", "))")
  }

  @Test func theWidestLineOfAMultiLineText() {
    #expect(DisplayWidth.widestLine("abc") == 3)
    #expect(DisplayWidth.widestLine("日本") == 4)
    #expect(DisplayWidth.widestLine("ab\nabcdé") == 5)
    #expect(DisplayWidth.widestLine("ab\n日本語") == 6)
    #expect(DisplayWidth.widestLine("") == 0)
  }

  @Test func padsToCells() {
    #expect(DisplayWidth.pad("é", to: 3) == "é  ")
    #expect(DisplayWidth.pad("日", to: 3, right: true) == " 日")
    #expect(DisplayWidth.pad("long", to: 2) == "long")
  }

  static func wideRanges() throws -> [ClosedRange<UInt32>] {
    let url = try #require(
      Bundle.module.url(forResource: "east-asian-wide", withExtension: "txt", subdirectory: "Fixtures"))
    return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
      if line.hasPrefix("#") { return nil }
      let bounds = line.split(separator: ".", omittingEmptySubsequences: true).compactMap {
        UInt32($0, radix: 16)
      }
      return bounds.count == 2 ? bounds[0]...bounds[1] : bounds.first.map { $0...$0 }
    }
  }
}
