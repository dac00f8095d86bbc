import Aggregation
import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// The statistical-honesty rules of the engine, on crafted answers
/// (`HonestyScenarios`). Reference values computed independently with
/// scipy 1.17 / numpy 2.4 in python3:
///   t(x) = stats.t.interval(0.95, len(x)-1, loc=x.mean(), scale=x.std(ddof=1)/sqrt(len(x)))
///   wilson(k, n) by hand with z = stats.norm.ppf(0.975):
///   c = (p + z²/2n)/(1 + z²/n), h = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²).
@Suite struct HonestyRuleTests {
  let survey: Survey

  init() throws {
    survey = try Survey.load(path: HonestyScenarios.surveyPath)
  }

  func results(_ answers: [Answers], language: String = "fr") throws -> SurveyResults {
    let start = Date(timeIntervalSince1970: 1_425_560_400)
    let responses = answers.enumerated().map { index, answers in
      Response(
        id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", index))!, surveyID: survey.id,
        surveyVersion: 1, schemaHash: "", status: .complete, language: language,
        startedAt: start.addingTimeInterval(Double(index) * 60),
        submittedAt: start.addingTimeInterval(Double(index) * 60 + 300), answers: answers)
    }
    return try Aggregator.results(survey: survey, responses: responses, options: .init(language: language))
  }

  func overall(_ results: SurveyResults, _ id: String, item: String? = nil) throws -> IndicatorRow {
    let indicator = try #require(results.indicator(id))
    return try #require(indicator.overall.first { $0.item?.code == item })
  }

  func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) < tolerance
  }

  // MARK: Targets in three states

  /// wilson(9, 14) = (0.38764423103907397, 0.8365526824644587): 80 % lies
  /// inside, so at n = 14 the target is neither met nor missed.
  @Test func aTargetInsideTheIntervalIsNotConclusive() throws {
    let row = try overall(try results(HonestyScenarios.overlapping), "satisfaits")
    #expect(row.n == 14 && row.count == 9)
    #expect(close(row.ciLow, 0.38764423103907397) && close(row.ciHigh, 0.8365526824644587))
    #expect(row.met == false)
    #expect(row.verdict == .notConclusive)
  }

  /// wilson(3, 14) = (0.07571386712693182, 0.47589230586600295): all below 80 %.
  @Test func aTargetAboveTheWholeIntervalIsNotMet() throws {
    let row = try overall(try results(HonestyScenarios.separated), "satisfaits")
    #expect(row.count == 3)
    #expect(close(row.ciLow, 0.07571386712693182) && close(row.ciHigh, 0.47589230586600295))
    #expect(row.verdict == .notMet)
  }

  /// wilson(30, 30) = (0.8864866068260312, 1.0): all of it at or above 80 %.
  @Test func aTargetBelowTheWholeIntervalIsMet() throws {
    let row = try overall(try results(HonestyScenarios.unanimous), "satisfaits")
    #expect(close(row.ciLow, 0.8864866068260312) && row.ciHigh == 1)
    #expect(row.verdict == .met)
  }

  /// The index t(per-respondent indices) = (73.19870636591871, 85.13462696741463)
  /// around 79.17 straddles its ≥ 75 target.
  @Test func anIndexStraddlingItsTargetIsNotConclusive() throws {
    let row = try overall(try results(HonestyScenarios.overlapping), "indice")
    #expect(close(row.value, 79.16666666666667))
    #expect(close(row.ciLow, 73.19870636591871) && close(row.ciHigh, 85.13462696741463))
    #expect(row.met == true && row.verdict == .notConclusive)
  }

  /// The response rate counts everyone registered: no sampling, its value decides.
  @Test func theResponseRateIsDecidedByItsValue() {
    let target = Target(parsing: ">= 0.5")!
    #expect(
      TargetVerdict.decide(
        target: target, value: 14.0 / 30, interval: nil, unit: .proportion, isEstimate: false)
        == .notMet)
    // A mean of a single answer has no interval: nothing can be concluded.
    #expect(
      TargetVerdict.decide(target: target, value: 0.9, interval: nil, unit: .proportion, isEstimate: true)
        == .notConclusive)
    // Decided on the reported ends: [74.96 ; 80] is shown [75 ; 80], which meets ≥ 75.
    #expect(
      TargetVerdict.decide(
        target: Target(parsing: ">= 75")!, value: 77, interval: .init(low: 74.96, high: 80), unit: .index,
        isEstimate: true) == .met)
  }

  // MARK: Intervals within the scale

  /// Every answer 5 on a 1–5 scale: the t-interval would be [5 ; 5]. With
  /// w = 30/(30 + z²) = wilson(30, 30)[0] = 0.8864866068260312, the mean lies
  /// in [5 − 4·(1 − w), 5] = [4.545946427304125, 5].
  @Test func aScaleAnsweredFiveByEveryoneHasAnHonestInterval() throws {
    let results = try results(HonestyScenarios.unanimous)
    let row = try overall(results, "moyenne")
    #expect(row.value == 5)
    #expect(close(row.ciLow, 4.545946427304125) && row.ciHigh == 5)
    let statistics = try #require(results.question("satisfaction")?.statistics)
    #expect(close(statistics.ciLow, 4.545946427304125) && statistics.ciHigh == 5)
  }

  /// t([100]*28 + [75]*2) = (95.96492900025504, 100.70173766641162): the
  /// upper end passes 100 and is cut there.
  @Test func anIndexNearOneHundredStaysWithinIt() throws {
    let row = try overall(try results(HonestyScenarios.unanimous), "indice")
    #expect(close(row.value, 98.33333333333333))
    #expect(close(row.ciLow, 95.96492900025504) && row.ciHigh == 100)
  }

  /// t([25, 25] + [0]*12) = (−1.670291032139931, 8.813148174997075): cut at 0.
  @Test func anIndexNearZeroStaysWithinIt() throws {
    let row = try overall(try results(HonestyScenarios.separated), "indice")
    #expect(close(row.value, 3.5714285714285716))
    #expect(row.ciLow == 0 && close(row.ciHigh, 8.813148174997075))
  }

  /// Whatever the answers, no interval of any indicator leaves its bounds.
  @Test(arguments: ["overlapping", "separated", "unanimous"])
  func noIntervalLeavesItsBounds(scenario: String) throws {
    let answers =
      switch scenario {
      case "overlapping": HonestyScenarios.overlapping
      case "separated": HonestyScenarios.separated
      default: HonestyScenarios.unanimous
      }
    let results = try results(answers)
    for indicator in results.indicators {
      for row in indicator.rows {
        for end in [row.ciLow, row.ciHigh].compactMap({ $0 }) {
          #expect(indicator.bounds.contains(end), "\(indicator.id) \(end)")
        }
      }
    }
    for question in results.questions {
      guard let statistics = question.statistics, let low = statistics.ciLow, let high = statistics.ciHigh,
        let scale = survey.question(question.questionID)?.question.kind.scale
      else { continue }
      #expect(Double(scale.min) <= low && high <= Double(scale.max), "\(question.key)")
    }
  }

  // MARK: Ties and clear differences

  /// plan t = (4.2004107705853135, 4.7995892294146865) at 4.5; convention
  /// 4.461538461538462, t = (4.147985726210684, 4.7750911968662395); charte
  /// 3.9285714285714284, t = (3.573060708267247, 4.28408214887561). Plan and
  /// convention are both shown 4,5: tied first. Charte's shown high end 4,3 is
  /// above plan's shown low end 4,2: no clear difference anywhere.
  @Test func tiedAndOverlappingToolsAreNotRanked() throws {
    let results = try results(HonestyScenarios.overlapping)
    let indicator = try #require(results.indicator("valeur"))
    let convention = try overall(results, "valeur", item: "convention")
    #expect(convention.n == 13 && close(convention.value, 4.461538461538462))
    #expect(close(convention.ciLow, 4.147985726210684) && close(convention.ciHigh, 4.7750911968662395))
    #expect(indicator.overall.map(\.rank) == [1, 1, 3])
    let comparison = try #require(indicator.comparison())
    #expect(comparison.tiedFirst.map(\.item.code) == ["plan", "convention"])
    #expect(comparison.noClearDifference)
    #expect(comparison.leaders.count == 3 && comparison.trailing.isEmpty)
    #expect(comparison.nRange == 13...14)
  }

  /// plan and convention at 4.5, t = (4.2004107705853135, 4.7995892294146865);
  /// charte at 1.5, t = (1.2004107705853138, 1.7995892294146862): the two lead,
  /// tied, and charte is clearly behind both.
  @Test func separatedToolsAreRankedAndTiesStayTies() throws {
    let results = try results(HonestyScenarios.separated)
    let indicator = try #require(results.indicator("valeur"))
    #expect(indicator.overall.map(\.rank) == [1, 1, 3])
    #expect(indicator.overall.map(\.clearlyAheadOf) == [["charte"], ["charte"], []])
    let comparison = try #require(indicator.comparison())
    #expect(!comparison.noClearDifference)
    #expect(comparison.leaders.map(\.item.code) == ["plan", "convention"])
    #expect(comparison.trailing.map(\.item.code) == ["charte"])
    // The same rule inside each breakdown group.
    let group = try #require(indicator.rows.first { $0.group?.code == "elu" }?.group)
    #expect(indicator.comparison(group: group)?.trailing.map(\.item.code) == ["charte"])
  }

  /// Borda scores are compared on their own spread (a mean of 0–3 points per
  /// respondent) though no interval is published for them: three choices
  /// ranked first, second and third by everyone are clearly apart; two
  /// choices swapped half the time are a tie, not a ranking.
  @Test func bordaChoicesAreCalledApartOnlyWhenClearlySo() {
    var borda = BordaCount(choices: ["a", "b", "c", "d"], pick: 3)
    for index in 0..<12 { borda.add(index % 2 == 0 ? ["a", "b", "c"] : ["b", "a", "c"]) }
    let intervals = borda.intervals
    // a and b: 2.5 points each (3 and 2 alternating), c 1 for everyone, d 0 for everyone.
    #expect(borda.scores == [2.5, 2.5, 1, 0])
    let ahead = ClearDifference.aheadOf(intervals, unit: .bordaPoints)
    #expect(ahead[0] == [2, 3] && ahead[1] == [2, 3] && ahead[2] == [3] && ahead[3] == [])
    // No spread for c and d: the unanimity interval, w = 12/(12 + z²).
    let w = 12 / (12 + WilsonInterval.z95 * WilsonInterval.z95)
    #expect(close(intervals[3]?.high, 3 * (1 - w)) && intervals[3]?.low == 0)
  }

  // MARK: Counts and parts

  /// The intention share is 7 of 14 for plan, 2 of them new (within a year)
  /// and 5 already under way, each with its own Wilson interval:
  /// wilson(2, 14) = (0.040093921271464966, 0.39941379496970353),
  /// wilson(5, 14) = (0.1634473175355414, 0.612355768960926).
  @Test func aShareOfSeveralAnswersKeepsEachApart() throws {
    let row = try overall(try results(HonestyScenarios.overlapping), "intention", item: "plan")
    #expect(row.count == 7 && row.n == 14)
    let parts = try #require(row.parts)
    #expect(parts.map(\.answer.code) == ["oui_annee", "en_cours"])
    #expect(parts.map(\.count) == [2, 5])
    #expect(close(parts[0].ciLow, 0.040093921271464966) && close(parts[0].ciHigh, 0.39941379496970353))
    #expect(close(parts[1].ciLow, 0.1634473175355414) && close(parts[1].ciHigh, 0.612355768960926))
    #expect(parts[1].answer.label == "C’est déjà en cours")
  }

  /// The site-visit row has its own n: 10, not the 14 of the matrix.
  @Test func eachMatrixRowHasItsOwnN() throws {
    let matrix = try #require(try results(HonestyScenarios.overlapping).question("temps")?.matrix)
    #expect(matrix.rows.map(\.answered) == [14, 14, 10])
    let means = matrix.rows.map { $0.statistics.mean }
    for (mean, expected) in zip(means, [4.5, 3.9285714285714284, 4]) { #expect(close(mean, expected)) }
  }
}
