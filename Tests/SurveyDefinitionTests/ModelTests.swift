import SurveyDefinition
import Testing

@Suite struct ModelTests {
  @Test func loopInstancesAndMatrixFieldsGetTheSpecKeys() {
    let scale = Scale(min: 1, max: 5)
    let items = [
      Choice(code: "plan_cooperation", label: LocalizedText(plain: "Plan")),
      Choice(code: "convention_partenariat", label: LocalizedText(plain: "Convention")),
    ]
    let rows = [Choice(code: "decryptage", label: LocalizedText(plain: "Décryptage"))]
    let survey = Survey(
      id: "s", version: 1, title: LocalizedText(plain: "S"), languages: ["fr"],
      sections: [
        Section(
          id: "outils", title: LocalizedText(plain: "{item}"), forEach: "outils", items: items,
          questions: [
            Question(id: "valeur", kind: .scale(scale), label: LocalizedText(["fr": "« {item} » utile"])),
            Question(id: "temps", kind: .matrix(rows: rows, scale: scale), label: LocalizedText(plain: "T")),
          ]),
        Section(
          id: "profil", title: LocalizedText(plain: "P"),
          questions: [
            Question(id: "role", kind: .single(choices: items, other: true), label: LocalizedText(plain: "R"))
          ]),
      ])
    #expect(
      survey.fields.map(\.key) == [
        "valeur.plan_cooperation", "temps.plan_cooperation.decryptage",
        "valeur.convention_partenariat", "temps.convention_partenariat.decryptage",
        "role", "role.other",
      ])
    #expect(survey.instances[0].label.text("fr") == "« Plan » utile")
    let keys = Set(survey.fields.map(\.key))
    #expect(
      survey.resolve(reference: "valeur", item: "plan_cooperation", in: keys) == "valeur.plan_cooperation")
    #expect(
      survey.resolve(reference: "temps.decryptage", item: "plan_cooperation", in: keys)
        == "temps.plan_cooperation.decryptage")
    #expect(survey.resolve(reference: "role", item: "plan_cooperation", in: keys) == "role")
    #expect(survey.resolve(reference: "absent", item: nil, in: keys) == nil)
  }

  @Test func targetsParseAndCompare() throws {
    let target = try #require(Target(parsing: ">= 0.80"))
    #expect(target.comparison == .atLeast)
    #expect(target.value == 0.8)
    #expect(target.isMet(by: 0.8))
    #expect(!target.isMet(by: 0.79))
    #expect(Target(parsing: "≥ x") == nil)
  }
}
