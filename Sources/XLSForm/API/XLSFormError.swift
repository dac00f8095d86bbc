import Foundation

/// Why a form could not be converted. Nothing is written in any case.
public enum XLSFormError: Error, LocalizedError, Equatable, Sendable {
  /// The form has problems: every one is listed, errors and warnings, in sheet order.
  case invalid([XLSFormDiagnostic])
  /// The survey cannot be written as an XLSForm (`reason` says what stands in the way).
  case notExportable(file: String, reason: String)
  /// The workbook could not be written (libxlsxwriter, disk).
  case writeFailed(reason: String)

  public var errorDescription: String? {
    switch self {
    case .invalid(let diagnostics):
      diagnostics.filter(\.isError).map(\.description).joined(separator: "\n")
    case .notExportable(let file, let reason):
      "\(file): error: cannot write it as an XLSForm: \(reason)"
    case .writeFailed(let reason):
      "could not write the XLSForm workbook: \(reason)"
    }
  }

  /// The problems, for `.invalid`; empty otherwise.
  public var diagnostics: [XLSFormDiagnostic] {
    if case .invalid(let diagnostics) = self { return diagnostics }
    return []
  }
}
