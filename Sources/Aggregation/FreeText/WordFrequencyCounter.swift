/// Counts the words of free-text answers, stop words left out.
///
/// A word is a run of letters (any script, accents kept) and digits, with
/// inner hyphens (`peut-être`, `co-construction`); apostrophes split words
/// (`l'outil` → `l`, `outil`, and `l` is a stop word). Words are lowercased;
/// words of one character, numbers and the stop words of `StopWords.all` are
/// not counted.
public struct WordFrequencyCounter: Sendable, Equatable {
  public private(set) var counts: [String: Int] = [:]

  public init() {}

  /// Counts the words of `text`.
  public mutating func add(_ text: String) {
    Self.forEachWord(in: text) { counts[$0, default: 0] += 1 }
  }

  /// The words of `text` that count, in order.
  public static func words(in text: String) -> [String] {
    var words: [String] = []
    forEachWord(in: text) { words.append($0) }
    return words
  }

  /// Calls `body` with each word of `text` that counts, in order.
  ///
  /// Reads `text` as `text.lowercased()` would write it (each scalar's
  /// lowercase mapping) without making that string: ASCII is classified
  /// from its byte, anything else from its Unicode properties.
  static func forEachWord(in text: String, _ body: (String) -> Void) {
    var word = WordBuffer()
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        word.take(ascii: UInt8(truncatingIfNeeded: scalar.value), body)
      } else {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
          if lower.isASCII {
            word.take(ascii: UInt8(truncatingIfNeeded: lower.value), body)
          } else {
            word.take(lower, body)
          }
        }
      }
    }
    word.flush(body)
  }

  /// The word being read, as UTF-8.
  private struct WordBuffer {
    var bytes: [UInt8] = []
    /// Unicode scalars in `bytes`.
    var scalars = 0
    var hasLetter = false

    init() { bytes.reserveCapacity(32) }

    /// An ASCII scalar (letters lowercased here).
    mutating func take(ascii byte: UInt8, _ body: (String) -> Void) {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        append(byte | 0x20)
        hasLetter = true
      case UInt8(ascii: "a")...UInt8(ascii: "z"):
        append(byte)
        hasLetter = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        append(byte)
      case UInt8(ascii: "-") where !bytes.isEmpty:
        append(byte)
      default:
        flush(body)
      }
    }

    /// A non-ASCII scalar, already lowercase.
    mutating func take(_ scalar: Unicode.Scalar, _ body: (String) -> Void) {
      let properties = scalar.properties
      if properties.isAlphabetic || properties.generalCategory == .nonspacingMark {
        append(scalar)
        hasLetter = true
      } else if properties.numericType != nil {
        append(scalar)
      } else {
        flush(body)
      }
    }

    private mutating func append(_ byte: UInt8) {
      bytes.append(byte)
      scalars += 1
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
      UTF8.encode(scalar) { bytes.append($0) }
      scalars += 1
    }

    /// Ends the word: trailing hyphens dropped, then kept when it has a
    /// letter, more than one character and is not a stop word.
    mutating func flush(_ body: (String) -> Void) {
      defer {
        bytes.removeAll(keepingCapacity: true)
        scalars = 0
        hasLetter = false
      }
      while bytes.last == UInt8(ascii: "-") {
        bytes.removeLast()
        scalars -= 1
      }
      guard hasLetter, scalars > 1 else { return }
      let word = String(decoding: bytes, as: UTF8.self)
      guard !StopWords.all.contains(word) else { return }
      body(word)
    }
  }

  /// The most frequent words, ties in alphabetical order, at most `limit`.
  public func top(_ limit: Int = 50) -> [WordFrequency] {
    counts.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
      .prefix(limit)
      .map { WordFrequency(word: $0.key, count: $0.value) }
  }
}
