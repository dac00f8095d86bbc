import Aggregation
import Foundation
import XLSXWriter

extension ReportWriter {
  /// Each indicator by each breakdown: one block per breakdown, indicators
  /// down, groups across; a withheld cell shows "< k".
  func writeBreakdowns(_ results: SurveyResults, in sheet: Worksheet, title sheetTitle: String? = nil) throws
  {
    var row = 0
    let minimum = results.minGroupSize
    try sheet.write(.text(sheetTitle ?? text.breakdownsSheet), row: row, column: 0, style: title)
    row += 1
    try sheet.write(
      .text(
        text.french
          ? "Aucune case reposant sur moins de \(minimum) personnes n’est publiée : « < \(minimum) » ; "
            + "« masqué » : une seconde case retirée pour qu’on ne puisse pas retrouver la première par soustraction."
          : "No cell resting on fewer than \(minimum) people is published: \"< \(minimum)\"; \"withheld\": "
            + "a second cell removed so that the first cannot be recovered by subtraction."),
      row: row, column: 0, style: subtitle)
    row += 2
    for breakdown in results.breakdowns {
      let blockStart = row
      try sheet.write(.text("\(text.breakdown) : \(breakdown.label)"), row: row, column: 0, style: heading)
      row += 1
      let groups = breakdown.groups
      var headers = [text.indicator, text.item, "\(text.overall)\n(n = \(results.counts.included))"]
      // No group size is printed: with the overall n beside them, published
      // sizes would give away the size of a withheld group by subtraction.
      headers += groups.map { group in
        group.belowMinimum ? "\(group.group.label)\n(n < \(minimum))" : group.group.label
      }
      row = try writeHeader(headers, in: sheet, row: row)
      for indicator in results.indicators {
        let format = style(for: indicator.unit)
        for overall in indicator.overall {
          try sheet.write(.text(indicator.label), row: row, column: 0, style: wrapped)
          try sheet.write(overall.item.map { .text($0.label) } ?? .blank, row: row, column: 1, style: wrapped)
          try sheet.write(.optional(overall.value), row: row, column: 2, style: format)
          for (offset, group) in groups.enumerated() {
            let cell = indicator.rows.first {
              $0.group?.question == breakdown.question && $0.group?.code == group.group.code
                && $0.item?.code == overall.item?.code
            }
            let column = 3 + offset
            if let cell, cell.suppressed {
              // A second cell withheld so the first cannot be recovered rests on
              // k or more people: "< k" would be false there.
              let mark =
                cell.suppression == .complementary
                ? (text.french ? "masqué" : "withheld") : text.suppressed(minimum)
              try sheet.write(.text(mark), row: row, column: column, style: withheldStyle)
            } else {
              try sheet.write(.optional(cell?.value), row: row, column: column, style: format)
            }
          }
          row += 1
        }
      }
      sheet.keepTogether(blockStart...(row - 1))
      row += 1
    }
    sheet.setColumnWidth(0, 40)
    sheet.setColumnWidth(1, 30)
    for column in 2..<(3 + (results.breakdowns.map(\.groups.count).max() ?? 0)) {
      sheet.setColumnWidth(column, 14)
    }
    // The title, the note and the first breakdown's header stay in view.
    sheet.freezePanes(rows: results.breakdowns.isEmpty ? 1 : 5)
    try sheet.setUpPrinting(repeatRows: nil)
  }
}
