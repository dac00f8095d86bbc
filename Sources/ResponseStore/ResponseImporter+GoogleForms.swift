import BilanBase
import Foundation
import SurveyDefinition

extension ResponseImporter {
  /// What a column of a Google Forms export holds.
  enum FormsColumn {
    /// The question instance whose label is the header (`q`, or `q.ITEM` in a loop).
    case question(QuestionInstance)
    /// A grid row: a matrix row (`Label [Row]`), or a choice of a ranking
    /// asked as a grid whose cells are ranks.
    case gridRow(QuestionInstance, Choice)
  }

  /// Reads a Google Forms CSV export: a `Timestamp`/`Horodateur` column kept
  /// as the submission time, then one column per question, matched by its
  /// label in any of the survey's languages (`{item}` replaced, for loops);
  /// grids as `Label [Row]`. Answers are labels, mapped back to codes;
  /// checkbox answers are split on ", " against the known labels, and an
  /// unknown rest is the "Other" text where "Other" is offered.
  func readGoogleForms(_ data: Data, name: String, hash: String) throws(ImportError) -> Batch {
    let text = try text(data, name: name)
    let records = try csvRecords(text, name: name).filter { !$0.isBlank }
    guard let headerRecord = records.first, !headerRecord.fields.isEmpty else {
      throw .rejected(file: name, problems: [ImportProblem(line: nil, "the file is empty")])
    }
    let timestampHeader = Self.normalized(headerRecord.fields[0])
    let dayFirst = timestampHeader != "timestamp"
    var problems: [ImportProblem] = []
    var columns: [FormsColumn] = []
    var languageVotes: [String: Int] = [:]
    var seenKeys: [String: String] = [:]
    for header in headerRecord.fields.dropFirst() {
      guard let (column, languages) = formsColumn(header: header) else {
        problems.append(
          ImportProblem(
            line: headerRecord.line,
            "column \(JSONText.quoted(header)) matches no question label of the survey "
              + "(in \(survey.languages.joined(separator: " or ")))"))
        continue
      }
      let key =
        switch column {
        case .question(let instance): instance.key
        case .gridRow(let instance, let row): "\(instance.key)/\(row.code)"
        }
      if let previous = seenKeys[key] {
        problems.append(
          ImportProblem(
            line: headerRecord.line,
            "columns \(JSONText.quoted(previous)) and \(JSONText.quoted(header)) are the same question"
          ))
      }
      seenKeys[key] = header
      for language in languages { languageVotes[language, default: 0] += 1 }
      columns.append(column)
    }
    guard problems.isEmpty else { throw .rejected(file: name, problems: problems) }
    let language =
      survey.languages.max {
        (languageVotes[$0] ?? 0, -index(of: $0)) < (languageVotes[$1] ?? 0, -index(of: $1))
      }
      ?? survey.defaultLanguage

    var responses: [Response] = []
    var identity = ContentIdentity(kind: "google-forms", surveyID: survey.id)
    let rows = records.dropFirst()
    for (offset, record) in rows.enumerated() {
      let line = record.line
      func problem(_ message: String) { problems.append(ImportProblem(line: line, message)) }
      guard record.fields.count == columns.count + 1 else {
        let short = offset == rows.count - 1 && record.fields.count < columns.count + 1
        problem(
          "\(record.fields.count) fields, \(columns.count + 1) expected as in the header"
            + (short ? " (is the file cut short?)" : ""))
        continue
      }
      let before = problems.count
      guard let submitted = Self.formsDate(record.fields[0], dayFirst: dayFirst) else {
        problem("timestamp \(JSONText.quoted(record.fields[0])) is not a date and time")
        continue
      }
      var answers: Answers = [:]
      var contacts: [String: String] = [:]
      var gridRanks: [String: [(rank: Int, code: String)]] = [:]
      for (column, cell) in zip(columns, record.fields.dropFirst()) {
        let value = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { continue }
        do throws(AnswerError) {
          switch column {
          case .question(let instance):
            try formsAnswer(value, raw: cell, instance: instance, answers: &answers, contacts: &contacts)
          case .gridRow(let instance, let row):
            if case .ranking = instance.question.kind {
              guard let rank = Int(value), rank >= 1 else {
                throw AnswerError.wrongType(
                  key: instance.key, expected: .integer, found: JSONText.quoted(cell))
              }
              gridRanks[instance.key, default: []].append((rank, row.code))
            } else if let field = instance.fields.first(where: { $0.row == row }) {
              answers[field.key] = try pointValue(value, field: field)
            }
          }
        } catch {
          problem(error.errorDescription ?? "\(error)")
        }
      }
      for (key, ranked) in gridRanks {
        answers[key] = .codes(ranked.sorted { ($0.rank, $0.code) < ($1.rank, $1.code) }.map(\.code))
      }
      guard problems.count == before else { continue }
      for answerProblem in flow.checkResponse(
        answers: answers, contacts: contacts, complete: true, requireContacts: false)
      {
        problem(answerProblem.description)
      }
      guard problems.count == before else { continue }
      // Identity: the timestamp and the answers (the export has no ids).
      let header = CheckedHeader(
        id: nil, version: survey.version, status: .complete, language: language,
        startedAt: submitted, submittedAt: submitted, givenTimes: [Timestamp.truncated(submitted)])
      responses.append(
        response(
          header, answers: answers, contacts: contacts, source: .file(name: name, hash: hash),
          identity: &identity))
    }
    if responses.isEmpty && problems.isEmpty {
      problems.append(ImportProblem(line: nil, "no responses in the file (only a header)"))
    }
    guard problems.isEmpty else { throw .rejected(file: name, problems: problems) }
    return Batch(
      format: .googleForms, responses: responses, schemas: [SchemaRecord(survey)],
      source: ImportRecord(hash: hash, name: name, importedAt: now), earlierSchemaCount: 0)
  }

  private func index(of language: String) -> Int { survey.languages.firstIndex(of: language) ?? 0 }

  /// Lowercased, trimmed, runs of spaces made one.
  static func normalized(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The question a header names, and the languages whose label matched.
  func formsColumn(header: String) -> (FormsColumn, [String])? {
    let wanted = Self.normalized(header)
    for instance in flow.instances {
      let languages = survey.languages.filter { Self.normalized(instance.label.text($0)) == wanted }
      if !languages.isEmpty, !isGrid(instance) { return (.question(instance), languages) }
    }
    // A grid: "Label [Row]".
    if wanted.hasSuffix("]"), let open = wanted.range(of: " [", options: .backwards) {
      let base = String(wanted[..<open.lowerBound])
      let rowText = String(wanted[open.upperBound..<wanted.index(before: wanted.endIndex)])
      for instance in flow.instances where isGrid(instance) || isRanking(instance) {
        let languages = survey.languages.filter { Self.normalized(instance.label.text($0)) == base }
        guard !languages.isEmpty else { continue }
        let rows: [Choice] =
          switch instance.question.kind {
          case .matrix(let rows, _): rows
          case .ranking(let choices, _): choices
          default: []
          }
        for row in rows where row.label.texts.values.contains(where: { Self.normalized($0) == rowText }) {
          return (.gridRow(instance, row), languages)
        }
      }
    }
    // The address Google collects itself, when the survey has one email question.
    let emails = flow.instances.filter { if case .email = $0.question.kind { true } else { false } }
    if emails.count == 1, ["email address", "adresse e-mail", "adresse email", "e-mail"].contains(wanted) {
      return (.question(emails[0]), [])
    }
    return nil
  }

  private func isGrid(_ instance: QuestionInstance) -> Bool {
    if case .matrix = instance.question.kind { return true }
    return false
  }

  private func isRanking(_ instance: QuestionInstance) -> Bool {
    if case .ranking = instance.question.kind { return true }
    return false
  }

  /// Types one Google Forms cell for a (non-grid) question.
  private func formsAnswer(
    _ value: String, raw: String, instance: QuestionInstance, answers: inout Answers,
    contacts: inout [String: String]
  ) throws(AnswerError) {
    guard let field = instance.fields.first(where: { !$0.isOther }) else { return }
    let key = field.key
    switch instance.question.kind {
    case .single(_, let other):
      let code = code(for: value, field: field)
      if code == value && field.question.kind.choices?.choice(code) == nil && other {
        answers[key] = .code("other")
        answers[key + ".other"] = .text(value)
      } else {
        answers[key] = .code(code)
      }
    case .multiple(let choices, let other, _, _, _):
      let (codes, rest) = splitChoices(value, choices: choices)
      var all = codes
      if let rest {
        if other {
          all.append("other")
          answers[key + ".other"] = .text(rest)
        } else {
          all.append(rest)
        }
      }
      let order = choices.map(\.code) + ["other"]
      let known = all.filter { order.contains($0) }
      let unknown = all.filter { !order.contains($0) }
      answers[key] = .codes(order.filter { known.contains($0) } + unknown)
    case .ranking(let choices, _):
      let (codes, rest) = splitChoices(value, choices: choices)
      answers[key] = .codes(codes + (rest.map { [$0] } ?? []))
    case .scale, .nps:
      answers[key] = try pointValue(value, field: field)
    case .email:
      contacts[key] = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    case .text, .longText:
      answers[key] = .text(raw)
    case .number, .boolean, .matrix:
      answers[key] = try typedCell(value, field: field)
    }
  }

  /// A scale point: the number, a point's label, or the not-applicable label.
  private func pointValue(_ value: String, field: AnswerField) throws(AnswerError) -> AnswerValue {
    if let notApplicable = field.question.kind.scale?.notApplicable,
      notApplicable.texts.values.contains(where: { Self.normalized($0) == Self.normalized(value) })
    {
      return .notApplicable
    }
    return try typedCell(value, field: field)
  }

  /// Splits a checkbox cell ("Coût, Portage politique, my own text") into
  /// codes, longest known label first at each step (labels may hold ", ");
  /// what no label matches is returned as the rest.
  func splitChoices(_ value: String, choices: [Choice]) -> (codes: [String], rest: String?) {
    var labels: [(text: String, code: String)] = []
    for choice in choices {
      labels.append((choice.code, choice.code))
      for text in Set(choice.label.texts.values) { labels.append((text, choice.code)) }
    }
    labels.sort { $0.text.count > $1.text.count }
    var remaining = Substring(value)
    var codes: [String] = []
    while !remaining.isEmpty {
      let match = labels.first { label in
        remaining.lowercased().hasPrefix(label.text.lowercased())
          && (remaining.count == label.text.count
            || remaining.dropFirst(label.text.count).hasPrefix(", "))
      }
      guard let match else { return (codes, String(remaining)) }
      if !codes.contains(match.code) { codes.append(match.code) }
      remaining = remaining.dropFirst(match.text.count)
      if remaining.hasPrefix(", ") { remaining = remaining.dropFirst(2) }
    }
    return (codes, nil)
  }

  /// A Google Forms timestamp: `2015/03/05 4:41:07 PM GMT+1`, `3/5/2015 16:41:07`
  /// (`Timestamp`: month first), `05/03/2015 16:41:07` (`Horodateur`: day
  /// first), or ISO 8601. Without a zone, UTC.
  static func formsDate(_ text: String, dayFirst: Bool) -> Date? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let date = Timestamp.date(from: trimmed) { return date }
    var parts = trimmed.split(separator: " ").map(String.init)
    guard parts.count >= 2 else { return nil }
    let dateParts = parts.removeFirst().split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
      .compactMap {
        Int($0)
      }
    guard dateParts.count == 3 else { return nil }
    let (year, month, day): (Int, Int, Int) =
      dateParts[0] > 31
      ? (dateParts[0], dateParts[1], dateParts[2])
      : dayFirst ? (dateParts[2], dateParts[1], dateParts[0]) : (dateParts[2], dateParts[0], dateParts[1])
    let timeParts = parts.removeFirst().split(separator: ":").compactMap { Int($0) }
    guard timeParts.count >= 2, timeParts.count <= 3 else { return nil }
    var hour = timeParts[0]
    let minute = timeParts[1]
    let second = timeParts.count == 3 ? timeParts[2] : 0
    var offset = 0
    for part in parts {
      switch part.uppercased() {
      case "AM": if hour == 12 { hour = 0 }
      case "PM": if hour < 12 { hour += 12 }
      case let zone where zone.hasPrefix("GMT") || zone.hasPrefix("UTC"):
        let rest = zone.dropFirst(3)
        if rest.isEmpty { continue }
        let sign = rest.hasPrefix("-") ? -1 : 1
        let numbers = rest.dropFirst().split(separator: ":").compactMap { Int($0) }
        guard let hours = numbers.first else { return nil }
        offset = sign * (hours * 3600 + (numbers.count > 1 ? numbers[1] * 60 : 0))
      default: return nil
      }
    }
    let iso = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second)
    return Timestamp.date(from: iso).map { $0.addingTimeInterval(TimeInterval(-offset)) }
  }
}
