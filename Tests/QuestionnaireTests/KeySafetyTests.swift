import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// The questionnaire never records an answer the participant did not give,
/// and a kiosk never lets a participant out: the built `bilan ask` on a real
/// pseudo-terminal (issue #22's four cases).
@Suite struct KeySafetyTests {
  /// One kiosk screen: how to reach it from the welcome screen, and a text
  /// only it shows.
  struct KioskScreen: CustomStringConvertible {
    var name: String
    var keys: String
    var marker: String
    /// Keys that open it again from where most keys leave it (an overlay
    /// closed by any key), tried before going the whole way from the welcome.
    var again: String? = nil
    var description: String { name }
  }

  /// Esc, then Ctrl-L (repaint): the Esc is read at once, without the wait
  /// that tells a lone Esc from the start of an escape sequence.
  static let escape = Keys.escape + "\u{0C}"

  /// From the loop's intro to the review (`Keys.passToReview`, with the quick Esc).
  static let toReview = Keys.passToReview.map { $0 == Keys.escape ? escape : $0 }.joined()

  /// Back to the welcome screen from any screen: Ctrl-C asks (or closes an
  /// overlay), O abandons; twice, so that it holds from an overlay too.
  static let toWelcome = Keys.ctrlC + "o" + Keys.ctrlC + "o"

  static let kioskScreens: [KioskScreen] = [
    KioskScreen(name: "welcome", keys: "", marker: "Entrée commencer"),
    KioskScreen(name: "help", keys: "?", marker: "Une touche pour revenir", again: "?"),
    KioskScreen(
      name: "quit question", keys: Keys.ctrlC, marker: "Abandonner ce questionnaire", again: Keys.ctrlC),
    KioskScreen(name: "single choice", keys: Keys.enter, marker: "Votre rôle ?"),
    KioskScreen(name: "multiple choice", keys: Keys.enter + "1", marker: "Quels appuis ?"),
    KioskScreen(name: "scale", keys: Keys.enter + "1" + escape, marker: "Satisfait de la journée ?"),
    KioskScreen(name: "text", keys: Keys.enter + "1" + escape + "2", marker: "Pourquoi si peu ?"),
    KioskScreen(
      name: "erase question", keys: Keys.enter + "1" + Keys.shiftTab + escape,
      marker: "Effacer votre réponse", again: escape),
    KioskScreen(
      name: "loop intro", keys: Keys.enter + "1" + escape + "4", marker: "Plan de coopération (maintenant)"),
    KioskScreen(name: "review", keys: Keys.enter + "1" + escape + "4" + toReview, marker: "Avant d’envoyer"),
    KioskScreen(name: "thanks", keys: Keys.enter + "1" + escape + "4" + toReview + "e", marker: "Merci !"),
  ]

  /// Every printable ASCII key, a few accented letters, and the control keys
  /// that stop or end programs on a cooked terminal.
  static let everyKey: [String] =
    (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) } + ["é", "à", "ç"]
    + [Keys.ctrlC, Keys.ctrlD, Keys.ctrlZ, Keys.ctrlBackslash]

  /// Issue #22, case 1: a lowercase `q` on the kiosk's welcome screen left
  /// kiosk mode (exit 130) and gave the next person the shell.
  @Test func noKeyLeavesKioskMode() throws {
    let directory = try TemporaryDirectory("bilan-kiosk-keys")
    defer { directory.remove() }
    let terminal = try PseudoTerminal(
      ["ask", Fixture.everyType, "--store", directory.path("store.sqlite"), "--kiosk"])
    try terminal.waitFor("Entrée commencer")
    // Keys are read in order: a key typed after these reaches the screen.
    func reach(_ screen: KioskScreen) throws {
      if let again = screen.again {
        terminal.typeAndSettle(again, timeout: 0.2)
        if terminal.text.contains(screen.marker) { return }
      }
      terminal.type(Self.toWelcome + screen.keys)
      try terminal.waitUntil(timeout: 5, poll: 0.001) { $0.contains(screen.marker) }
    }
    for screen in Self.kioskScreens {
      try reach(screen)
      for key in Self.everyKey {
        if !terminal.text.contains(screen.marker) { try reach(screen) }
        terminal.typeAndSettle(key)
        let stillKiosk = terminal.process.isRunning && terminal.screen.alternateScreen
        try #require(stillKiosk, "\(key.debugDescription) on the \(screen) screen left kiosk mode")
      }
    }
    // Still the kiosk: only the facilitator's sequence ends it.
    terminal.type(Self.toWelcome)
    try terminal.waitFor("Entrée commencer")
    terminal.type(Keys.ctrlX + "quitter" + Keys.enter)
    #expect(try terminal.exitStatus() == 0)
  }

  func start(_ directory: TemporaryDirectory, language: String = "fr") throws -> PseudoTerminal {
    try PseudoTerminal(
      ["ask", Fixture.everyType, "--store", directory.path("store.sqlite"), "--lang", language])
  }

  /// From the welcome screen to the 0–10 question: role, nothing, 4, then
  /// the loop, the grid and the ranking passed.
  func goToRecommendation(_ terminal: PseudoTerminal) throws {
    try terminal.waitFor("Entrée commencer")
    try terminal.press(Keys.enter, "1", Keys.escape, "4")
    for key in Keys.passToReview.prefix(7) { try terminal.press(key) }
    try terminal.waitFor("Recommanderiez-vous la journée ?")
  }

  /// Issue #22, case 2: `1` `0` on the 0–10 question recorded 1, and the 0
  /// landed in the next question's text box.
  @Test func oneThenZeroIsTen() throws {
    let directory = try TemporaryDirectory("bilan-ten")
    defer { directory.remove() }
    let terminal = try start(directory)
    try goToRecommendation(terminal)
    terminal.type("1")
    try terminal.waitFor("1… 0 pour 10, ou Entrée pour 1")  // the 1 waits for a second digit
    #expect(try storedResponses(directory.path("store.sqlite")).first?.answers["recommandation"] == nil)
    terminal.type("0")
    let next = try terminal.waitFor("Combien de collègues ?")
    #expect(next.contains("✓ Question 8 : 10 — Très probable"))
    #expect(next.split(separator: "\n").contains("  │"), "the next text box is empty:\n\(next)")
    let answers = try #require(try storedResponses(directory.path("store.sqlite")).first).answers
    #expect(answers["recommandation"] == .integer(10))
    #expect(answers["participants"] == nil)

    // Back: 1 alone is taken after the wait, and Enter takes it at once.
    try terminal.press(Keys.shiftTab)
    try terminal.waitFor("Recommanderiez-vous la journée ?")
    terminal.type("1")
    try terminal.waitFor("Combien de collègues ?", timeout: 3)
    #expect(terminal.text.contains("✓ Question 8 : 1"))
    try terminal.press(Keys.shiftTab)
    try terminal.press("1", Keys.enter)
    try terminal.waitFor("Combien de collègues ?")
    #expect(
      try storedResponses(directory.path("store.sqlite")).first?.answers["recommandation"] == .integer(1))
    // D still types 10, at once.
    try terminal.press(Keys.shiftTab, "d")
    try terminal.waitFor("✓ Question 8 : 10 — Très probable")
    #expect(
      try storedResponses(directory.path("store.sqlite")).first?.answers["recommandation"] == .integer(10))
    terminal.type(Keys.ctrlC + "o")
    #expect(try terminal.exitStatus() == 130)
  }

  /// Issue #22, case 3: Enter on a fresh question recorded the highlighted
  /// first option ("Très insatisfait(e)").
  @Test func enterOnAFreshQuestionRecordsNothing() throws {
    let directory = try TemporaryDirectory("bilan-enter")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let terminal = try start(directory)
    try terminal.waitFor("Entrée commencer")
    try terminal.press(Keys.enter)
    let fresh = try terminal.waitFor("Votre rôle ?")
    #expect(!fresh.contains("›"), "nothing is highlighted at first:\n\(fresh)")
    try terminal.press(Keys.enter)  // required: says what it needs
    try terminal.waitFor("Choisissez une réponse : cette question est obligatoire.")
    #expect(terminal.text.contains("Votre rôle ?"))
    #expect(try storedResponses(store).isEmpty)
    try terminal.press("2")  // a key that answers at once is confirmed on the next screen
    let next = try terminal.waitFor("Quels appuis ?")
    #expect(next.contains("✓ Question 1 : Agent"))
    try terminal.press(Keys.enter)  // optional, nothing ticked: passed
    let scale = try terminal.waitFor("Satisfait de la journée ?")
    #expect(scale.contains("Question 2 passée, sans réponse."))
    try terminal.press(Keys.enter)
    try terminal.waitFor("Choisissez une réponse")
    // Moving to a point and pressing Enter is a choice.
    try terminal.press(Keys.right, Keys.right, Keys.right, Keys.enter)
    try terminal.waitFor("✓ Question 3 : 3")
    let answers = try #require(try storedResponses(store).first).answers
    #expect(answers == ["role": .code("agent"), "satisfaction": .integer(3)])
    terminal.type(Keys.ctrlC + "o")
    #expect(try terminal.exitStatus() == 130)
  }

  /// Issue #22, case 4: Esc on an answered question deleted the stored
  /// answer without asking.
  @Test func escapeAsksBeforeErasing() throws {
    let directory = try TemporaryDirectory("bilan-escape")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let terminal = try start(directory)
    try terminal.waitFor("Entrée commencer")
    try terminal.press(Keys.enter, "1")
    try terminal.waitFor("Quels appuis ?")
    try terminal.press("1", "2")
    try terminal.waitFor("2 cochés")
    try terminal.press(Keys.enter)
    try terminal.waitFor("Satisfait de la journée ?")
    try terminal.press(Keys.shiftTab)
    try terminal.waitFor("Quels appuis ?")
    try terminal.press(Keys.escape)
    try terminal.waitFor("Effacer votre réponse et passer cette question ?")
    try terminal.press("n")  // kept
    try terminal.waitUntil { !$0.contains("Effacer votre réponse") }
    #expect(terminal.text.contains("Quels appuis ?"))
    #expect(try storedResponses(store).first?.answers["appui"] == .codes(["journee", "outils"]))
    try terminal.press(Keys.escape, "o")  // erased, and passed
    try terminal.waitFor("Satisfait de la journée ?")
    #expect(terminal.text.contains("Réponse à la question 2 effacée."))
    #expect(try storedResponses(store).first?.answers["appui"] == nil)
    // Typed text is asked about too, and a required answer stays on screen once erased.
    try terminal.press("2")
    try terminal.waitFor("Pourquoi si peu ?")
    try terminal.press("T", "r", "o", "p", Keys.escape)
    try terminal.waitFor("Effacer votre réponse et passer cette question ?")
    try terminal.press(Keys.escape)  // Esc again keeps it
    try terminal.waitFor("│ Trop")
    try terminal.press(Keys.shiftTab)
    try terminal.waitFor("Satisfait de la journée ?")
    try terminal.press(Keys.escape)
    try terminal.waitFor("Effacer votre réponse à cette question ?")
    try terminal.press("o")
    try terminal.waitFor("Réponse à la question 3 effacée.")
    #expect(terminal.text.contains("Satisfait de la journée ?"))
    #expect(try storedResponses(store).first?.answers["satisfaction"] == nil)
    terminal.type(Keys.ctrlC + "o")
    #expect(try terminal.exitStatus() == 130)
  }
}
