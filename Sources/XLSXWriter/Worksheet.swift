import BilanBase
internal import CXLSXWriter
import Foundation

/// A value for one cell.
package enum CellValue: Equatable {
  /// Always written as a string, never as a formula, whatever it starts with.
  case text(String)
  case number(Double)
  case blank

  package static func integer(_ value: Int) -> CellValue { .number(Double(value)) }

  /// A number, or a blank cell for `nil`.
  package static func optional(_ value: Double?) -> CellValue { value.map { .number($0) } ?? .blank }
}

/// One sheet of a `Workbook`.
///
/// Every write goes through `write(_:row:column:style:)`, which checks the
/// grid and, in constant-memory mode, the row order, and records the widest
/// content of each column so that `finish()` can size the columns.
package final class Worksheet {
  /// Excel's last row index (0-based): 1,048,576 rows.
  package static let maxRow = 1_048_575
  /// Excel's last column index (0-based): 16,384 columns.
  package static let maxColumn = 16_383

  package unowned let workbook: Workbook
  let handle: UnsafeMutablePointer<lxw_worksheet>
  package let name: String
  package private(set) var lastRow = -1
  private(set) var contentWidths: [Int: Int] = [:]
  private(set) var widthOverrides: [Int: Double] = [:]
  private var wrappedColumns: Set<Int> = []
  /// Rows of a streaming sheet must be written top to bottom in
  /// constant-memory mode. Other sheets (small: bounded by the survey, not
  /// by the responses) are buffered and written in row order at the end, so
  /// that they can be laid out freely in either mode.
  package let streaming: Bool
  private var pending: [(row: Int, column: Int, value: CellValue, style: CellStyle)] = []
  private(set) var rowHeights: [Int: Double] = [:]
  private(set) var hiddenColumns: Set<Int> = []
  /// Wrapped texts: row → (column, display width of each of its lines), to
  /// size the rows (readers do not grow rows of a written file themselves).
  private var wrappedLines: [Int: [(column: Int, lines: [Int], bold: Bool)]] = [:]
  private var buffering: Bool { workbook.constantMemory && !streaming }
  /// Widest column, in characters, that content alone can ask for.
  package var maximumColumnWidth = 60.0
  /// Set by `setUpPrinting`: the sheet is paged on A4 (see `Worksheet+Pages.swift`).
  var printedRepeatRows: ClosedRange<Int>?? = .none
  /// Charts placed: anchor cell and size in pixels, so that no page break cuts one.
  var placedCharts: [(row: Int, column: Int, width: Double, height: Double)] = []
  /// Row ranges a page break must not cut (a table and its chart).
  var keptTogether: [ClosedRange<Int>] = []

  init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String, streaming: Bool) {
    self.workbook = workbook
    self.handle = handle
    self.name = name
    self.streaming = streaming
  }

  private func validate(row: Int, column: Int) throws {
    _ = try workbook.live()
    guard (0...Self.maxRow).contains(row), (0...Self.maxColumn).contains(column) else {
      throw XLSXWriterError.cellOutOfRange(sheet: name, row: row, column: column)
    }
    if workbook.constantMemory && streaming && row < lastRow {
      throw XLSXWriterError.rowOutOfOrder(sheet: name, row: row, lastWritten: lastRow)
    }
  }

  private func cellName(_ row: Int, _ column: Int) -> String { "“\(name)”!\(columnName(column))\(row + 1)" }

  package func write(_ value: CellValue, row: Int, column: Int, style: CellStyle = .plain) throws {
    try validate(row: row, column: column)
    if style.wrap, case .text(let text) = value, !streaming {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
        DisplayWidth.widestLine(String($0))
      }
      wrappedLines[row, default: []].append((column, lines, style.bold))
    }
    if buffering {
      pending.append((row, column, value, style))
      return
    }
    try emit(value, row: row, column: column, style: style)
  }

  private func emit(_ value: CellValue, row: Int, column: Int, style: CellStyle) throws {
    let format = try workbook.format(style)
    let r = lxw_row_t(row)
    let c = lxw_col_t(column)
    switch value {
    case .text(let raw):
      let (text, truncated) = CellText.prepare(raw)
      if truncated { workbook.truncatedCells += 1 }
      if text.isEmpty {
        try check(worksheet_write_blank(handle, r, c, format), "worksheet_write_blank", cellName(row, column))
      } else {
        // worksheet_write_string never interprets "=…": participant text stays text.
        try check(
          worksheet_write_string(handle, r, c, text, format), "worksheet_write_string", cellName(row, column))
        if !style.wrap { note(width: DisplayWidth.widestLine(text), column: column) }
      }
    case .number(let number):
      guard number.isFinite else {
        try check(worksheet_write_blank(handle, r, c, format), "worksheet_write_blank", cellName(row, column))
        break
      }
      try check(
        worksheet_write_number(handle, r, c, number, format), "worksheet_write_number", cellName(row, column))
      note(width: Self.numberWidth(number, format: style.numberFormat), column: column)
    case .blank:
      try check(worksheet_write_blank(handle, r, c, format), "worksheet_write_blank", cellName(row, column))
    }
    if style.wrap { wrappedColumns.insert(column) }
    lastRow = max(lastRow, row)
  }

  /// Writes `values` from `column` rightwards on `row`.
  package func writeRow(_ values: [CellValue], row: Int, column: Int = 0, style: CellStyle = .plain) throws {
    for (offset, value) in values.enumerated() {
      try write(value, row: row, column: column + offset, style: style)
    }
  }

  private func note(width: Int, column: Int) {
    contentWidths[column] = max(contentWidths[column] ?? 0, width)
  }

  /// The width a number takes in a column: its whole digits, decimals as the
  /// format shows them (4 without a format), a percent sign, a minus sign.
  package static func numberWidth(_ number: Double, format: String?) -> Int {
    var whole = abs(number).rounded(.toNearestOrEven)
    var digits = 1
    if whole.isFinite {
      while whole >= 10 {
        whole = (whole / 10).rounded(.down)
        digits += 1
      }
    }
    let decimals = format.map { $0.contains(".0") ? 2 : 0 } ?? 4
    let percent = format?.contains("%") == true ? 2 : 0
    return digits + decimals + percent + (number < 0 ? 1 : 0)
  }

  /// Records that rows up to `row` were written straight to the library
  /// (the raw-data lanes), for the row-order check of later writes.
  package func streamed(through row: Int) { lastRow = max(lastRow, row) }

  /// The final width of every column that has content or a fixed width.
  private func columnWidths() throws -> [Int: Double] {
    var widths: [Int: Double] = [:]
    for column in Set(contentWidths.keys).union(widthOverrides.keys).union(hiddenColumns) {
      if let fixed = widthOverrides[column] {
        widths[column] = fixed
      } else {
        let content = Double(contentWidths[column] ?? 8) + 2
        widths[column] = min(max(content, 6), wrappedColumns.contains(column) ? 80 : maximumColumnWidth)
      }
    }
    return widths
  }

  /// Fixes the width of `column` (in characters), ignoring its content.
  package func setColumnWidth(_ column: Int, _ width: Double) { widthOverrides[column] = width }

  /// Hides `column` (chart data that readers need not see).
  package func hideColumn(_ column: Int) { hiddenColumns.insert(column) }

  /// Counts `width` characters for `column` as if a cell held that much text
  /// (a header that an autofilter button will overlap, for instance).
  package func reserveWidth(_ width: Int, column: Int) { note(width: width, column: column) }

  /// Sizes the columns to their content (bounded), called by `Workbook.close()`.
  package func finish() throws {
    let widths = try columnWidths()
    // Rows holding wrapped text get the height of their tallest cell.
    for (row, cells) in wrappedLines.sorted(by: { $0.key < $1.key }) {
      let lines =
        cells.map { cell -> Int in
          // A column of width w holds about 1.3 w characters of ordinary text, w of bold.
          let width = max(1, Int(((widths[cell.column] ?? 8.43) - 1) * (cell.bold ? 1.0 : 1.3)))
          return cell.lines.reduce(0) { $0 + max(1, ($1 + width - 1) / width) }
        }.max() ?? 1
      guard lines > 1 else { continue }
      rowHeights[row] = max(rowHeights[row] ?? 0, Double(min(lines, 27)) * 15)
      if !buffering { try applyHeight(row, rowHeights[row]!) }
    }
    if buffering {
      // Row order for constant-memory mode; a later write to a cell wins.
      let ordered = pending.enumerated().sorted {
        ($0.element.row, $0.element.column, $0.offset) < ($1.element.row, $1.element.column, $1.offset)
      }.map(\.element)
      pending = []
      var heights = rowHeights.sorted { $0.key < $1.key }[...]
      for cell in ordered {
        while let (row, height) = heights.first, row <= cell.row {
          try applyHeight(row, height)
          heights = heights.dropFirst()
        }
        try emit(cell.value, row: cell.row, column: cell.column, style: cell.style)
      }
      for (row, height) in heights { try applyHeight(row, height) }
    }
    try setPageBreaks(widths: widths)
    for (column, width) in widths.sorted(by: { $0.key < $1.key }) {
      if hiddenColumns.contains(column) {
        var options = lxw_row_col_options()
        options.hidden = 1
        try check(
          worksheet_set_column_opt(handle, lxw_col_t(column), lxw_col_t(column), 8, nil, &options),
          "worksheet_set_column_opt", "hidden column \(columnName(column)) of “\(name)”")
        continue
      }
      try check(
        worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil),
        "worksheet_set_column",
        "the width of column \(columnName(column)) of “\(name)”")
    }
  }

  /// Keeps the first `rows` rows and `columns` columns in view while scrolling.
  package func freezePanes(rows: Int, columns: Int = 0) {
    worksheet_freeze_panes(handle, lxw_row_t(rows), lxw_col_t(columns))
  }

  package func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
    try check(
      worksheet_autofilter(
        handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)),
      "worksheet_autofilter", "the filter of “\(name)”")
  }

  /// Makes an Excel table (header row, autofilter, banded rows) of the range,
  /// whose first row holds `headers`. Not possible in constant-memory mode:
  /// use `autofilter` and `freezePanes` there.
  package func addTable(
    name tableName: String, firstRow: Int, firstColumn: Int, lastRow: Int, headers: [String],
    headerStyle: CellStyle = .plain
  ) throws {
    guard !workbook.constantMemory else {
      throw XLSXWriterError.library(
        function: "worksheet_add_table", code: Int(LXW_ERROR_FEATURE_NOT_SUPPORTED.rawValue),
        message: "tables are not possible in constant-memory mode", context: "“\(name)”")
    }
    var owned: [UnsafeMutablePointer<CChar>?] = []
    defer { owned.forEach { free($0) } }
    let columns = UnsafeMutablePointer<lxw_table_column>.allocate(capacity: headers.count)
    defer { columns.deallocate() }
    let list = UnsafeMutablePointer<UnsafeMutablePointer<lxw_table_column>?>.allocate(
      capacity: headers.count + 1)
    defer { list.deallocate() }
    // Excel refuses a table whose headers are empty or repeat (case-insensitively).
    var seen: Set<String> = []
    let headers = headers.enumerated().map { index, header in
      let base = header.isEmpty ? "\(index + 1)" : String(CellText.prepare(header).text.prefix(250))
      var unique = base
      var counter = 2
      while seen.contains(unique.lowercased()) {
        unique = "\(base) (\(counter))"
        counter += 1
      }
      seen.insert(unique.lowercased())
      return unique
    }
    for (index, header) in headers.enumerated() {
      let text = strdup(header)
      owned.append(text)
      columns[index] = lxw_table_column()
      columns[index].header = text
      // The table rewrites its header cells: keep their look for readers without table styles.
      columns[index].header_format = try workbook.format(headerStyle)
      list[index] = columns + index
    }
    list[headers.count] = nil
    let nameCopy = strdup(tableName)
    owned.append(nameCopy)
    var options = lxw_table_options()
    options.name = nameCopy
    options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue)
    options.style_type_number = 2
    options.columns = list
    let lastColumn = firstColumn + max(headers.count, 1) - 1
    try check(
      worksheet_add_table(
        handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(max(lastRow, firstRow + 1)),
        lxw_col_t(lastColumn), &options), "worksheet_add_table", "the table of “\(name)”")
    for (index, header) in headers.enumerated() {
      note(width: DisplayWidth.widestLine(header) + 3, column: firstColumn + index)
    }
  }

  /// Colours the cells of a column range equal to `text` (a verdict such as "atteint").
  package func highlight(
    cellsEqualTo text: String, firstRow: Int, lastRow: Int, column: Int, style: CellStyle
  ) throws {
    guard lastRow >= firstRow else { return }
    var rule = lxw_conditional_format()
    rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
    rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
    let quoted = strdup("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    defer { free(quoted) }
    rule.value_string = quoted
    rule.format = try workbook.format(style)
    try check(
      worksheet_conditional_format_range(
        handle, lxw_row_t(firstRow), lxw_col_t(column), lxw_row_t(lastRow), lxw_col_t(column), &rule),
      "worksheet_conditional_format_range", "the met / not met colours of “\(name)”")
  }

  /// Places `chart` with its top-left corner in the cell, scaled.
  package func insert(_ chart: Chart, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1) throws {
    try validate(row: row, column: column)
    var options = lxw_chart_options()
    options.x_scale = xScale
    options.y_scale = yScale
    options.object_position = UInt8(LXW_OBJECT_MOVE_DONT_SIZE.rawValue)
    try check(
      worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart.handle, &options),
      "worksheet_insert_chart_opt", cellName(row, column))
    // libxlsxwriter's default chart: 480 × 288 pixels.
    placedCharts.append((row, column, 480 * xScale, 288 * yScale))
  }

  /// Landscape, one page wide, the header rows repeated on every page, and
  /// page breaks placed so that no chart or kept block is cut.
  package func setUpPrinting(repeatRows: ClosedRange<Int>?) throws {
    printedRepeatRows = .some(repeatRows)
    worksheet_set_landscape(handle)
    worksheet_set_paper(handle, 9)  // A4
    worksheet_fit_to_pages(handle, 1, 0)
    if let repeatRows {
      try check(
        worksheet_repeat_rows(handle, lxw_row_t(repeatRows.lowerBound), lxw_row_t(repeatRows.upperBound)),
        "worksheet_repeat_rows", "the print titles of “\(name)”")
    }
  }

  /// Sets the height of `row`, in points (before its cells, in constant-memory mode).
  package func setRowHeight(_ row: Int, _ height: Double) throws {
    rowHeights[row] = height
    if buffering { return }
    try applyHeight(row, height)
  }

  private func applyHeight(_ row: Int, _ height: Double) throws {
    try check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "worksheet_set_row", cellName(row, 0))
  }

  package func activate() { worksheet_activate(handle) }
}

/// `A`, `B`, … `Z`, `AA`… for a 0-based column index.
package func columnName(_ column: Int) -> String {
  var index = column + 1
  var name = ""
  while index > 0 {
    let remainder = (index - 1) % 26
    name = String(UnicodeScalar(UInt8(65 + remainder))) + name
    index = (index - 1) / 26
  }
  return name
}
