import ResponseStore
import SurveyDefinition

/// Ten complete responses and one partial to `engine-test.yaml`, the data of
/// `EngineTests` (expected values computed from these columns in numpy/scipy).
enum EngineResponses {
  static let roles: [String?] = [
    "elu", "elu", "elu", "elu", "elu", "agent", "agent", "agent", "civil", "other",
  ]
  static let satisfaction = [5, 4, 4, 3, 5, 2, 4, 5, 3, 4]
  static let valeurPlan: [Int?] = [4, 5, 3, 4, 4, 2, 3, 5, 1, 4]
  /// `nil` = not applicable.
  static let valeurConvention: [Int?] = [3, 3, nil, 4, 2, 3, nil, 2, 5, 1]
  static let intentionPlan = ["oui", "en_cours", "non", "oui", "non", "oui", "non", "non", "oui", "en_cours"]
  static let intentionConvention: [String?] = [
    "non", "non", "oui", "non", "non", "non", "non", nil, nil, "non",
  ]
  static let suivi = [true, true, false, true, false, true, false, true, false, true]
  static let recommandation = [10, 9, 9, 8, 7, 10, 6, 9, 3, 8]
  static let freins: [[String]?] = [
    ["temps", "budget", "concurrence"], ["budget", "temps"], ["temps"], ["concurrence", "silos", "temps"],
    ["temps", "budget", "silos"], ["budget", "concurrence", "temps"], ["silos"],
    ["temps", "concurrence", "budget"], ["budget", "temps", "silos"], nil,
  ]
  static let matin = [4, 5, 3, 4, 5, 2, 3, 4, 3, 5]
  static let midi = [3, 4, 3, 4, 5, 2, 2, 4, 3, 4]
  static let soir = [4, 5, 2, 5, 4, 1, 3, 5, 2, 4]
  static let apports: [[String]?] = [
    ["temps", "budget"], ["temps"], ["budget", "silos"], ["temps"], nil, ["concurrence"],
    ["temps", "budget", "concurrence"], ["temps"], ["silos"], nil,
  ]
  static let heures: [Double?] = [2, 3.5, 4, 6, nil, nil, nil, nil, nil, nil]
  static let commentaires: [Int: String] = [
    0: "Très bonne journée, contactez-moi au 06 12 34 56 78 ou jean.dupont@example.fr",
    1: "\u{1B}[31mJournée\u{1B}[0m utile\u{07} pour la coopération",
    8: "Le plan de coopération manque de temps",
  ]

  static func all() -> [Response] {
    var responses: [Response] = []
    for index in 0..<10 {
      var answers: Answers = [:]
      if let role = roles[index] { answers["role"] = .code(role) }
      if roles[index] == "other" { answers["role.other"] = .text("Chargée de mission") }
      answers["satisfaction"] = .integer(satisfaction[index])
      answers["valeur.plan"] = valeurPlan[index].map(AnswerValue.integer) ?? .notApplicable
      answers["valeur.convention"] = valeurConvention[index].map(AnswerValue.integer) ?? .notApplicable
      answers["intention.plan"] = .code(intentionPlan[index])
      if let intention = intentionConvention[index] { answers["intention.convention"] = .code(intention) }
      answers["suivi"] = .boolean(suivi[index])
      answers["recommandation"] = .integer(recommandation[index])
      if let ranking = freins[index] { answers["freins"] = .codes(ranking) }
      answers["parties.matin"] = .integer(matin[index])
      answers["parties.midi"] = .integer(midi[index])
      answers["parties.soir"] = .integer(soir[index])
      if let codes = apports[index] { answers["apports"] = .codes(codes) }
      if let hours = heures[index] { answers["heures"] = .number(hours) }
      if let comment = commentaires[index] { answers["commentaire"] = .text(comment) }
      responses.append(EngineFixture.response(index + 1, answers))
    }
    // A partial response: counted, and left out of the figures by default.
    responses.append(
      EngineFixture.response(
        11, ["role": .code("elu"), "satisfaction": .integer(1), "recommandation": .integer(0)],
        status: .partial))
    return responses
  }
}
