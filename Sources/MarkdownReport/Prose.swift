import Aggregation
import BilanBase
import Foundation
import SurveyDefinition

/// The small pieces every sentence of a synthesis is made of, written the
/// way a person writes them in French or English: counts with their nouns in
/// agreement (“1 répondant”, “14 répondants”), shares that lead with the
/// count below 30 respondents (“9 sur 14 (64 %)”), intervals in words, names
/// of things with their article and gender (“la convention d’articulation”),
/// ordinals that agree (“1re”), dates in the event's time zone.
///
/// Every text argument (labels) must already be safe Markdown; numbers and
/// the words added here need no escaping.
public struct Prose: Sendable {
  public let typography: Typography

  public init(_ language: ReportLanguage) {
    typography = Typography(language)
  }

  var isFrench: Bool { typography.language == .french }
  func word(_ french: String, _ english: String) -> String { isFrench ? french : english }

  /// No-break space (U+00A0), as around “=” in “n = 14”.
  static let nbsp = Typography.noBreakSpace

  // MARK: Counts

  /// `14 répondants`, `1 répondant`; `14 respondents`.
  public func respondents(_ n: Int) -> String {
    counted(n, "répondant", "répondants", "respondent", "respondents")
  }

  /// `14 réponses`, `1 réponse`; `14 answers`.
  public func answers(_ n: Int) -> String { counted(n, "réponse", "réponses", "answer", "answers") }

  /// `15 personnes`, `1 personne`; `15 people`, `1 person`.
  public func people(_ n: Int) -> String { counted(n, "personne", "personnes", "person", "people") }

  /// A count and its noun in agreement: French takes the singular for 0 and 1.
  public func counted(
    _ n: Int, _ frenchOne: String, _ frenchMany: String, _ englishOne: String, _ englishMany: String
  )
    -> String
  {
    let many = isFrench ? n > 1 : n != 1
    return typography.integer(n) + " "
      + (isFrench ? (many ? frenchMany : frenchOne) : (many ? englishMany : englishOne))
  }

  /// `n = 14`, or for a range `n = 13 ou 14`, `n = 10 à 14` / `n = 13 or 14`,
  /// `n = 10–14`, with no-break spaces.
  public func nEquals(_ range: ClosedRange<Int>) -> String {
    "n" + Self.nbsp + "=" + Self.nbsp + countRange(range)
  }

  /// `14`, `13 ou 14`, `10 à 14` / `13 or 14`, `10–14`.
  public func countRange(_ range: ClosedRange<Int>) -> String {
    let low = typography.integer(range.lowerBound)
    let high = typography.integer(range.upperBound)
    switch range.upperBound - range.lowerBound {
    case 0: return low
    case 1: return low + word(" ou ", " or ") + high
    default: return low + word(" à ", "–") + high
    }
  }

  // MARK: Shares

  /// A count out of n as a reader weighs it: below 30 respondents the count
  /// leads and the percentage, whole, follows (`9 sur 14 (64 %)`); from 30 on
  /// the percentage leads (`64 % (90 sur 140)`).
  public func share(_ count: Int, of n: Int) -> String {
    let percent = typography.integer(Rounding.percent(count, of: n)) + typography.percentSign
    let outOf = typography.integer(count) + word(" sur ", " out of ") + typography.integer(n)
    return Rounding.countsLead(n: n) ? outOf + " (" + percent + ")" : percent + " (" + outOf + ")"
  }

  /// `9 sur 14, 64 %`: a share where parentheses already surround it.
  public func shareInParentheses(_ count: Int, of n: Int) -> String {
    let percent = typography.integer(Rounding.percent(count, of: n)) + typography.percentSign
    let outOf = typography.integer(count) + word(" sur ", " out of ") + typography.integer(n)
    return Rounding.countsLead(n: n) ? outOf + ", " + percent : percent + ", " + outOf
  }

  /// `9 répondants sur 14 (64 %)`, or from 30 respondents on `64 % des
  /// répondants (90 sur 140)`: the same with the noun, to open a clause.
  public func shareOfRespondents(_ count: Int, of n: Int) -> String {
    let percent = typography.integer(Rounding.percent(count, of: n)) + typography.percentSign
    guard Rounding.countsLead(n: n) else {
      return percent + word(" des répondants (", " of respondents (") + typography.integer(count)
        + word(" sur ", " out of ") + typography.integer(n) + ")"
    }
    let noun =
      isFrench ? (count > 1 ? "répondants" : "répondant") : (count == 1 ? "respondent" : "respondents")
    return typography.integer(count) + " " + noun + word(" sur ", " out of ") + typography.integer(n) + " ("
      + percent + ")"
  }

  // MARK: Intervals

  /// `de 3,5 à 4,5` / `3.5 to 4.5`: an interval in a sentence.
  public func range(_ low: String, _ high: String) -> String {
    word("de \(low) à \(high)", "\(low) to \(high)")
  }

  /// `intervalle à 95 % : de 3,5 à 4,5` / `95% interval: 3.5 to 4.5`.
  public func interval(_ low: String, _ high: String) -> String {
    word("intervalle à 95", "95") + typography.percentSign + word("", " interval") + typography.colon
      + range(low, high)
  }

  // MARK: Names of things

  /// How a thing a report talks about (a tool, an item) is named in running
  /// text. With its French gender known: “le plan de coopération”, “la
  /// convention d’articulation”, “l’outil”; in English “the cooperation plan”.
  /// Without it, French quotes the label as a name: « Plan de coopération ».
  public struct Name: Sendable, Hashable {
    public var label: String
    public var gender: GrammaticalGender?

    public init(label: String, gender: GrammaticalGender?) {
      self.label = label
      self.gender = gender
    }
  }

  /// The name with its definite article, lower case: `la convention d’articulation`.
  public func definite(_ name: Name) -> String {
    if isFrench {
      guard let gender = name.gender else { return typography.quoted(name.label) }
      let noun = Self.lowercasedStart(name.label)
      if Self.startsWithVowelSound(noun) { return "l" + Typography.apostrophe + noun }
      return (gender == .feminine ? "la " : "le ") + noun
    }
    return "the " + Self.lowercasedStart(name.label)
  }

  /// `de la convention`, `du plan`, `de l’outil` / `of the plan`.
  public func of(_ name: Name) -> String {
    if isFrench {
      let phrase = definite(name)
      if phrase.hasPrefix("le ") { return "du " + phrase.dropFirst(3) }
      return "de " + phrase
    }
    return "of " + definite(name)
  }

  /// A past participle or adjective agreeing with `name`: `citée`, `cité`.
  public func agreeing(_ masculine: String, with name: Name) -> String {
    isFrench && name.gender == .feminine ? masculine + "e" : masculine
  }

  /// `1er`, `1re`, `2e` (French, agreeing with `gender`); `1st`, `2nd`.
  public func ordinal(_ rank: Int, gender: GrammaticalGender? = nil) -> String {
    if isFrench { return rank == 1 ? (gender == .feminine ? "1re" : "1er") : "\(rank)e" }
    let suffix: String
    switch (rank % 10, rank % 100) {
    case (1, let r) where r != 11: suffix = "st"
    case (2, let r) where r != 12: suffix = "nd"
    case (3, let r) where r != 13: suffix = "rd"
    default: suffix = "th"
    }
    return "\(rank)\(suffix)"
  }

  /// `a`, `a et b`, `a, b et c` / `a, b and c`.
  public func list(_ items: [String], conjunction: String? = nil) -> String {
    let and = conjunction ?? word("et", "and")
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " \(and) " + items[items.count - 1]
    }
  }

  /// The first letter upper case: the start of a sentence.
  public static func capitalised(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  /// A label lowered to run inside a sentence, unless its first word is an
  /// acronym or a name (“PNR”, “LEADER”): only a capital followed by small
  /// letters is lowered.
  static func lowercasedStart(_ label: String) -> String {
    let firstWord = label.prefix { $0.isLetter }
    guard let first = firstWord.first, first.isUppercase, firstWord.count > 1,
      firstWord.dropFirst().allSatisfy({ $0.isLowercase })
    else { return label }
    return first.lowercased() + label.dropFirst()
  }

  /// Whether French elides the article before `word` (a vowel, or a mute h).
  static func startsWithVowelSound(_ word: String) -> Bool {
    guard let first = word.first?.lowercased().first else { return false }
    let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "é", "è", "ê", "â", "î", "ô", "û", "œ", "h"]
    return vowels.contains(first)
  }

  // MARK: Dates

  /// The report language's date words.
  var dateWords: ToolWords.Dates { (isFrench ? ToolWords.french : ToolWords.english).dates }

  /// `jeudi 5 mars 2015` / `Thursday 5 March 2015`, from `YYYY-MM-DD`.
  public func longDate(iso: String, weekday: Bool = false) -> String? {
    CalendarDay(iso)?.written(dateWords, weekday: weekday)
  }

  /// The day of `date` in `timeZone` (an IANA name; UTC when `nil` or
  /// unknown), written out: the last answer given at 0:30 in Paris is dated
  /// that day, not the day before.
  public func longDate(_ date: Date, timeZone: String?) -> String {
    CalendarDay(date, timeZone: timeZone).written(dateWords)
  }
}
