import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// Plain mode over pipes offers to resume the unfinished response begun on
/// the same computer: `r` resumes, `n` starts afresh, `--resume` and `--new`
/// decide without asking.
@Suite struct PlainResumeTests {
  let directory: TemporaryDirectory
  let store: String

  init() throws {
    directory = try TemporaryDirectory("plain-resume")
    store = directory.path("store.sqlite")
  }

  /// role, appui skipped, satisfaction 5 (the follow-up question stays hidden).
  static let firstThree = "1\n\n5\n"
  /// The rest of the survey after those three (as in `goingBackChangesTheFlowAndHiddenAnswersAreDropped`).
  static let rest = ["4", "4", "", "", "", "", "", "", "non"].joined(separator: "\n") + "\n"

  func ask(_ input: String, _ options: [String] = []) throws -> CommandResult {
    try runBilan(
      ["ask", Fixture.everyType, "--store", store] + options, input: input,
      environment: ["BILAN_DEVICE": "screen-reader-laptop"])
  }

  @Test func rResumesWhereTheResponseStopped() throws {
    let dropped = try ask(Self.firstThree)
    try #require(dropped.status == 1)
    let resumed = try ask("r\n" + Self.rest)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(
      resumed.stdout.contains(
        "Un questionnaire commencé sur ce poste n’a pas été envoyé. 2 réponses déjà données.\n"
          + "r : reprendre où vous en étiez · n : commencer un nouveau questionnaire\n> "))
    // It goes on at the fourth question; the first three are not asked again.
    #expect(resumed.stdout.contains("Question 4 sur 11"))
    #expect(!resumed.stdout.contains("Question 1 sur"))
    let responses = try storedResponses(store)
    try #require(responses.count == 1)
    #expect(responses[0].status == .complete)
    #expect(responses[0].answers["role"] == .code("elu"))
    #expect(responses[0].answers["satisfaction"] == .integer(5))
    #expect(responses[0].answers["suivi"] == .boolean(false))
  }

  @Test func nStartsAfreshAndLeavesTheOtherAsItIs() throws {
    try #require(try ask(Self.firstThree).status == 1)
    let before = try storedResponses(store)
    // A wrong reply is asked again; `n` starts a new response.
    let fresh = try ask("peut-être\nn\n2\n")
    #expect(fresh.stdout.contains("! Répondez r (reprendre) ou n (nouveau)."))
    #expect(fresh.stdout.contains("Question 1 sur"))
    let after = try storedResponses(store)
    #expect(after.count == 2)
    #expect(after.contains(before[0]))
    #expect(after.contains { $0.answers == ["role": .code("agent")] })
  }

  @Test func resumeAndNewDecideWithoutAsking() throws {
    try #require(try ask(Self.firstThree).status == 1)
    let fresh = try ask("2\n", ["--new"])
    #expect(!fresh.stdout.contains("r : reprendre"))
    #expect(try storedResponses(store).count == 2)
    // --resume takes the latest unfinished response (the one just begun, with one answer).
    let resumed = try ask("\n5\n" + Self.rest, ["--resume"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(!resumed.stdout.contains("r : reprendre"))
    let responses = try storedResponses(store)
    #expect(responses.count == 2)
    #expect(responses.filter { $0.status == .complete }.map { $0.answers["role"] } == [.code("agent")])
    // Another device is never offered someone else's response.
    let other = try runBilan(
      ["ask", Fixture.everyType, "--store", store], input: "1\n",
      environment: ["BILAN_DEVICE": "another-laptop"])
    #expect(!other.stdout.contains("r : reprendre"))
    #expect(try runBilan(["ask", Fixture.everyType, "--resume", "--new"]).status == 2)
  }

  @Test func endOfInputAtTheOfferChangesNothing() throws {
    try #require(try ask(Self.firstThree).status == 1)
    let before = try storedResponses(store)
    let ended = try ask("")
    #expect(ended.status == 1)
    #expect(try storedResponses(store) == before)
  }
}
