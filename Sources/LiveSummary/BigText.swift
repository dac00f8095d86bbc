/// Figures in large type, five rows tall, drawn with block characters: the
/// number of responses and the headline figure, readable from the back of a
/// room on a projector.
enum BigText {
  static let height = 5

  /// Each glyph's five rows, three cells wide ('#' is a block).
  private static let glyphs: [Character: [String]] = [
    "0": ["###", "# #", "# #", "# #", "###"],
    "1": [" # ", "## ", " # ", " # ", "###"],
    "2": ["###", "  #", "###", "#  ", "###"],
    "3": ["###", "  #", " ##", "  #", "###"],
    "4": ["# #", "# #", "###", "  #", "  #"],
    "5": ["###", "#  ", "###", "  #", "###"],
    "6": ["###", "#  ", "###", "# #", "###"],
    "7": ["###", "  #", "  #", "  #", "  #"],
    "8": ["###", "# #", "###", "# #", "###"],
    "9": ["###", "# #", "###", "  #", "###"],
    "%": ["# #", "  #", " # ", "#  ", "# #"],
    "+": ["   ", " # ", "###", " # ", "   "],
    "-": ["   ", "   ", "###", "   ", "   "],
    ",": ["   ", "   ", "   ", " # ", "#  "],
    ".": ["   ", "   ", "   ", "   ", " # "],
  ]

  /// Whether every character of `text` has a large glyph (spaces included).
  static func canDraw(_ text: String) -> Bool {
    text.allSatisfy { $0 == " " || $0 == "\u{00A0}" || glyphs[$0] != nil }
  }

  /// The width of `text` in cells: each glyph two cells per column, one blank between.
  static func width(of text: String) -> Int { rows(text).first?.count ?? 0 }

  /// The five rows of `text` (characters without a glyph are left out).
  static func rows(_ text: String) -> [String] {
    var rows = Array(repeating: "", count: height)
    for character in text {
      if character == " " || character == "\u{00A0}" {
        for index in 0..<height { rows[index] += "  " }
        continue
      }
      guard let glyph = glyphs[character] else { continue }
      for index in 0..<height {
        if !rows[index].isEmpty { rows[index] += " " }
        for cell in glyph[index] { rows[index] += cell == "#" ? "██" : "  " }
      }
    }
    return rows
  }
}
