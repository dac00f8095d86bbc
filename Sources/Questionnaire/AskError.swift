import Foundation
import ResponseStore
import SurveyDefinition

/// Why `bilan ask` could not run or could not store a response.
public enum AskError: Error, LocalizedError, Equatable, Sendable {
  /// The `--answers` file cannot be read.
  case unreadableAnswers(path: String, reason: String)
  /// The `--answers` file is not a JSON or YAML map from answer key to value.
  case malformedAnswers(path: String, reason: String)
  /// The `--answers` file breaks the survey's rules; each problem names its key.
  case invalidAnswers(path: String, problems: [String])
  /// Interactive mode was asked for but there is no terminal to draw on.
  case noTerminal
  /// The store refused a write or a read.
  case store(StoreError)

  public var errorDescription: String? {
    switch self {
    case .unreadableAnswers(let path, let reason): "\(path): cannot read the answers file: \(reason)"
    case .malformedAnswers(let path, let reason):
      "\(path): not a map from answer key to value (JSON or YAML, as in the export): \(reason)"
    case .invalidAnswers(let path, let problems):
      problems.map { "\(path): \($0)" }.joined(separator: "\n")
    case .noTerminal: "no terminal to draw the questionnaire on; use --plain"
    case .store(let error): error.errorDescription
    }
  }
}
