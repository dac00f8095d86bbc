import Aggregation
import Foundation
import SurveyDefinition
import XLSXWriter

extension ReportWriter {
  /// Several editions, for a funder: the editions side by side, every
  /// indicator row of each, the quotes, the codebook (the raw data of all
  /// goes to the internal workbook).
  func writeConsolidated(_ consolidated: ConsolidatedResults, surveys: [Survey]) throws {
    let editions = consolidated.editions
    try setProperties(results: editions)
    let summary = try workbook.addWorksheet(text.summarySheet)
    let indicators = try workbook.addWorksheet(text.indicatorsSheet)
    // Each edition's tools side by side and its breakdowns, as the engine
    // computed them for that edition (its own k rule and suppressions).
    var itemSheets: [(Worksheet, Int)] = []
    var breakdownSheets: [(Worksheet, Int)] = []
    for (index, results) in editions.enumerated() where !results.items.isEmpty {
      itemSheets.append((try workbook.addWorksheet("\(text.itemsSheet) \(editionName(results))"), index))
    }
    for (index, results) in editions.enumerated() where !results.breakdowns.isEmpty {
      breakdownSheets.append(
        (try workbook.addWorksheet("\(text.breakdownsSheet) \(editionName(results))"), index))
    }
    let comments = try workbook.addWorksheet(text.commentsSheet)
    let codebook = try workbook.addWorksheet(text.codebookSheet)

    let methodRow = try writeEditions(consolidated, in: summary)
    try writeIndicators(editions, in: indicators, editionColumn: true)
    for (sheet, index) in itemSheets {
      try writeItems(
        editions[index], survey: surveys[index], in: sheet,
        title: "\(text.itemsSheet) · \(editionName(editions[index]))")
    }
    for (sheet, index) in breakdownSheets {
      try writeBreakdowns(
        editions[index], in: sheet, title: "\(text.breakdownsSheet) · \(editionName(editions[index]))")
    }
    try writeComments(Array(zip(editions, surveys)), in: comments, editionColumn: true)
    try writeCodebook(surveys[0], in: codebook)
    try writeMethod(consolidated.pooled ?? editions[0], in: summary, row: methodRow)
    summary.activate()
  }

  /// A change between two editions in words (`EditionChange`).
  func changeWords(_ verdict: EditionChange.Verdict) -> String {
    switch verdict {
    case .higher: text.french ? "hausse nette (intervalles séparés)" : "clear rise (intervals apart)"
    case .lower: text.french ? "baisse nette (intervalles séparés)" : "clear fall (intervals apart)"
    case .noClearDifference:
      text.french
        ? "pas de différence nette (les intervalles se chevauchent)"
        : "no clear difference (the intervals overlap)"
    case .same: text.french ? "à égalité" : "level"
    case .notComparable:
      text.french ? "pas de comparaison (chiffre absent)" : "no comparison (figure missing)"
    }
  }

  /// What names an edition in sheet names and headings: its event's date, else its survey id.
  func editionName(_ results: SurveyResults) -> String {
    results.survey.event?.date ?? results.survey.id
  }

  /// The editions (event, date, responses), then each shared indicator with
  /// one column group (value, interval, n) per edition and the pooled figure.
  private func writeEditions(_ consolidated: ConsolidatedResults, in sheet: Worksheet) throws -> Int {
    let editions = consolidated.editions
    var row = 0
    let titles = editions.map(\.survey.title).reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    try sheet.write(.text(titles.joined(separator: " · ")), row: row, column: 0, style: title)
    row += 2
    row = try writeHeader(
      [text.edition, text.event, text.date, text.place, text.completeResponses, text.responseRate], in: sheet,
      row: row)
    for results in editions {
      try sheet.writeRow(
        [
          .text(results.survey.id), .text(results.survey.event?.name ?? results.survey.title),
          .text(results.survey.event?.date ?? ""), .text(results.survey.event?.place ?? ""),
        ], row: row)
      try sheet.write(.integer(results.counts.complete), row: row, column: 4, style: integer)
      try sheet.write(.optional(results.counts.responseRate), row: row, column: 5, style: percent)
      row += 1
    }
    row += 1
    try sheet.write(.text(text.keyFigures), row: row, column: 0, style: heading)
    row += 1
    var headers = [text.indicator, text.item]
    for results in editions {
      let name = results.survey.event?.date ?? results.survey.id
      headers += ["\(name)\n\(text.value)", text.ciLow, text.ciHigh, text.n]
    }
    let hasPooled = consolidated.comparison.contains { $0.pooled != nil }
    if hasPooled { headers += ["\(text.pooled)\n\(text.value)", text.ciLow, text.ciHigh, text.n] }
    // From each edition to the next: the change as far as the intervals support it.
    let pairs = editions.indices.dropFirst().map { ($0 - 1, $0) }
    headers += pairs.map { from, to in
      "\(editionName(editions[from])) → \(editionName(editions[to]))"
    }
    try sheet.setRowHeight(row, 32)
    let headerRow = row
    row = try writeHeader(headers, in: sheet, row: row)
    let units = Dictionary(
      editions[0].indicators.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
    for comparison in consolidated.comparison {
      let unit = units[comparison.indicator] ?? .proportion
      let itemRows = comparison.editions.first?.rows ?? []
      for (index, reference) in itemRows.enumerated() {
        try sheet.write(.text(comparison.label), row: row, column: 0)
        try sheet.write(reference.item.map { .text($0.label) } ?? .blank, row: row, column: 1)
        var column = 2
        for (editionIndex, _) in editions.enumerated() {
          let rows =
            comparison.editions.indices.contains(editionIndex) ? comparison.editions[editionIndex].rows : []
          let figures =
            rows.first { $0.item?.code == reference.item?.code }
            ?? (rows.indices.contains(index) ? rows[index] : nil)
          if let figures {
            try writeFigures(
              figures, unit: unit, minimum: editions[editionIndex].minGroupSize, in: sheet, row: row,
              column: column)
          }
          column += 4
        }
        if let pooled = comparison.pooled?.first(where: { $0.item?.code == reference.item?.code }) {
          try writeFigures(
            pooled, unit: unit, minimum: consolidated.pooled?.minGroupSize ?? editions[0].minGroupSize,
            in: sheet,
            row: row, column: column)
        }
        if hasPooled { column += 4 }
        for (from, to) in pairs where comparison.kind != .borda {
          let change = comparison.changes.first {
            $0.from == from && $0.to == to && $0.item?.code == reference.item?.code
          }
          try sheet.write(
            change.map { .text(changeWords($0.verdict)) } ?? .blank, row: row, column: column, style: wrapped)
          column += 1
        }
        row += 1
      }
    }
    sheet.setColumnWidth(0, 40)
    try sheet.setUpPrinting(repeatRows: headerRow...headerRow)
    return row + 1
  }
}
