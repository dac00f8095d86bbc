import Aggregation
import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport

/// A fixed set of results for the reference survey: twelve complete
/// responses drawn from a seeded generator, computed by the engine. It
/// exercises every part of the synthesis (scales, matrices, the tools loop, a
/// ranking, breakdowns with suppressed cells, verbatims with a hostile one and
/// one from a small group); the engine's own tests check the statistics,
/// these check how they are written.
enum ResultsFixture {
  static let surveyPath = Repository.path("Surveys/cooperation-pelussin-2015.yaml")

  static func survey() throws -> Survey { try Survey.load(path: surveyPath) }

  /// Twelve respondents' answers, deterministic.
  static func answers(_ survey: Survey) -> [Answers] {
    var generator = SeededGenerator(seed: 2015)
    var result: [Answers] = []
    let roles = [
      "elu", "agent", "agent", "elu", "societe_civile", "agent", "elu", "agent", "elu", "agent", "elu",
      "societe_civile",
    ]
    let structures = [
      "commune", "intercommunalite", "pnr", "intercommunalite", "association", "pays_petr", "commune", "pnr",
      "intercommunalite", "intercommunalite", "commune", "gal",
    ]
    for index in 0..<12 {
      var answers: Answers = ["role": .code(roles[index]), "structure": .code(structures[index])]
      for instance in survey.instances {
        let key = instance.key
        switch instance.question.kind {
        case .scale(let scale):
          // Skewed towards the top, as after a good day.
          let point = min(scale.max, scale.min + 1 + generator.next(3) + (generator.next(4) == 0 ? 0 : 1))
          answers[key] = .integer(point)
        case .matrix(let rows, let scale):
          for row in rows {
            answers["\(key).\(row.code)"] = .integer(min(scale.max, scale.min + 1 + generator.next(4)))
          }
        case .nps:
          answers[key] = .integer(min(10, 5 + generator.next(6)))
        case .single(let choices, _)
        where instance.question.id != "role" && instance.question.id != "structure":
          answers[key] = .code(choices[generator.next(choices.count)].code)
        case .multiple(let choices, _, _, _, let exclusive):
          let pool = choices.filter { !exclusive.contains($0.code) }
          let picked = pool.filter { _ in generator.next(3) == 0 }
          answers[key] = .codes((picked.isEmpty ? [pool[generator.next(pool.count)]] : picked).map(\.code))
        case .ranking(let choices, let pick):
          var pool = choices.map(\.code)
          var ranked: [String] = []
          for _ in 0..<pick { ranked.append(pool.remove(at: min(generator.next(3), pool.count - 1))) }
          answers[key] = .codes(ranked)
        case .boolean:
          answers[key] = .boolean(generator.next(3) != 0)
        default:
          break
        }
      }
      result.append(answers)
    }
    return result
  }

  static let verbatims: [(key: String, text: String, role: String)] = [
    (
      "commentaires", "Une journée très riche, merci ! Les échanges entre territoires étaient précieux.",
      "agent"
    ),
    ("commentaires", "| <script> [x](y) # =1+1", "elu"),
    ("commentaires", "Contactez-moi au [masqué] pour la suite.", "agent"),
    // Not masked, as if the engine had missed them: the synthesis masks again.
    ("commentaires", "Écrivez à claire.dupont@exemple.fr ou au 06 12 34 56 78.", "elu"),
    ("commentaires", "Trop court sur la convention de partenariat.", "societe_civile"),
    ("premiere_action", "Présenter le plan de coopération au prochain bureau communautaire.", "elu"),
    ("premiere_action", "# Réunir les partenaires du GAL *avant* l’été", "agent"),
  ]

  /// The results of the twelve respondents (and one partial response), as
  /// the engine computes them, labels in `language`; the verbatims above are
  /// given by respondents of their role (the civil-society group, two people,
  /// is below the minimum size).
  static func results(_ survey: Survey, language: String) -> SurveyResults {
    let start = ISO8601DateFormatter().date(from: "2015-03-05T16:30:00Z")!
    var all = answers(survey)
    var used: [String: Set<Int>] = [:]
    for verbatim in verbatims {
      let index = all.indices.first { index in
        all[index]["role"] == .code(verbatim.role) && !(used[verbatim.key]?.contains(index) ?? false)
      }!
      used[verbatim.key, default: []].insert(index)
      all[index][verbatim.key] = .text(verbatim.text)
    }
    var responses = all.enumerated().map { index, answers in
      Response(
        id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", index))!, surveyID: survey.id,
        surveyVersion: survey.version, schemaHash: "", status: .complete, language: "fr",
        startedAt: start.addingTimeInterval(Double(index) * 180),
        submittedAt: start.addingTimeInterval(Double(index) * 180 + 600), answers: answers)
    }
    responses.append(
      Response(
        id: UUID(uuidString: "00000000-0000-0000-0000-000000000099")!, surveyID: survey.id,
        surveyVersion: survey.version, schemaHash: "", status: .partial, language: "fr",
        startedAt: start, answers: ["role": .code("elu")]))
    return try! Aggregator.results(survey: survey, responses: responses, options: .init(language: language))
  }
}

/// A small linear congruential generator: the same seed, the same answers.
struct SeededGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
}
