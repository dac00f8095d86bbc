import Foundation
import ResponseStore

/// Why a rehearsal could not fill its store.
public enum RehearsalError: Error, LocalizedError, Equatable, Sendable {
  /// The store holds responses that are not synthetic: it is never replaced.
  case realResponses(path: String)
  /// The file at the store's path cannot be read as a store (another
  /// survey's, not a store): it is left as it is.
  case notReplaceable(StoreError)
  /// The reference survey could not be copied to a temporary folder.
  case cannotCopySurvey(reason: String)

  public var errorDescription: String? {
    switch self {
    case .realResponses(let path):
      "\(path) holds real responses: the rehearsal will not replace it. Give another --store."
    case .notReplaceable(let error):
      "\(error.errorDescription ?? "\(error)") — the rehearsal will not replace it."
    case .cannotCopySurvey(let reason):
      "cannot write the reference survey to a temporary folder: \(reason)"
    }
  }
}
