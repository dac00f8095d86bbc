import Foundation

/// Why an answer is refused: the one error of the answer rules that the
/// questionnaire, the importers, `--answers` and the engine share.
///
/// Every case carries the answer key it is about. ``message(language:)`` is the
/// sentence a participant reads under the question (French or English, no key);
/// `errorDescription` is the technical English line for imports and `--answers`,
/// which names the key and the bad value.
public enum AnswerError: Error, LocalizedError, Equatable, Hashable, Sendable {
  /// The key is not an answer key of the survey (nor, for contacts, an email question).
  case unknownKey(key: String)
  /// The value is not of the type the field stores (`found` shows what was given).
  case wrongType(key: String, expected: AnswerValueType, found: String)
  /// Null (not applicable) for a field that offers no not-applicable answer.
  case notApplicableNotOffered(key: String)
  /// A code that is not one of the question's choices (`"other"` where other is not offered).
  case unknownCode(key: String, code: String, allowed: [String])
  /// The same code twice in a multiple or ranking answer.
  case duplicateCode(key: String, code: String)
  /// The codes of a multiple answer are not in choice order with `"other"` last.
  case codesOutOfOrder(key: String)
  /// Fewer selections than the question's `min`.
  case tooFewSelections(key: String, minimum: Int, count: Int)
  /// More selections than the question's `max`.
  case tooManySelections(key: String, maximum: Int, count: Int)
  /// An `exclusive` code (such as "none") chosen together with other codes.
  case exclusiveNotAlone(key: String, code: String)
  /// A ranking that does not rank exactly `pick` choices (or all of them, when fewer).
  case wrongRankingLength(key: String, expected: Int, count: Int)
  /// A scale, matrix or nps point outside the scale.
  case outOfScale(key: String, value: Int, min: Int, max: Int)
  /// A fractional number where a whole number is expected.
  case notWholeNumber(key: String, value: Double)
  /// A number outside the question's `min`/`max`.
  case outOfRange(key: String, value: Double, min: Double?, max: Double?)
  /// A text longer than `max_length` characters (user-perceived characters).
  case tooLong(key: String, length: Int, maxLength: Int)
  /// A text containing the NUL character, the one character never stored.
  case containsNul(key: String)
  /// A line break in a one-line text (`text` or an "other" text).
  case containsNewline(key: String)
  /// An email address that is not of the form `local@domain.tld` (the address is
  /// deliberately not repeated: it is contact data).
  case invalidEmail(key: String)
  /// A `KEY.other` text while "other" is not chosen (`key` is the `.other` key).
  case otherTextWithoutOther(key: String)
  /// "Other" chosen in a complete response without its `KEY.other` text (`key` is the `.other` key).
  case otherTextMissing(key: String)
  /// An answer to a question that the response's own answers hide (its `when` fails).
  case hiddenQuestion(key: String)
  /// A required question that is shown but not answered in a complete response.
  case missingRequired(key: String)
  /// An email answer among the answers: contact data is kept apart, in the contacts.
  case contactAmongAnswers(key: String)

  /// The answer key the error is about.
  public var key: String {
    switch self {
    case .unknownKey(let key), .wrongType(let key, _, _), .notApplicableNotOffered(let key),
      .unknownCode(let key, _, _), .duplicateCode(let key, _), .codesOutOfOrder(let key),
      .tooFewSelections(let key, _, _), .tooManySelections(let key, _, _), .exclusiveNotAlone(let key, _),
      .wrongRankingLength(let key, _, _), .outOfScale(let key, _, _, _), .notWholeNumber(let key, _),
      .outOfRange(let key, _, _, _), .tooLong(let key, _, _), .containsNul(let key),
      .containsNewline(let key), .invalidEmail(let key), .otherTextWithoutOther(let key),
      .otherTextMissing(let key), .hiddenQuestion(let key), .missingRequired(let key),
      .contactAmongAnswers(let key):
      key
    }
  }

  /// The sentence a participant reads, in `language` (`fr`, else English).
  ///
  /// French follows French typography: « » quotes and a non-breaking space
  /// before `:`, `;`, `?` and `!`; decimal commas.
  public func message(language: String) -> String {
    let french = language == "fr" || language.hasPrefix("fr-") || language.hasPrefix("fr_")
    let nbsp = "\u{00A0}"
    func quoted(_ text: String) -> String { french ? "«\(nbsp)\(text)\(nbsp)»" : "“\(text)”" }
    func number(_ value: Double) -> String { Self.format(value, french: french) }
    func count(_ value: Int, _ fr: (one: String, many: String), _ en: (one: String, many: String)) -> String {
      french ? (value == 1 ? fr.one : fr.many) : (value == 1 ? en.one : en.many)
    }
    switch self {
    case .unknownKey(let key):
      return french
        ? "Aucune question ne correspond à \(quoted(key))." : "No question matches \(quoted(key))."
    case .wrongType(_, let expected, _):
      switch expected {
      case .code: return french ? "Choisissez une des réponses proposées." : "Choose one of the options."
      case .codes:
        return french ? "Choisissez parmi les réponses proposées." : "Choose among the options."
      case .integer: return french ? "Saisissez un nombre entier." : "Enter a whole number."
      case .number: return french ? "Saisissez un nombre." : "Enter a number."
      case .boolean: return french ? "Répondez par oui ou par non." : "Answer yes or no."
      case .text: return french ? "Saisissez un texte." : "Enter some text."
      case .contact: return french ? "Saisissez une adresse électronique." : "Enter an email address."
      }
    case .notApplicableNotOffered:
      return french
        ? "Cette question ne propose pas de réponse \(quoted("sans avis"))."
        : "This question offers no \(quoted("no opinion")) answer."
    case .unknownCode(_, let code, _):
      return french
        ? "\(quoted(code)) ne fait pas partie des réponses proposées."
        : "\(quoted(code)) is not one of the options."
    case .duplicateCode(_, let code):
      return french ? "\(quoted(code)) est donné deux fois." : "\(quoted(code)) is given twice."
    case .codesOutOfOrder:
      return french
        ? "Donnez les réponses dans l’ordre de la liste, \(quoted("other")) en dernier."
        : "List the options in their order, \(quoted("other")) last."
    case .tooFewSelections(_, let minimum, _):
      return count(
        minimum, ("Choisissez au moins une réponse.", "Choisissez au moins \(minimum) réponses."),
        ("Choose at least one option.", "Choose at least \(minimum) options."))
    case .tooManySelections(_, let maximum, _):
      return count(
        maximum, ("Choisissez une seule réponse.", "Choisissez au plus \(maximum) réponses."),
        ("Choose only one option.", "Choose at most \(maximum) options."))
    case .exclusiveNotAlone(_, let code):
      return french
        ? "\(quoted(code)) ne se combine avec aucune autre réponse."
        : "\(quoted(code)) cannot be combined with other options."
    case .wrongRankingLength(_, let expected, _):
      return count(
        expected, ("Classez exactement une réponse.", "Classez exactement \(expected) réponses."),
        ("Rank exactly one option.", "Rank exactly \(expected) options."))
    case .outOfScale(_, _, let min, let max):
      return french ? "Choisissez entre \(min) et \(max)." : "Choose between \(min) and \(max)."
    case .notWholeNumber:
      return french ? "Saisissez un nombre entier." : "Enter a whole number."
    case .outOfRange(_, _, let min, let max):
      switch (min, max) {
      case (let min?, let max?):
        return french
          ? "Saisissez un nombre entre \(number(min)) et \(number(max))."
          : "Enter a number between \(number(min)) and \(number(max))."
      case (let min?, nil):
        return french
          ? "Saisissez un nombre supérieur ou égal à \(number(min))."
          : "Enter a number of at least \(number(min))."
      case (nil, let max?):
        return french
          ? "Saisissez un nombre inférieur ou égal à \(number(max))."
          : "Enter a number of at most \(number(max))."
      case (nil, nil):
        return french ? "Saisissez un nombre." : "Enter a number."
      }
    case .tooLong(_, let length, let maxLength):
      return french
        ? "\(maxLength) caractères au plus (\(length) saisis)."
        : "At most \(maxLength) characters (\(length) given)."
    case .containsNul:
      return french ? "Le texte contient un caractère nul." : "The text contains a NUL character."
    case .containsNewline:
      return french ? "Répondez sur une seule ligne." : "Answer on a single line."
    case .invalidEmail:
      return french
        ? "Saisissez une adresse électronique valide, comme nom@exemple.fr."
        : "Enter a valid email address, such as name@example.com."
    case .otherTextWithoutOther:
      return french
        ? "Précisez \(quoted("Autre")) seulement si vous l’avez choisi."
        : "Specify \(quoted("Other")) only when you chose it."
    case .otherTextMissing:
      return french
        ? "Précisez votre réponse \(quoted("Autre"))." : "Please specify your \(quoted("Other")) answer."
    case .hiddenQuestion:
      return french
        ? "Cette question n’est pas posée avec les autres réponses données."
        : "This question is not asked given the other answers."
    case .missingRequired:
      return french ? "Cette question est obligatoire." : "This question is required."
    case .contactAmongAnswers:
      return french
        ? "Une adresse électronique est une donnée de contact, conservée à part des réponses."
        : "An email address is contact data, kept apart from the answers."
    }
  }

  /// `KEY: what is wrong`, naming the bad value: for imports and `--answers`.
  public var errorDescription: String? {
    let detail: String
    switch self {
    case .unknownKey: detail = "no question of the survey has this answer key"
    case .wrongType(_, let expected, let found):
      detail = "expected \(Self.describe(expected)), got \(found)"
    case .notApplicableNotOffered: detail = "null (not applicable) is not offered by this question"
    case .unknownCode(_, let code, let allowed):
      detail = "unknown code '\(code)'; expected one of: \(allowed.joined(separator: ", "))"
    case .duplicateCode(_, let code): detail = "code '\(code)' given twice"
    case .codesOutOfOrder: detail = "codes must be in choice order, 'other' last"
    case .tooFewSelections(_, let minimum, let count):
      detail = "\(count) selected, at least \(minimum) expected"
    case .tooManySelections(_, let maximum, let count):
      detail = "\(count) selected, at most \(maximum) allowed"
    case .exclusiveNotAlone(_, let code): detail = "'\(code)' excludes every other code"
    case .wrongRankingLength(_, let expected, let count):
      detail = "\(count) ranked, exactly \(expected) expected"
    case .outOfScale(_, let value, let min, let max): detail = "\(value) is not between \(min) and \(max)"
    case .notWholeNumber(_, let value): detail = "\(Self.format(value, french: false)) is not a whole number"
    case .outOfRange(_, let value, let min, let max):
      let low = min.map { Self.format($0, french: false) } ?? "-∞"
      let high = max.map { Self.format($0, french: false) } ?? "+∞"
      detail = "\(Self.format(value, french: false)) is outside [\(low), \(high)]"
    case .tooLong(_, let length, let maxLength):
      detail = "\(length) characters, at most \(maxLength) allowed"
    case .containsNul: detail = "the text contains a NUL character"
    case .containsNewline: detail = "a one-line text contains a line break"
    case .invalidEmail: detail = "not a valid email address (local@domain.tld)"
    case .otherTextWithoutOther: detail = "an 'other' text is given but 'other' is not chosen"
    case .otherTextMissing: detail = "'other' is chosen but its text is missing"
    case .hiddenQuestion: detail = "answered, but the question is hidden by its condition"
    case .missingRequired: detail = "required, but not answered"
    case .contactAmongAnswers: detail = "an email answer belongs in the contacts, not the answers"
    }
    return "\(key): \(detail)"
  }

  private static func describe(_ type: AnswerValueType) -> String {
    switch type {
    case .code: "a code (string)"
    case .codes: "an array of codes"
    case .integer: "an integer"
    case .number: "a number"
    case .boolean: "true or false"
    case .text: "a string"
    case .contact: "an email address (string)"
    }
  }

  /// A number as people write it: no `.0` on whole numbers, a decimal comma in French.
  static func format(_ value: Double, french: Bool) -> String {
    let text =
      value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(describing: value)
    return french ? text.replacingOccurrences(of: ".", with: ",") : text
  }
}
