import BilanBase
import Foundation
import SurveyDefinition

/// Reads responses from a file for `bilan import`: JSON Lines, wide CSV,
/// a Google Forms CSV export, or another bilan store (`spec/cli.md`).
///
/// Every value is checked with the survey's answer rules (the same as the
/// questionnaire's: `SurveyFlow.checkResponse`). A file with any problem is
/// rejected whole, with every problem found; nothing of it is returned.
/// Responses read without an id get one derived from their content
/// (`ContentIdentity`), so a re-export, an appended file or a re-saved one
/// adds only the responses that are new.
public struct ResponseImporter: Sendable {
  public enum Format: String, Sendable, CaseIterable {
    case jsonl
    case csv
    case googleForms = "google-forms"
    case store
  }

  /// What reading a file gave: responses ready to insert, with what the
  /// store should record.
  public struct Batch: Sendable {
    public var format: Format
    public var responses: [Response]
    /// The answer schemas the responses were answered with.
    public var schemas: [SchemaRecord]
    /// The file, to record it in the store.
    public var source: ImportRecord
    /// Responses answered with an earlier definition (store merges), kept as
    /// they were; `bilan lint --store` explains the differences.
    public var earlierSchemaCount: Int
    /// The follow-up tokens of the responses (store merges), copied with them.
    public var tokens = FollowUpTokens()
  }

  public let survey: Survey
  let flow: SurveyFlow
  /// When the import runs: the time recorded for the file and, for rows
  /// without one, the start time.
  public var now: Date

  public init(survey: Survey, now: Date = Date()) {
    self.survey = survey
    self.flow = SurveyFlow(survey)
    self.now = Timestamp.truncated(now)
  }

  /// Reads a whole file. `name` is how problems name it (`-` for standard
  /// input); `path`, when the file is on disk, lets a store's `-wal` file be
  /// read beside it. Without `format`, the content decides (`detectFormat`).
  public func read(
    _ data: Data, name: String, path: String? = nil, format: Format? = nil
  ) throws(ImportError) -> Batch {
    let format = format ?? Self.detectFormat(data)
    // A store's changes may still be in its write-ahead log (the laptop's bilan still open):
    // the file is what the two hold together, so the same main file with more in its log is new.
    var hashed = data
    if format == .store, let path, let wal = FileManager.default.contents(atPath: path + "-wal") {
      hashed.append(wal)
    }
    let hash = ContentHash.hex(of: hashed)
    let source = ImportRecord(hash: hash, name: name, importedAt: now)
    var batch: Batch
    switch format {
    case .jsonl:
      batch = try readJSONLines(data, name: name, hash: hash)
    case .csv:
      batch = try readCSV(data, name: name, hash: hash)
    case .googleForms:
      batch = try readGoogleForms(data, name: name, hash: hash)
    case .store:
      batch = try readStore(data, name: name, path: path)
    }
    batch.source = source
    return batch
  }

  /// The format of a file by its content (`spec/cli.md`): SQLite's header
  /// means a store; a first non-blank byte `{` JSON Lines; a first column
  /// `Timestamp` or `Horodateur` a Google Forms export; anything else CSV.
  public static func detectFormat(_ data: Data) -> Format {
    if data.starts(with: Data("SQLite format 3\0".utf8)) { return .store }
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "{")
    {
      return .jsonl
    }
    let firstLine = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
    let firstCell =
      String(decoding: firstLine, as: UTF8.self)
      .split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first
      .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) } ?? ""
    if ["timestamp", "horodateur", "horodatage"].contains(firstCell.lowercased()) { return .googleForms }
    return .csv
  }

  // MARK: Text

  /// The file as UTF-8 text, without a byte-order mark; a file that is not
  /// UTF-8 (Latin-1, Windows-1252, UTF-16) is refused with the line of the
  /// first bad byte.
  func text(_ data: Data, name: String) throws(ImportError) -> String {
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw .rejected(
        file: name,
        problems: [ImportProblem(line: nil, "the file is UTF-16; save it as UTF-8 and import it again")])
    }
    if let text = String(validating: bytes, as: UTF8.self) {
      if text.contains("\0") {
        let line = text.prefix { $0 != "\0" }.filter { $0 == "\n" || $0 == "\r\n" }.count + 1
        throw .rejected(
          file: name,
          problems: [ImportProblem(line: line, "the file contains a NUL byte: it is not a text file")])
      }
      return text
    }
    // Find the first byte that breaks UTF-8, to say where.
    var line = 1
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let end = bytes.index(index, offsetBy: 4, limitedBy: bytes.endIndex) ?? bytes.endIndex
      var length = 1
      let lead = bytes[index]
      if lead >= 0xC0 { length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2 }
      let stop = min(bytes.index(index, offsetBy: length, limitedBy: end) ?? end, end)
      if lead >= 0x80 && String(validating: bytes[index..<stop], as: UTF8.self) == nil {
        let byte = String(format: "0x%02X", lead)
        throw .rejected(
          file: name,
          problems: [
            ImportProblem(
              line: line,
              "not UTF-8 text (byte \(byte); the file looks like Latin-1 or Windows-1252): "
                + "save it as UTF-8 and import it again")
          ])
      }
      if lead == 0x0A { line += 1 }
      index = stop
    }
    throw .rejected(file: name, problems: [ImportProblem(line: nil, "not UTF-8 text")])
  }

  // MARK: JSON Lines

  private static let jsonFields: Set<String> = [
    "id", "survey", "survey_version", "status", "language", "started_at", "submitted_at", "answers",
  ]

  func readJSONLines(_ data: Data, name: String, hash: String) throws(ImportError) -> Batch {
    let text = try text(data, name: name)
    var problems: [ImportProblem] = []
    var responses: [Response] = []
    var seen: [UUID: Int] = [:]
    var identity = ContentIdentity(kind: "content", surveyID: survey.id)
    var lineNumber = 0
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.isEmpty { continue }
      func problem(_ message: String) { problems.append(ImportProblem(line: lineNumber, message)) }
      guard
        let object = try? JSONSerialization.jsonObject(
          with: Data(trimmed.utf8), options: [.fragmentsAllowed]),
        let fields = object as? [String: Any]
      else {
        problem(
          trimmed.hasPrefix("{") && !trimmed.hasSuffix("}")
            ? "the JSON object is cut short (truncated file?)" : "not a JSON object")
        continue
      }
      for key in fields.keys.sorted() where !Self.jsonFields.contains(key) {
        problem("unknown field '\(key)'; expected \(Self.jsonFields.sorted().joined(separator: ", "))")
      }
      let before = problems.count
      let header = ResponseHeader(
        id: fields["id"] as? String, survey: fields["survey"] as? String,
        version: fields["survey_version"].map { value in
          (value as? NSNumber).map { "\($0)" } ?? JSONText.quoted("\(value)")
        },
        status: fields["status"] as? String, language: fields["language"] as? String,
        startedAt: fields["started_at"] as? String, submittedAt: fields["submitted_at"] as? String,
        hasSubmittedAt: fields["submitted_at"] != nil && !(fields["submitted_at"] is NSNull))
      // An object without an id (made by hand or by another tool) is read
      // like a CSV row: its id comes from its content, other fields default.
      let meta = checkHeader(
        header, lenient: fields["id"] == nil, line: lineNumber, seen: &seen, report: problem)
      guard let answerObject = fields["answers"] as? [String: Any] else {
        problem("'answers' must be an object of answer key → value")
        continue
      }
      let typed = flow.typedAnswers(json: answerObject)
      for answerProblem in typed.problems { problem(answerProblem.description) }
      let complete = meta.map { $0.status == .complete } ?? (header.status != "partial")
      for answerProblem in flow.checkResponse(
        answers: typed.answers, contacts: typed.contacts, complete: complete, requireContacts: false)
      where answerProblem.error != .unknownKey(key: answerProblem.key) {
        problem(answerProblem.description)
      }
      guard let meta, problems.count == before else { continue }
      responses.append(
        response(
          meta, answers: typed.answers, contacts: typed.contacts, source: .file(name: name, hash: hash),
          identity: &identity))
    }
    if responses.isEmpty && problems.isEmpty {
      problems.append(ImportProblem(line: nil, "no responses in the file"))
    }
    guard problems.isEmpty else { throw .rejected(file: name, problems: problems) }
    return Batch(
      format: .jsonl, responses: responses, schemas: [SchemaRecord(survey)],
      source: ImportRecord(hash: hash, name: name, importedAt: now), earlierSchemaCount: 0)
  }

  // MARK: Response header (shared by JSON Lines and CSV)

  /// A response's own fields as read from a file, before checking.
  struct ResponseHeader {
    var id: String?
    var survey: String?
    /// As written (a JSON number's text, or a CSV cell).
    var version: String?
    var status: String?
    var language: String?
    var startedAt: String?
    var submittedAt: String?
    var hasSubmittedAt: Bool
  }

  struct CheckedHeader {
    /// `nil` when the record gave none: the id is then derived from the
    /// response's content (`ContentIdentity`).
    var id: UUID?
    var version: Int
    var status: Response.Status
    var language: String
    var startedAt: Date
    var submittedAt: Date?
    /// The times the record itself gave (not filled in), for `ContentIdentity`.
    var givenTimes: [Date?]
  }

  /// Checks the response's own fields. With `lenient` (CSV rows, JSON
  /// objects without an `id`), a missing or empty field takes its default
  /// and a missing id is left for the content to decide; otherwise (JSON
  /// Lines with an id, as exported) every field is required.
  func checkHeader(
    _ header: ResponseHeader, lenient: Bool, line: Int, seen: inout [UUID: Int],
    report: (String) -> Void
  ) -> CheckedHeader? {
    var valid = true
    func fail(_ message: String) {
      report(message)
      valid = false
    }
    var id: UUID?
    if let text = header.id, !(text.isEmpty && lenient) {
      id = UUID(uuidString: text)
      if id == nil { fail("id '\(text)' is not a UUID") }
    } else if !lenient {
      fail("'id' is missing (a UUID)")
    }
    if let id {
      if let previous = seen[id] {
        fail("duplicate id \(id.uuidString.lowercased()) (also on line \(previous))")
      } else {
        seen[id] = line
      }
    }
    if let survey = header.survey, survey != self.survey.id, !(survey.isEmpty && lenient) {
      fail("response of survey '\(survey)', not '\(self.survey.id)'")
    } else if header.survey == nil && !lenient {
      fail("'survey' is missing")
    }
    var version = self.survey.version
    if let text = header.version, !(text.isEmpty && lenient) {
      if let whole = Int(text), whole >= 1 {
        version = whole
      } else {
        fail("survey_version \(text) is not a positive whole number")
      }
    } else if !lenient {
      fail("'survey_version' is missing (an integer)")
    }
    var status = Response.Status.complete
    if let text = header.status, !(text.isEmpty && lenient) {
      if let parsed = Response.Status(rawValue: text) {
        status = parsed
      } else {
        fail("status '\(text)' is neither 'partial' nor 'complete'")
      }
    } else if !lenient {
      fail("'status' is missing ('partial' or 'complete')")
    }
    var language = self.survey.defaultLanguage
    if let text = header.language, !(text.isEmpty && lenient) {
      if self.survey.languages.contains(text) {
        language = text
      } else {
        fail(
          "language '\(text)' is not one of the survey's (\(self.survey.languages.joined(separator: ", ")))")
      }
    } else if !lenient {
      fail("'language' is missing")
    }
    var startedAt = now
    if let text = header.startedAt, !(text.isEmpty && lenient) {
      if let date = Timestamp.date(from: text) {
        startedAt = date
      } else {
        fail("started_at '\(text)' is not a time like 2015-03-05T16:41:07Z")
      }
    } else if !lenient {
      fail("'started_at' is missing (a time like 2015-03-05T16:41:07Z)")
    }
    var submittedAt: Date?
    if let text = header.submittedAt, !text.isEmpty {
      if let date = Timestamp.date(from: text) {
        submittedAt = date
      } else {
        fail("submitted_at '\(text)' is not a time like 2015-03-05T16:49:52Z")
      }
    } else if header.hasSubmittedAt {
      fail("submitted_at must be a time like 2015-03-05T16:49:52Z")
    }
    if status == .partial && submittedAt != nil {
      fail("a partial response has no submitted_at")
    }
    if status == .complete && submittedAt == nil && valid {
      if lenient {
        submittedAt = startedAt
      } else {
        fail("'submitted_at' is missing for a complete response")
      }
    }
    if let submittedAt, submittedAt < Timestamp.truncated(startedAt) {
      fail("submitted_at is before started_at")
    }
    guard valid else { return nil }
    let given = [header.startedAt, header.submittedAt].map { text in
      text.flatMap { $0.isEmpty ? nil : Timestamp.date(from: $0).map(Timestamp.truncated) }
    }
    return CheckedHeader(
      id: id, version: version, status: status, language: language, startedAt: startedAt,
      submittedAt: submittedAt, givenTimes: given)
  }

  /// The response, its id taken from the header or else from its content.
  func response(
    _ header: CheckedHeader, answers: Answers, contacts: [String: String], source: Response.Source,
    identity: inout ContentIdentity
  ) -> Response {
    let id =
      header.id ?? identity.id(answers: answers, contacts: contacts, times: header.givenTimes)
    return Response(
      id: id, surveyID: survey.id, surveyVersion: header.version, schemaHash: survey.schemaHash,
      status: header.status, language: header.language, startedAt: Timestamp.truncated(header.startedAt),
      submittedAt: header.submittedAt.map(Timestamp.truncated), source: source, answers: answers,
      contacts: contacts)
  }
}
