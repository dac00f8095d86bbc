/// How a cell looks: what the workbook turns into one shared libxlsxwriter format.
struct CellStyle: Hashable, Sendable {
  enum Alignment: Hashable, Sendable { case general, left, center, right }

  var bold = false
  var italic = false
  var fontSize: Double?
  /// RGB, e.g. `0x1F4E79`.
  var fontColor: UInt32?
  var background: UInt32?
  /// An Excel number format such as `0 %` or `0.0`.
  var numberFormat: String?
  var wrap = false
  var alignment: Alignment = .general
  /// Top alignment by default: rows that hold wrapped text read from their top line.
  var verticalTop = true
  var bottomBorder = false
  var indent: UInt8 = 0

  static let plain = CellStyle()
}
