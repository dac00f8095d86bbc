import Foundation
import TestSupport
import Testing

@testable import Aggregation

/// The per-response code reads text without Foundation's string functions;
/// each fast path must give what the Foundation version gave, on text
/// made of the characters that matter (accents, combining marks, white space
/// of every kind, control characters, escapes, quotes, hyphens, digits of
/// other scripts, letters whose lowercase mapping is longer).
@Suite struct FastPathTests {
  static let pieces: [String] = [
    "a", "B", "z", "é", "È", "e\u{301}", "ç", "œ", "Œ", "ß", "İ", "Σ", "ς", "ǅ", "\u{212A}", "ﬁ", "l'", "l’",
    "-", "--", "peut-être", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}",
    "\u{1680}", "\u{2003}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{3000}", "\u{FEFF}",
    "\u{1B}[31m", "\u{1B}]0;x\u{07}", "\u{1B}c", "\u{9B}2J", "\u{0}", "\u{7F}", "\u{80}", "\u{9F}",
    "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{200E}", "0", "7", "٣", "½", "Ⅻ", "²", "\"", "\",\"",
    "[", "]", "\\", ",", ".", "@", "06 12 34 56 78", "x@y.fr", "the", "de", "outil", "Réseau", "👩‍🌾",
    "日本", "ﾊﾟ", "\u{0600}", "ǈ",
  ]

  static func texts(count: Int, seed: UInt64) -> [String] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      (0..<Int(generator.next() % 12)).map { _ in generator.pick(pieces) }.joined()
    }
  }

  // The implementations these replaced, as they were.

  static func referenceWords(in text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    var hasLetter = false
    func flush() {
      defer {
        current = String.UnicodeScalarView()
        hasLetter = false
      }
      while current.last == "-" { current.removeLast() }
      guard hasLetter, current.count > 1 else { return }
      let word = String(current)
      guard !StopWords.all.contains(word) else { return }
      words.append(word)
    }
    for scalar in text.lowercased().unicodeScalars {
      let properties = scalar.properties
      if properties.isAlphabetic || properties.generalCategory == .nonspacingMark {
        current.append(scalar)
        hasLetter = true
      } else if properties.numericType != nil {
        current.append(scalar)
      } else if scalar == "-" && !current.isEmpty {
        current.append(scalar)
      } else {
        flush()
      }
    }
    flush()
    return words
  }

  @Test func wordsAreThoseOfTheFoundationVersion() {
    for text in Self.texts(count: 4_000, seed: 1) + Self.pieces {
      #expect(
        WordFrequencyCounter.words(in: text) == Self.referenceWords(in: text), "\(text.debugDescription)")
    }
  }

  @Test func trimmingAndBlanksAreThoseOfFoundation() {
    for text in Self.texts(count: 4_000, seed: 2) + Self.pieces {
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(Whitespace.trimmed(text) == trimmed, "\(text.debugDescription)")
      #expect(Whitespace.isBlank(text) == trimmed.isEmpty, "\(text.debugDescription)")
    }
    for value in 0..<0x80 {
      let scalar = Unicode.Scalar(UInt8(value))
      #expect(Whitespace.isSpace(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar), "\(value)")
    }
  }

  @Test func personalDataPrecheckNeverMissesWhatMaskingFinds() {
    for text in Self.texts(count: 4_000, seed: 4) + Self.pieces {
      if !PersonalDataMasking.mayContainPersonalData(text) {
        #expect(PersonalDataMasking.mask(text, language: "fr") == text, "\(text.debugDescription)")
      }
    }
  }
}
