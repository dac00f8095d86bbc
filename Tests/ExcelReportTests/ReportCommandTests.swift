import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

@testable import ExcelReport

@Suite struct ReportCommandTests {
  /// A store holding the fixture's responses.
  private func makeStore(in directory: TemporaryDirectory) throws -> (ReportFixture, String) {
    let fixture = try ReportFixture()
    let path = directory.path("responses.sqlite")
    let store = try SQLiteResponseStore(path: path, surveyID: fixture.survey.id)
    _ = try store.insert(fixture.responses, schemas: [SchemaRecord(fixture.survey)], source: nil)
    return (fixture, path)
  }

  @Test func writesTheWorkbookAndTheSynthesisAndTheSameBytesTwice() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let (fixture, store) = try makeStore(in: directory)
    let survey = Repository.path("Surveys/cooperation-pelussin-2015.yaml")
    let output = directory.path("out")
    let run = try runBilan(["report", survey, "--store", store, "--output", output])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("synthese.xlsx"))
    let workbook = URL(fileURLWithPath: output).appendingPathComponent("synthese.xlsx")
    let first = try Data(contentsOf: workbook)
    #expect(FileManager.default.fileExists(atPath: directory.path("out/synthese.md")))
    let dump = try WorkbookDump.read(workbook.path)
    #expect(dump.sheets.first == "Synthèse")
    #expect(dump["Données"] == nil, "row-level data only with --internal")
    #expect(dump["Questions"]?.charts ?? 0 > 10)
    #expect(fixture.responses.count == 14)

    let again = try runBilan(["report", survey, "--store", store, "--output", output, "--format", "xlsx"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try Data(contentsOf: workbook) == first)
    // No staging folder is left beside the output.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted().filter {
        $0.hasPrefix(".")
      }.isEmpty)

    let english = try runBilan(["report", survey, "--store", store, "--output", output, "--lang", "en"])
    #expect(english.status == 0, "\(english.stderr)")
    #expect(FileManager.default.fileExists(atPath: directory.path("out/synthesis.xlsx")))
  }

  @Test func failuresExitWithTheContractsCodesAndLeaveThePreviousReports() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let (_, store) = try makeStore(in: directory)
    let survey = Repository.path("Surveys/cooperation-pelussin-2015.yaml")

    // The output is a file: nothing can be written there (exit 3), the file stays.
    let blocker = directory.path("blocker")
    try Data("keep".utf8).write(to: URL(fileURLWithPath: blocker))
    let blocked = try runBilan(["report", survey, "--store", store, "--output", blocker])
    #expect(blocked.status == 3, "\(blocked.stderr)")
    #expect(blocked.stderr.contains("error:"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: blocker)) == Data("keep".utf8))

    // No store: the input is wrong (exit 1), the previous report is left as it was.
    let output = directory.path("out")
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    try Data("previous".utf8).write(to: URL(fileURLWithPath: directory.path("out/synthese.xlsx")))
    let missing = try runBilan([
      "report", survey, "--store", directory.path("none.sqlite"), "--output", output,
    ])
    #expect(missing.status == 1, "\(missing.stderr)")
    #expect(missing.stderr.contains("none.sqlite"))
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: directory.path("out/synthese.xlsx"))) == Data("previous".utf8)
    )

    let usage = try runBilan(["report", survey, "--format", "docx"])
    #expect(usage.status == 2)
  }

}
