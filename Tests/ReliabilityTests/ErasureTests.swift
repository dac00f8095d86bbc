import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What `bilan delete` and `purge-contacts` erase is gone from the bytes of
/// the store's files, and a delete or an import killed at any point leaves
/// the store before or after, never between.
@Suite struct ErasureTests {
  static let everyType = BadInputTests.everyType

  /// Every file of the store (`store.sqlite`, `-wal`, `-shm`), concatenated.
  static func rawBytes(of store: String) -> Data {
    var bytes = Data()
    for suffix in ["", "-wal", "-shm", "-journal"] {
      bytes.append(FileManager.default.contents(atPath: store + suffix) ?? Data())
    }
    return bytes
  }

  static func holds(_ bytes: Data, _ text: String) -> Bool { bytes.range(of: Data(text.utf8)) != nil }

  /// Stores a response whose free text and address are `marker` and `address`.
  static func answer(store: String, marker: String, address: String) throws {
    var answers = BadInputTests.validAnswers
    answers["commentaires"] = "\"\(marker)\""
    answers["email"] = "\"\(address)\""
    let result = try runBilan(
      ["ask", everyType, "--store", store, "--answers", "-"], input: BadInputTests.json(answers))
    try #require(result.status == 0, "\(result.stderr)")
  }

  @Test func deletedTextIsGoneFromTheFileAndItsLog() throws {
    let directory = try TemporaryDirectory("bilan-erasure")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    // At most 200 characters (max_length of commentaires).
    let erased = "Texte-a-effacer-7f3a2c, \(String(repeating: "trop bavard ", count: 14))"
    try Self.answer(store: store, marker: erased, address: "claire.effacee@example.org")
    try Self.answer(store: store, marker: "Texte-garde-91b", address: "paul.garde@example.org")
    // Other writes after it, so its pages are in the file and in the log.
    for index in 0..<3 {
      try Self.answer(store: store, marker: "autre-\(index)", address: "x\(index)@example.org")
    }
    let before = Self.rawBytes(of: store)
    try #require(Self.holds(before, "Texte-a-effacer-7f3a2c"), "the test must see the text before erasing it")

    let result = try runBilan([
      "delete", Self.everyType, "--email", "claire.effacee@example.org", "--store", store, "--yes",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("warning"), "\(result.stderr)")
    let after = Self.rawBytes(of: store)
    for gone in ["Texte-a-effacer-7f3a2c", "trop bavard", "claire.effacee"] {
      #expect(!Self.holds(after, gone), "'\(gone)' still in the store's bytes")
    }
    #expect(Self.holds(after, "Texte-garde-91b"), "the other responses stay")
    #expect(try integrityCheck(store) == "ok")

    // Purging contacts: no address left in the bytes, the answers stay.
    let purged = try runBilan(["purge-contacts", Self.everyType, "--store", store, "--yes"])
    #expect(purged.status == 0, "\(purged.stderr)")
    let bytes = Self.rawBytes(of: store)
    #expect(!Self.holds(bytes, "@example.org"))
    #expect(Self.holds(bytes, "Texte-garde-91b"))
  }

  /// A store of `kill-short` with `count` responses, half of them started before 2026-01-01.
  static func filledStore(_ path: String, count: Int) throws -> SQLiteResponseStore {
    let survey = try Survey.load(path: Fixture.path("kill-short.yaml"))
    let store = try SQLiteResponseStore(path: path, surveyID: survey.id)
    let start = Timestamp.date(from: "2025-12-01T09:00:00Z")!
    let responses = (0..<count).map { index in
      let started = start.addingTimeInterval(Double(index) * 7_200)
      return Response(
        surveyID: survey.id, surveyVersion: 1, schemaHash: survey.schemaHash, status: .complete,
        language: "en",
        startedAt: started, submittedAt: started, source: .synthetic,
        answers: [
          "colour": .code(KillTests.colours[index % 3]), "mark": .integer(index % 5 + 1),
          "word": .text("mot\(index)"), "last": .text(String(repeating: "z", count: 20)),
        ])
    }
    _ = try store.insert(responses, schemas: [SchemaRecord(survey)], source: nil)
    return store
  }

  /// How long `bilan arguments` takes here, in microseconds: kills are spread
  /// over that span (and a little past it), whatever the machine's load.
  static func duration(_ arguments: [String]) throws -> UInt32 {
    let start = Date()
    let result = try runBilan(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return UInt32(max(0.05, Date().timeIntervalSince(start) * 1.2) * 1_000_000)
  }

  /// Starts `bilan arguments` and kills it with SIGKILL after `delay` microseconds.
  static func killed(_ arguments: [String], after delay: UInt32) throws {
    let process = Process()
    process.executableURL = Repository.bilanExecutable
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(delay)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// 12 runs (seed 16): `bilan delete --before` killed at a random moment
  /// between its start and 1.2 times its uninterrupted duration (start-up,
  /// the transaction, VACUUM, the checkpoint).
  @Test func aKilledDeleteLeavesTheStoreBeforeOrAfter() throws {
    var random = SplitMix64(seed: 16)
    let directory = try TemporaryDirectory("bilan-kill-delete")
    defer { directory.remove() }
    let survey = Fixture.path("kill-short.yaml")
    let cutoff = try #require(Timestamp.date(from: "2026-01-01T00:00:00Z"))
    let start = try #require(Timestamp.date(from: "2025-12-01T09:00:00Z"))
    let kept = (0..<400).filter { start.addingTimeInterval(Double($0) * 7_200) >= cutoff }.count
    let timed = directory.path("timed.sqlite")
    _ = try Self.filledStore(timed, count: 400)
    let span = try Self.duration([
      "delete", survey, "--before", "2026-01-01T00:00:00Z", "--store", timed, "--yes",
    ])
    for run in 0..<12 {
      let path = directory.path("run\(run).sqlite")
      _ = try Self.filledStore(path, count: 400)
      let delay = UInt32.random(in: 0...span, using: &random)
      try Self.killed(
        ["delete", survey, "--before", "2026-01-01T00:00:00Z", "--store", path, "--yes"], after: delay)
      #expect(try integrityCheck(path) == "ok", "run \(run)")
      let store = try SQLiteResponseStore(path: path, surveyID: "kill-short", create: false)
      let count = try store.count(survey: "kill-short", includePartial: true)
      let audited = try store.auditTrail().count
      #expect(
        (count == 400 && audited == 0) || (count == kept && audited == 1), "run \(run): \(count), \(audited)")
    }
    // Finishing it afterwards gives the same store as an uninterrupted run.
    let path = directory.path("run0.sqlite")
    let finished = try runBilan([
      "delete", survey, "--before", "2026-01-01T00:00:00Z", "--store", path, "--yes",
    ])
    #expect(finished.status == 0)
    let store = try SQLiteResponseStore(path: path, surveyID: nil, create: false)
    #expect(try store.count(survey: "kill-short", includePartial: true) == kept)
  }

  /// 12 runs (seed 20): `bilan import` of 600 responses killed at a random
  /// moment between its start and 1.2 times its uninterrupted duration.
  @Test func aKilledImportLeavesTheStoreBeforeOrAfter() throws {
    var random = SplitMix64(seed: 20)
    let directory = try TemporaryDirectory("bilan-kill-import")
    defer { directory.remove() }
    let survey = Fixture.path("kill-short.yaml")
    let lines = (0..<600).map { index in
      #"{"answers":{"colour":"\#(KillTests.colours[index % 3])","mark":\#(index % 5 + 1),"word":"w\#(index)"}}"#
    }
    let file = directory.path("responses.jsonl")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file))
    let timed = directory.path("timed.sqlite")
    _ = try Self.filledStore(timed, count: 10)
    let span = try Self.duration(["import", survey, file, "--store", timed])
    for run in 0..<12 {
      let path = directory.path("run\(run).sqlite")
      _ = try Self.filledStore(path, count: 10)
      let delay = UInt32.random(in: 0...span, using: &random)
      try Self.killed(["import", survey, file, "--store", path], after: delay)
      #expect(try integrityCheck(path) == "ok", "run \(run)")
      let store = try SQLiteResponseStore(path: path, surveyID: "kill-short", create: false)
      let count = try store.count(survey: "kill-short", includePartial: true)
      #expect(count == 10 || count == 610, "run \(run): \(count)")
      // Importing again afterwards completes it exactly.
      let again = try runBilan(["import", survey, file, "--store", path])
      #expect(again.status == 0, "\(again.stderr)")
      #expect(try store.count(survey: "kill-short", includePartial: true) == 610, "run \(run)")
    }
  }
}
