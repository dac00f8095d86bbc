import Aggregation
import Foundation
import ResponseStore
import SurveyDefinition
import Testing

/// Editions over the years: each figure's change from one edition to the
/// next is said only as far as the intervals support it.
@Suite struct TrendTests {
  /// 30 responses of which `top` are satisfied (5 on the 1–5 scale), the others 2.
  static func edition(_ survey: String, top: Int, offset: Int) -> [Response] {
    (0..<30).map { index in
      EngineFixture.response(
        offset + index, ["role": .code("elu"), "satisfaction": .integer(index < top ? 5 : 2)], survey: survey)
    }
  }

  @Test func aChangeIsClearOnlyWhenTheIntervalsAreApart() throws {
    let survey = try EngineFixture.survey()
    var second = survey
    second.id = "engine-test-2"
    var third = survey
    third.id = "engine-test-3"
    var consolidation = try Consolidation(surveys: [survey, second, third])
    // Top box 5/30, then 6/30, then 25/30. Wilson 95 % intervals (scipy.stats.binomtest(k, 30)
    // .proportion_ci(method='wilson')): 5/30 [0.0734, 0.3356], 6/30 [0.0951, 0.3731],
    // 25/30 [0.6644, 0.9266]: the first two overlap, the last two are apart.
    for (edition, (id, top)) in [(survey.id, 5), (second.id, 6), (third.id, 25)].enumerated() {
      for response in Self.edition(id, top: top, offset: edition * 100) {
        consolidation.add(response, edition: edition)
      }
    }
    let results = consolidation.results()
    func verdicts(_ indicator: String) throws -> [EditionChange.Verdict] {
      try #require(results.comparison.first { $0.indicator == indicator }).changes.map(\.verdict)
    }
    #expect(try verdicts("satisfaits") == [.noClearDifference, .higher])
    // Means 2.5, 2.6, 4.5 (t intervals of width about ±0.4 and ±0.25).
    #expect(try verdicts("satisfaction_moyenne") == [.noClearDifference, .higher])
    // The same number of complete responses for the same registered count: level.
    #expect(try verdicts("taux_reponse") == [.same, .same])
    // No answers to the tools: nothing to compare.
    #expect(try verdicts("valeur").allSatisfy { $0 == .notComparable })
    let satisfied = try #require(results.comparison.first { $0.indicator == "satisfaits" })
    let change = try #require(satisfied.changes.last)
    #expect(change.from == 1 && change.to == 2 && change.item == nil)
    // And a fall the other way round.
    let fall: EditionChange.Verdict = EditionChange.verdict(
      from: satisfied.editions[2].rows.first, to: satisfied.editions[0].rows.first, unit: .proportion,
      kind: .topBox)
    #expect(fall == .lower)
  }
}
