internal import CXLSXWriter
import Foundation

/// A native Excel chart, owned by its workbook.
///
/// Series read their data from sheet ranges (the tables written next to the
/// chart), so the chart and the figures never disagree.
package final class Chart {
  package enum Kind {
    /// Horizontal bars.
    case bar
    /// Horizontal bars stacked end to end (the diverging distributions).
    case stackedBar
    /// Vertical bars.
    case column

    package var libraryType: UInt8 {
      switch self {
      case .bar: UInt8(LXW_CHART_BAR.rawValue)
      case .stackedBar: UInt8(LXW_CHART_BAR_STACKED.rawValue)
      case .column: UInt8(LXW_CHART_COLUMN.rawValue)
      }
    }
  }

  /// A block of cells of one sheet, 0-based and inclusive.
  package struct Range {
    package var sheet: String
    package var firstRow: Int
    package var firstColumn: Int
    package var lastRow: Int
    package var lastColumn: Int

    /// A single column from `firstRow` to `lastRow`.
    package init(sheet: String, column: Int, rows: ClosedRange<Int>) {
      self.init(
        sheet: sheet, firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound,
        lastColumn: column)
    }

    package init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
      self.sheet = sheet
      self.firstRow = firstRow
      self.firstColumn = firstColumn
      self.lastRow = lastRow
      self.lastColumn = lastColumn
    }
  }

  let handle: UnsafeMutablePointer<lxw_chart>
  package private(set) var seriesCount = 0

  init(handle: UnsafeMutablePointer<lxw_chart>) {
    self.handle = handle
  }

  /// Adds a series with categories and values taken from the sheet.
  @discardableResult
  package func addSeries(name: String?, categories: Range, values: Range) throws -> ChartSeries {
    guard let series = chart_add_series(handle, nil, nil) else {
      throw XLSXWriterError.allocationFailed(function: "chart_add_series", context: "a chart series")
    }
    chart_series_set_categories(
      series, categories.sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn),
      lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
    chart_series_set_values(
      series, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
      lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
    if let name { chart_series_set_name(series, CellText.prepare(name).text) }
    seriesCount += 1
    return ChartSeries(handle: series)
  }

  package func setTitle(_ title: String, size: Double = 11) {
    chart_title_set_name(handle, CellText.prepare(title).text)
    var font = lxw_chart_font()
    font.size = size
    font.bold = 1
    chart_title_set_name_font(handle, &font)
  }

  package enum LegendPosition { case none, bottom, right, top }

  package func setLegend(_ position: LegendPosition) {
    let value: lxw_chart_legend_position =
      switch position {
      case .none: LXW_CHART_LEGEND_NONE
      case .bottom: LXW_CHART_LEGEND_BOTTOM
      case .right: LXW_CHART_LEGEND_RIGHT
      case .top: LXW_CHART_LEGEND_TOP
      }
    chart_legend_set_position(handle, UInt8(value.rawValue))
  }

  /// Hides the legend entries of the series at `indices` (0-based), e.g. an invisible offset.
  package func hideFromLegend(_ indices: [Int]) throws {
    guard !indices.isEmpty else { return }
    var list = indices.map { Int16($0) } + [-1]
    try check(chart_legend_delete_series(handle, &list), "chart_legend_delete_series", "a chart legend")
  }

  /// The axis of the values (horizontal for bars, vertical for columns).
  ///
  /// libxlsxwriter, like Excel, swaps x and y for bar charts: `x_axis` is the
  /// value axis there.
  package func valueAxis(of kind: Kind) -> ChartAxis {
    switch kind {
    case .bar, .stackedBar: ChartAxis(handle: handle.pointee.x_axis)
    case .column: ChartAxis(handle: handle.pointee.y_axis)
    }
  }

  package func categoryAxis(of kind: Kind) -> ChartAxis {
    switch kind {
    case .bar, .stackedBar: ChartAxis(handle: handle.pointee.y_axis)
    case .column: ChartAxis(handle: handle.pointee.x_axis)
    }
  }

  /// Bars of different series drawn on top of each other (100) or apart (0).
  package func setOverlap(_ overlap: Int8) { chart_set_series_overlap(handle, overlap) }

  /// Gap between categories, in % of a bar's width.
  package func setGap(_ gap: UInt16) { chart_set_series_gap(handle, gap) }

  package func setStyle(_ style: UInt8) { chart_set_style(handle, style) }

  /// Plots data from hidden rows and columns (the charts' helper cells are hidden).
  package func plotHiddenData() { chart_show_hidden_data(handle) }
}

/// One axis of a chart.
package struct ChartAxis {
  let handle: UnsafeMutablePointer<lxw_chart_axis>?

  package func setName(_ name: String) {
    guard let handle else { return }
    chart_axis_set_name(handle, CellText.prepare(name).text)
  }

  package func setRange(min: Double?, max: Double?) {
    guard let handle else { return }
    if let min { chart_axis_set_min(handle, min) }
    if let max { chart_axis_set_max(handle, max) }
  }

  package func setNumberFormat(_ format: String) {
    guard let handle else { return }
    chart_axis_set_num_format(handle, format)
  }

  /// Lists the categories top to bottom on a bar chart (Excel draws them bottom up).
  package func reverse() {
    guard let handle else { return }
    chart_axis_set_reverse(handle)
  }

  package func hideLabels() {
    guard let handle else { return }
    chart_axis_set_label_position(handle, UInt8(LXW_CHART_AXIS_LABEL_POSITION_NONE.rawValue))
  }

  package func setLabelsLow() {
    guard let handle else { return }
    chart_axis_set_label_position(handle, UInt8(LXW_CHART_AXIS_LABEL_POSITION_LOW.rawValue))
  }

  package func hideGridlines() {
    guard let handle else { return }
    chart_axis_major_gridlines_set_visible(handle, 0)
  }

  package func setMajorUnit(_ unit: Double) {
    guard let handle else { return }
    chart_axis_set_major_unit(handle, unit)
  }
}

/// One series of a chart.
package struct ChartSeries {
  let handle: UnsafeMutablePointer<lxw_chart_series>

  /// Solid fill of RGB `color`.
  package func setColor(_ color: UInt32) {
    var fill = lxw_chart_fill()
    fill.color = color
    chart_series_set_fill(handle, &fill)
    var line = lxw_chart_line()
    line.none = 1
    chart_series_set_line(handle, &line)
  }

  /// No fill and no border: the invisible offset of a diverging bar.
  package func makeInvisible() {
    var fill = lxw_chart_fill()
    fill.none = 1
    chart_series_set_fill(handle, &fill)
    var line = lxw_chart_line()
    line.none = 1
    chart_series_set_line(handle, &line)
  }

  /// Shows each point's value, formatted, at `position`.
  package func showValues(numberFormat: String, position: LabelPosition = .default, fontSize: Double = 8) {
    chart_series_set_labels(handle)
    chart_series_set_labels_num_format(handle, numberFormat)
    var font = lxw_chart_font()
    font.size = fontSize
    chart_series_set_labels_font(handle, &font)
    let value: lxw_chart_label_position =
      switch position {
      case .default: LXW_CHART_LABEL_POSITION_DEFAULT
      case .center: LXW_CHART_LABEL_POSITION_CENTER
      case .insideEnd: LXW_CHART_LABEL_POSITION_INSIDE_END
      case .outsideEnd: LXW_CHART_LABEL_POSITION_OUTSIDE_END
      case .insideBase: LXW_CHART_LABEL_POSITION_INSIDE_BASE
      }
    if position != .default { chart_series_set_labels_position(handle, UInt8(value.rawValue)) }
  }

  package enum LabelPosition { case `default`, center, insideEnd, outsideEnd, insideBase }

  package enum ErrorDirection { case plus, minus }

  /// A fixed-length error bar on every point of the series, in one direction.
  ///
  /// libxlsxwriter 1.1.4 has no custom (per-point) error bars: an interval
  /// that differs per point is drawn with one series per point (see `ItemsSheet`).
  package func setErrorBar(_ direction: ErrorDirection, length: Double, valueAxisIsX: Bool) {
    let bars = valueAxisIsX ? handle.pointee.x_error_bars : handle.pointee.y_error_bars
    guard let bars else { return }
    chart_series_set_error_bars(bars, UInt8(LXW_CHART_ERROR_BAR_TYPE_FIXED.rawValue), max(0, length))
    let value: lxw_chart_error_bar_direction =
      direction == .plus ? LXW_CHART_ERROR_BAR_DIR_PLUS : LXW_CHART_ERROR_BAR_DIR_MINUS
    chart_series_set_error_bars_direction(bars, UInt8(value.rawValue))
    chart_series_set_error_bars_endcap(bars, UInt8(LXW_CHART_ERROR_BAR_END_CAP.rawValue))
    var line = lxw_chart_line()
    line.color = 0x262626
    line.width = 1.25
    chart_series_set_error_bars_line(bars, &line)
  }
}
