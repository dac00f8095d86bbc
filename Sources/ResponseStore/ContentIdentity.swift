import BilanBase
import Foundation
import SurveyDefinition

/// Ids for imported responses that come without one, derived from what the
/// response says rather than from where it sits in a file.
///
/// A Google Forms export, a CSV typed from paper or a hand-made JSON Lines
/// file has no response ids. Deriving them from the file's hash and line
/// counted everyone again at each re-download, append or re-save. Here the
/// id is a name-based UUID (`UUID(derivedFrom:)`) of:
/// - the survey id and the kind of source (`google-forms`, or `content` for
///   CSV and JSON Lines, which share the rule: the same rows as CSV or as
///   JSON Lines are the same responses);
/// - the times the row itself gives: a Google Forms timestamp; the
///   `started_at` and `submitted_at` of a CSV or JSON Lines row when present
///   (a time the importer fills in, such as "now", never counts);
/// - the canonical answers and contacts: typed values (a label and its code,
///   `4` and `4.0`, `1250,5` and `1250.5` are the same answer), keys sorted,
///   texts in Unicode NFC with line breaks as `\n` (a spreadsheet re-saving
///   the file changes neither);
/// - the occurrence: the first row with this content in the file is 1, the
///   next identical one 2, and so on, so two people who gave the same answers
///   stay two responses, and a later export with the same rows gives the
///   same ids again.
///
/// Status, language and survey version are not part of the identity: they
/// are defaults when the file does not say them, and a default may change
/// with the survey.
struct ContentIdentity {
  /// `google-forms` or `content`.
  let kind: String
  let surveyID: String
  private var occurrences: [String: Int] = [:]

  init(kind: String, surveyID: String) {
    self.kind = kind
    self.surveyID = surveyID
  }

  /// The id of the next response with this content (`times`: those the file
  /// gave, in a fixed order; `nil` for one it did not give).
  mutating func id(answers: Answers, contacts: [String: String], times: [Date?]) -> UUID {
    let content = Self.canonical(answers: answers, contacts: contacts, times: times)
    let occurrence = occurrences[content, default: 0] + 1
    occurrences[content] = occurrence
    return UUID(derivedFrom: "bilan-identity/1\n\(kind)\n\(surveyID)\n\(content)\n#\(occurrence)")
  }

  /// The content as one deterministic text: times, then `{"key":value,…}` of
  /// the answers and of the contacts, keys in code-point order.
  static func canonical(answers: Answers, contacts: [String: String], times: [Date?]) -> String {
    var text = times.map { $0.map(Timestamp.string(from:)) ?? "-" }.joined(separator: " ")
    text += "\n{"
    var first = true
    for key in answers.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
      if !first { text += "," }
      first = false
      text += JSONText.quoted(key) + ":" + normalized(answers[key]!).jsonText
    }
    text += "}\n{"
    first = true
    for key in contacts.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
      if !first { text += "," }
      first = false
      text += JSONText.quoted(key) + ":" + JSONText.quoted(normalized(contacts[key]!))
    }
    return text + "}"
  }

  private static func normalized(_ value: AnswerValue) -> AnswerValue {
    switch value {
    case .text(let text): .text(normalized(text))
    case .code(let code): .code(normalized(code))
    case .codes(let codes): .codes(codes.map(normalized))
    case .integer, .number, .boolean, .notApplicable: value
    }
  }

  private static func normalized(_ text: String) -> String {
    var result = text
    if result.unicodeScalars.contains("\r") {
      result = result.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
    return result.precomposedStringWithCanonicalMapping
  }
}
