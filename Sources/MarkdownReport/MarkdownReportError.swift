import Foundation

/// Why a synthesis could not be written.
public enum MarkdownReportError: Error, LocalizedError, Equatable {
  /// A `--template` file is not valid Mustache: the file, line, column and what is wrong.
  case invalidTemplate(file: String, line: Int, column: Int, reason: String)
  /// A `--template` file could not be read.
  case unreadableTemplate(file: String, reason: String)
  /// The consolidated synthesis was given results and definitions that do not match.
  case mismatchedSurveys(results: [String], surveys: [String])

  public var errorDescription: String? {
    switch self {
    case .invalidTemplate(let file, let line, let column, let reason):
      "\(file):\(line):\(column): error: the template is not valid Mustache: \(reason)"
    case .unreadableTemplate(let file, let reason):
      "\(file): error: cannot read the template: \(reason)"
    case .mismatchedSurveys(let results, let surveys):
      "the results (\(results.joined(separator: ", "))) do not match the survey definitions (\(surveys.joined(separator: ", ")))"
    }
  }
}
