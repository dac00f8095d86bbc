import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition

/// How an `AnswerValue` is kept in the `answers` table of the server: the
/// same type names as the SQLite store's, the value as text.
///
/// | type | value |
/// | --- | --- |
/// | code, text | the text (NUL bytes, which PostgreSQL text cannot hold, removed) |
/// | integer | decimal digits |
/// | number | Swift's shortest round-trip form (`3.0`, `0.1`, `1e-05`) |
/// | boolean | `1` or `0` |
/// | codes | a JSON array of strings (`["cout","portage"]`) |
/// | na | NULL |
enum ServerAnswer {
  static func encode(_ value: AnswerValue) -> (type: String, value: String?) {
    switch value {
    case .code(let code): ("code", clean(code))
    case .text(let text): ("text", clean(text))
    case .integer(let integer): ("integer", String(integer))
    case .number(let number): ("number", number.description)
    case .boolean(let flag): ("boolean", flag ? "1" : "0")
    case .codes: ("codes", clean(value.jsonText))
    case .notApplicable: ("na", nil)
    }
  }

  /// `text` without NUL bytes (the questionnaire and the importers never store one).
  static func clean(_ text: String) -> String {
    text.utf8.contains(0) ? text.replacingOccurrences(of: "\0", with: "") : text
  }

  /// The answer a stored type and value mean; `nil` when they do not fit.
  static func decode(type: String, value: String?) -> AnswerValue? {
    switch type {
    case "code": return value.map(AnswerValue.code)
    case "text": return value.map(AnswerValue.text)
    case "integer": return value.flatMap { Int($0) }.map(AnswerValue.integer)
    case "number": return value.flatMap { Double($0) }.map(AnswerValue.number)
    case "boolean":
      switch value {
      case "1": return .boolean(true)
      case "0": return .boolean(false)
      default: return nil
      }
    case "codes": return value.flatMap(StoredAnswer.parseArray).map(AnswerValue.codes)
    case "na": return value == nil || value == "" ? .notApplicable : nil
    default: return nil
    }
  }
}
