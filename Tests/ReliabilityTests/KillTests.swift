import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `bilan ask`, full screen on a pseudo-terminal, killed with
/// SIGKILL at random points: nothing the screen confirmed is ever lost.
@Suite struct KillTests {
  /// One question of `Fixtures/kill-short.yaml`: what is typed, what is stored.
  struct Step: Sendable {
    var key: String
    var label: String
    var keys: @Sendable (Int) -> String
    var value: @Sendable (Int) -> AnswerValue
  }

  static let colours = ["red", "green", "blue"]
  static let steps: [Step] = [
    Step(
      key: "colour", label: "Qone which colour", keys: { "\($0 % 3 + 1)" },
      value: { .code(colours[$0 % 3]) }),
    Step(key: "mark", label: "Qtwo what mark", keys: { "\($0 % 5 + 1)" }, value: { .integer($0 % 5 + 1) }),
    Step(key: "word", label: "Qthree one word", keys: { "w\($0)x\r" }, value: { .text("w\($0)x") }),
    Step(
      key: "second", label: "Qfour second mark", keys: { "\(($0 + 2) % 5 + 1)" },
      value: { .integer(($0 + 2) % 5 + 1) }),
    Step(key: "last", label: "Qfive last word", keys: { "e\($0)\r" }, value: { .text("e\($0)") }),
  ]
  static let reviewTitle = "Before sending: your answers"
  static let thanks = "Thank you! Your answers are saved."
  static let resumeOffer = "A questionnaire begun on this computer was not sent."

  /// What the screen shows once step `index` is confirmed.
  static func marker(after index: Int) -> String {
    index + 1 < steps.count ? steps[index + 1].label : reviewTitle
  }

  /// 50 runs (seed 2026): each is killed after a random number of confirmed
  /// answers (0 to all, the submission included) plus a random 0–4 ms into
  /// the next one; then the store is checked and the questionnaire resumed.
  @Test func killTest() throws {
    var random = SplitMix64(seed: 2026)
    let survey = Fixture.path("kill-short.yaml")
    let terminal = try PseudoTerminal(columns: 100, rows: 30)
    let directory = try TemporaryDirectory("bilan-kill")
    defer { directory.remove() }
    var resumed = 0
    for run in 0..<50 {
      let store = directory.path("run\(run).sqlite")
      let arguments = ["ask", survey, "--store", store]
      // -1: killed on the welcome screen; 0…4: after that many answers;
      // 5: while sending; 6: after the thanks.
      let confirmedSteps = Int.random(in: -1...6, using: &random)
      let delay = UInt32.random(in: 0...4000, using: &random)

      let first = try terminal.spawn(Repository.bilanExecutable, arguments)
      try #require(first.waitFor("Kill test"), "run \(run): no welcome screen\n\(first.screen.text)")
      if confirmedSteps >= 0 {
        first.send("\r")
        try #require(first.waitFor(Self.steps[0].label), "run \(run): \(first.screen.text)")
      }
      for index in 0..<max(0, min(confirmedSteps, Self.steps.count)) {
        first.send(Self.steps[index].keys(run))
        try #require(
          first.waitFor(Self.marker(after: index)), "run \(run), step \(index): \(first.screen.text)")
      }
      if confirmedSteps == 6 {
        first.send("s")
        try #require(first.waitFor(Self.thanks), "run \(run): \(first.screen.text)")
      } else if confirmedSteps == 5 {
        first.send("s")
      } else if confirmedSteps >= 0 {
        first.send(Self.steps[confirmedSteps].keys(run))
      }
      usleep(delay)
      let termination = first.kill(SIGKILL)
      #expect(termination == .signalled(SIGKILL), "run \(run): \(String(describing: termination))")

      // Everything confirmed is stored, and the store is sound.
      if FileManager.default.fileExists(atPath: store) {
        #expect(try integrityCheck(store) == "ok", "run \(run)")
      }
      let responses = try storedResponses(store, survey: "kill-short")
      let confirmed = Self.steps.prefix(max(0, min(confirmedSteps, Self.steps.count)))
      if confirmed.isEmpty {
        #expect(responses.count <= 1, "run \(run)")
      } else {
        try #require(responses.count == 1, "run \(run): \(responses.count) responses")
      }
      let response = responses.first
      for step in confirmed {
        #expect(response?.answers[step.key] == step.value(run), "run \(run): \(step.key) lost")
      }
      // Whatever else is stored is what was typed (the answer in flight).
      for (key, value) in response?.answers ?? [:] {
        let step = try #require(Self.steps.first { $0.key == key })
        #expect(value == step.value(run), "run \(run): \(key) stored as \(String(describing: value))")
      }
      if confirmedSteps == 6 { #expect(response?.status == .complete, "run \(run)") }

      // Resuming on the same terminal continues where it stopped.
      let second = try terminal.spawn(Repository.bilanExecutable, arguments)
      guard let partial = response, partial.status == .partial, !partial.answers.isEmpty else {
        try #require(second.waitFor("Kill test"), "run \(run): \(second.screen.text)")
        #expect(!second.screen.shows(Self.resumeOffer), "run \(run): nothing to resume")
        second.send("q")
        #expect(second.waitForExit() == .exited(130), "run \(run)")
        continue
      }
      resumed += 1
      try #require(second.waitFor(Self.resumeOffer), "run \(run): no resume offer\n\(second.screen.text)")
      second.send("r")
      let next = Self.steps.firstIndex { partial.answers[$0.key] == nil } ?? Self.steps.count
      let expected = next < Self.steps.count ? Self.steps[next].label : Self.reviewTitle
      try #require(second.waitFor(expected), "run \(run): resumed elsewhere\n\(second.screen.text)")
      for index in next..<Self.steps.count {
        second.send(Self.steps[index].keys(run))
        try #require(second.waitFor(Self.marker(after: index)), "run \(run): \(second.screen.text)")
      }
      second.send("s")
      try #require(second.waitFor(Self.thanks), "run \(run): \(second.screen.text)")
      second.send("\r")
      #expect(second.waitForExit() == .exited(0), "run \(run)")
      let final = try storedResponses(store, survey: "kill-short")
      #expect(final.count == 1, "run \(run): the resumed response is the same one")
      #expect(final.first?.id == partial.id)
      #expect(final.first?.status == .complete)
      #expect(
        final.first?.answers
          == Dictionary(uniqueKeysWithValues: Self.steps.map { ($0.key, $0.value(run)) }),
        "run \(run)")
      #expect(try integrityCheck(store) == "ok")
    }
    // The seed gives a spread of kill points; several runs are resumed.
    #expect(resumed >= 10, "only \(resumed) runs had something to resume")
  }
}
