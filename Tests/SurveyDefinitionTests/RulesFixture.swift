import SurveyDefinition

/// A small survey built in code that exercises every answer rule: every question
/// type, a `for_each` section, a section `when`, question `when`s that depend on
/// each other, "other" texts and a not-applicable scale.
enum RulesFixture {
  static func text(_ value: String) -> LocalizedText { LocalizedText(plain: value) }

  static func choices(_ codes: String...) -> [Choice] {
    codes.map { Choice(code: $0, label: text($0.capitalized)) }
  }

  static func ref(_ id: String) -> ConditionOperand {
    .reference(id, SourceRange(offset: 0, length: id.count))
  }

  static func answered(_ id: String) -> ConditionOperand {
    .answered(id, SourceRange(offset: 9, length: id.count))
  }

  static let accord = Scale(
    id: "accord", min: 1, max: 5, labels: [1: text("Non"), 5: text("Oui")], topBox: 2,
    notApplicable: LocalizedText(["fr": "Sans avis", "en": "No opinion"]))
  static let temps = Scale(id: "temps", min: 1, max: 4)
  static let outils = choices("plan", "convention")

  /// `profil` → `outils` (for_each) → `elus` (when role == 'elu') → `fin`.
  static let survey = Survey(
    id: "regles", version: 1, title: text("Règles"), languages: ["fr", "en"],
    sections: [
      Section(
        id: "profil", title: text("Profil"),
        questions: [
          Question(
            id: "role", kind: .single(choices: choices("elu", "technicien", "autre"), other: true),
            label: text("Rôle"), required: true),
          Question(id: "suivi", kind: .boolean, label: text("Suivi")),
          Question(id: "age", kind: .number(min: 18, max: 99, integer: true), label: text("Âge")),
          Question(id: "budget", kind: .number(min: 0, max: nil, integer: false), label: text("Budget")),
          Question(
            id: "interets",
            kind: .multiple(
              choices: choices("a", "b", "c", "aucun"), other: true, min: 2, max: 3, exclusive: ["aucun"]),
            label: text("Intérêts")),
        ]),
      Section(
        id: "outils", title: text("{item}"), forEach: "outils", items: outils,
        questions: [
          Question(id: "utilise", kind: .boolean, label: text("Utilisé ?")),
          Question(
            id: "valeur", kind: .scale(accord), label: text("Valeur de {item}"), required: true,
            condition: .value(ref("utilise"))),
          Question(
            id: "limites",
            kind: .multiple(
              choices: choices("cout", "portage", "temps"), other: false, min: nil, max: nil, exclusive: []),
            label: text("Limites"),
            condition: .comparison(ref("valeur"), .lessOrEqual, .number(2))),
          Question(
            id: "temps", kind: .matrix(rows: choices("decryptage", "mise_en_oeuvre"), scale: temps),
            label: text("Temps"), required: true),
        ]),
      Section(
        id: "elus", title: text("Élus"),
        condition: .comparison(ref("role"), .equal, .string("elu")),
        questions: [
          Question(id: "mandat", kind: .text(maxLength: 20), label: text("Mandat"), required: true)
        ]),
      Section(
        id: "fin", title: text("Fin"),
        questions: [
          Question(
            id: "freins", kind: .ranking(choices: choices("c1", "c2", "c3", "c4"), pick: 3),
            label: text("Freins")),
          Question(id: "recommandation", kind: .nps, label: text("Recommandation")),
          Question(id: "commentaire", kind: .longText(maxLength: 50), label: text("Commentaire")),
          Question(id: "courriel", kind: .email, label: text("Courriel")),
          Question(
            id: "precision", kind: .text(maxLength: 500), label: text("Pourquoi ?"),
            condition: .and(
              .value(answered("recommandation")),
              .comparison(ref("recommandation"), .less, .number(7)))),
        ]),
    ])

  static let flow = SurveyFlow(survey)

  /// The field stored under `key`.
  static func field(_ key: String) -> AnswerField {
    guard let field = flow.field(forKey: key) else { fatalError("no field \(key)") }
    return field
  }

  /// A complete response that shows every question but `mandat` and `precision`.
  static let complete: Answers = [
    "role": .code("technicien"),
    "suivi": .boolean(true),
    "age": .integer(44),
    "budget": .number(1250.5),
    "interets": .codes(["a", "other"]),
    "interets.other": .text("La mobilité"),
    "utilise.plan": .boolean(true),
    "valeur.plan": .integer(2),
    "limites.plan": .codes(["cout", "temps"]),
    "temps.plan.decryptage": .integer(3),
    "temps.plan.mise_en_oeuvre": .integer(4),
    "utilise.convention": .boolean(true),
    "valeur.convention": .notApplicable,
    "temps.convention.decryptage": .integer(1),
    "temps.convention.mise_en_oeuvre": .integer(2),
    "freins": .codes(["c3", "c1", "c4"]),
    "recommandation": .integer(9),
    "commentaire": .text("Très bien.\nMerci !"),
  ]
}
