import BilanBase
import Foundation
import GRDB
import SurveyDefinition

/// Erasure, contact purge, corrections and the audit trail, in SQLite.
///
/// Erased content must not linger in the file: the changes run with
/// `secure_delete` (SQLite overwrites what it frees with zeros), then
/// `VACUUM` rebuilds the file without free pages, and a `TRUNCATE`
/// checkpoint copies the write-ahead log into the file and empties it. Each
/// step is a transaction of its own: a process killed at any point leaves
/// the store before or after the change, never between.
extension SQLiteResponseStore {
  public func summaries(
    of selection: ResponseSelection, survey: String
  ) throws(StoreError) -> [ResponseSummary] {
    let condition: String
    let arguments: StatementArguments
    switch selection {
    case .ids(let ids):
      guard !ids.isEmpty else { return [] }
      condition = "r.uuid IN (\(ids.map { _ in "?" }.joined(separator: ",")))"
      arguments = StatementArguments(ids.map(Self.text))
    case .contact(let address):
      condition =
        "r.id IN (SELECT response_id FROM contacts WHERE lower(trim(value)) = lower(trim(?)))"
      arguments = [address]
    case .startedBefore(let date):
      condition = "r.started_at < ?"
      arguments = [Timestamp.string(from: date)]
    case .rehearsal(let day):
      condition = "(r.started_at < ? OR r.source = 'synthetic')"
      arguments = [Timestamp.string(from: day)]
    case .withContacts:
      condition = "r.id IN (SELECT response_id FROM contacts)"
      arguments = []
    }
    return try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT r.uuid, r.status, r.started_at, r.submitted_at, r.source, r.source_name, r.source_hash,
            (SELECT COUNT(*) FROM answers a WHERE a.response_id = r.id),
            (SELECT COUNT(*) FROM contacts c WHERE c.response_id = r.id)
          FROM responses r WHERE r.survey_id = ? AND \(condition)
          ORDER BY r.started_at, r.uuid
          """, arguments: [survey] + arguments
      ).compactMap { row -> ResponseSummary? in
        guard let id = UUID(uuidString: row[0]), let status = Response.Status(rawValue: row[1]),
          let started = Timestamp.date(from: row[2])
        else { return nil }
        let source: Response.Source =
          switch row[4] as String {
          case "file": .file(name: row[5] ?? "", hash: row[6] ?? "")
          case "synthetic": .synthetic
          default: .terminal
          }
        return ResponseSummary(
          id: id, status: status, startedAt: started,
          submittedAt: (row[3] as String?).flatMap(Timestamp.date),
          source: source, answerCount: row[7], contactCount: row[8])
      }
    }
  }

  public func erase(_ ids: [UUID], survey: String, audit: AuditEntry) throws(StoreError) -> ErasureOutcome {
    let path = path
    let (responses, contacts) = try write { db in
      try db.execute(sql: "PRAGMA secure_delete = ON")
      let find = try db.cachedStatement(sql: "SELECT id FROM responses WHERE uuid = ? AND survey_id = ?")
      let countContacts = try db.cachedStatement(sql: "SELECT COUNT(*) FROM contacts WHERE response_id = ?")
      // Answers, contacts and amendments go with the response (ON DELETE CASCADE).
      let delete = try db.cachedStatement(sql: "DELETE FROM responses WHERE id = ?")
      let remember = try db.cachedStatement(sql: "INSERT OR IGNORE INTO erased (uuid) VALUES (?)")
      var erased = 0
      var contacts = 0
      for id in Set(ids) {
        guard let row = try Int64.fetchOne(find, arguments: [Self.text(id), survey]) else {
          throw StoreError.unknownResponse(id: id, path: path)
        }
        contacts += try Int.fetchOne(countContacts, arguments: [row]) ?? 0
        try delete.execute(arguments: [row])
        try remember.execute(arguments: [Self.text(id)])
        erased += 1
      }
      try Self.insertAudit(audit, responses: erased, db)
      return (erased, contacts)
    }
    return ErasureOutcome(responses: responses, contacts: contacts, compacted: try compact())
  }

  public func purgeContacts(survey: String, audit: AuditEntry) throws(StoreError) -> ErasureOutcome {
    let (responses, contacts) = try write { db in
      try db.execute(sql: "PRAGMA secure_delete = ON")
      let ofSurvey = "response_id IN (SELECT id FROM responses WHERE survey_id = ?)"
      let responses =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(DISTINCT response_id) FROM contacts WHERE \(ofSurvey)", arguments: [survey])
        ?? 0
      try db.execute(sql: "DELETE FROM contacts WHERE \(ofSurvey)", arguments: [survey])
      let contacts = db.changesCount
      try Self.insertAudit(audit, responses: responses, db)
      return (responses, contacts)
    }
    return ErasureOutcome(responses: responses, contacts: contacts, compacted: try compact())
  }

  public func amend(
    response id: UUID, answers: [String: AnswerValue?], contacts: [String: String?], audit: AuditEntry,
    reason: String?, check: (_ before: Response, _ after: Response) throws -> Void
  ) throws -> [Amendment] {
    let path = path
    do {
      return try database.writeWithoutTransaction { db in
        var written: [Amendment] = []
        try db.inTransaction(.immediate) {
          try db.execute(sql: "PRAGMA secure_delete = ON")
          guard let row = try Self.rowID(of: id, db), let before = try Self.fetchResponse(id, db, path: path)
          else { throw StoreError.unknownResponse(id: id, path: path) }
          var after = before
          for (key, value) in answers { after.answers[key] = value }
          for (key, value) in contacts { after.contacts[key] = value }
          try check(before, after)
          let at = Timestamp.string(from: audit.at)
          let history = try db.cachedStatement(
            sql: """
              INSERT INTO amendments (response_id, key, contact, previous_type, previous_value, new_type,
                new_value, at, actor, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          for key in answers.keys.sorted() where before.answers[key] != after.answers[key] {
            let previous = before.answers[key].map(StoredAnswer.encode)
            let next = after.answers[key].map(StoredAnswer.encode)
            try history.execute(arguments: [
              row, key, 0, previous?.type, previous?.value, next?.type, next?.value, at, audit.actor, reason,
            ])
            written.append(
              Amendment(
                key: key, previous: before.answers[key], value: after.answers[key], isContact: false,
                at: audit.at, actor: audit.actor, reason: reason))
          }
          for key in contacts.keys.sorted() where before.contacts[key] != after.contacts[key] {
            try history.execute(arguments: [row, key, 1, nil, nil, nil, nil, at, audit.actor, reason])
            written.append(
              Amendment(
                key: key, previous: nil, value: nil, isContact: true, at: audit.at, actor: audit.actor,
                reason: reason))
          }
          guard !written.isEmpty else { return .commit }
          try Self.writeAnswers(
            answers.filter { before.answers[$0.key] != $0.value },
            contacts: contacts.filter { before.contacts[$0.key] != $0.value }, row: row, db)
          try Self.insertAudit(audit, responses: 1, db)
          return .commit
        }
        return written
      }
    } catch let error as DatabaseError {
      throw Self.storeError(error, path: path)
    }
  }

  public func amendments(of id: UUID) throws(StoreError) -> [Amendment] {
    let path = path
    return try read { db in
      guard let row = try Self.rowID(of: id, db) else { throw StoreError.unknownResponse(id: id, path: path) }
      return try Row.fetchAll(
        db,
        sql: """
          SELECT key, contact, previous_type, previous_value, new_type, new_value, at, actor, reason
          FROM amendments WHERE response_id = ? ORDER BY id
          """, arguments: [row]
      ).map { row in
        let key: String = row[0]
        func value(_ type: String?, _ stored: DatabaseValue) throws -> AnswerValue? {
          try type.map {
            try StoredAnswer.decode(type: $0, value: stored, path: path, response: id, key: key)
          }
        }
        return Amendment(
          key: key, previous: try value(row[2], row[3]), value: try value(row[4], row[5]),
          isContact: (row[1] as Int) == 1, at: Timestamp.date(from: row[6]) ?? Date(timeIntervalSince1970: 0),
          actor: row[7], reason: row[8])
      }
    }
  }

  public func auditTrail() throws(StoreError) -> [AuditEntry] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT action, survey_id, criterion, responses, actor, at FROM audit ORDER BY id"
      ).compactMap { row in
        guard let action = AuditEntry.Action(rawValue: row[0]) else { return nil }
        return AuditEntry(
          action: action, survey: row[1], criterion: row[2], responses: row[3], actor: row[4],
          at: Timestamp.date(from: row[5]) ?? Date(timeIntervalSince1970: 0))
      }
    }
  }

  // MARK: Compaction

  /// Rebuilds the file without free pages (`VACUUM`), then copies the
  /// write-ahead log into it and empties the log (`wal_checkpoint(TRUNCATE)`).
  /// Returns `false` when another process's reading kept the log from being
  /// emptied (it is, at the next compaction or when the last process closes
  /// the store).
  func compact() throws(StoreError) -> Bool {
    do {
      return try database.writeWithoutTransaction { db in
        try db.execute(sql: "VACUUM")
        guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") else { return false }
        return (row[0] as Int) == 0
      }
    } catch {
      throw Self.storeError(error, path: path)
    }
  }

  // MARK: Rows

  private static func insertAudit(_ audit: AuditEntry, responses: Int, _ db: Database) throws {
    try db.execute(
      sql: "INSERT INTO audit (at, actor, action, survey_id, criterion, responses) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [
        Timestamp.string(from: audit.at), audit.actor, audit.action.rawValue, audit.survey, audit.criterion,
        responses,
      ])
  }

  static func wasErased(_ id: UUID, _ db: Database) throws -> Bool {
    try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM erased WHERE uuid = ?"), arguments: [text(id)])
      ?? false
  }
}
