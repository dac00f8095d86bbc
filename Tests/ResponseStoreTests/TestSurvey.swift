import Foundation
import ResponseStore
import SurveyDefinition

/// A small survey built in code with one question of every type, a loop and
/// a matrix, for the store's tests (independent of the YAML loader).
enum TestSurvey {
  static let id = "atelier-test"

  static func text(_ fr: String, _ en: String) -> LocalizedText { LocalizedText(["fr": fr, "en": en]) }

  static let accord = Scale(
    id: "accord", min: 1, max: 5,
    labels: [
      1: text("Pas du tout d'accord", "Strongly disagree"), 5: text("Tout à fait d'accord", "Strongly agree"),
    ],
    topBox: 2, notApplicable: text("Sans avis", "No opinion"))

  static let roles = [
    Choice(code: "elu", label: text("Élu(e)", "Elected official")),
    Choice(code: "agent", label: text("Agent", "Staff")),
  ]
  static let outils = [
    Choice(code: "plan", label: text("Plan de coopération", "Cooperation plan")),
    Choice(code: "convention", label: text("Convention", "Agreement")),
  ]
  static let limites = [
    Choice(code: "cout", label: text("Coût", "Cost")),
    Choice(code: "portage", label: text("Portage politique", "Political backing")),
    Choice(code: "temps", label: text("Temps", "Time")),
  ]

  static let survey = Survey(
    id: id, version: 1, title: text("Atelier", "Workshop"), languages: ["fr", "en"],
    sections: [
      Section(
        id: "profil", title: text("Profil", "Profile"),
        questions: [
          Question(
            id: "role", kind: .single(choices: roles, other: true), label: text("Votre rôle", "Your role"),
            required: true),
          Question(id: "territoire", kind: .text(maxLength: 100), label: text("Territoire", "Territory")),
          Question(id: "age", kind: .number(min: 18, max: 99, integer: true), label: text("Âge", "Age")),
          Question(
            id: "budget", kind: .number(min: 0, max: nil, integer: false), label: text("Budget", "Budget")),
        ]),
      Section(
        id: "journee", title: text("La journée", "The day"),
        questions: [
          Question(id: "satisfaction", kind: .scale(accord), label: text("Satisfaction", "Satisfaction")),
          Question(
            id: "parties",
            kind: .matrix(
              rows: [
                Choice(code: "matin", label: text("Matin", "Morning")),
                Choice(code: "apres_midi", label: text("Après-midi", "Afternoon")),
              ], scale: accord), label: text("Utilité", "Usefulness")),
        ]),
      Section(
        id: "outils", title: text("{item}", "{item}"), forEach: "outils", items: outils,
        questions: [
          Question(id: "valeur", kind: .scale(accord), label: text("Valeur de {item}", "Value of {item}")),
          Question(
            id: "limites", kind: .multiple(choices: limites, other: true, min: nil, max: nil, exclusive: []),
            label: text("Limites de {item}", "Limits of {item}")),
        ]),
      Section(
        id: "fin", title: text("Fin", "End"),
        questions: [
          Question(
            id: "freins", kind: .ranking(choices: limites, pick: 2), label: text("Freins", "Obstacles")),
          Question(id: "recommandation", kind: .nps, label: text("Recommanderiez-vous ?", "Recommend?")),
          Question(id: "suivi", kind: .boolean, label: text("Suivi ?", "Follow-up?")),
          Question(
            id: "commentaires", kind: .longText(maxLength: 5000), label: text("Commentaires", "Comments")),
          Question(id: "email", kind: .email, label: text("Courriel", "Email")),
        ]),
    ])

  /// A complete response with one answer of every value type.
  static func fullResponse(
    id: UUID = UUID(), startedAt: Date = Date(timeIntervalSince1970: 1_425_573_667), device: String? = nil
  ) -> Response {
    Response(
      id: id, surveyID: Self.id, surveyVersion: 1, schemaHash: "hash-v1", status: .complete, language: "fr",
      startedAt: startedAt, submittedAt: startedAt.addingTimeInterval(525), source: .terminal, device: device,
      answers: [
        "role": .code("other"),
        "role.other": .text("Chargée de mission « coopération »\nligne 2"),
        "territoire": .text("=SOMME(A1)"),
        "age": .integer(47),
        "budget": .number(1250.5),
        "satisfaction": .integer(4),
        "parties.matin": .integer(5),
        "parties.apres_midi": .notApplicable,
        "valeur.plan": .integer(3),
        "limites.plan": .codes(["cout", "portage", "other"]),
        "limites.plan.other": .text("Trop \"long\" \\ lent"),
        "freins": .codes(["temps", "cout"]),
        "recommandation": .integer(9),
        "suivi": .boolean(true),
        "commentaires": .text("Très bien 👍\tmerci"),
      ],
      contacts: ["email": "marie@example.org"])
  }
}
