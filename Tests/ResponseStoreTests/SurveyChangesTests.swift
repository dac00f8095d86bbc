import Foundation
import SurveyDefinition
import TestSupport
import Testing

@testable import ResponseStore

@Suite struct SurveyChangesTests {
  let directory: TemporaryDirectory
  let store: SQLiteResponseStore

  /// A store with 6 complete and 2 partial responses answered with the fixture as it is.
  init() throws {
    directory = try TemporaryDirectory("changes")
    store = try SQLiteResponseStore(path: directory.path("s.sqlite"), surveyID: Fixture.survey.id)
    try store.recordSchema(of: Fixture.survey)
    for index in 0..<6 { try store.begin(Fixture.complete(index)) }
    for index in 0..<2 { try store.begin(Fixture.partial(index)) }
  }

  @Test func nothingToSayWhenTheDefinitionIsUnchanged() throws {
    let changes = try SurveyChanges.check(survey: Fixture.survey, store: store)
    #expect(changes.isEmpty)
    #expect(changes.lines.isEmpty)
  }

  @Test func labelsAndConditionsDoNotCount() throws {
    let edited = try Fixture.edited {
      $0.replacingOccurrences(of: "Votre rôle", with: "Quel est votre rôle ?")
        .replacingOccurrences(of: "when: \"suivi == true\", ", with: "")
    }
    #expect(try SurveyChanges.check(survey: edited, store: store).isEmpty)
  }

  @Test func namesEveryAffectedKeyAndCountsTheResponses() throws {
    // Version 2: code `elu` renamed `elue`, the satisfaction scale narrowed to
    // 1–4 (and the shared scale loses not-applicable), the number question removed.
    let edited = try Fixture.edited {
      $0.replacingOccurrences(of: "version: 1", with: "version: 2")
        .replacingOccurrences(of: "{code: elu,", with: "{code: elue,")
        .replacingOccurrences(of: "    max: 5\n", with: "    max: 4\n")
        .replacingOccurrences(
          of: "      5: {fr: \"Tout à fait d'accord\"", with: "      4: {fr: \"Tout à fait d'accord\""
        )
        .replacingOccurrences(of: "    not_applicable: {fr: \"Sans avis\", en: \"No opinion\"}\n", with: "")
        .replacingOccurrences(
          of: "      - {id: budget, type: number, min: 0, label: {fr: \"Budget\", en: \"Budget\"}}\n",
          with: "")
    }
    #expect(edited.schemaHash != Fixture.survey.schemaHash)
    let changes = try SurveyChanges.check(survey: edited, store: store)
    #expect(changes.earlierResponses == 8)
    #expect(changes.earlierSchemas.map(\.record?.surveyVersion) == [1])
    // Fixture.complete(i): role is `other` for i = 0 and 3, `elu` for the 4 others, `agent`
    // in the partials; satisfaction = 1 + i % 5 → 5 for i = 4, and 2 in the partials;
    // parties.matin = 5 in each complete response; N/A in parties.apres_midi and valeur.convention.
    let expected: [(String, SurveyChanges.Change.Kind, Int)] = [
      ("role", .codesRemoved(["elu"]), 4),
      ("budget", .keyRemoved, 6),
      ("satisfaction", .rangeNarrowed(from: 1...5, to: 1...4), 1),
      ("satisfaction", .notApplicableRemoved, 0),
      ("parties.matin", .rangeNarrowed(from: 1...5, to: 1...4), 6),
      ("parties.matin", .notApplicableRemoved, 0),
      ("parties.apres_midi", .rangeNarrowed(from: 1...5, to: 1...4), 0),
      ("parties.apres_midi", .notApplicableRemoved, 6),
      ("valeur.plan", .rangeNarrowed(from: 1...5, to: 1...4), 0),
      ("valeur.plan", .notApplicableRemoved, 0),
      ("valeur.convention", .rangeNarrowed(from: 1...5, to: 1...4), 0),
      ("valeur.convention", .notApplicableRemoved, 6),
    ]
    #expect(changes.changes.map { [$0.key] } == expected.map { [$0.0] })
    #expect(changes.changes.map(\.kind) == expected.map(\.1))
    #expect(changes.changes.map(\.affectedResponses) == expected.map(\.2))
    #expect(
      changes.lines.prefix(4) == [
        "8 stored responses were answered with an earlier definition of the survey (version 1); affected keys:",
        "  role: code 'elu' no longer offered (removed or renamed) (4 stored responses affected)",
        "  budget: no longer in the survey (6 stored responses affected)",
        "  satisfaction: accepted range narrowed from 1–5 to 1–4 (1 stored response affected)",
      ])
  }

  @Test func responsesOfAnUnrecordedDefinitionAreCounted() throws {
    var response = Fixture.complete(9)
    response.schemaHash = "unknown-hash"
    try store.begin(response)
    let changes = try SurveyChanges.check(survey: Fixture.survey, store: store)
    #expect(changes.unrecordedResponses == 1)
    #expect(
      changes.lines == [
        "1 stored response was answered with an earlier definition of the survey; no stored answer is affected",
        "  1 response answered with a definition the store did not record: their answers cannot be compared",
      ])
  }

  @Test func csvExportKeepsAnswersTheNewDefinitionNoLongerHas() throws {
    let edited = try Fixture.edited {
      $0.replacingOccurrences(of: "{code: elu,", with: "{code: elue,")
        .replacingOccurrences(
          of: "    - {code: portage, label: {fr: \"Portage politique\", en: \"Political backing\"}}\n",
          with: ""
        )
        .replacingOccurrences(
          of: "      - {id: budget, type: number, min: 0, label: {fr: \"Budget\", en: \"Budget\"}}\n",
          with: ""
        )
        .replacingOccurrences(of: "pick: 2", with: "pick: 1")
    }
    var data = Data()
    try ResponseExporter(survey: edited, format: .csv).write(from: store) { data.append($0) }
    let header = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")[0]
      .components(separatedBy: ",")
    // The removed code keeps its column, after the codes still offered.
    #expect(header.contains("limites.plan/portage"))
    #expect(header.firstIndex(of: "limites.plan/portage")! > header.firstIndex(of: "limites.plan/other")!)
    #expect(header.contains("freins/2"))
    #expect(header.last == "budget")
    var jsonl = Data()
    try ResponseExporter(survey: edited, format: .jsonl).write(from: store) { jsonl.append($0) }
    #expect(
      String(decoding: jsonl, as: UTF8.self).contains(
        #""commentaires":"Très bien 👍\nmerci,\tà bientôt\r\n@tous","budget":1250.5}"#))
  }
}
