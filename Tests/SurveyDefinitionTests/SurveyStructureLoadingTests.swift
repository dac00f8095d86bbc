import SurveyDefinition
import Testing

@Suite struct SurveyStructureLoadingTests {
  static let yaml = """
    id: journee-2015
    version: 3
    title: {fr: "Journée", en: "Day"}
    description: {fr: "Merci", en: "Thanks"}
    languages: [fr, en]
    event:
      name: {fr: "Journée d'exploration", en: "Exploration day"}
      date: 2015-03-05
      place: "Pélussin (42)"
      organiser: Cap Rural
      registered: 15
    privacy:
      min_group_size: 4
      notice: {fr: "Anonyme", en: "Anonymous"}
    choices:
      roles:
        - {code: elu, label: {fr: "Élu(e)", en: "Elected"}}
        - {code: agent, label: {fr: "Agent", en: "Staff"}}
      oui_non:
        - {code: oui, label: {fr: "Oui", en: "Yes"}}
        - {code: "no", label: {fr: "Non", en: "No"}}
    scales:
      accord5: {min: 1, max: 5}
    items:
      outils:
        - {code: plan, label: {fr: "Plan", en: "Plan"}}
        - {code: convention, label: {fr: "Convention", en: "Agreement"}}
    sections:
      - id: profil
        title: {fr: "Profil", en: "Profile"}
        intro: {fr: "Vous", en: "You"}
        questions:
          - {id: role, type: single, label: Rôle, choices: roles}
          - {id: suivi, type: boolean, label: Suivi}
          - {id: temps, type: matrix, label: Temps, rows: outils, scale: accord5}
      - id: outils
        title: {fr: "« {item} »", en: "“{item}”"}
        for_each: outils
        when: "role != 'agent'"
        questions:
          - {id: valeur, type: scale, scale: accord5, label: {fr: "Valeur de {item}", en: "Value of {item}"}}
          - {id: conditions, type: multiple, choices: roles, label: C, when: "valeur >= 3 and temps.plan > 1"}
      - id: fin
        title: Fin
        questions:
          - {id: freins, type: ranking, choices: roles, pick: 1, label: Freins}
          - {id: reco, type: nps, label: Reco}
          - {id: avis, type: single, choices: oui_non, label: Avis, when: "valeur.plan >= 4 or not suivi"}
    indicators:
      - {id: taux, kind: response_rate}
      - id: satisfaits
        label: {fr: "Satisfaits", en: "Satisfied"}
        kind: top_box
        question: temps.plan
        target: ">= 0.80"
      - {id: valeur, kind: mean, question: valeur, target: 3.5}
      - {id: suivi, kind: share, question: suivi, values: [true]}
      - {id: avis, kind: share, question: avis, values: [oui, "no"]}
      - {id: freins, kind: borda, question: freins}
      - {id: reco, kind: nps, question: reco, target: "> 30"}
      - {id: index, kind: index, questions: [temps, valeur.plan, temps.convention], target: ">= 75"}
      - {id: conditions, kind: share, question: conditions, values: [elu]}
    breakdowns: [role]
    """

  @Test func topLevelKeysLoad() throws {
    let survey = try Survey.load(yaml: Self.yaml, file: "journee.yaml")
    #expect(survey.id == "journee-2015")
    #expect(survey.version == 3)
    #expect(survey.title == LocalizedText(["fr": "Journée", "en": "Day"]))
    #expect(survey.description == LocalizedText(["fr": "Merci", "en": "Thanks"]))
    #expect(survey.languages == ["fr", "en"])
    #expect(
      survey.event
        == Event(
          name: LocalizedText(["fr": "Journée d'exploration", "en": "Exploration day"]), date: "2015-03-05",
          place: "Pélussin (42)", organiser: "Cap Rural", registered: 15))
    #expect(
      survey.privacy == Privacy(minGroupSize: 4, notice: LocalizedText(["fr": "Anonyme", "en": "Anonymous"])))
    #expect(survey.choiceLists.map(\.id) == ["roles", "oui_non"])
    #expect(survey.choiceLists[1].choices.map(\.code) == ["oui", "no"])
    #expect(survey.scales == [Scale(id: "accord5", min: 1, max: 5)])
    #expect(survey.itemLists.map(\.id) == ["outils"])
    #expect(survey.breakdowns == ["role"])
    #expect(survey.sourcePath == "journee.yaml")
  }

  @Test func defaultsApplyWhenKeysAreAbsent() throws {
    let survey = try Survey.load(
      yaml: """
        id: minimal
        version: 1
        title: Minimal
        languages: [fr]
        sections:
          - {id: s, title: S, questions: [{id: q, type: text, label: Q}]}
        """, file: "m.yaml")
    #expect(survey.privacy == Privacy(minGroupSize: 3, notice: nil))
    #expect(survey.event == nil)
    #expect(survey.description == nil)
    #expect(survey.indicators.isEmpty)
    #expect(survey.breakdowns.isEmpty)
    #expect(survey.sections[0].questions[0].required == false)
    #expect(survey.sections[0].questions[0].kind == .text(maxLength: 500))
  }

  @Test func sectionsKeepItemsConditionsAndThePlaceholder() throws {
    let survey = try Survey.load(yaml: Self.yaml, file: "journee.yaml")
    #expect(survey.sections.map(\.id) == ["profil", "outils", "fin"])
    let profil = survey.sections[0]
    #expect(profil.intro == LocalizedText(["fr": "Vous", "en": "You"]))
    #expect(profil.forEach == nil && profil.items.isEmpty && profil.condition == nil)
    let outils = survey.sections[1]
    #expect(outils.forEach == "outils")
    #expect(outils.items.map(\.code) == ["plan", "convention"])
    #expect(outils.title == LocalizedText(["fr": "« {item} »", "en": "“{item}”"]))
    #expect(
      outils.condition
        == .comparison(.reference("role", SourceRange(offset: 0, length: 4)), .notEqual, .string("agent")))
    #expect(outils.location == SourceLocation(file: "journee.yaml", line: 36, column: 9))
    #expect(outils.questions[0].label.text("en") == "Value of {item}")
    #expect(
      outils.questions[1].condition
        == .and(
          .comparison(.reference("valeur", SourceRange(offset: 0, length: 6)), .greaterOrEqual, .number(3)),
          .comparison(.reference("temps.plan", SourceRange(offset: 16, length: 10)), .greater, .number(1))))
    #expect(survey.instances.map(\.key).contains("valeur.convention"))
    #expect(survey.instances.first { $0.key == "valeur.plan" }?.label.text("fr") == "Valeur de Plan")
  }

  @Test func indicatorsOfEveryKind() throws {
    let survey = try Survey.load(yaml: Self.yaml, file: "journee.yaml")
    let indicators = Dictionary(uniqueKeysWithValues: survey.indicators.map { ($0.id, $0) })
    #expect(
      survey.indicators.map(\.id) == [
        "taux", "satisfaits", "valeur", "suivi", "avis", "freins", "reco", "index", "conditions",
      ])
    #expect(indicators["taux"]?.kind == .responseRate)
    #expect(indicators["taux"]?.question == nil)
    let satisfied = try #require(indicators["satisfaits"])
    #expect(satisfied.kind == .topBox)
    #expect(satisfied.question == "temps.plan")
    #expect(satisfied.label == LocalizedText(["fr": "Satisfaits", "en": "Satisfied"]))
    #expect(satisfied.target == Target(comparison: .atLeast, value: 0.8, source: ">= 0.80"))
    #expect(indicators["valeur"]?.target == Target(comparison: .atLeast, value: 3.5, source: "3.5"))
    #expect(indicators["suivi"]?.values == [.boolean(true)])
    #expect(indicators["avis"]?.values == [.code("oui"), .code("no")])
    #expect(indicators["freins"]?.kind == .borda)
    #expect(indicators["reco"]?.target == Target(comparison: .greater, value: 30, source: "> 30"))
    #expect(indicators["index"]?.questions == ["temps", "valeur.plan", "temps.convention"])
    #expect(indicators["index"]?.kind == .index)
    #expect(indicators["conditions"]?.values == [.code("elu")])
    #expect(indicators["taux"]?.location == SourceLocation(file: "journee.yaml", line: 50, column: 10))
  }

  @Test func conditionColumnsPointInsideQuotedAndPlainScalars() {
    for (when, column) in [
      ("\"valeur >= 3 and nope\"", 32), ("'valeur >= 3 and nope'", 32), ("valeur >= 3 and nope", 31),
    ] {
      let yaml = """
        id: c
        version: 1
        title: C
        languages: [fr]
        sections:
          - id: s
            title: S
            questions:
              - {id: valeur, type: nps, label: V}
              - id: q
                type: text
                label: Q
                when: \(when)
        """
      let diagnostics = SurveyLinter.lint(yaml: yaml, file: "c.yaml")
      #expect(
        diagnostics.map(\.description) == [
          "c.yaml:13:\(column): error: unknown question 'nope' in the condition of question 'q'"
        ])
    }
  }

  @Test func aliasesWithinTheLimitAreResolved() throws {
    let survey = try Survey.load(
      yaml: """
        id: a
        version: 1
        title: &titre {fr: "Titre", en: "Title"}
        languages: [fr, en]
        sections:
          - id: s
            title: *titre
            questions: [{id: q, type: boolean, label: *titre}]
        """, file: "a.yaml")
    #expect(survey.sections[0].questions[0].label == LocalizedText(["fr": "Titre", "en": "Title"]))
  }

  @Test func problemsAreAllReportedInOnePassInReadingOrder() {
    let yaml = """
      id: Bad
      version: 0
      title: T
      languages: [fr]
      sections:
        - id: s
          title: S
          questions:
            - {id: a, type: scale, label: A, min: 5, max: 1}
            - {id: b, type: single, label: B, choices: nope}
            - {id: c, type: text, label: C, when: "b == 'x'"}
      breakdowns: [zz]
      """
    #expect(
      SurveyLinter.lint(yaml: yaml, file: "b.yaml").map(\.description) == [
        "b.yaml:1:5: error: the survey id 'Bad' must use only lowercase letters a-z, digits and '-'",
        "b.yaml:2:10: error: 'version' must be 1 or more, not 0",
        "b.yaml:9:53: error: scale bounds out of order in the scale of question 'a': min 5 is not below max 1",
        "b.yaml:10:50: error: unknown choice list 'nope' in question 'b' (the survey defines no choice lists)",
        "b.yaml:12:14: error: unknown question 'zz' in 'breakdowns'",
      ])
  }

  @Test func oversizedFilesAreRefusedBeforeParsing() {
    let yaml = "id: big\n" + String(repeating: "# padding padding padding padding\n", count: 40_000)
    #expect(
      SurveyLinter.lint(yaml: yaml, file: "big.yaml").map(\.description) == [
        "big.yaml:1:1: error: the file is \(yaml.utf8.count) bytes; a survey file is at most 1048576 bytes (1 MiB)"
      ])
  }

  @Test func unreadableFilesAreOneError() {
    #expect(throws: SurveyLoadError.unreadable(path: "/nonexistent/s.yaml", reason: "no such file")) {
      try Survey.load(path: "/nonexistent/s.yaml")
    }
    #expect(
      SurveyLinter.lint(path: "/nonexistent/s.yaml").map(\.description) == [
        "/nonexistent/s.yaml:1:1: error: cannot read the survey file: no such file"
      ])
  }
}
