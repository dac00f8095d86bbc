import Foundation
import SurveyDefinition
import Testing

/// Each file of `Fixtures/broken/` has exactly one problem; its `.expected`
/// sibling holds the one line lint must print for it, without the file name.
@Suite struct BrokenFixtureTests {
  static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/broken")

  static let names: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
    .filter { $0.hasSuffix(".yaml") }
    .map { String($0.dropLast(".yaml".count)) }
    .sorted()

  @Test func theFolderHoldsEveryFixture() {
    #expect(Self.names.count >= 100)
    for name in Self.names {
      let expected = Self.directory.appendingPathComponent("\(name).expected").path
      #expect(FileManager.default.fileExists(atPath: expected), "\(name).expected is missing")
    }
  }

  @Test(arguments: names)
  func lintReportsExactlyTheExpectedProblem(name: String) throws {
    let path = Self.directory.appendingPathComponent("\(name).yaml").path
    let expected = try String(
      contentsOf: Self.directory.appendingPathComponent("\(name).expected"), encoding: .utf8
    )
    .split(separator: "\n").map(String.init)
    let diagnostics = SurveyLinter.lint(path: path)
    #expect(diagnostics.map { String($0.description.dropFirst(path.count + 1)) } == expected)
    #expect(diagnostics.allSatisfy { $0.location.file == path })

    // Loading runs the same checks: it fails with the same diagnostics on an
    // error, and succeeds when there is only a warning.
    if diagnostics.contains(where: \.isError) {
      #expect(throws: SurveyLoadError.invalid(diagnostics)) { try Survey.load(path: path) }
    } else {
      _ = try Survey.load(path: path)
    }
  }
}
