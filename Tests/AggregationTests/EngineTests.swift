import Aggregation
import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// The engine over `EngineResponses`; every expected figure was computed from
/// the same columns with numpy/scipy (`stats.t.interval`, Wilson by hand with
/// `stats.norm.ppf(0.975)`) and is quoted with its source.
@Suite struct EngineTests {
  let results: SurveyResults

  init() throws {
    results = try Aggregator.results(survey: EngineFixture.survey(), responses: EngineResponses.all())
  }

  func close(_ value: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
  }

  @Test func countsAndIdentity() {
    #expect(results.counts.complete == 10)
    #expect(results.counts.partial == 1)
    #expect(results.counts.included == 10)
    #expect(!results.counts.includesPartial)
    #expect(results.counts.registered == 12)
    #expect(close(results.counts.responseRate, 10.0 / 12))
    #expect(results.survey.title == "Enquête de test")
    #expect(results.survey.event?.name == "Journée test")
    // The last included (complete) response: number 10, submitted 300 s after its start.
    #expect(results.lastResponseDate == Date(timeIntervalSince1970: 1_714_636_800 + 10 * 600 + 300))
    #expect(
      results.indicators.map(\.id) == [
        "taux_reponse", "satisfaits", "satisfaction_moyenne", "valeur", "intention", "suivi", "nps", "freins",
        "utilite",
      ])
  }

  @Test func responseRate() throws {
    let rate = try #require(results.indicator("taux_reponse"))
    #expect(rate.rows.count == 1)
    #expect(rate.rows[0].n == 10)
    #expect(close(rate.rows[0].value, 10.0 / 12))
    #expect(rate.rows[0].ciLow == nil && rate.rows[0].met == nil)
  }

  /// top 2 of 5,4,4,3,5,2,4,5,3,4 = 7/10, Wilson [0.39677814746114537, 0.8922087325936989];
  /// elected officials 5,4,4,3,5: 4/5, Wilson [0.3755346297625253, 0.9637758913675698].
  @Test func topBoxOverallAndByGroup() throws {
    let indicator = try #require(results.indicator("satisfaits"))
    let overall = indicator.rows[0]
    #expect(overall.group == nil && overall.n == 10)
    #expect(close(overall.value, 0.7))
    #expect(close(overall.ciLow, 0.39677814746114537) && close(overall.ciHigh, 0.8922087325936989))
    #expect(overall.met == false)
    #expect(indicator.target == ">= 0.8")
    let elu = try #require(indicator.rows.first { $0.group?.code == "elu" })
    #expect(elu.n == 5 && close(elu.value, 0.8))
    #expect(close(elu.ciLow, 0.3755346297625253) && close(elu.ciHigh, 0.9637758913675698))
    #expect(elu.met == true)
  }

  /// Groups: elu 5, agent 3, civil 1, other 1. civil and other are below 3;
  /// together they are 2 < 3, recoverable as overall − elu − agent, so agent
  /// (the smallest published group) is withheld too.
  @Test func suppressionPrimaryAndComplementary() throws {
    for indicator in results.indicators where indicator.kind != .responseRate {
      let byGroup = Dictionary(grouping: indicator.rows(breakdown: "role"), by: { $0.group!.code })
      #expect(Set(byGroup.keys) == ["elu", "agent", "civil", "other"])
      for row in byGroup["civil"]! + byGroup["other"]! {
        #expect(row.suppressed && row.suppression == .belowMinimum)
      }
      // Agents are 3, but for the convention only 2 of them answered: withheld on its own there.
      for row in byGroup["agent"]! { #expect(row.suppressed) }
      for row in indicator.rows where row.suppressed {
        #expect(row.n == nil && row.value == nil && row.ciLow == nil && row.ciHigh == nil && row.met == nil)
      }
    }
    let satisfied = try #require(results.indicator("satisfaits")?.rows(breakdown: "role"))
    #expect(satisfied.map(\.suppression) == [nil, .complementary, .belowMinimum, .belowMinimum])
    let convention = try #require(
      results.indicator("valeur")?.rows(breakdown: "role").filter { $0.item?.code == "convention" })
    #expect(convention.map(\.suppression) == [nil, .belowMinimum, .belowMinimum, .belowMinimum])
    let breakdown = try #require(results.breakdowns.first)
    #expect(breakdown.groups.map(\.count) == [5, 3, 1, 1])
    #expect(breakdown.groups.map(\.belowMinimum) == [false, false, true, true])
    #expect(breakdown.groups.last?.group.label == "Autre")
  }

  /// plan 4,5,3,4,4,2,3,5,1,4: mean 3.5, t [2.592000685735766, 4.407999314264234];
  /// convention (N/A excluded) 3,3,4,2,3,2,5,1: 2.875, t [1.8329639146121404, 3.91703608538786];
  /// elected officials: plan 4.0 [3.1220109669149174, 4.877989033085083], convention 3.0
  /// [1.700771736374889, 4.2992282636251105].
  @Test func meanPerItemRanked() throws {
    let indicator = try #require(results.indicator("valeur"))
    #expect(indicator.perItem)
    let overall = indicator.overall
    #expect(overall.map { $0.item?.code } == ["plan", "convention"])
    #expect(overall[0].n == 10 && close(overall[0].value, 3.5))
    #expect(close(overall[0].ciLow, 2.592000685735766) && close(overall[0].ciHigh, 4.407999314264234))
    #expect(overall[1].n == 8 && close(overall[1].value, 2.875))
    #expect(close(overall[1].ciLow, 1.8329639146121404) && close(overall[1].ciHigh, 3.91703608538786))
    #expect(overall.map(\.rank) == [1, 2])
    let elu = indicator.rows.filter { $0.group?.code == "elu" }
    #expect(elu.map { $0.item?.code } == ["plan", "convention"])
    #expect(close(elu[0].value, 4) && close(elu[0].ciLow, 3.1220109669149174))
    #expect(close(elu[1].value, 3) && close(elu[1].ciHigh, 4.2992282636251105))
    #expect(elu.map(\.rank) == [1, 2])
    #expect(results.items.first?.indicators == ["valeur", "intention"])
  }

  /// plan: oui/en_cours 6 of 10, Wilson [0.31267376973365824, 0.8318196702937638];
  /// convention: 1 of 8 answered, Wilson [0.02241749145005667, 0.4708881822128535].
  @Test func sharePerItemAndBoolean() throws {
    let intention = try #require(results.indicator("intention"))
    let overall = intention.overall
    #expect(overall[0].n == 10 && close(overall[0].value, 0.6))
    #expect(close(overall[0].ciLow, 0.31267376973365824) && close(overall[0].ciHigh, 0.8318196702937638))
    #expect(overall[1].n == 8 && close(overall[1].value, 0.125))
    #expect(close(overall[1].ciLow, 0.02241749145005667) && close(overall[1].ciHigh, 0.4708881822128535))
    let suivi = try #require(results.indicator("suivi"))
    #expect(suivi.rows[0].n == 10 && close(suivi.rows[0].value, 0.6))
  }

  /// 10,9,9,8,7,10,6,9,3,8: 5 promoters, 2 detractors → +30; SE 24.69817807045694,
  /// interval 30 ± 1.96·SE = [−18.408429018095603, 78.4084290180956].
  @Test func nps() throws {
    let nps = try #require(results.indicator("nps"))
    let row = nps.rows[0]
    #expect(row.n == 10 && close(row.value, 30))
    #expect(close(row.ciLow, -18.408429018095603) && close(row.ciHigh, 78.4084290180956))
    #expect(row.met == true)
    #expect(nps.unit == .points)
  }

  /// Points by hand (pick 3): temps 18, budget 14, concurrence 8, silos 7 over 9 respondents.
  @Test func borda() throws {
    let borda = try #require(results.indicator("freins"))
    let overall = borda.overall
    #expect(overall.map { $0.item?.code } == ["temps", "budget", "concurrence", "silos"])
    #expect(overall.allSatisfy { $0.n == 9 && $0.ciLow == nil })
    #expect(close(overall[0].value, 2) && close(overall[1].value, 14.0 / 9))
    #expect(close(overall[2].value, 8.0 / 9) && close(overall[3].value, 7.0 / 9))
    #expect(overall.map(\.rank) == [1, 2, 3, 4])
    let question = try #require(results.question("freins")?.ranking)
    #expect(question.respondents == 9)
    #expect(question.choices[0].firstCount == 4 && close(question.choices[0].firstShare, 4.0 / 9))
  }

  /// Per respondent mean of (x − 1)/4·100 over the three rows, then a t-interval:
  /// 64.16666666666667, [45.09669321383502, 83.23664011949833]; Cronbach's α 0.9055374592833877.
  @Test func indexAndCronbach() throws {
    let index = try #require(results.indicator("utilite"))
    let row = index.rows[0]
    #expect(row.n == 10 && close(row.value, 64.16666666666667))
    #expect(close(row.ciLow, 45.09669321383502) && close(row.ciHigh, 83.23664011949833))
    #expect(row.met == false)
    let matrix = try #require(results.question("parties")?.matrix)
    #expect(matrix.completeRows == 10)
    #expect(close(matrix.cronbachAlpha, 0.9055374592833877))
    #expect(matrix.rows.map(\.key) == ["parties.matin", "parties.midi", "parties.soir"])
  }

  @Test func questionSummaries() throws {
    let satisfaction = try #require(results.question("satisfaction"))
    #expect(satisfaction.answered == 10 && satisfaction.missing == 0 && satisfaction.notApplicable == 0)
    #expect(satisfaction.distribution.map(\.count) == [0, 1, 2, 4, 3])
    #expect(satisfaction.distribution.map(\.percent) == [0, 10, 20, 40, 30])
    #expect(satisfaction.distribution.first?.label == "Pas du tout")
    #expect(satisfaction.distribution[1].label == "2")
    let stats = try #require(satisfaction.statistics)
    #expect(close(stats.mean, 3.9) && stats.median == 4)
    #expect(close(stats.standardDeviation, 0.9944289260117534))
    #expect(stats.topBoxCount == 7 && stats.bottomBoxCount == 1 && close(stats.net, 0.6))
    let convention = try #require(results.question("valeur.convention"))
    #expect(convention.answered == 8 && convention.notApplicable == 2 && convention.missing == 0)
    #expect(convention.label == "Valeur de Convention")
    #expect(convention.sectionTitle == "Outil : Convention")
    // Multiple: over the 8 respondents who ticked something; shares may sum over 100 %.
    let apports = try #require(results.question("apports"))
    #expect(apports.answered == 8 && apports.missing == 2 && apports.sharesMaySumOver100)
    #expect(apports.distribution.map(\.count) == [5, 3, 2, 2])
    #expect(apports.distribution.map(\.percent) == [63, 38, 25, 25])
    // Number: 2, 3.5, 4, 6 → mean 3.875, median 3.75 (numpy).
    let heures = try #require(results.question("heures")?.statistics)
    #expect(close(heures.mean, 3.875) && heures.median == 3.75 && heures.topBox == nil)
    let suivi = try #require(results.question("suivi"))
    #expect(suivi.distribution.map(\.label) == ["Oui", "Non"])
    #expect(suivi.distribution.map(\.percent) == [60, 40])
    let role = try #require(results.question("role"))
    #expect(role.distribution.map(\.value) == ["elu", "agent", "civil", "other"])
    #expect(role.distribution.map(\.percent).reduce(0, +) == 100)
    let nps = try #require(results.question("recommandation")?.nps)
    #expect(nps.promoters == 5 && nps.passives == 3 && nps.detractors == 2 && close(nps.score, 30))
  }

  @Test func freeTextMaskedWithGroups() throws {
    let comments = try #require(results.freeText.first { $0.key == "commentaire" })
    #expect(comments.answers.count == 3)
    #expect(comments.answers[0].text == "Très bonne journée, contactez-moi au [masqué] ou [masqué]")
    #expect(
      comments.answers[1].text
        == "[31mJournée[0m utile pour la coopération".replacingOccurrences(of: "[31m", with: "")
        .replacingOccurrences(of: "[0m", with: ""))
    #expect(comments.answers[0].groups == ["role": "elu"])
    #expect(!comments.answers[0].fromSmallGroup)
    #expect(comments.answers[2].fromSmallGroup)
    let words = Dictionary(uniqueKeysWithValues: comments.wordFrequencies.map { ($0.word, $0.count) })
    #expect(words["coopération"] == 2 && words["journée"] == 2)
    #expect(words["masqué"] == nil && words["de"] == nil && words["example"] == nil)
    let other = try #require(results.freeText.first { $0.key == "role.other" })
    #expect(other.isOther && other.answers.map(\.text) == ["Chargée de mission"])
  }

  /// With the partial response (elu, satisfaction 1, nps 0): 11 included,
  /// top box 7/11, and the results say so.
  @Test func includePartial() throws {
    let withPartial = try Aggregator.results(
      survey: EngineFixture.survey(), responses: EngineResponses.all(),
      options: AggregationOptions(includePartial: true))
    #expect(withPartial.counts.includesPartial && withPartial.counts.included == 11)
    let top = try #require(withPartial.indicator("satisfaits")?.rows.first)
    #expect(top.n == 11 && close(top.value, 7.0 / 11))
    // The response rate stays complete / registered.
    #expect(withPartial.indicator("taux_reponse")?.rows.first?.n == 10)
  }

  @Test func englishLabelsAndMaskMarker() throws {
    let english = try Aggregator.results(
      survey: EngineFixture.survey(), responses: EngineResponses.all(),
      options: AggregationOptions(language: "en"))
    #expect(english.survey.title == "Test survey")
    #expect(english.breakdowns[0].groups.last?.group.label == "Other")
    #expect(english.freeText.first { $0.key == "commentaire" }?.answers[0].text.contains("[masked]") == true)
  }

  @Test func unknownBreakdownIsAnError() throws {
    #expect(throws: AggregationError.self) {
      try Aggregator(
        survey: EngineFixture.survey(), options: AggregationOptions(breakdowns: ["satisfaction"]))
    }
  }

  /// Two editions of the same survey: side by side, and pooled (20 responses,
  /// top box 14/20).
  @Test func consolidation() throws {
    let survey = try EngineFixture.survey()
    var second = survey
    second.id = "engine-test-2"
    var consolidation = try Consolidation(surveys: [survey, second])
    for response in EngineResponses.all() {
      consolidation.add(response, edition: 0)
      consolidation.add(response, edition: 1)
    }
    let consolidated = consolidation.results()
    #expect(consolidated.editions.map(\.survey.id) == ["engine-test", "engine-test-2"])
    let satisfied = try #require(consolidated.comparison.first { $0.indicator == "satisfaits" })
    #expect(satisfied.editions.map { $0.rows.first?.value } == [0.7, 0.7])
    let pooled = try #require(consolidated.pooled)
    #expect(pooled.counts.included == 20)
    #expect(pooled.indicator("satisfaits")?.rows.first?.n == 20)
    #expect(pooled.survey.event?.registered == 24)
  }
}

/// The reference survey of the repository, with a few hand-made responses:
/// every indicator computes, the loop indicators per tool, both breakdowns.
@Suite struct ReferenceSurveyTests {
  @Test func everyIndicatorOfTheReferenceSurveyComputes() throws {
    let survey = try Survey.load(path: TestSupport.Repository.path("Surveys/cooperation-pelussin-2015.yaml"))
    let tools = try #require(survey.sections.first { $0.forEach != nil }?.items.map(\.code))
    var responses: [Response] = []
    for number in 1...6 {
      var answers: Answers = [
        "role": .code(number <= 3 ? "elu" : "agent"), "satisfaction_globale": .integer(2 + number % 4),
        "recommandation": .integer(4 + number), "objectifs.explorer": .integer(1 + number % 5),
        "objectifs.freins": .integer(3), "freins": .codes(["temps_moyens", "concurrence_territoires"]),
      ]
      for tool in tools { answers["valeur_ajoutee.\(tool)"] = .integer(1 + (number + tool.count) % 5) }
      responses.append(EngineFixture.response(number, answers, survey: survey.id))
    }
    let results = try Aggregator.results(survey: survey, responses: responses)
    #expect(results.indicators.map(\.id) == survey.indicators.map(\.id))
    let valeur = try #require(results.indicator("valeur_ajoutee"))
    #expect(valeur.perItem && valeur.overall.map { $0.item?.code } == tools)
    #expect(valeur.overall.allSatisfy { $0.n == 6 && $0.rank != nil })
    #expect(results.breakdowns.map(\.question) == ["role", "structure"])
    let objectifs = try #require(results.indicator("objectifs")?.rows.first)
    #expect(objectifs.n == 6 && objectifs.value != nil)
    #expect(results.indicator("taux_reponse")?.rows.first?.value == 6.0 / 15)
  }
}
