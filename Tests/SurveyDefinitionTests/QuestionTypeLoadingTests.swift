import SurveyDefinition
import Testing

/// A survey around `questions` (YAML list items indented by 6 spaces), with
/// shared lists and scales, loaded through the public API.
func loadSurvey(questions: String, top: String = "") throws -> Survey {
  let yaml = """
    id: essai
    version: 2
    title: {fr: "Essai", en: "Trial"}
    languages: [fr, en]
    choices:
      roles:
        - {code: elu, label: {fr: "Élu(e)", en: "Elected official"}}
        - {code: agent, label: {fr: "Agent", en: "Staff"}}
    scales:
      accord5:
        min: 1
        max: 5
        labels:
          1: {fr: "Pas du tout", en: "Not at all"}
          5: {fr: "Tout à fait", en: "Completely"}
        not_applicable: {fr: "Sans avis", en: "No opinion"}
    items:
      outils:
        - {code: plan, label: {fr: "Plan", en: "Plan"}}
        - {code: convention, label: "Convention"}
    \(top)
    sections:
      - id: s
        title: Section
        questions:
    \(questions)
    """
  return try Survey.load(yaml: yaml, file: "essai.yaml")
}

private let elu = Choice(code: "elu", label: LocalizedText(["fr": "Élu(e)", "en": "Elected official"]))
private let agent = Choice(code: "agent", label: LocalizedText(["fr": "Agent", "en": "Staff"]))
private let plan = Choice(code: "plan", label: LocalizedText(["fr": "Plan", "en": "Plan"]))
private let convention = Choice(code: "convention", label: LocalizedText(plain: "Convention"))
private let accord5 = Scale(
  id: "accord5", min: 1, max: 5,
  labels: [
    1: LocalizedText(["fr": "Pas du tout", "en": "Not at all"]),
    5: LocalizedText(["fr": "Tout à fait", "en": "Completely"]),
  ], topBox: 2, notApplicable: LocalizedText(["fr": "Sans avis", "en": "No opinion"]))

@Suite struct QuestionTypeLoadingTests {
  private func onlyQuestion(_ yaml: String) throws -> Question {
    let survey = try loadSurvey(questions: yaml)
    return try #require(survey.sections.first?.questions.first)
  }

  @Test func singleWithAListIdAndOther() throws {
    let question = try onlyQuestion(
      """
            - id: role
              type: single
              label: {fr: "Votre rôle", en: "Your role"}
              help: "Un seul choix"
              choices: roles
              other: true
              required: true
      """)
    #expect(
      question
        == Question(
          id: "role", kind: .single(choices: [elu, agent], other: true),
          label: LocalizedText(["fr": "Votre rôle", "en": "Your role"]),
          help: LocalizedText(plain: "Un seul choix"),
          required: true, condition: nil, location: SourceLocation(file: "essai.yaml", line: 26, column: 13)))
  }

  @Test func singleWithInlineChoicesDefaultsToOptionalWithoutOther() throws {
    let question = try onlyQuestion(
      """
            - id: venu
              type: single
              label: Venu
              choices:
                - {code: seul, label: {fr: "Seul", en: "Alone"}}
                - code: binome
                  label: {fr: "En binôme", en: "In a pair"}
      """)
    #expect(
      question.kind
        == .single(
          choices: [
            Choice(code: "seul", label: LocalizedText(["fr": "Seul", "en": "Alone"])),
            Choice(code: "binome", label: LocalizedText(["fr": "En binôme", "en": "In a pair"])),
          ], other: false))
    #expect(question.required == false)
    #expect(question.help == nil)
    #expect(question.label == LocalizedText(plain: "Venu"))
  }

  @Test func multipleWithBoundsAndExclusive() throws {
    let question = try onlyQuestion(
      """
            - id: attentes
              type: multiple
              label: Attentes
              choices:
                - {code: journee, label: Journée}
                - {code: aucune, label: Aucune}
              other: true
              min: 1
              max: 2
              exclusive: [aucune]
      """)
    #expect(
      question.kind
        == .multiple(
          choices: [
            Choice(code: "journee", label: LocalizedText(plain: "Journée")),
            Choice(code: "aucune", label: LocalizedText(plain: "Aucune")),
          ], other: true, min: 1, max: 2, exclusive: ["aucune"]))
  }

  @Test func multipleWithoutSettings() throws {
    let question = try onlyQuestion(
      "      - {id: m, type: multiple, label: M, choices: roles}")
    #expect(
      question.kind == .multiple(choices: [elu, agent], other: false, min: nil, max: nil, exclusive: []))
  }

  @Test func scaleByIdIsCopiedWithItsLabelsAndNotApplicable() throws {
    let question = try onlyQuestion("      - {id: sat, type: scale, label: S, scale: accord5}")
    #expect(question.kind == .scale(accord5))
  }

  @Test func scaleByIdCanAddNotApplicable() throws {
    let question = try onlyQuestion(
      """
            - id: sat
              type: scale
              label: S
              scale: accord5
              not_applicable: {fr: "Ne sait pas", en: "Don't know"}
      """)
    var expected = accord5
    expected.notApplicable = LocalizedText(["fr": "Ne sait pas", "en": "Don't know"])
    #expect(question.kind == .scale(expected))
  }

  @Test func scaleInlineOnTheQuestion() throws {
    let question = try onlyQuestion(
      """
            - id: utile
              type: scale
              label: Utile
              min: 0
              max: 3
              top_box: 1
              labels: {0: Inutile, 1: Peu utile, 2: Utile, 3: Très utile}
      """)
    #expect(
      question.kind
        == .scale(
          Scale(
            id: nil, min: 0, max: 3,
            labels: [
              0: LocalizedText(plain: "Inutile"), 1: LocalizedText(plain: "Peu utile"),
              2: LocalizedText(plain: "Utile"), 3: LocalizedText(plain: "Très utile"),
            ], topBox: 1, notApplicable: nil)))
  }

  @Test func scaleInlineUnderTheScaleKey() throws {
    let question = try onlyQuestion(
      "      - {id: u, type: scale, label: U, scale: {min: 1, max: 7}}")
    #expect(
      question.kind == .scale(Scale(id: nil, min: 1, max: 7, labels: [:], topBox: 2, notApplicable: nil)))
  }

  @Test func npsHasTheZeroToTenScale() throws {
    let question = try onlyQuestion("      - {id: reco, type: nps, label: Recommanderiez-vous ?}")
    #expect(question.kind == .nps)
    #expect(question.kind.scale == Scale(min: 0, max: 10))
  }

  @Test func matrixWithItemRowsAndAScaleId() throws {
    let question = try onlyQuestion(
      "      - {id: temps, type: matrix, label: T, rows: outils, scale: accord5}")
    #expect(question.kind == .matrix(rows: [plan, convention], scale: accord5))
  }

  @Test func matrixWithInlineRowsAndScale() throws {
    let question = try onlyQuestion(
      """
            - id: objectifs
              type: matrix
              label: Objectifs
              rows:
                - {code: explorer, label: Explorer}
                - {code: freins, label: Freins}
              scale: {min: 1, max: 4, top_box: 1}
      """)
    #expect(
      question.kind
        == .matrix(
          rows: [
            Choice(code: "explorer", label: LocalizedText(plain: "Explorer")),
            Choice(code: "freins", label: LocalizedText(plain: "Freins")),
          ], scale: Scale(id: nil, min: 1, max: 4, labels: [:], topBox: 1, notApplicable: nil)))
  }

  @Test func rankingWithAndWithoutPick() throws {
    let survey = try loadSurvey(
      questions: """
              - {id: top, type: ranking, label: Top, choices: roles, pick: 1}
              - {id: all, type: ranking, label: All, choices: roles}
        """)
    let questions = try #require(survey.sections.first?.questions)
    #expect(questions[0].kind == .ranking(choices: [elu, agent], pick: 1))
    #expect(questions[1].kind == .ranking(choices: [elu, agent], pick: 2))
  }

  @Test func textAndLongTextLengths() throws {
    let survey = try loadSurvey(
      questions: """
              - {id: a, type: text, label: A}
              - {id: b, type: text, label: B, max_length: 80}
              - {id: c, type: long_text, label: C}
              - {id: d, type: long_text, label: D, max_length: 20000}
        """)
    let kinds = try #require(survey.sections.first?.questions.map(\.kind))
    #expect(
      kinds == [
        .text(maxLength: 500), .text(maxLength: 80), .longText(maxLength: 5000), .longText(maxLength: 20000),
      ])
  }

  @Test func numberBoundsAndInteger() throws {
    let survey = try loadSurvey(
      questions: """
              - {id: n, type: number, label: N, min: 0, max: 2.5}
              - {id: k, type: number, label: K, min: 1, integer: true}
              - {id: x, type: number, label: X}
        """)
    let kinds = try #require(survey.sections.first?.questions.map(\.kind))
    #expect(
      kinds == [
        .number(min: 0, max: 2.5, integer: false), .number(min: 1, max: nil, integer: true),
        .number(min: nil, max: nil, integer: false),
      ])
  }

  @Test func booleanAndEmail() throws {
    let survey = try loadSurvey(
      questions: """
              - {id: suivi, type: boolean, label: Suivi}
              - {id: courriel, type: email, label: Courriel, when: "suivi"}
        """)
    let questions = try #require(survey.sections.first?.questions)
    #expect(questions[0].kind == .boolean)
    #expect(questions[1].kind == .email)
    #expect(questions[1].condition == .value(.reference("suivi", SourceRange(offset: 0, length: 5))))
  }
}

/// Plain scalars that YAML could read as a date, a merge key or `=` are
/// texts in a survey (the reader resolves only null, booleans and numbers).
@Test func datesMergeKeysAndEqualsSignsAreTexts() throws {
  let survey = try loadSurvey(
    questions: """
            - id: jour
              type: single
              label: 2015-03-05
              choices:
                - {code: a, label: "<<"}
                - {code: b, label: =}
                - {code: c, label: 2015-03-05T10:00:00Z}
      """)
  let question = try #require(survey.question("jour")?.question)
  #expect(question.label.text("fr") == "2015-03-05")
  #expect(question.kind.choices?.map { $0.label.text("fr") } == ["<<", "=", "2015-03-05T10:00:00Z"])
}
