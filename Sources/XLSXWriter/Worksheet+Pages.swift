internal import CXLSXWriter

extension Worksheet {
  /// Keeps `rows` on one printed page when they fit on one (a question's
  /// table beside its chart): a page break falls before them, not inside.
  package func keepTogether(_ rows: ClosedRange<Int>) { keptTogether.append(rows) }

  /// A4 landscape as libxlsxwriter sets it up: 842 × 595 points, margins of
  /// 0.7 inch left and right and 0.75 inch top and bottom.
  static let printableWidth = 841.9 - 2 * 50.4
  static let printableHeight = 595.3 - 2 * 54.0
  /// What a row is without a height of its own, in points (20 pixels).
  static let defaultRowHeight = 15.0

  /// Places the page breaks of a printed sheet so that no chart, and no
  /// block kept together, is cut by one.
  ///
  /// The sheet prints one page wide (`fit_to_pages(1, 0)`): its scale is the
  /// printable width over the content's width (columns and charts) as Excel
  /// measures it, and a page holds the printable height over that scale,
  /// less the repeated rows. Rows are laid out top down; when the next row
  /// would overflow the page, the break goes before the row, or before the
  /// chart or block the row belongs to when that starts further down the
  /// page. Every page then holds at most one page of rows, so the reader adds
  /// no break of its own. A reader that draws columns wider (LibreOffice
  /// without Calibri) prints smaller: its pages hold more than that, never less.
  func setPageBreaks(widths: [Int: Double]) throws {
    guard case .some(let repeatRows) = printedRepeatRows else { return }
    worksheet_fit_to_pages(handle, 1, 0)
    func columnPoints(_ column: Int) -> Double {
      if hiddenColumns.contains(column) { return 0 }
      // Excel's pixels for a width in characters (Calibri 11): 7 per character and 5 of padding.
      let characters = widths[column] ?? 8.43
      return (characters * 7 + 5).rounded(.down) * 0.75
    }
    func rowPoints(_ row: Int) -> Double { rowHeights[row] ?? Self.defaultRowHeight }
    let usedColumns = Set(contentWidths.keys).union(widthOverrides.keys).subtracting(hiddenColumns)
    var contentWidth = (0...(usedColumns.max() ?? 0)).reduce(0) { $0 + columnPoints($1) }
    var blocks = keptTogether
    var lastRow = self.lastRow
    for chart in placedCharts {
      let left = (0..<chart.column).reduce(0) { $0 + columnPoints($1) }
      contentWidth = max(contentWidth, left + chart.width * 0.75)
      // The rows the chart spans.
      var bottom = chart.row
      var covered = rowPoints(bottom)
      while covered < chart.height * 0.75 {
        bottom += 1
        covered += rowPoints(bottom)
      }
      blocks.append(chart.row...bottom)
      lastRow = max(lastRow, bottom)
    }
    guard !blocks.isEmpty, lastRow > 0, contentWidth > 0 else { return }
    // Readers print at a whole percent, rounded down; 3 % kept for their own measures.
    let scale = min(1, (Self.printableWidth / contentWidth * 100).rounded(.down) / 100)
    let repeated = repeatRows.map { $0.reduce(0) { $0 + rowPoints($1) } } ?? 0
    let page = 0.97 * Self.printableHeight / scale - repeated
    guard page > Self.defaultRowHeight else { return }
    var breaks: [Int] = []
    var top = 0
    var used = 0.0
    for row in 0...lastRow {
      let height = rowPoints(row)
      if used + height > page, row > top {
        var at = row
        // The earliest block holding this row that starts after the page's top, and fits on a page.
        if let block = blocks.filter({ $0.contains(row) && $0.lowerBound > top }).min(by: {
          $0.lowerBound < $1.lowerBound
        }), block.reduce(0, { $0 + rowPoints($1) }) <= page {
          at = block.lowerBound
        }
        breaks.append(at)
        top = at
        used = (at..<row).reduce(0) { $0 + rowPoints($1) }
      }
      used += height
    }
    guard !breaks.isEmpty else { return }
    // libxlsxwriter takes at most 1,023 breaks, as Excel does, in a zero-terminated list.
    var list = breaks.prefix(1_023).map { lxw_row_t($0) } + [0]
    try check(
      worksheet_set_h_pagebreaks(handle, &list), "worksheet_set_h_pagebreaks", "the page breaks of “\(name)”")
  }
}
