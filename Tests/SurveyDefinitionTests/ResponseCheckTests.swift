import SurveyDefinition
import Testing

@Suite struct ResponseCheckTests {
  let flow = RulesFixture.flow
  let contacts = ["courriel": "marie@exemple.fr"]

  func problems(_ answers: Answers, contacts: [String: String] = [:], complete: Bool = true) -> [AnswerError]
  {
    let viaFlow = flow.checkResponse(answers: answers, contacts: contacts, complete: complete)
    #expect(
      RulesFixture.survey.checkResponse(answers: answers, contacts: contacts, complete: complete) == viaFlow)
    for problem in viaFlow { #expect(problem.key == problem.error.key) }
    return viaFlow.map(\.error)
  }

  @Test func aCompleteValidResponseHasNoProblem() {
    #expect(problems(RulesFixture.complete, contacts: contacts).isEmpty)
    #expect(problems(RulesFixture.complete).isEmpty)
  }

  @Test func everyValueIsCheckedInAskingOrder() {
    var answers = RulesFixture.complete
    answers["age"] = .integer(120)
    answers["freins"] = .codes(["c1"])
    answers["valeur.convention"] = .integer(9)
    #expect(
      problems(answers) == [
        .outOfRange(key: "age", value: 120, min: 18, max: 99),
        .outOfScale(key: "valeur.convention", value: 9, min: 1, max: 5),
        .wrongRankingLength(key: "freins", expected: 3, count: 1),
      ])
  }

  @Test func unknownKeysComeLastInCodeOrder() {
    var answers = RulesFixture.complete
    answers["zeta"] = .integer(1)
    answers["Alpha"] = .integer(1)
    answers["valeur.inconnu"] = .integer(1)
    #expect(
      problems(answers, contacts: ["autre_courriel": "a@b.fr"]) == [
        .unknownKey(key: "Alpha"), .unknownKey(key: "autre_courriel"), .unknownKey(key: "valeur.inconnu"),
        .unknownKey(key: "zeta"),
      ])
  }

  @Test func contactsAreCheckedAndKeptApart() {
    #expect(
      problems(RulesFixture.complete, contacts: ["courriel": "pas une adresse"]) == [
        .invalidEmail(key: "courriel")
      ])
    var answers = RulesFixture.complete
    answers["courriel"] = .text("marie@exemple.fr")
    #expect(problems(answers) == [.contactAmongAnswers(key: "courriel")])
    // A contact under a key that is not an email question.
    #expect(problems(RulesFixture.complete, contacts: ["age": "a@b.fr"]) == [.unknownKey(key: "age")])
  }

  @Test func answersToHiddenQuestionsAreReported() {
    var answers = RulesFixture.complete
    answers["mandat"] = .text("maire")
    answers["utilise.convention"] = .boolean(false)
    answers["valeur.convention"] = .integer(4)
    answers["limites.convention"] = .codes(["cout"])
    #expect(
      problems(answers) == [
        .hiddenQuestion(key: "valeur.convention"), .hiddenQuestion(key: "limites.convention"),
        .hiddenQuestion(key: "mandat"),
      ])
    #expect(problems(flow.pruned(answers: answers)).isEmpty)
  }

  @Test func otherTextGoesWithOther() {
    var answers = RulesFixture.complete
    answers["role.other"] = .text("ancien")
    #expect(problems(answers) == [.otherTextWithoutOther(key: "role.other")])
    answers["role"] = .code("other")
    #expect(problems(answers).isEmpty)
    answers["role.other"] = nil
    #expect(problems(answers) == [.otherTextMissing(key: "role.other")])
    answers["role.other"] = .text("  ")
    #expect(problems(answers) == [.otherTextMissing(key: "role.other")])
    // Only a complete response must have it.
    answers["role.other"] = nil
    #expect(problems(answers, complete: false).isEmpty)
    answers["interets"] = .codes(["a", "b"])
    #expect(problems(answers, complete: false) == [.otherTextWithoutOther(key: "interets.other")])
  }

  @Test func requiredShownQuestionsMustBeAnsweredInACompleteResponse() {
    var answers = RulesFixture.complete
    answers["role"] = .code("elu")
    answers["valeur.plan"] = nil
    answers["limites.plan"] = nil  // hidden now that valeur.plan is unanswered
    answers["temps.convention.mise_en_oeuvre"] = nil
    #expect(
      problems(answers) == [
        .missingRequired(key: "valeur.plan"), .missingRequired(key: "temps.convention.mise_en_oeuvre"),
        .missingRequired(key: "mandat"),
      ])
    #expect(problems(answers, complete: false).isEmpty)
    // Not applicable is an answer; an empty text is not.
    answers["valeur.plan"] = .notApplicable
    answers["temps.convention.mise_en_oeuvre"] = .integer(2)
    answers["mandat"] = .text("")
    #expect(problems(answers) == [.missingRequired(key: "mandat")])
    // A required question that is hidden is not required.
    answers["role"] = .code("technicien")
    answers["mandat"] = nil
    answers["utilise.plan"] = .boolean(false)
    answers["valeur.plan"] = nil
    #expect(problems(answers).isEmpty)
  }

  @Test func aPartialResponseOnlyChecksWhatIsThere() {
    #expect(problems(["role": .code("elu")], complete: false).isEmpty)
    #expect(
      problems(["role": .code("elu")], complete: true).map(\.key) == [
        "temps.plan.decryptage", "temps.plan.mise_en_oeuvre",
        "temps.convention.decryptage", "temps.convention.mise_en_oeuvre", "mandat",
      ])
  }
}
