import Foundation
import TestSupport
import Testing

@Suite struct ExportImportRoundTripTests {
  /// The default export leaves contact data out; importing it into another
  /// store must still work (a required email answered in the first store is
  /// simply absent) and give the same export back, in both formats.
  @Test(arguments: ["jsonl", "csv"])
  func theDefaultExportOfTheReferenceSurveyImportsAgain(format: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let survey = Repository.path("Surveys/cooperation-pelussin-2015.yaml")
    let first = directory.path("first.sqlite")
    let second = directory.path("second.sqlite")
    let demo = try runBilan(
      ["demo", "--responses", "60", "--seed", "4", "--store", first, "--no-reports"],
      currentDirectory: Repository.root)
    #expect(demo.status == 0, "\(demo.stderr)")
    let export = directory.path("export.\(format)")
    let exported = try runBilan(["export", survey, "--store", first, "--format", format, "--output", export])
    #expect(exported.status == 0, "\(exported.stderr)")
    let imported = try runBilan(["import", survey, export, "--store", second])
    #expect(imported.status == 0, "\(imported.stderr)")
    let again = try runBilan(["export", survey, "--store", second, "--format", format])
    #expect(
      again.stdout == String(decoding: try Data(contentsOf: URL(fileURLWithPath: export)), as: UTF8.self))
  }
}
