import Foundation
import GRDB
import SurveyDefinition

/// How an `AnswerValue` is kept in the `answers` table: a type name and a
/// value of SQLite's matching storage class.
///
/// | type | value |
/// | --- | --- |
/// | code, text | TEXT |
/// | integer | INTEGER |
/// | number | REAL |
/// | boolean | INTEGER 0 or 1 |
/// | codes | TEXT, a JSON array of strings (`["cout","portage"]`) |
/// | na | NULL |
enum StoredAnswer {
  static func encode(_ value: AnswerValue) -> (type: String, value: DatabaseValue) {
    switch value {
    case .code(let code): ("code", code.databaseValue)
    case .text(let text): ("text", text.databaseValue)
    case .integer(let integer): ("integer", integer.databaseValue)
    case .number(let number): ("number", number.databaseValue)
    case .boolean(let flag): ("boolean", (flag ? 1 : 0).databaseValue)
    case .codes: ("codes", value.jsonText.databaseValue)
    case .notApplicable: ("na", .null)
    }
  }

  static func decode(
    type: String, value: DatabaseValue, path: String, response: UUID, key: String
  ) throws -> AnswerValue {
    func invalid() -> StoreError {
      .invalidStoredValue(
        path: path, response: response, key: key, detail: "'\(value)' is not a valid \(type)")
    }
    switch (type, value.storage) {
    case ("code", .string(let text)): return .code(text)
    case ("text", .string(let text)): return .text(text)
    case ("integer", .int64(let integer)): return .integer(Int(integer))
    case ("number", .double(let number)): return .number(number)
    case ("number", .int64(let integer)): return .number(Double(integer))
    case ("boolean", .int64(let integer)) where integer == 0 || integer == 1: return .boolean(integer == 1)
    case ("codes", .string(let text)):
      guard let codes = parseArray(text) else { throw invalid() }
      return .codes(codes)
    case ("na", .null): return .notApplicable
    default: throw invalid()
    }
  }

  /// Reads what `AnswerValue.codes(…).jsonText` wrote: a fast path for plain codes, JSON otherwise.
  static func parseArray(_ text: String) -> [String]? {
    if text == "[]" { return [] }
    if !text.contains("\\"), text.hasPrefix("[\""), text.hasSuffix("\"]") {
      let inner = text.dropFirst(2).dropLast(2)
      let parts = inner.components(separatedBy: "\",\"")
      if !parts.contains(where: { $0.contains("\"") }) { return parts }
    }
    guard let data = text.data(using: .utf8) else { return nil }
    return try? JSONDecoder().decode([String].self, from: data)
  }
}
