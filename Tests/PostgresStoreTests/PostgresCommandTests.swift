import BilanBase
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// The commands on a PostgreSQL store give what they give on SQLite: the
/// same fixtures through both backends, byte for byte.
@Suite(.enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.unavailable)))
struct PostgresCommandTests {
  static let reference = Repository.path("Surveys/cooperation-pelussin-2015.yaml")
  /// No `BILAN_STORE` from the developer's shell.
  static let environment = ["BILAN_STORE": ""]

  static func bilan(_ arguments: [String], input: String? = nil) throws -> CommandResult {
    try runBilan(arguments, input: input, environment: environment)
  }

  /// Every file under `folder`, by relative path.
  static func files(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(
      at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
      result[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
    }
    return result
  }

  /// Runs `arguments` (with `--store` added) on both stores and expects the same output and status.
  static func expectSame(
    _ arguments: [String], sqlite: String, postgres: String, _ comment: String = ""
  ) throws {
    let a = try bilan(arguments + ["--store", sqlite])
    let b = try bilan(arguments + ["--store", postgres])
    #expect(a.status == 0, "\(arguments) on SQLite: \(a.stderr)")
    #expect(b.status == a.status, "\(arguments): \(b.stderr)")
    #expect(b.stdout == a.stdout, "\(arguments) \(comment): the outputs differ")
  }

  /// The atelier survey's responses (hostile text, every type) in a SQLite store file.
  static func atelierStore(_ path: String) throws {
    let store = try SQLiteResponseStore(path: path, surveyID: Atelier.survey.id)
    try store.recordSchema(of: Atelier.survey)
    _ = try store.insert(
      (0..<24).map(Atelier.complete) + (0..<4).map(Atelier.partial), schemas: [SchemaRecord(Atelier.survey)],
      source: nil)
    try store.checkpoint()
  }

  @Test func reportsAreByteIdentical() throws {
    let directory = try TemporaryDirectory("bilan-pg-report")
    defer { directory.remove() }
    let sqlite = directory.path("demo.sqlite")
    let url = PostgresTestServer.freshURL("report")
    let demo = try Self.bilan([
      "demo", "--responses", "60", "--seed", "5", "--store", sqlite, "--output", directory.path("demo"),
      "--no-reports",
    ])
    try #require(demo.status == 0, "\(demo.stderr)")
    let imported = try Self.bilan(["import", Self.reference, sqlite, "--store", url])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("60 added, 0 already present"), "\(imported.stdout)")

    let atelier = directory.path("atelier.sqlite")
    try Self.atelierStore(atelier)
    let atelierImport = try Self.bilan(["import", Atelier.path, atelier, "--format", "store", "--store", url])
    #expect(atelierImport.stdout.contains("28 added"), "\(atelierImport.stdout) \(atelierImport.stderr)")

    for (index, (survey, file)) in [(Self.reference, sqlite), (Atelier.path, atelier)].enumerated() {
      let a = try Self.bilan(["report", survey, "--store", file, "--output", directory.path("a\(index)")])
      let b = try Self.bilan(["report", survey, "--store", url, "--output", directory.path("b\(index)")])
      try #require(a.status == 0, "\(a.stderr)")
      try #require(b.status == 0, "\(b.stderr)")
      let left = try Self.files(directory.url.appendingPathComponent("a\(index)"))
      let right = try Self.files(directory.url.appendingPathComponent("b\(index)"))
      #expect(left.keys.sorted() == right.keys.sorted())
      #expect(left.count >= 3)
      for (name, data) in left { #expect(right[name] == data, "\(survey): \(name) differs") }
      try Self.expectSame(["stats", survey, "--format", "json"], sqlite: file, postgres: url)
      try Self.expectSame(["stats", survey, "--by", "role"], sqlite: file, postgres: url)
      try Self.expectSame(["stats", survey, "--include-partial"], sqlite: file, postgres: url)
      try Self.expectSame(["export", survey], sqlite: file, postgres: url)
      try Self.expectSame(["export", survey, "--include-contacts"], sqlite: file, postgres: url)
      try Self.expectSame(["export", survey, "--format", "csv", "--labels"], sqlite: file, postgres: url)
    }
    // Both surveys live side by side in the one database.
    let lint = try Self.bilan(["lint", Atelier.path, "--store", url])
    #expect(lint.status == 0, "\(lint.stdout) \(lint.stderr)")
  }

  @Test func importingALaptopsStoreIsIdempotent() throws {
    let directory = try TemporaryDirectory("bilan-pg-laptops")
    defer { directory.remove() }
    let url = PostgresTestServer.freshURL("laptops")
    let laptop1 = directory.path("laptop1.sqlite")
    let laptop2 = directory.path("laptop2.sqlite")
    let first = try SQLiteResponseStore(path: laptop1, surveyID: Atelier.survey.id)
    _ = try first.insert((0..<6).map(Atelier.complete), schemas: [SchemaRecord(Atelier.survey)], source: nil)
    let second = try SQLiteResponseStore(path: laptop2, surveyID: Atelier.survey.id)
    _ = try second.insert((4..<9).map(Atelier.complete), schemas: [SchemaRecord(Atelier.survey)], source: nil)

    let both = try Self.bilan(["import", Atelier.path, laptop1, laptop2, "--format", "store", "--store", url])
    #expect(both.status == 0, "\(both.stderr)")
    #expect(both.stdout.contains("laptop1.sqlite: 6 added, 0 already present"), "\(both.stdout)")
    #expect(both.stdout.contains("laptop2.sqlite: 3 added, 2 already present"), "\(both.stdout)")
    let again = try Self.bilan(["import", Atelier.path, laptop1, laptop2, "--store", url])
    #expect(
      again.stdout.contains("laptop1.sqlite: 0 added, 6 already present (this file was imported before)"))
    #expect(again.stdout.contains("in all: 0 added, 11 already present"), "\(again.stdout)")
    // The laptop answered more afterwards (not yet checkpointed: its log is read too).
    _ = try first.insert([Atelier.complete(20), Atelier.partial(1)], schemas: [], source: nil)
    let later = try Self.bilan(["import", Atelier.path, laptop1, "--store", url])
    #expect(
      later.stdout.contains("laptop1.sqlite: 2 added, 6 already present"), "\(later.stdout) \(later.stderr)")
    let export = try Self.bilan(["export", Atelier.path, "--store", url])
    #expect(export.stdout.split(separator: "\n").count == 11)
  }

  @Test func managingStoredDataGivesTheSameResults() throws {
    let directory = try TemporaryDirectory("bilan-pg-manage")
    defer { directory.remove() }
    let sqlite = directory.path("atelier.sqlite")
    try Self.atelierStore(sqlite)
    let url = PostgresTestServer.freshURL("manage")
    let imported = try Self.bilan(["import", Atelier.path, sqlite, "--store", url])
    try #require(imported.status == 0, "\(imported.stderr)")
    let id = Atelier.complete(3).id.uuidString.lowercased()
    let steps: [[String]] = [
      ["delete", Atelier.path, "--email", "marie4@example.org", "--dry-run"],
      ["delete", Atelier.path, "--email", "marie4@example.org", "--yes"],
      ["delete", Atelier.path, Atelier.complete(1).id.uuidString.lowercased(), "--yes"],
      ["amend", Atelier.path, id, "satisfaction=5", "territoire=Forez", "--reason", "misread"],
      ["amend", Atelier.path, id, "--history"],
      ["purge-contacts", Atelier.path, "--dry-run"],
      ["purge-contacts", Atelier.path, "--yes"],
      ["stats", Atelier.path, "--format", "json"],
      ["export", Atelier.path, "--include-contacts"],
    ]
    for step in steps {
      let a = try Self.bilan(step + ["--store", sqlite])
      let b = try Self.bilan(step + ["--store", url])
      func normalised(_ text: String, _ store: String) -> String {
        text.replacingOccurrences(of: store, with: "STORE")
          .replacingOccurrences(
            of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  [^ ]+@[^ ]+"#, with: "TIME  ACTOR",
            options: .regularExpression)
      }
      #expect(a.status == 0, "\(step): \(a.stderr)")
      #expect(b.status == a.status, "\(step): \(b.stderr)")
      #expect(
        normalised(b.stdout, try StoreAddress(url).description) == normalised(a.stdout, sqlite), "\(step)")
      if step.contains("--yes") {
        // PostgreSQL says honestly what an erasure leaves behind.
        #expect(b.stderr.contains("PostgreSQL may keep the erased bytes"), "\(step): \(b.stderr)")
      }
    }
    // A delete whose id is not there erases nothing, on both.
    let missing = try Self.bilan(["delete", Atelier.path, UUID().uuidString, "--yes", "--store", url])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("nothing was deleted"))
    let audit = try Self.bilan(["audit", Atelier.path, "--store", url])
    #expect(audit.stdout.split(separator: "\n").count == 4, "\(audit.stdout)")
  }

  @Test func passwordsAreNeverPrinted() throws {
    let directory = try TemporaryDirectory("bilan-pg-secret")
    defer { directory.remove() }
    let secret = PostgresTestServer.password
    try #require(!secret.isEmpty)
    let url = PostgresTestServer.freshURL("secret")
    let wrongPassword = PostgresTestServer.url(url, user: "bilan_admin", password: "not-\(secret)-either")
    let noDatabase = url.replacingOccurrences(of: "/bilan_test?", with: "/no_such_database?")
    let noServer = url.replacingOccurrences(
      of: #":\d+/"#, with: ":1/", options: .regularExpression)
    let badParameter = url + "&sslmode=sometimes"
    let cases: [(store: String, arguments: [String], status: Int32, message: String)] = [
      (url, ["import", Atelier.path, "-", "--format", "jsonl"], 0, "added"),
      (url, ["stats", Atelier.path], 0, ""),
      (url, ["purge-contacts", Atelier.path, "--yes"], 0, "contact"),
      (wrongPassword, ["stats", Atelier.path], 1, "password authentication failed"),
      (noDatabase, ["export", Atelier.path], 1, "does not exist"),
      (noServer, ["ask", Atelier.path, "--plain"], 3, "cannot connect to the database server"),
      (badParameter, ["report", Atelier.path], 1, "sslmode 'sometimes' is not one of"),
      (url.replacingOccurrences(of: "?", with: "?password=\(secret)&"), ["audit", Atelier.path], 0, ""),
    ]
    let line = #"{"answers":{"role":"elu","satisfaction":4},"status":"complete"}"# + "\n"
    for item in cases {
      let result = try Self.bilan(item.arguments + ["--store", item.store], input: line)
      let printed = result.stdout + result.stderr
      #expect(result.status == item.status, "\(item.arguments): \(printed)")
      #expect(!printed.contains(secret), "\(item.arguments) printed the password: \(printed)")
      #expect(!printed.contains("not-\(secret)"), "\(item.arguments) printed the password: \(printed)")
      if !item.message.isEmpty { #expect(printed.contains(item.message), "\(item.arguments): \(printed)") }
      if item.status != 0 { #expect(printed.contains("postgres://bilan_admin@127.0.0.1:"), "\(printed)") }
    }
  }

  @Test func theEnvironmentVariableNamesTheStore() throws {
    let url = PostgresTestServer.freshURL("env")
    let line = #"{"answers":{"role":"agent"},"status":"complete"}"# + "\n"
    let imported = try runBilan(
      ["import", Atelier.path, "-", "--format", "jsonl"], input: line, environment: ["BILAN_STORE": url])
    #expect(imported.status == 0, "\(imported.stderr)")
    let exported = try runBilan(["export", Atelier.path], environment: ["BILAN_STORE": url])
    #expect(exported.stdout.contains(#""role":"agent""#), "\(exported.stdout) \(exported.stderr)")
    // --store wins over the variable.
    let directory = try TemporaryDirectory("bilan-pg-env")
    defer { directory.remove() }
    let file = try runBilan(
      ["export", Atelier.path, "--store", directory.path("none.sqlite")], environment: ["BILAN_STORE": url])
    #expect(file.status == 1)
    #expect(file.stderr.contains("none.sqlite"))
  }
}
