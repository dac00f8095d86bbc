import BilanBase
import Foundation
import SurveyDefinition
import TestSupport
import Testing

@testable import ResponseStore

@Suite struct ImportExportTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("import-export")
  }

  func store(_ name: String) throws -> SQLiteResponseStore {
    try SQLiteResponseStore(path: directory.path(name), surveyID: Fixture.survey.id)
  }

  /// A store holding 6 complete and 2 partial responses.
  func filledStore(_ name: String = "a.sqlite") throws -> SQLiteResponseStore {
    let store = try store(name)
    try store.recordSchema(of: Fixture.survey)
    for index in 0..<6 { try store.begin(Fixture.complete(index)) }
    for index in 0..<2 { try store.begin(Fixture.partial(index)) }
    return store
  }

  func export(
    _ store: any ResponseRepository, _ format: ResponseExporter.Format = .jsonl, labels: Bool = false,
    contacts: Bool = false, language: String? = nil
  ) throws -> Data {
    var data = Data()
    try ResponseExporter(
      survey: Fixture.survey, format: format, labels: labels, includeContacts: contacts, language: language
    ).write(from: store) { data.append($0) }
    return data
  }

  @discardableResult
  func importData(
    _ data: Data, into store: SQLiteResponseStore, name: String = "file",
    format: ResponseImporter.Format? = nil
  ) throws -> InsertOutcome {
    let batch = try ResponseImporter(survey: Fixture.survey).read(data, name: name, format: format)
    return try store.insert(batch.responses, schemas: batch.schemas, source: batch.source)
  }

  func rejection(_ text: String, name: String = "file", format: ResponseImporter.Format? = nil) -> [String] {
    rejection(Data(text.utf8), name: name, format: format)
  }

  func rejection(_ data: Data, name: String = "file", format: ResponseImporter.Format? = nil) -> [String] {
    do {
      _ = try ResponseImporter(survey: Fixture.survey).read(data, name: name, format: format)
      return []
    } catch {
      return error.lines
    }
  }

  // MARK: JSON Lines

  @Test func jsonLinesHaveTheSpecsShapeAndOrder() throws {
    let store = try filledStore()
    let lines = String(decoding: try export(store), as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 8)
    #expect(
      lines[0] == """
        {"id":"\(Fixture.complete(0).id.uuidString.lowercased())","survey":"atelier-test","survey_version":1,\
        "status":"complete","language":"fr","started_at":"2015-03-05T16:41:07Z","submitted_at":"2015-03-05T16:49:52Z",\
        "answers":{"role":"other","role.other":"Chargée de mission","territoire":"=HYPERLINK(\\"http://x\\")",\
        "age":30,"budget":1250.5,"satisfaction":1,"parties.matin":5,"parties.apres_midi":null,"valeur.plan":3,\
        "limites.plan":["cout","portage","other"],"limites.plan.other":"'-trop long","valeur.convention":null,\
        "limites.convention":[],"freins":["temps","cout"],"recommandation":0,"suivi":true,\
        "commentaires":"Très bien 👍\\nmerci,\\tà bientôt\\r\\n@tous"}}
        """)
    // A partial response: its status, no submitted_at.
    #expect(
      lines[1] == """
        {"id":"\(Fixture.partial(0).id.uuidString.lowercased())","survey":"atelier-test","survey_version":1,\
        "status":"partial","language":"fr","started_at":"2015-03-05T16:41:37Z","answers":{"role":"agent","satisfaction":2}}
        """)
    #expect(!lines.joined().contains("example.org"))
    let withContacts = String(decoding: try export(store, contacts: true), as: UTF8.self)
    #expect(
      withContacts.contains(
        #""commentaires":"Très bien 👍\nmerci,\tà bientôt\r\n@tous","email":"marie0@example.org"}}"#))
  }

  @Test func jsonLinesRoundTripToIdenticalBytes() throws {
    let first = try export(try filledStore(), contacts: true)
    let copy = try store("b.sqlite")
    #expect(try importData(first, into: copy, name: "a.jsonl") == InsertOutcome(added: 8, alreadyPresent: 0))
    #expect(try export(copy, contacts: true) == first)
    #expect(try copy.response(Fixture.complete(0).id)?.contacts == ["email": "marie0@example.org"])
    #expect(
      try copy.response(Fixture.complete(0).id)?.source
        == .file(name: "a.jsonl", hash: ContentHash.hex(of: first)))
  }

  @Test func reimportingAddsNothing() throws {
    let data = try export(try filledStore())
    let copy = try store("b.sqlite")
    try importData(data, into: copy)
    #expect(
      try importData(data, into: copy)
        == InsertOutcome(added: 0, alreadyPresent: 8, fileAlreadyImported: true))
    // The same responses in another file (CSV): recognised by their ids.
    let csv = try export(copy, .csv)
    #expect(try importData(csv, into: copy) == InsertOutcome(added: 0, alreadyPresent: 8))
    // A file without ids: the second import of the same bytes adds nothing either.
    let anonymous = Data("role,satisfaction\nelu,4\nagent,5\n".utf8)
    #expect(try importData(anonymous, into: copy) == InsertOutcome(added: 2, alreadyPresent: 0))
    #expect(
      try importData(anonymous, into: copy)
        == InsertOutcome(added: 0, alreadyPresent: 2, fileAlreadyImported: true))
    #expect(try copy.count(survey: Fixture.survey.id, includePartial: true) == 10)
  }

  // MARK: CSV

  @Test func csvHasOneColumnPerKeyWithABOM() throws {
    let data = try export(try filledStore(), .csv)
    #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: data.dropFirst(3), as: UTF8.self)
    let header =
      "id,survey,survey_version,status,language,started_at,submitted_at,role,role.other,territoire,age,budget,"
      + "satisfaction,parties.matin,parties.apres_midi,valeur.plan,limites.plan/cout,limites.plan/portage,"
      + "limites.plan/temps,limites.plan/other,limites.plan.other,valeur.convention,limites.convention/cout,"
      + "limites.convention/portage,limites.convention/temps,limites.convention/other,limites.convention.other,"
      + "freins/1,freins/2,recommandation,suivi,commentaires"
    let first =
      "\(Fixture.complete(0).id.uuidString.lowercased()),atelier-test,1,complete,fr,2015-03-05T16:41:07Z,"
      + "2015-03-05T16:49:52Z,other,Chargée de mission,\"'=HYPERLINK(\"\"http://x\"\")\",30,1250.5,1,5,na,3,1,1,0,1,"
      + "''-trop long,na,0,0,0,0,,temps,cout,0,true,\"Très bien 👍\nmerci,\tà bientôt\r\n@tous\""
    let partial =
      "\(Fixture.partial(0).id.uuidString.lowercased()),atelier-test,1,partial,fr,2015-03-05T16:41:37Z,,agent,,,,,2"
      + String(repeating: ",", count: 19)
    #expect(text.hasPrefix(header + "\r\n" + first + "\r\n" + partial + "\r\n"))
  }

  @Test(arguments: [false, true])
  func csvRoundTripsExactly(labels: Bool) throws {
    let original = try filledStore()
    let csv = try export(original, .csv, labels: labels, contacts: true)
    let copy = try store("b.sqlite")
    #expect(try importData(csv, into: copy, name: "a.csv").added == 8)
    #expect(try export(copy, contacts: true) == (try export(original, contacts: true)))
    #expect(try export(copy, .csv, labels: labels, contacts: true) == csv)
  }

  @Test func csvLabelsAreInTheChosenLanguage() throws {
    let store = try filledStore()
    let french = String(decoding: try export(store, .csv, labels: true), as: UTF8.self)
    let english = String(decoding: try export(store, .csv, labels: true, language: "en"), as: UTF8.self)
    #expect(french.contains(",Élu(e),"))
    #expect(french.contains(",Temps,Coût,"))
    #expect(french.contains(",Autre,Chargée de mission,"))
    #expect(english.contains(",Elected official,"))
    #expect(english.contains(",Time,Cost,"))
    #expect(english.contains(",Other,Chargée de mission,"))
  }

  @Test func csvWithAndWithoutBOMAndHandMadeRowsImport() throws {
    let rows =
      "role,satisfaction,limites.plan/cout,limites.plan/temps,freins/1,freins/2,suivi\nÉlu(e),4,1,0,Temps,cout,oui\n"
    for data in [Data(rows.utf8), Data([0xEF, 0xBB, 0xBF]) + Data(rows.utf8)] {
      let batch = try ResponseImporter(survey: Fixture.survey, now: Fixture.start).read(data, name: "x.csv")
      #expect(batch.format == .csv)
      let response = try #require(batch.responses.first)
      #expect(
        response.answers == [
          "role": .code("elu"), "satisfaction": .integer(4), "limites.plan": .codes(["cout"]),
          "freins": .codes(["temps", "cout"]), "suivi": .boolean(true),
        ])
      #expect(response.status == .complete)
      #expect(response.startedAt == Fixture.start)
      #expect(response.language == "fr")
    }
  }

  @Test func formulaPrefixIsRemovedOnImport() throws {
    let csv = "role,territoire,commentaires\nelu,'=1+1,'plain quote\nelu,''@x,'\t\n"
    let batch = try ResponseImporter(survey: Fixture.survey).read(Data(csv.utf8), name: "x.csv")
    #expect(batch.responses.map { $0.answers["territoire"] } == [.text("=1+1"), .text("'@x")])
    #expect(batch.responses.map { $0.answers["commentaires"] } == [.text("'plain quote"), .text("\t")])
  }

  // MARK: Rejections

  @Test func rejectsWrongColumns() {
    #expect(
      rejection("role,satisfation,freins/3,limites.plan/maybe,horodatage\n", name: "x.csv") == [
        "x.csv:1: unknown column 'satisfation'; did you mean 'satisfaction'?",
        "x.csv:1: unknown column 'freins/3'; did you mean 'freins/1'?",
        "x.csv:1: unknown column 'limites.plan/maybe'; did you mean 'limites.plan/cout'?",
        "x.csv:1: unknown column 'horodatage': the survey has no such answer key",
      ])
    #expect(
      rejection("role,role\nelu,elu\n", name: "x.csv") == [
        "x.csv:1: column 'role' appears twice (columns 1 and 2)"
      ])
  }

  @Test func rejectsUnknownCodesAndOutOfRangeValues() {
    let id = UUID(derivedFrom: "x").uuidString.lowercased()
    let line = """
      {"id":"\(id)","survey":"atelier-test","survey_version":1,"status":"complete","language":"fr",\
      "started_at":"2015-03-05T16:41:07Z","submitted_at":"2015-03-05T16:49:52Z",\
      "answers":{"role":"maire","satisfaction":7,"age":12,"freins":["cout"],"limites.plan":["temps","cout"],"nope":1}}
      """
    #expect(
      rejection(line + "\n", name: "x.jsonl") == [
        "x.jsonl:1: nope: no question of the survey has this answer key",
        "x.jsonl:1: role: unknown code 'maire'; expected one of: elu, agent, other",
        "x.jsonl:1: age: 12 is outside [18, 99]",
        "x.jsonl:1: satisfaction: 7 is not between 1 and 5",
        "x.jsonl:1: limites.plan: codes must be in choice order, 'other' last",
        "x.jsonl:1: freins: 1 ranked, exactly 2 expected",
      ])
    #expect(
      rejection("role,satisfaction,age,suivi\nelu,cinq,40.5,peut-être\n", name: "x.csv") == [
        "x.csv:2: satisfaction: expected an integer, got \"cinq\"",
        "x.csv:2: age: 40.5 is not a whole number",
        "x.csv:2: suivi: expected true or false, got \"peut-être\"",
      ])
  }

  @Test func rejectsDuplicateIdsAndBadResponseFields() {
    let id = UUID(derivedFrom: "x").uuidString.lowercased()
    let good = """
      {"id":"\(id)","survey":"atelier-test","survey_version":1,"status":"partial","language":"fr",\
      "started_at":"2015-03-05T16:41:07Z","answers":{}}
      """
    let bad = """
      {"id":"nope","survey":"autre","survey_version":"1","status":"done","language":"de",\
      "started_at":"05/03/2015","answers":{},"extra":1}
      """
    #expect(
      rejection([good, good, bad, #"{"id":"\#(id)"}"#].joined(separator: "\n"), name: "x.jsonl") == [
        "x.jsonl:2: duplicate id \(id) (also on line 1)",
        "x.jsonl:3: unknown field 'extra'; expected answers, id, language, started_at, status, submitted_at, "
          + "survey, survey_version",
        "x.jsonl:3: id 'nope' is not a UUID",
        "x.jsonl:3: response of survey 'autre', not 'atelier-test'",
        "x.jsonl:3: survey_version \"1\" is not a positive whole number",
        "x.jsonl:3: status 'done' is neither 'partial' nor 'complete'",
        "x.jsonl:3: language 'de' is not one of the survey's (fr, en)",
        "x.jsonl:3: started_at '05/03/2015' is not a time like 2015-03-05T16:41:07Z",
        "x.jsonl:3: role: required, but not answered",
        "x.jsonl:4: duplicate id \(id) (also on line 1)",
        "x.jsonl:4: 'survey' is missing",
        "x.jsonl:4: 'survey_version' is missing (an integer)",
        "x.jsonl:4: 'status' is missing ('partial' or 'complete')",
        "x.jsonl:4: 'language' is missing",
        "x.jsonl:4: 'started_at' is missing (a time like 2015-03-05T16:41:07Z)",
        "x.jsonl:4: 'answers' must be an object of answer key → value",
      ])
    let ids = "id,role\n\(id),elu\n\(id.uppercased()),agent\n"
    #expect(rejection(ids, name: "x.csv") == ["x.csv:3: duplicate id \(id) (also on line 2)"])
  }

  @Test func rejectsTruncatedFiles() throws {
    let full = try export(try filledStore())
    #expect(
      rejection(full.prefix(full.count - 40), name: "cut.jsonl").last
        == "cut.jsonl:8: the JSON object is cut short (truncated file?)")
    #expect(
      rejection("role,commentaires\nelu,ok\nagent,\"never closed\nsecond line\n", name: "cut.csv") == [
        "cut.csv:3: a quoted field is never closed (a missing \" or a file cut short?)"
      ])
    #expect(
      rejection("role,satisfaction,suivi\nelu,4,oui\nagent,5\n", name: "cut.csv") == [
        "cut.csv:3: 2 fields, 3 expected as in the header (is the file cut short?)"
      ])
    #expect(rejection("", name: "empty.csv") == ["empty.csv: the file is empty"])
    #expect(
      rejection("role,satisfaction\n", name: "header.csv") == [
        "header.csv: no responses in the file (only a header)"
      ])
  }

  @Test func rejectsOtherEncodings() {
    let latin1 = Data("role,territoire\nelu,Pilat\nelu,Pélussin\n".data(using: .isoLatin1)!)
    #expect(
      rejection(latin1, name: "latin1.csv") == [
        "latin1.csv:3: not UTF-8 text (byte 0xE9; the file looks like Latin-1 or Windows-1252): "
          + "save it as UTF-8 and import it again"
      ])
    let utf16 = Data("role\nelu\n".data(using: .utf16LittleEndian)!)
    #expect(
      rejection(Data([0xFF, 0xFE]) + utf16, name: "utf16.csv") == [
        "utf16.csv: the file is UTF-16; save it as UTF-8 and import it again"
      ])
  }

  @Test func aRejectedFileStoresNothing() throws {
    let copy = try store("b.sqlite")
    let csv = "role,satisfaction\nelu,4\nelu,9\n"
    #expect(throws: ImportError.self) { try importData(Data(csv.utf8), into: copy) }
    #expect(try copy.count(survey: Fixture.survey.id, includePartial: true) == 0)
    #expect(try copy.imports().isEmpty)
  }

  // MARK: Formats

  @Test func detectsTheFormatFromTheContent() {
    #expect(ResponseImporter.detectFormat(Data("SQLite format 3\0rest".utf8)) == .store)
    #expect(ResponseImporter.detectFormat(Data("\u{FEFF}\n  {\"id\":1}".utf8)) == .jsonl)
    #expect(ResponseImporter.detectFormat(Data("\"Horodateur\",\"Votre rôle\"\n".utf8)) == .googleForms)
    #expect(ResponseImporter.detectFormat(Data("Timestamp,Your role\n".utf8)) == .googleForms)
    #expect(ResponseImporter.detectFormat(Data("id,role\n".utf8)) == .csv)
  }

  @Test func mergesAnotherLaptopsStore() throws {
    let laptop = try filledStore("laptop.sqlite")
    try laptop.checkpoint()
    let data = try #require(FileManager.default.contents(atPath: laptop.path))
    let main = try store("main.sqlite")
    try main.begin(Fixture.complete(0))
    let batch = try ResponseImporter(survey: Fixture.survey).read(data, name: "laptop.sqlite")
    #expect(batch.format == .store)
    let outcome = try main.insert(batch.responses, schemas: batch.schemas, source: batch.source)
    #expect(outcome == InsertOutcome(added: 7, alreadyPresent: 1))
    #expect(try export(main, contacts: true) == (try export(laptop, contacts: true)))
    #expect(try main.response(Fixture.complete(2).id)?.source == .terminal)
  }

  @Test func refusesTheStoreOfAnotherSurvey() throws {
    let other = try SQLiteResponseStore(path: directory.path("other.sqlite"), surveyID: "autre")
    try other.checkpoint()
    let data = try #require(FileManager.default.contents(atPath: other.path))
    #expect(
      rejection(data, name: "other.sqlite") == ["other.sqlite: a store of survey 'autre', not 'atelier-test'"]
    )
    #expect(
      rejection(Data("SQLite format 3\0garbage".utf8), name: "bad.sqlite").first?.hasPrefix("bad.sqlite: ")
        == true)
  }

  @Test func readsAGoogleFormsExport() throws {
    let csv = """
      Horodateur,Votre rôle,Territoire,Satisfaction,Utilité [Matin],Utilité [Après-midi],Valeur de Plan de coopération,Limites de Plan de coopération,Freins,Suivi ?,Courriel
      05/03/2015 16:41:07,Élu(e),Pilat,4,5,Sans avis,3,"Coût, Temps, trop de réunions, vraiment","Temps, Coût",Oui,marie@example.org
      05/03/2015 16:45:00,Chargée de mission,,Tout à fait d'accord,,,,,,Non,

      """
    let batch = try ResponseImporter(survey: Fixture.survey).read(Data(csv.utf8), name: "forms.csv")
    #expect(batch.format == .googleForms)
    try #require(batch.responses.count == 2)
    let first = batch.responses[0]
    #expect(first.startedAt == Fixture.start)
    #expect(first.submittedAt == Fixture.start)
    #expect(first.status == .complete)
    #expect(first.language == "fr")
    #expect(
      first.answers == [
        "role": .code("elu"), "territoire": .text("Pilat"), "satisfaction": .integer(4),
        "parties.matin": .integer(5), "parties.apres_midi": .notApplicable, "valeur.plan": .integer(3),
        "limites.plan": .codes(["cout", "temps", "other"]),
        "limites.plan.other": .text("trop de réunions, vraiment"),
        "freins": .codes(["temps", "cout"]), "suivi": .boolean(true),
      ])
    #expect(first.contacts == ["email": "marie@example.org"])
    #expect(
      batch.responses[1].answers == [
        "role": .code("other"), "role.other": .text("Chargée de mission"), "satisfaction": .integer(5),
        "suivi": .boolean(false),
      ])
  }

  @Test func readsGoogleFormsInEnglishWithItsTimestamps() throws {
    let csv = """
      Timestamp,Your role,Value of Cooperation plan,Obstacles,Recommend?
      2015/03/05 5:41:07 PM GMT+1,Staff,2,"Political backing, Time",10
      3/5/2015 16:41:07,Elected official,,"Cost, Time",0

      """
    let batch = try ResponseImporter(survey: Fixture.survey).read(Data(csv.utf8), name: "forms.csv")
    #expect(batch.responses.map(\.language) == ["en", "en"])
    #expect(batch.responses.map(\.startedAt) == [Fixture.start, Fixture.start])
    #expect(batch.responses[0].answers["freins"] == .codes(["portage", "temps"]))
    #expect(batch.responses[0].answers["valeur.plan"] == .integer(2))
  }

  @Test func rejectsGoogleFormsColumnsThatMatchNoQuestion() {
    let csv = "Timestamp,Your role,Score,Your role\n3/5/2015 16:41:07,Staff,1,Staff\n"
    #expect(
      rejection(csv, name: "forms.csv") == [
        "forms.csv:1: column \"Score\" matches no question label of the survey (in fr or en)",
        "forms.csv:1: columns \"Your role\" and \"Your role\" are the same question",
      ])
    #expect(
      rejection("Timestamp,Your role\nyesterday,Staff\n", name: "forms.csv") == [
        "forms.csv:2: timestamp \"yesterday\" is not a date and time"
      ])
  }
}
