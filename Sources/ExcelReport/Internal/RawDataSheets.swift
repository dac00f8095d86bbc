import Aggregation
import Foundation
import ResponseStore
import SurveyDefinition

/// The raw-data sheets: "Données" (codes) and "Données (libellés)" (labels),
/// one row per included response, one column per answer key, continued on
/// "Données (2)"… beyond Excel's row limit.
///
/// Rows are written as the responses stream in (in order, as constant-memory
/// mode needs); free text is cleaned and masked exactly as the engine does
/// for the verbatims. Contact data never appear.
final class RawDataSheets {
  private let writer: ReportWriter
  private let columns: [Column]
  private var codeSheets: [Worksheet] = []
  private var labelSheets: [Worksheet] = []
  /// Data rows written so far (all sheets).
  private(set) var rows = 0
  private let headers: [String]
  private let editionColumn: Bool

  /// One answer key and how to show its values.
  struct Column {
    var key: String
    var field: AnswerField?
  }

  /// Creates the sheets needed for `expectedRows` responses (so that they sit
  /// together in the workbook); more are added if the feed yields more.
  init(
    writer: ReportWriter, survey: Survey, expectedRows: Int, keys: [String]? = nil,
    editionColumn: Bool = false
  )
    throws
  {
    self.writer = writer
    self.editionColumn = editionColumn
    let fields = ReportWriter.reportedFields(of: survey)
    if let keys {
      let byKey = Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
      columns = keys.map { Column(key: $0, field: byKey[$0]) }
    } else {
      columns = fields.map { Column(key: $0.key, field: $0) }
    }
    let text = writer.text
    headers =
      (editionColumn ? [text.edition] : []) + ["id", text.status, text.language, text.submitted]
      + columns.map(\.key)
    let sheetsNeeded = max(1, (expectedRows + writer.options.rowsPerSheet - 1) / writer.options.rowsPerSheet)
    for index in 0..<sheetsNeeded { codeSheets.append(try addSheet(labels: false, index: index)) }
    for index in 0..<sheetsNeeded { labelSheets.append(try addSheet(labels: true, index: index)) }
  }

  private func addSheet(labels: Bool, index: Int) throws -> Worksheet {
    let base = labels ? writer.text.labelledDataSheet : writer.text.dataSheet
    let sheet = try writer.workbook.addWorksheet(
      index == 0 ? base : "\(base) (\(index + 1))", streaming: true)
    // In constant-memory mode the header must be the first row written.
    try writer.writeHeader(headers, in: sheet, row: 0)
    return sheet
  }

  /// Streams the responses of one survey into the sheets.
  func write(
    survey: Survey, edition: String?, includePartial: Bool, _ responses: ExcelReport.ResponseFeed
  ) throws {
    let byKey = Dictionary(
      ReportWriter.reportedFields(of: survey).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let fields = columns.map { byKey[$0.key] ?? $0.field }
    try responses { response in
      guard response.status == .complete || includePartial else { return }
      try append(response, fields: fields, edition: edition)
    }
  }

  private func append(_ response: Response, fields: [AnswerField?], edition: String?) throws {
    let perSheet = writer.options.rowsPerSheet
    let sheetIndex = rows / perSheet
    while sheetIndex >= codeSheets.count {
      codeSheets.append(try addSheet(labels: false, index: codeSheets.count))
      labelSheets.append(try addSheet(labels: true, index: labelSheets.count))
    }
    let row = rows % perSheet + 1
    let codeSheet = codeSheets[sheetIndex]
    let labelSheet = labelSheets[sheetIndex]
    let text = writer.text
    var column = 0
    if editionColumn, let edition {
      try codeSheet.write(.text(edition), row: row, column: 0)
      try labelSheet.write(.text(edition), row: row, column: 0)
      column = 1
    }
    let id = response.id.uuidString.lowercased()
    let complete = response.status == .complete
    let statusLabel =
      complete ? (text.french ? "complète" : "complete") : (text.french ? "partielle" : "partial")
    let date = CellValue.number(ReportWriter.excelDate(response.submittedAt ?? response.startedAt))
    for (sheet, status) in [(codeSheet, response.status.rawValue), (labelSheet, statusLabel)] {
      try sheet.writeRow([.text(id), .text(status), .text(response.language)], row: row, column: column)
      try sheet.write(date, row: row, column: column + 3, style: writer.dateStyle)
    }
    column += 4
    for (offset, field) in fields.enumerated() {
      let value = field.flatMap { response.answers[$0.key] }
      try codeSheet.write(code(value), row: row, column: column + offset)
      try labelSheet.write(label(value, field: field), row: row, column: column + offset)
    }
    rows += 1
  }

  /// The stored value: codes, numbers, `true`/`false`, `na`; text masked.
  private func code(_ value: AnswerValue?) -> CellValue {
    guard let value else { return .blank }
    switch value {
    case .code(let code): return .text(code)
    case .text(let text): return .text(mask(text))
    case .integer(let number): return .integer(number)
    case .number(let number): return .number(number)
    case .boolean(let flag): return .text(flag ? "true" : "false")
    case .codes(let codes): return .text(codes.joined(separator: ", "))
    case .notApplicable: return .text(writer.text.notApplicableCode)
    }
  }

  /// The value as people read it, in the report's language.
  private func label(_ value: AnswerValue?, field: AnswerField?) -> CellValue {
    guard let value else { return .blank }
    let language = writer.language
    let kind = field?.question.kind
    func choiceLabel(_ code: String) -> String {
      if code == "other", kind?.hasOther == true { return writer.text.french ? "Autre" : "Other" }
      return kind?.choices?.choice(code)?.label.text(language) ?? code
    }
    switch value {
    case .code(let code): return .text(choiceLabel(code))
    case .text(let text): return .text(mask(text))
    case .integer(let number):
      if let scale = kind?.scale, let label = scale.labels[number] {
        return .text("\(number) – \(label.text(language))")
      }
      return .integer(number)
    case .number(let number): return .number(number)
    case .boolean(let flag): return .text(flag ? writer.text.yes : writer.text.no)
    case .codes(let codes): return .text(codes.map(choiceLabel).joined(separator: " ; "))
    case .notApplicable:
      return .text(kind?.scale?.notApplicable?.text(language) ?? writer.text.notApplicableCode)
    }
  }

  /// Cleaned and masked exactly as the engine does for the verbatims.
  private func mask(_ text: String) -> String {
    PersonalDataMasking.mask(TextSanitizer.clean(text), language: writer.language)
  }

  /// Tables (or, in constant-memory mode, autofilters), frozen panes and print setup.
  func finish() throws {
    let perSheet = writer.options.rowsPerSheet
    for (index, (codeSheet, labelSheet)) in zip(codeSheets, labelSheets).enumerated() {
      let dataRows = max(0, min(perSheet, rows - index * perSheet))
      for (kind, sheet) in [("Donnees", codeSheet), ("Libelles", labelSheet)] {
        try writer.finishTable(
          sheet, name: "\(kind)\(index + 1)", headers: headers, lastRow: max(dataRows, 1))
        sheet.freezePanes(rows: 1, columns: editionColumn ? 2 : 1)
        sheet.maximumColumnWidth = 50
      }
    }
  }
}
