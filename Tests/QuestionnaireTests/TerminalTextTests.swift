import BilanBase
import Testing

@testable import Questionnaire

@Suite struct TextLayoutTests {
  @Test func wrapsAtSpacesByDisplayWidth() {
    let lines = TextLayout.wrap("Les outils explorés apportent une réelle valeur ajoutée", width: 20)
    #expect(lines == ["Les outils explorés", "apportent une réelle", "valeur ajoutée"])
    #expect(lines.allSatisfy { DisplayWidth.width(of: $0) <= 20 })
  }

  @Test func wideCharactersCountTwice() {
    let lines = TextLayout.wrap("日本語のテキスト", width: 6)
    #expect(lines == ["日本語", "のテキ", "スト"])
  }

  @Test func longWordsAreBrokenAndNewlinesKept() {
    #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextLayout.wrap("un\ndeux", width: 10) == ["un", "deux"])
  }

  @Test func truncatesWithEllipsisOnWholeCharacters() {
    #expect(TextLayout.truncate("Convention d'articulation", width: 12) == "Convention …")
    #expect(TextLayout.truncate("court", width: 12) == "court")
    #expect(TextLayout.truncate("日本語テキスト", width: 6) == "日本…")
    #expect(DisplayWidth.width(of: TextLayout.truncate("👍👍👍👍", width: 5)) <= 5)
    #expect(TextLayout.pad("é", width: 3) == "é  ")
  }
}

@Suite struct KeyDecoderTests {
  func decode(_ bytes: [UInt8]) -> [Key] {
    var decoder = KeyDecoder()
    return decoder.decode(bytes) + decoder.flushEscape()
  }

  @Test func arrowsAndSpecialKeys() {
    #expect(decode(Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D".utf8)) == [.up, .down, .right, .left])
    #expect(
      decode(Array("\u{1B}OA\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~".utf8)) == [.up, .home, .end, .home, .end])
    #expect(decode(Array("\u{1B}[Z".utf8)) == [.backTab])
    #expect(decode(Array("\u{1B}[3~".utf8)) == [.delete])
    #expect(
      decode([0x7F, 0x08, 0x0D, 0x09, 0x03, 0x04, 0x18]) == [
        .backspace, .backspace, .enter, .tab, .control("c"), .control("d"), .control("x"),
      ])
    #expect(decode(Array("\u{1B}[1;5A".utf8)) == [.up])
  }

  /// Ctrl-Enter: a line feed alone (Ctrl-J), or the sequences of terminals
  /// that report modifiers; CR, and CR LF, stay Enter.
  @Test func controlEnter() {
    #expect(decode([0x0A]) == [.controlEnter])
    #expect(decode([0x0D, 0x0A, 0x0D]) == [.enter, .enter])
    #expect(
      decode(Array("\u{1B}[13;5u\u{1B}[27;5;13~\u{1B}[27;1;13~".utf8)) == [
        .controlEnter, .controlEnter, .enter,
      ])
  }

  @Test func utf8SplitAcrossReads() {
    var decoder = KeyDecoder()
    let bytes = Array("é👍".utf8)
    var keys: [Key] = []
    for byte in bytes { keys += decoder.decode([byte]) }
    #expect(keys == [.character("é"), .character("👍")])
  }

  @Test func loneEscapeWaitsForTheTimeout() {
    var decoder = KeyDecoder()
    #expect(decoder.decode([0x1B]).isEmpty)
    #expect(decoder.hasPending)
    #expect(decoder.flushEscape() == [.escape])
    // A sequence split across reads is not taken for Escape.
    #expect(decoder.decode([0x1B, 0x5B]).isEmpty)
    #expect(decoder.decode([0x41]) == [.up])
  }

  @Test func bracketedPasteIsLiteralText() {
    var decoder = KeyDecoder()
    let pasted = "\u{1B}[200~ligne 1\r\n\u{1B}[A q\u{03}\u{1B}[201~x"
    let keys = decoder.decode(Array(pasted.utf8))
    #expect(keys == [.paste("ligne 1\r\n\u{1B}[A q\u{03}"), .character("x")])
    // The end marker split across reads.
    var split = KeyDecoder()
    var result = split.decode(Array("\u{1B}[200~abc\u{1B}[20".utf8))
    result += split.decode(Array("1~".utf8))
    #expect(result == [.paste("abc")])
  }
}
