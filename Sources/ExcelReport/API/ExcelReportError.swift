import BilanBase
import Foundation
import XLSXWriter

/// Why a workbook could not be written. Whatever the case, no file is left
/// at the destination (the executable exits 3 for the I/O cases, 1 for
/// `invalidInput`). A destination that cannot be written at all is a
/// `FileWriteError` of the atomic writer.
public enum ExcelReportError: Error, LocalizedError, Equatable, Sendable {
  /// libxlsxwriter refused a call; `code` is its `lxw_error` number, `message`
  /// its `lxw_strerror` text, `context` what was being written (sheet, cell).
  case library(function: String, code: Int, message: String, context: String)
  /// libxlsxwriter could not allocate the workbook, a sheet, a format or a chart.
  case allocationFailed(function: String, context: String)
  /// Writing or renaming the file failed (disk full, permissions…).
  case writeFailed(path: String, reason: String)
  /// A cell outside Excel's grid (1,048,576 rows × 16,384 columns).
  case cellOutOfRange(sheet: String, row: Int, column: Int)
  /// In constant-memory mode rows must be written top to bottom.
  case rowOutOfOrder(sheet: String, row: Int, lastWritten: Int)
  /// A sheet name that cannot be made valid (empty once cleaned).
  case invalidSheetName(String)
  /// The workbook was used after it was closed or abandoned.
  case workbookClosed(path: String)
  /// The inputs cannot be reported together (e.g. no survey given).
  case invalidInput(String)

  public var errorDescription: String? {
    switch self {
    case .library(let function, let code, let message, let context):
      "libxlsxwriter \(function) failed (\(code): \(message)) while writing \(context)"
    case .allocationFailed(let function, let context):
      "libxlsxwriter \(function) could not allocate memory for \(context)"
    case .writeFailed(let path, let reason):
      "could not write \(path): \(reason)"
    case .cellOutOfRange(let sheet, let row, let column):
      "cell (row \(row + 1), column \(column + 1)) of sheet “\(sheet)” is outside Excel's grid"
    case .rowOutOfOrder(let sheet, let row, let lastWritten):
      "sheet “\(sheet)”: row \(row + 1) written after row \(lastWritten + 1) in constant-memory mode"
    case .invalidSheetName(let name):
      "“\(name)” cannot be made a valid sheet name"
    case .workbookClosed(let path):
      "the workbook \(path) is already closed"
    case .invalidInput(let message):
      message
    }
  }
}

extension ExcelReportError {
  /// The same failure, as the report's callers know it.
  init(_ error: XLSXWriterError) {
    switch error {
    case .library(let function, let code, let message, let context):
      self = .library(function: function, code: code, message: message, context: context)
    case .allocationFailed(let function, let context):
      self = .allocationFailed(function: function, context: context)
    case .writeFailed(let path, let reason): self = .writeFailed(path: path, reason: reason)
    case .cellOutOfRange(let sheet, let row, let column):
      self = .cellOutOfRange(sheet: sheet, row: row, column: column)
    case .rowOutOfOrder(let sheet, let row, let lastWritten):
      self = .rowOutOfOrder(sheet: sheet, row: row, lastWritten: lastWritten)
    case .invalidSheetName(let name): self = .invalidSheetName(name)
    case .workbookClosed(let path): self = .workbookClosed(path: path)
    }
  }
}
