import SurveyDefinition
import Testing

@Suite struct ConditionEvaluationTests {
  let survey = RulesFixture.survey
  let ref = RulesFixture.ref
  let answered = RulesFixture.answered

  func holds(_ condition: Condition, _ answers: Answers, item: String? = nil) -> Bool {
    let viaSurvey = condition.evaluate(answers: answers, item: item, in: survey)
    let viaKeys = condition.evaluate(
      answers: answers, item: item, in: survey, keys: Set(survey.fields.map(\.key)))
    #expect(viaSurvey == viaKeys)
    return viaSurvey
  }

  @Test func codeEqualityAndInequality() {
    let isElu = Condition.comparison(ref("role"), .equal, .string("elu"))
    let notElu = Condition.comparison(ref("role"), .notEqual, .string("elu"))
    #expect(holds(isElu, ["role": .code("elu")]))
    #expect(!holds(isElu, ["role": .code("autre")]))
    #expect(holds(notElu, ["role": .code("autre")]))
    #expect(!holds(notElu, ["role": .code("elu")]))
    // Literal on the left works the same.
    #expect(holds(.comparison(.string("elu"), .equal, ref("role")), ["role": .code("elu")]))
  }

  @Test func unansweredComparesFalseWithEverythingAndNotOfItIsTrue() {
    for op in ComparisonOperator.allCases {
      #expect(!holds(.comparison(ref("role"), op, .string("elu")), [:]))
      #expect(!holds(.comparison(ref("age"), op, .number(40)), [:]))
    }
    #expect(holds(.not(.comparison(ref("role"), .equal, .string("elu"))), [:]))
    #expect(holds(.not(.comparison(ref("role"), .notEqual, .string("elu"))), [:]))
    #expect(!holds(.membership(ref("role"), [.string("elu"), .string("autre")]), [:]))
    #expect(!holds(.contains(ref("interets"), .string("a")), [:]))
  }

  @Test func notApplicableComparesFalseButCountsAsAnswered() {
    let na: Answers = ["valeur.plan": .notApplicable]
    for op in ComparisonOperator.allCases {
      #expect(!holds(.comparison(ref("valeur"), op, .number(3)), na, item: "plan"))
    }
    #expect(holds(.not(.comparison(ref("valeur"), .lessOrEqual, .number(2))), na, item: "plan"))
    #expect(holds(.value(answered("valeur")), na, item: "plan"))
    #expect(!holds(.value(answered("valeur")), na, item: "convention"))
    #expect(!holds(.value(answered("valeur")), [:], item: "plan"))
  }

  @Test func numericComparisonsBetweenIntegersNumbersAndLiterals() {
    let answers: Answers = ["age": .integer(44), "budget": .number(10.5)]
    #expect(holds(.comparison(ref("age"), .equal, .number(44)), answers))
    #expect(holds(.comparison(ref("age"), .greaterOrEqual, .number(44)), answers))
    #expect(!holds(.comparison(ref("age"), .greater, .number(44)), answers))
    #expect(holds(.comparison(ref("age"), .less, .number(44.5)), answers))
    #expect(holds(.comparison(ref("age"), .lessOrEqual, .number(44)), answers))
    #expect(holds(.comparison(ref("age"), .notEqual, .number(43)), answers))
    #expect(holds(.comparison(ref("budget"), .greater, .number(10)), answers))
    #expect(!holds(.comparison(ref("budget"), .equal, .number(10)), answers))
    // Two answers compared with each other.
    #expect(holds(.comparison(ref("age"), .greater, ref("budget")), answers))
  }

  @Test func valuesOfDifferentKindsAreNeitherEqualNorUnequal() {
    let answers: Answers = ["role": .code("3"), "age": .integer(3), "suivi": .boolean(true)]
    #expect(!holds(.comparison(ref("role"), .equal, .number(3)), answers))
    #expect(!holds(.comparison(ref("role"), .notEqual, .number(3)), answers))
    #expect(!holds(.comparison(ref("age"), .equal, .string("3")), answers))
    #expect(!holds(.comparison(ref("suivi"), .equal, .number(1)), answers))
    // Ordering holds only between numbers.
    #expect(!holds(.comparison(ref("role"), .less, .string("4")), answers))
  }

  @Test func booleansAndLoneValues() {
    #expect(holds(.value(ref("suivi")), ["suivi": .boolean(true)]))
    #expect(!holds(.value(ref("suivi")), ["suivi": .boolean(false)]))
    #expect(!holds(.value(ref("suivi")), [:]))
    #expect(holds(.not(.value(ref("suivi"))), [:]))
    #expect(holds(.comparison(ref("suivi"), .equal, .boolean(false)), ["suivi": .boolean(false)]))
    #expect(!holds(.comparison(ref("suivi"), .equal, .boolean(false)), [:]))
    // A lone reference to anything but a boolean answer is not true.
    #expect(!holds(.value(ref("role")), ["role": .code("elu")]))
    #expect(!holds(.value(ref("age")), ["age": .integer(1)]))
    #expect(holds(.value(.boolean(true)), [:]))
    #expect(!holds(.value(.boolean(false)), [:]))
    #expect(!holds(.value(.number(1)), [:]))
    #expect(holds(.value(.group(.value(.boolean(true)))), [:]))
  }

  @Test func membershipWithIn() {
    let list: [ConditionOperand] = [.string("elu"), .string("technicien")]
    #expect(holds(.membership(ref("role"), list), ["role": .code("technicien")]))
    #expect(!holds(.membership(ref("role"), list), ["role": .code("autre")]))
    #expect(holds(.membership(ref("age"), [.number(18), .number(44)]), ["age": .integer(44)]))
    #expect(!holds(.membership(ref("age"), [.string("44")]), ["age": .integer(44)]))
    #expect(holds(.not(.membership(ref("role"), list)), ["role": .code("other")]))
  }

  @Test func containsOnMultipleAndRankingAnswers() {
    let answers: Answers = ["interets": .codes(["a", "other"]), "freins": .codes(["c3", "c1", "c4"])]
    #expect(holds(.contains(ref("interets"), .string("a")), answers))
    #expect(holds(.contains(ref("interets"), .string("other")), answers))
    #expect(!holds(.contains(ref("interets"), .string("b")), answers))
    #expect(holds(.contains(ref("freins"), .string("c4")), answers))
    #expect(!holds(.contains(ref("freins"), .string("c2")), answers))
    // Not a multiple answer, or not a string: false.
    #expect(!holds(.contains(ref("role"), .string("elu")), ["role": .code("elu")]))
    #expect(!holds(.contains(ref("interets"), .number(1)), answers))
    // Equality with a lone code is not membership.
    #expect(!holds(.comparison(ref("interets"), .equal, .string("a")), ["interets": .codes(["a"])]))
  }

  @Test func bareIdsInsideALoopReferToTheSameIteration() {
    let answers: Answers = [
      "valeur.plan": .integer(2), "valeur.convention": .integer(5),
      "temps.plan.decryptage": .integer(4), "role": .code("elu"),
    ]
    let low = Condition.comparison(ref("valeur"), .lessOrEqual, .number(2))
    #expect(holds(low, answers, item: "plan"))
    #expect(!holds(low, answers, item: "convention"))
    // A full key names that item wherever it is evaluated.
    #expect(holds(.comparison(ref("valeur.convention"), .equal, .number(5)), answers, item: "plan"))
    // q.row inside a loop is q.ITEM.row.
    let row = Condition.comparison(ref("temps.decryptage"), .equal, .number(4))
    #expect(holds(row, answers, item: "plan"))
    #expect(!holds(row, answers, item: "convention"))
    // Questions outside the loop keep their key.
    #expect(holds(.comparison(ref("role"), .equal, .string("elu")), answers, item: "plan"))
    // Outside a loop, a bare loop question id names no answer.
    #expect(!holds(.comparison(ref("valeur"), .equal, .number(2)), answers))
  }

  @Test func answeredOfAMatrixIsAnyRow() {
    let answers: Answers = ["temps.plan.mise_en_oeuvre": .integer(1)]
    #expect(holds(.value(answered("temps")), answers, item: "plan"))
    #expect(!holds(.value(answered("temps")), answers, item: "convention"))
    #expect(holds(.value(answered("temps.mise_en_oeuvre")), answers, item: "plan"))
    #expect(!holds(.value(answered("temps.decryptage")), answers, item: "plan"))
    #expect(!holds(.value(answered("inconnu")), answers))
  }

  @Test func andOrNotAndGroupsCombine() {
    let isElu = Condition.comparison(ref("role"), .equal, .string("elu"))
    let adult = Condition.comparison(ref("age"), .greaterOrEqual, .number(18))
    let answers: Answers = ["role": .code("elu"), "age": .integer(17)]
    #expect(!holds(.and(isElu, adult), answers))
    #expect(holds(.or(isElu, adult), answers))
    #expect(holds(.and(isElu, .not(adult)), answers))
    #expect(!holds(.or(.not(isElu), adult), answers))
    #expect(holds(.comparison(.group(adult), .equal, .boolean(false)), answers))
    #expect(holds(.value(.group(.or(adult, isElu))), answers))
  }
}
