import Foundation
import TestSupport
import Testing

@Suite struct PlainMatrixStorageTests {
  /// cli.md: each answer is stored before the next prompt — a matrix row too,
  /// so input ending half-way through a matrix keeps the rows given.
  @Test func matrixRowsAreStoredAsTheyAreAnswered() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let survey = Repository.path("Surveys/cooperation-pelussin-2015.yaml")
    let store = directory.path("s.sqlite")
    // role, structure, territory (skipped), venue, satisfaction, then one matrix row of three.
    let ask = try runBilan(["ask", survey, "--store", store, "--plain"], input: "1\n1\n\n1\n4\n3\n")
    #expect(ask.status == 1)
    let export = try runBilan(["export", survey, "--store", store])
    #expect(export.stdout.contains(#""status":"partial""#))
    #expect(export.stdout.contains(#""utilite_parties.decryptage":3}"#))
  }
}
