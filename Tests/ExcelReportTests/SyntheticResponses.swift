import Foundation
import ResponseStore
import SurveyDefinition

/// Deterministic responses to any survey, for the workbook tests: every
/// field answered with a value of its type, a few hostile texts among the
/// comments (formulas, an email address, a phone number, control characters).
enum SyntheticResponses {
  /// The texts the first responses give to every free-text question.
  static let hostileTexts = [
    "=HYPERLINK(\"http://evil.example\",\"clic\")",
    "=1+1",
    "Écrivez-moi à jean.dupont@example.org ou au 06 12 34 56 78",
    "+SUM(A1:A2)\u{1B}[31m rouge\u{7}",
    "@cmd|' /C calc'!A0",
  ]

  /// `count` responses; the first one alone answers the breakdown questions
  /// with their last choice (a group of one, below any minimum).
  static func make(survey: Survey, count: Int, seed: UInt64 = 42) -> [Response] {
    var random = SeededRandom(seed: seed)
    let start = Date(timeIntervalSince1970: 1_425_570_000)  // 2015-03-05 15:40 UTC
    return (0..<count).map { index in
      var answers: Answers = [:]
      for field in survey.fields {
        let kind = field.question.kind
        if field.isOther {
          if answers[field.instance.key] == .code("other") || answers[field.instance.key] == .codes(["other"])
          {
            answers[field.key] = .text("autre précision \(index)")
          }
          continue
        }
        switch kind {
        case .single(let choices, _):
          let pool = choices.map(\.code)
          if survey.breakdowns.contains(field.question.id) {
            answers[field.key] = .code(index == 0 ? pool.last! : pool[random.next(pool.count - 1)])
          } else {
            answers[field.key] = .code(pool[random.next(pool.count)])
          }
        case .multiple(let choices, _, _, _, let exclusive):
          let pool = choices.map(\.code).filter { !exclusive.contains($0) }
          let picked = pool.filter { _ in random.next(3) == 0 }
          answers[field.key] = .codes(picked.isEmpty ? [pool[0]] : picked)
        case .scale(let scale), .matrix(_, let scale):
          if scale.notApplicable != nil, random.next(10) == 0 {
            answers[field.key] = .notApplicable
          } else {
            // Skewed to the top, as satisfaction surveys are.
            let span = scale.max - scale.min + 1
            answers[field.key] = .integer(scale.max - min(random.next(span), random.next(span)))
          }
        case .nps:
          answers[field.key] = .integer(10 - min(random.next(11), random.next(11)))
        case .ranking(let choices, let pick):
          var pool = choices.map(\.code)
          var ranked: [String] = []
          for _ in 0..<min(pick, pool.count) { ranked.append(pool.remove(at: random.next(pool.count))) }
          answers[field.key] = .codes(ranked)
        case .text, .longText:
          answers[field.key] = .text(
            index < hostileTexts.count ? hostileTexts[index] : "Réponse libre numéro \(index)")
        case .number(let min, let max, _):
          let low = Int(min ?? 0)
          let high = Int(max ?? 100)
          answers[field.key] = .integer(low + random.next(Swift.max(1, high - low + 1)))
        case .boolean:
          answers[field.key] = .boolean(random.next(2) == 0)
        case .email:
          break
        }
      }
      return Response(
        id: UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", index + 1))!,
        surveyID: survey.id, surveyVersion: survey.version, schemaHash: survey.schemaHash,
        status: .complete, language: survey.defaultLanguage,
        startedAt: start.addingTimeInterval(Double(index) * 60),
        submittedAt: start.addingTimeInterval(Double(index) * 60 + 420), source: .synthetic, answers: answers,
        contacts: ["suivi_email": "secret\(index)@example.org"])
    }
  }
}

/// A small deterministic generator (SplitMix64).
struct SeededRandom {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A value in `0..<bound`.
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(max(bound, 1)))
  }
}
