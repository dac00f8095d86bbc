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
    #expect(
      Set(responses.compactMap { $0.answers["word"] }) == Set((0..<20).map { AnswerValue.text("p\($0)") }))
    #expect(try integrityCheck(store) == "ok")
  }

  /// 20 questionnaires and 5 imports (4 responses each, JSON Lines) started
  /// together on one store: all 40 responses present, no "database is locked".
  @Test func questionnairesAndImportsAtOnce() async throws {
    let directory = try TemporaryDirectory("bilan-concurrent-mixed")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let survey = Fixture.path("kill-short.yaml")
    var commands: [[String]] = []
    for index in 0..<20 {
      let answers = directory.path("answers\(index).json")
      try #"{"colour": "red", "mark": 2, "word": "ask\#(index)"}"#.write(
        toFile: answers, atomically: true, encoding: .utf8)
      commands.append(["ask", survey, "--store", store, "--answers", answers])
    }
    for file in 0..<5 {
      let lines = (0..<4).map { row in
        #"{"id":"7a000000-0000-4000-8000-0000000\#(file)000\#(row)","survey":"kill-short","survey_version":1,"status":"complete","language":"en","started_at":"2026-01-01T10:00:00Z","submitted_at":"2026-01-01T10:05:00Z","answers":{"colour":"green","mark":4,"word":"imp\#(file)\#(row)"}}"#
      }
      let path = directory.path("import\(file).jsonl")
      try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
      commands.insert(["import", survey, path, "--store", store], at: file * 4)
    }
    let results = try await withThrowingTaskGroup(of: CommandResult.self) { group in
      for command in commands { group.addTask { try runBilan(command) } }
      var results: [CommandResult] = []
      for try await result in group { results.append(result) }
      return results
    }
    for result in results {
      #expect(result.status == 0, "\(result.stderr)")
      #expect(!(result.stdout + result.stderr).localizedCaseInsensitiveContains("locked"), "\(result.stderr)")
    }
    let responses = try storedResponses(store, survey: "kill-short")
    #expect(responses.count == 40)
    let words = Set(responses.compactMap { $0.answers["word"] })
    let expected = (0..<20).map { "ask\($0)" } + (0..<5).flatMap { file in (0..<4).map { "imp\(file)\($0)" } }
    #expect(words == Set(expected.map { AnswerValue.text($0) }))
    #expect(try integrityCheck(store) == "ok")
  }
}
