import BilanBase
import CSV
import Foundation
import SurveyDefinition

/// One record of a CSV file and the line it starts on.
struct CSVRecord {
  var line: Int
  var fields: [String]

  var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
}

extension ResponseImporter {
  /// The records of a CSV text (yaslab/CSV.swift), with the line each one
  /// starts on: a quoted field with line breaks spans several lines.
  func csvRecords(_ text: String, name: String) throws(ImportError) -> [CSVRecord] {
    let reader: CSVReader
    do {
      reader = try CSVReader(string: text, hasHeaderRow: false)
    } catch {
      throw .rejected(file: name, problems: [ImportProblem(line: nil, "not a CSV file (\(error))")])
    }
    var records: [CSVRecord] = []
    var line = 1
    while let fields = reader.next() {
      records.append(CSVRecord(line: line, fields: fields))
      var breaks = 0
      for field in fields {
        var previousCR = false
        for scalar in field.unicodeScalars {
          if scalar == "\n" {
            if !previousCR { breaks += 1 }
          } else if scalar == "\r" {
            breaks += 1
          }
          previousCR = scalar == "\r"
        }
      }
      line += 1 + breaks
    }
    if let error = reader.error {
      throw .rejected(file: name, problems: [ImportProblem(line: line, "cannot read the CSV (\(error))")])
    }
    // Quotes come in pairs in a well-formed CSV (a doubled "" inside a quoted
    // field counts twice): an odd count means a quoted field never closed,
    // which swallows the rest of the file into one field.
    if text.unicodeScalars.lazy.filter({ $0 == "\"" }).count % 2 == 1 {
      throw .rejected(
        file: name,
        problems: [
          ImportProblem(
            line: records.last?.line,
            "a quoted field is never closed (a missing \" or a file cut short?)")
        ])
    }
    return records
  }

  // MARK: Wide CSV

  func readCSV(_ data: Data, name: String, hash: String) throws(ImportError) -> Batch {
    let text = try text(data, name: name)
    let records = try csvRecords(text, name: name).filter { !$0.isBlank }
    guard let headerRecord = records.first else {
      throw .rejected(file: name, problems: [ImportProblem(line: nil, "the file is empty")])
    }
    var problems: [ImportProblem] = []
    var columns: [CSVLayout.Column?] = []
    var seenHeaders: [String: Int] = [:]
    for (index, raw) in headerRecord.fields.enumerated() {
      let header = raw.trimmingCharacters(in: .whitespaces)
      if let previous = seenHeaders[header] {
        problems.append(
          ImportProblem(
            line: headerRecord.line,
            "column '\(header)' appears twice (columns \(previous + 1) and \(index + 1))"))
      }
      seenHeaders[header] = index
      let column = CSVLayout.column(header: header, flow: flow)
      if column == nil {
        problems.append(ImportProblem(line: headerRecord.line, unknownColumnMessage(header)))
      }
      columns.append(column)
    }
    guard problems.isEmpty else { throw .rejected(file: name, problems: problems) }

    var responses: [Response] = []
    var seen: [UUID: Int] = [:]
    var identity = ContentIdentity(kind: "content", surveyID: survey.id)
    let rows = records.dropFirst()
    for (offset, record) in rows.enumerated() {
      let line = record.line
      func problem(_ message: String) { problems.append(ImportProblem(line: line, message)) }
      guard record.fields.count == columns.count else {
        let last = offset == rows.count - 1
        problem(
          "\(record.fields.count) fields, \(columns.count) expected as in the header"
            + (last && record.fields.count < columns.count ? " (is the file cut short?)" : ""))
        continue
      }
      let before = problems.count
      var meta: [String: String] = [:]
      var answers: Answers = [:]
      var contacts: [String: String] = [:]
      var chosen: [String: Set<String>] = [:]
      var ranks: [String: [Int: String]] = [:]
      for (column, cell) in zip(columns, record.fields) {
        guard let column else { continue }
        switch column {
        case .meta(let name):
          meta[name] = cell.trimmingCharacters(in: .whitespaces)
        case .value(let key):
          guard !cell.isEmpty, let field = flow.field(forKey: key) else { continue }
          do {
            let value = try typedCell(FormulaGuard.unguarded(cell), field: field)
            if field.valueType == .contact, case .text(let address) = value {
              contacts[key] = address
            } else {
              answers[key] = value
            }
          } catch {
            problem(error.errorDescription ?? key)
          }
        case .choice(let key, let code):
          switch cell.trimmingCharacters(in: .whitespaces) {
          case "": continue
          case "1": chosen[key, default: []].insert(code)
          case "0": chosen[key, default: []].formUnion([])
          default:
            problem(
              "\(key)/\(code): expected 1 (chosen), 0 (not chosen) or nothing, got \(JSONText.quoted(cell))"
            )
          }
        case .rank(let key, let rank):
          let value = FormulaGuard.unguarded(cell).trimmingCharacters(in: .whitespaces)
          guard !value.isEmpty, let field = flow.field(forKey: key) else { continue }
          ranks[key, default: [:]][rank] = code(for: value, field: field)
        }
      }
      for (key, codes) in chosen {
        guard let field = flow.field(forKey: key), let choices = field.question.kind.choices else { continue }
        let order = choices.map(\.code) + ["other"]
        answers[key] = .codes(order.filter { codes.contains($0) })
      }
      for (key, byRank) in ranks {
        let count = byRank.keys.max() ?? 0
        var codes: [String] = []
        for rank in 1...max(count, 1) {
          if let code = byRank[rank] {
            codes.append(code)
          } else {
            problem("\(key)/\(rank) is empty but \(key)/\(count) is given: ranks must follow each other")
            break
          }
        }
        answers[key] = .codes(codes)
      }
      let header = ResponseHeader(
        id: meta["id"], survey: meta["survey"], version: meta["survey_version"], status: meta["status"],
        language: meta["language"], startedAt: meta["started_at"],
        submittedAt: meta["submitted_at"], hasSubmittedAt: false)
      let checked = checkHeader(header, lenient: true, line: line, seen: &seen, report: problem)
      let complete = checked.map { $0.status == .complete } ?? (meta["status"] != "partial")
      for answerProblem in flow.checkResponse(
        answers: answers, contacts: contacts, complete: complete, requireContacts: false)
      {
        problem(answerProblem.description)
      }
      guard let checked, problems.count == before else { continue }
      responses.append(
        response(
          checked, answers: answers, contacts: contacts, source: .file(name: name, hash: hash),
          identity: &identity))
    }
    if responses.isEmpty && problems.isEmpty {
      problems.append(ImportProblem(line: nil, "no responses in the file (only a header)"))
    }
    guard problems.isEmpty else { throw .rejected(file: name, problems: problems) }
    return Batch(
      format: .csv, responses: responses, schemas: [SchemaRecord(survey)],
      source: ImportRecord(hash: hash, name: name, importedAt: now), earlierSchemaCount: 0)
  }

  private func unknownColumnMessage(_ header: String) -> String {
    let known = CSVLayout(flow: flow, includeContacts: true).columns.map(\.header)
    let close = known.min { distance(header, $0) < distance(header, $1) }
    if let close, distance(header, close) <= max(2, header.count / 3) {
      return "unknown column '\(header)'; did you mean '\(close)'?"
    }
    return "unknown column '\(header)': the survey has no such answer key"
  }

  /// Levenshtein distance, for "did you mean" hints.
  private func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = Swift.min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  // MARK: Cells

  /// The value a CSV cell holds for `field`: `na` for not applicable, codes
  /// or labels (in any of the survey's languages) for choices, numbers,
  /// booleans (`true`/`false`, `oui`/`non`, `yes`/`no`, `1`/`0`), text as is.
  func typedCell(_ cell: String, field: AnswerField) throws(AnswerError) -> AnswerValue {
    let trimmed = cell.trimmingCharacters(in: .whitespaces)
    func wrongType() -> AnswerError {
      .wrongType(key: field.key, expected: field.valueType, found: JSONText.quoted(cell))
    }
    switch field.valueType {
    case .text, .contact:
      return .text(cell)
    case .code:
      return .code(code(for: trimmed, field: field))
    case .codes:
      let parts = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      return .codes(parts.map { code(for: $0, field: field) })
    case .integer:
      if trimmed.lowercased() == "na" { return .notApplicable }
      if let whole = Int(trimmed) { return .integer(whole) }
      if let point = scalePoint(label: trimmed, field: field) { return .integer(point) }
      if let real = Double(trimmed.replacingOccurrences(of: ",", with: ".")), real.isFinite {
        throw .notWholeNumber(key: field.key, value: real)
      }
      throw wrongType()
    case .number:
      if trimmed.lowercased() == "na" { return .notApplicable }
      let normalized = trimmed.contains(".") ? trimmed : trimmed.replacingOccurrences(of: ",", with: ".")
      guard let number = Double(normalized), number.isFinite else { throw wrongType() }
      return .number(number)
    case .boolean:
      switch trimmed.lowercased() {
      case "true", "1", "oui", "yes", "vrai": return .boolean(true)
      case "false", "0", "non", "no", "faux": return .boolean(false)
      default: throw wrongType()
      }
    }
  }

  /// The code a cell means: a code, or a choice's label in any language
  /// (case and surrounding spaces ignored), or "Other"/"Autre". Anything else
  /// is returned as it is, for the answer rules to refuse with the allowed codes.
  func code(for cell: String, field: AnswerField) -> String {
    guard let choices = field.question.kind.choices else { return cell }
    if choices.choice(cell) != nil { return cell }
    let wanted = cell.lowercased()
    for choice in choices {
      for label in choice.label.texts.values
      where label.trimmingCharacters(in: .whitespaces).lowercased() == wanted {
        return choice.code
      }
    }
    if field.question.kind.hasOther,
      ["other", "autre", "autre (préciser)", "other (specify)"].contains(wanted)
    {
      return "other"
    }
    return cell
  }

  /// The scale point whose label is `label` (any language), if any.
  func scalePoint(label: String, field: AnswerField) -> Int? {
    guard let scale = field.question.kind.scale else { return nil }
    let wanted = label.lowercased()
    for (point, text) in scale.labels.sorted(by: { $0.key < $1.key })
    where text.texts.values.contains(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    ) {
      return point
    }
    return nil
  }
}
