import Aggregation
import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition
import XLSXWriter

/// Writes the report's sheets into an open workbook: the shared styles and
/// cell helpers; each sheet in its own `ReportWriter+Sheet.swift`.
final class ReportWriter {
  let workbook: Workbook
  let text: ReportText
  let language: String
  let options: ExcelReport.Options

  init(workbook: Workbook, language: String, options: ExcelReport.Options) {
    self.workbook = workbook
    self.language = language
    self.text = ReportText(language: language)
    self.options = options
  }

  // MARK: Styles

  static let navy: UInt32 = 0x1F4E79
  let title = CellStyle(bold: true, fontSize: 14, fontColor: 0x1F3864)
  let warningTitle = CellStyle(bold: true, fontSize: 16, fontColor: 0x9C0006)
  let heading = CellStyle(bold: true, fontSize: 12, fontColor: 0x1F3864)
  let subtitle = CellStyle(italic: true, fontColor: 0x595959)
  let header = CellStyle(bold: true, fontColor: 0xFFFFFF, background: navy, wrap: true, verticalTop: true)
  let label = CellStyle(bold: true)
  let note = CellStyle(fontColor: 0x404040)
  let wrapped = CellStyle(wrap: true)
  let withheldStyle = CellStyle(italic: true, fontColor: 0x7F7F7F, alignment: .right)
  let metStyle = CellStyle(bold: true, fontColor: 0x006100, background: 0xC6EFCE)
  let notMetStyle = CellStyle(bold: true, fontColor: 0x9C0006, background: 0xFFC7CE)
  let notConclusiveStyle = CellStyle(bold: true, fontColor: 0x7F6000, background: 0xFFEB9C)
  let integer = CellStyle(numberFormat: "0")
  let percent = CellStyle(numberFormat: "0 %")
  let dateStyle = CellStyle(numberFormat: "yyyy-mm-dd hh:mm")

  /// The number format of an indicator's unit: 0 % for proportions, 0.0 for
  /// scale means, whole points for the NPS and indices.
  func style(for unit: IndicatorUnit) -> CellStyle {
    switch unit {
    case .proportion: CellStyle(numberFormat: "0 %")
    case .points: CellStyle(numberFormat: "0")
    case .scaleUnits: CellStyle(numberFormat: "0.0")
    case .index: CellStyle(numberFormat: "0")
    case .bordaPoints: CellStyle(numberFormat: "0.00")
    }
  }

  /// The chart label format matching `style(for:)`.
  func chartFormat(for unit: IndicatorUnit) -> String {
    switch unit {
    case .proportion: "0%"
    case .points, .index: "0"
    case .scaleUnits: "0.0"
    case .bordaPoints: "0.00"
    }
  }

  // MARK: Cells

  /// Writes a header row and returns the next row.
  @discardableResult
  func writeHeader(_ titles: [String], in sheet: Worksheet, row: Int, column: Int = 0) throws -> Int {
    try sheet.writeRow(titles.map { .text($0) }, row: row, column: column, style: header)
    for (offset, title) in titles.enumerated() {
      // Headers wrap: count only their longest word, plus the filter button.
      let longestWord = title.split(separator: " ").map { DisplayWidth.widestLine(String($0)) }.max() ?? 0
      sheet.reserveWidth(min(longestWord + 2, 24), column: column + offset)
    }
    return row + 1
  }

  /// Writes value, interval low, interval high and n of an indicator row
  /// from `column`; a withheld row shows "< k" and nothing else.
  func writeFigures(
    _ figures: IndicatorRow, unit: IndicatorUnit, minimum: Int, in sheet: Worksheet, row: Int, column: Int
  ) throws {
    if figures.suppressed {
      try sheet.write(.text(text.suppressed(minimum)), row: row, column: column, style: withheldStyle)
      for offset in 1...3 { try sheet.write(.blank, row: row, column: column + offset) }
      return
    }
    let format = style(for: unit)
    try sheet.write(.optional(figures.value), row: row, column: column, style: format)
    try sheet.write(.optional(figures.ciLow), row: row, column: column + 1, style: format)
    try sheet.write(.optional(figures.ciHigh), row: row, column: column + 2, style: format)
    try sheet.write(figures.n.map { .integer($0) } ?? .blank, row: row, column: column + 3, style: integer)
  }

  /// "atteint" / "non atteint" / "non concluant" / blank: the target
  /// as the interval supports it (`TargetVerdict`).
  func verdict(_ verdict: TargetVerdict?) -> CellValue {
    switch verdict {
    case .met?: .text(text.met)
    case .notMet?: .text(text.notMet)
    case .notConclusive?: .text(text.notConclusive)
    case nil: .blank
    }
  }

  /// Colours the verdict cells of `column` between the rows (conditional
  /// formatting: the colour follows the text if someone edits it).
  func colourVerdicts(in sheet: Worksheet, column: Int, rows: ClosedRange<Int>) throws {
    try sheet.highlight(
      cellsEqualTo: text.met, firstRow: rows.lowerBound, lastRow: rows.upperBound, column: column,
      style: metStyle)
    try sheet.highlight(
      cellsEqualTo: text.notMet, firstRow: rows.lowerBound, lastRow: rows.upperBound, column: column,
      style: notMetStyle)
    try sheet.highlight(
      cellsEqualTo: text.notConclusive, firstRow: rows.lowerBound, lastRow: rows.upperBound, column: column,
      style: notConclusiveStyle)
  }

  /// The report language's date words (« 5 mars 2015 »).
  var dateWords: ToolWords.Dates { ToolWords.resolved(language).dates }

  /// An Excel serial date (days since 1899-12-30, UTC).
  static func excelDate(_ date: Date) -> Double {
    date.timeIntervalSince1970 / 86_400 + 25_569
  }

  /// The fixed creation date of the file: the last response's, else the
  /// event's, else 1980-01-01 — never the clock.
  static func creationDate(lastResponse: Date?, eventDate: String?) -> Date {
    if let lastResponse { return lastResponse }
    if let eventDate, let day = CalendarDay(eventDate) { return day.date() }
    return Date(timeIntervalSince1970: 315_532_800)
  }
}
