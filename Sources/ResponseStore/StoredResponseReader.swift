import BilanBase
import Foundation
import GRDB
internal import GRDBSQLite
import SurveyDefinition

/// Reads responses with SQLite's C API: the rows of a responses statement
/// (the columns of `SQLiteResponseStore.responseColumns`), each response's
/// answers from an answers statement (`key, type, value` of one
/// `response_id`, sorted by key) and, when asked, its contacts (`key, value`).
///
/// Decodes as `Row` subscripts and `StoredAnswer.decode` would, without
/// their per-value cost: column bytes are read in place, the `type` column
/// is told by its bytes, keys, codes and the response's repeated texts are
/// interned (`TextInterner`), and a value that does not fit its type goes
/// to `StoredAnswer.decode` for the same `StoreError`. Reading the answers
/// apart (rather than joined) spares SQLite re-reading the 13 response
/// columns on every answer row.
struct StoredResponseReader {
  let path: String
  /// Answer keys, each looked for first among the previous response's keys.
  private var keys = TextInterner()
  /// Codes, survey ids, schema hashes, languages, sources and devices.
  private var texts = TextInterner()
  /// The entries of the previous and current responses' keys, in row order (-1: not interned).
  private var previousKeys: [Int32] = []
  private var currentKeys: [Int32] = []
  /// Where in `previousKeys` the next key is looked for.
  private var previousCursor = 0
  /// How many answers the previous response had (to size the next one's dictionary).
  private var previousCount = 0

  init(path: String) {
    self.path = path
  }

  /// Steps `responses` (arguments bound) to its end and calls `body` with
  /// each response, its answers and, when `contacts` is given, its contacts read first.
  mutating func read(
    _ responses: Statement, answers: Statement, contacts: Statement?, _ db: Database,
    _ body: (Response) throws -> Void
  ) throws {
    let sqlite = responses.sqliteStatement
    while try Self.step(responses, db) {
      let row = sqlite3_column_int64(sqlite, 0)
      var response = try response(sqlite)
      response.answers = try readAnswers(answers, row: row, response: response.id, db)
      if let contacts { response.contacts = try readContacts(contacts, row: row, db) }
      try body(response)
    }
  }

  /// Binds `row` (the `response_id`) to a one-response statement, reset first.
  private static func bind(_ statement: Statement, row: Int64) {
    let sqlite = statement.sqliteStatement
    sqlite3_reset(sqlite)
    sqlite3_bind_int64(sqlite, 1, row)
  }

  /// Moves to the next row: `false` at the end; a failure as GRDB's cursors report it.
  private static func step(_ statement: Statement, _ db: Database) throws -> Bool {
    switch sqlite3_step(statement.sqliteStatement) {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    case let code:
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql,
        arguments: statement.arguments)
    }
  }

  // MARK: Columns

  /// The bytes of a column read as text (numbers converted by SQLite), up to
  /// the first NUL as `String(cString:)` reads them; `nil` for NULL (the
  /// only value SQLite gives no text for, memory aside).
  private static func text(_ sqlite: SQLiteStatement, _ column: CInt) -> UnsafeBufferPointer<UInt8>? {
    guard let bytes = sqlite3_column_text(sqlite, column) else { return nil }
    return UnsafeBufferPointer(start: bytes, count: strlen(bytes))
  }

  private static func string(_ sqlite: SQLiteStatement, _ column: CInt) -> String {
    text(sqlite, column).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }

  private static func equals(_ text: UnsafeBufferPointer<UInt8>?, _ name: StaticString) -> Bool {
    guard let text, text.count == name.utf8CodeUnitCount else { return false }
    return text.isEmpty || memcmp(text.baseAddress!, name.utf8Start, text.count) == 0
  }

  // MARK: Responses

  private mutating func response(_ sqlite: SQLiteStatement) throws -> Response {
    let uuid = Self.text(sqlite, 1)
    guard let id = uuid.flatMap(Self.uuid) ?? UUID(uuidString: Self.string(sqlite, 1)) else {
      throw StoreError.corrupt(path: path, detail: "response id '\(Self.string(sqlite, 1))' is not a UUID")
    }
    func date(_ column: CInt, _ name: String) throws -> Date? {
      guard let text = Self.text(sqlite, column) else { return nil }
      guard let date = Timestamp.date(utf8: text) else {
        throw StoreError.invalidStoredValue(
          path: path, response: id, key: name,
          detail: "'\(String(decoding: text, as: UTF8.self))' is not a time")
      }
      return date
    }
    let status: Response.Status = Self.equals(Self.text(sqlite, 5), "complete") ? .complete : .partial
    let sourceKind = Self.text(sqlite, 9)
    let source: Response.Source
    if Self.equals(sourceKind, "file") {
      source = .file(name: optionalText(sqlite, 10) ?? "", hash: optionalText(sqlite, 11) ?? "")
    } else if Self.equals(sourceKind, "synthetic") {
      source = .synthetic
    } else {
      source = .terminal
    }
    return Response(
      id: id, surveyID: optionalText(sqlite, 2) ?? "", surveyVersion: Int(sqlite3_column_int64(sqlite, 3)),
      schemaHash: optionalText(sqlite, 4) ?? "", status: status, language: optionalText(sqlite, 6) ?? "",
      startedAt: try date(7, "started_at") ?? Date(timeIntervalSince1970: 0),
      submittedAt: try date(8, "submitted_at"), source: source, device: optionalText(sqlite, 12))
  }

  /// An interned text column, `nil` for NULL.
  private mutating func optionalText(_ sqlite: SQLiteStatement, _ column: CInt) -> String? {
    Self.text(sqlite, column).map { texts.string($0) }
  }

  /// A UUID written `8-4-4-4-12` in hexadecimal digits; `nil` for anything
  /// else (then `UUID(uuidString:)` decides).
  static func uuid(_ text: UnsafeBufferPointer<UInt8>) -> UUID? {
    guard text.count == 36 else { return nil }
    var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    let valid = withUnsafeMutableBytes(of: &bytes) { bytes -> Bool in
      var index = 0
      for position in 0..<16 {
        if index == 8 || index == 13 || index == 18 || index == 23 {
          guard text[index] == UInt8(ascii: "-") else { return false }
          index += 1
        }
        guard let high = hexDigit(text[index]), let low = hexDigit(text[index + 1]) else { return false }
        bytes[position] = high << 4 | low
        index += 2
      }
      return true
    }
    return valid ? UUID(uuid: bytes) : nil
  }

  private static func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  // MARK: Answers

  private mutating func readAnswers(
    _ statement: Statement, row: Int64, response id: UUID, _ db: Database
  ) throws -> Answers {
    Self.bind(statement, row: row)
    swap(&previousKeys, &currentKeys)
    currentKeys.removeAll(keepingCapacity: true)
    previousCursor = 0
    var answers = Answers(minimumCapacity: previousCount)
    while try Self.step(statement, db) {
      if let (key, value) = try answer(statement.sqliteStatement, response: id) {
        answers[key] = value
      }
    }
    previousCount = answers.count
    return answers
  }

  /// The answer on the current row (`nil` for a NULL key, which the table does not allow).
  private mutating func answer(_ sqlite: SQLiteStatement, response id: UUID) throws -> (String, AnswerValue)?
  {
    let keyColumn: CInt = 0
    guard let keyBytes = Self.text(sqlite, keyColumn) else { return nil }
    let entry = keyEntry(keyBytes)
    currentKeys.append(entry ?? -1)
    let key = entry.map { keys.string($0) } ?? String(decoding: keyBytes, as: UTF8.self)

    let valueColumn = keyColumn + 2
    let storage = sqlite3_column_type(sqlite, valueColumn)
    let value: AnswerValue?
    switch (Self.text(sqlite, keyColumn + 1).flatMap(StoredAnswer.Kind.init(utf8:)), storage) {
    case (.code, SQLITE_TEXT):
      value = Self.text(sqlite, valueColumn).map { .code(texts.string($0)) }
    case (.text, SQLITE_TEXT):
      value = Self.text(sqlite, valueColumn).map { .text(String(decoding: $0, as: UTF8.self)) }
    case (.integer, SQLITE_INTEGER):
      value = .integer(Int(sqlite3_column_int64(sqlite, valueColumn)))
    case (.number, SQLITE_FLOAT):
      value = .number(sqlite3_column_double(sqlite, valueColumn))
    case (.number, SQLITE_INTEGER):
      value = .number(Double(sqlite3_column_int64(sqlite, valueColumn)))
    case (.boolean, SQLITE_INTEGER):
      let flag = sqlite3_column_int64(sqlite, valueColumn)
      value = flag == 0 || flag == 1 ? .boolean(flag == 1) : nil
    case (.codes, SQLITE_TEXT):
      value = Self.text(sqlite, valueColumn)
        .flatMap { StoredAnswer.parseArray(utf8: $0, string: { texts.string($0) }) }
        .map { .codes($0) }
    case (.notApplicable, SQLITE_NULL):
      value = .notApplicable
    default:
      value = nil
    }
    if let value { return (key, value) }
    // Not a value of its type: the reference decoding gives the error.
    return (
      key,
      try StoredAnswer.decode(
        type: Self.string(sqlite, keyColumn + 1),
        value: DatabaseValue(sqliteStatement: sqlite, index: valueColumn), path: path, response: id, key: key)
    )
  }

  /// The interned entry of an answer key. Keys come sorted (as SQLite
  /// compares text: bytes, then length), and most are the previous
  /// response's: walking its keys alongside finds them without hashing.
  private mutating func keyEntry(_ text: UnsafeBufferPointer<UInt8>) -> Int32? {
    while previousCursor < previousKeys.count {
      let candidate = previousKeys[previousCursor]
      let order = candidate < 0 ? -1 : keys.compare(candidate, text)
      if order > 0 { break }
      previousCursor += 1
      if order == 0 { return candidate }
    }
    return keys.entry(text)
  }

  // MARK: Contacts

  private mutating func readContacts(
    _ statement: Statement, row: Int64, _ db: Database
  ) throws -> [String: String] {
    let sqlite = statement.sqliteStatement
    Self.bind(statement, row: row)
    var contacts: [String: String] = [:]
    while try Self.step(statement, db) {
      guard let key = Self.text(sqlite, 0) else { continue }
      contacts[keys.string(key)] = Self.text(sqlite, 1).map { String(decoding: $0, as: UTF8.self) }
    }
    return contacts
  }
}
