/// One problem found while converting a form, and where it is.
///
/// Rendered as `FILE:SHEET:ROW: error: MESSAGE` (or `warning:`): the sheet
/// and the row number a spreadsheet shows, so the author finds the cell.
public struct XLSFormDiagnostic: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  public var severity: Severity
  public var file: String
  /// The sheet (`survey`, `choices`, `settings`, `bilan`), when the problem has one.
  public var sheet: String?
  /// The 1-based row of the sheet, when the problem has one.
  public var row: Int?
  public var message: String

  public init(_ severity: Severity, file: String, sheet: String? = nil, row: Int? = nil, _ message: String) {
    self.severity = severity
    self.file = file
    self.sheet = sheet
    self.row = row
    self.message = message
  }

  /// `FILE:SHEET:ROW: error: MESSAGE`, leaving out what the problem has not.
  public var description: String {
    var place = file
    if let sheet { place += ":\(sheet)" }
    if let row { place += ":\(row)" }
    return "\(place): \(severity.rawValue): \(message)"
  }

  public var isError: Bool { severity == .error }
}
