import TestSupport
import Testing

@testable import BilanBase

@Suite struct TextSanitizerTests {
  /// One line on a terminal: nothing kept.
  @Test(arguments: [
    ("clear\u{1B}[2Jscreen", "clearscreen"),
    ("title\u{1B}]0;pwned\u{07}!", "title!"),
    ("clip\u{1B}]52;c;ZXZpbA==\u{1B}\\board", "clipboard"),
    ("bell\u{07}\u{08}del\u{7F}", "belldel"),
    ("c1\u{9B}31mred", "c1red"),
    ("osc8\u{9D}8;;http://x\u{9C}link", "osc8link"),
    ("dcs\u{90}q#0\u{9C}end", "dcsend"),
    ("apc\u{1B}_hidden\u{1B}\\shown", "apcshown"),
    ("charset\u{1B}(Bok", "charsetok"),
    ("reset\u{1B}cok", "resetok"),
    ("tab\there", "tab here"),
    ("line\nbreak", "line break"),
    ("crlf\r\nbreak", "crlf break"),
    ("rtl\u{202E}txet", "rtltxet"),
    ("isolate\u{2067}x\u{2069}", "isolatex"),
    ("marks\u{200F}\u{200E}\u{061C}", "marks"),
    ("bom\u{FEFF}\u{FFFE}\u{FFFF}", "bom"),
    ("accents éà ✓ 日本", "accents éà ✓ 日本"),
    ("lone\u{1B}", "lone"),
    ("unterminated\u{1B}]0;title", "unterminated"),
    ("csi then text\u{1B}[1é", "csi then texté"),
  ])
  func removesEscapesAndControls(input: String, expected: String) {
    #expect(TextSanitizer.clean(input) == expected)
  }

  @Test func keepsLineBreaksWhenAsked() {
    #expect(TextSanitizer.clean("a\r\nb\u{1B}[1mc", keeping: .newlines) == "a\nbc")
    #expect(TextSanitizer.clean("a\rb\tc", keeping: .newlines) == "a\nb c")
  }

  /// What a report keeps of a free-text answer: lines and tabs.
  @Test func keepsTheLayoutOfAnAnswer() {
    #expect(TextSanitizer.clean("a\u{1B}[2J\u{1B}[31mb\u{1B}[0m", keeping: .layout) == "ab")
    #expect(TextSanitizer.clean("titre\u{1B}]0;pirate\u{07} fin", keeping: .layout) == "titre fin")
    #expect(
      TextSanitizer.clean("ligne 1\r\nligne 2\ttab\u{0}\u{8}", keeping: .layout) == "ligne 1\nligne 2\ttab")
    #expect(TextSanitizer.clean("abc\u{202E}def", keeping: .layout) == "abcdef")
    #expect(TextSanitizer.clean("Élodie 👩‍🌾 ok", keeping: .layout) == "Élodie 👩‍🌾 ok")
    #expect(TextSanitizer.clean("a\r\nb\rc\r\r\nd", keeping: .layout) == "a\nb\nc\n\nd")
    // An ESC before a line break hides only itself.
    #expect(TextSanitizer.clean("x\u{1B}\r\ny", keeping: .layout) == "x\ny")
  }

  /// The byte scan that lets most texts through untouched agrees with a
  /// check on scalars, for every choice of what is kept.
  @Test func theFastPathSeesWhatCleaningChanges() {
    var random = SplitMix64(seed: 3)
    let pieces = [
      "a", "é", " ", "\n", "\t", "\r", "\r\n", "\u{1B}", "[", "]", "\u{7}", "\u{7F}", "\u{85}", "\u{9B}",
      "\u{9C}",
      "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}", "\u{2028}", "日",
      "👩‍🌾", "\u{C2}", "\u{2000}", "\u{201C}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFBB}",
    ]
    for _ in 0..<4_000 {
      let text = (0..<Int(random.next() % 12)).map { _ in random.pick(pieces) }.joined()
      for kept: TextSanitizer.Kept in [[], .newlines, .tabs, .layout] {
        let byScalars = text.unicodeScalars.contains { scalar in
          let value = scalar.value
          if value == 0x0A { return !kept.contains(.newlines) }
          if value == 0x09 { return !kept.contains(.tabs) }
          return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
            || [0x200E, 0x200F, 0x061C, 0xFEFF, 0xFFFE, 0xFFFF].contains(value)
        }
        #expect(TextSanitizer.needsCleaning(text, keeping: kept) == byScalars, "\(text.debugDescription)")
        let cleaned = TextSanitizer.clean(text, keeping: kept)
        if !byScalars { #expect(cleaned == text) }
        #expect(!TextSanitizer.needsCleaning(cleaned, keeping: kept), "\(text.debugDescription)")
      }
    }
  }

  @Test func anEditorSeesWhichCharactersAreHidden() {
    let typed = Array("a\u{1B}[31mb\u{1B}]0;t\u{7}c\u{7}\nd")
    let shown = TextSanitizer.shownCharacters(typed)
    #expect(shown.count == typed.count)
    #expect(shown.joined() == "abc\nd")
    #expect(shown[0] == "a" && shown[1] == "" && shown[6] == "b")
  }
}
