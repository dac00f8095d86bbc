import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `bilan ask` in plain mode over pipes, killed with SIGKILL: each answer is
/// stored before the next prompt is printed.
@Suite struct PlainKillTests {
  /// The plain-mode lines for the kill survey's questions (the same values as `KillTests`).
  static func line(_ index: Int, run: Int) -> String {
    switch index {
    case 0: "\(run % 3 + 1)"
    case 1: "\(run % 5 + 1)"
    case 2: "w\(run)x"
    case 3: "\((run + 2) % 5 + 1)"
    default: "e\(run)"
    }
  }

  /// What plain mode prints once answer `index` is stored.
  static func prompt(after index: Int) -> String {
    index + 1 < KillTests.steps.count ? "Question \(index + 2) of 5" : "Thank you"
  }

  /// 20 runs (seed 7): killed after 0–5 acknowledged answers plus 0–3 ms
  /// into the next; every acknowledged answer is stored, the store is sound.
  @Test func killedOverPipes() throws {
    var random = SplitMix64(seed: 7)
    let directory = try TemporaryDirectory("bilan-plain-kill")
    defer { directory.remove() }
    for run in 0..<20 {
      let store = directory.path("run\(run).sqlite")
      let acknowledged = Int.random(in: 0...5, using: &random)
      let delay = UInt32.random(in: 0...3000, using: &random)
      let session = try PlainSession(
        ["ask", Fixture.path("kill-short.yaml"), "--store", store, "--plain"], keepErrors: false)
      try #require(session.read(until: "Question 1 of 5"), "run \(run): \(session.printed)")
      for index in 0..<acknowledged {
        session.send(Self.line(index, run: run))
        try #require(
          session.read(until: Self.prompt(after: index)), "run \(run), answer \(index): \(session.printed)")
      }
      if acknowledged < KillTests.steps.count {
        session.send(Self.line(acknowledged, run: run))
        usleep(delay)
      }
      session.kill()

      #expect(try integrityCheck(store) == "ok", "run \(run)")
      let responses = try storedResponses(store, survey: "kill-short")
      if acknowledged > 0 { try #require(responses.count == 1, "run \(run)") }
      for step in KillTests.steps.prefix(acknowledged) {
        #expect(responses.first?.answers[step.key] == step.value(run), "run \(run): \(step.key) lost")
      }
      for (key, value) in responses.first?.answers ?? [:] {
        let step = try #require(KillTests.steps.first { $0.key == key })
        #expect(value == step.value(run), "run \(run): \(key)")
      }
      if acknowledged == KillTests.steps.count { #expect(responses.first?.status == .complete) }
    }
  }
}
