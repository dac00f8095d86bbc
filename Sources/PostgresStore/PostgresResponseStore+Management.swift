import BilanBase
import Foundation
import PostgresNIO
import ResponseStore
import SurveyDefinition

/// Erasure, contact purge, corrections and the audit trail, in PostgreSQL.
///
/// Each is one transaction: answers, contacts and history go with their
/// response (`ON DELETE CASCADE`), the audit row and the erased ids in the
/// same commit. What PostgreSQL cannot promise is that the bytes of erased
/// rows leave its files at once: they are unreadable to every query from
/// the commit on, and their space is reclaimed by VACUUM, but the data
/// files, the write-ahead log and backups may hold them until overwritten
/// (the database administrator's retention applies). `ErasureOutcome.compacted`
/// is therefore `false`, with that explanation in its note.
extension PostgresResponseStore {
  public func summaries(
    of selection: ResponseSelection, survey: String
  ) throws(StoreError) -> [ResponseSummary] {
    var bindings = PostgresBindings()
    bindings.append(survey)
    let condition: String
    switch selection {
    case .ids(let ids):
      guard !ids.isEmpty else { return [] }
      bindings.append(ids)
      condition = "r.uuid = ANY($2)"
    case .contact(let address):
      bindings.append(address)
      condition = "r.id IN (SELECT response_id FROM contacts WHERE lower(trim(value)) = lower(trim($2)))"
    case .startedBefore(let date):
      bindings.append(date)
      condition = "r.started_at < $2"
    case .rehearsal(let day):
      bindings.append(day)
      condition = "(r.started_at < $2 OR r.source = 'synthetic')"
    case .withContacts:
      condition = "r.id IN (SELECT response_id FROM contacts)"
    }
    let rows = try session.query(
      PostgresQuery(
        unsafeSQL: """
          SELECT r.uuid, r.status, r.started_at, r.submitted_at, r.source, r.source_name, r.source_hash,
            (SELECT count(*) FROM answers a WHERE a.response_id = r.id)::bigint,
            (SELECT count(*) FROM contacts c WHERE c.response_id = r.id)::bigint
          FROM responses r WHERE r.survey_id = $1 AND \(condition)
          ORDER BY r.started_at, r.uuid
          """, binds: bindings)
    ).rows
    return rows.compactMap { row -> ResponseSummary? in
      guard
        let (id, status, started, submitted, kind, name, hash, answers, contacts) = try? row.decode(
          (UUID, String, Date, Date?, String, String?, String?, Int64, Int64).self)
      else { return nil }
      let source: Response.Source =
        switch kind {
        case "file": .file(name: name ?? "", hash: hash ?? "")
        case "synthetic": .synthetic
        default: .terminal
        }
      return ResponseSummary(
        id: id, status: status == "complete" ? .complete : .partial, startedAt: started,
        submittedAt: submitted,
        source: source, answerCount: Int(answers), contactCount: Int(contacts))
    }
  }

  public func erase(_ ids: [UUID], survey: String, audit: AuditEntry) throws(StoreError) -> ErasureOutcome {
    let path = path
    let wanted = Array(Set(ids))
    let (responses, contacts) = try run {
      try session.transaction { transaction -> (Int, Int) in
        let found = try transaction.query(
          "SELECT id, uuid FROM responses WHERE uuid = ANY(\(wanted)) AND survey_id = \(survey) FOR UPDATE"
        ).rows.map { try $0.decode((Int64, UUID).self) }
        let foundIDs = Set(found.map(\.1))
        if let missing = wanted.first(where: { !foundIDs.contains($0) }) {
          throw StoreError.unknownResponse(id: missing, path: path)
        }
        let rows = found.map(\.0)
        let contacts =
          try transaction.query("SELECT count(*)::bigint FROM contacts WHERE response_id = ANY(\(rows))")
          .rows.first?.decode(Int64.self) ?? 0
        try transaction.query("DELETE FROM responses WHERE id = ANY(\(rows))")
        try transaction.query(
          "INSERT INTO erased (uuid) SELECT * FROM unnest(\(wanted)::uuid[]) ON CONFLICT DO NOTHING")
        try Self.insertAudit(audit, responses: rows.count, transaction)
        return (rows.count, Int(contacts))
      }
    }
    return ErasureOutcome(
      responses: responses, contacts: contacts, compacted: false, note: vacuumAfterErasure())
  }

  public func purgeContacts(survey: String, audit: AuditEntry) throws(StoreError) -> ErasureOutcome {
    let (responses, contacts) = try run {
      try session.transaction { transaction -> (Int, Int) in
        let removed = try transaction.query(
          """
          DELETE FROM contacts WHERE response_id IN (SELECT id FROM responses WHERE survey_id = \(survey))
          RETURNING response_id
          """
        ).rows.map { try $0.decode(Int64.self) }
        let responses = Set(removed).count
        try Self.insertAudit(audit, responses: responses, transaction)
        return (responses, removed.count)
      }
    }
    return ErasureOutcome(
      responses: responses, contacts: contacts, compacted: false, note: vacuumAfterErasure())
  }

  /// Runs VACUUM on the tables erased rows were in, when this role owns
  /// them (PostgreSQL lets only the owner), and says what remains.
  private func vacuumAfterErasure() -> String {
    let tables = ["responses", "answers", "contacts", "amendments"]
    let owned =
      (try? session.query(
        """
        SELECT bool_and(pg_has_role(c.relowner, 'USAGE')) FROM pg_class c
        WHERE c.oid = ANY(ARRAY[\(unescaped: tables.map { "'\($0)'::regclass" }.joined(separator: ", "))])
        """
      ).rows.first?.decode(Bool?.self)) ?? nil
    var vacuumed = false
    if owned == true {
      vacuumed =
        (try? session.query(PostgresQuery(unsafeSQL: "VACUUM " + tables.joined(separator: ", ")))) != nil
    }
    return
      (vacuumed
      ? "VACUUM ran: their space is reclaimed, "
      : "their space is reclaimed by the next VACUUM (autovacuum, or the owner of bilan's tables), ")
      + "but PostgreSQL may keep the erased bytes in its data files, write-ahead log and backups until they are "
      + "overwritten: ask the database's administrator (VACUUM FULL rewrites the tables; backups keep their own copy)"
  }

  public func amend(
    response id: UUID, answers: [String: AnswerValue?], contacts: [String: String?], audit: AuditEntry,
    reason: String?, check: (_ before: Response, _ after: Response) throws -> Void
  ) throws -> [Amendment] {
    let path = path
    return try session.transaction { transaction in
      var bindings = PostgresBindings()
      bindings.append(id)
      let locked = try transaction.query("SELECT id FROM responses WHERE uuid = \(id) FOR UPDATE").rows
      guard let row = try locked.first?.decode(Int64.self),
        let stored = try transaction.query(
          PostgresQuery(unsafeSQL: Self.responsesQuery(where: "r.uuid = $1", contacts: true), binds: bindings)
        ).rows.first
      else { throw StoreError.unknownResponse(id: id, path: path) }
      let before = try decodeResponse(stored, contacts: true)
      var after = before
      for (key, value) in answers { after.answers[key] = value }
      for (key, value) in contacts { after.contacts[key] = value }
      try check(before, after)
      var written: [Amendment] = []
      for key in answers.keys.sorted() where before.answers[key] != after.answers[key] {
        let previous = before.answers[key].map(ServerAnswer.encode)
        let next = after.answers[key].map(ServerAnswer.encode)
        try transaction.query(
          """
          INSERT INTO amendments (response_id, key, contact, previous_type, previous_value, new_type, new_value,
            at, actor, reason)
          VALUES (\(row), \(key), false, \(previous?.type), \(previous?.value ?? nil), \(next?.type),
            \(next?.value ?? nil), \(audit.at), \(audit.actor), \(reason))
          """)
        written.append(
          Amendment(
            key: key, previous: before.answers[key], value: after.answers[key], isContact: false,
            at: audit.at,
            actor: audit.actor, reason: reason))
      }
      for key in contacts.keys.sorted() where before.contacts[key] != after.contacts[key] {
        try transaction.query(
          """
          INSERT INTO amendments (response_id, key, contact, at, actor, reason)
          VALUES (\(row), \(key), true, \(audit.at), \(audit.actor), \(reason))
          """)
        written.append(
          Amendment(
            key: key, previous: nil, value: nil, isContact: true, at: audit.at, actor: audit.actor,
            reason: reason))
      }
      guard !written.isEmpty else { return [] }
      try transaction.query(
        Self.updateStatement(
          response: id, answers: answers.filter { before.answers[$0.key] != $0.value },
          contacts: contacts.filter { before.contacts[$0.key] != $0.value }))
      try Self.insertAudit(audit, responses: 1, transaction)
      return written
    }
  }

  public func amendments(of id: UUID) throws(StoreError) -> [Amendment] {
    let path = path
    let found = try session.query("SELECT id FROM responses WHERE uuid = \(id)").rows.first
    guard let row = try? found?.decode(Int64.self) else { throw .unknownResponse(id: id, path: path) }
    var result: [Amendment] = []
    for stored in try session.query(
      """
      SELECT key, contact, previous_type, previous_value, new_type, new_value, at, actor, reason
      FROM amendments WHERE response_id = \(row) ORDER BY id
      """
    ).rows {
      guard
        let (key, contact, previousType, previousValue, newType, newValue, at, actor, reason) =
          try? stored.decode(
            (String, Bool, String?, String?, String?, String?, Date, String, String?).self)
      else { continue }
      func value(_ type: String?, _ text: String?) throws(StoreError) -> AnswerValue? {
        guard let type else { return nil }
        guard let value = ServerAnswer.decode(type: type, value: text) else {
          throw .invalidStoredValue(
            path: path, response: id, key: key, detail: "'\(text ?? "")' is not a valid \(type)")
        }
        return value
      }
      result.append(
        Amendment(
          key: key, previous: try value(previousType, previousValue), value: try value(newType, newValue),
          isContact: contact, at: at, actor: actor, reason: reason))
    }
    return result
  }

  public func auditTrail() throws(StoreError) -> [AuditEntry] {
    try session.query(
      "SELECT action, survey_id, criterion, responses, actor, at FROM audit ORDER BY id"
    ).rows.compactMap { row in
      guard
        let (action, survey, criterion, responses, actor, at) = try? row.decode(
          (String, String, String, Int, String, Date).self),
        let kind = AuditEntry.Action(rawValue: action)
      else { return nil }
      return AuditEntry(
        action: kind, survey: survey, criterion: criterion, responses: responses, actor: actor, at: at)
    }
  }

  static func insertAudit(
    _ audit: AuditEntry, responses: Int, _ transaction: PostgresSession.Transaction
  ) throws(StoreError) {
    try transaction.query(
      """
      INSERT INTO audit (at, actor, action, survey_id, criterion, responses)
      VALUES (\(audit.at), \(audit.actor), \(audit.action.rawValue), \(audit.survey), \(audit.criterion), \(responses))
      """)
  }
}
