import Aggregation
import BilanBase
import Foundation
import SurveyDefinition
import XLSXWriter

extension ReportWriter {
  /// The sheets of the internal workbook: the warning first, then the raw
  /// data and the codebook.
  struct InternalSheets {
    var warning: Worksheet
    var data: RawDataSheets
    var codebook: Worksheet
  }

  /// Creates the internal workbook's sheets for `expectedRows` responses
  /// (`keys`: the consolidation's shared answer keys, with an edition column).
  func addInternalSheets(survey: Survey, expectedRows: Int, keys: [String]? = nil) throws -> InternalSheets {
    InternalSheets(
      warning: try workbook.addWorksheet(text.warningSheet),
      data: try RawDataSheets(
        writer: self, survey: survey, expectedRows: expectedRows, keys: keys, editionColumn: keys != nil),
      codebook: try workbook.addWorksheet(text.codebookSheet))
  }

  /// Once the raw data is streamed: its tables, the codebook (of the first
  /// edition), the properties and the warning sheet, which opens the file.
  func fillInternal(_ sheets: InternalSheets, results: [SurveyResults], surveys: [Survey]) throws {
    try sheets.data.finish()
    try writeCodebook(surveys[0], in: sheets.codebook)
    try setProperties(results: results, forInternalUse: true)
    try writeWarning(results, rows: sheets.data.rows, in: sheets.warning)
    sheets.warning.activate()
  }

  /// The first sheet: in words, that the file identifies people and must
  /// not leave the organisation; what it holds; what may be sent instead.
  private func writeWarning(_ results: [SurveyResults], rows: Int, in sheet: Worksheet) throws {
    let titles = results.map(\.survey.title).reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    let organisers = Array(Set(results.compactMap { $0.survey.event?.organiser })).sorted()
    let minimum = results.map(\.minGroupSize).max() ?? 3
    var row = 0
    try sheet.write(.text(text.internalTitle), row: row, column: 0, style: warningTitle)
    row += 1
    try sheet.write(.text(titles.joined(separator: " · ")), row: row, column: 0, style: subtitle)
    row += 2
    let lines = text.internalWarning(
      organiser: organisers.isEmpty ? nil : organisers.joined(separator: ", "), minimum: minimum,
      rehearsal: results.contains { $0.counts.isRehearsal })
    for line in lines {
      try sheet.write(.text(line), row: row, column: 0, style: wrapped)
      try sheet.setRowHeight(row, 15 * Double((DisplayWidth.widestLine(line) + 109) / 110))
      row += 1
    }
    row += 1
    try sheet.write(.text(text.internalContents), row: row, column: 0, style: heading)
    row += 1
    for line in text.internalSheets(rows: rows, truncated: workbook.truncatedCells) {
      try sheet.write(.text(line), row: row, column: 0, style: wrapped)
      row += 1
    }
    sheet.setColumnWidth(0, 120)
    try sheet.setUpPrinting(repeatRows: nil)
  }
}
