import Foundation
import SurveyDefinition
import TestSupport
import Testing

/// `follows: SURVEY_ID` and `among:`: checked against the survey followed,
/// found beside the follow-up (or among the files linted with it).
@Suite struct FollowUpLintTests {
  static let original = """
    id: jour-2024
    version: 1
    title: "Jour"
    languages: [fr]
    follow_up_token: true
    choices:
      intention: [{code: non, label: "Non"}, {code: oui, label: "Oui"}]
    items:
      outils: [{code: plan, label: "Plan"}, {code: convention, label: "Convention"}]
    sections:
      - id: outils
        title: "{item}"
        for_each: outils
        questions:
          - {id: intention, type: single, choices: intention, label: "{item} ?"}
      - id: fin
        title: "Fin"
        questions:
          - {id: recontact, type: boolean, label: "Recontact ?"}
          - {id: note, type: scale, min: 1, max: 5, label: "Note"}
    """

  /// A follow-up whose indicator reads `among`, with `items` and `follows` as given.
  static func followUp(
    follows: String? = "jour-2024", among: String = "{question: intention, values: [oui]}",
    items: String = "[{code: plan, label: \"Plan\"}, {code: convention, label: \"Convention\"}]",
    id: String = "jour-2024-suivi"
  ) -> String {
    """
    id: \(id)
    version: 1
    title: "Suivi"
    languages: [fr]
    \(follows.map { "follows: \($0)" } ?? "")
    choices:
      oui_non: [{code: oui, label: "Oui"}, {code: non, label: "Non"}]
    items:
      outils: \(items)
    sections:
      - id: outils
        title: "{item}"
        for_each: outils
        questions:
          - {id: applique, type: single, choices: oui_non, label: "{item} ?"}
    indicators:
      - id: application
        kind: share
        question: applique
        values: [oui]
        among: \(among)
    """
  }

  /// Lints `followUp` written beside the original survey.
  func lint(_ followUp: String, original: String = FollowUpLintTests.original) throws -> [String] {
    let directory = try TemporaryDirectory("follow-up-lint")
    defer { directory.remove() }
    try original.write(toFile: directory.path("jour.yaml"), atomically: true, encoding: .utf8)
    let path = directory.path("suivi.yaml")
    try followUp.write(toFile: path, atomically: true, encoding: .utf8)
    return SurveyLinter.lint(path: path).map {
      "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)"
    }
  }

  @Test func aFollowUpBesideItsSurveyIsClean() throws {
    #expect(try lint(Self.followUp()) == [])
    #expect(try lint(Self.followUp(among: "{question: intention.plan, values: [oui, non]}")) == [])
    #expect(try lint(Self.followUp(among: "{question: recontact, values: [true]}")) == [])
    let survey = try Survey.load(yaml: Self.followUp(), file: "suivi.yaml")
    #expect(survey.follows?.id == "jour-2024")
    #expect(survey.indicators[0].among?.question == "intention")
    #expect(try Survey.load(yaml: Self.original, file: "jour.yaml").showsFollowUpToken)
  }

  @Test func whatLintRefuses() throws {
    let unknown = try lint(Self.followUp(follows: "jour-2023"))
    #expect(unknown.count == 1)
    #expect(
      unknown.first?.hasPrefix("5:10: error: unknown survey 'jour-2023' in 'follows'") == true, "\(unknown)")
    #expect(
      try lint(Self.followUp(follows: "jour-2024-suivi"))
        == [
          "5:10: error: survey 'jour-2024-suivi' follows itself; 'follows' names the earlier survey whose "
            + "responses this one follows up"
        ])
    #expect(
      try lint(Self.followUp(follows: "Jour 2024"))
        == [
          "5:10: error: 'follows' names a survey id ('Jour 2024' is not one: lowercase letters a-z, digits and '-')"
        ])
    #expect(
      try lint(Self.followUp(follows: nil))
        == [
          "21:23: error: 'among' of indicator 'application' reads the answers of the survey this one follows; "
            + "add 'follows: SURVEY_ID' at the top level"
        ])
    #expect(
      try lint(Self.followUp(among: "{question: intentoin, values: [oui]}"))
        == [
          "21:23: error: unknown question 'intentoin' of survey 'jour-2024' in 'among' of indicator 'application'; did you mean 'intention'?"
        ])
    #expect(
      try lint(Self.followUp(among: "{question: intention, values: [oiu]}"))
        == [
          "21:43: error: 'oiu' in 'values' of 'among' of indicator 'application' is not a code of question 'intention' of survey 'jour-2024'; did you mean 'oui'?"
        ])
    #expect(
      try lint(Self.followUp(among: "{question: note, values: [5]}"))
        == [
          "21:23: error: question 'note' of survey 'jour-2024' in 'among' of indicator 'application' is a scale question; 'among' selects respondents by a single, multiple or yes/no answer"
        ])
    let items = try lint(
      Self.followUp(items: "[{code: plan, label: \"Plan\"}, {code: charte, label: \"Charte\"}]"))
    #expect(items.count == 1)
    #expect(
      items.first?.contains("item 'charte' of this survey is not among the items of 'outils'") == true,
      "\(items)")
    // A follow-up of a follow-up names the survey of the day.
    let chained = try lint(
      Self.followUp(id: "jour-2024-suivi-2"),
      original: Self.original.replacingOccurrences(of: "follow_up_token: true", with: "follows: jour-2023"))
    #expect(
      chained.contains { $0.contains("'jour-2024' is itself a follow-up (of 'jour-2023')") }, "\(chained)")
  }
}
