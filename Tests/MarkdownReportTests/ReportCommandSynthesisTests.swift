import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// `bilan report` writing the synthesis: the built binary, end to end.
@Suite struct ReportCommandSynthesisTests {
  /// A store holding the fixture's twelve responses, one with a hostile comment.
  func makeStore(in directory: TemporaryDirectory) throws -> String {
    let survey = try ResultsFixture.survey()
    let start = try #require(ISO8601DateFormatter().date(from: "2015-03-05T16:30:00Z"))
    var responses = ResultsFixture.answers(survey).enumerated().map { index, answers in
      Response(
        surveyID: survey.id, surveyVersion: survey.version, schemaHash: survey.schemaHash, status: .complete,
        language: "fr", startedAt: start.addingTimeInterval(Double(index) * 60),
        submittedAt: start.addingTimeInterval(Double(index) * 60 + 600), answers: answers)
    }
    responses[1].answers["commentaires"] = .text("| <script> [x](y) # =1+1")
    let path = directory.path("responses.sqlite")
    let store = try SQLiteResponseStore(path: path, surveyID: survey.id)
    _ = try store.insert(responses, schemas: [SchemaRecord(survey)], source: nil)
    return path
  }

  @Test func theSynthesisIsWrittenWithItsFiguresAndAnOrganisationsTemplate() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try makeStore(in: directory)
    let survey = ResultsFixture.surveyPath
    let output = directory.path("out")
    let run = try runBilan(["report", survey, "--store", store, "--output", output, "--format", "md"])
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOfFile: directory.path("out/synthese.md"), encoding: .utf8)
    let tokens = try parseMarkdown(text)
    #expect(tokens.filter { ["html_inline", "html_block", "link_open"].contains($0.type) }.isEmpty)
    for image in tokens.filter({ $0.type == "image" }) {
      #expect(FileManager.default.fileExists(atPath: directory.path("out/" + (image.attrs["src"] ?? ""))))
    }
    #expect(!FileManager.default.fileExists(atPath: directory.path("out/synthese.xlsx")))

    let template = directory.path("funder.mustache")
    try "# {{title}}\n\n{{keyFindingsParagraph}}\n".write(toFile: template, atomically: true, encoding: .utf8)
    let custom = try runBilan([
      "report", survey, "--store", store, "--output", output, "--format", "md", "--template", template,
    ])
    #expect(custom.status == 0, "\(custom.stderr)")
    let customText = try String(contentsOfFile: directory.path("out/synthese.md"), encoding: .utf8)
    #expect(customText.hasPrefix("# Bilan de la journée"))
    #expect(customText.contains("on ne peut pas dire si l’objectif de 80\u{202F}% est atteint"))
  }

  @Test func aBrokenTemplateOrAMissingPandocWritesNothing() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try makeStore(in: directory)
    let survey = ResultsFixture.surveyPath
    let output = directory.path("out")
    let template = directory.path("broken.mustache")
    try "# {{title}}\n{{#figures}}\n".write(toFile: template, atomically: true, encoding: .utf8)
    let broken = try runBilan([
      "report", survey, "--store", store, "--output", output, "--template", template,
    ])
    #expect(broken.status == 1)
    #expect(broken.stderr.contains("broken.mustache:"))
    #expect(!FileManager.default.fileExists(atPath: directory.path("out/synthese.md")))

    // An empty PATH: no pandoc to be found, whatever is installed.
    let html = try runBilan(
      ["report", survey, "--store", store, "--output", output, "--format", "md,html"],
      environment: ["PATH": directory.path("no-bin")])
    #expect(html.status == 1)
    #expect(html.stderr.contains("needs pandoc (apt-get install pandoc)"))
    #expect(!FileManager.default.fileExists(atPath: directory.path("out/synthese.md")))
  }
}
