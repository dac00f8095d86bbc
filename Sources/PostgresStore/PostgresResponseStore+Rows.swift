import BilanBase
import Foundation
import PostgresNIO
import ResponseStore
import SurveyDefinition

/// The statements that write and read response rows.
extension PostgresResponseStore {
  /// The responses `condition` selects, each with its answers (and, with
  /// `contacts`, its contact data) gathered into arrays sorted by key, in the
  /// store's order: start time, then id (as `SQLiteResponseStore` reads them).
  /// Columns: id, uuid, survey_id, survey_version, schema_hash, status,
  /// language, started_at, submitted_at, source, source_name, source_hash,
  /// device, answer keys, types, values[, contact keys, values].
  static func responsesQuery(where condition: String, contacts: Bool) -> String {
    """
    SELECT r.id, r.uuid, r.survey_id, r.survey_version, r.schema_hash, r.status, r.language, r.started_at,
      r.submitted_at, r.source, r.source_name, r.source_hash, r.device, a.keys, a.types, a.vals\
    \(contacts ? ", c.keys, c.vals" : "")
    FROM responses r
    LEFT JOIN LATERAL (
      SELECT array_agg(key ORDER BY key) AS keys, array_agg(type ORDER BY key) AS types,
        array_agg(coalesce(value, '') ORDER BY key) AS vals
      FROM answers WHERE response_id = r.id) a ON true
    \(contacts
      ? """
      LEFT JOIN LATERAL (
        SELECT array_agg(key ORDER BY key) AS keys, array_agg(value ORDER BY key) AS vals
        FROM contacts WHERE response_id = r.id) c ON true
      """ : "")
    WHERE \(condition)
    ORDER BY r.started_at, r.uuid
    """
  }

  /// The response on a row of `responsesQuery`.
  func decodeResponse(_ row: PostgresRow, contacts: Bool) throws(StoreError) -> Response {
    let cells = row.makeRandomAccess()
    let id: UUID
    var response: Response
    let keys: [String]
    let types: [String]
    let values: [String]
    do {
      id = try cells[1].decode(UUID.self)
      let source: Response.Source
      switch try cells[9].decode(String.self) {
      case "file":
        source = .file(
          name: try cells[10].decode(String?.self) ?? "", hash: try cells[11].decode(String?.self) ?? "")
      case "synthetic": source = .synthetic
      default: source = .terminal
      }
      response = Response(
        id: id, surveyID: try cells[2].decode(String.self), surveyVersion: try cells[3].decode(Int.self),
        schemaHash: try cells[4].decode(String.self),
        status: try cells[5].decode(String.self) == "complete" ? .complete : .partial,
        language: try cells[6].decode(String.self), startedAt: try cells[7].decode(Date.self),
        submittedAt: try cells[8].decode(Date?.self), source: source,
        device: try cells[12].decode(String?.self))
      keys = try cells[13].decode([String]?.self) ?? []
      types = try cells[14].decode([String]?.self) ?? []
      values = try cells[15].decode([String]?.self) ?? []
      if contacts {
        let contactKeys = try cells[16].decode([String]?.self) ?? []
        let contactValues = try cells[17].decode([String]?.self) ?? []
        response.contacts = Dictionary(
          zip(contactKeys, contactValues).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw .corrupt(path: path, detail: "a response row could not be read (\(String(reflecting: error)))")
    }
    guard keys.count == types.count, keys.count == values.count else {
      throw .corrupt(path: path, detail: "response \(id.uuidString.lowercased()): answers out of step")
    }
    var answers = Answers(minimumCapacity: keys.count)
    for index in keys.indices {
      let type = types[index]
      let stored: String? = type == "na" ? nil : values[index]
      guard let value = ServerAnswer.decode(type: type, value: stored) else {
        throw .invalidStoredValue(
          path: path, response: id, key: keys[index], detail: "'\(values[index])' is not a valid \(type)")
      }
      answers[keys[index]] = value
    }
    response.answers = answers
    return response
  }

  // MARK: Writing

  static func insertSchema(_ schema: SchemaRecord, survey: String) -> PostgresQuery {
    """
    INSERT INTO schemas (survey_id, hash, survey_version, fields, recorded_at)
    VALUES (\(survey), \(schema.hash), \(schema.surveyVersion), \(schema.fieldsJSON), \(Timestamp.truncated(Date())))
    ON CONFLICT DO NOTHING
    """
  }

  /// The source columns of a response: kind, file name, file hash.
  private static func source(_ response: Response) -> (kind: String, name: String?, hash: String?) {
    switch response.source {
    case .terminal: ("terminal", nil, nil)
    case .file(let name, let hash): ("file", name, hash)
    case .synthetic: ("synthetic", nil, nil)
    }
  }

  /// One response row, returning its `id`.
  static func insertResponse(_ response: Response, conflict: String) -> PostgresQuery {
    insertResponses([response], conflict: conflict)
  }

  /// Response rows from arrays (one statement for a whole batch), returning `id, uuid`.
  static func insertResponses(_ responses: [Response], conflict: String = "") -> PostgresQuery {
    var bindings = PostgresBindings(capacity: 14)
    bindings.append(responses.map(\.id))
    bindings.append(responses.map(\.surveyID))
    bindings.append(responses.map(\.surveyVersion))
    bindings.append(responses.map(\.schemaHash))
    bindings.append(responses.map(\.status.rawValue))
    bindings.append(responses.map(\.language))
    bindings.append(responses.map { Timestamp.truncated($0.startedAt) })
    // Arrays cannot hold NULL here: a flag beside a value says whether it is given.
    bindings.append(
      responses.map { $0.submittedAt.map(Timestamp.truncated) ?? Date(timeIntervalSince1970: 0) })
    bindings.append(responses.map { $0.submittedAt != nil })
    let sources = responses.map(source)
    bindings.append(sources.map(\.kind))
    bindings.append(sources.map { $0.name ?? "" })
    bindings.append(sources.map { $0.hash ?? "" })
    bindings.append(responses.map { $0.device ?? "" })
    bindings.append(responses.map { $0.device != nil })
    return PostgresQuery(
      unsafeSQL: """
        INSERT INTO responses (uuid, survey_id, survey_version, schema_hash, status, language, started_at,
          submitted_at, updated_at, source, source_name, source_hash, device)
        SELECT u, s, v, h, st, l, sa, CASE WHEN has_submitted THEN su END, now(), src,
          CASE WHEN src = 'file' THEN sn END, CASE WHEN src = 'file' THEN sh END, CASE WHEN has_device THEN d END
        FROM unnest($1::uuid[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::text[],
          $7::timestamptz[], $8::timestamptz[], $9::boolean[], $10::text[], $11::text[], $12::text[], $13::text[],
          $14::boolean[])
          AS x(u, s, v, h, st, l, sa, su, has_submitted, src, sn, sh, d, has_device)
        \(conflict)
        RETURNING id, uuid
        """, binds: bindings)
  }

  /// The answers and contacts of freshly inserted responses (`row id`, response).
  static func insertAnswers(
    _ rows: [(Int64, Response)], _ transaction: PostgresSession.Transaction
  ) throws(StoreError) {
    var ids: [Int64] = []
    var keys: [String] = []
    var types: [String] = []
    var values: [String] = []
    var contactIDs: [Int64] = []
    var contactKeys: [String] = []
    var contactValues: [String] = []
    for (id, response) in rows {
      for (key, value) in response.answers {
        let (type, stored) = ServerAnswer.encode(value)
        ids.append(id)
        keys.append(key)
        types.append(type)
        values.append(stored ?? "")
      }
      for (key, value) in response.contacts {
        contactIDs.append(id)
        contactKeys.append(key)
        contactValues.append(ServerAnswer.clean(value))
      }
    }
    if !ids.isEmpty {
      try transaction.query(
        """
        INSERT INTO answers (response_id, key, type, value)
        SELECT i, k, t, CASE WHEN t = 'na' THEN NULL ELSE v END
        FROM unnest(\(ids)::bigint[], \(keys)::text[], \(types)::text[], \(values)::text[]) AS x(i, k, t, v)
        """)
    }
    if !contactIDs.isEmpty {
      try transaction.query(
        """
        INSERT INTO contacts (response_id, key, value)
        SELECT * FROM unnest(\(contactIDs)::bigint[], \(contactKeys)::text[], \(contactValues)::text[])
        """)
    }
  }

  /// Sets and removes answers and contacts of one response, and marks it
  /// updated: one statement, so one transaction and one round trip. Returns
  /// the response's row (none when the id is unknown).
  static func updateStatement(
    response id: UUID, answers: [String: AnswerValue?], contacts: [String: String?]
  ) -> PostgresQuery {
    var bindings = PostgresBindings()
    bindings.append(id)
    func parameter<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
      bindings.append(value)
      return "$\(bindings.count)"
    }
    var parts: [String] = ["r AS (UPDATE responses SET updated_at = now() WHERE uuid = $1 RETURNING id)"]
    let set = answers.compactMapValues { $0 }.sorted { $0.key < $1.key }
    if !set.isEmpty {
      let encoded = set.map { ServerAnswer.encode($0.value) }
      let keys = parameter(set.map(\.key))
      let types = parameter(encoded.map(\.type))
      let values = parameter(encoded.map { $0.value ?? "" })
      parts.append(
        """
        set_answers AS (INSERT INTO answers (response_id, key, type, value)
          SELECT r.id, k, t, CASE WHEN t = 'na' THEN NULL ELSE v END
          FROM r, unnest(\(keys)::text[], \(types)::text[], \(values)::text[]) AS x(k, t, v)
          ON CONFLICT (response_id, key) DO UPDATE SET type = excluded.type, value = excluded.value)
        """)
    }
    let removed = answers.filter { $0.value == nil }.keys.sorted()
    if !removed.isEmpty {
      parts.append(
        "removed_answers AS (DELETE FROM answers WHERE response_id IN (SELECT id FROM r) "
          + "AND key = ANY(\(parameter(removed))::text[]))")
    }
    let setContacts = contacts.compactMapValues { $0 }.sorted { $0.key < $1.key }
    if !setContacts.isEmpty {
      let keys = parameter(setContacts.map(\.key))
      let values = parameter(setContacts.map { ServerAnswer.clean($0.value) })
      parts.append(
        """
        set_contacts AS (INSERT INTO contacts (response_id, key, value)
          SELECT r.id, k, v FROM r, unnest(\(keys)::text[], \(values)::text[]) AS x(k, v)
          ON CONFLICT (response_id, key) DO UPDATE SET value = excluded.value)
        """)
    }
    let removedContacts = contacts.filter { $0.value == nil }.keys.sorted()
    if !removedContacts.isEmpty {
      parts.append(
        "removed_contacts AS (DELETE FROM contacts WHERE response_id IN (SELECT id FROM r) "
          + "AND key = ANY(\(parameter(removedContacts))::text[]))")
    }
    return PostgresQuery(
      unsafeSQL: "WITH " + parts.joined(separator: ",\n") + "\nSELECT id FROM r", binds: bindings)
  }
}
