import Foundation
import SurveyDefinition
import TestSupport
import Testing

@testable import ResponseStore

/// `bilan import`, `bilan export` and `bilan lint --store`, run as the built binary.
@Suite struct StoreCommandTests {
  let directory: TemporaryDirectory
  let storePath: String

  init() throws {
    directory = try TemporaryDirectory("store-commands")
    storePath = directory.path("responses.sqlite")
  }

  func write(_ text: String, to name: String) throws -> String {
    let path = directory.path(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func jsonLine(_ index: Int) -> String {
    let id = UUID(derivedFrom: "cli-\(index)").uuidString.lowercased()
    return """
      {"id":"\(id)","survey":"atelier-test","survey_version":1,"status":"complete","language":"fr",\
      "started_at":"2015-03-05T16:\(String(format: "%02d", index)):00Z","submitted_at":"2015-03-05T17:00:00Z",\
      "answers":{"role":"elu","satisfaction":\(1 + index % 5)}}
      """
  }

  @Test func importsThenReportsWhatIsAlreadyPresent() throws {
    let file = try write((0..<15).map(jsonLine).joined(separator: "\n") + "\n", to: "a.jsonl")
    var result = try runBilan(["import", Fixture.path, file, "--store", storePath])
    #expect(result.status == 0)
    #expect(result.stdout == "\(file): 15 added, 0 already present\n")
    result = try runBilan(["import", Fixture.path, file, "--store", storePath])
    #expect(result.status == 0)
    #expect(result.stdout == "\(file): 0 added, 15 already present (this file was imported before)\n")
    // Through standard input, in another shape (CSV): the same responses.
    let csv = try runBilan(["export", Fixture.path, "--store", storePath, "--format", "csv"])
    result = try runBilan(["import", Fixture.path, "-", "--store", storePath], input: csv.stdout)
    #expect(result.stdout == "-: 0 added, 15 already present\n")
    let mode = try FileManager.default.attributesOfItem(atPath: storePath)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
  }

  @Test func aBadFileIsRejectedWholeWithExitOne() throws {
    let good = try write(jsonLine(1) + "\n", to: "good.jsonl")
    let bad = try write("role,satisfaction\nelu,4\nmaire,9\n", to: "bad.csv")
    let result = try runBilan(["import", Fixture.path, bad, good, "--store", storePath])
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        \(bad):3: error: role: unknown code 'maire'; expected one of: elu, agent, other
        \(bad):3: error: satisfaction: 9 is not between 1 and 5
        \(bad): rejected, nothing of it was stored (1 line with problems)

        """)
    #expect(
      result.stdout
        == "\(good): 1 added, 0 already present\nin all: 1 added, 0 already present, 1 file rejected\n")
    let store = try SQLiteResponseStore(path: storePath, surveyID: nil, create: false)
    #expect(try store.count(survey: "atelier-test", includePartial: true) == 1)
  }

  @Test func exportsToStandardOutputOrAtomicallyToAFile() throws {
    let file = try write((0..<3).map(jsonLine).joined(separator: "\n") + "\n", to: "a.jsonl")
    try runBilan(["import", Fixture.path, file, "--store", storePath])
    let stdout = try runBilan(["export", Fixture.path, "--store", storePath])
    #expect(stdout.status == 0)
    #expect(stdout.stdout == (0..<3).map(jsonLine).joined(separator: "\n") + "\n")
    let output = directory.path("out.csv")
    try Data("previous".utf8).write(to: URL(fileURLWithPath: output))
    let result = try runBilan([
      "export", Fixture.path, "--store", storePath, "--format", "csv", "--output", output,
    ])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let written = try #require(FileManager.default.contents(atPath: output))
    #expect(written.starts(with: [0xEF, 0xBB, 0xBF]))
    // No temporary file left beside it.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasPrefix(".") }
        .isEmpty)
    // An output folder that does not exist: exit 3, nothing written.
    let failed = try runBilan([
      "export", Fixture.path, "--store", storePath, "--output", directory.path("no/such/x"),
    ])
    #expect(failed.status == 3)
    #expect(failed.stderr.contains("no/such/x: cannot write the file"))
  }

  @Test func exitCodesForStoresThatAreNotRight() throws {
    let missing = try runBilan(["export", Fixture.path, "--store", directory.path("none.sqlite")])
    #expect(missing.status == 1)
    #expect(
      missing.stderr
        == "error: \(directory.path("none.sqlite")): no response store here (collect responses with `bilan ask` "
        + "or `bilan import`, or give --store PATH)\n")
    let text = try write("not a database", to: "notes.sqlite")
    let notStore = try runBilan(["export", Fixture.path, "--store", text])
    #expect(notStore.status == 1)
    #expect(notStore.stderr.hasPrefix("error: \(text): not a bilan response store"))
    _ = try SQLiteResponseStore(path: storePath, surveyID: "autre")
    let other = try runBilan([
      "import", Fixture.path, try write(jsonLine(0), to: "a.jsonl"), "--store", storePath,
    ])
    #expect(other.status == 1)
    #expect(other.stderr.contains("holds the responses of survey 'autre', not 'atelier-test'"))
    let usage = try runBilan(["export", Fixture.path, "--labels"])
    #expect(usage.status == 2)
  }

  @Test func lintWithAStoreExplainsSurveyChanges() throws {
    try runBilan([
      "import", Fixture.path, try write(jsonLine(1) + "\n" + jsonLine(2), to: "a.jsonl"), "--store",
      storePath,
    ])
    let edited = try write(
      Fixture.yaml.replacingOccurrences(of: "{code: elu,", with: "{code: elue,"), to: "v2.yaml")
    let result = try runBilan(["lint", edited, "--store", storePath])
    #expect(result.status == 0)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "\(edited):1:1: warning: \(storePath): 2 stored responses were answered with an earlier definition "
        + "of the survey (version 1); affected keys:")
    #expect(
      lines.dropFirst().first?.hasSuffix(
        ": warning: role: code 'elu' no longer offered (removed or renamed) (2 stored responses affected)")
        == true)
    #expect(try runBilan(["lint", edited, "--store", storePath, "--strict"]).status == 1)
    #expect(
      try runBilan(["lint", Fixture.path, "--store", storePath]).stderr == "\(Fixture.path): no problems\n")
  }

  @Test func helpShowsExamples() throws {
    for command in ["import", "export"] {
      let result = try runBilan([command, "--help"])
      #expect(result.status == 0)
      #expect(result.stdout.contains("Examples:"))
      #expect(result.stdout.contains("--store <path|url>"))
    }
  }

  /// Twenty imports and twenty scripted questionnaires writing to one store at
  /// the same moment: every response lands, the store stays sound.
  @Test func fortyProcessesWriteToOneStoreAtOnce() throws {
    var processes: [Process] = []
    for index in 0..<20 {
      let file = try write(jsonLine(index) + "\n", to: "one-\(index).jsonl")
      processes.append(try start(["import", Fixture.path, file, "--store", storePath]))
      let answers = try write(
        #"{"role": "agent", "satisfaction": \#(1 + index % 5)}"#, to: "answers-\(index).json")
      processes.append(try start(["ask", Fixture.path, "--answers", answers, "--store", storePath]))
    }
    var failures: [String] = []
    for process in processes {
      process.waitUntilExit()
      if process.terminationStatus != 0 {
        let error = (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        failures.append("\(process.arguments ?? []): \(String(decoding: error, as: UTF8.self))")
      }
    }
    #expect(failures.isEmpty)
    let store = try SQLiteResponseStore(path: storePath, surveyID: "atelier-test", create: false)
    #expect(try store.count(survey: "atelier-test", includePartial: true) == 40)
    #expect(try store.integrityCheck() == ["ok"])
    var roles: [String: Int] = [:]
    try store.forEachResponse(survey: "atelier-test", includePartial: true) { response in
      if case .code(let role)? = response.answers["role"] { roles[role, default: 0] += 1 }
    }
    #expect(roles == ["elu": 20, "agent": 20])
  }

  private func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = Repository.bilanExecutable
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = Pipe()
    try process.run()
    return process
  }
}
