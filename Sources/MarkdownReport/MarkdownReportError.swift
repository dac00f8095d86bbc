import Foundation

/// Why a synthesis could not be written.
public enum MarkdownReportError: Error, LocalizedError, Equatable {
  /// A `--template` file is not valid Mustache: the file, line, column and what is wrong.
  case invalidTemplate(file: String, line: Int, column: Int, reason: String)
  /// A `--template` file could not be read.
  case unreadableTemplate(file: String, reason: String)
  /// The consolidated synthesis was given results and definitions that do not match.
  case mismatchedSurveys(results: [String], surveys: [String])
  /// `--format html` or `pdf` was asked for and pandoc is not installed.
  case pandocMissing(format: String, install: String)
  /// pandoc ran and failed: its exit status and what it said.
  case pandocFailed(format: String, status: Int, message: String)
  /// A file of the synthesis could not be written.
  case writeFailed(path: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .invalidTemplate(let file, let line, let column, let reason):
      "\(file):\(line):\(column): error: the template is not valid Mustache: \(reason)"
    case .unreadableTemplate(let file, let reason):
      "\(file): error: cannot read the template: \(reason)"
    case .mismatchedSurveys(let results, let surveys):
      "the results (\(results.joined(separator: ", "))) do not match the survey definitions (\(surveys.joined(separator: ", ")))"
    case .pandocMissing(let format, let install):
      "writing the synthesis as \(format) needs \(install): install it, or leave \(format) out of --format (nothing was written)"
    case .writeFailed(let path, let reason):
      "cannot write \(path): \(reason)"
    case .pandocFailed(let format, let status, let message):
      "pandoc could not write the synthesis as \(format) (exit \(status)): \(message)"
    }
  }
}
