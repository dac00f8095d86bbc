import BilanBase
import Foundation

/// Why the engine cannot compute what was asked.
public enum AggregationError: Error, LocalizedError, Equatable, Sendable {
  /// `--by QUESTION` names no single-choice question of the survey.
  case unknownBreakdown(String, survey: String, available: [String])
  /// The report language is not one of the survey's languages.
  case unknownLanguage(String, survey: String, available: [String])
  /// Reading the responses failed.
  case readFailed(String)
  /// The report language is one bilan has no words of its own in.
  case noToolWords(ToolLanguageError)

  public var errorDescription: String? {
    switch self {
    case .unknownBreakdown(let id, let survey, let available):
      let list =
        available.isEmpty ? "it has none" : "single-choice questions: \(available.joined(separator: ", "))"
      return
        "'\(id)' is not a single-choice question of survey '\(survey)' to break figures down by (\(list))"
    case .unknownLanguage(let language, let survey, let available):
      return
        "survey '\(survey)' is not written in '\(language)' (its languages: \(available.joined(separator: ", ")))"
    case .readFailed(let message):
      return "cannot read the responses: \(message)"
    case .noToolWords(let error):
      return error.errorDescription
    }
  }
}
