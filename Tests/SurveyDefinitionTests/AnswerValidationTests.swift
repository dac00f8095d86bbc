import SurveyDefinition
import Testing

@Suite struct AnswerValidationTests {
  func error(_ key: String, _ value: AnswerValue) -> AnswerError? {
    do {
      try check(value, for: RulesFixture.field(key))
      return nil
    } catch {
      return error
    }
  }

  @Test func validValuesOfEveryTypePass() {
    let valid: [(String, AnswerValue)] = [
      ("role", .code("elu")), ("role", .code("other")), ("role.other", .text("Chargée de mission")),
      ("suivi", .boolean(false)),
      ("age", .integer(18)), ("age", .integer(99)),
      ("budget", .number(0)), ("budget", .number(1e9)),
      ("interets", .codes(["a", "c"])), ("interets", .codes(["a", "b", "other"])),
      ("interets", .codes(["aucun"])),
      ("valeur.plan", .integer(1)), ("valeur.plan", .integer(5)), ("valeur.plan", .notApplicable),
      ("limites.plan", .codes([])), ("limites.plan", .codes(["cout", "portage", "temps"])),
      ("temps.plan.decryptage", .integer(4)),
      ("freins", .codes(["c4", "c1", "c2"])),
      ("recommandation", .integer(0)), ("recommandation", .integer(10)),
      ("mandat", .text(String(repeating: "é", count: 20))), ("mandat", .text("")),
      ("commentaire", .text("Deux\nlignes\r\net\ttab")),
      ("courriel", .text("marie.dupont+bilan@cap-rural.fr")),
      ("courriel", .text("élodie@exemple.fr")),
    ]
    for (key, value) in valid {
      #expect(error(key, value) == nil, "\(key) = \(value)")
    }
  }

  @Test func wrongTypesAreRefusedForEveryType() {
    let cases: [(String, AnswerValue, AnswerValueType, String)] = [
      ("role", .text("elu"), .code, "text \"elu\""),
      ("role.other", .code("x"), .text, "code 'x'"),
      ("suivi", .code("oui"), .boolean, "code 'oui'"),
      ("age", .number(44), .integer, "number 44.0"),
      ("age", .text("44"), .integer, "text \"44\""),
      ("budget", .integer(10), .number, "integer 10"),
      ("budget", .number(.nan), .number, "number nan"),
      ("interets", .code("a"), .codes, "code 'a'"),
      ("freins", .text("c1"), .codes, "text \"c1\""),
      ("valeur.plan", .code("3"), .integer, "code '3'"),
      ("valeur.plan", .number(3), .integer, "number 3.0"),
      ("temps.plan.decryptage", .boolean(true), .integer, "boolean true"),
      ("recommandation", .codes(["9"]), .integer, "codes [9]"),
      ("mandat", .integer(1), .text, "integer 1"),
      ("commentaire", .code("x"), .text, "code 'x'"),
      ("courriel", .integer(1), .contact, "integer 1"),
    ]
    for (key, value, expected, found) in cases {
      #expect(error(key, value) == .wrongType(key: key, expected: expected, found: found), "\(key)")
    }
  }

  @Test func nullOnlyWhereNotApplicableIsOffered() {
    for key in [
      "role", "suivi", "age", "budget", "interets", "temps.plan.decryptage", "freins", "recommandation",
      "mandat", "commentaire", "courriel",
    ] {
      #expect(error(key, .notApplicable) == .notApplicableNotOffered(key: key), "\(key)")
    }
    #expect(
      error("role.other", .notApplicable)
        == .wrongType(key: "role.other", expected: .text, found: "null"))
  }

  @Test func singleCodes() {
    #expect(
      error("role", .code("maire"))
        == .unknownCode(key: "role", code: "maire", allowed: ["elu", "technicien", "autre", "other"]))
    #expect(
      error("freins", .codes(["c1", "other", "c2"]))
        == .unknownCode(key: "freins", code: "other", allowed: ["c1", "c2", "c3", "c4"]))
  }

  @Test func multipleCodes() {
    #expect(
      error("interets", .codes(["a", "z"]))
        == .unknownCode(key: "interets", code: "z", allowed: ["a", "b", "c", "aucun", "other"]))
    #expect(error("interets", .codes(["a", "a"])) == .duplicateCode(key: "interets", code: "a"))
    #expect(error("interets", .codes(["b", "a"])) == .codesOutOfOrder(key: "interets"))
    #expect(error("interets", .codes(["other", "a"])) == .codesOutOfOrder(key: "interets"))
    #expect(error("interets", .codes(["a"])) == .tooFewSelections(key: "interets", minimum: 2, count: 1))
    #expect(error("interets", .codes([])) == .tooFewSelections(key: "interets", minimum: 2, count: 0))
    #expect(
      error("interets", .codes(["a", "b", "c", "other"]))
        == .tooManySelections(key: "interets", maximum: 3, count: 4))
    #expect(error("interets", .codes(["a", "aucun"])) == .exclusiveNotAlone(key: "interets", code: "aucun"))
    let unknownInLimites = error("limites.plan", .codes(["other"]))
    #expect(
      unknownInLimites
        == .unknownCode(key: "limites.plan", code: "other", allowed: ["cout", "portage", "temps"]))
  }

  @Test func rankings() {
    #expect(
      error("freins", .codes(["c1", "c2"])) == .wrongRankingLength(key: "freins", expected: 3, count: 2))
    #expect(
      error("freins", .codes(["c1", "c2", "c3", "c4"]))
        == .wrongRankingLength(key: "freins", expected: 3, count: 4))
    #expect(error("freins", .codes(["c1", "c1", "c2"])) == .duplicateCode(key: "freins", code: "c1"))
    #expect(
      error("freins", .codes(["c1", "c9", "c2"]))
        == .unknownCode(key: "freins", code: "c9", allowed: ["c1", "c2", "c3", "c4"]))
    // Fewer choices than `pick`: all of them, no fewer.
    let few = Question(
      id: "top", kind: .ranking(choices: RulesFixture.choices("x", "y"), pick: 3),
      label: RulesFixture.text("T"))
    let section = Section(id: "s", title: RulesFixture.text("S"), questions: [few])
    let field = AnswerField(
      instance: QuestionInstance(question: few, section: section, item: nil, itemIndex: nil), row: nil,
      isOther: false)
    #expect(throws: Never.self) { try field.check(.codes(["y", "x"])) }
    #expect(throws: AnswerError.wrongRankingLength(key: "top", expected: 2, count: 1)) {
      try field.check(.codes(["y"]))
    }
  }

  @Test func scalePointsMatrixRowsAndNps() {
    #expect(error("valeur.plan", .integer(0)) == .outOfScale(key: "valeur.plan", value: 0, min: 1, max: 5))
    #expect(error("valeur.plan", .integer(6)) == .outOfScale(key: "valeur.plan", value: 6, min: 1, max: 5))
    #expect(error("valeur.plan", .number(2.5)) == .notWholeNumber(key: "valeur.plan", value: 2.5))
    #expect(
      error("temps.convention.mise_en_oeuvre", .integer(5))
        == .outOfScale(key: "temps.convention.mise_en_oeuvre", value: 5, min: 1, max: 4))
    #expect(
      error("recommandation", .integer(11)) == .outOfScale(key: "recommandation", value: 11, min: 0, max: 10))
    #expect(
      error("recommandation", .integer(-1)) == .outOfScale(key: "recommandation", value: -1, min: 0, max: 10))
  }

  @Test func numbers() {
    #expect(error("age", .integer(17)) == .outOfRange(key: "age", value: 17, min: 18, max: 99))
    #expect(error("age", .integer(100)) == .outOfRange(key: "age", value: 100, min: 18, max: 99))
    #expect(error("age", .number(44.5)) == .notWholeNumber(key: "age", value: 44.5))
    #expect(error("budget", .number(-0.01)) == .outOfRange(key: "budget", value: -0.01, min: 0, max: nil))
    #expect(
      error("budget", .number(.infinity)) == .wrongType(key: "budget", expected: .number, found: "number inf")
    )
  }

  @Test func texts() {
    #expect(
      error("mandat", .text(String(repeating: "é", count: 21)))
        == .tooLong(key: "mandat", length: 21, maxLength: 20))
    // Characters, not bytes nor scalars: a flag emoji is one character.
    #expect(error("mandat", .text(String(repeating: "🇫🇷", count: 20))) == nil)
    #expect(error("mandat", .text("ligne\nsuivante")) == .containsNewline(key: "mandat"))
    #expect(error("mandat", .text("retour\r")) == .containsNewline(key: "mandat"))
    #expect(error("mandat", .text("nul\u{0}")) == .containsNul(key: "mandat"))
    #expect(error("commentaire", .text("nul\u{0}")) == .containsNul(key: "commentaire"))
    #expect(
      error("commentaire", .text(String(repeating: "x\n", count: 26)))
        == .tooLong(key: "commentaire", length: 52, maxLength: 50))
    #expect(error("role.other", .text("a\nb")) == .containsNewline(key: "role.other"))
    #expect(
      error("role.other", .text(String(repeating: "a", count: 501)))
        == .tooLong(key: "role.other", length: 501, maxLength: 500))
    // Control characters other than NUL are data: stored as given.
    #expect(error("mandat", .text("bip\u{7}\u{1B}[31m")) == nil)
  }

  @Test(arguments: [
    "a@b.fr", "prenom.nom@sous.domaine.org", "x+tag@exemple.com", "o'brien@exemple.ie",
    "élodie@exemple.fr", "contact@société.fr", "a_b-c@ex-ample.co",
  ])
  func validEmails(_ address: String) {
    #expect(AnswerField.isValidEmail(address))
  }

  @Test(arguments: [
    "", "a", "a@", "@b.fr", "a@b", "a@b.", "a@.fr", "a.@b.fr", ".a@b.fr", "a..b@c.fr", "a b@c.fr",
    "a@b c.fr", "a@@b.fr", "a@b@c.fr", "a@-b.fr", "a@b-.fr", "a@b.1", "a@b.f", "\"a\"@b.fr",
    "a@[127.0.0.1]", "a\n@b.fr", "a@b..fr",
    String(repeating: "a", count: 65) + "@b.fr",
    "a@" + String(repeating: "b", count: 64) + ".fr",
    String(repeating: "a", count: 60) + "@" + String(repeating: "b.", count: 96) + "fr",
  ])
  func invalidEmails(_ address: String) {
    #expect(!AnswerField.isValidEmail(address))
    #expect(error("courriel", .text(address)) == .invalidEmail(key: "courriel"))
  }

  @Test func booleans() {
    #expect(
      error("utilise.plan", .integer(1))
        == .wrongType(key: "utilise.plan", expected: .boolean, found: "integer 1"))
  }

  @Test func messagesSpeakToParticipantsInFrenchAndEnglish() {
    let outOfScale = AnswerError.outOfScale(key: "valeur.plan", value: 7, min: 1, max: 5)
    #expect(outOfScale.message(language: "fr") == "Choisissez entre 1 et 5.")
    #expect(outOfScale.message(language: "en") == "Choose between 1 and 5.")
    #expect(outOfScale.errorDescription == "valeur.plan: 7 is not between 1 and 5")
    let range = AnswerError.outOfRange(key: "budget", value: -1, min: 0.5, max: 2.25)
    #expect(range.message(language: "fr") == "Saisissez un nombre entre 0,5 et 2,25.")
    #expect(range.message(language: "en") == "Enter a number between 0.5 and 2.25.")
    let code = AnswerError.unknownCode(key: "role", code: "maire", allowed: ["elu", "autre"])
    #expect(code.message(language: "fr") == "«\u{A0}maire\u{A0}» ne fait pas partie des réponses proposées.")
    #expect(code.errorDescription == "role: unknown code 'maire'; expected one of: elu, autre")
    #expect(
      AnswerError.tooFewSelections(key: "k", minimum: 1, count: 0).message(language: "fr")
        == "Choisissez au moins une réponse.")
    #expect(
      AnswerError.tooManySelections(key: "k", maximum: 3, count: 4).message(language: "en")
        == "Choose at most 3 options.")
    #expect(
      AnswerError.tooLong(key: "k", length: 512, maxLength: 500).message(language: "fr")
        == "500 caractères au plus (512 saisis).")
    #expect(AnswerError.invalidEmail(key: "courriel").errorDescription?.contains("@") == true)
  }

  @Test func everyMessageIsNonEmptyAndFrenchPunctuationIsNonBreaking() {
    let all: [AnswerError] = [
      .unknownKey(key: "k"), .wrongType(key: "k", expected: .integer, found: "x"),
      .wrongType(key: "k", expected: .code, found: "x"), .wrongType(key: "k", expected: .codes, found: "x"),
      .wrongType(key: "k", expected: .number, found: "x"),
      .wrongType(key: "k", expected: .boolean, found: "x"),
      .wrongType(key: "k", expected: .text, found: "x"), .wrongType(key: "k", expected: .contact, found: "x"),
      .notApplicableNotOffered(key: "k"), .unknownCode(key: "k", code: "c", allowed: []),
      .duplicateCode(key: "k", code: "c"), .codesOutOfOrder(key: "k"),
      .tooFewSelections(key: "k", minimum: 2, count: 1), .tooManySelections(key: "k", maximum: 1, count: 2),
      .exclusiveNotAlone(key: "k", code: "aucun"), .wrongRankingLength(key: "k", expected: 3, count: 1),
      .outOfScale(key: "k", value: 9, min: 1, max: 5), .notWholeNumber(key: "k", value: 1.5),
      .outOfRange(key: "k", value: 1, min: 2, max: nil), .outOfRange(key: "k", value: 1, min: nil, max: 0),
      .outOfRange(key: "k", value: 1, min: nil, max: nil), .tooLong(key: "k", length: 2, maxLength: 1),
      .containsNul(key: "k"), .containsNewline(key: "k"), .invalidEmail(key: "k"),
      .otherTextWithoutOther(key: "k.other"), .otherTextMissing(key: "k.other"), .hiddenQuestion(key: "k"),
      .missingRequired(key: "k"), .contactAmongAnswers(key: "k"),
    ]
    var french: Set<String> = []
    for error in all {
      let fr = error.message(language: "fr")
      let en = error.message(language: "en")
      #expect(!fr.isEmpty && !en.isEmpty && fr != en, "\(error)")
      french.insert(fr)
      for mark in [":", ";", "?", "!", "»"] {
        for index in fr.indices where fr[index] == Character(mark) && index > fr.startIndex {
          #expect(fr[fr.index(before: index)] == "\u{A0}", "\(fr)")
        }
      }
      #expect(!fr.contains("'"), "\(fr)")
      #expect(error.errorDescription?.hasPrefix("\(error.key): ") == true)
    }
  }
}
