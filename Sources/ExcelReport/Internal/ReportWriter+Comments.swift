import Aggregation
import Foundation
import SurveyDefinition
import XLSXWriter

extension ReportWriter {
  /// The quotes the synthesis publishes (`Quotations`), masked as the
  /// engine masked them, grouped by question: nothing from a group below the
  /// minimum size, no profile or “other” text. Every answer is in the
  /// internal workbook.
  func writeComments(
    _ editions: [(results: SurveyResults, survey: Survey)], in sheet: Worksheet, editionColumn: Bool
  ) throws {
    let withheld = editions.reduce(0) { total, edition in
      total
        + edition.results.freeText.filter { Quotations.publishes($0, survey: edition.survey) }.reduce(0) {
          $0 + $1.answers.filter(\.fromSmallGroup).count
        }
    }
    let minimum = editions.map(\.results.minGroupSize).max() ?? 3
    var headers = [text.question, text.item, text.comment]
    if editionColumn { headers.insert(text.edition, at: 0) }
    let shift = editionColumn ? 1 : 0
    try writeHeader(headers, in: sheet, row: 0)
    var row = 1
    // Questions whose answers the engine cut to the first ones: said below the table.
    var cuts: [String] = []
    for (results, survey) in editions {
      for summary in results.freeText where Quotations.publishes(summary, survey: survey) {
        let label =
          summary.isOther
          ? "\(summary.label) — \(text.french ? "autre (précisez)" : "other (specify)")" : summary.label
        let (positions, candidates) = Quotations.chosen(summary)
        for answer in positions.map({ summary.answers[$0] }) {
          if editionColumn { try sheet.write(.text(results.survey.id), row: row, column: 0) }
          try sheet.write(.text(label), row: row, column: shift, style: wrapped)
          try sheet.write(
            summary.item.map { .text($0.label) } ?? .blank, row: row, column: shift + 1, style: wrapped)
          try sheet.write(.text(answer.text), row: row, column: shift + 2, style: wrapped)
          row += 1
        }
        if positions.count < candidates || summary.isTruncated {
          let edition = editionColumn ? "\(results.survey.id) — " : ""
          cuts.append(edition + text.commentsCut(label: label, shown: positions.count, total: summary.total))
        }
      }
    }
    // The count of withheld quotes goes below the table, never inside it.
    if withheld > 0 {
      try sheet.write(
        .text(
          text.french
            ? "\(withheld) réponse(s) non citée(s) : leur auteur appartient à un groupe de moins de \(minimum) personnes."
            : "\(withheld) answer(s) not quoted: their author belongs to a group of fewer than \(minimum) people."
        ),
        row: row + 1, column: shift, style: subtitle)
    }
    for (index, cut) in cuts.enumerated() {
      try sheet.write(.text(cut), row: row + (withheld > 0 ? 2 : 1) + index, column: shift, style: subtitle)
    }
    try finishTable(sheet, name: "Verbatims", headers: headers, lastRow: max(row - 1, 1))
    sheet.setColumnWidth(shift, 40)
    sheet.setColumnWidth(shift + 1, 24)
    sheet.setColumnWidth(shift + 2, 90)
  }
}
