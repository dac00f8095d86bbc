/// The codes of a room: the session's code (the SSH password everyone types)
/// and each participant's own code (the SSH user name that takes them back to
/// their response).
///
/// Lower-case letters only, in syllables: read aloud or from a projector and
/// typed on any keyboard (digits need Shift on a French AZERTY keyboard).
/// Drawn from the system's cryptographic generator.
public enum AccessCode {
  /// Consonants that sound and look unlike each other (no c, q, w, x, h, y).
  static let consonants: [Character] = Array("bdfgjklmnprstvz")
  static let vowels: [Character] = Array("aeiou")

  /// A session code such as `mirako`: three syllables, 75³ = 421,875 codes.
  /// With the limits on failed attempts, guessing it takes longer than a day.
  public static func session() -> String { syllables(3) }

  /// A participant's code such as `bavo-kelu`: 75⁴ ≈ 31.6 million codes,
  /// written with a hyphen so it can never be taken for a user name.
  public static func participant() -> String { syllables(2) + "-" + syllables(2) }

  /// Whether `name` has the shape of a participant's code (any letters: a
  /// mistyped code is still recognised as an attempt at one).
  public static func isParticipantCode(_ name: String) -> Bool {
    let parts = name.lowercased().split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 2
      && parts.allSatisfy { $0.count == 4 && $0.allSatisfy { $0.isASCII && $0.isLetter } }
  }

  /// Whether a session code given with `--code` is acceptable.
  public static func isValidSessionCode(_ code: String) -> Bool {
    (4...32).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
  }

  /// Whether `given` is `expected`, ignoring case and surrounding blanks,
  /// in a time that does not depend on where they first differ.
  public static func matches(_ given: String, _ expected: String) -> Bool {
    let a = Array(given.trimmingBlanks.lowercased().utf8)
    let b = Array(expected.lowercased().utf8)
    var difference = UInt8(a.count == b.count ? 0 : 1)
    for index in 0..<max(a.count, b.count) {
      let x = index < a.count ? a[index] : 0
      let y = index < b.count ? b[index] : 0
      difference |= x ^ y
    }
    return difference == 0
  }

  private static func syllables(_ count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    var code = ""
    for _ in 0..<count {
      code.append(consonants.randomElement(using: &generator)!)
      code.append(vowels.randomElement(using: &generator)!)
    }
    return code
  }
}

extension String {
  fileprivate var trimmingBlanks: Substring {
    let blanks: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    guard let first = firstIndex(where: { !blanks($0) }) else { return "" }
    let last = lastIndex(where: { !blanks($0) })!
    return self[first...last]
  }
}
