import Foundation
import SurveyDefinition
import TestSupport
import Testing

@testable import Questionnaire

/// Rendered screens at 40, 80 and 120 columns against committed snapshots in
/// `Snapshots/`. Re-record on purpose only: `RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests`.
@Suite struct ScreenSnapshotTests {
  /// Every screen of the test survey, with answers typed as a participant would.
  static func screens(width: Int, height: Int) throws -> String {
    let survey = try Fixture.survey()
    var session = QuestionnaireSession(survey: survey, language: "fr")
    var output: [String] = []
    func add(_ title: String, _ screen: any Screen) {
      let frame = screen.render(width: width, height: height)
      #expect(frame.lines.count == height, "\(title): \(frame.lines.count) lines")
      for line in frame.lines { #expect(line.width <= width, "\(title): \(line.text)") }
      output.append("=== \(title) (\(width)×\(height))\n" + frame.text)
    }
    add(
      "welcome",
      WelcomeScreen(
        survey: survey, language: "fr", questionCount: session.shown.count,
        minutes: session.estimatedMinutes()))
    // Keys typed on each question before it is drawn, then confirmed with these answers.
    let script: [String: [Key]] = [
      "role": [.up, .character(" "), .paste("Consultante 日本 👍")],
      "appui": [.character("1"), .down, .character(" ")],
      "satisfaction": [.right, .right, .right],
      "pourquoi": [.paste("Trop \u{1B}[31mlong"), .left],
      "valeur.plan": [.character("n")],
      "valeur.convention": [.end],
      "parties": [.character("4")],
      "freins": [.end, .character(" "), .up, .character(" ")],
      "recommandation": [.right, .right, .right],
      "participants": [.paste("12")],
      "commentaires": [
        .paste(
          "Première ligne\ndeuxième ligne, bien plus longue que la largeur de l'écran pour voir le retour")
      ],
      "suivi": [.down, .down],
      "email": [.paste("nom@exemple.fr")],
    ]
    let answers: [String: [String: AnswerValue]] = [
      "role": ["role": .code("other"), "role.other": .text("Consultante 日本 👍")],
      "appui": ["appui": .codes(["journee", "outils"])],
      "satisfaction": ["satisfaction": .integer(2)],
      "pourquoi": ["pourquoi": .text("Trop long")],
      "valeur.plan": ["valeur.plan": .notApplicable],
      "valeur.convention": ["valeur.convention": .integer(5)],
      "parties": ["parties.decryptage": .integer(4), "parties.projection": .integer(5)],
      "freins": ["freins": .codes(["silos", "concurrence"])],
      "recommandation": ["recommandation": .integer(9)],
      "participants": ["participants": .integer(12)],
      "commentaires": ["commentaires": .text("Première ligne\ndeuxième ligne")],
      "suivi": ["suivi": .boolean(true)],
      "email": ["email": .text("nom@exemple.fr")],
    ]
    var current = session.shown.first
    while let instance = current {
      var editor = QuestionEditor(
        instance: instance, answers: session.answers, contacts: session.contacts, language: "fr")
      for key in script[instance.key] ?? [] { _ = editor.handle(key) }
      add(instance.key, QuestionScreen(editor: editor, progress: session.progress(of: instance.key)))
      let changes = try session.validate(try #require(answers[instance.key]), for: instance)
      session.apply(changes, for: instance)
      current = session.next(after: instance.key)
    }
    // A refused answer: the message above the footer.
    var refused = QuestionEditor(instance: session.shown[0], answers: [:], contacts: [:], language: "fr")
    _ = refused.handle(.escape)
    add("required", QuestionScreen(editor: refused, progress: session.progress(of: "role")))
    let entries = ReviewScreen.entries(of: session)
    add("review top", ReviewScreen(entries: entries, cursor: 0, language: "fr"))
    add("review middle", ReviewScreen(entries: entries, cursor: 8, language: "fr"))
    add("review send", ReviewScreen(entries: entries, cursor: entries.count, language: "fr"))
    return output.joined(separator: "\n") + "\n"
  }

  @Test(arguments: [40, 80, 120])
  func everyScreen(width: Int) throws {
    try assertSnapshot(try Self.screens(width: width, height: 24), named: "every-type-\(width)")
  }

  /// The reference survey's longest matrix at the narrowest width.
  @Test func referenceMatrixAtFortyColumns() throws {
    let survey = try Survey.load(path: Repository.path("Surveys/cooperation-pelussin-2015.yaml"))
    let session = QuestionnaireSession(survey: survey, language: "fr")
    let instance = try #require(session.shown.first { $0.key == "objectifs" })
    var editor = QuestionEditor(instance: instance, answers: [:], contacts: [:], language: "fr")
    _ = editor.handle(.character("4"))
    let frame = QuestionScreen(editor: editor, progress: session.progress(of: "objectifs")).render(
      width: 40, height: 24)
    for line in frame.lines { #expect(line.width <= 40) }
    try assertSnapshot(frame.text + "\n", named: "reference-matrix-40")
  }
}

/// Compares `text` with `Snapshots/NAME.txt`; records it when `RECORD_SNAPSHOTS=1`.
func assertSnapshot(
  _ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  let url = Fixture.directory.appendingPathComponent("Snapshots/\(name).txt")
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
    try text.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record("No snapshot \(name).txt: record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
    return
  }
  if text != expected {
    let got = text.split(separator: "\n", omittingEmptySubsequences: false)
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let first =
      zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
    Issue.record(
      "Snapshot \(name) differs at line \(first + 1):\n  got:  \(first < got.count ? String(got[first]) : "<end>")\n  want: \(first < want.count ? String(want[first]) : "<end>")",
      sourceLocation: sourceLocation)
  }
}
