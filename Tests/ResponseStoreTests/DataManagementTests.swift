import BilanBase
import Foundation
import GRDB
import SurveyDefinition
import TestSupport
import Testing

@testable import ResponseStore

/// Erasure, contact purge, corrections and the audit trail, through the
/// store's protocol (what a PostgreSQL store will implement too).
@Suite struct DataManagementTests {
  let directory: TemporaryDirectory
  let path: String
  let store: SQLiteResponseStore
  let survey = Fixture.survey.id

  init() throws {
    directory = try TemporaryDirectory("data-management")
    path = directory.path("s.sqlite")
    store = try SQLiteResponseStore(path: path, surveyID: Fixture.survey.id)
    try store.recordSchema(of: Fixture.survey)
    // complete(0…5): even ones hold an email (marie0@…, marie2@…, marie4@…).
    for index in 0..<6 { try store.begin(Fixture.complete(index)) }
    try store.begin(Fixture.partial(0))
  }

  func audit(_ action: AuditEntry.Action, _ criterion: String = "test") -> AuditEntry {
    AuditEntry(
      action: action, survey: survey, criterion: criterion, actor: "animatrice@portable", at: Fixture.start)
  }

  var ids: [UUID] {
    var ids: [UUID] = []
    try? store.forEachResponse(survey: survey, includePartial: true) { ids.append($0.id) }
    return ids
  }

  /// Every row of every table, as text: to look for what must not be there.
  func everyStoredValue() throws -> String {
    let database = try DatabaseQueue(path: path)
    defer { try? database.close() }
    return try database.read { db in
      var text = ""
      for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") { text += "\(table): \(row)\n" }
      }
      return text
    }
  }

  /// Rows of `answers`, `contacts` and `amendments` whose response is gone.
  func orphanRows() throws -> Int {
    let database = try DatabaseQueue(path: path)
    defer { try? database.close() }
    return try database.read { db in
      try ["answers", "contacts", "amendments"].map { table in
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM \(table) WHERE response_id NOT IN (SELECT id FROM responses)") ?? 0
      }.reduce(0, +)
    }
  }

  // MARK: Choosing

  @Test func selectionsNameTheRightResponses() throws {
    let byEmail = try store.summaries(of: .contact("  MARIE2@Example.org "), survey: survey)
    #expect(byEmail.map(\.id) == [Fixture.complete(2).id])
    #expect(byEmail.first?.contactCount == 1)
    #expect(byEmail.first?.answerCount == Fixture.complete(2).answers.count)
    #expect(try store.summaries(of: .contact("nobody@example.org"), survey: survey).isEmpty)
    // complete(i) starts at start + i minutes; partial(0) at start + 30 s.
    let before = try store.summaries(of: .startedBefore(Fixture.start.addingTimeInterval(90)), survey: survey)
    #expect(before.map(\.id) == [Fixture.complete(0).id, Fixture.partial(0).id, Fixture.complete(1).id])
    #expect(try store.summaries(of: .withContacts, survey: survey).count == 3)
    let wanted = [Fixture.complete(5).id, UUID()]
    #expect(try store.summaries(of: .ids(wanted), survey: survey).map(\.id) == [Fixture.complete(5).id])
    #expect(try store.summaries(of: .ids(wanted), survey: "autre").isEmpty)
  }

  @Test func rehearsalMeansBeforeTheEventDayOrSynthetic() throws {
    var synthetic = Fixture.complete(9)
    synthetic.source = .synthetic
    synthetic.startedAt = Fixture.start.addingTimeInterval(86_400 * 30)
    try store.begin(synthetic)
    let day = try #require(ResponseSelection.moment("2015-03-05", timeZone: TimeZone(identifier: "UTC")!))
    // Everything of the fixture starts on 5 March 2015 after 16:41 UTC: only the synthetic one.
    #expect(try store.summaries(of: .rehearsal(eventDay: day), survey: survey).map(\.id) == [synthetic.id])
    let next = day.addingTimeInterval(86_400)
    #expect(try store.summaries(of: .rehearsal(eventDay: next), survey: survey).count == 8)
    let withEvent = try Fixture.edited {
      $0.replacingOccurrences(
        of: "languages: [fr, en]", with: "languages: [fr, en]\nevent: {date: 2015-03-06}")
    }
    #expect(
      ResponseSelection.rehearsal(of: withEvent, timeZone: TimeZone(identifier: "UTC")!)
        == .rehearsal(eventDay: next))
    #expect(ResponseSelection.rehearsal(of: Fixture.survey) == nil)
  }

  @Test func momentsAreReadAsFacilitatorsWriteThem() throws {
    let paris = try #require(TimeZone(identifier: "Europe/Paris"))
    let utc = Timestamp.date(from:)
    #expect(ResponseSelection.moment("2015-03-05", timeZone: paris) == utc("2015-03-04T23:00:00Z"))
    #expect(ResponseSelection.moment("2015-03-05T09:30", timeZone: paris) == utc("2015-03-05T08:30:00Z"))
    #expect(ResponseSelection.moment("2015-03-05 09:30:15", timeZone: paris) == utc("2015-03-05T08:30:15Z"))
    #expect(ResponseSelection.moment("2015-03-05T09:30:00Z", timeZone: paris) == utc("2015-03-05T09:30:00Z"))
    for wrong in ["2015-02-30", "05/03/2015", "2015-3-5", "2015-03-05T25:00", "hier", ""] {
      #expect(ResponseSelection.moment(wrong, timeZone: paris) == nil, "\(wrong)")
    }
  }

  // MARK: Erasing

  @Test func erasingRemovesAnswersContactsAndHistoryAndIsNotUndoneByAnImport() throws {
    let target = Fixture.complete(2)
    _ = try AnswerCorrection(["satisfaction=1"], survey: Fixture.survey).apply(
      to: target.id, survey: Fixture.survey, repository: store, path: path, reason: "papier")
    let outcome = try store.erase([target.id], survey: survey, audit: audit(.erase, "by contact address"))
    #expect(outcome == ErasureOutcome(responses: 1, contacts: 1, compacted: true))
    #expect(try store.response(target.id) == nil)
    #expect(ids.count == 6)
    let stored = try everyStoredValue()
    #expect(!stored.contains("marie2@example.org"))
    #expect(try orphanRows() == 0, "answers, contacts and history go with the response")
    #expect(!stored.contains("amendments: "), "the correction history goes with the response")
    // The audit line says who, when, what and how many; never the address or the id.
    #expect(
      try store.auditTrail().last
        == AuditEntry(
          action: .erase, survey: survey, criterion: "by contact address", responses: 1,
          actor: "animatrice@portable", at: Fixture.start))
    // The same response imported again (an old export): left out, and said so.
    let again = try store.insert([target, Fixture.complete(7)], schemas: [], source: nil)
    #expect(again == InsertOutcome(added: 1, alreadyPresent: 0, erased: 1))
    #expect(try store.response(target.id) == nil)
  }

  @Test func erasingIsAllOrNothing() throws {
    let unknown = UUID()
    #expect(throws: StoreError.unknownResponse(id: unknown, path: path)) {
      try store.erase([Fixture.complete(0).id, unknown], survey: survey, audit: audit(.erase))
    }
    #expect(throws: StoreError.unknownResponse(id: Fixture.complete(0).id, path: path)) {
      try store.erase([Fixture.complete(0).id], survey: "autre", audit: audit(.erase))
    }
    #expect(ids.count == 7)
    #expect(try store.auditTrail().isEmpty)
  }

  @Test func purgingContactsKeepsTheAnswers() throws {
    let outcome = try store.purgeContacts(survey: survey, audit: audit(.purgeContacts, "all"))
    #expect(outcome == ErasureOutcome(responses: 3, contacts: 3, compacted: true))
    #expect(try store.summaries(of: .withContacts, survey: survey).isEmpty)
    #expect(try store.response(Fixture.complete(2).id)?.answers == Fixture.complete(2).answers)
    #expect(!(try everyStoredValue()).contains("@example.org"))
    #expect(try store.auditTrail().map(\.responses) == [3])
  }

  // MARK: Correcting

  @Test func aCorrectionIsCheckedKeptInTheHistoryAndAudited() throws {
    let id = Fixture.complete(1).id
    let correction = try AnswerCorrection(
      ["satisfaction=Tout à fait d'accord", "age=", "territoire=Forez"], survey: Fixture.survey)
    let written = try correction.apply(
      to: id, survey: Fixture.survey, repository: store, path: path, reason: "fiche papier", actor: "a@b",
      at: Fixture.start)
    #expect(written.map(\.key) == ["age", "satisfaction", "territoire"])
    #expect(written[0].previous == .integer(31) && written[0].value == nil)
    #expect(written[1].previous == .integer(2) && written[1].value == .integer(5))
    let response = try #require(try store.response(id))
    #expect(response.answers["satisfaction"] == .integer(5))
    #expect(response.answers["age"] == nil)
    #expect(try store.amendments(of: id) == written)
    #expect(try store.auditTrail().map(\.action) == [.amend])
    // Giving the values it already has changes nothing and writes nothing.
    #expect(
      try correction.apply(to: id, survey: Fixture.survey, repository: store, path: path, reason: nil).isEmpty
    )
    #expect(try store.amendments(of: id).count == 3)
  }

  @Test func anOutOfRangeCorrectionIsRefusedAndThePreviousValueKept() throws {
    let id = Fixture.complete(1).id
    let before = try #require(try store.response(id))
    let correction = try AnswerCorrection(["satisfaction=7"], survey: Fixture.survey)
    #expect(
      throws: AmendError.refused(
        id: id,
        problems: [
          AnswerProblem(
            key: "satisfaction", error: .outOfScale(key: "satisfaction", value: 7, min: 1, max: 5))
        ])
    ) {
      try correction.apply(to: id, survey: Fixture.survey, repository: store, path: path, reason: nil)
    }
    #expect(try store.response(id) == before)
    #expect(try store.amendments(of: id).isEmpty)
    #expect(try store.auditTrail().isEmpty)
    // Typing errors never reach the store.
    #expect(
      throws: AmendError.invalidValue(
        .wrongType(key: "satisfaction", expected: .integer, found: "\"beaucoup\""))
    ) {
      try AnswerCorrection(["satisfaction=beaucoup"], survey: Fixture.survey)
    }
    #expect(throws: AmendError.unknownKey(key: "satisfacton", hint: "; did you mean 'satisfaction'?")) {
      try AnswerCorrection(["satisfacton=4"], survey: Fixture.survey)
    }
    #expect(throws: AmendError.malformedAssignment("satisfaction")) {
      try AnswerCorrection(["satisfaction"], survey: Fixture.survey)
    }
  }

  @Test func aCorrectionFollowsTheConditions() throws {
    // complete(0) follows up (suivi true) and left an email: no follow-up hides the email question.
    let id = Fixture.complete(0).id
    #expect(throws: AmendError.self) {
      try AnswerCorrection(["suivi=non"], survey: Fixture.survey).apply(
        to: id, survey: Fixture.survey, repository: store, path: path, reason: nil)
    }
    #expect(try store.response(id)?.contacts == ["email": "marie0@example.org"])
    let written = try AnswerCorrection(["suivi=non", "email="], survey: Fixture.survey).apply(
      to: id, survey: Fixture.survey, repository: store, path: path, reason: nil)
    #expect(written.map(\.key) == ["suivi", "email"])
    #expect(written[1].isContact && written[1].previous == nil && written[1].value == nil)
    #expect(try store.response(id)?.contacts == [:])
    // The history never holds an address.
    #expect(!(try everyStoredValue()).contains("marie0@"))
  }

  @Test func aCheckThatThrowsChangesNothing() throws {
    struct Refusal: Error {}
    let id = Fixture.complete(3).id
    #expect(throws: Refusal.self) {
      try store.amend(
        response: id, answers: ["satisfaction": .integer(1)], contacts: [:], audit: audit(.amend), reason: nil
      ) { _, _ in throw Refusal() }
    }
    #expect(try store.response(id)?.answers["satisfaction"] == Fixture.complete(3).answers["satisfaction"])
    #expect(try store.amendments(of: id).isEmpty)
  }

  // MARK: Older stores

  @Test func aStoreOfTheFirstFormatGainsTheNewTables() throws {
    let old = directory.path("v1.sqlite")
    let queue = try DatabaseQueue(path: old)
    try SQLiteResponseStore.migrator.migrate(queue, upTo: "v1-responses")
    try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
    try queue.close()
    let upgraded = try SQLiteResponseStore(path: old, surveyID: survey)
    try upgraded.begin(Fixture.complete(0))
    #expect(
      try upgraded.erase([Fixture.complete(0).id], survey: survey, audit: audit(.erase)).responses == 1)
    #expect(try upgraded.auditTrail().count == 1)
  }
}
