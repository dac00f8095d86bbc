/// How a cell looks: what the workbook turns into one shared libxlsxwriter format.
package struct CellStyle: Hashable, Sendable {
  package enum Alignment: Hashable, Sendable { case general, left, center, right }

  package var bold: Bool
  package var italic: Bool
  package var fontSize: Double?
  /// RGB, e.g. `0x1F4E79`.
  package var fontColor: UInt32?
  package var background: UInt32?
  /// An Excel number format such as `0 %` or `0.0`.
  package var numberFormat: String?
  package var wrap: Bool
  package var alignment: Alignment
  /// Top alignment by default: rows that hold wrapped text read from their top line.
  package var verticalTop: Bool
  package var bottomBorder: Bool
  package var indent: UInt8

  package init(
    bold: Bool = false, italic: Bool = false, fontSize: Double? = nil, fontColor: UInt32? = nil,
    background: UInt32? = nil, numberFormat: String? = nil, wrap: Bool = false,
    alignment: Alignment = .general, verticalTop: Bool = true, bottomBorder: Bool = false, indent: UInt8 = 0
  ) {
    self.bold = bold
    self.italic = italic
    self.fontSize = fontSize
    self.fontColor = fontColor
    self.background = background
    self.numberFormat = numberFormat
    self.wrap = wrap
    self.alignment = alignment
    self.verticalTop = verticalTop
    self.bottomBorder = bottomBorder
    self.indent = indent
  }

  package static let plain = CellStyle()
}
