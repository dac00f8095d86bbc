import Testing

@testable import MarkdownReport

@Suite struct MarkdownTextTests {
  static let injection = "| <script> [x](y) # =1+1"

  /// The byte check that skips the rules never skips text they would change.
  @Test func theFastPathOnlySkipsTextTheRulesLeaveAlone() {
    let pieces = [
      "a", "Z", "é", "É", "e\u{301}", " ", "  ", "\u{A0}", "\u{202F}", "\t", "\n", "\r\n", "\u{0}", "\u{7F}",
      "\u{85}", "\u{9F}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{061C}",
      "\u{FEFF}", "\u{1FEF}", "\u{037E}", "\u{212A}", "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&",
      "!", "@", "#", "+", "-", "=", "1", "12", "½", "٣", ".", ")", "(", ":", "/", "://", "www", "WwW", "w.",
      "\"", "'", "’", "?", ";", "%", "$", ",", "👩‍🌾", "日本", "\u{0600}",
    ]
    var state: UInt64 = 7
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    var inert = 0
    for _ in 0..<20_000 {
      let text = (0..<(next() % 8)).map { _ in pieces[next() % pieces.count] }.joined()
      if MarkdownText.isAlreadyInert(text) {
        inert += 1
        #expect(MarkdownText.escapeEverything(text) == text, "\(text.debugDescription)")
      }
      #expect(MarkdownText.escape(text) == MarkdownText.escapeEverything(text))
    }
    #expect(inert > 1_000)
    #expect(
      MarkdownText.isAlreadyInert("Les témoignages des territoires étaient concrets : c’est ce qui manque."))
    #expect(MarkdownText.escape("a\u{1FEF}b") == "a\\\u{1FEF}b")
  }

  @Test func theInjectionVerbatimIsInert() throws {
    let escaped = MarkdownText.escape(Self.injection)
    // As a paragraph, in a list item, a table cell and a quotation.
    let document = """
      \(escaped)

      - \(escaped)

      | a | b |
      | --- | --- |
      | \(escaped) | x |

      > « \(escaped) »
      """
    let tokens = try parseMarkdown(document)
    let forbidden = ["html_inline", "html_block", "link_open", "image", "code_inline", "heading_open"]
    #expect(tokens.filter { forbidden.contains($0.type) }.isEmpty)
    // The table keeps its two columns.
    let rows = tokens.split { $0.type == "tr_close" }.filter { $0.contains { $0.type == "tr_open" } }
    #expect(rows.count == 2)
    for row in rows { #expect(row.filter { $0.type == "td_open" || $0.type == "th_open" }.count == 2) }
    // The text reads exactly as written.
    let html = try renderHTML(escaped)
    #expect(html == "<p>| &lt;script&gt; [x](y) # =1+1</p>\n")
  }

  @Test(arguments: [
    ("# Titre", "<p># Titre</p>\n"),
    ("> cité", "<p>&gt; cité</p>\n"),
    ("- item", "<p>- item</p>\n"),
    ("+ item", "<p>+ item</p>\n"),
    ("12. douze", "<p>12. douze</p>\n"),
    ("3) trois", "<p>3) trois</p>\n"),
    ("*gras* _it_ `code` ~~barré~~", "<p>*gras* _it_ `code` ~~barré~~</p>\n"),
    ("<b>x</b> &amp; &#65;", "<p>&lt;b&gt;x&lt;/b&gt; &amp;amp; &amp;#65;</p>\n"),
    (
      "<https://a.fr> https://b.fr www.c.fr d@e.fr",
      "<p>&lt;https://a.fr&gt; https://b.fr www.c.fr d@e.fr</p>\n"
    ),
    ("![img](http://x/y.png)", "<p>![img](http://x/y.png)</p>\n"),
    ("a\\", "<p>a\\</p>\n"),
    ("===", "<p>===</p>\n"),
  ])
  func markupCharactersStayText(input: String, html: String) throws {
    #expect(try renderHTML(MarkdownText.escape(input)) == html)
  }

  @Test func controlCharactersAndLineBreaksAreRemoved() {
    // The escape sequence goes whole, not only its ESC.
    #expect(MarkdownText.escape("a\u{1B}[31mb\u{7}c") == "abc")
    #expect(MarkdownText.escape("ligne 1\r\nligne 2\n\n# ligne 3") == "ligne 1 ligne 2 # ligne 3")
    #expect(MarkdownText.escape("a\u{202E}b\u{0085}c\tz") == "abc z")
    #expect(MarkdownText.escape("  espaces  ") == "espaces")
  }

  @Test func frenchTextIsLeftReadable() {
    #expect(MarkdownText.escape("Très bonne journée, merci !") == "Très bonne journée, merci \\!")
    #expect(MarkdownText.escape("Échanges : riches (vraiment).") == "Échanges : riches (vraiment).")
  }
}
