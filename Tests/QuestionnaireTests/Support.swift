import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport

/// Files of this test target.
enum Fixture {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  /// The survey with every question type, a condition and a loop.
  static var everyType: String { directory.appendingPathComponent("Fixtures/every-type.yaml").path }

  static func survey() throws -> Survey { try Survey.load(path: everyType) }
}

/// Every response of the store at `path`, partial ones and contacts included.
func storedResponses(_ path: String, survey: String = "every-type") throws -> [Response] {
  let store = try SQLiteResponseStore(path: path, surveyID: survey, create: false)
  var responses: [Response] = []
  try store.forEachResponse(survey: survey, includePartial: true, includeContacts: true) {
    responses.append($0)
  }
  return responses
}
