import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// A whole response to `every-type.yaml` typed into the built `bilan ask` on
/// a pseudo-terminal, at 80×24 and 40×15, in French and in English: every
/// screen a participant meets (each question type, the intros, the review)
/// is compared with `Snapshots/response-COLSxROWS-LANG.txt`. Re-record on
/// purpose only: `RECORD_SNAPSHOTS=1 swift test --filter ScriptedResponseTests`.
@Suite struct ScriptedResponseTests {
  /// Keys typed, then a text the screen shows once they are handled (French, English).
  struct Step {
    var name: String
    var keys: [String]
    var fr: String
    var en: String
    /// Whether the screen is recorded in the snapshot.
    var recorded = true
  }

  static let steps: [Step] = [
    Step(name: "welcome", keys: [], fr: "Entrée commencer", en: "Enter start"),
    Step(name: "single, fresh", keys: [Keys.enter], fr: "Votre rôle ?", en: "Your role?"),
    Step(
      name: "single, Enter with nothing chosen", keys: [Keys.enter], fr: "Choisissez une réponse",
      en: "Choose an answer"),
    Step(name: "help", keys: ["?"], fr: "Aide", en: "Help"),
    Step(
      name: "single, other", keys: [Keys.escape, "4", Keys.paste("Consultante")],
      fr: "Précisez : Consultante", en: "Please specify: Consultante"),
    Step(name: "multiple", keys: [Keys.enter, "1", "2"], fr: "2 cochés", en: "2 ticked"),
    Step(name: "scale, highlighted", keys: [Keys.enter, Keys.right, Keys.right], fr: "[○]", en: "[○]"),
    Step(
      name: "text", keys: [Keys.enter, Keys.paste("Trop long")], fr: "9 / 20 caractères",
      en: "9 / 20 characters"),
    Step(name: "loop intro", keys: [Keys.enter], fr: "(maintenant)", en: "(now)"),
    Step(name: "scale, not applicable offered", keys: [Keys.enter], fr: "Sans avis", en: "No opinion"),
    Step(
      name: "loop intro, second pass", keys: ["n"], fr: "✓ 1 Plan de coopération", en: "✓ 1 Cooperation plan"),
    Step(
      name: "scale, erase question", keys: [Keys.enter, "5", Keys.shiftTab, Keys.escape],
      fr: "Effacer votre réponse",
      en: "Erase your answer"),
    Step(name: "section intro", keys: ["n", "5"], fr: "Pour finir", en: "To finish"),
    Step(name: "grid", keys: [Keys.enter, "4"], fr: "Utilité des temps", en: "Usefulness of each part"),
    Step(name: "ranking", keys: ["n", "4", "2"], fr: "[2] 2 Le budget", en: "[2] 2 Budget"),
    Step(
      name: "0–10, waiting for a second digit", keys: [Keys.enter, "1"], fr: "1… 0 pour 10", en: "1… 0 for 10"
    ),
    Step(name: "number", keys: ["0", "1", "2"], fr: "│ 12", en: "│ 12"),
    Step(
      name: "long text", keys: [Keys.enter, Keys.paste("Ligne 1\nLigne 2 é👍")], fr: "Ligne 2 é👍",
      en: "Ligne 2 é👍"),
    Step(
      name: "boolean", keys: [Keys.tab], fr: "Pouvons-nous vous recontacter ?",
      en: "May we contact you again?"),
    Step(
      name: "email", keys: ["1", Keys.paste("a@example.org")], fr: "│ a@example.org", en: "│ a@example.org"),
    Step(name: "review", keys: [Keys.enter, "\u{1B}[H"], fr: "Avant d’envoyer", en: "Before sending"),
    Step(name: "review, send", keys: ["\u{1B}[F"], fr: "▶ Envoyer mes réponses", en: "▶ Send my answers"),
  ]

  @Test(arguments: [(80, 24, "fr"), (80, 24, "en"), (40, 15, "fr"), (40, 15, "en")])
  func fullResponse(columns: Int, rows: Int, language: String) throws {
    let directory = try TemporaryDirectory("bilan-scripted")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let terminal = try PseudoTerminal(
      ["ask", Fixture.everyType, "--store", store, "--lang", language], columns: columns, rows: rows)
    var output: [String] = []
    for step in Self.steps {
      for key in step.keys { try terminal.press(key) }
      let marker = language == "fr" ? step.fr : step.en
      try terminal.waitFor(marker, timeout: 5)
      let screen = terminal.settle()
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count == rows, "\(step.name): \(lines.count) rows")
      if step.recorded { output.append("=== \(step.name) (\(columns)×\(rows), \(language))\n" + screen) }
    }
    // Send, and the store holds what was typed: nothing else.
    try terminal.press(language == "fr" ? "e" : "s")
    try terminal.waitFor(language == "fr" ? "Merci !" : "Thank you!")
    output.append("=== thanks (\(columns)×\(rows), \(language))\n" + terminal.settle())
    try terminal.press(Keys.enter)
    #expect(try terminal.exitStatus() == 0)
    let response = try #require(try storedResponses(store).first)
    #expect(response.status == .complete)
    #expect(response.language == language)
    #expect(
      response.answers == [
        "role": .code("other"), "role.other": .text("Consultante"), "appui": .codes(["journee", "outils"]),
        "satisfaction": .integer(2), "pourquoi": .text("Trop long"), "valeur.plan": .notApplicable,
        "valeur.convention": .integer(5), "parties.decryptage": .integer(4),
        "parties.projection": .notApplicable,
        "freins": .codes(["silos", "budget"]), "recommandation": .integer(10), "participants": .integer(12),
        "commentaires": .text("Ligne 1\nLigne 2 é👍"), "suivi": .boolean(true),
      ])
    #expect(response.contacts == ["email": "a@example.org"])
    try assertSnapshot(
      output.joined(separator: "\n") + "\n", named: "response-\(columns)x\(rows)-\(language)")
  }
}
