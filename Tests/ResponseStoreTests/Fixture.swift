import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport

/// The YAML test survey (`Fixtures/atelier-test.yaml`) and valid responses to it.
enum Fixture {
  static let path = Repository.path("Tests/ResponseStoreTests/Fixtures/atelier-test.yaml")
  static let yaml = try! String(contentsOfFile: path, encoding: .utf8)
  static let survey = try! Survey.load(yaml: yaml, file: "atelier-test.yaml")

  /// The survey with `yaml` edited (for survey changes).
  static func edited(_ edit: (String) -> String) throws -> Survey {
    try Survey.load(yaml: edit(yaml), file: "atelier-test.yaml")
  }

  static let start = Date(timeIntervalSince1970: 1_425_573_667)  // 2015-03-05T16:41:07Z

  /// A complete response touching every type, with text that needs care in
  /// CSV and JSON (quotes, commas, line breaks, formulas, emoji).
  static func complete(_ index: Int, survey: Survey = Fixture.survey) -> Response {
    let started = start.addingTimeInterval(Double(index) * 60)
    return Response(
      id: UUID(derivedFrom: "complete-\(index)"), surveyID: survey.id, surveyVersion: survey.version,
      schemaHash: survey.schemaHash, status: .complete, language: index % 2 == 0 ? "fr" : "en",
      startedAt: started, submittedAt: started.addingTimeInterval(525), source: .terminal,
      answers: [
        "role": index % 3 == 0 ? .code("other") : .code("elu"),
        "territoire": .text(index % 2 == 0 ? "=HYPERLINK(\"http://x\")" : "Pilat, \"Loire\" 42"),
        "age": .integer(30 + index),
        "budget": .number(1250.5 + Double(index)),
        "satisfaction": .integer(1 + index % 5),
        "parties.matin": .integer(5),
        "parties.apres_midi": .notApplicable,
        "valeur.plan": .integer(3),
        "limites.plan": .codes(["cout", "portage", "other"]),
        "limites.plan.other": .text("'-trop long"),
        "valeur.convention": .notApplicable,
        "limites.convention": .codes([]),
        "freins": .codes(["temps", "cout"]),
        "recommandation": .integer(index % 11),
        "suivi": .boolean(index % 2 == 0),
        "commentaires": .text("Très bien 👍\nmerci,\tà bientôt\r\n@tous"),
      ].merging(index % 3 == 0 ? ["role.other": .text("Chargée de mission")] : [:]) { first, _ in first },
      contacts: index % 2 == 0 ? ["email": "marie\(index)@example.org"] : [:])
  }

  /// A partial response with a few answers.
  static func partial(_ index: Int) -> Response {
    Response(
      id: UUID(derivedFrom: "partial-\(index)"), surveyID: survey.id, surveyVersion: survey.version,
      schemaHash: survey.schemaHash, status: .partial, language: "fr",
      startedAt: start.addingTimeInterval(Double(index) * 60 + 30), source: .terminal,
      answers: ["role": .code("agent"), "satisfaction": .integer(2)])
  }
}
