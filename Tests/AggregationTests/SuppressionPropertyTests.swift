import Aggregation
import PropertyBased
import ResponseStore
import SurveyDefinition
import Testing

/// The engine's published breakdown cells, on random data: no published cell
/// rests on fewer than k respondents, and "overall minus every published group"
/// (the only subtraction that isolates anyone) is 0 or at least k respondents.
@Suite struct SuppressionPropertyTests {
  static let survey = try! EngineFixture.survey()

  @Test func noPublishedCellOrDifferenceRevealsASmallGroup() async {
    // Each number encodes a respondent: role = v % 5 (4 = no answer), satisfaction = v / 5 (0 = none),
    // and whether they rate the convention (v % 3 != 0).
    await propertyCheck(count: 300, input: Gen.int(in: 0...29).array(of: 0...30)) { codes in
      let roles = ["elu", "agent", "civil", "other"]
      let responses = codes.enumerated().map { index, code in
        var answers: Answers = [:]
        if code % 5 < 4 { answers["role"] = .code(roles[code % 5]) }
        if code / 5 > 0 { answers["satisfaction"] = .integer(code / 5) }
        if code % 3 != 0 { answers["valeur.convention"] = .integer(1 + code % 5) }
        answers["valeur.plan"] = .integer(1 + code % 4)
        return EngineFixture.response(index + 1, answers)
      }
      let results = try! Aggregator.results(survey: Self.survey, responses: responses)
      let k = results.minGroupSize
      for indicator in results.indicators where indicator.kind != .responseRate {
        for item in Set(indicator.rows.map { $0.item?.code }) {
          let overall = indicator.rows.first { $0.group == nil && $0.item?.code == item }!
          let groups = indicator.rows(breakdown: "role").filter { $0.item?.code == item }
          let published = groups.filter { !$0.suppressed }
          for row in published { #expect((row.n ?? 0) >= k) }
          let hidden = (overall.n ?? 0) - published.reduce(0) { $0 + ($1.n ?? 0) }
          #expect(hidden == 0 || hidden >= k || published.isEmpty, "\(indicator.id) \(item ?? "")")
        }
      }
    }
  }
}
