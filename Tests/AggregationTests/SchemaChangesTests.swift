import Aggregation
import ResponseStore
import SurveyDefinition
import Testing

@Suite struct SchemaChangesTests {
  /// The store's analysis, worded for people: each change with the number of
  /// responses it really touches (not every response of the older schema).
  @Test func changesAreWordedInTheReportLanguageWithTheirExactCounts() {
    let changes = SurveyChanges(
      earlierSchemas: [StoredSchema(hash: "old", record: nil, responseCount: 12)],
      changes: [
        .init(key: "role", kind: .codesRemoved(["journaliste"]), affectedResponses: 4),
        .init(key: "satisfaction", kind: .rangeNarrowed(from: 0...10, to: 1...5), affectedResponses: 3),
        .init(key: "ancienne", kind: .keyRemoved, affectedResponses: 7),
      ],
      unrecordedResponses: 2)
    #expect(
      SchemaChanges.warnings(from: changes, language: "en") == [
        SchemaWarning(key: "role", message: "codes no longer in the list: journaliste", responses: 4),
        SchemaWarning(key: "satisfaction", message: "range narrowed from 0–10 to 1–5", responses: 3),
        SchemaWarning(
          key: "ancienne", message: "key no longer in the survey: its answers are not counted", responses: 7),
        SchemaWarning(
          key: nil,
          message: "responses answered with another version of the survey, whose schema was not kept",
          responses: 2),
      ])
    #expect(
      SchemaChanges.warnings(from: changes, language: "fr")[0]
        == SchemaWarning(key: "role", message: "codes retirés de la liste : journaliste", responses: 4))
    #expect(
      SchemaChanges.warnings(
        from: SurveyChanges(earlierSchemas: [], changes: [], unrecordedResponses: 0), language: "fr"
      ).isEmpty)
  }
}
