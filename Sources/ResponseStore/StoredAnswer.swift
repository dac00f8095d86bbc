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
    if let parts = splitPlainArray(text) { return parts }
    guard let data = text.data(using: .utf8) else { return nil }
    return try? JSONDecoder().decode([String].self, from: data)
  }

  /// `["a","b"]` read byte by byte (Foundation's string search is slow on
  /// Linux, and this runs for every stored list): `nil` unless the text is
  /// `["…"]` with no backslash and no quote other than the `","` separators.
  static func splitPlainArray(_ text: String) -> [String]? {
    let quote = UInt8(ascii: "\"")
    let comma = UInt8(ascii: ",")
    let split = { (bytes: UnsafeBufferPointer<UInt8>) -> [String]? in
      let count = bytes.count
      guard count >= 4, bytes[0] == UInt8(ascii: "["), bytes[1] == quote, bytes[count - 2] == quote,
        bytes[count - 1] == UInt8(ascii: "]")
      else { return nil }
      var parts: [String] = []
      var start = 2
      var index = 2
      let end = count - 2
      while index < end {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\\") { return nil }
        if byte == quote {
          // Only `","` may hold a quote inside.
          guard index + 2 < end, bytes[index + 1] == comma, bytes[index + 2] == quote else { return nil }
          parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
          index += 3
          start = index
          continue
        }
        index += 1
      }
      parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
      return parts
    }
    if let parts = text.utf8.withContiguousStorageIfAvailable(split) { return parts }
    var copy = text
    return copy.withUTF8(split)
  }
}
