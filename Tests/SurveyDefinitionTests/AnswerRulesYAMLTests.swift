import Foundation
import SurveyDefinition
import TestSupport
import Testing

/// The answer rules on surveys loaded from YAML: conditions written as text,
/// parsed by the loader, evaluated by the flow.
@Suite struct AnswerRulesYAMLTests {
  static let path = "Tests/SurveyDefinitionTests/Fixtures/rules/answer-rules.yaml"

  func loaded() throws -> Survey { try Survey.load(path: Repository.path(Self.path)) }

  @Test func theYAMLTwinStoresAnswersExactlyLikeTheFixtureBuiltInCode() throws {
    let survey = try loaded()
    #expect(survey.answerSchema == RulesFixture.survey.answerSchema)
    #expect(survey.schemaHash == RulesFixture.survey.schemaHash)
  }

  @Test func itsParsedConditionsShowWhatTheFixtureShows() throws {
    let flow = SurveyFlow(try loaded())
    let cases: [Answers] = [
      [:],
      RulesFixture.complete,
      ["role": .code("elu"), "utilise.plan": .boolean(true), "valeur.plan": .integer(1)],
      ["utilise.plan": .boolean(false), "valeur.plan": .integer(1), "limites.plan": .codes(["cout"])],
      ["utilise.convention": .boolean(true), "valeur.convention": .notApplicable],
      ["recommandation": .integer(3), "role": .code("technicien")],
      ["recommandation": .integer(7)],
    ]
    for answers in cases {
      #expect(
        flow.shownInstances(answers: answers).map(\.key)
          == RulesFixture.flow.shownInstances(answers: answers).map(\.key), "\(answers)")
      #expect(flow.pruned(answers: answers) == RulesFixture.flow.pruned(answers: answers))
    }
  }

  @Test func aCompoundConditionWithInContainsNotAndGroups() throws {
    // precision: "answered(recommandation) and recommandation < 7
    //             and not (role in ['autre', 'other'] or interets contains 'aucun')"
    let flow = SurveyFlow(try loaded())
    func asksWhy(_ answers: Answers) -> Bool { flow.isShown(key: "precision", answers: answers) }
    #expect(!asksWhy([:]))
    #expect(asksWhy(["recommandation": .integer(6)]))
    #expect(!asksWhy(["recommandation": .integer(7)]))
    #expect(asksWhy(["recommandation": .integer(0), "role": .code("elu")]))
    #expect(!asksWhy(["recommandation": .integer(0), "role": .code("other")]))
    #expect(!asksWhy(["recommandation": .integer(0), "role": .code("autre")]))
    #expect(!asksWhy(["recommandation": .integer(0), "interets": .codes(["aucun"])]))
    #expect(asksWhy(["recommandation": .integer(0), "interets": .codes(["a", "b"])]))
  }

  @Test func aResponseReadFromJSONIsCheckedAgainstTheLoadedSurvey() throws {
    let flow = SurveyFlow(try loaded())
    let text = """
      {"role":"other","role.other":"Consultante","suivi":true,"age":44.0,"budget":12,
       "interets":["a","b"],"utilise.plan":true,"valeur.plan":5,
       "temps.plan.decryptage":1,"temps.plan.mise_en_oeuvre":4,
       "utilise.convention":false,"temps.convention.decryptage":2,"temps.convention.mise_en_oeuvre":3,
       "freins":["c2","c4","c1"],"recommandation":10,"commentaire":"Merci","courriel":"c@exemple.fr"}
      """
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let typed = flow.typedAnswers(json: json)
    #expect(typed.problems.isEmpty)
    #expect(typed.answers["age"] == .integer(44))
    #expect(typed.answers["budget"] == .number(12))
    #expect(typed.contacts == ["courriel": "c@exemple.fr"])
    #expect(flow.checkResponse(answers: typed.answers, contacts: typed.contacts, complete: true).isEmpty)

    var broken = typed.answers
    broken["valeur.convention"] = .integer(3)  // hidden: utilise.convention is false
    broken["interets"] = .codes(["b", "a"])
    broken["role.other"] = nil
    #expect(
      flow.checkResponse(answers: broken, contacts: typed.contacts, complete: true).map(\.error) == [
        .otherTextMissing(key: "role.other"), .codesOutOfOrder(key: "interets"),
        .hiddenQuestion(key: "valeur.convention"),
      ])
  }

  /// The reference survey: its loop condition and its follow-up section.
  @Test func theReferenceSurveysConditions() throws {
    let survey = try Survey.load(path: Repository.path("Surveys/cooperation-pelussin-2015.yaml"))
    let flow = SurveyFlow(survey)
    let tools = try #require(survey.sections.first { $0.forEach != nil }?.items.map(\.code))
    let first = try #require(tools.first)
    let conditional = survey.sections.flatMap(\.questions).filter { $0.condition != nil }.map(\.id)
    #expect(!conditional.isEmpty)
    // "conditions" is asked only for a tool whose applicabilite is at least 3.
    #expect(!flow.isShown(key: "conditions.\(first)", answers: ["applicabilite.\(first)": .integer(2)]))
    #expect(flow.isShown(key: "conditions.\(first)", answers: ["applicabilite.\(first)": .integer(3)]))
    #expect(!flow.isShown(key: "conditions.\(first)", answers: [:]))
    if tools.count > 1 {
      #expect(!flow.isShown(key: "conditions.\(tools[1])", answers: ["applicabilite.\(first)": .integer(5)]))
    }
    // The email is asked only of those who want a follow-up.
    #expect(!flow.isShown(key: "email", answers: ["suivi": .boolean(false)]))
    #expect(flow.isShown(key: "email", answers: ["suivi": .boolean(true)]))
    #expect(
      survey.schemaHash
        == (try Survey.load(path: Repository.path("Surveys/cooperation-pelussin-2015.yaml"))).schemaHash)
  }
}
