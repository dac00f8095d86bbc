import Foundation
import SurveyDefinition
import Testing

/// Invariants of the flow and the answer rules over many random responses
/// (seeded, so every run checks the same ones).
@Suite struct AnswerRulesPropertyTests {
  /// SplitMix64 (Steele, Lea & Flood 2014): a small deterministic generator.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Values each field may get: valid ones first, then (after `validCount`) invalid ones.
  static func pool(for field: AnswerField) -> (values: [AnswerValue], validCount: Int) {
    if field.isOther { return ([.text("précision"), .text("x")], 2) }
    switch field.question.kind {
    case .single(let choices, let other):
      return (
        choices.map { .code($0.code) } + (other ? [.code("other")] : []) + [.code("inconnu")],
        choices.count + (other ? 1 : 0)
      )
    case .multiple where field.question.id == "interets":
      return (
        [
          .codes(["a", "b"]), .codes(["a", "c", "other"]), .codes(["aucun"]), .codes(["b", "a"]),
          .codes(["a", "aucun"]), .codes(["a"]),
        ], 3
      )
    case .multiple:
      return ([.codes(["cout"]), .codes([]), .codes(["portage", "temps"]), .codes(["temps", "cout"])], 3)
    case .ranking:
      return ([.codes(["c1", "c2", "c3"]), .codes(["c4", "c2", "c1"]), .codes(["c1"])], 2)
    case .scale(let scale), .matrix(_, let scale):
      let points = Array(scale.points).map(AnswerValue.integer)
      let na: [AnswerValue] = scale.notApplicable == nil ? [] : [.notApplicable]
      return (points + na + [.integer(scale.max + 1)], points.count + na.count)
    case .nps: return ([.integer(0), .integer(6), .integer(7), .integer(9), .integer(10), .integer(11)], 5)
    case .number(_, _, true): return ([.integer(18), .integer(50), .integer(5)], 2)
    case .number: return ([.number(0), .number(12.5), .number(-1)], 2)
    case .boolean: return ([.boolean(true), .boolean(false)], 2)
    case .text: return ([.text("bonjour"), .text("une\nligne")], 1)
    case .longText: return ([.text("bonjour"), .text("deux\nlignes"), .text("nul\u{0}")], 2)
    case .email: return ([.text("a@b.fr")], 1)
    }
  }

  static func randomResponses(count: Int, seed: UInt64) -> [Answers] {
    var generator = SplitMix64(state: seed)
    let fields = RulesFixture.flow.fields.filter { $0.valueType != .contact }
    return (0..<count).map { _ in
      var answers: Answers = [:]
      for field in fields where Double.random(in: 0..<1, using: &generator) < 0.7 {
        let pool = pool(for: field)
        // Mostly valid values, so that conditions open up often.
        let limit = Double.random(in: 0..<1, using: &generator) < 0.9 ? pool.validCount : pool.values.count
        answers[field.key] = pool.values[Int.random(in: 0..<limit, using: &generator)]
      }
      return answers
    }
  }

  @Test func pruningIsIdempotentKeepsVisibilityAndLeavesNothingHidden() {
    let flow = RulesFixture.flow
    for answers in Self.randomResponses(count: 1500, seed: 2015) {
      let pruned = flow.pruned(answers: answers)
      #expect(flow.pruned(answers: pruned) == pruned)
      #expect(pruned.allSatisfy { answers[$0.key] == $0.value })
      #expect(flow.visibility(answers: pruned) == flow.visibility(answers: answers))
      let problems = flow.checkResponse(answers: pruned, contacts: [:], complete: false)
      #expect(!problems.contains { if case .hiddenQuestion = $0.error { true } else { false } })
      #expect(!problems.contains { if case .otherTextWithoutOther = $0.error { true } else { false } })
    }
  }

  /// The flow's ordered evaluation (hidden answers count as unanswered) equals
  /// evaluating each `when` directly, one condition at a time, on the pruned answers.
  @Test func theFlowAgreesWithDirectEvaluationOnPrunedAnswers() {
    let flow = RulesFixture.flow
    let survey = RulesFixture.survey
    let keys = Set(survey.fields.map(\.key))
    var shownCount = 0
    for answers in Self.randomResponses(count: 800, seed: 42) {
      let pruned = flow.pruned(answers: answers)
      let expected = flow.instances.map { instance in
        let item = instance.item?.code
        let section = instance.section.condition?.evaluate(
          answers: pruned, item: item, in: survey, keys: keys)
        let question = instance.question.condition?.evaluate(
          answers: pruned, item: item, in: survey, keys: keys)
        return (section ?? true) && (question ?? true)
      }
      let visibility = flow.visibility(answers: answers)
      #expect(visibility == expected)
      shownCount += visibility.filter { $0 }.count
      for (instance, shown) in zip(flow.instances, visibility) {
        #expect(flow.isShown(instance, answers: answers) == shown)
      }
    }
    // Conditions went both ways.
    #expect(shownCount > 800 * 13 && shownCount < 800 * flow.instances.count)
  }

  @Test func validValuesPassTheirCheckAndRoundTripThroughJSON() throws {
    for field in RulesFixture.flow.fields {
      let pool = Self.pool(for: field)
      for (index, value) in pool.values.enumerated() {
        var refused: AnswerError?
        do { try field.check(value) } catch { refused = error }
        #expect((refused == nil) == (index < pool.validCount), "\(field.key) = \(value)")
        let text = "[\(value.jsonText)]"
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])
        #expect(try AnswerValue(json: decoded[0], for: field) == value, "\(field.key) = \(text)")
      }
    }
  }
}
