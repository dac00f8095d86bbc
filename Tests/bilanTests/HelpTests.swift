import TestSupport
import Testing

@Suite struct HelpTests {
  @Test func rootHelpNamesTheTool() throws {
    let result = try runBilan(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("USAGE: bilan"))
  }
}
