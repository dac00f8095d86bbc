import Foundation
import GRDB
import SurveyDefinition
import TestSupport
import Testing

@testable import ResponseStore

/// Reading responses back with `StoredResponseReader`: every value as it was
/// stored, the same errors for damaged values, keys never mixed between responses.
@Suite struct StoredResponseReaderTests {
  let directory: TemporaryDirectory
  let path: String

  init() throws {
    directory = try TemporaryDirectory("reader")
    path = directory.path("responses.sqlite")
  }

  func openStore() throws -> SQLiteResponseStore {
    try SQLiteResponseStore(path: path, surveyID: TestSurvey.id)
  }

  func response(
    _ index: Int, answers: Answers, status: Response.Status = .complete, source: Response.Source = .terminal,
    contacts: [String: String] = [:]
  ) -> Response {
    Response(
      id: UUID(derivedFrom: "reader-\(index)"), surveyID: TestSurvey.id, surveyVersion: 1 + index % 2,
      schemaHash: index % 3 == 0 ? "hash-a" : "hash-b", status: status,
      language: index % 2 == 0 ? "fr" : "en",
      startedAt: Date(timeIntervalSince1970: 1_425_573_667 + Double(index) * 60),
      submittedAt: status == .complete
        ? Date(timeIntervalSince1970: 1_425_574_000 + Double(index) * 60) : nil,
      source: source, device: index % 4 == 0 ? "host:/dev/pts/\(index)" : nil, answers: answers,
      contacts: contacts)
  }

  /// Every response, in the store's order, read both ways: all at once and one by one.
  func readBack(_ store: SQLiteResponseStore) throws -> [Response] {
    var all: [Response] = []
    try store.forEachResponse(survey: TestSurvey.id, includePartial: true, includeContacts: true) {
      all.append($0)
    }
    for response in all { #expect(try store.response(response.id) == response) }
    return all
  }

  /// Runs `sql` on the store file directly (a damaged or hand-edited store).
  func edit(_ sql: String, _ arguments: StatementArguments = []) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
    try queue.close()
  }

  // MARK: Round trips

  static let awkwardCodes: [[String]] = [
    [],
    [""],
    ["", ""],
    ["a"],
    ["cout", "portage", "other"],
    ["a,b", "c"],
    ["\",\"", ","],
    ["dit \"oui\"", "b"],
    ["back\\slash", "\\"],
    ["tab\there", "line\nbreak", "\r\n", "\u{1}"],
    ["élu", "café", "日本語", "👍🏽", "👨‍👩‍👧"],
    ["\u{301}accent first", "last accent\u{301}", "e\u{301}"],
    ["\u{600}prepended", "quote\u{301}"],
    ["[", "]", "[\"x\"]", "null"],
    ["/", "\u{7F}", "\u{FEFF}bom"],
  ]

  @Test func codeListsWithAnyCharactersRoundTrip() throws {
    let store = try openStore()
    var stored: [Response] = []
    for (index, codes) in Self.awkwardCodes.enumerated() {
      let response = response(index, answers: ["limites": .codes(codes), "freins": .codes(codes.reversed())])
      try store.begin(response)
      stored.append(response)
    }
    #expect(try readBack(store) == stored)
  }

  @Test func everyValueTypeRoundTripsInOrder() throws {
    let store = try openStore()
    let values: [AnswerValue] = [
      .code("elu"), .code(""), .code("code_de_plus_de_quinze_octets"), .text(""), .text("Très bien 👍\nmerci"),
      .text(String(repeating: "long ", count: 1000)), .integer(0), .integer(-7), .integer(Int.max),
      .integer(Int.min), .number(0), .number(-0.5), .number(1e-300), .number(12.0), .number(.infinity),
      .boolean(true), .boolean(false), .codes(["a"]), .notApplicable,
    ]
    var stored: [Response] = []
    for index in 0..<40 {
      var answers: Answers = [:]
      for (position, value) in values.enumerated() where (index + position) % 3 != 0 {
        answers["q\(position)"] = value
      }
      let source: Response.Source =
        switch index % 3 {
        case 0: .file(name: "réponses \(index).csv", hash: "abc\(index)")
        case 1: .synthetic
        default: .terminal
        }
      let response = response(
        index, answers: answers, status: index % 5 == 0 ? .partial : .complete, source: source,
        contacts: index % 2 == 0 ? ["email": "p\(index)@example.org", "email2": "x"] : [:])
      try store.begin(response)
      stored.append(response)
    }
    // A number written as an integer reads back as that number.
    try edit("UPDATE answers SET value = 12 WHERE type = 'number' AND value = 12.0")
    let read = try readBack(store)
    #expect(read == stored)
    var withoutContacts: [Response] = []
    try store.forEachResponse(survey: TestSurvey.id, includePartial: false) { withoutContacts.append($0) }
    #expect(withoutContacts.map(\.id) == stored.filter { $0.status == .complete }.map(\.id))
    #expect(withoutContacts.allSatisfy { $0.contacts.isEmpty })
  }

  @Test func keysAreNeverCarriedFromOneResponseToTheNext() throws {
    let store = try openStore()
    let keySets: [[String]] = [
      ["a", "b", "c"],
      ["a", "c", "d"],
      ["b"],
      [],
      ["a", "b", "c", "d", "e"],
      ["a", "b", "c"],
      ["a.b", "a", "ab", "b.a"],
      ["une_clef_de_plus_de_quinze_octets", "une_clef_de_plus_de_quinze_octetz"],
      ["une_clef_de_plus_de_quinze_octetz", "une_clef_de_plus_de_quinze_octets"],
      ["é", "è"],
    ]
    var stored: [Response] = []
    for (index, keys) in keySets.enumerated() {
      var answers: Answers = [:]
      for (position, key) in keys.enumerated() { answers[key] = .integer(index * 10 + position) }
      // The key sets above in order, then again in reverse order.
      stored.append(response(index, answers: answers))
      stored.append(response(100 + index, answers: answers.mapValues { _ in .code("x\(index)") }))
    }
    stored.sort { $0.startedAt < $1.startedAt }
    for response in stored.shuffled() { try store.begin(response) }
    let read = try readBack(store)
    #expect(read == stored)
    #expect(read.map { $0.answers.keys.sorted() } == stored.map { $0.answers.keys.sorted() })
  }

  @Test func partialResponsesWithoutAnswersAreRead() throws {
    let store = try openStore()
    let empty = response(0, answers: [:], status: .partial)
    let answered = response(1, answers: ["a": .integer(1)])
    let alsoEmpty = response(2, answers: [:], status: .partial, contacts: ["email": "a@b.fr"])
    for response in [empty, answered, alsoEmpty] { try store.begin(response) }
    #expect(try readBack(store) == [empty, answered, alsoEmpty])
    #expect(try store.response(empty.id)?.answers == [:])
  }

  // MARK: Damaged values

  /// Each damaged value, as written by hand, and the detail of the error that reads it.
  static let damaged: [(type: String, value: DatabaseValue, detail: String)] = [
    ("integer", "4".databaseValue, #"'"4"' is not a valid integer"#),
    ("integer", 4.5.databaseValue, "'4.5' is not a valid integer"),
    ("integer", .null, "'NULL' is not a valid integer"),
    ("number", "4.5".databaseValue, #"'"4.5"' is not a valid number"#),
    ("boolean", 2.databaseValue, "'2' is not a valid boolean"),
    ("boolean", "true".databaseValue, #"'"true"' is not a valid boolean"#),
    ("code", 5.databaseValue, "'5' is not a valid code"),
    ("code", .null, "'NULL' is not a valid code"),
    ("text", Data([0x41]).databaseValue, "'Data(1 bytes)' is not a valid text"),
    ("codes", #"["a","#.databaseValue, #"'"[\"a\","' is not a valid codes"#),
    ("codes", #"["a" "b"]"#.databaseValue, #"'"[\"a\" \"b\"]"' is not a valid codes"#),
    ("codes", "[1,2]".databaseValue, "'\"[1,2]\"' is not a valid codes"),
    ("codes", "cout".databaseValue, "'\"cout\"' is not a valid codes"),
    ("codes", #"["a\x"]"#.databaseValue, #"'"[\"a\\x\"]"' is not a valid codes"#),
    ("codes", 1.databaseValue, "'1' is not a valid codes"),
    ("na", 0.databaseValue, "'0' is not a valid na"),
    ("na", "".databaseValue, #"'""' is not a valid na"#),
  ]

  @Test(arguments: damaged.indices) func aDamagedValueGivesTheSameError(index: Int) throws {
    let (type, value, detail) = Self.damaged[index]
    let store = try openStore()
    let before = response(0, answers: ["a": .integer(1), "z": .integer(2)])
    let damaged = response(1, answers: ["a": .integer(1), "m": .integer(1), "z": .integer(2)])
    try store.begin(before)
    try store.begin(damaged)
    try edit(
      "UPDATE answers SET type = ?, value = ? WHERE key = 'm'", [type, value])
    let expected = StoreError.invalidStoredValue(path: path, response: damaged.id, key: "m", detail: detail)
    var seen: [UUID] = []
    #expect(throws: expected) {
      try store.forEachResponse(survey: TestSurvey.id, includePartial: true) { seen.append($0.id) }
    }
    #expect(seen == [before.id])
    #expect(throws: expected) { try store.response(damaged.id) }
  }

  @Test func aDamagedIdOrTimeGivesTheSameError() throws {
    let store = try openStore()
    let first = response(0, answers: ["a": .integer(1)])
    try store.begin(first)
    try edit("UPDATE responses SET started_at = 'hier'")
    #expect(
      throws: StoreError.invalidStoredValue(
        path: path, response: first.id, key: "started_at", detail: "'hier' is not a time")
    ) { try store.forEachResponse(survey: TestSurvey.id, includePartial: true) { _ in } }
    try edit(
      "UPDATE responses SET started_at = '2015-03-05T16:41:07Z', submitted_at = '2015-02-30T10:00:00Z'")
    #expect(
      throws: StoreError.invalidStoredValue(
        path: path, response: first.id, key: "submitted_at", detail: "'2015-02-30T10:00:00Z' is not a time")
    ) { try store.forEachResponse(survey: TestSurvey.id, includePartial: true) { _ in } }
    try edit("UPDATE responses SET submitted_at = NULL, uuid = 'pas-un-uuid'")
    #expect(throws: StoreError.corrupt(path: path, detail: "response id 'pas-un-uuid' is not a UUID")) {
      try store.forEachResponse(survey: TestSurvey.id, includePartial: true) { _ in }
    }
    // Upper case is still a UUID.
    try edit("UPDATE responses SET uuid = ?", [first.id.uuidString.uppercased()])
    var read: [Response] = []
    try store.forEachResponse(survey: TestSurvey.id, includePartial: true) { read.append($0) }
    var expected = first
    expected.submittedAt = nil
    #expect(read == [expected])
  }

  // MARK: Pieces

  @Test func theByteSplitOfCodeListsAgreesWithTheReference() throws {
    var inputs: [String] = [
      "[]", "[ ]", "[\"]", "[\"\"]", "[\"\",\"\"]", "[\"a\",\"\"]", "[\"a\"]", "[\"a\",\"b\"]",
      "[\"a\",\"b\"",
      "[\"a\"]x", "[\"a\" ,\"b\"]", "[\"a\",\"b\\\"c\"]", "[\"a\"\u{301},\"b\"]", "[\"a\",\"\u{301}b\"]",
      "[\"\u{301}\n\"]", "[\"\u{600}\",\"b\"]", "[\"a\u{600}\",\"b\"]", "[\"a\",\"b\"\u{301}]", "[\"a\"b\"]",
      "[\"a\",\",\",\"b\"]", "[\"a\",\"\",\"b\"]", "[\"\\u00e9\"]", "[\"é\"]", "[\"\r\n\"]", "\"a\"", "",
    ]
    // Random texts built from the pieces that matter to either reading.
    let pieces = [
      "[\"", "\"]", "\",\"", "\"", ",", "[", "]", "\\", "a", "é", "\u{301}", "\u{600}", "\u{200D}", "\n",
      "\r",
      "👍", " ",
    ]
    var generator = SplitMix64(seed: 2015)
    for _ in 0..<5000 {
      var text = "[\""
      for _ in 0..<Int(generator.next() % 8) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
      if generator.next() % 4 != 0 { text += "\"]" }
      inputs.append(text)
    }
    for codes in Self.awkwardCodes { inputs.append(AnswerValue.codes(codes).jsonText) }
    for input in inputs {
      var text = input
      let fast = text.withUTF8 {
        StoredAnswer.parseArray(utf8: $0, string: { String(decoding: $0, as: UTF8.self) })
      }
      #expect(fast == StoredAnswer.parseArray(input), "\(input.debugDescription)")
    }
    // Invalid UTF-8 is read as String(decoding:) repairs it.
    let bytes: [UInt8] = Array("[\"a".utf8) + [0xFF] + Array("b\",\"".utf8) + [0xC3] + Array("\"]".utf8)
    let fast = bytes.withUnsafeBufferPointer {
      StoredAnswer.parseArray(utf8: $0, string: { String(decoding: $0, as: UTF8.self) })
    }
    #expect(fast == StoredAnswer.parseArray(String(decoding: bytes, as: UTF8.self)))
  }

  @Test func uuidsAreReadAsFoundationReadsThem() {
    for _ in 0..<200 {
      let id = UUID()
      for text in [id.uuidString, id.uuidString.lowercased()] {
        var text = text
        #expect(text.withUTF8 { StoredResponseReader.uuid($0) } == id)
      }
    }
    for bad in [
      "", "2fc0af91-79c1-424a-bca7-d025af59ecd", "2fc0af91-79c1-424a-bca7-d025af59ecd1x",
      "2fc0af91_79c1-424a-bca7-d025af59ecd1", "2fc0af91-79c1-424a-bca7-d025af59ecg1",
      "2fc0af9179c1-424a-bca7-d025af59ecd1a", "{2fc0af91-79c1-424a-bca7-d025af59ec}",
    ] {
      var text = bad
      #expect(text.withUTF8 { StoredResponseReader.uuid($0) } == UUID(uuidString: bad), "\(bad)")
    }
  }

  @Test func theInternerGivesOneStringPerText() throws {
    var interner = TextInterner(capacity: 1000)
    func intern(_ text: String) -> Int32? {
      var text = text
      return text.withUTF8 { interner.entry($0) }
    }
    func compare(_ entry: Int32, _ text: String) -> Int {
      var text = text
      return text.withUTF8 { interner.compare(entry, $0) }
    }
    var entries: [Int32] = []
    for index in 0..<1000 {
      let entry = intern("clef_numero_\(index)")
      #expect(entry == Int32(index))
      entries.append(entry ?? -1)
    }
    // Full: new texts are not kept, known ones still found.
    #expect(intern("nouvelle") == nil)
    #expect(intern("") == nil)
    for index in stride(from: 0, to: 1000, by: 37) {
      #expect(intern("clef_numero_\(index)") == entries[index])
      #expect(interner.string(entries[index]) == "clef_numero_\(index)")
    }
    var novel = "nouvelle"
    #expect(novel.withUTF8 { interner.string($0) } == "nouvelle")
    // In SQLite's BINARY order: bytes first, then the shorter one.
    let entry = entries[12]  // clef_numero_12
    #expect(compare(entry, "clef_numero_12") == 0)
    #expect(compare(entry, "clef_numero_120") < 0)
    #expect(compare(entry, "clef_numero_1") > 0)
    #expect(compare(entry, "clef_numero_2") < 0)
    #expect(compare(entry, "clef_numero_02") > 0)
    #expect(compare(entry, "") > 0)
    var other = TextInterner()
    var empty = ""
    let emptyEntry = try #require(empty.withUTF8 { other.entry($0) })
    #expect(other.string(emptyEntry) == "")
    #expect(other.compare(emptyEntry, UnsafeBufferPointer(start: nil, count: 0)) == 0)
  }
}
