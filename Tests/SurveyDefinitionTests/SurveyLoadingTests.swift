import Foundation
import SurveyDefinition
import TestSupport
import Testing

@Suite struct ReferenceSurveyTests {
  @Test(arguments: ["Surveys/cooperation-pelussin-2015.yaml", "Surveys/post-event-template.yaml"])
  func referenceSurveysLintClean(path: String) throws {
    let diagnostics = SurveyLinter.lint(path: Repository.path(path))
    #expect(diagnostics.map(\.description) == [])
    let survey = try Survey.load(path: Repository.path(path))
    #expect(!survey.sections.isEmpty)
    #expect(survey.languages.first == "fr")
  }

  @Test func pelussinSurveyIsFullyResolved() throws {
    let survey = try Survey.load(path: Repository.path("Surveys/cooperation-pelussin-2015.yaml"))
    #expect(survey.id == "cooperation-pelussin-2015")
    #expect(survey.languages == ["fr", "en"])
    #expect(survey.event?.registered == 15)
    #expect(survey.privacy.minGroupSize == 3)
    let loop = try #require(survey.sections.first { $0.forEach != nil })
    #expect(loop.items.count == 3)
    #expect(survey.breakdowns == ["role", "structure"])
    for (question, _) in survey.allQuestions {
      if let choices = question.kind.choices { #expect(!choices.isEmpty) }
    }
    #expect(survey.indicators.contains { $0.kind == .responseRate })
  }
}
