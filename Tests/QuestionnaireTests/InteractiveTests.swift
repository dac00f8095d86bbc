import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// The built `bilan ask` on a real pseudo-terminal, read back through a VT100
/// screen emulator: what a participant sees, and what the store keeps.
@Suite(.serialized) struct InteractiveTests {
  let directory: TemporaryDirectory
  let store: String

  init() throws {
    directory = try TemporaryDirectory("bilan-ask")
    store = directory.path("store.sqlite")
  }

  func start(
    _ extra: [String] = [], columns: Int = 80, rows: Int = 24, environment: [String: String] = [:]
  ) throws
    -> PseudoTerminal
  {
    try PseudoTerminal(
      ["ask", Fixture.everyType, "--store", store] + extra, columns: columns, rows: rows,
      environment: environment)
  }

  @Test func answersEveryTypeThenReviewsAndSends() throws {
    defer { directory.remove() }
    let terminal = try start()
    try terminal.waitFor("Entrée commencer")
    #expect(terminal.text.contains("Essai de tous les types"))
    #expect(terminal.text.contains("Atelier d'essai · Pélussin (42) · jeudi 5 mars 2015 · Cap Rural"))
    #expect(terminal.text.contains("Vos réponses sont anonymes."))
    try terminal.press(Keys.enter)
    try terminal.waitFor("Question 1 sur 11")
    try terminal.press("4")  // "other": a text field opens
    try terminal.waitFor("Précisez :")
    try terminal.press(Keys.paste("Consultante"), Keys.enter)
    try terminal.waitFor("Quels appuis ?")
    try terminal.press("1", "2")
    try terminal.waitFor("2 cochés")
    try terminal.press(Keys.enter)
    try terminal.waitFor("Satisfait de la journée ?")
    try terminal.press("2")  // a low score opens the follow-up: 12 questions now
    try terminal.waitFor("Question 4 sur 12")
    #expect(terminal.text.contains("Pourquoi si peu ?"))
    try terminal.press("T", "r", "o", "p", " ", "l", "o", "n", "g")
    try terminal.waitFor("9 / 20 caractères")
    try terminal.press(Keys.enter)
    // Each pass through the loop opens with the items, the current one marked.
    let loop = try terminal.waitFor("Ces questions reviennent pour chacun des 2 sujets ci-dessous")
    #expect(loop.contains("› 1 Plan de coopération (maintenant)"))
    try terminal.press(Keys.enter)
    try terminal.waitFor("Les outils · Plan de coopération (1/2)")
    try terminal.press("n")  // not applicable
    try terminal.waitFor("✓ 1 Plan de coopération")
    try terminal.press(Keys.enter)
    try terminal.waitFor("Les outils · Convention (2/2)")
    try terminal.press("5")
    try terminal.waitFor("Pour finir, ce que vous retenez et la suite.")  // the section's intro
    try terminal.press(Keys.enter)
    try terminal.waitFor("Utilité des temps")
    try terminal.press("4", "5")  // the last row rated: the grid is done
    try terminal.waitFor("Classez les freins")
    try terminal.press("4", "2")
    try terminal.waitFor("[1] 4 Les silos")
    try terminal.press(Keys.enter)
    try terminal.waitFor("Recommanderiez-vous")
    #expect(terminal.text.contains("D = 10"))  // the footer says how 10 is typed
    try terminal.press("d")
    try terminal.waitFor("Combien de collègues ?")
    try terminal.press("1", "2", Keys.enter)
    try terminal.waitFor("Commentaires")
    try terminal.press(Keys.paste("Ligne 1"), Keys.enter, Keys.paste("Ligne 2 é👍"))
    try terminal.waitFor("│ Ligne 2 é👍")
    try terminal.press(Keys.tab)
    try terminal.waitFor("Pouvons-nous vous recontacter ?")
    try terminal.press("1")
    try terminal.waitFor("Votre adresse")
    try terminal.press(Keys.paste("pas-une-adresse"), Keys.enter)
    try terminal.waitFor("Saisissez une adresse électronique valide")
    try terminal.press(Keys.paste("\u{7F}"))
    for _ in 0..<16 { terminal.type("\u{7F}") }
    try terminal.press(Keys.paste("a@example.org"), Keys.enter)
    let review = try terminal.waitFor("Avant d’envoyer : vos réponses")
    #expect(review.contains("Autre : Consultante"))
    #expect(review.contains("Une autre journée, Des fiches outils"))
    #expect(review.contains("Décryptage 4 · Projection 5"))
    #expect(review.contains("1. Les silos, 2. Le budget"))
    #expect(review.contains("Ligne 1 Ligne 2 é👍"))
    try terminal.press("e")
    try terminal.waitFor("Merci ! Vos réponses sont enregistrées.")
    try terminal.press(Keys.enter)
    #expect(try terminal.exitStatus() == 0)

    let response = try #require(try storedResponses(store).first)
    #expect(response.status == .complete)
    #expect(
      response.answers == [
        "role": .code("other"), "role.other": .text("Consultante"), "appui": .codes(["journee", "outils"]),
        "satisfaction": .integer(2), "pourquoi": .text("Trop long"), "valeur.plan": .notApplicable,
        "valeur.convention": .integer(5), "parties.decryptage": .integer(4),
        "parties.projection": .integer(5),
        "freins": .codes(["silos", "budget"]), "recommandation": .integer(10), "participants": .integer(12),
        "commentaires": .text("Ligne 1\nLigne 2 é👍"), "suivi": .boolean(true),
      ])
    #expect(response.contacts == ["email": "a@example.org"])
  }

  @Test func goingBackChangesAnAnswerAndAConditionHidesAQuestion() throws {
    defer { directory.remove() }
    let terminal = try start()
    try terminal.waitFor("Entrée commencer")
    try terminal.press(Keys.enter, "1", Keys.escape)  // role, appui skipped explicitly
    try terminal.waitFor("Satisfait de la journée ?")
    try terminal.press("2")
    try terminal.waitFor("Pourquoi si peu ?")
    // Every answer is stored the moment it is confirmed.
    #expect(try storedResponses(store).first?.answers["satisfaction"] == .integer(2))
    try terminal.press(Keys.shiftTab)  // back, from a text field
    try terminal.waitFor("Question 3 sur 12")
    #expect(terminal.text.contains("[●]"))  // the previous answer is shown
    try terminal.press("5")
    try terminal.waitFor("Plan de coopération (maintenant)")
    try terminal.press(Keys.enter)
    let next = try terminal.waitFor("Question 4 sur 11")
    #expect(!next.contains("Pourquoi"))  // hidden now
    #expect(next.contains("Plan de coopération (1/2)"))
    // On a scale drawn across, ← moves the selection; Shift-Tab goes back and keeps the answer.
    try terminal.press(Keys.left)
    try terminal.waitFor("[○]")
    #expect(try storedResponses(store).first?.answers["valeur.plan"] == nil)
    try terminal.press(Keys.shiftTab)  // back to the loop's intro, then to the question before
    try terminal.waitFor("Plan de coopération (maintenant)")
    try terminal.press(Keys.shiftTab)
    try terminal.waitFor("Question 3 sur 11")
    try terminal.press(Keys.enter)
    try terminal.waitFor("Plan de coopération (maintenant)")
    for key in Keys.passToReview { try terminal.press(key) }
    try terminal.waitFor("Avant d’envoyer")
    try terminal.press(Keys.up, Keys.up, "\u{1B}[H")  // Home: the first answer
    try terminal.waitFor("›  1")
    try terminal.press(Keys.enter)
    try terminal.waitFor("Votre rôle ?")
    try terminal.press("2")  // changed, straight back to the review
    let review = try terminal.waitFor("Avant d’envoyer")
    #expect(review.contains("Agent"))
    try terminal.press("e")
    try terminal.waitFor("Merci")
    try terminal.press(Keys.enter)
    #expect(try terminal.exitStatus() == 0)
    let response = try #require(try storedResponses(store).first)
    #expect(response.status == .complete)
    #expect(response.answers == ["role": .code("agent"), "satisfaction": .integer(5)])
  }

  @Test func repaintsAtTheNewSizeOnResize() throws {
    defer { directory.remove() }
    let terminal = try start()
    try terminal.waitFor("Entrée commencer")
    try terminal.press(Keys.enter)
    try terminal.waitFor("▰▱▱▱▱▱▱▱▱▱ 1/11")
    terminal.resize(columns: 40, rows: 20)
    let narrow = try terminal.waitFor("▱▱▱▱▱ 1/11")
    #expect(narrow.split(separator: "\n").count <= 20)
    #expect(narrow.contains("1–4 répondre · ↑↓ choisir"))
    terminal.resize(columns: 120, rows: 30)
    let wide = try terminal.waitFor("▰▱▱▱▱▱▱▱▱▱ 1/11")
    #expect(wide.contains("1–4 répondre · ↑↓ choisir · Entrée valider · ← retour · ? aide"))
    terminal.type(Keys.ctrlC)
    try terminal.waitFor("Quitter ?")
    terminal.type("o")
    #expect(try terminal.exitStatus() == 130)
  }

  @Test func ctrlCThenResume() throws {
    defer { directory.remove() }
    let first = try start()
    try first.waitFor("Entrée commencer")
    try first.press(Keys.enter, "3")
    try first.waitFor("Quels appuis ?")
    try first.press(Keys.ctrlC)
    try first.waitFor("Quitter ? Vos réponses sont enregistrées.")
    try first.press("n")  // go on
    try first.waitFor("Quels appuis ?")
    try first.press(Keys.ctrlC, "o")
    #expect(try first.exitStatus() == 130)
    #expect(!first.screen.alternateScreen)  // the terminal was given back
    let partial = try #require(try storedResponses(store).first)
    #expect(partial.status == .partial)
    #expect(partial.answers == ["role": .code("autre")])

    let second = try start()
    try second.waitFor("n’a pas été envoyé")
    #expect(second.text.contains("Vous aviez répondu à 1 question sur 11."))
    try second.press("r")
    try second.waitFor("Question 2 sur 11")  // where it stopped
    try second.press(Keys.left)
    try second.waitFor("Votre rôle ?")
    #expect(second.text.contains("● 3 Autre"))
    try second.press(Keys.ctrlC, "o")
    #expect(try second.exitStatus() == 130)
    #expect(try storedResponses(store).count == 1)  // resumed, not duplicated
  }

  @Test func kioskWithTwoParticipantsAndTheFacilitatorExit() throws {
    defer { directory.remove() }
    let terminal = try start(["--kiosk"])
    try terminal.waitFor("Aucune réponse reçue sur ce poste")
    #expect(!terminal.text.contains("Q quitter"))
    for participant in 1...2 {
      try terminal.press(Keys.enter, "\(participant)", Keys.escape, "4")
      try terminal.waitFor("Plan de coopération (maintenant)")
      for key in Keys.passToReview { try terminal.press(key) }
      try terminal.waitFor("Avant d’envoyer")
      try terminal.press("e")
      try terminal.waitFor("Merci")
      try terminal.press(Keys.enter)
      let welcome = try terminal.waitFor(
        participant == 1 ? "1 réponse reçue sur ce poste" : "2 réponses reçues sur ce poste")
      #expect(!welcome.contains("Merci"))
      #expect(terminal.screen.scrollbackClears >= participant)  // screen and scrollback wiped
    }
    // Ctrl-C does not leave kiosk mode: it only abandons the current questionnaire.
    try terminal.press(Keys.enter, "1", Keys.ctrlC)
    try terminal.waitFor("Abandonner ce questionnaire ?")
    try terminal.press("o")
    try terminal.waitFor("2 réponses reçues sur ce poste")
    // The facilitator's sequence: Ctrl-X, then "quitter", then Enter.
    terminal.type(Keys.ctrlX + "quitter" + Keys.enter)
    #expect(try terminal.exitStatus() == 0)
    let responses = try storedResponses(store)
    #expect(
      responses.filter { $0.status == .complete }.map { $0.answers["role"] } == [
        .code("elu"), .code("agent"),
      ])
    #expect(responses.filter { $0.status == .partial }.count == 1)
  }

  @Test func kioskIdleTimeoutKeepsAPartialAndReturnsToTheWelcome() throws {
    defer { directory.remove() }
    let terminal = try start(["--kiosk", "--idle-timeout", "1"])
    try terminal.waitFor("Aucune réponse reçue")
    try terminal.press(Keys.enter, "2")
    try terminal.waitFor("Quels appuis ?")
    try terminal.waitFor("Aucune réponse reçue", timeout: 5)
    let responses = try storedResponses(store)
    #expect(responses.count == 1)
    #expect(responses.first?.status == .partial)
    #expect(responses.first?.answers == ["role": .code("agent")])
    terminal.type(Keys.ctrlX + "quit" + Keys.enter)
    #expect(try terminal.exitStatus() == 0)
  }

  /// Half-way to a short timeout (30 s before a real one) the screen warns;
  /// a key cancels the warning and does nothing else.
  @Test func idleWarningIsCancelledByAKey() throws {
    defer { directory.remove() }
    let terminal = try start(["--idle-timeout", "2"])
    try terminal.waitFor("Entrée commencer")
    try terminal.press(Keys.enter, "1")
    try terminal.waitFor("Quels appuis ?")
    try terminal.waitFor("Toujours là ?", timeout: 3)
    #expect(terminal.text.contains("vos réponses sont gardées"))
    terminal.type("1")  // only cancels the warning: nothing is ticked
    let back = try terminal.waitFor("Quels appuis ?")
    #expect(back.contains("0 coché"))
    try terminal.waitFor("Toujours là ?", timeout: 3)
    #expect(try terminal.exitStatus(timeout: 4) == 124)
    #expect(try storedResponses(store).first?.answers == ["role": .code("elu")])
  }

  /// Changing the follow-up answer to "no" deletes the email at once, before
  /// the response is sent (it used to stay until the submission).
  @Test func aWithdrawnEmailIsDeletedAtOnce() throws {
    defer { directory.remove() }
    let terminal = try start()
    try terminal.waitFor("Entrée commencer")
    try terminal.press(Keys.enter, "1", Keys.escape, "4")
    for key in Keys.passToReview.dropLast() { try terminal.press(key) }
    try terminal.waitFor("Pouvons-nous vous recontacter ?")
    try terminal.press("1")
    try terminal.waitFor("Votre adresse")
    try terminal.press(Keys.paste("a@example.org"), Keys.enter)
    try terminal.waitFor("Avant d’envoyer")
    #expect(try storedResponses(store).first?.contacts == ["email": "a@example.org"])
    try terminal.press(Keys.up, Keys.up, Keys.enter)
    try terminal.waitFor("Pouvons-nous vous recontacter ?")
    try terminal.press("2")
    let review = try terminal.waitFor("Avant d’envoyer")
    #expect(!review.contains("a@example.org"))
    let partial = try #require(try storedResponses(store).first)
    #expect(partial.status == .partial)
    #expect(partial.contacts.isEmpty, "deleted before sending")
    try terminal.press("e")
    try terminal.waitFor("Merci")
    try terminal.press(Keys.enter)
    #expect(try terminal.exitStatus() == 0)
    #expect(try storedResponses(store).first?.contacts.isEmpty == true)
  }

  @Test func idleTimeoutOutsideKioskExits124() throws {
    defer { directory.remove() }
    let terminal = try start(["--idle-timeout", "1"])
    try terminal.waitFor("Entrée commencer")
    try terminal.press(Keys.enter, "1")
    #expect(try terminal.exitStatus(timeout: 6) == 124)
    #expect(try storedResponses(store).first?.status == .partial)
  }

  /// Crash signals and a lost terminal: the handler writes the saved settings back before dying.
  @Test(arguments: [SIGSEGV, SIGABRT, SIGBUS, SIGHUP])
  func signalsRestoreTheTerminal(signal: Int32) throws {
    defer { directory.remove() }
    let terminal = try start()
    try terminal.waitFor("Entrée commencer")
    #expect(terminal.screen.alternateScreen)
    #expect(!terminal.isCanonical)
    kill(terminal.process.processIdentifier, signal)
    _ = try terminal.exitStatus()
    Thread.sleep(forTimeInterval: 0.2)
    #expect(!terminal.screen.alternateScreen)
    #expect(terminal.isCanonical)  // echo and line editing back
  }

  /// Colours only when allowed; the chosen answer is marked by a symbol either way.
  @Test(arguments: [false, true])
  func coloursHonourNoColor(noColor: Bool) throws {
    defer { directory.remove() }
    let terminal = try start(environment: noColor ? ["NO_COLOR": "1"] : [:])
    try terminal.waitFor("Entrée commencer")
    try terminal.press(Keys.enter, "1")
    try terminal.waitFor("Quels appuis ?")
    try terminal.press(Keys.down, " ")
    try terminal.waitFor("☑ 1 Une autre journée")
    let colourCodes = ["\u{1B}[36m", "\u{1B}[1;32m", "\u{1B}[2m"]
    #expect(colourCodes.contains { terminal.rawOutput.contains($0) } == !noColor)
    terminal.type(Keys.ctrlC + "o")
    #expect(try terminal.exitStatus() == 130)
  }

  /// A terminal that cannot move its cursor gets the plain questionnaire.
  @Test func dumbTerminalGetsPlainMode() throws {
    defer { directory.remove() }
    let terminal = try start(environment: ["TERM": "dumb"])
    try terminal.waitFor("Question 1 sur 11 · Profil")
    #expect(!terminal.rawOutput.contains("\u{1B}"))
    terminal.type("\u{04}")  // end of input
    #expect(try terminal.exitStatus() == 1)
  }

  @Test func sigtermRestoresTheTerminal() throws {
    defer { directory.remove() }
    let terminal = try start()
    try terminal.waitFor("Entrée commencer")
    #expect(terminal.screen.alternateScreen)
    kill(terminal.process.processIdentifier, SIGTERM)
    #expect(try terminal.exitStatus() == 130)
    Thread.sleep(forTimeInterval: 0.2)
    #expect(!terminal.screen.alternateScreen)
  }
}
