import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// `bilan ask --kiosk` while someone edits the survey file.
@Suite struct KioskTests {
  /// The file is edited while the second participant answers: their answers
  /// are filed under the version they were shown; the third participant is
  /// not asked, and the kiosk stops with an explanation (exit 1).
  @Test func surveyEditedBetweenParticipants() throws {
    let directory = try TemporaryDirectory("bilan-kiosk")
    defer { directory.remove() }
    let survey = directory.path("kill-short.yaml")
    let store = directory.path("store.sqlite")
    let original = try String(contentsOfFile: Fixture.path("kill-short.yaml"), encoding: .utf8)
    try original.write(toFile: survey, atomically: true, encoding: .utf8)
    let originalHash = try Survey.load(path: survey).schemaHash

    let terminal = try PseudoTerminal(columns: 100, rows: 30)
    let kiosk = try terminal.spawn(Repository.bilanExecutable, ["ask", survey, "--kiosk", "--store", store])
    func answerAll(from first: Int = 0) throws {
      for index in first..<KillTests.steps.count {
        kiosk.send(KillTests.steps[index].keys(index))
        try #require(kiosk.waitFor(KillTests.marker(after: index)), "\(kiosk.screen.text)")
      }
      kiosk.send("s")
      try #require(kiosk.waitFor(KillTests.thanks), "\(kiosk.screen.text)")
      kiosk.send("\r")
    }
    // First participant.
    try #require(kiosk.waitFor("Kill test"), "\(kiosk.screen.text)")
    kiosk.send("\r")
    try #require(kiosk.waitFor(KillTests.steps[0].label))
    try answerAll()
    // Second participant: the survey is edited after their first two answers.
    try #require(kiosk.waitFor("1 response received"), "\(kiosk.screen.text)")
    kiosk.send("\r")
    try #require(kiosk.waitFor(KillTests.steps[0].label))
    for index in 0..<2 {
      kiosk.send(KillTests.steps[index].keys(index))
      try #require(kiosk.waitFor(KillTests.marker(after: index)))
    }
    let edited =
      original
      .replacingOccurrences(of: "Qone which colour", with: "Qone which colour now")
      .replacingOccurrences(
        of: "    - {code: blue, label: {en: \"Blue\"}}",
        with: "    - {code: blue, label: {en: \"Blue\"}}\n    - {code: black, label: {en: \"Black\"}}")
    #expect(edited != original)
    try edited.write(toFile: survey, atomically: true, encoding: .utf8)
    try answerAll(from: 2)
    // Third participant: refused, explained.
    try #require(kiosk.waitFor("2 responses received"), "\(kiosk.screen.text)")
    kiosk.send("\r")
    #expect(kiosk.waitForExit() == .exited(1))
    let output = String(decoding: kiosk.screen.received, as: UTF8.self)
    #expect(output.contains("\(survey) was edited while the kiosk was running"), "\(output.suffix(600))")
    #expect(output.contains("bilan ask \(survey) --kiosk"))
    #expect(!kiosk.screen.shows("Qone which colour now"), "the new version was never shown")

    let responses = try storedResponses(store, survey: "kill-short")
    #expect(responses.count == 2, "no response begun for the third participant")
    for response in responses {
      #expect(response.status == .complete)
      #expect(response.schemaHash == originalHash, "filed under the version that was shown")
      #expect(response.answers.count == KillTests.steps.count)
    }
    #expect(try Survey.load(path: survey).schemaHash != originalHash, "the edit changed the schema")
  }
}
