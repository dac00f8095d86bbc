import BilanBase
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// The `ResponseRepository` contract, played through SQLite and PostgreSQL:
/// one scenario touching every method, whose transcript must be the same
/// line for line on both stores (and right on each).
@Suite struct RepositoryContractTests {
  /// Runs the scenario on `store` and returns what it observed.
  static func scenario(_ store: any ResponseRepository) throws -> [String] {
    var lines: [String] = []
    func note(_ line: String) { lines.append(line) }
    func attempt(_ label: String, _ work: () throws -> Void) {
      do {
        try work()
        note("\(label): no error")
      } catch {
        note("\(label): \(kind(of: error))")
      }
    }
    let survey = Atelier.survey
    try store.recordSchema(of: survey)
    try store.recordSchema(of: survey)

    // The questionnaire's path: begin, an answer at a time, resume, submit.
    var live = Response(
      id: UUID(derivedFrom: "pg-live"), surveyID: survey.id, surveyVersion: 1, schemaHash: survey.schemaHash,
      status: .partial, language: "en", startedAt: Atelier.start.addingTimeInterval(0.75),
      device: "host:/dev/pts/9")
    try store.begin(live)
    attempt("begin twice") { try store.begin(live) }
    try store.save(.code("elu"), forKey: "role", response: live.id)
    try store.save(.text("Pilat\u{0}"), forKey: "territoire", response: live.id)
    try store.save(.number(0.1), forKey: "budget", response: live.id)
    try store.save(.codes(["a\"b", "c,d"]), forKey: "limites.plan", response: live.id)
    try store.save(.notApplicable, forKey: "valeur.plan", response: live.id)
    try store.saveContact("x@example.org", forKey: "email", response: live.id)
    try store.save(.boolean(true), forKey: "suivi", response: live.id)
    try store.save(nil, forKey: "suivi", response: live.id)
    try store.update(
      response: live.id, answers: ["age": .integer(41), "satisfaction": .integer(4)], contacts: ["email": nil]
    )
    attempt("save to an unknown response") {
      try store.save(.integer(1), forKey: "age", response: UUID(derivedFrom: "unknown"))
    }
    note(
      "resume: \(transcript(try store.latestPartialResponse(survey: survey.id, device: "host:/dev/pts/9")))")
    note(
      "resume elsewhere: \(transcript(try store.latestPartialResponse(survey: survey.id, device: "other")))")
    try store.submit(response: live.id, at: Atelier.start.addingTimeInterval(600.9))
    attempt("submit unknown") { try store.submit(response: UUID(derivedFrom: "unknown")) }
    live = try #require(try store.response(live.id))
    note("submitted: \(transcript(live))")
    note("unknown: \(transcript(try store.response(UUID(derivedFrom: "unknown"))))")

    // An import: all or none, the same file twice, ids already there.
    let file = ImportRecord(hash: "f1", name: "laptop.jsonl", importedAt: Atelier.start)
    let batch = (0..<12).map(Atelier.complete) + (0..<3).map(Atelier.partial)
    note("import: \(try store.insert(batch, schemas: [SchemaRecord(survey)], source: file))")
    note("again: \(try store.insert(batch, schemas: [], source: file))")
    var changed = Atelier.complete(4)
    changed.answers["age"] = .integer(99)
    note(
      "by id: \(try store.insert([changed, Atelier.complete(5), Atelier.complete(12)], schemas: [], source: nil))"
    )
    note(
      "count: \(try store.count(survey: survey.id, includePartial: false)) complete, "
        + "\(try store.count(survey: survey.id, includePartial: true)) in all, "
        + "\(try store.count(survey: "other-survey", includePartial: true)) of another survey")
    note(
      "schemas: \(try store.storedSchemas(survey: survey.id).map { "\($0.hash.prefix(8)) \($0.responseCount)" })"
    )
    note("imports: \(try store.imports().map { "\($0.name) \($0.hash) \($0.added)" })")

    // Reading in the store's order, with and without contacts.
    var ordered: [String] = []
    try store.forEachResponse(survey: survey.id, includePartial: true, includeContacts: true) {
      ordered.append(transcript($0))
    }
    lines += ordered.map { "with contacts: \($0)" }
    var complete: [String] = []
    try store.forEachResponse(survey: survey.id, includePartial: false) { complete.append(transcript($0)) }
    lines += complete.map { "complete: \($0)" }
    struct Stop: Error {}
    var seen = 0
    attempt("a body that throws") {
      try store.forEachResponse(survey: survey.id, includePartial: true) { _ in
        seen += 1
        if seen == 2 { throw Stop() }
      }
    }
    note("read after the throw: \(try store.count(survey: survey.id, includePartial: true))")

    // Choosing responses for `bilan delete`.
    let selections: [(String, ResponseSelection)] = [
      ("ids", .ids([Atelier.complete(1).id, UUID(derivedFrom: "unknown")])),
      ("contact", .contact("  MARIE2@example.ORG ")),
      ("before", .startedBefore(Atelier.start.addingTimeInterval(120))),
      ("rehearsal", .rehearsal(eventDay: Atelier.start.addingTimeInterval(60))), ("contacts", .withContacts),
    ]
    for (label, selection) in selections {
      lines += try store.summaries(of: selection, survey: survey.id).map { "\(label): \($0)" }
    }

    // Erasure: all or nothing; erased ids never come back.
    let audit = AuditEntry(
      action: .erase, survey: survey.id, criterion: "by id", actor: "test@host", at: Atelier.start)
    attempt("erase with an unknown id") {
      _ = try store.erase(
        [Atelier.complete(0).id, UUID(derivedFrom: "nobody")], survey: survey.id, audit: audit)
    }
    note("still: \(try store.count(survey: survey.id, includePartial: true))")
    let erased = try store.erase(
      [Atelier.complete(0).id, Atelier.complete(2).id], survey: survey.id, audit: audit)
    note("erased: \(erased.responses) responses, \(erased.contacts) contacts")
    note(
      "reimport: \(try store.insert([Atelier.complete(0), Atelier.complete(2)], schemas: [], source: nil))")

    // Corrections, refused inside the transaction or kept with their history.
    struct Refused: Error {}
    let amend = AuditEntry(
      action: .amend, survey: survey.id, criterion: "by id", actor: "test@host", at: Atelier.start)
    attempt("refused correction") {
      _ = try store.amend(
        response: live.id, answers: ["age": .integer(7)], contacts: [:], audit: amend, reason: nil
      ) { _, _ in throw Refused() }
    }
    let written = try store.amend(
      response: live.id, answers: ["age": .integer(42), "satisfaction": nil, "role": .code("elu")],
      contacts: ["email": "new@example.org"], audit: amend, reason: "typo"
    ) { before, after in
      note("check: \(before.answers["age"]?.jsonText ?? "-") -> \(after.answers["age"]?.jsonText ?? "-")")
    }
    lines += written.map {
      "amended: \($0.key) \($0.previous?.jsonText ?? "-") \($0.value?.jsonText ?? "-") \($0.isContact)"
    }
    note(
      "nothing to change: \(try store.amend(response: live.id, answers: ["age": .integer(42)], contacts: [:], audit: amend, reason: nil) { _, _ in }.count)"
    )
    lines += try store.amendments(of: live.id).map {
      "history: \($0.key) \($0.previous?.jsonText ?? "-") \($0.value?.jsonText ?? "-") \($0.isContact) \($0.actor) \($0.reason ?? "-")"
    }
    attempt("history of an unknown response") { _ = try store.amendments(of: UUID(derivedFrom: "unknown")) }
    note("corrected: \(transcript(try store.response(live.id)))")

    // The contact purge, then the audit trail.
    let purge = AuditEntry(
      action: .purgeContacts, survey: survey.id, criterion: "all", actor: "test@host", at: Atelier.start)
    let purged = try store.purgeContacts(survey: survey.id, audit: purge)
    note("purged: \(purged.responses) responses, \(purged.contacts) contacts")
    note("left with contacts: \(try store.summaries(of: .withContacts, survey: survey.id).count)")
    lines += try store.auditTrail().map {
      "audit: \($0.action.rawValue) \($0.criterion) \($0.responses) \($0.actor)"
    }
    return lines
  }

  @Test func sqliteFollowsTheContract() throws {
    let directory = try TemporaryDirectory("bilan-contract")
    defer { directory.remove() }
    let lines = try Self.scenario(try Backend.sqlite.makeStore(in: directory, surveyID: Atelier.survey.id))
    try Self.checkExpectations(lines)
  }

  @Test(.enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.unavailable)))
  func postgresGivesTheSameTranscript() throws {
    let directory = try TemporaryDirectory("bilan-contract")
    defer { directory.remove() }
    let sqlite = try Self.scenario(try Backend.sqlite.makeStore(in: directory, surveyID: Atelier.survey.id))
    let postgres = try Self.scenario(
      try Backend.postgres.makeStore(in: directory, surveyID: Atelier.survey.id))
    try Self.checkExpectations(postgres)
    #expect(postgres.count == sqlite.count)
    for (index, (expected, got)) in zip(sqlite, postgres).enumerated() where expected != got {
      Issue.record("line \(index + 1):\n  sqlite:   \(expected)\n  postgres: \(got)")
    }
  }

  /// What the transcript must say whatever the store.
  static func checkExpectations(_ lines: [String]) throws {
    func line(_ prefix: String) -> String? { lines.first { $0.hasPrefix(prefix) } }
    #expect(
      line("begin twice")
        == "begin twice: duplicateResponse \(UUID(derivedFrom: "pg-live").uuidString.lowercased())")
    #expect(line("save to an unknown response")?.contains("unknownResponse") == true)
    let resumed = try #require(line("resume: "))
    #expect(
      resumed.contains("age=41;budget=0.1;limites.plan=[\"a\\\"b\",\"c,d\"];role=\"elu\";satisfaction=4;"))
    #expect(resumed.contains("territoire=\"Pilat\""))
    #expect(!resumed.contains("suivi"))
    #expect(resumed.contains("valeur.plan=null"))
    #expect(line("resume elsewhere") == "resume elsewhere: nil")
    #expect(
      line("submitted")?.contains("complete | en | 2015-03-05T16:41:07Z | 2015-03-05T16:51:07Z") == true)
    #expect(line("import: ")?.contains("added: 15, alreadyPresent: 0") == true)
    #expect(line("again: ")?.contains("fileAlreadyImported: true") == true)
    #expect(line("by id: ")?.contains("added: 1, alreadyPresent: 2, differing: 1") == true)
    #expect(line("count: ") == "count: 14 complete, 17 in all, 0 of another survey")
    #expect(line("a body that throws") == "a body that throws: Stop")
    #expect(line("erase with an unknown id")?.contains("unknownResponse") == true)
    #expect(line("still: ") == "still: 17")
    #expect(line("erased: ") == "erased: 2 responses, 2 contacts")
    #expect(
      line("reimport: ")?.contains(
        "added: 0, alreadyPresent: 0, differing: 0, fileAlreadyImported: false, erased: 2") == true)
    #expect(line("refused correction") == "refused correction: Refused")
    #expect(line("check: ") == "check: 41 -> 42")
    #expect(line("nothing to change: ") == "nothing to change: 0")
    #expect(line("purged: ") == "purged: 6 responses, 6 contacts")
    #expect(line("left with contacts: ") == "left with contacts: 0")
    #expect(lines.filter { $0.hasPrefix("audit: ") }.count == 3)
  }
}
