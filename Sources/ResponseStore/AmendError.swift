import BilanBase
import Foundation
import SurveyDefinition

/// Why `bilan amend` changed nothing.
public enum AmendError: Error, LocalizedError, Equatable, Sendable {
  /// An argument is not `KEY=VALUE`.
  case malformedAssignment(String)
  /// The same key is given twice.
  case repeatedKey(String)
  /// The survey has no such answer key (`hint`: "; did you mean 'x'?" or nothing).
  case unknownKey(key: String, hint: String)
  /// A value that is not of its question's type (`abc` for a scale).
  case invalidValue(AnswerError)
  /// The response is not stored, or is another survey's.
  case unknownResponse(id: UUID, path: String)
  /// The corrected response breaks the survey's rules; nothing was changed.
  case refused(id: UUID, problems: [AnswerProblem])
  /// The store failed.
  case store(StoreError)

  public var errorDescription: String? {
    switch self {
    case .malformedAssignment(let text):
      "\(JSONText.quoted(text)) is not KEY=VALUE (e.g. satisfaction=4, role=agent, freins=temps,cout)"
    case .repeatedKey(let key): "\(key) is given twice"
    case .unknownKey(let key, let hint): "\(key): no question of the survey has this answer key\(hint)"
    case .invalidValue(let error): (error.errorDescription ?? error.key) + "; nothing was changed"
    case .unknownResponse(let id, let path): "\(path): no response \(id.uuidString.lowercased()) in the store"
    case .refused(let id, let problems):
      problems.map { problem in
        // A change that hides an answered question: say how to remove that answer too.
        if case .hiddenQuestion = problem.error {
          return problem.description + " (add \(problem.key)= to remove it)"
        }
        return problem.description
      }.joined(separator: "\n")
        + "\nresponse \(id.uuidString.lowercased()): nothing was changed (the stored answers are kept)"
    case .store(let error): error.errorDescription
    }
  }

  /// `true` when the arguments are wrong (exit 1), `false` for a storage failure (exit 3).
  public var isInputError: Bool {
    if case .store(let error) = self { return error.isInputError }
    return true
  }
}
