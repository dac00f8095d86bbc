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

  @Test func twoEditionsConsolidatedByTheEngine() throws {
    let survey = try ResultsFixture.survey()
    var second = survey
    second.id = "cooperation-pelussin-2016"
    second.event?.date = "2016-03-10"
    let start = try #require(ISO8601DateFormatter().date(from: "2015-03-05T16:30:00Z"))
    var consolidation = try Consolidation(surveys: [survey, second])
    for (edition, definition) in [survey, second].enumerated() {
      for (index, answers) in ResultsFixture.answers(definition).enumerated() where index % (edition + 1) == 0
      {
        consolidation.add(
          Response(
            surveyID: definition.id, surveyVersion: definition.version, schemaHash: "", status: .complete,
            language: "fr",
            startedAt: start.addingTimeInterval(Double(index) * 60 + Double(edition) * 31_536_000),
            submittedAt: start.addingTimeInterval(Double(index) * 60 + 600 + Double(edition) * 31_536_000),
            answers: answers),
          edition: edition)
      }
    }
    let files = try MarkdownReport.render(consolidated: consolidation.results(), surveys: [survey, second])
    let text = String(decoding: try #require(files["synthese.md"]), as: UTF8.self)
    let tokens = try parseMarkdown(text)
    #expect(text.contains("| Indicateur | 5 mars 2015 | 10 mars 2016 | Ensemble |"))
    #expect(text.contains("## Toutes éditions confondues"))
    // The change of each figure, said as far as its intervals support it.
    #expect(text.contains("## D’une édition à l’autre"))
    #expect(
      text.contains(
        "pas de différence nette à ces effectifs (les intervalles de confiance à 95\u{202F}% se chevauchent)"),
      "\(text)")
    #expect(text.contains("dernière réponse le 4 mars 2016."))
    var columns = 0
    var cells = 0
    for token in tokens {
      switch token.type {
      case "tr_open": cells = 0
      case "th_open", "td_open": cells += 1
      case "tr_close":
        if columns == 0 { columns = cells }
        #expect(cells == columns)
      case "table_close": columns = 0
      default: break
      }
    }
    for image in tokens.filter({ $0.type == "image" }) {
      #expect(files[image.attrs["src"] ?? ""] != nil)
    }
  }
}
