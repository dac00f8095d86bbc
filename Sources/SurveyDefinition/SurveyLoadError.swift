import Foundation

/// Why a survey definition could not be loaded.
public enum SurveyLoadError: Error, LocalizedError, Equatable, Sendable {
  /// The file could not be read (missing, a directory, no permission).
  case unreadable(path: String, reason: String)
  /// The file was read but has errors; every one found, in reading order
  /// (warnings found alongside are included).
  case invalid([Diagnostic])

  public var errorDescription: String? {
    switch self {
    case .unreadable(let path, let reason):
      "\(path): cannot read the survey file: \(reason)"
    case .invalid(let diagnostics):
      diagnostics.map(\.description).joined(separator: "\n")
    }
  }

  /// The problems as diagnostics (an unreadable file is one error at 1:1).
  public var diagnostics: [Diagnostic] {
    switch self {
    case .unreadable(let path, let reason):
      [
        Diagnostic(
          .error, at: SourceLocation(file: path, line: 1, column: 1), "cannot read the survey file: \(reason)"
        )
      ]
    case .invalid(let diagnostics): diagnostics
    }
  }
}
