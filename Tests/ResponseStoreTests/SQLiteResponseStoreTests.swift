import Foundation
import GRDB
import SurveyDefinition
import TestSupport
import Testing

@testable import ResponseStore

@Suite struct SQLiteResponseStoreTests {
  let directory: TemporaryDirectory
  let path: String

  init() throws {
    directory = try TemporaryDirectory("store")
    path = directory.path("Reports/\(TestSurvey.id)/responses.sqlite")
  }

  func openStore() throws -> SQLiteResponseStore {
    try SQLiteResponseStore(path: path, surveyID: TestSurvey.id)
  }

  func partial(startedAt seconds: TimeInterval, device: String? = nil, id: UUID = UUID()) -> Response {
    Response(
      id: id, surveyID: TestSurvey.id, surveyVersion: 1, schemaHash: "hash-v1", status: .partial,
      language: "fr", startedAt: Date(timeIntervalSince1970: seconds), device: device)
  }

  // MARK: The file

  @Test func createsTheFileAndItsFolderOwnerOnlyInWALModeWithFullSync() throws {
    let store = try openStore()
    try store.begin(partial(startedAt: 0))
    for file in [path, path + "-wal"] {
      let attributes = try FileManager.default.attributesOfItem(atPath: file)
      let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
      #expect(mode == 0o600, "\(file) has mode \(String(mode ?? 0, radix: 8))")
    }
    #expect(try store.pragma("journal_mode") == "wal")
    #expect(try store.pragma("synchronous") == "2")  // FULL
    #expect(try store.pragma("busy_timeout") == "10000")
    #expect(store.surveyID == TestSurvey.id)
    #expect(SQLiteResponseStore.defaultPath(surveyID: "x") == "Reports/x/responses.sqlite")
  }

  @Test func keepsTheModeUnderAPermissiveUmask() throws {
    let previous = umask(0)
    defer { umask(previous) }
    _ = try openStore()
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
  }

  @Test func refusesAFileThatIsNotAStore() throws {
    let text = directory.path("notes.txt")
    try Data("id,role\n1,elu\n".utf8).write(to: URL(fileURLWithPath: text))
    #expect(throws: StoreError.notAStore(path: text)) { try SQLiteResponseStore(path: text, surveyID: "s") }
    // Untouched.
    #expect(try String(contentsOfFile: text, encoding: .utf8) == "id,role\n1,elu\n")
  }

  @Test func refusesAnotherSQLiteDatabase() throws {
    let other = directory.path("other.sqlite")
    let queue = try DatabaseQueue(path: other)
    try queue.write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
    try queue.close()
    #expect(throws: StoreError.notAStore(path: other)) { try SQLiteResponseStore(path: other, surveyID: "s") }
  }

  @Test func refusesTheStoreOfAnotherSurvey() throws {
    _ = try openStore()
    #expect(throws: StoreError.otherSurvey(path: path, found: TestSurvey.id, expected: "autre-enquete")) {
      try SQLiteResponseStore(path: path, surveyID: "autre-enquete")
    }
    // Any survey may read it when none is named.
    #expect(try SQLiteResponseStore(path: path, surveyID: nil).surveyID == TestSurvey.id)
  }

  @Test func refusesAStoreOfANewerBilan() throws {
    do { _ = try openStore() }
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-future')") }
    try queue.close()
    #expect(throws: StoreError.newerFormat(path: path, migrations: ["v9-future"])) { try openStore() }
  }

  @Test func reportsADamagedFile() throws {
    do {
      let store = try openStore()
      for index in 0..<200 { try store.begin(partial(startedAt: Double(index))) }
      try store.checkpoint()
    }
    // Overwrite everything after the first page with garbage.
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    let size = try handle.seekToEnd()
    try handle.seek(toOffset: 4096)
    try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 4096))
    try handle.close()
    #expect {
      let store = try openStore()
      _ = try store.count(survey: TestSurvey.id, includePartial: true)
    } throws: { error in
      guard case .corrupt(let file, _) = error as? StoreError else { return false }
      return file == path
    }
  }

  @Test func refusesAMissingFileWhenNotCreating() throws {
    #expect(throws: StoreError.notFound(path: path)) {
      try SQLiteResponseStore(path: path, surveyID: nil, create: false)
    }
  }

  @Test func diskFullIsReportedAndLosesNothingConfirmed() throws {
    let store = try openStore()
    let kept = partial(startedAt: 1)
    try store.begin(kept)
    try store.save(.integer(3), forKey: "satisfaction", response: kept.id)
    let pageCount = try store.pragma("page_count") ?? ""
    let pages = try #require(Int(pageCount))
    try store.limitSize(pages: pages)
    let big = String(repeating: "x", count: 200_000)
    #expect(throws: StoreError.diskFull(path: path)) {
      try store.save(.text(big), forKey: "commentaires", response: kept.id)
    }
    let stored = try #require(try store.response(kept.id))
    #expect(stored.answers == ["satisfaction": .integer(3)])
    #expect(StoreError.diskFull(path: path).isInputError == false)
  }

  // MARK: Answering

  @Test func keepsEveryValueTypeExactly() throws {
    let store = try openStore()
    let full = TestSurvey.fullResponse(device: "host:/dev/pts/3")
    try store.begin(full)
    let stored = try #require(try store.response(full.id))
    #expect(stored == full)
  }

  @Test func savesRemovesAndSubmitsAnswerByAnswer() throws {
    let store = try openStore()
    let response = partial(startedAt: 1_425_573_667.75)
    try store.begin(response)
    try store.save(.code("elu"), forKey: "role", response: response.id)
    try store.save(.integer(2), forKey: "satisfaction", response: response.id)
    try store.save(.integer(5), forKey: "satisfaction", response: response.id)
    try store.save(.codes([]), forKey: "limites.plan", response: response.id)
    try store.save(.text("x"), forKey: "territoire", response: response.id)
    try store.save(nil, forKey: "territoire", response: response.id)
    try store.saveContact("a@b.fr", forKey: "email", response: response.id)
    var stored = try #require(try store.response(response.id))
    #expect(stored.status == .partial)
    #expect(stored.submittedAt == nil)
    #expect(stored.startedAt == Date(timeIntervalSince1970: 1_425_573_667))  // to the second
    #expect(
      stored.answers == ["role": .code("elu"), "satisfaction": .integer(5), "limites.plan": .codes([])])
    #expect(stored.contacts == ["email": "a@b.fr"])
    try store.submit(response: response.id, at: Date(timeIntervalSince1970: 1_425_574_000.4))
    stored = try #require(try store.response(response.id))
    #expect(stored.status == .complete)
    #expect(stored.submittedAt == Date(timeIntervalSince1970: 1_425_574_000))
  }

  @Test func refusesUnknownAndDuplicateResponses() throws {
    let store = try openStore()
    let missing = UUID()
    #expect(throws: StoreError.unknownResponse(id: missing, path: path)) {
      try store.save(.integer(1), forKey: "satisfaction", response: missing)
    }
    #expect(throws: StoreError.unknownResponse(id: missing, path: path)) {
      try store.submit(response: missing)
    }
    let response = partial(startedAt: 0)
    try store.begin(response)
    #expect(throws: StoreError.duplicateResponse(id: response.id, path: path)) { try store.begin(response) }
    var other = partial(startedAt: 0)
    other.surveyID = "autre"
    #expect(throws: StoreError.responseOfOtherSurvey(id: other.id, survey: "autre", expected: TestSurvey.id))
    {
      try store.begin(other)
    }
  }

  @Test func findsTheLatestPartialResponseOfThisDevice() throws {
    let store = try openStore()
    let older = partial(startedAt: 10, device: "kiosk-1")
    let newer = partial(startedAt: 20, device: "kiosk-1")
    let elsewhere = partial(startedAt: 30, device: "kiosk-2")
    var done = partial(startedAt: 40, device: "kiosk-1")
    done.status = .complete
    for response in [older, newer, elsewhere, done] { try store.begin(response) }
    #expect(try store.latestPartialResponse(survey: TestSurvey.id, device: "kiosk-1")?.id == newer.id)
    #expect(try store.latestPartialResponse(survey: TestSurvey.id, device: "kiosk-2")?.id == elsewhere.id)
    #expect(try store.latestPartialResponse(survey: TestSurvey.id, device: "kiosk-3") == nil)
    try store.submit(response: newer.id)
    #expect(try store.latestPartialResponse(survey: TestSurvey.id, device: "kiosk-1")?.id == older.id)
  }

  // MARK: Reading

  @Test func iteratesInStartThenIdOrderWithOrWithoutPartials() throws {
    let store = try openStore()
    let ids = (0..<6).map { _ in UUID() }.sorted { $0.uuidString.lowercased() < $1.uuidString.lowercased() }
    // Two share a start time: the id decides. Inserted out of order.
    var responses = [
      TestSurvey.fullResponse(id: ids[3], startedAt: Date(timeIntervalSince1970: 300)),
      TestSurvey.fullResponse(id: ids[1], startedAt: Date(timeIntervalSince1970: 100)),
      TestSurvey.fullResponse(id: ids[0], startedAt: Date(timeIntervalSince1970: 100)),
      TestSurvey.fullResponse(id: ids[2], startedAt: Date(timeIntervalSince1970: 200)),
    ]
    responses.append(partial(startedAt: 150, id: ids[4]))
    responses.append(partial(startedAt: 50, id: ids[5]))
    for response in responses.shuffled() { try store.begin(response) }
    var seen: [UUID] = []
    try store.forEachResponse(survey: TestSurvey.id, includePartial: true) { seen.append($0.id) }
    #expect(seen == [ids[5], ids[0], ids[1], ids[4], ids[2], ids[3]])
    seen = []
    try store.forEachResponse(survey: TestSurvey.id, includePartial: false) { response in
      #expect(response.contacts.isEmpty)
      #expect(response.answers == TestSurvey.fullResponse().answers)
      seen.append(response.id)
    }
    #expect(seen == [ids[0], ids[1], ids[2], ids[3]])
    try store.forEachResponse(survey: TestSurvey.id, includePartial: false, includeContacts: true) {
      response in
      #expect(response.contacts == ["email": "marie@example.org"])
    }
    #expect(try store.count(survey: TestSurvey.id, includePartial: true) == 6)
    #expect(try store.count(survey: TestSurvey.id, includePartial: false) == 4)
    #expect(try store.count(survey: "autre", includePartial: true) == 0)
  }

  @Test func streamsWithoutASortOfTheWholeStore() throws {
    let store = try openStore()
    func plan(_ sql: String, _ arguments: StatementArguments) throws -> [String] {
      try DatabaseQueue(path: path).read { db in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map {
          $0["detail"] as String
        }
      }
    }
    let responses = try plan(SQLiteResponseStore.responsesInOrder, ["s", true])
    #expect(responses.contains { $0.contains("responses_in_order") }, "\(responses)")
    let answers = try plan(SQLiteResponseStore.answersOfResponse, [1])
    #expect(answers.contains { $0.contains("PRIMARY KEY") }, "\(answers)")
    for step in responses + answers { #expect(!step.contains("TEMP B-TREE"), "\(step)") }
    _ = store
  }

  @Test func stopsWhenTheBodyThrows() throws {
    struct Stop: Error {}
    let store = try openStore()
    for index in 0..<5 {
      try store.begin(TestSurvey.fullResponse(startedAt: Date(timeIntervalSince1970: Double(index))))
    }
    var seen = 0
    #expect(throws: Stop.self) {
      try store.forEachResponse(survey: TestSurvey.id, includePartial: true) { _ in
        seen += 1
        if seen == 2 { throw Stop() }
      }
    }
    #expect(seen == 2)
  }

  // MARK: Inserting whole responses

  @Test func insertsAllOrNothingAndNeverTwice() throws {
    let store = try openStore()
    let schema = SchemaRecord(hash: "hash-v1", surveyVersion: 1, fieldsJSON: "[]")
    let batch = (0..<15).map { TestSurvey.fullResponse(startedAt: Date(timeIntervalSince1970: Double($0))) }
    var wrong = batch
    wrong.append(TestSurvey.fullResponse())
    wrong[wrong.count - 1].surveyID = "autre"
    #expect(throws: StoreError.self) { try store.insert(wrong, schemas: [schema], source: nil) }
    #expect(try store.count(survey: TestSurvey.id, includePartial: true) == 0)
    #expect(try store.storedSchemas(survey: TestSurvey.id).isEmpty)

    let file = ImportRecord(hash: "abc", name: "a.jsonl", importedAt: Date(timeIntervalSince1970: 0))
    #expect(
      try store.insert(batch, schemas: [schema], source: file) == InsertOutcome(added: 15, alreadyPresent: 0))
    #expect(
      try store.insert(batch, schemas: [schema], source: file)
        == InsertOutcome(added: 0, alreadyPresent: 15, fileAlreadyImported: true))
    // Same responses from another file: recognised by their ids.
    var changed = batch
    changed[0].answers["satisfaction"] = .integer(1)
    let other = ImportRecord(hash: "def", name: "b.jsonl", importedAt: Date(timeIntervalSince1970: 60))
    #expect(
      try store.insert(changed, schemas: [], source: other)
        == InsertOutcome(added: 0, alreadyPresent: 15, differing: 1))
    #expect(try store.count(survey: TestSurvey.id, includePartial: true) == 15)
    #expect(try store.response(batch[0].id)?.answers["satisfaction"] == .integer(4))
    #expect(try store.imports().map(\.name) == ["a.jsonl", "b.jsonl"])
    #expect(try store.imports().map(\.added) == [15, 0])
  }

  @Test func listsTheSchemasResponsesWereAnsweredWith() throws {
    let store = try openStore()
    try store.recordSchema(SchemaRecord(hash: "hash-v1", surveyVersion: 1, fieldsJSON: "[1]"))
    try store.recordSchema(SchemaRecord(hash: "hash-v1", surveyVersion: 1, fieldsJSON: "[ignored]"))
    try store.recordSchema(SchemaRecord(hash: "hash-v3", surveyVersion: 3, fieldsJSON: "[3]"))
    for index in 0..<3 { try store.begin(partial(startedAt: Double(index))) }
    var old = partial(startedAt: 9)
    old.schemaHash = "hash-v0"
    try store.begin(old)
    let schemas = try store.storedSchemas(survey: TestSurvey.id)
    #expect(
      schemas == [
        StoredSchema(
          hash: "hash-v1", record: SchemaRecord(hash: "hash-v1", surveyVersion: 1, fieldsJSON: "[1]"),
          responseCount: 3),
        StoredSchema(hash: "hash-v0", record: nil, responseCount: 1),
        StoredSchema(
          hash: "hash-v3", record: SchemaRecord(hash: "hash-v3", surveyVersion: 3, fieldsJSON: "[3]"),
          responseCount: 0),
      ])
  }

  @Test func keepsTheSurveysAnswerSchema() throws {
    let store = try openStore()
    try store.recordSchema(of: TestSurvey.survey)
    let record = try #require(try store.storedSchemas(survey: TestSurvey.id).first?.record)
    #expect(record.hash == TestSurvey.survey.schemaHash)
    #expect(record.surveyVersion == 1)
    #expect(record.fields == TestSurvey.survey.answerSchema)
    #expect(record.fields?.first?.key == "role")
  }

  // MARK: Concurrency

  @Test func twentyWritersAtOnceAllLand() async throws {
    let path = path
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<20 {
        group.addTask {
          let store = try SQLiteResponseStore(path: path, surveyID: TestSurvey.id)
          let response = TestSurvey.fullResponse(startedAt: Date(timeIntervalSince1970: Double(index)))
          try store.begin(
            Response(
              id: response.id, surveyID: response.surveyID, surveyVersion: 1, schemaHash: "h",
              status: .partial,
              language: "fr", startedAt: response.startedAt))
          for (key, value) in response.answers { try store.save(value, forKey: key, response: response.id) }
          try store.submit(response: response.id)
        }
      }
      try await group.waitForAll()
    }
    let store = try openStore()
    #expect(try store.count(survey: TestSurvey.id, includePartial: false) == 20)
    #expect(try store.integrityCheck() == ["ok"])
  }
}

@Suite struct SupportTests {
  @Test func derivedIdsAreStableAndDistinct() {
    let first = UUID(derivedFrom: "file:1")
    #expect(first == UUID(derivedFrom: "file:1"))
    #expect(first != UUID(derivedFrom: "file:2"))
    #expect(first.uuidString.lowercased().dropFirst(14).first == "8")  // version 8
  }

  @Test func codeListsReadBack() {
    #expect(
      StoredAnswer.parseArray(AnswerValue.codes(["a", "b\"c", "d\\"]).jsonText) == ["a", "b\"c", "d\\"])
    #expect(StoredAnswer.parseArray("[\"x\",\"y\"]") == ["x", "y"])
    #expect(StoredAnswer.parseArray("[]") == [])
    #expect(StoredAnswer.parseArray("nope") == nil)
  }
}
