import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Participant text is data: it never drives the terminal, a spreadsheet or
/// the synthesis.
@Suite struct InjectionTests {
  /// Escape sequences in stored answers (a colour change, a window-title
  /// OSC, a screen clear) are shown cleaned on the review screen: no byte
  /// of them reaches the terminal, the visible text does.
  @Test func escapesInAnswersNeverReachTheReviewScreen() throws {
    let directory = try TemporaryDirectory("bilan-review-escapes")
    defer { directory.remove() }
    let surveyPath = Fixture.path("kill-short.yaml")
    let survey = try Survey.load(path: surveyPath)
    let storePath = directory.path("store.sqlite")
    let terminal = try PseudoTerminal(columns: 100, rows: 30)

    // A partial response begun on this terminal, as if typed before a crash.
    let store = try SQLiteResponseStore(path: storePath, surveyID: survey.id)
    let response = Response(
      surveyID: survey.id, surveyVersion: survey.version, schemaHash: survey.schemaHash, status: .partial,
      language: "en", startedAt: Date(), source: .terminal, device: "reliability-review")
    try store.recordSchema(of: survey)
    try store.begin(response)
    let hostile = "\u{1B}[31mROUGE\u{1B}]0;PWNED\u{07}"
    try store.update(
      response: response.id,
      answers: [
        "colour": .code("red"), "mark": .integer(3), "word": .text(hostile), "second": .integer(2),
        "last": .text("ok\u{1B}[2Jfin\u{9B}31m"),
      ], contacts: [:])

    let ask = try terminal.spawn(
      Repository.bilanExecutable, ["ask", surveyPath, "--store", storePath],
      environment: ["BILAN_DEVICE": "reliability-review"])
    try #require(ask.waitFor(KillTests.resumeOffer), "\(ask.screen.text)")
    ask.send("r")
    try #require(ask.waitFor(KillTests.reviewTitle), "\(ask.screen.text)")
    try #require(ask.waitFor("ROUGE"), "\(ask.screen.text)")
    let output = String(decoding: ask.screen.received, as: UTF8.self)
    for fragment in ["\u{1B}[31mROUGE", "\u{1B}]0;PWNED", "PWNED\u{07}", "\u{1B}[2Jfin", "\u{9B}"] {
      #expect(!output.contains(fragment), "\(fragment.debugDescription) reached the terminal")
    }
    #expect(ask.screen.shows("fin"), "\(ask.screen.text)")
    ask.send("s")
    try #require(ask.waitFor(KillTests.thanks))
    ask.send("\r")
    #expect(ask.waitForExit() == .exited(0))
    // Stored as given, all the same.
    let stored = try #require(try storedResponses(storePath, survey: survey.id).first)
    #expect(stored.answers["word"] == .text(hostile))
  }
}
