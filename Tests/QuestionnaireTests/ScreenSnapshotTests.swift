import Foundation
import SurveyDefinition
import TestSupport
import Testing

@testable import Questionnaire

/// Rendered screens, in-process: every screen of both test surveys fits
/// every window from 40×15 to 120×40 (the scripted pty response in
/// `ScriptedResponseTests` holds the snapshots of each question type).
/// Re-record on purpose only: `RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests`.
@Suite struct ScreenSnapshotTests {
  /// Every screen of `survey`, each question with a few keys typed, the
  /// review and the welcome: drawn at `width`×`height`, each line within the
  /// width and the frame exactly as tall as the window.
  static func checkEveryScreen(of survey: Survey, language: String, width: Int, height: Int) throws {
    var session = QuestionnaireSession(survey: survey, language: language)
    func check(_ title: String, _ screen: any Screen) {
      let frame = screen.render(width: width, height: height)
      #expect(frame.lines.count == height, "\(title) at \(width)×\(height): \(frame.lines.count) lines")
      for line in frame.lines {
        #expect(line.width <= width, "\(title) at \(width)×\(height): \(line.text)")
      }
    }
    let welcome = WelcomeScreen(survey: survey, language: language, path: session.pathLength())
    for page in welcome.pages(width: width, height: height).indices {
      var shown = welcome
      shown.page = page
      check("welcome \(page + 1)", shown)
    }
    var current = session.shown.first
    while let instance = current {
      if session.intro(before: instance) != nil {
        check(
          "intro of \(instance.key)",
          IntroScreen(
            instance: instance, part: (1, survey.sections.count),
            progress: session.progress(of: instance.key),
            language: language))
      }
      var editor = QuestionEditor(
        instance: instance, answers: session.answers, contacts: session.contacts, language: language)
      editor.width = width
      check(instance.key, QuestionScreen(editor: editor, progress: session.progress(of: instance.key)))
      for key: Key in [.down, .right, .character("2"), .character(" "), .paste("Réponse 日本 👍"), .escape] {
        _ = editor.handle(key)
        check(
          "\(instance.key) after \(key)",
          QuestionScreen(editor: editor, progress: session.progress(of: instance.key)))
      }
      let values = (try? editor.values()) ?? [:]
      let changes = (try? session.validate(values, for: instance)) ?? [:]
      session.apply(changes, for: instance)
      current = session.next(after: instance.key)
    }
    let entries = ReviewScreen.entries(of: session)
    for cursor in [0, entries.count / 2, entries.count] {
      check("review at \(cursor)", ReviewScreen(entries: entries, cursor: cursor, language: language))
    }
  }

  @Test(arguments: [(40, 15), (40, 24), (60, 20), (80, 24), (100, 30), (120, 40)])
  func everyScreenFits(width: Int, height: Int) throws {
    let reference = try Survey.load(path: Repository.path("Surveys/cooperation-pelussin-2015.yaml"))
    for language in ["fr", "en"] {
      try Self.checkEveryScreen(of: try Fixture.survey(), language: language, width: width, height: height)
      try Self.checkEveryScreen(of: reference, language: language, width: width, height: height)
    }
  }

  /// The reference survey's longest matrix at the narrowest width.
  @Test func referenceMatrixAtFortyColumns() throws {
    let survey = try Survey.load(path: Repository.path("Surveys/cooperation-pelussin-2015.yaml"))
    let session = QuestionnaireSession(survey: survey, language: "fr")
    let instance = try #require(session.shown.first { $0.key == "objectifs" })
    var editor = QuestionEditor(instance: instance, answers: [:], contacts: [:], language: "fr")
    _ = editor.handle(.character("4"))
    for (height, name) in [(24, "reference-matrix-40"), (15, "reference-matrix-40x15")] {
      let frame = QuestionScreen(editor: editor, progress: session.progress(of: "objectifs")).render(
        width: 40, height: height)
      for line in frame.lines { #expect(line.width <= 40) }
      try assertSnapshot(frame.text + "\n", named: name)
    }
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
