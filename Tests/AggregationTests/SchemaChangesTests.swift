import Aggregation
import ResponseStore
import SurveyDefinition
import Testing

@Suite struct SchemaChangesTests {
  /// The stored responses were answered with an older definition: one more
  /// role code, a wider satisfaction scale, a question since removed.
  @Test func changedKeysAreNamedWithTheirResponseCount() throws {
    let current = try EngineFixture.survey()
    var older = current
    let profile = try #require(older.sections.firstIndex { $0.id == "profil" })
    older.sections[profile].questions[0].kind = .single(
      choices: (current.question("role")?.question.kind.choices ?? [])
        + [Choice(code: "journaliste", label: LocalizedText(plain: "Journaliste"))],
      other: true)
    let day = try #require(older.sections.firstIndex { $0.id == "journee" })
    older.sections[day].questions[0].kind = .scale(Scale(min: 0, max: 10))
    older.sections[day].questions.append(
      Question(id: "ancienne", kind: .boolean, label: LocalizedText(plain: "Ancienne")))
    let stored = [
      StoredSchema(hash: current.schemaHash, record: SchemaRecord(current), responseCount: 9),
      StoredSchema(hash: older.schemaHash, record: SchemaRecord(older), responseCount: 4),
    ]
    let warnings = SchemaChanges.warnings(survey: current, stored: stored, language: "en")
    #expect(
      warnings == [
        SchemaWarning(key: "role", message: "codes no longer in the list: journaliste", responses: 4),
        SchemaWarning(key: "satisfaction", message: "range narrowed from 0–10 to 1–5", responses: 4),
        SchemaWarning(
          key: "ancienne", message: "key no longer in the survey: its answers are not counted", responses: 4),
      ])
    #expect(SchemaChanges.warnings(survey: current, stored: [stored[0]], language: "fr").isEmpty)
  }
}
