import Aggregation
import Foundation
import SurveyDefinition
import XLSXWriter

extension ReportWriter {
  /// The types whose `for_each` instances are shown together, the items side by side.
  static let groupedItemTypes: Set<String> = ["single", "multiple", "boolean", "scale", "text", "long_text"]

  /// The instances of `summary`'s question, one per item, when they are
  /// shown as one block (the question in a loop, of a grouped type); nil
  /// for a question shown on its own.
  func itemGroup(of summary: QuestionSummary, in results: SurveyResults) -> [QuestionSummary]? {
    guard summary.item != nil, Self.groupedItemTypes.contains(summary.type) else { return nil }
    let group = results.questions.filter { $0.questionID == summary.questionID && $0.item != nil }
    guard group.count > 1, group.allSatisfy({ $0.type == summary.type }) else { return nil }
    return group
  }

  /// One question asked of every item (`for_each`): one heading, one table
  /// with the items side by side (count and share of each answer; for a
  /// scale, its statistics below), and one chart comparing them — a
  /// diverging bar per item for a scale, grouped bars otherwise.
  func writeItemQuestion(
    _ group: [QuestionSummary], survey: Survey, in sheet: Worksheet, row start: Int
  ) throws -> Int {
    let first = group[0]
    let definition = survey.question(first.questionID)
    let section = definition.map { Self.withoutItem($0.section.title.text(language)) } ?? first.sectionTitle
    let question = definition.map { Self.withoutItem($0.question.label.text(language)) } ?? first.label
    let items = group.map { $0.item?.label ?? $0.label }
    var row = start
    try sheet.write(.text("\(section) — \(question)"), row: row, column: 0, style: heading)
    row += 1
    try sheet.write(
      .text(
        text.itemsSideBySide(items)
          + (first.sharesMaySumOver100
            ? (text.french
              ? " · plusieurs réponses possibles : total > 100 %"
              : " · several answers allowed: total > 100%")
            : "")), row: row, column: 0, style: subtitle)
    row += 1
    if first.type == "text" || first.type == "long_text" {
      try sheet.write(
        .text(
          text.french
            ? "Réponses libres : voir la feuille Verbatims." : "Free answers: see the Comments sheet."),
        row: row, column: 0)
      return row + 2
    }
    let tableTop = row
    try sheet.setRowHeight(row, 32)
    row = try writeHeader(
      [text.answer] + items.flatMap { ["\($0)\n\(text.count)", text.percent] }, in: sheet, row: row)
    let firstRow = row
    let answers = first.distribution
    for (index, answer) in answers.enumerated() {
      try sheet.write(.text(answer.label), row: row, column: 0, style: wrapped)
      for (offset, summary) in group.enumerated() {
        let entry =
          summary.distribution.first { $0.value == answer.value }
          ?? (summary.distribution.indices.contains(index) ? summary.distribution[index] : nil)
        guard let entry else { continue }
        try sheet.write(.integer(entry.count), row: row, column: 1 + 2 * offset, style: integer)
        try sheet.write(
          .number(Double(entry.percent) / 100), row: row, column: 2 + 2 * offset, style: percent)
      }
      row += 1
    }
    let lastRow = row - 1
    // How many answered each item, had no opinion, did not answer.
    let counts: [(String, (QuestionSummary) -> Int)] = [
      (text.answeredCount, \.answered), (text.notApplicableCount, \.notApplicable),
      (text.missingCount, \.missing),
    ]
    for (name, count) in counts {
      try sheet.write(.text(name), row: row, column: 0, style: label)
      for (offset, summary) in group.enumerated() {
        try sheet.write(.integer(count(summary)), row: row, column: 1 + 2 * offset, style: integer)
      }
      row += 1
    }
    if first.type == "scale" {
      row = try writeItemStatistics(group.map(\.statistics), in: sheet, row: row)
    }
    let chartColumn = max(5, 2 * group.count + 2)
    guard lastRow >= firstRow else { return row + 1 }
    let chartHeight: Double
    if first.type == "scale" {
      try addDivergingChart(
        title: text.chartTitle(question, n: group.map(\.answered)), in: sheet, categories: items,
        points: answers.map(\.label),
        shares: group.map { summary in summary.distribution.map { Double($0.percent) / 100 } },
        at: (tableTop, chartColumn))
      chartHeight = min(2.0, max(1.0, Double(items.count) / 4))
    } else {
      let categories = Chart.Range(sheet: sheet.name, column: 0, rows: firstRow...lastRow)
      let series = items.enumerated().map { offset, item in
        (item, Chart.Range(sheet: sheet.name, column: 2 + 2 * offset, rows: firstRow...lastRow))
      }
      chartHeight = Self.groupedBarScale(answers.count * items.count)
      try addGroupedBarChart(
        title: text.chartTitle(question, n: group.map(\.answered)), in: sheet, categories: categories,
        series: series, height: chartHeight, at: (tableTop, chartColumn))
    }
    return max(row, tableTop + Int((Double(Self.chartRows) * chartHeight).rounded(.up))) + 2
  }

  /// The height scale of a grouped bar chart with `bars` bars in all.
  static func groupedBarScale(_ bars: Int) -> Double { min(3.0, max(1.0, Double(bars) / 8)) }

  /// The mean with its interval, median, standard deviation and top box, one
  /// column per item (the items' count columns).
  private func writeItemStatistics(
    _ statistics: [ScaleStatistics?], in sheet: Worksheet, row start: Int
  ) throws
    -> Int
  {
    let decimal = CellStyle(numberFormat: "0.0")
    let lines: [(String, (ScaleStatistics) -> CellValue, CellStyle)] = [
      (text.mean, { .optional($0.mean) }, decimal),
      (text.ciLow, { .optional($0.ciLow) }, decimal), (text.ciHigh, { .optional($0.ciHigh) }, decimal),
      (text.median, { .optional($0.median) }, decimal),
      (text.standardDeviation, { .optional($0.standardDeviation) }, CellStyle(numberFormat: "0.00")),
      (text.topBoxShare, { .optional($0.topBox) }, percent),
    ]
    var row = start
    for (name, value, style) in lines {
      try sheet.write(.text(name), row: row, column: 0, style: label)
      for (offset, figures) in statistics.enumerated() {
        guard let figures else { continue }
        try sheet.write(value(figures), row: row, column: 1 + 2 * offset, style: style)
      }
      row += 1
    }
    return row
  }

  /// Bars of the same answers for several items: one series (colour) per
  /// item, the legend below, shares as labels.
  func addGroupedBarChart(
    title chartTitle: String, in sheet: Worksheet, categories: Chart.Range, series: [(String, Chart.Range)],
    height: Double, at position: (row: Int, column: Int)
  ) throws {
    let chart = try workbook.addChart(.bar)
    chart.setTitle(chartTitle)
    chart.setLegend(.bottom)
    for (index, (name, values)) in series.enumerated() {
      let bars = try chart.addSeries(name: name, categories: categories, values: values)
      bars.setColor(Self.itemColours[index % Self.itemColours.count])
      bars.showValues(numberFormat: "0%", position: .outsideEnd)
    }
    let valueAxis = chart.valueAxis(of: .bar)
    valueAxis.setRange(min: 0, max: 1)
    valueAxis.setNumberFormat("0%")
    chart.categoryAxis(of: .bar).reverse()
    chart.setGap(40)
    try sheet.insert(chart, row: position.row, column: position.column, xScale: 1.5, yScale: height)
  }

  /// The items' colours: dark, middle and light blue, then greys (told apart in black and white too).
  static let itemColours: [UInt32] = [0x1F4E79, 0x5B9BD5, 0xBDD7EE, 0x595959, 0xA6A6A6, 0xD9D9D9]
}
