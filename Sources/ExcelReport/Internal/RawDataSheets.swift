import Aggregation
import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition
import XLSXWriter

/// The raw-data sheets: "Données" (codes) and "Données (libellés)" (labels),
/// one row per included response, one column per answer key, continued on
/// "Données (2)"… beyond Excel's row limit.
///
/// Rows are converted as the responses stream in, on the reading thread, and
/// written to libxlsxwriter by background lanes (`StreamedCellWriter`), in
/// row order as constant-memory mode needs. Free text is cleaned and masked
/// exactly as the engine does for the verbatims. Contact data never appear.
final class RawDataSheets {
  private let writer: ReportWriter
  private let columns: [Column]
  private var codeSheets: [Worksheet] = []
  private var labelSheets: [Worksheet] = []
  /// Data rows written so far (all sheets).
  private(set) var rows = 0
  private let headers: [String]
  private let editionColumn: Bool
  private let cells: StreamedCellWriter
  /// Widest content seen per column, per sheet kind (codes, labels).
  private var widths: [[Int]]
  private var dateFormat: IndexedFormat?
  /// The cells converted since the last hand-over to the lanes, per sheet kind.
  private var codeBatch = CellBatch()
  private var labelBatch = CellBatch()
  /// Responses per batch handed to the writing lanes.
  private let batchSize = 256

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
    widths = Array(repeating: Array(repeating: 0, count: headers.count), count: 2)
    cells = StreamedCellWriter(kinds: 2, separateLanes: writer.workbook.constantMemory)
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
    var converters = columns.map { ValueConverter(field: byKey[$0.key] ?? $0.field, writer: writer) }
    let edition = edition.map { Prepared($0) }
    let complete = (Prepared("complete"), Prepared(writer.text.french ? "complète" : "complete"))
    let partial = (Prepared("partial"), Prepared(writer.text.french ? "partielle" : "partial"))
    var languages: [String: Prepared] = [:]
    var batched = 0
    do {
      try responses { response in
        guard response.status == .complete || includePartial else { return }
        let perSheet = writer.options.rowsPerSheet
        let sheetIndex = rows / perSheet
        if sheetIndex >= codeSheets.count {
          // A new sheet changes the workbook: only once the lanes are idle.
          try flush()
          batched = 0
          try cells.drain()
          codeSheets.append(try addSheet(labels: false, index: codeSheets.count))
          labelSheets.append(try addSheet(labels: true, index: labelSheets.count))
        }
        let row = rows % perSheet + 1
        var column = 0
        if editionColumn, let edition {
          add(.text(edition), sheet: sheetIndex, row: row, column: 0)
          column = 1
        }
        let (code, label) = response.status == .complete ? complete : partial
        let id = Prepared(lowercaseUUID: response.id)
        let language =
          languages[response.language]
          ?? {
            let prepared = Prepared(response.language)
            languages[response.language] = prepared
            return prepared
          }()
        add(.text(id), sheet: sheetIndex, row: row, column: column)
        add(.text(code), .text(label), sheet: sheetIndex, row: row, column: column + 1)
        add(.text(language), sheet: sheetIndex, row: row, column: column + 2)
        let date = ReportWriter.excelDate(response.submittedAt ?? response.startedAt)
        codeBatch.append(number: date, sheet: sheetIndex, row: row, column: column + 3, date: true)
        labelBatch.append(number: date, sheet: sheetIndex, row: row, column: column + 3, date: true)
        column += 4
        for index in converters.indices {
          guard let key = converters[index].key, let value = response.answers[key] else { continue }
          let widest = min(widths[0][column + index], widths[1][column + index])
          let (code, label) = converters[index].cells(for: value, widest: widest)
          add(code, label, sheet: sheetIndex, row: row, column: column + index)
        }
        rows += 1
        batched += 1
        if batched == batchSize {
          try flush()
          batched = 0
        }
      }
      try flush()
      try cells.drain()
    } catch {
      // Let the lanes finish before the workbook is freed.
      try? cells.drain()
      throw error
    }
    let dateWidth = Worksheet.numberWidth(45_000, format: writer.dateStyle.numberFormat)
    for kind in 0..<2 {
      widths[kind][editionColumn ? 4 : 3] = max(widths[kind][editionColumn ? 4 : 3], dateWidth)
    }
  }

  /// Adds one cell to each sheet kind's batch: `code` to "Données", `label`
  /// (the same cell when nil) to "Données (libellés)".
  private func add(_ code: SheetCell, _ label: SheetCell? = nil, sheet: Int, row: Int, column: Int) {
    append(code, to: &codeBatch, kind: 0, sheet: sheet, row: row, column: column)
    append(label ?? code, to: &labelBatch, kind: 1, sheet: sheet, row: row, column: column)
  }

  private func append(
    _ cell: SheetCell, to batch: inout CellBatch, kind: Int, sheet: Int, row: Int, column: Int
  ) {
    switch cell {
    case .none:
      return
    case .text(let text):
      guard !text.isEmpty else { return }
      if text.truncated { writer.workbook.truncatedCells += 1 }
      batch.append(text: text.bytes, sheet: sheet, row: row, column: column)
      if text.width > widths[kind][column] { widths[kind][column] = text.width }
    case .number(let number, let width):
      batch.append(number: number, sheet: sheet, row: row, column: column)
      if width > widths[kind][column] { widths[kind][column] = width }
    }
  }

  /// Hands the batches to the lanes and starts new ones.
  private func flush() throws {
    guard !codeBatch.isEmpty || !labelBatch.isEmpty else { return }
    if dateFormat == nil {
      // Give the shared date format its index now, on this thread: the lanes only read it.
      dateFormat = try writer.workbook.indexedFormat(writer.dateStyle)
    }
    for (kind, sheets) in [(0, codeSheets), (1, labelSheets)] {
      cells.submit(kind == 0 ? codeBatch : labelBatch, kind: kind, sheets: sheets, dateFormat: dateFormat)
    }
    codeBatch = CellBatch(reservingCells: codeBatch.cells.count)
    labelBatch = CellBatch(reservingCells: labelBatch.cells.count)
  }

  /// Tables (or, in constant-memory mode, autofilters), frozen panes and print setup.
  func finish() throws {
    try cells.drain()
    let perSheet = writer.options.rowsPerSheet
    for (index, (codeSheet, labelSheet)) in zip(codeSheets, labelSheets).enumerated() {
      let dataRows = max(0, min(perSheet, rows - index * perSheet))
      for (kind, sheet) in [(0, codeSheet), (1, labelSheet)] {
        sheet.streamed(through: dataRows)
        for (column, width) in widths[kind].enumerated() where width > 0 {
          sheet.reserveWidth(width, column: column)
        }
        try writer.finishTable(
          sheet, name: "\(kind == 0 ? "Donnees" : "Libelles")\(index + 1)", headers: headers,
          lastRow: max(dataRows, 1))
        sheet.freezePanes(rows: 1, columns: editionColumn ? 2 : 1)
        sheet.maximumColumnWidth = 50
      }
    }
  }
}

/// A text ready for a cell: cleaned and cut as `CellText.prepare` does,
/// NUL-terminated, with its display width.
struct Prepared {
  let bytes: ContiguousArray<CChar>
  /// The display width, or 0 when it was not needed (see `init(_:widest:)`).
  let width: Int
  /// Whether the text was cut at Excel's limit.
  let truncated: Bool

  var isEmpty: Bool { bytes.count <= 1 }

  /// - Parameter widest: the widest content of the column so far: a text
  ///   with no more UTF-8 bytes than that cannot be wider (no character is
  ///   wider than its bytes), so its width is not computed.
  init(_ raw: String, widest: Int = -1) {
    let (text, truncated) = CellText.prepare(raw)
    bytes = text.utf8CString
    self.truncated = truncated
    width = bytes.count - 1 > max(widest, 0) ? DisplayWidth.widestLine(text) : 0
  }

  /// `0f4c…-…` for `id`: what `uuidString.lowercased()` gives, without Foundation.
  init(lowercaseUUID id: UUID) {
    let digits: [CChar] = Array("0123456789abcdef".utf8).map { CChar(bitPattern: $0) }
    var bytes = ContiguousArray<CChar>()
    bytes.reserveCapacity(37)
    withUnsafeBytes(of: id.uuid) { raw in
      for (index, byte) in raw.enumerated() {
        if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(CChar(bitPattern: 0x2D)) }
        bytes.append(digits[Int(byte >> 4)])
        bytes.append(digits[Int(byte & 0x0F)])
      }
    }
    bytes.append(0)
    self.bytes = bytes
    width = 36
    truncated = false
  }
}

/// What one value puts in one sheet.
enum SheetCell {
  case none
  case text(Prepared)
  case number(Double, width: Int)
}

/// Turns the values of one answer key into the cells of both sheets: the
/// stored code, and the label people read. Values that repeat (codes, scale
/// points, yes/no) are converted once.
struct ValueConverter {
  let field: AnswerField?
  let key: String?
  private unowned let writer: ReportWriter
  private var codeCells: [String: (SheetCell, SheetCell)] = [:]
  private var integerCells: [Int: (SheetCell, SheetCell)] = [:]
  private var listCells: [[String]: (SheetCell, SheetCell)] = [:]
  private var fixedCells: [Bool?: (SheetCell, SheetCell)] = [:]

  init(field: AnswerField?, writer: ReportWriter) {
    self.field = field
    self.key = field?.key
    self.writer = writer
  }

  /// - Parameter widest: the column's widest content so far (for free text).
  mutating func cells(for value: AnswerValue, widest: Int) -> (code: SheetCell, label: SheetCell) {
    switch value {
    case .code(let code):
      if let cells = codeCells[code] { return cells }
      let cells = (SheetCell.text(Prepared(code)), SheetCell.text(Prepared(choiceLabel(code))))
      if codeCells.count < 4096 { codeCells[code] = cells }
      return cells
    case .text(let text):
      // Cleaned and masked exactly as the engine does for the verbatims, once for both sheets.
      let masked = SheetCell.text(
        Prepared(
          PersonalDataMasking.mask(TextSanitizer.clean(text, keeping: .layout), language: writer.language),
          widest: widest))
      return (masked, masked)
    case .integer(let number):
      if let cells = integerCells[number] { return cells }
      let code = SheetCell.number(Double(number), width: Worksheet.numberWidth(Double(number), format: nil))
      var label = code
      if let scale = field?.question.kind.scale, let text = scale.labels[number] {
        label = .text(Prepared("\(number) – \(text.text(writer.language))"))
      }
      if integerCells.count < 4096 { integerCells[number] = (code, label) }
      return (code, label)
    case .number(let number):
      let cell = SheetCell.number(
        number, width: number.isFinite ? Worksheet.numberWidth(number, format: nil) : 0)
      return number.isFinite ? (cell, cell) : (.none, .none)
    case .boolean(let flag):
      if let cells = fixedCells[flag] { return cells }
      let cells = (
        SheetCell.text(Prepared(flag ? "true" : "false")),
        SheetCell.text(Prepared(flag ? writer.text.yes : writer.text.no))
      )
      fixedCells[flag] = cells
      return cells
    case .codes(let codes):
      if let cells = listCells[codes] { return cells }
      let cells = (
        SheetCell.text(Prepared(codes.joined(separator: ", "))),
        SheetCell.text(Prepared(codes.map(choiceLabel).joined(separator: " ; ")))
      )
      if listCells.count < 4096 { listCells[codes] = cells }
      return cells
    case .notApplicable:
      if let cells = fixedCells[nil] { return cells }
      let kind = field?.question.kind
      let cells = (
        SheetCell.text(Prepared(writer.text.notApplicableCode)),
        SheetCell.text(
          Prepared(kind?.scale?.notApplicable?.text(writer.language) ?? writer.text.notApplicableCode))
      )
      fixedCells[nil] = cells
      return cells
    }
  }

  private func choiceLabel(_ code: String) -> String {
    let kind = field?.question.kind
    if code == "other", kind?.hasOther == true { return writer.text.french ? "Autre" : "Other" }
    return kind?.choices?.choice(code)?.label.text(writer.language) ?? code
  }
}
