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
    for word in Self.words(in: text) { counts[word, default: 0] += 1 }
  }

  /// The words of `text` that count, in order.
  public static func words(in text: String) -> [String] {
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

  /// The most frequent words, ties in alphabetical order, at most `limit`.
  public func top(_ limit: Int = 50) -> [WordFrequency] {
    counts.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
      .prefix(limit)
      .map { WordFrequency(word: $0.key, count: $0.value) }
  }
}
