import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// Many `bilan` processes writing to one store at the same moment.
@Suite struct ConcurrencyTests {
  /// 20 `bilan ask --answers` processes started together on one store: all
  /// 20 responses land, none fails with "database is locked", the store is sound.
  @Test func twentyQuestionnairesAtOnce() async throws {
    let directory = try TemporaryDirectory("bilan-concurrent")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let survey = Fixture.path("kill-short.yaml")
    for index in 0..<20 {
      let answers = #"{"colour": "blue", "mark": \#(index % 5 + 1), "word": "p\#(index)"}"#
      try answers.write(toFile: directory.path("answers\(index).json"), atomically: true, encoding: .utf8)
    }
    let results = try await withThrowingTaskGroup(of: CommandResult.self) { group in
      for index in 0..<20 {
        let answers = directory.path("answers\(index).json")
        group.addTask { try runBilan(["ask", survey, "--store", store, "--answers", answers]) }
      }
      var results: [CommandResult] = []
      for try await result in group { results.append(result) }
      return results
    }
    for result in results {
      #expect(result.status == 0, "\(result.stderr)")
      #expect(!result.stderr.localizedCaseInsensitiveContains("locked"), "\(result.stderr)")
    }
    let responses = try storedResponses(store, survey: "kill-short")
    #expect(responses.count == 20)
    #expect(responses.allSatisfy { $0.status == .complete })
    #expect(Set(responses.compactMap { $0.answers["word"] }) == Set((0..<20).map { AnswerValue.text("p\($0)") }))
    #expect(try integrityCheck(store) == "ok")
  }
}
