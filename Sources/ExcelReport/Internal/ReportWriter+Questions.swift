import Aggregation
import Foundation
import SurveyDefinition
import XLSXWriter

extension ReportWriter {
  /// For each question its distribution table and a native chart: diverging
  /// stacked bars for scales and matrices, bars for single, multiple,
  /// boolean and ranking, columns for the NPS.
  func writeQuestions(_ results: SurveyResults, survey: Survey, in sheet: Worksheet) throws {
    var row = 0
    try sheet.write(.text(text.questionsSheet), row: row, column: 0, style: title)
    row += 2
    for summary in results.questions {
      let start = row
      if let group = itemGroup(of: summary, in: results) {
        // A question of a loop: all its items together, where the first comes.
        guard group.first?.key == summary.key else { continue }
        row = try writeItemQuestion(group, survey: survey, in: sheet, row: row)
      } else {
        row = try writeQuestion(summary, survey: survey, in: sheet, row: row)
      }
      // A question's heading, table and chart on one printed page.
      sheet.keepTogether(start...max(start, row - 2))
    }
    sheet.setColumnWidth(0, 36)
    sheet.freezePanes(rows: 1)
    try sheet.setUpPrinting(repeatRows: nil)
  }

  private func writeQuestion(
    _ summary: QuestionSummary, survey: Survey, in sheet: Worksheet, row start: Int
  )
    throws -> Int
  {
    var row = start
    try sheet.write(.text("\(summary.sectionTitle) — \(summary.label)"), row: row, column: 0, style: heading)
    row += 1
    try sheet.write(
      .text(
        text.answeredLine(
          answered: summary.answered, notApplicable: summary.notApplicable, missing: summary.missing)
          + (summary.ranking.map { " · " + text.rankingScore(pick: $0.pick) } ?? "")
          + (summary.sharesMaySumOver100 && summary.ranking == nil
            ? (text.french
              ? " · plusieurs réponses possibles : total > 100 %"
              : " · several answers allowed: total > 100%")
            : "")), row: row, column: 0, style: subtitle)
    row += 1
    let tableTop = row
    let chartColumn = 5
    switch summary.type {
    case "text", "long_text":
      try sheet.write(
        .text(
          text.french
            ? "Réponses libres : voir la feuille Verbatims." : "Free answers: see the Comments sheet."),
        row: row, column: 0)
      return row + 2
    case "number":
      row = try writeStatistics(summary.statistics, in: sheet, row: row)
      return row + 1
    case "matrix":
      guard let matrix = summary.matrix else { return row + 1 }
      let points = matrix.rows.first?.distribution.map(\.label) ?? []
      row = try writeHeader([text.question, text.n, text.mean, text.ciLow, text.ciHigh], in: sheet, row: row)
      for entry in matrix.rows {
        try sheet.write(.text(entry.row.label), row: row, column: 0, style: wrapped)
        try sheet.write(.integer(entry.answered), row: row, column: 1, style: integer)
        let format = CellStyle(numberFormat: "0.0")
        try sheet.write(.optional(entry.statistics.mean), row: row, column: 2, style: format)
        try sheet.write(.optional(entry.statistics.ciLow), row: row, column: 3, style: format)
        try sheet.write(.optional(entry.statistics.ciHigh), row: row, column: 4, style: format)
        row += 1
      }
      if let alpha = matrix.cronbachAlpha {
        try sheet.write(
          .text(text.cronbachAlpha), row: row, column: 0, style: subtitle)
        try sheet.write(.number(alpha), row: row, column: 2, style: CellStyle(numberFormat: "0.00"))
        row += 1
      }
      try addDivergingChart(
        title: text.chartTitle(summary.label, n: matrix.rows.map(\.answered)), in: sheet,
        categories: matrix.rows.map(\.row.label), points: points,
        shares: matrix.rows.map { $0.distribution.map { Double($0.percent) / 100 } },
        at: (tableTop, chartColumn))
      let chartHeight = Int(
        (Double(Self.chartRows) * min(2.0, max(1.0, Double(matrix.rows.count) / 4))).rounded(.up))
      return max(row, tableTop + chartHeight) + 2
    case "ranking":
      guard let ranking = summary.ranking else { return row + 1 }
      row = try writeHeader([text.answer, text.borda, text.rankedFirst, text.rank], in: sheet, row: row)
      let first = row
      let ordered = ranking.choices.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : false }
      for entry in ordered {
        try sheet.write(.text(entry.choice.label), row: row, column: 0, style: wrapped)
        try sheet.write(.number(entry.borda), row: row, column: 1, style: CellStyle(numberFormat: "0.00"))
        try sheet.write(.integer(entry.firstCount), row: row, column: 2, style: integer)
        try sheet.write(.integer(entry.rank), row: row, column: 3, style: integer)
        row += 1
      }
      if row > first {
        try addBarChart(
          .bar, title: text.chartTitle("\(summary.label) — \(text.borda)", n: [ranking.respondents]),
          in: sheet,
          categories: .init(sheet: sheet.name, column: 0, rows: first...(row - 1)),
          values: .init(sheet: sheet.name, column: 1, rows: first...(row - 1)), numberFormat: "0.00",
          axis: (0, Double(ranking.pick)), at: (tableTop, chartColumn))
      }
      return max(
        row, tableTop + Int((Double(Self.chartRows) * Self.barScale(ranking.choices.count)).rounded(.up))) + 2
    default:
      break
    }
    // single, multiple, boolean, scale, nps: answer | count | %.
    row = try writeHeader([text.answer, text.count, text.percent], in: sheet, row: row)
    let first = row
    for entry in summary.distribution {
      try sheet.write(.text(entry.label), row: row, column: 0, style: wrapped)
      try sheet.write(.integer(entry.count), row: row, column: 1, style: integer)
      try sheet.write(.number(Double(entry.percent) / 100), row: row, column: 2, style: percent)
      row += 1
    }
    if summary.type == "scale" || summary.type == "nps" {
      row = try writeStatistics(summary.statistics, in: sheet, row: row + 1)
    }
    if let nps = summary.nps {
      let lines: [(String, CellValue, CellStyle)] = [
        (text.promoters, .integer(nps.promoters), integer), (text.passives, .integer(nps.passives), integer),
        (text.detractors, .integer(nps.detractors), integer), (text.npsScore, .optional(nps.score), integer),
        (text.ciLow, .optional(nps.ciLow), integer), (text.ciHigh, .optional(nps.ciHigh), integer),
      ]
      for (name, value, style) in lines {
        try sheet.write(.text(name), row: row, column: 0, style: label)
        try sheet.write(value, row: row, column: 1, style: style)
        row += 1
      }
    }
    guard row > first, !summary.distribution.isEmpty else { return row + 1 }
    let last = first + summary.distribution.count - 1
    let categories = Chart.Range(sheet: sheet.name, column: 0, rows: first...last)
    let shares = Chart.Range(sheet: sheet.name, column: 2, rows: first...last)
    switch summary.type {
    case "scale":
      try addDivergingChart(
        title: text.chartTitle(summary.label, n: [summary.answered]), in: sheet,
        categories: [summary.item?.label ?? summary.label],
        points: summary.distribution.map(\.label),
        shares: [summary.distribution.map { Double($0.percent) / 100 }], at: (tableTop, chartColumn))
    case "nps":
      try addBarChart(
        .column, title: text.chartTitle(summary.label, n: [summary.answered]), in: sheet,
        categories: categories,
        values: shares, numberFormat: "0%",
        axis: (0, nil), at: (tableTop, chartColumn))
    default:
      try addBarChart(
        .bar, title: text.chartTitle(summary.label, n: [summary.answered]), in: sheet, categories: categories,
        values: shares, numberFormat: "0%",
        axis: (0, 1), at: (tableTop, chartColumn))
    }
    let chartHeight =
      summary.type == "scale" || summary.type == "nps" ? 1.0 : Self.barScale(summary.distribution.count)
    return max(row, tableTop + Int((Double(Self.chartRows) * chartHeight).rounded(.up))) + 2
  }

  /// n, mean with its interval, median, standard deviation, min, max, top box.
  private func writeStatistics(
    _ statistics: ScaleStatistics?, in sheet: Worksheet, row start: Int
  ) throws -> Int {
    guard let statistics else { return start }
    var row = start
    let decimal = CellStyle(numberFormat: "0.0")
    var lines: [(String, CellValue, CellStyle)] = [
      (text.n, .integer(statistics.n), integer), (text.mean, .optional(statistics.mean), decimal),
      (text.ciLow, .optional(statistics.ciLow), decimal),
      (text.ciHigh, .optional(statistics.ciHigh), decimal),
      (text.median, .optional(statistics.median), decimal),
      (text.standardDeviation, .optional(statistics.standardDeviation), CellStyle(numberFormat: "0.00")),
      (text.minimum, .optional(statistics.minimum), decimal),
      (text.maximum, .optional(statistics.maximum), decimal),
    ]
    if let topBox = statistics.topBox {
      lines.append((text.topBoxShare, .number(topBox), percent))
    }
    for (name, value, style) in lines {
      try sheet.write(.text(name), row: row, column: 0, style: label)
      try sheet.write(value, row: row, column: 1, style: style)
      row += 1
    }
    return row
  }
}
