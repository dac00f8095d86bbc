import Foundation
import TestSupport
import Testing

@Suite struct LintCommandTests {
  static let good = Repository.path("Surveys/cooperation-pelussin-2015.yaml")
  static let broken = Repository.path(
    "Tests/SurveyDefinitionTests/Fixtures/broken/condition-unknown-code.yaml")

  @Test func aCleanSurveyExitsZero() throws {
    let result = try runBilan(["lint", Self.good])
    #expect(result.status == 0)
    #expect(result.stdout == "")
    #expect(result.stderr == "\(Self.good): no problems\n")
  }

  @Test func aBrokenSurveyPrintsFileLineColumnAndExitsOne() throws {
    let result = try runBilan(["lint", Self.broken])
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        \(Self.broken):57:24: error: 'elue' in the condition of question 'courriel' is not a code of question 'role'; did you mean 'elu'?
        1 error and 0 warnings in 1 file

        """)
  }

  @Test func everyFileIsCheckedAndWarningsDoNotFail() throws {
    let warning = Repository.path(
      "Tests/SurveyDefinitionTests/Fixtures/broken/warning-min-group-size-two.yaml")
    let warned = try runBilan(["lint", Self.good, warning])
    #expect(warned.status == 0)
    #expect(
      warned.stderr == """
        \(warning):11:19: warning: 'min_group_size' 2 lets reports publish groups of two people; 3 or more protects participants
        0 errors and 1 warning in 2 files

        """)
    #expect(try runBilan(["lint", "--strict", warning]).status == 1)
    let both = try runBilan(["lint", Self.broken, warning])
    #expect(both.status == 1)
    #expect(both.stderr.hasSuffix("1 error and 1 warning in 2 files\n"))
  }

  @Test func jsonGoesToStandardOutput() throws {
    let result = try runBilan(["lint", "--format", "json", Self.broken])
    #expect(result.status == 1)
    #expect(result.stderr == "")
    let data = Data(result.stdout.utf8)
    let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(array.count == 1)
    #expect(array[0]["file"] as? String == Self.broken)
    #expect(array[0]["line"] as? Int == 57)
    #expect(array[0]["column"] as? Int == 24)
    #expect(array[0]["severity"] as? String == "error")
    #expect(
      array[0]["message"] as? String
        == "'elue' in the condition of question 'courriel' is not a code of question 'role'; did you mean 'elu'?"
    )
    let clean = try runBilan(["lint", "--format", "json", Self.good])
    #expect(clean.status == 0)
    #expect(clean.stdout == "[]\n")
  }

  @Test func usageErrorsExitTwo() throws {
    let none = try runBilan(["lint"])
    #expect(none.status == 2)
    #expect(none.stderr.contains("Missing expected argument"))
    let format = try runBilan(["lint", "--format", "xml", Self.good])
    #expect(format.status == 2)
  }

  @Test func aMissingFileIsReportedLikeAProblem() throws {
    let result = try runBilan(["lint", "/nonexistent/survey.yaml"])
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "/nonexistent/survey.yaml:1:1: error: cannot read the survey file: no such file\n"))
  }

  @Test func terminalEscapesInTheFileAreShownInert() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("escape.yaml")
    try "\"\\e[31mid\": x\n".write(toFile: path, atomically: true, encoding: .utf8)
    let result = try runBilan(["lint", path])
    #expect(result.status == 1)
    #expect(!result.stderr.contains("\u{1B}"))
    #expect(result.stderr.contains("unknown key '\\u{1B}[31mid' in the survey"))
  }

  @Test func helpShowsAnExample() throws {
    let result = try runBilan(["lint", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("USAGE: bilan lint <survey.yaml> ..."))
    #expect(result.stdout.contains("$ bilan lint Surveys/cooperation-pelussin-2015.yaml"))
  }

  @Test func theReadmeExampleIsRealOutput() throws {
    let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "$ bilan lint atelier.yaml\n"))
    let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
    let shown = String(readme[start.upperBound..<end.lowerBound]) + "\n"
    let folder = URL(fileURLWithPath: Repository.path("Tests/SurveyDefinitionTests/Fixtures/readme"))
    let result = try runBilan(["lint", "atelier.yaml"], currentDirectory: folder)
    #expect(result.status == 1)
    #expect(result.stderr == shown)
  }
}
