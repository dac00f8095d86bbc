import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// Wrong input of every kind, through the built `bilan`: a message that says
/// where and how to fix it, exit 1, nothing stored or written.
@Suite struct BadInputTests {
  static let broken = Repository.path("Tests/SurveyDefinitionTests/Fixtures/broken")
  static let everyType = Repository.path("Tests/QuestionnaireTests/Fixtures/every-type.yaml")

  /// The broken-survey fixtures (one problem each, with the expected
  /// message in `NAME.expected`) given to `bilan ask`: exit 1 with the
  /// lint message, and no store created.
  @Test(arguments: [
    "yaml-syntax-unclosed-quote", "yaml-tab-indentation", "wrong-type-required", "wrong-type-version",
    "unknown-top-level-key", "unknown-question-key", "condition-later-question", "condition-self-reference",
    "condition-section-later-question", "yaml-too-deep", "yaml-alias-bomb", "yaml-undefined-alias",
    "empty-file", "only-comments", "not-utf8", "bad-survey-id", "yaml-two-documents",
  ])
  func brokenSurveyGivenToAsk(_ name: String) throws {
    let directory = try TemporaryDirectory("bilan-bad-survey")
    defer { directory.remove() }
    let survey = "\(Self.broken)/\(name).yaml"
    let expected = try String(contentsOfFile: "\(Self.broken)/\(name).expected", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try #"{"role": "elu"}"#.write(toFile: directory.path("a.json"), atomically: true, encoding: .utf8)
    let result = try runBilan(
      ["ask", survey, "--store", directory.path("store.sqlite"), "--answers", directory.path("a.json")],
      currentDirectory: directory.url)
    #expect(result.status == 1, "\(name): \(result.stderr)")
    #expect(result.stderr.contains("\(survey):\(expected)"), "\(name): \(result.stderr)")
    #expect(fileNames(in: directory.path(".")) == ["a.json"], "\(name): nothing written")
  }

  /// Generated hostile survey files: over 1 MiB, an alias inside its own
  /// anchor, Latin-1 text, 200 levels of nesting.
  @Test func hostileSurveyFiles() throws {
    let directory = try TemporaryDirectory("bilan-hostile")
    defer { directory.remove() }
    let reference = try String(
      contentsOfFile: Repository.path("Tests/SurveyDefinitionTests/Fixtures/broken/unknown-scale.yaml"),
      encoding: .utf8)
    let valid = reference.replacingOccurrences(of: "scale: nope", with: "scale: accord")
    let cases: [(name: String, bytes: Data, message: String)] = [
      (
        "huge.yaml", Data((valid + String(repeating: "# padding line\n", count: 80_000)).utf8),
        "a survey file is at most 1048576 bytes"
      ),
      ("recursive.yaml", Data("id: &a [x, *a]\n".utf8), "error:"),
      (
        "latin1.yaml", Data("id: caf\u{E9}\ntitle: {fr: \"Caf\u{E9}\"}\n".data(using: .isoLatin1)!),
        "not valid UTF-8"
      ),
      (
        "deep.yaml",
        Data(("id: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)).utf8),
        "nested more than 64 levels"
      ),
    ]
    for (name, bytes, message) in cases {
      let path = directory.path(name)
      try bytes.write(to: URL(fileURLWithPath: path))
      let store = directory.path("\(name).sqlite")
      let lint = try runBilan(["lint", path])
      #expect(lint.status == 1, "\(name): \(lint.stderr)")
      let ask = try runBilan(["ask", path, "--store", store, "--answers", "-"], input: "{}")
      #expect(ask.status == 1, "\(name): \(ask.stderr)")
      for output in [lint.stdout + lint.stderr, ask.stderr] {
        #expect(output.contains("\(path):"), "\(name): the message names the file: \(output)")
        #expect(output.contains(message), "\(name): \(output.prefix(400))")
      }
      #expect(!FileManager.default.fileExists(atPath: store), "\(name): no store")
    }
  }

  /// A complete, valid response to `every-type.yaml`.
  static let validAnswers: [String: String] = [
    "role": #""agent""#, "appui": #"["journee"]"#, "satisfaction": "4", "valeur.plan": "3",
    "valeur.convention": "5", "parties.decryptage": "3", "parties.projection": "null",
    "freins": #"["silos", "budget"]"#, "recommandation": "10", "participants": "12",
    "commentaires": #""ok""#, "suivi": "true", "email": #""a@example.org""#,
  ]

  static func json(_ answers: [String: String]) -> String {
    "{" + answers.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
      + "}"
  }

  /// Refused answers (`--answers`): exit 1, the message names the answer
  /// and the rule, and nothing is stored.
  @Test(arguments: [
    (
      "over-long text", ["satisfaction": "2", "pourquoi": "\"\(String(repeating: "x", count: 25))\""],
      "pourquoi"
    ),
    ("invalid email", ["email": #""pas-une-adresse""#], "email"),
    ("number out of range", ["participants": "60"], "participants"),
    ("too many selections", ["appui": #"["journee", "outils", "reseau"]"#], "appui"),
    ("unknown code", ["role": #""pirate""#], "role"),
    ("wrong type", ["satisfaction": #""quatre""#], "satisfaction"),
    ("unknown key", ["nope": "1"], "nope"),
  ])
  func refusedAnswers(_ label: String, _ changes: [String: String], _ key: String) throws {
    let directory = try TemporaryDirectory("bilan-bad-answers")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let answers = Self.validAnswers.merging(changes) { $1 }
    let result = try runBilan(
      ["ask", Self.everyType, "--store", store, "--answers", "-"], input: Self.json(answers))
    #expect(result.status == 1, "\(label): \(result.stderr)")
    #expect(result.stderr.contains(key), "\(label): \(result.stderr)")
    #expect(try storedResponses(store, survey: "every-type").isEmpty, "\(label): nothing stored")
  }

  /// The same answers without the fault are accepted (the cases above fail for their fault only).
  @Test func validAnswersAreAccepted() throws {
    let directory = try TemporaryDirectory("bilan-answers")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let result = try runBilan(
      ["ask", Self.everyType, "--store", store, "--answers", "-"], input: Self.json(Self.validAnswers))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try storedResponses(store, survey: "every-type").count == 1)
  }

  /// Control characters are data: stored exactly as given.
  @Test func controlCharactersAreStoredAsGiven() throws {
    let directory = try TemporaryDirectory("bilan-control")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    var answers = Self.validAnswers
    answers["commentaires"] = #""a\u001b[31mb\u0007c\u001b]0;PWNED\u0007d""#
    let result = try runBilan(
      ["ask", Self.everyType, "--store", store, "--answers", "-"], input: Self.json(answers))
    #expect(result.status == 0, "\(result.stderr)")
    let response = try #require(try storedResponses(store, survey: "every-type").first)
    #expect(response.answers["commentaires"] == .text("a\u{1B}[31mb\u{07}c\u{1B}]0;PWNED\u{07}d"))
  }

  // MARK: Import files

  static let csvHeader =
    "id,survey,survey_version,status,language,started_at,submitted_at,colour,mark,word,second,last"
  static func csvRow(_ number: Int, _ answers: String) -> String {
    "6f1c0c1e-0000-4000-8000-\(String(format: "%012d", number)),kill-short,1,complete,en,"
      + "2026-01-01T10:00:00Z,2026-01-01T10:05:00Z,\(answers)"
  }

  /// Import files with one fault each, through `bilan import`: exit 1, the
  /// file and line named with the fault, the file rejected whole, the store
  /// unchanged. The same rows with and without a BOM are accepted.
  @Test func brokenImportFiles() throws {
    let directory = try TemporaryDirectory("bilan-bad-import")
    defer { directory.remove() }
    let survey = Fixture.path("kill-short.yaml")
    let store = directory.path("store.sqlite")
    let header = Self.csvHeader
    let good = Self.csvRow(1, "red,3,mot,2,fin")
    let cases: [(name: String, bytes: Data, message: String)] = [
      (
        "columns.csv", Data("\(header.replacingOccurrences(of: "colour", with: "couleur"))\n\(good)\n".utf8),
        "columns.csv:1: error: unknown column 'couleur'; did you mean 'colour'?"
      ),
      (
        "code.csv", Data("\(header)\n\(Self.csvRow(2, "purple,3,mot,2,fin"))\n".utf8),
        "code.csv:2: error: colour: unknown code 'purple'; expected one of: red, green, blue"
      ),
      (
        "range.csv", Data("\(header)\n\(Self.csvRow(3, "red,9,mot,2,fin"))\n".utf8),
        "range.csv:2: error: mark: 9 is not between 1 and 5"
      ),
      (
        "too-long.csv",
        Data("\(header)\n\(Self.csvRow(4, "red,3,\(String(repeating: "x", count: 30)),2,fin"))\n".utf8),
        "too-long.csv:2: error: word"
      ),
      (
        "duplicate.csv",
        Data("\(header)\n\(Self.csvRow(5, "red,3,a,2,b"))\n\(Self.csvRow(5, "blue,3,a,2,b"))\n".utf8),
        "duplicate.csv:3: error: duplicate id"
      ),
      (
        "truncated.csv", Data("\(header)\n\(Self.csvRow(6, "red,3,\"mot"))\n".utf8),
        "truncated.csv:2: error: a quoted field is never closed"
      ),
      (
        "truncated.jsonl",
        Data(
          #"{"id":"6f1c0c1e-0000-4000-8000-000000000007","survey":"kill-short","survey_version":1,"status":"complete","language":"en","started_at":"2026-01-01T10:00:00Z","answers":{"colour":"red","mark":3"#
            .utf8),
        "truncated.jsonl:1: error: the JSON object is cut short"
      ),
      (
        "latin1.csv", "\(header)\n\(Self.csvRow(8, "red,3,caf\u{E9},2,fin"))\n".data(using: .isoLatin1)!,
        "latin1.csv:2: error: not UTF-8 text (byte 0xE9"
      ),
    ]
    // A store with one response already, to see that it stays as it was.
    let seed = directory.path("seed.csv")
    try Data("\(header)\n\(Self.csvRow(99, "green,4,ok,1,ok"))\n".utf8).write(to: URL(fileURLWithPath: seed))
    try #require(try runBilan(["import", survey, seed, "--store", store]).status == 0)
    for (name, bytes, message) in cases {
      let path = directory.path(name)
      try bytes.write(to: URL(fileURLWithPath: path))
      let before = try storedResponses(store, survey: "kill-short").map(\.id)
      let result = try runBilan(["import", survey, path, "--store", store])
      #expect(result.status == 1, "\(name): \(result.stderr)")
      #expect(
        result.stderr.contains(path.replacingOccurrences(of: name, with: "") + message), "\(result.stderr)")
      #expect(result.stderr.contains("\(path): rejected, nothing of it was stored"), "\(result.stderr)")
      #expect(
        try storedResponses(store, survey: "kill-short").map(\.id) == before, "\(name): store unchanged")
    }
    // With and without a byte-order mark: both read the same.
    let plain = directory.path("plain.csv")
    let bom = directory.path("bom.csv")
    try Data("\(header)\n\(Self.csvRow(10, "red,3,\u{E9}t\u{E9},2,fin"))\n".utf8).write(
      to: URL(fileURLWithPath: plain))
    try Data(
      [0xEF, 0xBB, 0xBF] + Array("\(header)\n\(Self.csvRow(11, "red,3,\u{E9}t\u{E9},2,fin"))\r\n".utf8)
    )
    .write(to: URL(fileURLWithPath: bom))
    let accepted = try runBilan(["import", survey, plain, bom, "--store", store])
    #expect(accepted.status == 0, "\(accepted.stderr)")
    let words = try storedResponses(store, survey: "kill-short").compactMap { $0.answers["word"] }
    #expect(words.filter { $0 == .text("\u{E9}t\u{E9}") }.count == 2, "\(words)")
    #expect(try integrityCheck(store) == "ok")
  }

  // MARK: Paths

  /// `--store` naming a file that is not a bilan store (a text file, another
  /// program's SQLite database, another survey's store), given to `ask`,
  /// `import`, `export`, `stats` and `report`: exit 1, the message says so,
  /// and every file is left byte for byte as it was.
  @Test func storeThatIsNotOurs() throws {
    let directory = try TemporaryDirectory("bilan-foreign")
    defer { directory.remove() }
    let text = directory.path("notes.txt")
    try "Mes notes, pas une base.\n".write(toFile: text, atomically: true, encoding: .utf8)
    let foreign = directory.path("other-program.sqlite")
    let made = try python(
      "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table clients(nom text)');"
        + "c.execute(\"insert into clients values ('Dupont')\"); c.commit(); c.close()", [foreign])
    try #require(made.status == 0, "\(made.stderr)")
    let otherSurvey = directory.path("every-type.sqlite")
    let filled = try runBilan(
      ["ask", Self.everyType, "--store", otherSurvey, "--answers", "-"], input: Self.json(Self.validAnswers))
    try #require(filled.status == 0, "\(filled.stderr)")

    let seedCSV = directory.path("rows.csv")
    try "\(Self.csvHeader)\n\(Self.csvRow(1, "red,3,mot,2,fin"))\n".write(
      toFile: seedCSV, atomically: true, encoding: .utf8)
    let answers = directory.path("a.json")
    try #"{"colour": "red", "mark": 2}"#.write(toFile: answers, atomically: true, encoding: .utf8)
    for (store, message) in [
      (text, "not a bilan response store"), (foreign, "not a bilan response store"),
      (otherSurvey, "holds the responses of survey 'every-type'"),
    ] {
      let survey = Fixture.path("kill-short.yaml")
      for command in [
        ["ask", survey, "--answers", answers], ["import", survey, seedCSV], ["export", survey],
        ["stats", survey], ["report", survey, "--output", directory.path("reports")],
      ] {
        let before = snapshot(of: directory.path("."))
        let result = try runBilan(command + ["--store", store])
        #expect(result.status == 1, "\(command[0]) \(store): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains(store) && result.stderr.contains(message), "\(result.stderr)")
        #expect(
          snapshot(of: directory.path(".")) == before, "\(command[0]) \(store): untouched, nothing added")
      }
    }
  }

  /// A survey id with path characters never becomes a path: `bilan ask`
  /// refuses the survey before creating its default store folder.
  @Test func surveyIdWithPathCharacters() throws {
    let directory = try TemporaryDirectory("bilan-id-path")
    defer { directory.remove() }
    let work = directory.url.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let original = try String(contentsOfFile: Fixture.path("kill-short.yaml"), encoding: .utf8)
    for id in ["../../evil", "/tmp/evil", "a/b", "..", "é-vil"] {
      let survey = directory.path("survey.yaml")
      try original.replacingOccurrences(of: "id: kill-short", with: "id: \"\(id)\"")
        .write(toFile: survey, atomically: true, encoding: .utf8)
      let result = try runBilan(["ask", survey, "--answers", "-"], input: "{}", currentDirectory: work)
      #expect(result.status == 1, "\(id): \(result.stderr)")
      #expect(result.stderr.contains("survey id"), "\(id): \(result.stderr)")
      #expect(fileNames(in: directory.path(".")) == ["survey.yaml", "work"], "\(id)")
      #expect(fileNames(in: work.path).isEmpty, "\(id)")
    }
  }
}
