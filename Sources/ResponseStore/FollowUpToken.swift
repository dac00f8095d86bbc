import Foundation

/// The pseudonymous code that links a follow-up response to the response it
/// follows (`follows:` in the survey format), never the participant's email.
///
/// Nine symbols of Crockford's base 32 (digits and capitals without I, L, O
/// and U), written in three groups, `K7Q-M4T-ZP7`: eight random symbols (40
/// bits from the system's cryptographic generator) and a check symbol that
/// catches any single mistyped symbol and any two neighbours swapped. Typed
/// back, case, spaces and hyphens do not matter, and `O`, `I`, `L` are read as
/// `0`, `1`, `1`.
public enum FollowUpToken {
  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
  static let values: [Character: Int] = {
    var values: [Character: Int] = [:]
    for (index, symbol) in alphabet.enumerated() { values[symbol] = index }
    values["O"] = 0
    values["I"] = 1
    values["L"] = 1
    return values
  }()

  /// A new random token, with its check symbol, written in groups.
  public static func random() -> String {
    var generator = SystemRandomNumberGenerator()
    let digits = (0..<8).map { _ in Int.random(in: 0..<32, using: &generator) }
    return written(digits + [check(digits)])
  }

  /// The token `text` means, written as `random()` writes it, or `nil` when
  /// it is not nine symbols of the alphabet with a matching check symbol.
  public static func normalized(_ text: String) -> String? {
    var digits: [Int] = []
    for character in text.uppercased() where !(character == "-" || character == " " || character == "\t") {
      guard let value = values[character] else { return nil }
      digits.append(value)
    }
    guard digits.count == 9, check(Array(digits.prefix(8))) == digits[8] else { return nil }
    return written(digits)
  }

  /// The check symbol: the digits weighted 1…8, summed modulo 31 (a prime,
  /// so every weight and every difference of two neighbours' weights is
  /// invertible).
  static func check(_ digits: [Int]) -> Int {
    digits.enumerated().reduce(0) { ($0 + ($1.offset + 1) * $1.element) % 31 }
  }

  static func written(_ digits: [Int]) -> String {
    let symbols = digits.map { String(alphabet[$0]) }
    return stride(from: 0, to: symbols.count, by: 3).map { symbols[$0..<min($0 + 3, symbols.count)].joined() }
      .joined(separator: "-")
  }
}

/// The follow-up tokens of one survey's responses in a store.
public struct FollowUpTokens: Sendable, Hashable {
  /// Tokens issued to responses (for a later follow-up), by response id.
  public var issued: [UUID: String]
  /// Tokens given by follow-up responses (those of the responses they
  /// follow), by follow-up response id.
  public var given: [UUID: String]

  public init(issued: [UUID: String] = [:], given: [UUID: String] = [:]) {
    self.issued = issued
    self.given = given
  }

  public var isEmpty: Bool { issued.isEmpty && given.isEmpty }
}
