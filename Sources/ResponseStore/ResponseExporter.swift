import BilanBase
import CSV
import Foundation
import SurveyDefinition

/// Writes every response of a survey as JSON Lines or wide CSV
/// (`spec/cli.md`, "Export"), partial ones included with their status.
///
/// Responses are read one at a time and written in chunks, so memory does not
/// grow with the store. Output is deterministic: the same store gives the
/// same bytes.
public struct ResponseExporter: Sendable {
  public enum Format: String, Sendable, CaseIterable {
    case jsonl
    case csv
    /// The mail merge of a follow-up: email, token, language (`TokenExport`).
    case tokens
  }

  public var survey: Survey
  public var format: Format
  /// CSV only: labels in `language` instead of codes.
  public var labels: Bool
  /// Export contact data (email questions); off by default.
  public var includeContacts: Bool
  /// The language of labels (default: the survey's first).
  public var language: String

  private let flow: SurveyFlow

  public init(
    survey: Survey, format: Format, labels: Bool = false, includeContacts: Bool = false,
    language: String? = nil
  ) {
    self.survey = survey
    self.format = format
    self.labels = labels
    self.includeContacts = includeContacts
    self.language = language ?? survey.defaultLanguage
    self.flow = SurveyFlow(survey)
  }

  /// Writes the export of `store`'s responses to `output`, a chunk at a time.
  /// Returns how many responses were written.
  @discardableResult
  public func write(
    from store: any ResponseRepository, to output: (Data) throws -> Void
  ) throws -> Int {
    var buffer = Data()
    var count = 0
    func flushIfLarge() throws {
      if buffer.count >= 1 << 16 {
        try output(buffer)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    switch format {
    case .jsonl:
      try store.forEachResponse(survey: survey.id, includePartial: true, includeContacts: includeContacts) {
        response in
        buffer.append(contentsOf: jsonLine(response).utf8)
        buffer.append(0x0A)
        count += 1
        try flushIfLarge()
      }
    case .csv:
      let layout = try csvLayout(store: store)
      buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
      var rows = [layout.columns.map(\.header)]
      try store.forEachResponse(survey: survey.id, includePartial: true, includeContacts: includeContacts) {
        response in
        rows.append(csvRow(response, layout: layout))
        count += 1
        if rows.count >= 256 {
          buffer.append(try Self.csvRows(rows))
          rows.removeAll(keepingCapacity: true)
          try flushIfLarge()
        }
      }
      if !rows.isEmpty { buffer.append(try Self.csvRows(rows)) }
    case .tokens:
      let export = try TokenExport.csv(survey: survey, store: store)
      buffer = export.data
      count = export.rows
    }
    if !buffer.isEmpty { try output(buffer) }
    return count
  }

  // MARK: JSON Lines

  /// One response as the export's JSON object, keys in the spec's order and
  /// answers in the survey's order (keys the survey no longer has last).
  public func jsonLine(_ response: Response) -> String {
    var line = "{\"id\":\"\(response.id.uuidString.lowercased())\""
    line += ",\"survey\":" + JSONText.quoted(response.surveyID)
    line += ",\"survey_version\":\(response.surveyVersion)"
    line += ",\"status\":\"\(response.status.rawValue)\""
    line += ",\"language\":" + JSONText.quoted(response.language)
    line += ",\"started_at\":\"\(Timestamp.string(from: response.startedAt))\""
    if let submitted = response.submittedAt {
      line += ",\"submitted_at\":\"\(Timestamp.string(from: submitted))\""
    }
    line += ",\"answers\":{"
    let contacts = includeContacts ? response.contacts : [:]
    var first = true
    for key in flow.jsonKeys(answers: response.answers, contacts: contacts) {
      let value = response.answers[key].map(\.jsonText) ?? contacts[key].map(JSONText.quoted) ?? "null"
      line += (first ? "" : ",") + JSONText.quoted(key) + ":" + value
      first = false
    }
    return line + "}}"
  }

  // MARK: CSV

  /// The columns, with extra ones for answers the current definition no
  /// longer describes (found in responses answered with another schema).
  func csvLayout(store: any ResponseRepository) throws -> CSVLayout {
    let current = survey.schemaHash
    let others = try store.storedSchemas(survey: survey.id).filter {
      $0.hash != current && $0.responseCount > 0
    }
    var extraCodes: [String: [String]] = [:]
    var extraRanks: [String: Int] = [:]
    var extraKeys: Set<String> = []
    if !others.isEmpty {
      try store.forEachResponse(survey: survey.id, includePartial: true, includeContacts: includeContacts) {
        response in
        guard response.schemaHash != current else { return }
        for (key, value) in response.answers {
          guard let field = flow.field(forKey: key) else {
            extraKeys.insert(key)
            continue
          }
          guard !field.isOther, case .codes(let codes) = value else { continue }
          switch field.question.kind {
          case .multiple(let choices, let other, _, _, _):
            let known = Set(choices.map(\.code) + (other ? ["other"] : []))
            for code in codes where !known.contains(code) && !(extraCodes[key] ?? []).contains(code) {
              extraCodes[key, default: []].append(code)
            }
          case .ranking(let choices, let pick):
            if codes.count > min(pick, choices.count) {
              extraRanks[key] = max(extraRanks[key] ?? 0, codes.count)
            }
          default:
            extraKeys.insert(key)
          }
        }
        for key in response.contacts.keys where flow.field(forKey: key) == nil { extraKeys.insert(key) }
      }
    }
    return CSVLayout(
      flow: flow, includeContacts: includeContacts, extraCodes: extraCodes.mapValues { $0.sorted() },
      extraRanks: extraRanks,
      extraKeys: extraKeys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
  }

  func csvRow(_ response: Response, layout: CSVLayout) -> [String] {
    layout.columns.map { column in
      switch column {
      case .meta(let name):
        switch name {
        case "id": return response.id.uuidString.lowercased()
        case "survey": return FormulaGuard.guarded(response.surveyID)
        case "survey_version": return String(response.surveyVersion)
        case "status": return response.status.rawValue
        case "language": return FormulaGuard.guarded(response.language)
        case "started_at": return Timestamp.string(from: response.startedAt)
        default: return response.submittedAt.map(Timestamp.string(from:)) ?? ""
        }
      case .value(let key):
        if let contact = response.contacts[key] { return FormulaGuard.guarded(contact) }
        guard let value = response.answers[key] else { return "" }
        return cell(value, field: flow.field(forKey: key))
      case .choice(let key, let code):
        guard case .codes(let codes)? = response.answers[key] else { return "" }
        return codes.contains(code) ? "1" : "0"
      case .rank(let key, let rank):
        guard case .codes(let codes)? = response.answers[key], rank <= codes.count else { return "" }
        return FormulaGuard.guarded(label(code: codes[rank - 1], field: flow.field(forKey: key)))
      }
    }
  }

  private func cell(_ value: AnswerValue, field: AnswerField?) -> String {
    switch value {
    case .code(let code): FormulaGuard.guarded(label(code: code, field: field))
    case .text(let text): FormulaGuard.guarded(text)
    case .integer(let integer): String(integer)
    case .number(let number): value.jsonText == "null" ? "" : String(describing: number)
    case .boolean(let flag): labels ? Self.booleanLabel(flag, language: language) : (flag ? "true" : "false")
    case .codes(let codes):
      FormulaGuard.guarded(codes.map { label(code: $0, field: field) }.joined(separator: ", "))
    case .notApplicable: "na"
    }
  }

  private func label(code: String, field: AnswerField?) -> String {
    guard labels, let field else { return code }
    if code == "other", field.question.kind.hasOther { return Self.otherLabel(language: language) }
    return field.question.kind.choices?.choice(code)?.label.text(language) ?? code
  }

  /// "Oui"/"Non" in French, "Yes"/"No" otherwise.
  static func booleanLabel(_ flag: Bool, language: String) -> String {
    language.hasPrefix("fr") ? (flag ? "Oui" : "Non") : (flag ? "Yes" : "No")
  }

  /// The label of the "Other (specify)" choice.
  static func otherLabel(language: String) -> String {
    language.hasPrefix("fr") ? "Autre" : "Other"
  }

  /// Rows as CSV (yaslab/CSV.swift), each ending with CRLF.
  static func csvRows(_ rows: [[String]]) throws -> Data {
    let stream = OutputStream.toMemory()
    stream.open()
    defer { stream.close() }
    let writer = try CSVWriter(stream: stream, newline: .crlf)
    for row in rows { try writer.write(row: row) }
    var data = (stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data) ?? Data()
    data.append(contentsOf: [0x0D, 0x0A])
    return data
  }
}
