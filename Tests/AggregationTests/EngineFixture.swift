import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport

/// The engine's test survey and a builder of responses to it.
enum EngineFixture {
  static var surveyPath: String { Repository.path("Tests/AggregationTests/Fixtures/engine-test.yaml") }

  static func survey() throws -> Survey { try Survey.load(path: surveyPath) }

  /// A response with `answers`, complete unless said otherwise, numbered for a stable order.
  static func response(
    _ number: Int, _ answers: Answers, status: Response.Status = .complete, survey: String = "engine-test"
  ) -> Response {
    let start = Date(timeIntervalSince1970: 1_714_636_800 + Double(number) * 600)
    return Response(
      id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))!, surveyID: survey,
      surveyVersion: 2, schemaHash: "", status: status, language: "fr", startedAt: start,
      submittedAt: status == .complete ? start.addingTimeInterval(300) : nil, answers: answers)
  }
}
