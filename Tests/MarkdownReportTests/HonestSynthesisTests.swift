import Aggregation
import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

@testable import MarkdownReport

/// The synthesis says only what n supports, sentence by sentence and cell by
/// cell, in French and English: crafted stores (`HonestyScenarios`, written to
/// a real SQLite store and read back by the engine) put a tie, overlapping and
/// separated intervals, targets inside and outside the interval, a scale
/// answered 5 by everyone, an index near each bound and a matrix row answered
/// by fewer people on trial. The figures are the engine's, checked against
/// scipy in `HonestyRuleTests`.
@Suite struct HonestSynthesisTests {
  let survey: Survey
  let nbsp = "\u{00A0}"
  let nnbsp = "\u{202F}"

  init() throws {
    survey = try Survey.load(path: HonestyScenarios.surveyPath)
  }

  /// The synthesis of `answers`, stored, read back and rendered in `language`.
  func synthesis(_ answers: [Answers], language: String) throws -> [String] {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SQLiteResponseStore(path: directory.path("responses.sqlite"), surveyID: survey.id)
    let start = try #require(ISO8601DateFormatter().date(from: "2015-03-05T15:00:00Z"))
    let responses = answers.enumerated().map { index, answers in
      Response(
        surveyID: survey.id, surveyVersion: survey.version, schemaHash: survey.schemaHash, status: .complete,
        language: language, startedAt: start.addingTimeInterval(Double(index) * 60),
        submittedAt: start.addingTimeInterval(Double(index) * 60 + 600), answers: answers)
    }
    _ = try store.insert(responses, schemas: [SchemaRecord(survey)], source: nil)
    let results = try Aggregator.results(
      survey: survey, repository: store, options: AggregationOptions(language: language))
    let files = try MarkdownReport.render(results: results, survey: survey)
    let text = String(
      decoding: try #require(files[language == "fr" ? "synthese.md" : "synthesis.md"]), as: UTF8.self)
    return text.components(separatedBy: "\n")
  }

  func expectLine(
    _ expected: (fr: String, en: String), in scenario: [Answers],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    for (language, line) in [("fr", expected.fr), ("en", expected.en)] {
      let lines = try synthesis(scenario, language: language)
      #expect(
        lines.contains(line), "\(language): no line\n\(line)\nin\n\(lines.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
    }
  }

  /// Plan and convention both at 4,5, far above charte: tied first, together
  /// clearly ahead — never “1st” and “2nd” for equal figures.
  @Test func aTieIsATie() throws {
    try expectLine(
      (
        "- **Valeur ajoutée de chaque outil.** Le plan de coopération et la convention d’articulation sont à égalité en tête (4,5), nettement devant la charte de territoire (1,5), à n\(nbsp)=\(nbsp)14.",
        "- **Added value of each tool.** The cooperation plan and the coordination agreement share first place (4.5), clearly ahead of the area charter (1.5), at n\(nbsp)=\(nbsp)14."
      ), in: HonestyScenarios.separated)
  }

  /// 4,5, 4,5 and 3,9 whose intervals overlap: no ranking at all.
  @Test func overlappingIntervalsAreNoClearDifference() throws {
    try expectLine(
      (
        "- **Valeur ajoutée de chaque outil.** Pas de différence nette entre le plan de coopération (4,5), la convention d’articulation (4,5) et la charte de territoire (3,9)\(nbsp): leurs intervalles à 95\(nnbsp)% se recouvrent, à n\(nbsp)=\(nbsp)13 ou 14.",
        "- **Added value of each tool.** No clear difference between the cooperation plan (4.5), the coordination agreement (4.5) and the area charter (3.9): their 95% intervals overlap, at n\(nbsp)=\(nbsp)13 or 14."
      ), in: HonestyScenarios.overlapping)
  }

  /// Separated intervals rank; a share of several answers gives each apart.
  @Test func separatedIntervalsAreRankedAndTheAnswersOfAShareKeptApart() throws {
    try expectLine(
      (
        "- **Intention de mettre l’outil en place.** Le plan de coopération arrive en tête (14 sur 14, 100\(nnbsp)%), nettement devant la convention d’articulation (0 sur 14, 0\(nnbsp)%) et la charte de territoire (0 sur 14, 0\(nnbsp)%), à n\(nbsp)=\(nbsp)14. «\(nbsp)Oui, dans l’année\(nbsp)»\(nbsp): 14 sur 14 (100\(nnbsp)%) pour le plan de coopération, 0 sur 14 (0\(nnbsp)%) pour la convention d’articulation et 0 sur 14 (0\(nnbsp)%) pour la charte de territoire\(nnbsp); «\(nbsp)C’est déjà en cours\(nbsp)»\(nbsp): 0 sur 14 (0\(nnbsp)%) pour le plan de coopération, 0 sur 14 (0\(nnbsp)%) pour la convention d’articulation et 0 sur 14 (0\(nnbsp)%) pour la charte de territoire.",
        "- **Intention to set up the tool.** The cooperation plan comes first (14 out of 14, 100%), clearly ahead of the coordination agreement (0 out of 14, 0%) and the area charter (0 out of 14, 0%), at n\(nbsp)=\(nbsp)14. “Yes, within a year”: 14 out of 14 (100%) for the cooperation plan, 0 out of 14 (0%) for the coordination agreement and 0 out of 14 (0%) for the area charter; “It is already under way”: 0 out of 14 (0%) for the cooperation plan, 0 out of 14 (0%) for the coordination agreement and 0 out of 14 (0%) for the area charter."
      ), in: HonestyScenarios.separated)
  }

  /// 64 % [39 % ; 84 %] against ≥ 80 %: not conclusive, sentence and cell;
  /// the count leads (14 respondents).
  @Test func aTargetInsideTheIntervalIsNotConclusive() throws {
    try expectLine(
      (
        "- **Participants satisfaits.** Parmi les 14 répondants, 9 (64\(nnbsp)%) ont répondu «\(nbsp)Satisfait(e)\(nbsp)» ou «\(nbsp)Très satisfait(e)\(nbsp)». Avec 14 réponses, on ne peut pas dire si l’objectif de 80\(nnbsp)% est atteint\(nbsp): l’intervalle à 95\(nnbsp)% (de 39\(nnbsp)% à 84\(nnbsp)%) le contient.",
        "- **Satisfied participants.** Of the 14 respondents, 9 (64%) answered “Satisfied” or “Very satisfied”. With 14 answers, whether the 80% target is met cannot be told: the 95% interval (39% to 84%) contains it."
      ), in: HonestyScenarios.overlapping)
    try expectLine(
      (
        "| Participants satisfaits | 9 sur 14 (64\(nnbsp)%) | \\[39\(nnbsp)%\(nnbsp); 84\(nnbsp)%\\] | ≥\(nbsp)80\(nnbsp)% | non concluant |",
        "| Satisfied participants | 9 out of 14 (64%) | \\[39%, 84%\\] | ≥\(nbsp)80% | not conclusive |"
      ), in: HonestyScenarios.overlapping)
  }

  /// 21 % [8 % ; 48 %]: not met; 30 of 30 [89 % ; 100 %]: met.
  @Test func aTargetOutsideTheIntervalIsMetOrNot() throws {
    try expectLine(
      (
        "- **Participants satisfaits.** Parmi les 14 répondants, 3 (21\(nnbsp)%) ont répondu «\(nbsp)Satisfait(e)\(nbsp)» ou «\(nbsp)Très satisfait(e)\(nbsp)». L’objectif de 80\(nnbsp)% n’est pas atteint\(nbsp): même le haut de l’intervalle à 95\(nnbsp)% (48\(nnbsp)%) reste en dessous.",
        "- **Satisfied participants.** Of the 14 respondents, 3 (21%) answered “Satisfied” or “Very satisfied”. The 80% target is not met: even the high end of the 95% interval (48%) is below it."
      ), in: HonestyScenarios.separated)
    try expectLine(
      (
        "| Participants satisfaits | 3 sur 14 (21\(nnbsp)%) | \\[8\(nnbsp)%\(nnbsp); 48\(nnbsp)%\\] | ≥\(nbsp)80\(nnbsp)% | non atteint |",
        "| Satisfied participants | 3 out of 14 (21%) | \\[8%, 48%\\] | ≥\(nbsp)80% | not met |"
      ), in: HonestyScenarios.separated)
    try expectLine(
      (
        "- **Participants satisfaits.** Les 30 répondants ont tous répondu «\(nbsp)Satisfait(e)\(nbsp)» ou «\(nbsp)Très satisfait(e)\(nbsp)». L’objectif de 80\(nnbsp)% est atteint\(nbsp): même le bas de l’intervalle à 95\(nnbsp)% (89\(nnbsp)%) le dépasse.",
        "- **Satisfied participants.** All 30 respondents answered “Satisfied” or “Very satisfied”. The 80% target is met: even the low end of the 95% interval (89%) is above it."
      ), in: HonestyScenarios.unanimous)
  }

  /// Everyone answered 5: the interval is [4,5 ; 5,0], not “5 [5 ; 5]”; from
  /// 30 respondents on the percentage leads.
  @Test func aScaleAnsweredFiveByEveryoneKeepsAnHonestInterval() throws {
    try expectLine(
      (
        "**Êtes-vous satisfait(e) de la journée\(nnbsp)?** Note moyenne de 5,0 sur 5, sur 30 réponses (intervalle à 95\(nnbsp)%\(nbsp): de 4,5 à 5,0)\(nnbsp); 100\(nnbsp)% des répondants (30 sur 30) ont répondu «\(nbsp)Satisfait(e)\(nbsp)» ou «\(nbsp)Très satisfait(e)\(nbsp)».",
        "**Are you satisfied with the day?** Average score 5.0 out of 5, over 30 answers (95% interval: 4.5 to 5.0); 100% of respondents (30 out of 30) answered “Satisfied” or “Very satisfied”."
      ), in: HonestyScenarios.unanimous)
    try expectLine(
      (
        "| Satisfaction moyenne | 5,0 sur 5 (30 réponses) | \\[4,5\(nnbsp); 5,0\\] |  |  |",
        "| Average satisfaction | 5.0 out of 5 (30 answers) | \\[4.5, 5.0\\] |  |  |"
      ), in: HonestyScenarios.unanimous)
  }

  /// An index at 98 or at 4 keeps its interval within 0–100.
  @Test func anIndexNearItsBoundsStaysWithinThem() throws {
    try expectLine(
      (
        "| Indice des temps de la journée | 98 sur 100 (30 répondants) | \\[96\(nnbsp); 100\\] | ≥\(nbsp)75 | atteint |",
        "| Index of the parts of the day | 98 out of 100 (30 respondents) | \\[96, 100\\] | ≥\(nbsp)75 | met |"
      ), in: HonestyScenarios.unanimous)
    try expectLine(
      (
        "| Indice des temps de la journée | 4 sur 100 (14 répondants) | \\[0\(nnbsp); 9\\] | ≥\(nbsp)75 | non atteint |",
        "| Index of the parts of the day | 4 out of 100 (14 respondents) | \\[0, 9\\] | ≥\(nbsp)75 | not met |"
      ), in: HonestyScenarios.separated)
  }

  /// The site-visit row says its own 10 answers, not the matrix's 14; its
  /// ten answers of 4 get the unanimity interval, not [4,0 ; 4,0].
  @Test func aMatrixRowAnsweredByFewerPeopleHasItsOwnN() throws {
    try expectLine(
      (
        "- «\(nbsp)Visite de terrain\(nbsp)»\(nbsp): 4,0 (de 3,2 à 4,3), 10 réponses.",
        "- “Site visit”: 4.0 (3.2 to 4.3), 10 answers."
      ), in: HonestyScenarios.overlapping)
  }
}
