import Aggregation
import Foundation
import LiveSummary
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// The room's test survey (k = 3: `privacy.min_group_size`).
enum LiveFixture {
  static let survey = Repository.path("Tests/RoomTests/Fixtures/room.yaml")

  /// Complete responses whose satisfaction scores are `scores`.
  static func responses(_ scores: [Int], survey: Survey) -> [Response] {
    scores.enumerated().map { index, score in
      Response(
        surveyID: survey.id, surveyVersion: survey.version, schemaHash: survey.schemaHash, status: .complete,
        language: "fr", startedAt: Date(timeIntervalSince1970: 1_425_570_000 + Double(index)),
        submittedAt: Date(timeIntervalSince1970: 1_425_570_600 + Double(index)),
        answers: [
          "role": .code(["elu", "agent", "association"][index % 3]), "satisfaction": .integer(score),
          "mot": .text("Très bonne journée numéro \(index)"),
        ])
    }
  }

  static func results(_ scores: [Int], language: String = "fr") throws -> SurveyResults {
    let survey = try Survey.load(path: Self.survey)
    var aggregator = try Aggregator(
      survey: survey, options: AggregationOptions(language: language, breakdowns: []))
    aggregator.add(contentsOf: responses(scores, survey: survey))
    return aggregator.results()
  }
}

@Suite struct LiveBoardTests {
  func text(_ board: LiveBoard, width: Int = 100, height: Int = 30) -> String {
    board.render(width: width, height: height).map(\.text).joined(separator: "\n")
  }

  @Test func belowKOnlyTheCountIsShown() throws {
    let board = LiveBoard(results: try LiveFixture.results([5, 4]), quotes: true, updated: Date())
    #expect(!board.showsFigures)
    let screen = text(board)
    #expect(screen.contains("réponses complètes"))
    #expect(screen.contains("Les résultats s’affichent à partir de 3 réponses complètes (2 pour l’instant)"))
    #expect(!screen.contains("%"))
    #expect(!screen.contains("Participants satisfaits"))
    #expect(!screen.contains("Très bonne journée"))
  }

  @Test func fromKTheEnginesFiguresAreShownWithTheirIntervals() throws {
    let results = try LiveFixture.results([5, 4, 2])
    let board = LiveBoard(results: results, updated: Date())
    #expect(board.showsFigures)
    // Narrow: the headline in ordinary type.
    let screen = text(board, width: 40, height: 30).replacingOccurrences(of: "\u{00A0}", with: " ")
    #expect(screen.contains("Participants satisfaits"))
    // 2 of 3 at 4 or 5: Wilson 95 % interval (0.2077, 0.9385), from
    // statsmodels.stats.proportion.proportion_confint(2, 3, method="wilson").
    #expect(screen.contains("67 %"))
    #expect(screen.contains("[21 % ; 94 %]"))
    #expect(screen.contains("n = 3"))
    #expect(screen.contains("cible ≥ 80 % : non concluant"))
    // Free text only when asked for.
    #expect(!text(board).contains("Très bonne journée"))
    let quoted = text(LiveBoard(results: results, quotes: true, updated: Date()))
    #expect(quoted.contains("« Très bonne journée numéro 2 »"))
  }

  @Test func wideWindowsDrawTheFiguresInLargeTypeAndEveryLineFits() throws {
    let board = LiveBoard(results: try LiveFixture.results([5, 4, 2, 5]), updated: Date())
    for (width, height) in [(120, 40), (80, 24), (50, 20)] {
      let lines = board.render(width: width, height: height)
      #expect(lines.count == height)
      #expect(lines.allSatisfy { $0.width <= width })
    }
    let wide = text(board, width: 120, height: 40)
    #expect(wide.contains("██████"))
    #expect(wide.contains("Participants satisfaits"))
  }

  @Test func speaksEnglishWhenTheResultsDo() throws {
    let screen = text(LiveBoard(results: try LiveFixture.results([5, 4], language: "en"), updated: Date()))
    #expect(screen.contains("Results appear from 3 complete responses (2 so far)"))
    #expect(screen.contains("Q: quit"))
  }
}
