import Aggregation
import Foundation
import XLSXWriter

extension ReportWriter {
  /// Every indicator row (overall and per group, per item), one per line, as
  /// an Excel table a funder can filter; withheld cells say so.
  func writeIndicators(_ editions: [SurveyResults], in sheet: Worksheet, editionColumn: Bool) throws {
    var headers = [
      text.indicatorID, text.indicator, text.kind, text.item, text.breakdown, text.group, text.value,
      text.ciLow,
      text.ciHigh, text.n, text.target, text.verdict, text.rank, text.withheld,
    ]
    if editionColumn { headers.insert(text.edition, at: 0) }
    let shift = editionColumn ? 1 : 0
    try writeHeader(headers, in: sheet, row: 0)
    var row = 1
    for results in editions {
      let breakdownLabels = Dictionary(
        results.breakdowns.map { ($0.question, $0.label) }, uniquingKeysWith: { first, _ in first })
      for indicator in results.indicators {
        for figures in indicator.rows {
          if editionColumn { try sheet.write(.text(results.survey.id), row: row, column: 0) }
          try sheet.writeRow(
            [
              .text(indicator.id), .text(indicator.label), .text(text.kindName(indicator.kind.rawValue)),
              figures.item.map { .text($0.label) } ?? .text(text.overall),
              figures.group.map { .text(breakdownLabels[$0.question] ?? $0.question) } ?? .text(text.overall),
              figures.group.map { .text($0.label) } ?? .text(text.overall),
            ], row: row, column: shift)
          try writeFigures(
            figures, unit: indicator.unit, minimum: results.minGroupSize, in: sheet, row: row,
            column: shift + 6)
          try sheet.write(text.target(indicator).map { .text($0) } ?? .blank, row: row, column: shift + 10)
          try sheet.write(verdict(figures.verdict), row: row, column: shift + 11)
          try sheet.write(figures.rank.map { .integer($0) } ?? .blank, row: row, column: shift + 12)
          let withheld: CellValue =
            figures.suppressed
            ? .text(text.withheldReason(figures.suppression == .complementary, minimum: results.minGroupSize))
            : .blank
          try sheet.write(withheld, row: row, column: shift + 13)
          row += 1
        }
      }
    }
    if row > 1 { try colourVerdicts(in: sheet, column: shift + 11, rows: 1...(row - 1)) }
    try finishTable(sheet, name: "Indicateurs", headers: headers, lastRow: row - 1)
    for (column, width) in [(0, 16.0), (1, 40), (2, 14), (3, 28), (4, 24), (5, 24)] {
      sheet.setColumnWidth(shift + column, width)
    }
  }

  /// An Excel table over rows 0…lastRow (header in row 0) with frozen header
  /// and print titles; in constant-memory mode an autofilter instead.
  func finishTable(_ sheet: Worksheet, name: String, headers: [String], lastRow: Int) throws {
    if workbook.constantMemory {
      try sheet.autofilter(
        firstRow: 0, firstColumn: 0, lastRow: max(lastRow, 0), lastColumn: headers.count - 1)
    } else {
      try sheet.addTable(
        name: name, firstRow: 0, firstColumn: 0, lastRow: lastRow, headers: headers, headerStyle: header)
    }
    sheet.freezePanes(rows: 1)
    try sheet.setUpPrinting(repeatRows: 0...0)
  }
}
