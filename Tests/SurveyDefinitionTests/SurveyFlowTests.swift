import SurveyDefinition
import Testing

@Suite struct SurveyFlowTests {
  let flow = RulesFixture.flow

  func shownKeys(_ answers: Answers) -> [String] {
    flow.shownInstances(answers: answers).map(\.key)
  }

  @Test func withoutAnswersOnlyUnconditionalQuestionsShow() {
    #expect(
      shownKeys([:]) == [
        "role", "suivi", "age", "budget", "interets",
        "utilise.plan", "temps.plan", "utilise.convention", "temps.convention",
        "freins", "recommandation", "commentaire", "courriel",
      ])
    #expect(flow.visibility(answers: [:]).count == flow.instances.count)
  }

  @Test func aQuestionConditionIsEvaluatedWithItsLoopItem() {
    let answers: Answers = ["utilise.plan": .boolean(true), "utilise.convention": .boolean(false)]
    let keys = shownKeys(answers)
    #expect(keys.contains("valeur.plan"))
    #expect(!keys.contains("valeur.convention"))
    let valeurPlan = try! #require(flow.instance(forKey: "valeur.plan"))
    #expect(flow.isShown(valeurPlan, answers: answers))
    #expect(RulesFixture.survey.isShown(valeurPlan, answers: answers))
    #expect(!flow.isShown(key: "valeur.convention", answers: answers))
    #expect(flow.isShown(key: "temps.convention.decryptage", answers: answers))
    #expect(!flow.isShown(key: "inconnu", answers: answers))
  }

  @Test func aSectionConditionHidesTheWholeSection() {
    #expect(!shownKeys(["role": .code("technicien")]).contains("mandat"))
    #expect(shownKeys(["role": .code("elu")]).contains("mandat"))
    #expect(!shownKeys([:]).contains("mandat"))
  }

  @Test func hidingAQuestionHidesWhatDependsOnItEvenWithItsAnswerKept() {
    var answers: Answers = ["utilise.plan": .boolean(true), "valeur.plan": .integer(1)]
    #expect(shownKeys(answers).contains("limites.plan"))
    answers["utilise.plan"] = .boolean(false)
    // valeur.plan is still in the answers but its question is hidden, so
    // `valeur <= 2` sees it as unanswered and limites.plan hides too.
    let keys = shownKeys(answers)
    #expect(!keys.contains("valeur.plan"))
    #expect(!keys.contains("limites.plan"))
  }

  @Test func prunedDropsHiddenAnswersAndStaleOtherTexts() {
    let answers: Answers = [
      "role": .code("technicien"), "role.other": .text("ancien"),
      "mandat": .text("maire"),
      "utilise.plan": .boolean(false), "valeur.plan": .integer(1), "limites.plan": .codes(["cout"]),
      "interets": .codes(["a", "other"]), "interets.other": .text("mobilité"),
      "inconnu": .integer(1),
    ]
    let pruned = flow.pruned(answers: answers)
    #expect(
      pruned == [
        "role": .code("technicien"), "utilise.plan": .boolean(false),
        "interets": .codes(["a", "other"]), "interets.other": .text("mobilité"),
        "inconnu": .integer(1),
      ])
    #expect(RulesFixture.survey.pruned(answers: answers) == pruned)
    // Showing the questions again: nothing is pruned.
    var shownAgain = answers
    shownAgain["role"] = .code("other")
    shownAgain["utilise.plan"] = .boolean(true)
    shownAgain["mandat"] = nil
    #expect(flow.pruned(answers: shownAgain) == shownAgain)
  }

  @Test func theCompleteFixtureShowsWhatItAnswers() {
    let answers = RulesFixture.complete
    #expect(flow.pruned(answers: answers) == answers)
    #expect(RulesFixture.survey.shownInstances(answers: answers).map(\.key) == shownKeys(answers))
    #expect(shownKeys(answers).contains("limites.plan"))
    #expect(!shownKeys(answers).contains("limites.convention"))
    #expect(!shownKeys(answers).contains("precision"))
    var unhappy = answers
    unhappy["recommandation"] = .integer(6)
    #expect(shownKeys(unhappy).contains("precision"))
  }
}
