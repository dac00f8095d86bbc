import Aggregation
import Foundation
import ResponseStore
import SurveyDefinition
import Testing

@testable import MarkdownReport

/// The synthesis of results computed by the real engine, from responses.
@Suite struct EngineSynthesisTests {
  @Test(arguments: ["fr", "en"])
  func theEnginesResultsRenderToAValidSynthesis(language: String) throws {
    let survey = try ResultsFixture.survey()
    let start = try #require(ISO8601DateFormatter().date(from: "2015-03-05T16:30:00Z"))
    var responses = ResultsFixture.answers(survey).enumerated().map { index, answers in
      Response(
        id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", index))!, surveyID: survey.id,
        surveyVersion: survey.version, schemaHash: "", status: .complete, language: "fr",
        startedAt: start.addingTimeInterval(Double(index) * 60),
        submittedAt: start.addingTimeInterval(Double(index) * 60 + 600), answers: answers)
    }
    responses[0].answers["commentaires"] = .text("| <script> [x](y) # =1+1 — joignable au 06 12 34 56 78")
    let results = try Aggregator.results(
      survey: survey, responses: responses, options: AggregationOptions(language: language))
    let files = try MarkdownReport.render(results: results, survey: survey)
    let name = language == "fr" ? "synthese.md" : "synthesis.md"
    let text = String(decoding: try #require(files[name]), as: UTF8.self)
    let tokens = try parseMarkdown(text)
    #expect(tokens.filter { ["html_inline", "html_block", "link_open"].contains($0.type) }.isEmpty)
    #expect(!text.contains("06 12 34 56 78"))
    for image in tokens.filter({ $0.type == "image" }) {
      #expect(files[image.attrs["src"] ?? ""] != nil, "missing \(image.attrs["src"] ?? "")")
    }
    // The last response's date, not today's.
    #expect(text.contains(language == "fr" ? "5 mars 2015." : "5 March 2015."))
    #expect(try MarkdownReport.render(results: results, survey: survey) == files)
  }
}
