import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// The built `bilan ask` over pipes: plain mode, line by line.
@Suite struct PlainModeTests {
  /// Answers every type, taking every wrong-answer path on the way.
  @Test func everyTypeWithEveryWrongAnswer() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let lines = [
      "7",  // not an option
      "4", "",  // other chosen, empty text refused
      "4", "Consultante",
      "1,4",  // an exclusive code with another
      "1,2,3",  // more than max
      "9",  // not an option
      "outils, 1",  // codes and numbers, stored in choice order
      "",  // required
      "6",  // out of the scale
      "2",  // low: opens the follow-up question
      String(repeating: "x", count: 25),  // longer than max_length 20
      "Trop long",
      "na",  // valeur.plan: not applicable
      "5",  // valeur.convention
      "abc", "4", "<", "3", "na",  // matrix: a wrong value, back one row, N/A
      "1",  // ranking: too few
      "1,1",  // twice
      "silos, 2",
      "11", "10",  // nps
      "abc", "3,5", "60", "12",  // number: not a number, not whole, out of range
      "Ligne 1", "Ligne 2 é👍", ".",  // long text
      "peut-être", "oui",  // boolean
      "pas-une-adresse", "", "a@example.org",  // email: invalid, required
    ]
    let result = try runBilan(
      ["ask", Fixture.everyType, "--store", store], input: lines.joined(separator: "\n") + "\n")
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    for expected in [
      "« 7 » n’est pas une des réponses : donnez un numéro de 1 à 4 ou un code.",
      "! Précisez…",
      "« 9 » n’est pas une des réponses",
      "! Réponse obligatoire.",
      "Donnez une valeur entière de 1 à 5, ou na.",
      "« 1 » est donné deux fois.",
      "Ce n’est pas un nombre.",
      "Un nombre entier est attendu.",
      "Répondez par oui ou non (ou 1, 2).",
      "Question 4 sur 12 · Profil",
      "Question 5 sur 12 · Les outils · Plan de coopération (1/2)",
      "Valeur ajoutée de « Plan de coopération » ?",
      "Merci ! Vos réponses sont enregistrées.",
    ] {
      #expect(out.contains(expected), "missing: \(expected)")
    }
    // Eighteen wrong answers, each refused with its reason (the rules' own
    // messages for exclusive codes, max, length, ranking, range and email).
    #expect(out.components(separatedBy: "> ! ").count - 1 == 18, "\(out)")

    let responses = try storedResponses(store)
    let response = try #require(responses.first)
    #expect(responses.count == 1)
    #expect(response.status == .complete)
    #expect(response.language == "fr")
    #expect(
      response.answers == [
        "role": .code("other"), "role.other": .text("Consultante"),
        "appui": .codes(["journee", "outils"]),
        "satisfaction": .integer(2), "pourquoi": .text("Trop long"),
        "valeur.plan": .notApplicable, "valeur.convention": .integer(5),
        "parties.decryptage": .integer(3), "parties.projection": .notApplicable,
        "freins": .codes(["silos", "budget"]),
        "recommandation": .integer(10), "participants": .integer(12),
        "commentaires": .text("Ligne 1\nLigne 2 é👍"), "suivi": .boolean(true),
      ])
    #expect(response.contacts == ["email": "a@example.org"])
  }

  /// A condition hides a question; going back to change the answer it
  /// depends on removes the answer of the hidden question at submission.
  @Test func goingBackChangesTheFlowAndHiddenAnswersAreDropped() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let lines = [
      "1", "", "1", "Mal organisé",  // role, skip appui, low satisfaction, why
      "<", "<",  // back to satisfaction
      "5",  // now high: the follow-up is hidden
      "4", "4", "", "", "", "", "", "", "non",
    ]
    let result = try runBilan(
      ["ask", Fixture.everyType, "--store", store], input: lines.joined(separator: "\n") + "\n")
    #expect(result.status == 0, "\(result.stderr)")
    // With the follow-up the flow had 12 questions; after the change, 11 again.
    #expect(result.stdout.contains("Question 5 sur 12 · Les outils"))
    #expect(result.stdout.contains("Question 4 sur 11 · Les outils"))
    let response = try #require(try storedResponses(store).first)
    #expect(response.status == .complete)
    #expect(response.answers["pourquoi"] == nil)
    #expect(response.answers["satisfaction"] == .integer(5))
    #expect(response.answers["suivi"] == .boolean(false))
    #expect(response.answers["appui"] == nil)
    #expect(response.contacts.isEmpty)
  }

  /// End of input before the end: the answers so far stay as a partial response, exit 1.
  @Test func endOfInputKeepsAPartialResponse() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let result = try runBilan(["ask", Fixture.everyType, "--store", store], input: "2\n?\n3\n")
    #expect(result.status == 1)
    #expect(result.stdout.contains("Fin de l’entrée : vos réponses sont gardées comme réponse partielle."))
    // `?` printed the help for the multiple question.
    #expect(result.stdout.contains("< : revenir à la question précédente"))
    let response = try #require(try storedResponses(store).first)
    #expect(response.status == .partial)
    #expect(response.answers == ["role": .code("agent"), "appui": .codes(["reseau"])])
  }

  @Test func englishWordsWithLangEn() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let result = try runBilan(
      ["ask", Fixture.everyType, "--store", directory.path("s.sqlite"), "--lang", "en"], input: "x\n")
    #expect(result.status == 1)
    #expect(result.stdout.contains("Question 1 of 11 · Profile"))
    #expect(result.stdout.contains("Your role? (required)"))
    #expect(result.stdout.contains("“x” is not one of the options: give a number from 1 to 4 or a code."))
  }

  @Test func participantTextIsShownWithoutItsEscapes() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = directory.path("s.sqlite")
    // An "other" text with a clear-screen sequence is stored as given.
    let result = try runBilan(["ask", Fixture.everyType, "--store", store], input: "4\nx\u{1B}[2Jy\n")
    #expect(result.status == 1)
    #expect(!result.stdout.contains("\u{1B}"))
    let response = try #require(try storedResponses(store).first)
    #expect(response.answers["role.other"] == .text("x\u{1B}[2Jy"))
  }
}

/// `--answers FILE`: a whole response without prompts, every rule enforced.
@Suite struct ScriptedAnswersTests {
  @Test func validJSONIsStoredComplete() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = directory.path("s.sqlite")
    let file = directory.path("a.json")
    try
      #"{"role":"elu","satisfaction":4,"valeur.plan":null,"freins":["temps","budget"],"suivi":true,"email":"x@example.org","participants":3}"#
      .write(toFile: file, atomically: true, encoding: .utf8)
    let result = try runBilan(["ask", Fixture.everyType, "--store", store, "--answers", file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let response = try #require(try storedResponses(store).first)
    #expect(response.status == .complete)
    #expect(response.answers["valeur.plan"] == .notApplicable)
    #expect(response.answers["freins"] == .codes(["temps", "budget"]))
    #expect(response.contacts == ["email": "x@example.org"])
  }

  @Test func yamlWorksToo() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = directory.path("s.sqlite")
    let file = directory.path("a.yaml")
    try "role: agent\nsatisfaction: 5\nappui: [aucun]\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    let result = try runBilan(["ask", Fixture.everyType, "--store", store, "--answers", file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try storedResponses(store).first?.answers["appui"] == .codes(["aucun"]))
  }

  @Test(arguments: [
    (#"{"satisfaction":4}"#, "role"),  // required missing
    (#"{"role":"elu","satisfaction":9}"#, "satisfaction"),  // out of scale
    (#"{"role":"elu","satisfaction":4,"pourquoi":"hidden"}"#, "pourquoi"),  // hidden by its condition
    (#"{"role":"elu","satisfaction":4,"inconnu":1}"#, "inconnu"),  // unknown key
    (#"{"role":"elu","satisfaction":"4"}"#, "satisfaction"),  // wrong type
    (#"{"role":"elu","satisfaction":4,"suivi":true}"#, "email"),  // required once shown
    (#"[1,2]"#, "not a map"),
  ])
  func invalidAnswersStoreNothing(json: String, named: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = directory.path("s.sqlite")
    let file = directory.path("a.json")
    try json.write(toFile: file, atomically: true, encoding: .utf8)
    let result = try runBilan(["ask", Fixture.everyType, "--store", store, "--answers", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains(named), "\(result.stderr)")
    #expect(result.stderr.contains(file))
    #expect(try storedResponses(store).isEmpty)
  }

  /// Each refused answer is one line `FILE: KEY: message`, the key once (it was printed twice).
  @Test func invalidAnswersAreListedOneLineEach() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = directory.path("bad.json")
    try #"{"role":"pirate","satisfaction":9}"#.write(toFile: file, atomically: true, encoding: .utf8)
    let result = try runBilan([
      "ask", Fixture.everyType, "--store", directory.path("s.sqlite"), "--answers", file,
    ])
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(result.stderr)")
    #expect(lines.first?.hasPrefix("\(file): error: role: unknown code 'pirate'; expected one of: ") == true)
    #expect(lines.last == "\(file): error: satisfaction: 9 is not between 1 and 5")
  }

  @Test func usageErrors() throws {
    let result = try runBilan(["ask", Fixture.everyType, "--lang", "de"])
    #expect(result.status == 2)
    let missing = try runBilan(["ask", "/nonexistent/survey.yaml", "--plain"])
    #expect(missing.status == 1)
  }
}
