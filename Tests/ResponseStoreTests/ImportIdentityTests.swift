import Foundation
import SurveyDefinition
import TestSupport
import Testing

@testable import ResponseStore

/// Responses imported without an id are recognised by their content: a
/// re-download, an appended file or a re-saved one adds only what is new,
/// and equal rows of one file stay distinct.
@Suite struct ImportIdentityTests {
  let directory: TemporaryDirectory
  let store: SQLiteResponseStore

  init() throws {
    directory = try TemporaryDirectory("import-identity")
    store = try SQLiteResponseStore(path: directory.path("s.sqlite"), surveyID: Fixture.survey.id)
  }

  /// Imports `text` as a file named `name` on day `day` (each day a new import time).
  @discardableResult
  func add(_ text: String, name: String, day: Int = 0) throws -> InsertOutcome {
    let importer = ResponseImporter(
      survey: Fixture.survey, now: Fixture.start.addingTimeInterval(Double(day) * 86_400))
    let batch = try importer.read(Data(text.utf8), name: name)
    return try store.insert(batch.responses, schemas: batch.schemas, source: batch.source)
  }

  var count: Int { (try? store.count(survey: Fixture.survey.id, includePartial: true)) ?? -1 }

  static let formsHeader = "Horodateur,Votre rôle,Territoire,Satisfaction,Suivi ?,Courriel\n"
  static let formsRows = [
    "05/03/2015 16:41:07,Élu(e),Pilat,4,Oui,marie@example.org\n",
    "05/03/2015 16:45:00,Agent,\"Monts du Lyonnais, Loire\",5,Non,\n",
  ]

  @Test func twoGoogleFormsExportsADayApartAddExactlyOne() throws {
    let monday = Self.formsHeader + Self.formsRows.joined()
    #expect(try add(monday, name: "inscriptions.csv") == InsertOutcome(added: 2, alreadyPresent: 0))
    // The next day's download: the same two rows (Google sorts them as it likes) and one new one.
    let tuesday =
      Self.formsHeader + Self.formsRows.reversed().joined() + "06/03/2015 09:12:30,Agent,Pilat,3,Non,\n"
    #expect(
      try add(tuesday, name: "inscriptions (1).csv", day: 1) == InsertOutcome(added: 1, alreadyPresent: 2))
    #expect(count == 3)
    // The same export re-saved by a spreadsheet: CRLF, a BOM, labels in English, a code: nothing new.
    let resaved =
      "\u{FEFF}Horodateur,Your role,Territoire,Satisfaction,Suivi ?,Courriel\r\n"
      + "05/03/2015 16:41:07,elu,Pilat,4,yes,marie@example.org\r\n"
      + "05/03/2015 16:45:00,Staff,\"Monts du Lyonnais, Loire\",5,Non,\r\n"
    #expect(try add(resaved, name: "resaved.csv", day: 2) == InsertOutcome(added: 0, alreadyPresent: 2))
    #expect(count == 3)
  }

  @Test func aGoogleFormsRowWithAnotherTimestampOrAnswerIsAnotherResponse() throws {
    try add(Self.formsHeader + Self.formsRows[0], name: "a.csv")
    let later = Self.formsRows[0].replacingOccurrences(of: "16:41:07", with: "16:41:08")
    let other = Self.formsRows[0].replacingOccurrences(of: ",4,", with: ",3,")
    #expect(
      try add(Self.formsHeader + later + other, name: "b.csv") == InsertOutcome(added: 2, alreadyPresent: 0))
  }

  @Test func aCSVAppendedToAddsOnlyTheNewLines() throws {
    let header = "role,territoire,satisfaction\n"
    let first = ["elu,Pilat,4\n", "agent,,5\n", "elu,Loire,na\n"]
    try #require(
      try add(header + first.joined(), name: "papier.csv") == InsertOutcome(added: 3, alreadyPresent: 0))
    let appended = header + first.joined() + "agent,Forez,2\n" + "elu,Pilat,3\n"
    #expect(try add(appended, name: "papier.csv", day: 1) == InsertOutcome(added: 2, alreadyPresent: 3))
    #expect(count == 5)
    // The same rows as JSON Lines without ids (made by another tool): the same responses.
    let jsonl = """
      {"answers":{"role":"elu","territoire":"Pilat","satisfaction":4}}
      {"answers":{"role":"agent","satisfaction":5}}

      """
    #expect(try add(jsonl, name: "autre-outil.jsonl", day: 2) == InsertOutcome(added: 0, alreadyPresent: 2))
    #expect(count == 5)
  }

  @Test func identicalRowsInOneFileStayDistinct() throws {
    let header = "role,satisfaction\n"
    let twins = header + "elu,4\n" + "elu,4\n" + "elu,4\n" + "agent,4\n"
    #expect(try add(twins, name: "papier.csv") == InsertOutcome(added: 4, alreadyPresent: 0))
    var ids: [UUID] = []
    try store.forEachResponse(survey: Fixture.survey.id, includePartial: true) { ids.append($0.id) }
    #expect(Set(ids).count == 4)
    // Re-imported (another copy of the file): still four.
    #expect(try add(twins + "\n", name: "copie.csv", day: 1) == InsertOutcome(added: 0, alreadyPresent: 4))
    // A fourth identical answer sheet typed later: one more.
    #expect(
      try add(twins + "elu,4\n", name: "suite.csv", day: 2) == InsertOutcome(added: 1, alreadyPresent: 4))
    #expect(count == 5)
  }

  @Test func givenTimesArePartOfTheIdentityButFilledInOnesAreNot() throws {
    let header = "role,satisfaction,started_at\n"
    try add(header + "elu,4,2015-03-05T16:41:07Z\n" + "elu,4,\n", name: "a.csv")
    // The row without a time gets the import's time, which changes every day: still the same response.
    let again = header + "elu,4,2015-03-05T16:41:07Z\n" + "elu,4,\n" + "elu,4,2015-03-05T17:00:00Z\n"
    #expect(try add(again, name: "b.csv", day: 3) == InsertOutcome(added: 1, alreadyPresent: 2))
  }

  @Test func theIdentityIgnoresLineEndingsAndUnicodeFormsButNotTheText() {
    let composed: Answers = ["territoire": .text("Pélussin\nLoire"), "freins": .codes(["temps"])]
    let decomposed: Answers = ["freins": .codes(["temps"]), "territoire": .text("Pe\u{301}lussin\r\nLoire")]
    #expect(
      ContentIdentity.canonical(answers: composed, contacts: [:], times: [nil])
        == ContentIdentity.canonical(answers: decomposed, contacts: [:], times: [nil]))
    #expect(
      ContentIdentity.canonical(answers: composed, contacts: [:], times: [nil])
        != ContentIdentity.canonical(
          answers: ["territoire": .text("Pélussin Loire")], contacts: [:], times: [nil]))
    var first = ContentIdentity(kind: "content", surveyID: "a")
    var second = ContentIdentity(kind: "content", surveyID: "b")
    #expect(
      first.id(answers: composed, contacts: [:], times: [])
        != second.id(answers: composed, contacts: [:], times: []))
  }

  @Test func explicitIdsStillDecide() throws {
    let id = UUID(derivedFrom: "explicit").uuidString.lowercased()
    try add("id,role,satisfaction\n\(id),elu,4\n", name: "a.csv")
    // Same id, another answer: already present (and said to differ); another id, same answers: added.
    let other = UUID(derivedFrom: "other").uuidString.lowercased()
    #expect(
      try add("id,role,satisfaction\n\(id),elu,2\n\(other),elu,4\n", name: "b.csv")
        == InsertOutcome(added: 1, alreadyPresent: 1, differing: 1))
  }
}
