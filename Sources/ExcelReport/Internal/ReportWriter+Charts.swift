import Aggregation
import Foundation
import XLSXWriter

extension ReportWriter {
  /// Rows a chart covers: 288 px at 20 px a row is 14.4 rows.
  static let chartRows = 15

  /// The first column of the hidden block where charts keep the data they
  /// need beyond the visible tables (offsets, one column per item…).
  static let helperColumn = 40

  /// Hides the helper columns used so far, and lets `chart` plot them.
  private func useHelper(_ sheet: Worksheet, columns: Int, chart: Chart) {
    for column in Self.helperColumn..<(Self.helperColumn + columns) { sheet.hideColumn(column) }
    chart.plotHiddenData()
  }

  /// The height scale of a bar chart with `count` categories.
  static func barScale(_ count: Int) -> Double { min(2.5, max(1.0, Double(count) / 5)) }

  /// A simple bar (or column) chart of the values in a column of `sheet`.
  func addBarChart(
    _ kind: Chart.Kind, title chartTitle: String, in sheet: Worksheet, categories: Chart.Range,
    values: Chart.Range,
    numberFormat: String, axis: (min: Double?, max: Double?), at position: (row: Int, column: Int)
  ) throws {
    let chart = try workbook.addChart(kind)
    chart.setTitle(chartTitle)
    chart.setLegend(.none)
    let series = try chart.addSeries(name: chartTitle, categories: categories, values: values)
    series.setColor(0x5B9BD5)
    series.showValues(numberFormat: numberFormat, position: .outsideEnd)
    let valueAxis = chart.valueAxis(of: kind)
    valueAxis.setRange(min: axis.min, max: axis.max)
    valueAxis.setNumberFormat(numberFormat)
    if kind == .bar { chart.categoryAxis(of: kind).reverse() }
    chart.setGap(60)
    let count = categories.lastRow - categories.firstRow + 1
    try sheet.insert(
      chart, row: position.row, column: position.column, xScale: 1.25,
      yScale: kind == .bar ? Self.barScale(count) : 1)
  }

  /// A column chart of per-item values with their 95 % intervals as error bars.
  ///
  /// libxlsxwriter 1.1.4 only has fixed-length error bars, one length per
  /// series. Each item therefore gets its own pair of series (same values,
  /// one with the upper, one with the lower bar), drawn on top of each other
  /// (overlap 100 %): the values sit in a diagonal block of cells under the
  /// chart, one column per item, so every series has a single point at its
  /// own item's category.
  func addIntervalChart(
    title chartTitle: String, in sheet: Worksheet, categories: Chart.Range, items: [String],
    values: [Double?], lows: [Double?], highs: [Double?], unit: IndicatorUnit,
    axis: (min: Double?, max: Double?), at position: (row: Int, column: Int)
  ) throws {
    let count = items.count
    guard count > 0 else { return }
    // The diagonal block, in hidden columns.
    let firstRow = position.row
    let firstColumn = Self.helperColumn
    let format = style(for: unit)
    for index in 0..<count {
      for column in 0..<count {
        let value: CellValue = column == index ? .optional(values[index]) : .blank
        try sheet.write(value, row: firstRow + index, column: firstColumn + column, style: format)
      }
    }
    let chart = try workbook.addChart(.column)
    chart.setTitle(chartTitle)
    chart.setLegend(.none)
    chart.setOverlap(100)
    chart.setGap(80)
    for index in 0..<count {
      guard let value = values[index] else { continue }
      let range = Chart.Range(
        sheet: sheet.name, column: firstColumn + index, rows: firstRow...(firstRow + count - 1))
      let upper = try chart.addSeries(name: items[index], categories: categories, values: range)
      upper.setColor(0x5B9BD5)
      upper.showValues(numberFormat: chartFormat(for: unit), position: .insideBase)
      if let high = highs[index] { upper.setErrorBar(.plus, length: high - value, valueAxisIsX: false) }
      let lower = try chart.addSeries(name: items[index], categories: categories, values: range)
      lower.setColor(0x5B9BD5)
      if let low = lows[index] { lower.setErrorBar(.minus, length: value - low, valueAxisIsX: false) }
    }
    guard chart.seriesCount > 0 else { return }
    useHelper(sheet, columns: count, chart: chart)
    let valueAxis = chart.valueAxis(of: .column)
    valueAxis.setRange(min: axis.min, max: axis.max)
    valueAxis.setNumberFormat(chartFormat(for: unit))
    try sheet.insert(chart, row: position.row, column: position.column, xScale: 1.25, yScale: 1)
  }

  /// A diverging stacked bar: for each category (a scale question, a matrix
  /// row) the shares of each point, the neutral point split in the middle.
  ///
  /// The bars are aligned on the neutral line by an invisible first series:
  /// its length is the largest left part minus this category's left part.
  /// The helper block (labels, offset, shares) is written under the chart.
  func addDivergingChart(
    title chartTitle: String, in sheet: Worksheet, categories: [String], points: [String], shares: [[Double]],
    at position: (row: Int, column: Int)
  ) throws {
    guard !categories.isEmpty, !points.isEmpty else { return }
    let count = points.count
    let middle = count / 2
    let leftParts = shares.map { row -> Double in
      let left = row.prefix(middle).reduce(0, +)
      return count % 2 == 1 ? left + row[middle] / 2 : left
    }
    let maxLeft = leftParts.max() ?? 0
    let maxRight = zip(shares, leftParts).map { $0.reduce(0, +) - $1 }.max() ?? 0
    // Helper block: header row (offset, point labels), then label, offset, shares.
    let headerRow = position.row
    let labelColumn = Self.helperColumn
    try sheet.write(.text(text.offset), row: headerRow, column: labelColumn + 1)
    for (index, point) in points.enumerated() {
      try sheet.write(.text(point), row: headerRow, column: labelColumn + 2 + index)
    }
    let closingColumn = labelColumn + 2 + count
    for (index, category) in categories.enumerated() {
      let row = headerRow + 1 + index
      try sheet.write(.text(category), row: row, column: labelColumn)
      try sheet.write(.number(maxLeft - leftParts[index]), row: row, column: labelColumn + 1, style: percent)
      for (point, share) in shares[index].enumerated() {
        try sheet.write(.number(share), row: row, column: labelColumn + 2 + point, style: percent)
      }
      try sheet.write(.number(0), row: row, column: closingColumn, style: percent)
    }
    let rows = (headerRow + 1)...(headerRow + categories.count)
    let categoryRange = Chart.Range(sheet: sheet.name, column: labelColumn, rows: rows)
    let chart = try workbook.addChart(.stackedBar)
    chart.setTitle(chartTitle)
    chart.setLegend(.bottom)
    chart.setGap(50)
    // Two invisible series frame the points: the offset first, an empty one
    // last, both left out of the legend. Excel numbers legend entries from
    // the first series and LibreOffice (on a reversed bar chart) from the
    // last: deleting the first and the last entry removes exactly the two
    // invisible ones in both, and every point keeps its entry.
    let offset = try chart.addSeries(
      name: " ", categories: categoryRange,
      values: Chart.Range(sheet: sheet.name, column: labelColumn + 1, rows: rows))
    offset.makeInvisible()
    for (index, point) in points.enumerated() {
      let series = try chart.addSeries(
        name: point, categories: categoryRange,
        values: Chart.Range(sheet: sheet.name, column: labelColumn + 2 + index, rows: rows))
      series.setColor(Self.divergingColor(index, of: count))
      series.showValues(numberFormat: "0%;;;", position: .center)
    }
    let closing = try chart.addSeries(
      name: " ", categories: categoryRange,
      values: Chart.Range(sheet: sheet.name, column: closingColumn, rows: rows))
    closing.makeInvisible()
    try chart.hideFromLegend([0, count + 1])
    useHelper(sheet, columns: count + 3, chart: chart)
    let valueAxis = chart.valueAxis(of: .stackedBar)
    valueAxis.setRange(min: 0, max: maxLeft + maxRight)
    valueAxis.hideLabels()
    valueAxis.hideGridlines()
    chart.categoryAxis(of: .stackedBar).reverse()
    let height = min(2.0, max(1.0, Double(categories.count) / 4))
    try sheet.insert(chart, row: position.row, column: position.column, xScale: 1.5, yScale: height)
  }

  /// Red (unfavourable) to grey (neutral) to blue (favourable).
  static func divergingColor(_ index: Int, of count: Int) -> UInt32 {
    guard count > 1 else { return 0x7F7F7F }
    let t = Double(index) / Double(count - 1)
    let red: (Double, Double, Double) = (0xC0, 0x39, 0x2B)
    let grey: (Double, Double, Double) = (0xD0, 0xD0, 0xD0)
    let blue: (Double, Double, Double) = (0x1F, 0x61, 0x8D)
    let (from, to, u) = t < 0.5 ? (red, grey, t * 2) : (grey, blue, (t - 0.5) * 2)
    func mix(_ a: Double, _ b: Double) -> UInt32 { UInt32((a + (b - a) * u).rounded()) }
    return mix(from.0, to.0) << 16 | mix(from.1, to.1) << 8 | mix(from.2, to.2)
  }
}
