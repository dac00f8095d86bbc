import Foundation
import SurveyDefinition
import Testing

@Suite struct AnswerJSONTests {
  let flow = RulesFixture.flow

  func typed(_ json: Any?, _ key: String) throws(AnswerError) -> AnswerValue {
    try AnswerValue(json: json, for: RulesFixture.field(key))
  }

  /// Decodes `text` with JSONSerialization, as the importers do.
  func decode(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
  }

  @Test func everyTypeRoundTripsThroughJSONSerialization() throws {
    var answers = RulesFixture.complete
    answers["role.other"] = .text("Quote \" backslash \\ tab \t bell \u{7} slash / é 🇫🇷")
    answers["role"] = .code("other")
    answers["mandat"] = .text("")
    answers["budget"] = .number(0.1)
    let contacts = ["courriel": "marie@exemple.fr"]
    let object = flow.jsonObject(answers: answers, contacts: contacts)
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    let decoded = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let result = flow.typedAnswers(json: decoded)
    #expect(result.problems.isEmpty)
    #expect(result.answers == answers)
    #expect(result.contacts == contacts)
  }

  @Test func jsonTextIsValidJSONThatReadsBackTheSameValue() throws {
    let samples: [(String, AnswerValue)] = [
      ("role", .code("elu")), ("suivi", .boolean(true)), ("suivi", .boolean(false)), ("age", .integer(44)),
      ("budget", .number(1250.5)), ("budget", .number(1e-5)), ("budget", .number(3)),
      ("interets", .codes(["a", "other"])), ("interets", .codes([])), ("valeur.plan", .notApplicable),
      ("commentaire", .text("ligne\nligne\r\n\u{0}\u{1F}\"\\/€")), ("freins", .codes(["c2", "c1", "c3"])),
    ]
    for (key, value) in samples {
      let json = try decode(value.jsonText)
      #expect(try typed(json, key) == value, "\(value.jsonText)")
    }
    #expect(AnswerValue.text("a\"b\\c\nd\u{1}").jsonText == #""a\"b\\c\nd\u0001""#)
    #expect(AnswerValue.codes(["cout", "portage"]).jsonText == #"["cout","portage"]"#)
    #expect(AnswerValue.notApplicable.jsonText == "null")
    #expect(AnswerValue.number(4.5).jsonText == "4.5")
    #expect(AnswerValue.number(.nan).jsonText == "null")
  }

  @Test func numbersAreTypedByTheField() throws {
    #expect(try typed(decode("4"), "valeur.plan") == .integer(4))
    #expect(try typed(decode("4.0"), "valeur.plan") == .integer(4))
    #expect(try typed(decode("4e0"), "age") == .integer(4))
    #expect(try typed(decode("4"), "budget") == .number(4))
    #expect(try typed(decode("-0.25"), "budget") == .number(-0.25))
    #expect(throws: AnswerError.notWholeNumber(key: "valeur.plan", value: 4.5)) {
      try typed(decode("4.5"), "valeur.plan")
    }
    #expect(throws: AnswerError.wrongType(key: "valeur.plan", expected: .integer, found: #""4""#)) {
      try typed(decode(#""4""#), "valeur.plan")
    }
    #expect(throws: AnswerError.wrongType(key: "age", expected: .integer, found: "true")) {
      try typed(decode("true"), "age")
    }
    #expect(throws: AnswerError.wrongType(key: "age", expected: .integer, found: "1e+300")) {
      try typed(decode("1e300"), "age")
    }
  }

  @Test func booleansCodesAndTextsAreTypedByTheField() throws {
    #expect(try typed(decode("true"), "suivi") == .boolean(true))
    #expect(try typed(decode("false"), "suivi") == .boolean(false))
    #expect(throws: AnswerError.wrongType(key: "suivi", expected: .boolean, found: "1")) {
      try typed(decode("1"), "suivi")
    }
    #expect(throws: AnswerError.wrongType(key: "suivi", expected: .boolean, found: #""oui""#)) {
      try typed(decode(#""oui""#), "suivi")
    }
    #expect(try typed(decode(#""elu""#), "role") == .code("elu"))
    #expect(try typed(decode(#""elu""#), "mandat") == .text("elu"))
    #expect(try typed(decode(#""x@y.fr""#), "courriel") == .text("x@y.fr"))
    #expect(try typed(decode(#"["a","b"]"#), "interets") == .codes(["a", "b"]))
    #expect(throws: AnswerError.wrongType(key: "interets", expected: .codes, found: "an array")) {
      try typed(decode(#"["a",1]"#), "interets")
    }
    #expect(throws: AnswerError.wrongType(key: "interets", expected: .codes, found: #""a""#)) {
      try typed(decode(#""a""#), "interets")
    }
    #expect(throws: AnswerError.wrongType(key: "role", expected: .code, found: "an object")) {
      try typed(decode(#"{"a":1}"#), "role")
    }
    #expect(throws: AnswerError.wrongType(key: "mandat", expected: .text, found: "12")) {
      try typed(decode("12"), "mandat")
    }
  }

  @Test func nullIsNotApplicableForEveryField() throws {
    for field in flow.fields {
      #expect(try AnswerValue(json: NSNull(), for: field) == .notApplicable)
      #expect(try AnswerValue(json: nil, for: field) == .notApplicable)
    }
  }

  /// Values as Yams decodes YAML: native Swift types.
  @Test func nativeSwiftValuesAreTypedToo() throws {
    #expect(try typed(4, "valeur.plan") == .integer(4))
    #expect(try typed(4.0, "valeur.plan") == .integer(4))
    #expect(try typed(7, "budget") == .number(7))
    #expect(try typed(true, "suivi") == .boolean(true))
    #expect(throws: AnswerError.wrongType(key: "suivi", expected: .boolean, found: "1")) {
      try typed(1, "suivi")
    }
    #expect(throws: AnswerError.wrongType(key: "age", expected: .integer, found: "false")) {
      try typed(false, "age")
    }
    #expect(try typed(["c1", "c2", "c3"] as [Any], "freins") == .codes(["c1", "c2", "c3"]))
    #expect(try typed(["c1", "c2"], "freins") == .codes(["c1", "c2"]))
  }

  @Test func aWholeResponseReportsEveryKeyItCannotType() throws {
    let json = try #require(
      try decode(#"{"zz":1,"age":"44","role":"elu","aa":true,"valeur.plan":2.5,"courriel":"m@x.fr"}"#)
        as? [String: Any])
    let result = flow.typedAnswers(json: json)
    #expect(result.answers == ["role": .code("elu")])
    #expect(result.contacts == ["courriel": "m@x.fr"])
    #expect(
      result.problems.map(\.error) == [
        .wrongType(key: "age", expected: .integer, found: #""44""#),
        .notWholeNumber(key: "valeur.plan", value: 2.5),
        .unknownKey(key: "aa"), .unknownKey(key: "zz"),
      ])
    let nullEmail = flow.typedAnswers(json: ["courriel": NSNull(), "suivi": false])
    #expect(nullEmail.answers == ["suivi": .boolean(false)])
    #expect(nullEmail.contacts.isEmpty)
    #expect(nullEmail.problems.map(\.error) == [.notApplicableNotOffered(key: "courriel")])
  }

  @Test func exportKeysFollowTheAskingOrder() {
    let keys = flow.jsonKeys(
      answers: ["freins": .codes([]), "zz": .integer(1), "role": .code("elu"), "valeur.plan": .integer(1)],
      contacts: ["courriel": "a@b.fr"])
    #expect(keys == ["role", "valeur.plan", "freins", "courriel", "zz"])
  }

  @Test func fieldLookupByKey() {
    let survey = RulesFixture.survey
    for field in survey.fields {
      #expect(survey.field(forKey: field.key) == field)
      #expect(flow.field(forKey: field.key) == field)
    }
    for key in [
      "", "inconnu", "role.autre", "valeur", "valeur.inconnu", "temps.plan", "temps.plan.inconnu",
      "temps.decryptage", "age.other", "interets.other.x", "role.", ".role", "valeur.plan.other",
    ] {
      #expect(survey.field(forKey: key) == nil, "\(key)")
      #expect(flow.field(forKey: key) == nil, "\(key)")
    }
    #expect(survey.field(forKey: "temps.convention.mise_en_oeuvre")?.row?.code == "mise_en_oeuvre")
    #expect(survey.field(forKey: "temps.convention.mise_en_oeuvre")?.instance.itemIndex == 1)
    #expect(survey.field(forKey: "role.other")?.isOther == true)
  }
}
