import Aggregation
import Foundation
import ResponseStore
import SurveyDefinition
import Testing

/// `AggregationOptions.verbatimLimit`: the first answers kept, every answer counted.
@Suite struct VerbatimLimitTests {
  /// The ten responses of `EngineResponses`, each with a comment numbered in
  /// store order; from the eighth on they cite "tardif", a word that only
  /// answers past the limit hold.
  static func responses() -> [Response] {
    EngineResponses.all().enumerated().map { index, response in
      var response = response
      let late = index >= 7 ? " tardif" : ""
      response.answers["commentaire"] = .text("Commentaire \(index + 1) sur la journée\(late)")
      return response
    }
  }

  @Test func theFirstAnswersAreKeptAndEveryAnswerCounted() throws {
    let survey = try EngineFixture.survey()
    let all = try Aggregator.results(survey: survey, responses: Self.responses())
    let cut = try Aggregator.results(
      survey: survey, responses: Self.responses(), options: AggregationOptions(verbatimLimit: 4))
    let every = try #require(all.freeText.first { $0.key == "commentaire" })
    let first = try #require(cut.freeText.first { $0.key == "commentaire" })
    // Ten complete responses, each with a comment (the partial one is not included).
    #expect(every.total == 10 && every.answers.count == 10 && !every.isTruncated)
    #expect(first.total == 10 && first.isTruncated)
    #expect(first.answers.map(\.text) == (1...4).map { "Commentaire \($0) sur la journée" })
    #expect(first.answers == Array(every.answers.prefix(4)))
    #expect(
      first.answers.map(\.groups) == [["role": "elu"], ["role": "elu"], ["role": "elu"], ["role": "elu"]])
    // Words are counted over all ten answers, kept or not.
    #expect(first.wordFrequencies == every.wordFrequencies)
    let words = Dictionary(uniqueKeysWithValues: first.wordFrequencies.map { ($0.word, $0.count) })
    #expect(words["commentaire"] == 10 && words["journée"] == 10 && words["tardif"] == 3)
    // Nothing else changes.
    #expect(cut.indicators == all.indicators && cut.questions == all.questions)
  }

  @Test func aLimitOfZeroKeepsNothingAndStillCounts() throws {
    let cut = try Aggregator.results(
      survey: try EngineFixture.survey(), responses: Self.responses(),
      options: AggregationOptions(verbatimLimit: 0))
    let comments = try #require(cut.freeText.first { $0.key == "commentaire" })
    #expect(comments.answers.isEmpty && comments.total == 10 && comments.isTruncated)
    #expect(comments.wordFrequencies.first == WordFrequency(word: "commentaire", count: 10))
  }

  @Test func theDefaultLimitIsTwoThousand() {
    #expect(AggregationOptions().verbatimLimit == 2_000)
    #expect(AggregationOptions.defaultVerbatimLimit == 2_000)
  }

  /// Past the limit, the small-group flag and the groups of the kept answers
  /// are still those of their authors.
  @Test func keptAnswersKeepTheirGroups() throws {
    let survey = try EngineFixture.survey()
    var responses = Self.responses()
    // The civil servant (index 8) and the "other" respondent (index 9) answer first.
    responses.swapAt(0, 8)
    responses.swapAt(1, 9)
    let cut = try Aggregator.results(
      survey: survey, responses: responses, options: AggregationOptions(verbatimLimit: 3))
    let comments = try #require(cut.freeText.first { $0.key == "commentaire" })
    #expect(comments.answers.map(\.groups) == [["role": "civil"], ["role": "other"], ["role": "elu"]])
    // civil and other have one respondent each (k = 3 in the fixture).
    #expect(comments.answers.map(\.fromSmallGroup) == [true, true, false])
  }
}
