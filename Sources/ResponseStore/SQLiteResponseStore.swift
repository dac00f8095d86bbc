import BilanBase
import Foundation
import GRDB
import SurveyDefinition

/// The response store in one SQLite file (through GRDB).
///
/// - WAL journal and `synchronous = FULL`: every change is one short
///   transaction, fsync'd before the call returns, so a killed process loses
///   nothing that was confirmed; readers never block the writer.
/// - A busy timeout (`busyTimeout`) so that twenty questionnaires and imports
///   writing to one store wait their turn instead of failing with "database
///   is locked". Writes take the lock up front (`BEGIN IMMEDIATE`).
/// - The file is created with mode 0600 (its `-wal` and `-shm` files follow
///   SQLite's rule of copying the database file's permissions).
/// - One store holds the responses of one survey (`store_info.survey_id`).
///
/// The store must not be called from inside a `forEachResponse` body.
public final class SQLiteResponseStore: ResponseRepository {
  /// The store file, as given.
  public let path: String
  /// The survey the store belongs to, once known.
  public let surveyID: String?
  let database: DatabaseQueue

  /// How long a write waits for another process's transaction before failing.
  public static let busyTimeout: TimeInterval = 10

  /// `Reports/SURVEY_ID/responses.sqlite`, the default store of a survey.
  public static func defaultPath(surveyID: String) -> String {
    "Reports/\(surveyID)/responses.sqlite"
  }

  /// Opens the store at `path`, creating it (and its folder) when missing.
  ///
  /// - Parameters:
  ///   - surveyID: the survey whose responses the store holds; a new store
  ///     is marked with it, an existing store of another survey is refused.
  ///     `nil` opens any bilan store.
  ///   - create: `false` to refuse a missing file instead of creating it.
  public init(path: String, surveyID: String?, create: Bool = true) throws(StoreError) {
    self.path = path
    let fileManager = FileManager.default
    if !fileManager.fileExists(atPath: path) {
      guard create else { throw .notFound(path: path) }
      try Self.createFile(at: path)
    }
    try Self.checkHeader(path: path)

    var configuration = Configuration()
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.label = "bilan.store"
    configuration.prepareDatabase { db in
      // Set after GRDB's own setup; journal_mode=WAL is persistent in the file.
      let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
      guard mode == "wal" else {
        throw DatabaseError(
          message: "could not switch the store to WAL mode (journal mode is \(mode ?? "?"))")
      }
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    do {
      database = try DatabaseQueue(path: path, configuration: configuration)
    } catch {
      throw Self.storeError(error, path: path)
    }
    self.surveyID = try Self.prepare(database, path: path, surveyID: surveyID)
  }

  // MARK: Opening

  /// Creates an empty file readable and writable by its owner only, before
  /// SQLite writes anything to it. Losing the race to another process is fine.
  private static func createFile(at path: String) throws(StoreError) {
    let url = URL(fileURLWithPath: path)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw .io(path: path, detail: "cannot create the folder of the store: \(error.localizedDescription)")
    }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if descriptor >= 0 {
      close(descriptor)
    } else if errno != EEXIST {
      throw .io(path: path, detail: "cannot create the store: \(String(cString: strerror(errno)))")
    }
  }

  /// Refuses a non-empty file that does not start with SQLite's header,
  /// before SQLite touches it.
  private static func checkHeader(path: String) throws(StoreError) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .io(path: path, detail: "cannot read the store: \(String(cString: strerror(errno)))")
    }
    defer { try? handle.close() }
    let header = [UInt8]((try? handle.read(upToCount: 20)) ?? Data())
    if !header.isEmpty && !header.starts(with: Array("SQLite format 3\0".utf8)) {
      throw .notAStore(path: path)
    }
    // Bytes 18 and 19 are 2 in a WAL database, which every bilan store is
    // from its first write: a rollback-journal database is another
    // program's, refused before opening it would switch it to WAL.
    if header.count == 20 && (header[18] != 2 || header[19] != 2) {
      throw .notAStore(path: path)
    }
  }

  /// Checks that the file is a bilan store (or empty), migrates it, and
  /// marks or checks its survey. Returns the store's survey id.
  private static func prepare(
    _ database: DatabaseQueue, path: String, surveyID: String?
  ) throws(StoreError) -> String? {
    do {
      // GRDB creates `grdb_migrations` before the first migration's
      // transaction: another process may be between the two, so a file with
      // only that table is still a new store.
      let tables = try database.read { db in
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
      }.filter { $0 != "grdb_migrations" }
      if !tables.isEmpty {
        guard tables.contains("store_info") else { throw StoreError.notAStore(path: path) }
        let mark = try database.read { db in
          try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'format'")
        }
        guard mark == formatMark else { throw StoreError.notAStore(path: path) }
      }
      try migrate(database, path: path)
      let stored = try database.writeWithoutTransaction { db in
        try db.inTransaction(.immediate) {
          if let surveyID {
            try db.execute(
              sql: "INSERT OR IGNORE INTO store_info (key, value) VALUES ('survey_id', ?)",
              arguments: [surveyID])
          }
          return .commit
        }
        return try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'survey_id'")
      }
      if let surveyID, let stored, stored != surveyID {
        throw StoreError.otherSurvey(path: path, found: stored, expected: surveyID)
      }
      return stored
    } catch {
      throw storeError(error, path: path)
    }
  }

  /// Runs the migrations. Several processes may open a new store at the same
  /// moment: GRDB checks what is applied outside the migration's transaction,
  /// so a process that loses the race fails on "table already exists", or on
  /// "no such table: grdb_migrations" when the winner creates that table
  /// between GRDB's query and its check that the table is missing. Either
  /// way it tries again, and finds the store migrated by the winner.
  private static func migrate(_ database: DatabaseQueue, path: String) throws {
    let migrator = Self.migrator
    let known = Set(migrator.migrations)
    var attempt = 0
    while true {
      do {
        let applied = try database.read { db in try migrator.appliedIdentifiers(db) }
        let unknown = applied.subtracting(known)
        guard unknown.isEmpty else {
          throw StoreError.newerFormat(path: path, migrations: unknown.sorted())
        }
        try migrator.migrate(database)
        return
      } catch let error as StoreError {
        throw error
      } catch {
        attempt += 1
        if (try? database.read({ db in try migrator.hasCompletedMigrations(db) })) == true { return }
        if attempt >= 5 { throw error }
        // Let the other process finish its migration's transaction.
        usleep(useconds_t(10_000 * attempt))
      }
    }
  }

  // MARK: Errors

  /// The store error a GRDB or system error means.
  static func storeError(_ error: any Error, path: String) -> StoreError {
    if let error = error as? StoreError { return error }
    guard let error = error as? DatabaseError else {
      return .io(path: path, detail: error.localizedDescription)
    }
    let detail = error.message ?? "\(error.resultCode)"
    switch error.resultCode {
    case .SQLITE_FULL: return .diskFull(path: path)
    case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path, seconds: busyTimeout)
    case .SQLITE_CORRUPT: return .corrupt(path: path, detail: detail)
    case .SQLITE_NOTADB: return .notAStore(path: path)
    case .SQLITE_CANTOPEN: return .io(path: path, detail: "cannot open the store (\(detail))")
    case .SQLITE_READONLY: return .io(path: path, detail: "the store is read-only (\(detail))")
    case .SQLITE_PERM, .SQLITE_AUTH: return .io(path: path, detail: "permission denied (\(detail))")
    default: return .io(path: path, detail: detail)
    }
  }

  /// Runs `work` in an IMMEDIATE transaction (the write lock taken up front,
  /// so two writers never deadlock on a lock upgrade), committed before returning.
  func write<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try database.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try work(db)
          return .commit
        }
        return result!
      }
    } catch {
      throw Self.storeError(error, path: path)
    }
  }

  func read<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try database.read(work)
    } catch {
      throw Self.storeError(error, path: path)
    }
  }

  // MARK: ResponseRepository

  public func recordSchema(_ schema: SchemaRecord) throws(StoreError) {
    try write { db in try Self.insertSchema(schema, db) }
  }

  public func begin(_ response: Response) throws(StoreError) {
    try checkSurvey(of: response)
    let path = path
    try write { db in
      if try Self.rowID(of: response.id, db) != nil {
        throw StoreError.duplicateResponse(id: response.id, path: path)
      }
      try Self.insertResponse(response, db)
    }
  }

  public func update(
    response id: UUID, answers: [String: AnswerValue?], contacts: [String: String?]
  ) throws(StoreError) {
    let path = path
    try write { db in
      guard let row = try Self.rowID(of: id, db) else { throw StoreError.unknownResponse(id: id, path: path) }
      try Self.writeAnswers(answers, contacts: contacts, row: row, db)
    }
  }

  /// Sets (or, for `nil`, removes) answers and contacts of the response at
  /// `row`, and marks it updated now.
  static func writeAnswers(
    _ answers: [String: AnswerValue?], contacts: [String: String?], row: Int64, _ db: Database
  ) throws {
    for (key, value) in answers {
      if let value {
        let (type, stored) = StoredAnswer.encode(value)
        try db.cachedStatement(
          sql: """
            INSERT INTO answers (response_id, key, type, value) VALUES (?, ?, ?, ?)
            ON CONFLICT (response_id, key) DO UPDATE SET type = excluded.type, value = excluded.value
            """
        ).execute(arguments: [row, key, type, stored])
      } else {
        try db.execute(sql: "DELETE FROM answers WHERE response_id = ? AND key = ?", arguments: [row, key])
      }
    }
    for (key, value) in contacts {
      if let value {
        try db.execute(
          sql: """
            INSERT INTO contacts (response_id, key, value) VALUES (?, ?, ?)
            ON CONFLICT (response_id, key) DO UPDATE SET value = excluded.value
            """, arguments: [row, key, value])
      } else {
        try db.execute(sql: "DELETE FROM contacts WHERE response_id = ? AND key = ?", arguments: [row, key])
      }
    }
    try db.execute(
      sql: "UPDATE responses SET updated_at = ? WHERE id = ?",
      arguments: [Timestamp.string(from: Date()), row])
  }

  public func setStatus(_ status: Response.Status, submittedAt: Date?, response id: UUID) throws(StoreError) {
    let path = path
    try write { db in
      try db.execute(
        sql: "UPDATE responses SET status = ?, submitted_at = ?, updated_at = ? WHERE uuid = ?",
        arguments: [
          status.rawValue, submittedAt.map(Timestamp.string(from:)), Timestamp.string(from: Date()),
          Self.text(id),
        ])
      if db.changesCount == 0 { throw StoreError.unknownResponse(id: id, path: path) }
    }
  }

  public func response(_ id: UUID) throws(StoreError) -> Response? {
    let path = path
    return try read { db in try Self.fetchResponse(id, db, path: path) }
  }

  public func latestPartialResponse(survey: String, device: String) throws(StoreError) -> Response? {
    let path = path
    return try read { db in
      let uuid = try String.fetchOne(
        db,
        sql: """
          SELECT uuid FROM responses
          WHERE device = ? AND status = 'partial' AND survey_id = ?
          ORDER BY updated_at DESC, id DESC LIMIT 1
          """, arguments: [device, survey])
      guard let uuid, let id = UUID(uuidString: uuid) else { return nil }
      return try Self.fetchResponse(id, db, path: path)
    }
  }

  public func forEachResponse(
    survey: String, includePartial: Bool, includeContacts: Bool, _ body: (Response) throws -> Void
  ) throws {
    let path = path
    do {
      try database.read { db in
        let responses = try db.makeStatement(sql: Self.responsesInOrder)
        try responses.setArguments([survey, includePartial])
        var reader = StoredResponseReader(path: path)
        try reader.read(
          responses, answers: try Self.answersStatement(db),
          contacts: includeContacts ? try Self.contactsStatement(db) : nil, db, body)
      }
    } catch let error as DatabaseError {
      throw Self.storeError(error, path: path)
    }
  }

  public func count(survey: String, includePartial: Bool) throws(StoreError) -> Int {
    try read { db in
      try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM responses WHERE survey_id = ? AND (? OR status = 'complete')",
        arguments: [survey, includePartial]) ?? 0
    }
  }

  public func insert(
    _ responses: [Response], schemas: [SchemaRecord], source: ImportRecord?, tokens: FollowUpTokens
  ) throws(StoreError) -> InsertOutcome {
    for response in responses { try checkSurvey(of: response) }
    let path = path
    return try write { db in
      if let source,
        try Bool.fetchOne(db, sql: "SELECT 1 FROM imports WHERE hash = ?", arguments: [source.hash]) != nil
      {
        return InsertOutcome(added: 0, alreadyPresent: responses.count, fileAlreadyImported: true)
      }
      for schema in schemas { try Self.insertSchema(schema, db) }
      var outcome = InsertOutcome(added: 0, alreadyPresent: 0)
      for response in responses {
        if try Self.rowID(of: response.id, db) != nil {
          outcome.alreadyPresent += 1
          if let stored = try Self.fetchResponse(response.id, db, path: path),
            !stored.sameContent(as: response)
          {
            outcome.differing += 1
          }
        } else if try Self.wasErased(response.id, db) {
          outcome.erased += 1
        } else {
          try Self.insertResponse(response, db)
          outcome.added += 1
        }
      }
      try Self.insertTokens(tokens, db)
      if let source {
        try db.execute(
          sql: "INSERT INTO imports (hash, name, imported_at, added) VALUES (?, ?, ?, ?)",
          arguments: [source.hash, source.name, Timestamp.string(from: source.importedAt), outcome.added])
      }
      return outcome
    }
  }

  /// Adds the tokens of stored responses that have none (another store's, merged).
  private static func insertTokens(_ tokens: FollowUpTokens, _ db: Database) throws {
    for (table, entries) in [("follow_up_tokens", tokens.issued), ("follow_up_links", tokens.given)] {
      let statement = try db.cachedStatement(
        sql: "INSERT OR IGNORE INTO \(table) (response_id, token) SELECT id, ? FROM responses WHERE uuid = ?")
      for (id, token) in entries.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
        try statement.execute(arguments: [token, text(id)])
      }
    }
  }

  // MARK: Follow-up tokens

  public func followUpToken(response id: UUID) throws(StoreError) -> String {
    let path = path
    return try write { db in
      guard let row = try Self.rowID(of: id, db) else { throw StoreError.unknownResponse(id: id, path: path) }
      if let token = try String.fetchOne(
        db, sql: "SELECT token FROM follow_up_tokens WHERE response_id = ?", arguments: [row])
      {
        return token
      }
      while true {
        let token = FollowUpToken.random()
        try db.execute(
          sql: "INSERT OR IGNORE INTO follow_up_tokens (response_id, token) VALUES (?, ?)",
          arguments: [row, token])
        // A token another response already has (one chance in 2⁴⁰ per response): draw again.
        if db.changesCount == 1 { return token }
      }
    }
  }

  public func setFollowedToken(_ token: String?, response id: UUID) throws(StoreError) {
    let path = path
    try write { db in
      guard let row = try Self.rowID(of: id, db) else { throw StoreError.unknownResponse(id: id, path: path) }
      if let token {
        try db.execute(
          sql: """
            INSERT INTO follow_up_links (response_id, token) VALUES (?, ?)
            ON CONFLICT (response_id) DO UPDATE SET token = excluded.token
            """, arguments: [row, token])
      } else {
        try db.execute(sql: "DELETE FROM follow_up_links WHERE response_id = ?", arguments: [row])
      }
    }
  }

  public func followUpTokens(survey: String) throws(StoreError) -> FollowUpTokens {
    try read { db in
      var tokens = FollowUpTokens()
      for (table, keyPath) in [
        ("follow_up_tokens", \FollowUpTokens.issued), ("follow_up_links", \FollowUpTokens.given),
      ] {
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT r.uuid, t.token FROM \(table) t JOIN responses r ON r.id = t.response_id
            WHERE r.survey_id = ?
            """, arguments: [survey])
        {
          guard let id = UUID(uuidString: row[0]) else { continue }
          tokens[keyPath: keyPath][id] = row[1]
        }
      }
      return tokens
    }
  }

  public func storedSchemas(survey: String) throws(StoreError) -> [StoredSchema] {
    try read { db in
      var counts: [String: Int] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT schema_hash, COUNT(*) FROM responses WHERE survey_id = ? GROUP BY schema_hash",
        arguments: [survey])
      {
        counts[row[0]] = row[1]
      }
      var records: [String: SchemaRecord] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT hash, survey_version, fields FROM schemas") {
        records[row[0]] = SchemaRecord(hash: row[0], surveyVersion: row[1], fieldsJSON: row[2])
      }
      return Set(counts.keys).union(records.keys)
        .map { StoredSchema(hash: $0, record: records[$0], responseCount: counts[$0] ?? 0) }
        .sorted { ($0.responseCount, $1.hash) > ($1.responseCount, $0.hash) }
    }
  }

  public func imports() throws(StoreError) -> [ImportRecord] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT hash, name, imported_at, added FROM imports ORDER BY imported_at, rowid"
      )
      .map { row in
        ImportRecord(
          hash: row[0], name: row[1],
          importedAt: Timestamp.date(from: row[2]) ?? Date(timeIntervalSince1970: 0),
          added: row[3])
      }
    }
  }

  // MARK: Checks the store can run on itself

  /// The result of SQLite's `PRAGMA integrity_check` (`["ok"]` when sound).
  public func integrityCheck() throws(StoreError) -> [String] {
    try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
  }

  /// Runs a WAL checkpoint, so the main file holds every change (before
  /// copying the file to another machine).
  public func checkpoint() throws(StoreError) {
    do {
      try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    } catch {
      throw Self.storeError(error, path: path)
    }
  }

  /// The value of a PRAGMA on the store's connection (`journal_mode`,
  /// `synchronous`, `busy_timeout`…), for checks and tests.
  package func pragma(_ name: String) throws(StoreError) -> String? {
    let name = name.filter { $0.isLetter || $0 == "_" }
    return try read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
  }

  /// Caps the file at `pages` pages on this connection, so that tests can
  /// meet SQLite's "database or disk is full" without filling a disk.
  package func limitSize(pages: Int) throws(StoreError) {
    do {
      try database.writeWithoutTransaction { db in
        _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
      }
    } catch {
      throw Self.storeError(error, path: path)
    }
  }

  // MARK: Rows

  func checkSurvey(of response: Response) throws(StoreError) {
    if let surveyID, response.surveyID != surveyID {
      throw .responseOfOtherSurvey(id: response.id, survey: response.surveyID, expected: surveyID)
    }
  }

  static func text(_ id: UUID) -> String { id.uuidString.lowercased() }

  static func rowID(of id: UUID, _ db: Database) throws -> Int64? {
    try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT id FROM responses WHERE uuid = ?"), arguments: [text(id)])
  }

  private static func insertSchema(_ schema: SchemaRecord, _ db: Database) throws {
    try db.execute(
      sql: "INSERT OR IGNORE INTO schemas (hash, survey_version, fields, recorded_at) VALUES (?, ?, ?, ?)",
      arguments: [schema.hash, schema.surveyVersion, schema.fieldsJSON, Timestamp.string(from: Date())])
  }

  private static func insertResponse(_ response: Response, _ db: Database) throws {
    let source: (kind: String, name: String?, hash: String?) =
      switch response.source {
      case .terminal: ("terminal", nil, nil)
      case .file(let name, let hash): ("file", name, hash)
      case .synthetic: ("synthetic", nil, nil)
      }
    try db.cachedStatement(
      sql: """
        INSERT INTO responses (uuid, survey_id, survey_version, schema_hash, status, language, started_at,
          submitted_at, updated_at, source, source_name, source_hash, device)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(
      arguments: [
        text(response.id), response.surveyID, response.surveyVersion, response.schemaHash,
        response.status.rawValue, response.language, Timestamp.string(from: response.startedAt),
        response.submittedAt.map(Timestamp.string(from:)), Timestamp.string(from: Date()), source.kind,
        source.name, source.hash, response.device,
      ])
    let row = db.lastInsertedRowID
    let answerStatement = try db.cachedStatement(
      sql: "INSERT INTO answers (response_id, key, type, value) VALUES (?, ?, ?, ?)")
    for (key, value) in response.answers {
      let (type, stored) = StoredAnswer.encode(value)
      try answerStatement.execute(arguments: [row, key, type, stored])
    }
    let contactStatement = try db.cachedStatement(
      sql: "INSERT INTO contacts (response_id, key, value) VALUES (?, ?, ?)")
    for (key, value) in response.contacts {
      try contactStatement.execute(arguments: [row, key, value])
    }
  }

  /// The response columns every query selects, in `StoredResponseReader`'s order.
  static let responseColumns = """
    r.id, r.uuid, r.survey_id, r.survey_version, r.schema_hash, r.status, r.language, r.started_at, \
    r.submitted_at, r.source, r.source_name, r.source_hash, r.device
    """

  /// The responses of a survey (`?` survey id, `?` whether partial ones
  /// count) in the store's order, start time then id, streamed through the
  /// `responses_in_order` index (no sort of the whole store).
  static let responsesInOrder = """
    SELECT \(responseColumns) FROM responses r
    WHERE r.survey_id = ? AND (? OR r.status = 'complete')
    ORDER BY r.started_at, r.uuid
    """

  /// The answers of one response (`?` its row id), by key.
  static let answersOfResponse = "SELECT key, type, value FROM answers WHERE response_id = ? ORDER BY key"

  static func fetchResponse(_ id: UUID, _ db: Database, path: String) throws -> Response? {
    let responses = try db.makeStatement(sql: "SELECT \(responseColumns) FROM responses r WHERE r.uuid = ?")
    try responses.setArguments([text(id)])
    var reader = StoredResponseReader(path: path)
    var found: Response?
    try reader.read(
      responses, answers: try answersStatement(db), contacts: try contactsStatement(db), db
    ) { found = $0 }
    return found
  }

  private static func answersStatement(_ db: Database) throws -> Statement {
    try db.makeStatement(sql: answersOfResponse)
  }

  /// The contacts of one response (`?` its row id).
  private static func contactsStatement(_ db: Database) throws -> Statement {
    try db.makeStatement(sql: "SELECT key, value FROM contacts WHERE response_id = ?")
  }
}

extension Response {
  /// Same answers, contacts and status: what the participant said. Times,
  /// language and survey version are left out: a file without them gets
  /// defaults (the import's time for a start time), which differ from one
  /// import to the next without the response being any different.
  package func sameContent(as other: Response) -> Bool {
    id == other.id && surveyID == other.surveyID && status == other.status && answers == other.answers
      && contacts == other.contacts
  }
}
