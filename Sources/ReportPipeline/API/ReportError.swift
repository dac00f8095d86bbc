import Foundation

/// Why a report could not be made, besides what the survey, the store, the
/// engine and the writers say for themselves.
public enum ReportError: Error, LocalizedError, Equatable, Sendable {
  /// No survey was given.
  case noSurvey
  /// A format name that is not one of `ReportFormat`.
  case unknownFormat(String)
  /// An empty list of formats.
  case noFormat
  /// A consolidation in which some editions have no responses in their
  /// store; one line per such edition, saying how to fix it.
  case editionsWithoutResponses([String])
  /// Figures alone (`bilan live`) are for one survey at a time.
  case notOneSurvey
  /// A follow-up survey whose followed survey's store cannot be opened.
  case followedStore(survey: String, followed: String, store: String, detail: String)

  public var errorDescription: String? {
    switch self {
    case .noSurvey: "give at least one survey file"
    case .unknownFormat(let name):
      "unknown format '\(name)': use \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
    case .noFormat: "give at least one format"
    case .editionsWithoutResponses(let problems): problems.joined(separator: "\n")
    case .notOneSurvey: "give one survey: its figures alone are shown for one survey at a time"
    case .followedStore(let survey, let followed, let store, let detail):
      "'\(survey)' follows up '\(followed)', whose responses it joins, but \(detail.hasPrefix(store) ? "" : store + ": ")"
        + "\(detail); give the store of '\(followed)' with --followed-store"
    }
  }
}
