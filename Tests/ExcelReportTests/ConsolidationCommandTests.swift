import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// `bilan report` of several editions says which edition has no responses
/// instead of reporting "0 réponse" for it.
@Suite struct ConsolidationCommandTests {
  @Test func anEditionWithoutResponsesIsNamed() throws {
    let directory = try TemporaryDirectory("consolidation")
    defer { directory.remove() }
    let first = Repository.path("Tests/ResponseStoreTests/Fixtures/atelier-test.yaml")
    let second = directory.path("atelier-2016.yaml")
    let yaml = try String(contentsOfFile: first, encoding: .utf8)
    try yaml.replacingOccurrences(of: "id: atelier-test\n", with: "id: atelier-test-2016\n")
      .write(toFile: second, atomically: true, encoding: .utf8)
    let store = directory.path("shared.sqlite")
    let answered = try runBilan(
      ["ask", first, "--store", store, "--answers", "-"], input: #"{"role": "elu"}"#)
    try #require(answered.status == 0, "\(answered.stderr)")
    let output = directory.path("out")
    let shared = try runBilan(["report", first, second, "--store", store, "--output", output])
    #expect(shared.status == 1)
    #expect(
      shared.stderr
        == "error: \(store) holds no complete responses to 'atelier-test-2016' (edition 2 of 2, \(second)): "
        + "one store file holds one survey's responses; leave --store out to read each edition's own store "
        + "(Reports/atelier-test-2016/responses.sqlite), or leave \(second) out\n")
    #expect(!FileManager.default.fileExists(atPath: output))
    // Each edition's own store, one of them empty: named too.
    let work = directory.url
    let own2015 = directory.path("Reports/atelier-test/responses.sqlite")
    try #require(
      try runBilan(["ask", first, "--store", own2015, "--answers", "-"], input: #"{"role": "elu"}"#).status
        == 0)
    _ = try SQLiteResponseStore(
      path: directory.path("Reports/atelier-test-2016/responses.sqlite"), surveyID: "atelier-test-2016")
    let own = try runBilan(["report", first, second, "--output", output], currentDirectory: work)
    #expect(own.status == 1)
    #expect(
      own.stderr.hasPrefix(
        "error: Reports/atelier-test-2016/responses.sqlite holds no complete responses to 'atelier-test-2016'"
      ))
    #expect(own.stderr.hasSuffix(": import them (`bilan import \(second) FILE`) or leave \(second) out\n"))
  }
}
