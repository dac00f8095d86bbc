internal import CXLSXWriter
import Foundation

/// An xlsx file being written through libxlsxwriter.
///
/// Owns the C workbook: `close()` writes the file, `abandon()` frees it
/// without writing; after either, every call throws `workbookClosed`.
/// Sheets, formats and charts belong to the workbook and live as long as it.
/// Not thread-safe: one workbook is written by one task.
package final class Workbook {
  /// Document properties stored in `docProps/core.xml` and `app.xml`.
  package struct Properties {
    package var title: String
    package var subject: String
    package var author: String
    package var company: String
    package var keywords: String
    package var comments: String
    /// The creation date written in the file. Fixed by the caller (the last
    /// response's date), so the same input gives the same bytes.
    package var created: Date

    package init(
      title: String = "", subject: String = "", author: String = "", company: String = "",
      keywords: String = "", comments: String = "", created: Date
    ) {
      self.title = title
      self.subject = subject
      self.author = author
      self.company = company
      self.keywords = keywords
      self.comments = comments
      self.created = created
    }
  }

  package let path: String
  /// In constant-memory mode every sheet is streamed row by row to a
  /// temporary file: rows must come in order and no Excel table is possible.
  package let constantMemory: Bool
  private var handle: UnsafeMutablePointer<lxw_workbook>?
  private var names = SheetNames()
  private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
  private var temporaryDirectory: UnsafeMutablePointer<CChar>?
  package private(set) var sheets: [Worksheet] = []
  /// Texts cut at Excel's 32,767-unit limit so far.
  package var truncatedCells = 0

  /// Creates the workbook in memory; nothing is written to `path` before `close()`.
  ///
  /// - Parameter temporaryDirectory: where libxlsxwriter keeps its temporary
  ///   files (constant-memory rows, zip parts); the system's by default.
  package init(path: String, constantMemory: Bool = false, temporaryDirectory: String? = nil) throws {
    self.path = path
    self.constantMemory = constantMemory
    self.temporaryDirectory = temporaryDirectory.map { strdup($0) }
    var options = lxw_workbook_options()
    options.constant_memory = constantMemory ? 1 : 0
    options.tmpdir = self.temporaryDirectory
    options.use_zip64 = 1
    guard let workbook = workbook_new_opt(path, &options) else {
      throw XLSXWriterError.allocationFailed(function: "workbook_new_opt", context: path)
    }
    handle = workbook
  }

  deinit {
    if let handle { lxw_workbook_free(handle) }
    free(temporaryDirectory)
  }

  func live() throws -> UnsafeMutablePointer<lxw_workbook> {
    guard let handle else { throw XLSXWriterError.workbookClosed(path: path) }
    return handle
  }

  /// Adds a sheet named `proposedName`, made valid and unique (see `SheetNames`).
  ///
  /// - Parameter streaming: rows will be written top to bottom (raw data);
  ///   other sheets are buffered in constant-memory mode.
  package func addWorksheet(_ proposedName: String, streaming: Bool = false) throws -> Worksheet {
    let workbook = try live()
    let name = try names.claim(proposedName)
    guard let sheet = workbook_add_worksheet(workbook, name) else {
      throw XLSXWriterError.allocationFailed(function: "workbook_add_worksheet", context: "sheet “\(name)”")
    }
    let worksheet = Worksheet(workbook: self, handle: sheet, name: name, streaming: streaming)
    sheets.append(worksheet)
    return worksheet
  }

  /// The shared format for `style`.
  func format(_ style: CellStyle) throws -> UnsafeMutablePointer<lxw_format>? {
    if let existing = formats[style] { return existing }
    guard let format = workbook_add_format(try live()) else {
      throw XLSXWriterError.allocationFailed(function: "workbook_add_format", context: "a cell format")
    }
    if style.bold { format_set_bold(format) }
    if style.italic { format_set_italic(format) }
    if let size = style.fontSize { format_set_font_size(format, size) }
    if let color = style.fontColor { format_set_font_color(format, color) }
    if let color = style.background {
      format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(format, color)
    }
    if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
    if style.wrap { format_set_text_wrap(format) }
    switch style.alignment {
    case .general: break
    case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
    case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
    case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
    }
    if style.verticalTop { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
    if style.bottomBorder { format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue)) }
    if style.indent > 0 { format_set_indent(format, style.indent) }
    formats[style] = format
    return format
  }

  /// The shared format for `style` with its index assigned now, so that
  /// background lanes (`StreamedCellWriter`) only ever read it.
  package func indexedFormat(_ style: CellStyle) throws -> IndexedFormat {
    let format = try format(style)
    if let format { _ = lxw_format_get_xf_index(format) }
    return IndexedFormat(pointer: format)
  }

  /// Adds a native chart, to be filled with series and inserted in one sheet.
  package func addChart(_ kind: Chart.Kind) throws -> Chart {
    guard let chart = workbook_add_chart(try live(), kind.libraryType) else {
      throw XLSXWriterError.allocationFailed(function: "workbook_add_chart", context: "a chart")
    }
    return Chart(handle: chart)
  }

  package func setProperties(_ properties: Properties) throws {
    let workbook = try live()
    var owned: [UnsafeMutablePointer<CChar>?] = []
    defer { owned.forEach { free($0) } }
    func c(_ text: String) -> UnsafeMutablePointer<CChar>? {
      guard !text.isEmpty else { return nil }
      let pointer = strdup(CellText.prepare(text).text)
      owned.append(pointer)
      return pointer
    }
    var values = lxw_doc_properties()
    values.title = c(properties.title)
    values.subject = c(properties.subject)
    values.author = c(properties.author)
    values.company = c(properties.company)
    values.keywords = c(properties.keywords)
    values.comments = c(properties.comments)
    // 0 would mean "now": keep the epoch's second 1 at least.
    values.created = max(1, time_t(properties.created.timeIntervalSince1970.rounded(.down)))
    try check(
      workbook_set_properties(workbook, &values), "workbook_set_properties", "the document properties")
  }

  /// Writes the file at `path` and frees the workbook.
  package func close() throws {
    let workbook = try live()
    for sheet in sheets { try sheet.finish() }
    // workbook_close frees the workbook whatever it returns.
    handle = nil
    errno = 0
    let code = workbook_close(workbook)
    // libxlsxwriter reports a full disk as a generic zip error: say what it is.
    let systemError = errno
    if code != LXW_NO_ERROR, systemError == ENOSPC || systemError == EDQUOT {
      throw XLSXWriterError.writeFailed(
        path: path,
        reason: "the disk is full (\(String(cString: strerror(systemError)))); free some space and try again")
    }
    try check(code, "workbook_close", path)
  }

  /// Frees the workbook without writing anything (after a failure).
  package func abandon() {
    if let handle { lxw_workbook_free(handle) }
    handle = nil
  }
}

/// A cell format whose index is assigned: safe to hand to background lanes.
package struct IndexedFormat: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<lxw_format>?
}

/// Turns a libxlsxwriter return code into an `XLSXWriterError`.
func check(_ code: lxw_error, _ function: String, _ context: @autoclosure () -> String) throws {
  guard code != LXW_NO_ERROR else { return }
  let message = lxw_strerror(code).map { String(cString: $0) } ?? "unknown error"
  throw XLSXWriterError.library(
    function: function, code: Int(code.rawValue), message: message, context: context())
}
