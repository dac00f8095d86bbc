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
package enum StoredAnswer {
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

  /// The `type` column's values, told apart by their bytes (no `String` made).
  enum Kind {
    case code, text, integer, number, boolean, codes, notApplicable

    /// The kind the `type` bytes name; `nil` for anything else.
    init?(utf8 type: UnsafeBufferPointer<UInt8>) {
      func equals(_ name: StaticString) -> Bool {
        type.count == name.utf8CodeUnitCount && memcmp(type.baseAddress!, name.utf8Start, type.count) == 0
      }
      switch type.count {
      case 2 where equals("na"): self = .notApplicable
      case 4 where equals("code"): self = .code
      case 4 where equals("text"): self = .text
      case 5 where equals("codes"): self = .codes
      case 6 where equals("number"): self = .number
      case 7 where equals("integer"): self = .integer
      case 7 where equals("boolean"): self = .boolean
      default: return nil
      }
    }
  }

  /// `parseArray(_:)` on the UTF-8 bytes of the text, each code made by
  /// `string` (which may intern it). Same results: the plain case
  /// (`["a","b"]`) is split on the bytes; whatever the bytes alone cannot
  /// settle the way `parseArray(_:)` would goes to it.
  static func parseArray(
    utf8 text: UnsafeBufferPointer<UInt8>, string: (UnsafeBufferPointer<UInt8>) -> String
  ) -> [String]? {
    if let codes = plainArray(text, string) { return codes }
    return parseArray(String(decoding: text, as: UTF8.self))
  }

  /// The codes of `["a","b"]` written without escapes, or `nil` when the
  /// bytes do not settle it.
  ///
  /// `parseArray(_:)` looks at `Character`s: a byte split agrees with it
  /// when no quote is inside a code and the bytes next to each structural
  /// quote are ASCII (a non-ASCII neighbour could join the quote into one
  /// grapheme: a combining mark after it, a prepended mark before it).
  private static func plainArray(
    _ text: UnsafeBufferPointer<UInt8>, _ string: (UnsafeBufferPointer<UInt8>) -> String
  ) -> [String]? {
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), backslash = UInt8(ascii: "\\")
    let count = text.count
    if count == 2, text[0] == UInt8(ascii: "["), text[1] == UInt8(ascii: "]") { return [] }
    guard count >= 4, text[0] == UInt8(ascii: "["), text[1] == quote, text[count - 2] == quote,
      text[count - 1] == UInt8(ascii: "]")
    else { return nil }
    let end = count - 2
    var codes: [String] = []
    var start = 2
    var index = 2
    func part(upTo stop: Int) -> Bool {
      if stop > start {
        guard text[start] < 0x80, text[stop - 1] < 0x80 else { return false }
      }
      codes.append(string(UnsafeBufferPointer(rebasing: text[start..<stop])))
      return true
    }
    while index < end {
      let byte = text[index]
      if byte == backslash { return nil }
      if byte == quote {
        // Only a separator may hold a quote.
        guard index + 2 < end, text[index + 1] == comma, text[index + 2] == quote, part(upTo: index) else {
          return nil
        }
        index += 3
        start = index
      } else {
        index += 1
      }
    }
    guard part(upTo: end) else { return nil }
    return codes
  }

  /// Reads what `AnswerValue.codes(…).jsonText` wrote: a fast path for plain codes, JSON otherwise.
  package static func parseArray(_ text: String) -> [String]? {
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
