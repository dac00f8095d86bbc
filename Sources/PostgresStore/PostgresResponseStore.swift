import BilanBase
import Foundation
import PostgresNIO
import ResponseStore
import SurveyDefinition

/// The response store in a PostgreSQL database that a network shares.
///
/// The same protocol, concepts and results as `SQLiteResponseStore`, for
/// many surveys and many computers at once:
/// - every change is one short transaction, committed before the call
///   returns (saving an answer is one statement);
/// - the responses of every survey live side by side, told apart by
///   `survey_id`; the store opened for a survey writes that survey's schema
///   and import records;
/// - responses are read through a cursor, a batch at a time, in one
///   read-only snapshot: memory does not grow with the database;
/// - contact data are read only when asked for, from a table a reporting
///   role is given no privilege on (docs/postgresql.md).
///
/// Messages name the server by its URL without the password (`path`).
/// The store must not be called from inside a `forEachResponse` body.
public final class PostgresResponseStore: ResponseRepository, @unchecked Sendable {
  public let address: ServerAddress
  /// The survey the store was opened for, whose schema and imports it records.
  public let surveyID: String?
  let session: PostgresSession

  /// Responses read per round trip by `forEachResponse`.
  static let batchSize = 500

  /// The server's URL without its password: what messages show.
  public var path: String { address.redacted }

  /// Connects to the database and applies the migrations it lacks.
  ///
  /// - Parameters:
  ///   - create: `false` to refuse a database where bilan's tables do not
  ///     exist yet (`StoreError.notFound`), instead of creating them.
  ///   - environment: where `PGPASSWORD`, `PGUSER`… and `~/.pgpass` are read.
  public init(
    address: ServerAddress, surveyID: String?, create: Bool = true,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(StoreError) {
    self.address = address
    self.surveyID = surveyID
    let configuration = try ConnectionSettings.configuration(for: address, environment: environment)
    session = try PostgresSession(configuration: configuration, shown: address.redacted)
    try checkEncoding()
    try migrate(create: create)
  }

  /// Refuses a database whose text is not UTF-8: answers in any language must fit.
  private func checkEncoding() throws(StoreError) {
    let row = try session.query("SELECT current_setting('server_encoding')").rows.first
    let encoding = (try? row?.decode(String.self)) ?? "?"
    guard encoding == "UTF8" else {
      throw .invalidAddress(
        address: path,
        reason:
          "the database's encoding is \(encoding); bilan needs UTF8 "
          + "(CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0)")
    }
  }

  // MARK: ResponseRepository

  public func recordSchema(_ schema: SchemaRecord) throws(StoreError) {
    guard let surveyID else { return }
    try session.query(Self.insertSchema(schema, survey: surveyID))
  }

  public func begin(_ response: Response) throws(StoreError) {
    let path = path
    try run {
      try session.transaction { transaction in
        let inserted = try transaction.query(
          Self.insertResponse(response, conflict: "ON CONFLICT (uuid) DO NOTHING"))
        guard let row = inserted.rows.first, let id = try? row.decode(Int64.self) else {
          throw StoreError.duplicateResponse(id: response.id, path: path)
        }
        try Self.insertAnswers([(id, response)], transaction)
      }
    }
  }

  public func update(
    response id: UUID, answers: [String: AnswerValue?], contacts: [String: String?]
  ) throws(StoreError) {
    let result = try session.query(Self.updateStatement(response: id, answers: answers, contacts: contacts))
    if result.rows.isEmpty { throw .unknownResponse(id: id, path: path) }
  }

  public func setStatus(_ status: Response.Status, submittedAt: Date?, response id: UUID) throws(StoreError) {
    let submitted = submittedAt.map(Timestamp.truncated)
    let result = try session.query(
      """
      UPDATE responses SET status = \(status.rawValue), submitted_at = \(submitted), updated_at = now()
      WHERE uuid = \(id) RETURNING id
      """)
    if result.rows.isEmpty { throw .unknownResponse(id: id, path: path) }
  }

  public func response(_ id: UUID) throws(StoreError) -> Response? {
    var bindings = PostgresBindings()
    bindings.append(id)
    let rows = try session.query(
      PostgresQuery(unsafeSQL: Self.responsesQuery(where: "r.uuid = $1", contacts: true), binds: bindings)
    ).rows
    return try rows.first.map { row throws(StoreError) in try decodeResponse(row, contacts: true) }
  }

  public func latestPartialResponse(survey: String, device: String) throws(StoreError) -> Response? {
    let found = try session.query(
      """
      SELECT uuid FROM responses WHERE device = \(device) AND status = 'partial' AND survey_id = \(survey)
      ORDER BY updated_at DESC, id DESC LIMIT 1
      """
    ).rows.first
    guard let found, let id = try? found.decode(UUID.self) else { return nil }
    return try response(id)
  }

  public func forEachResponse(
    survey: String, includePartial: Bool, includeContacts: Bool, _ body: (Response) throws -> Void
  ) throws {
    var bindings = PostgresBindings()
    bindings.append(survey)
    bindings.append(includePartial)
    let select = Self.responsesQuery(
      where: "r.survey_id = $1 AND ($2 OR r.status = 'complete')", contacts: includeContacts)
    try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { transaction in
      try transaction.query(
        PostgresQuery(unsafeSQL: "DECLARE bilan_responses NO SCROLL CURSOR FOR \(select)", binds: bindings))
      while true {
        let rows = try transaction.query(
          PostgresQuery(unsafeSQL: "FETCH FORWARD \(Self.batchSize) FROM bilan_responses")
        ).rows
        if rows.isEmpty { break }
        for row in rows { try body(try decodeResponse(row, contacts: includeContacts)) }
      }
    }
  }

  public func count(survey: String, includePartial: Bool) throws(StoreError) -> Int {
    let row = try session.query(
      """
      SELECT count(*)::bigint FROM responses
      WHERE survey_id = \(survey) AND (\(includePartial) OR status = 'complete')
      """
    ).rows.first
    return Int((try? row?.decode(Int64.self)) ?? 0)
  }

  public func insert(
    _ responses: [Response], schemas: [SchemaRecord], source: ImportRecord?, tokens: FollowUpTokens
  ) throws(StoreError) -> InsertOutcome {
    let survey = surveyID ?? responses.first?.surveyID
    return try run {
      try session.transaction { transaction in
        // One import of a survey at a time: a file given twice at once is recorded once.
        try transaction.query("SELECT pg_advisory_xact_lock(hashtextextended(\(survey ?? ""), 0))")
        if let source, let survey {
          let seen = try transaction.query(
            "SELECT 1 FROM imports WHERE survey_id = \(survey) AND hash = \(source.hash)")
          if !seen.rows.isEmpty {
            return InsertOutcome(added: 0, alreadyPresent: responses.count, fileAlreadyImported: true)
          }
        }
        if let survey {
          for schema in schemas { try transaction.query(Self.insertSchema(schema, survey: survey)) }
        }
        let outcome = try insertNew(responses, transaction)
        try Self.insertTokens(tokens, transaction)
        if let source, let survey {
          try transaction.query(
            """
            INSERT INTO imports (survey_id, hash, name, imported_at, added)
            VALUES (\(survey), \(source.hash), \(source.name), \(Timestamp.truncated(source.importedAt)), \(outcome.added))
            """)
        }
        return outcome
      }
    }
  }

  /// Adds the responses whose id is neither stored nor erased, a batch of
  /// rows per statement; counts the others as `insert` reports them.
  private func insertNew(
    _ responses: [Response], _ transaction: PostgresSession.Transaction
  ) throws -> InsertOutcome {
    var outcome = InsertOutcome(added: 0, alreadyPresent: 0)
    let chunk = 1000
    var start = 0
    while start < responses.count {
      let part = Array(responses[start..<min(start + chunk, responses.count)])
      start += chunk
      let ids = part.map(\.id)
      var stored: [UUID: Response] = [:]
      var bindings = PostgresBindings()
      bindings.append(ids)
      for row in try transaction.query(
        PostgresQuery(
          unsafeSQL: Self.responsesQuery(where: "r.uuid = ANY($1)", contacts: true), binds: bindings)
      ).rows {
        let response = try decodeResponse(row, contacts: true)
        stored[response.id] = response
      }
      let erased = Set(
        try transaction.query("SELECT uuid FROM erased WHERE uuid = ANY(\(ids))").rows.map {
          try $0.decode(UUID.self)
        })
      var new: [Response] = []
      var seen: Set<UUID> = []
      for response in part {
        if let copy = stored[response.id] {
          outcome.alreadyPresent += 1
          if !copy.sameContent(as: response) { outcome.differing += 1 }
        } else if erased.contains(response.id) {
          outcome.erased += 1
        } else if seen.insert(response.id).inserted {
          new.append(response)
        } else {
          outcome.alreadyPresent += 1
        }
      }
      guard !new.isEmpty else { continue }
      var rows: [(Int64, Response)] = []
      for row in try transaction.query(Self.insertResponses(new)).rows {
        let (id, uuid) = try row.decode((Int64, UUID).self)
        if let response = new.first(where: { $0.id == uuid }) { rows.append((id, response)) }
      }
      try Self.insertAnswers(rows, transaction)
      outcome.added += new.count
    }
    return outcome
  }

  public func storedSchemas(survey: String) throws(StoreError) -> [StoredSchema] {
    var counts: [String: Int] = [:]
    for row in try session.query(
      "SELECT schema_hash, count(*)::bigint FROM responses WHERE survey_id = \(survey) GROUP BY schema_hash"
    ).rows {
      guard let (hash, count) = try? row.decode((String, Int64).self) else { continue }
      counts[hash] = Int(count)
    }
    var records: [String: SchemaRecord] = [:]
    for row in try session.query(
      "SELECT hash, survey_version, fields FROM schemas WHERE survey_id = \(survey)"
    ).rows {
      guard let (hash, version, fields) = try? row.decode((String, Int, String).self) else { continue }
      records[hash] = SchemaRecord(hash: hash, surveyVersion: version, fieldsJSON: fields)
    }
    return Set(counts.keys).union(records.keys)
      .map { StoredSchema(hash: $0, record: records[$0], responseCount: counts[$0] ?? 0) }
      .sorted { ($0.responseCount, $1.hash) > ($1.responseCount, $0.hash) }
  }

  public func imports() throws(StoreError) -> [ImportRecord] {
    try session.query(
      """
      SELECT hash, name, imported_at, added FROM imports
      WHERE \(surveyID == nil) OR survey_id = \(surveyID ?? "") ORDER BY imported_at, hash
      """
    ).rows.compactMap { row in
      guard let (hash, name, at, added) = try? row.decode((String, String, Date, Int).self) else {
        return nil
      }
      return ImportRecord(hash: hash, name: name, importedAt: at, added: added)
    }
  }

  /// Adds the tokens of stored responses that have none (another store's, merged).
  private static func insertTokens(
    _ tokens: FollowUpTokens, _ transaction: PostgresSession.Transaction
  ) throws {
    for (table, entries) in [("follow_up_tokens", tokens.issued), ("follow_up_links", tokens.given)] {
      guard !entries.isEmpty else { continue }
      let sorted = entries.sorted { $0.key.uuidString < $1.key.uuidString }
      var bindings = PostgresBindings()
      bindings.append(sorted.map(\.key))
      bindings.append(sorted.map(\.value))
      try transaction.query(
        PostgresQuery(
          unsafeSQL: """
            INSERT INTO \(table) (response_id, token)
            SELECT r.id, t.token FROM unnest($1::uuid[], $2::text[]) AS t (uuid, token)
            JOIN responses r ON r.uuid = t.uuid
            ON CONFLICT DO NOTHING
            """, binds: bindings))
    }
  }

  // MARK: Follow-up tokens

  public func followUpToken(response id: UUID) throws(StoreError) -> String {
    let path = path
    return try run {
      try session.transaction { transaction in
        let found = try transaction.query(
          """
          SELECT r.id, t.token FROM responses r LEFT JOIN follow_up_tokens t ON t.response_id = r.id
          WHERE r.uuid = \(id)
          """
        ).rows.first
        guard let found, let (row, existing) = try? found.decode((Int64, String?).self) else {
          throw StoreError.unknownResponse(id: id, path: path)
        }
        if let existing { return existing }
        while true {
          let token = FollowUpToken.random()
          let inserted = try transaction.query(
            """
            INSERT INTO follow_up_tokens (response_id, token) VALUES (\(row), \(token))
            ON CONFLICT DO NOTHING RETURNING token
            """)
          // A token another response already has (one chance in 2⁴⁰ per response): draw again.
          if !inserted.rows.isEmpty { return token }
        }
      }
    }
  }

  public func setFollowedToken(_ token: String?, response id: UUID) throws(StoreError) {
    let found = try session.query("SELECT id FROM responses WHERE uuid = \(id)").rows.first
    guard let found, let row = try? found.decode(Int64.self) else {
      throw .unknownResponse(id: id, path: path)
    }
    if let token {
      try session.query(
        """
        INSERT INTO follow_up_links (response_id, token) VALUES (\(row), \(token))
        ON CONFLICT (response_id) DO UPDATE SET token = excluded.token
        """)
    } else {
      try session.query("DELETE FROM follow_up_links WHERE response_id = \(row)")
    }
  }

  public func followUpTokens(survey: String) throws(StoreError) -> FollowUpTokens {
    var tokens = FollowUpTokens()
    for row in try session.query(
      """
      SELECT r.uuid, t.token FROM follow_up_tokens t JOIN responses r ON r.id = t.response_id
      WHERE r.survey_id = \(survey)
      """
    ).rows {
      guard let (id, token) = try? row.decode((UUID, String).self) else { continue }
      tokens.issued[id] = token
    }
    for row in try session.query(
      """
      SELECT r.uuid, t.token FROM follow_up_links t JOIN responses r ON r.id = t.response_id
      WHERE r.survey_id = \(survey)
      """
    ).rows {
      guard let (id, token) = try? row.decode((UUID, String).self) else { continue }
      tokens.given[id] = token
    }
    return tokens
  }

  // MARK: Running

  /// Runs `work`, giving a `StoreError` for anything it throws that is not one.
  func run<T>(_ work: () throws -> T) throws(StoreError) -> T {
    do {
      return try work()
    } catch let error as StoreError {
      throw error
    } catch {
      throw PostgresErrors.storeError(error, shown: path, connecting: false)
    }
  }
}
