import Foundation
import SurveyDefinition

extension SurveyChanges {
  /// The changes as lint warnings (`bilan lint --store`): a summary first
  /// (naming the store), then each change at its question when the key is
  /// still in the survey, else at the top of the file.
  public func diagnostics(survey: Survey, surveyPath: String, storePath: String) -> [Diagnostic] {
    guard !isEmpty else { return [] }
    let top = SourceLocation(file: surveyPath, line: 1, column: 1)
    var diagnostics = [Diagnostic(.warning, at: top, "\(storePath): " + lines[0])]
    for change in changes {
      let question = survey.field(forKey: change.key)?.question
      let location = question.map { $0.location.line > 0 ? $0.location : top } ?? top
      diagnostics.append(Diagnostic(.warning, at: location, change.description))
    }
    if unrecordedResponses > 0, let last = lines.last {
      diagnostics.append(
        Diagnostic(.warning, at: top, "\(storePath): " + last.trimmingCharacters(in: .whitespaces)))
    }
    return diagnostics
  }
}
