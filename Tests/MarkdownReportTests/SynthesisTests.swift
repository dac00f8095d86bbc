import Aggregation
import Foundation
import SurveyDefinition
import TestSupport
import Testing

@testable import MarkdownReport

@Suite struct SynthesisTests {
  let survey: Survey
  let french: SurveyResults
  let english: SurveyResults

  init() throws {
    survey = try ResultsFixture.survey()
    french = ResultsFixture.results(survey, language: "fr")
    english = ResultsFixture.results(survey, language: "en")
  }

  static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Snapshots")

  /// Compares `text` with the committed snapshot `name`; `RECORD_SNAPSHOTS=1`
  /// writes it instead.
  func assertSnapshot(
    _ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let url = Self.snapshots.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(
      text == expected, "differs from Snapshots/\(name) (RECORD_SNAPSHOTS=1 re-records)",
      sourceLocation: sourceLocation)
  }

  func markdown(_ files: [String: Data], _ name: String) throws -> String {
    String(decoding: try #require(files[name]), as: UTF8.self)
  }

  /// When the engine kept only the first answers of a question, its
  /// quotations say they were chosen among them; other questions say nothing.
  @Test(arguments: [ReportLanguage.french, .english])
  func verbatimsSayWhenOnlyTheFirstAnswersWereKept(language: ReportLanguage) throws {
    var results = language == .french ? french : english
    let index = try #require(results.freeText.firstIndex { $0.key == "commentaires" })
    results.freeText[index].total = 123_456
    #expect(results.freeText[index].isTruncated)
    let shown = results.freeText[index].answers.count
    let files = try MarkdownReport.render(results: results, survey: survey)
    let text = try markdown(files, language == .french ? "synthese.md" : "synthesis.md")
    let note =
      language == .french
      ? "*Citations choisies parmi les \(shown) premières réponses sur 123\u{202F}456\u{202F}; toutes figurent dans le classeur interne.*"
      : "*Quotations chosen from the first \(shown) of 123,456 answers; all are in the internal workbook.*"
    let lines = text.components(separatedBy: "\n")
    let position = try #require(lines.firstIndex(of: note), "no note in:\n\(text)")
    #expect(lines.filter { $0 == note }.count == 1)
    // Right below the quotations of that question.
    let heading = try #require(lines[..<position].lastIndex { $0.hasPrefix("**") })
    #expect(lines[heading].hasPrefix("**" + MarkdownText.escape(results.freeText[index].label) + "**"))
    #expect(lines[position - 1] == "" && lines[position - 2].hasPrefix("- "))
    // An emphasised paragraph of its own.
    let tokens = try parseMarkdown(text)
    let opening = try #require(tokens.firstIndex { $0.type == "inline" && $0.content == note })
    #expect(tokens[opening - 1].type == "paragraph_open")
    // Without a cut, the document is the usual one.
    let plain = try MarkdownReport.render(results: language == .french ? french : english, survey: survey)
    #expect(!(try markdown(plain, language == .french ? "synthese.md" : "synthesis.md")).contains(note))
  }

  /// Several people writing the same sentence do not fill the quotations
  /// with it: it is quoted once, and the other answers still get their turn.
  @Test func aSentenceWrittenSeveralTimesIsQuotedOnce() throws {
    var results = french
    let index = try #require(results.freeText.firstIndex { $0.key == "commentaires" })
    let others = results.freeText[index].answers.filter { !$0.fromSmallGroup }
    let repeated = "Il faudrait refaire cette journée chaque année sur un autre territoire du Pilat."
    let copies = (0..<8).map { index in
      FreeTextAnswer(
        text: index.isMultiple(of: 2) ? repeated : repeated.uppercased(), groups: ["role": "elu"],
        fromSmallGroup: false)
    }
    results.freeText[index].answers = copies + others
    let text = try markdown(try MarkdownReport.render(results: results, survey: survey), "synthese.md")
    let quotes = text.components(separatedBy: "\n").filter {
      $0.lowercased().contains("refaire cette journée")
    }
    #expect(quotes.count == 1, "\(quotes)")
    // The other answers keep their place among the quotations.
    #expect(text.contains("Une journée très riche"))
  }

  @Test(arguments: [ReportLanguage.french, .english])
  func theSynthesisParsesWithTablesImagesAndHeadings(language: ReportLanguage) throws {
    let results = language == .french ? french : english
    let files = try MarkdownReport.render(results: results, survey: survey)
    let name = language == .french ? "synthese.md" : "synthesis.md"
    let text = try markdown(files, name)
    let tokens = try parseMarkdown(text)

    // Headings: one title, then the parts.
    let headings = tokens.enumerated().filter { $0.element.type == "heading_open" }.map { index, token in
      (token.tag, tokens[index + 1].content)
    }
    #expect(headings.filter { $0.0 == "h1" }.count == 1)
    let parts = headings.filter { $0.0 == "h2" }.map(\.1)
    let expected =
      language == .french
      ? [
        "Présentation de la journée", "Qui a répondu", "L’essentiel", "Chiffres clés", "Les outils explorés",
        "Principaux freins à la coopération", "Ce qu’il faudrait améliorer", "Les suites",
        "Résultats par profil",
        "Note de méthode",
      ]
      : [
        "About the day", "Who answered", "Key findings", "Key figures", "The tools explored",
        "Main obstacles to cooperation", "What to improve", "Next steps", "Results by profile", "Method",
      ]
    for part in expected { #expect(parts.contains(part), "missing section \(part)") }
    #expect(
      headings.filter { $0.0 == "h3" }.map(\.1).contains(
        language == .french ? "Plan de coopération" : "Cooperation plan"))

    // Tables: every row has as many cells as its header.
    var tableCount = 0
    var columns = 0
    var cells = 0
    for token in tokens {
      switch token.type {
      case "table_open": tableCount += 1
      case "tr_open": cells = 0
      case "th_open", "td_open": cells += 1
      case "tr_close":
        if token.type == "tr_close", columns == 0 { columns = cells }
        #expect(cells == columns, "a table row has \(cells) cells, its header \(columns)")
      case "table_close": columns = 0
      default: break
      }
    }
    #expect(tableCount >= 8)  // who answered (3), key figures, comparison, ranking, two breakdowns

    // Images: every one is a file of the report, a well-formed SVG.
    let images = tokens.filter { $0.type == "image" }
    #expect(images.count >= 8)
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    for (path, data) in files {
      let url = directory.url.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url)
    }
    for image in images {
      let source = try #require(image.attrs["src"])
      #expect(FileManager.default.fileExists(atPath: directory.path(source)), "missing \(source)")
      #expect(!image.content.isEmpty, "an image without alternative text")
    }
    for (path, data) in files where path.hasSuffix(".svg") {
      let parsed = try parseSVG(String(decoding: data, as: UTF8.self))
      #expect(!parsed.title.isEmpty && !parsed.desc.isEmpty, "\(path) lacks a title or a description")
    }
    // Nothing but the images links anywhere, and no HTML at all.
    #expect(tokens.filter { ["html_inline", "html_block", "link_open"].contains($0.type) }.isEmpty)
  }

  @Test func theInjectionVerbatimComesOutInert() throws {
    let files = try MarkdownReport.render(results: french, survey: survey)
    let text = try markdown(files, "synthese.md")
    let html = try renderHTML(text)
    #expect(html.contains("<li>«\u{00A0}| &lt;script&gt; [x](y) # =1+1\u{00A0}»</li>"))
    #expect(!html.contains("<script"))
    #expect(html.contains("# Réunir les partenaires du GAL *avant* l’été"))
  }

  @Test func noQuoteFromASmallGroupAndSuppressedCellsSayWhy() throws {
    let text = try markdown(try MarkdownReport.render(results: french, survey: survey), "synthese.md")
    #expect(!text.contains("Trop court sur la convention"))
    #expect(text.contains("\\< 3"))
    #expect(text.contains("masqué"))
    // The profile section's free text (territories) is never quoted.
    #expect(!text.contains("Quel est votre territoire"))
    // Emails and phone numbers never appear, even when the engine missed them.
    #expect(!text.contains("dupont"))
    #expect(!text.contains("06 12 34 56 78"))
    #expect(text.contains("Écrivez à \\[masqué\\] ou au \\[masqué\\]."))
  }

  /// The findings say only what the intervals support, in French sentences
  /// that open with words, counts before percentages.
  @Test func theKeyFindingsSayOnlyWhatTheIntervalsSupport() throws {
    let text = try markdown(try MarkdownReport.render(results: french, survey: survey), "synthese.md")
    let nbsp = "\u{00A0}"
    let nnbsp = "\u{202F}"
    #expect(text.contains("Sur les 15 personnes inscrites, 12 ont répondu au questionnaire (80\(nnbsp)%)."))
    // 54 [46 ; 61] against ≥ 75: all of the interval is below.
    #expect(
      text.contains(
        "L’objectif de 75 n’est pas atteint\(nbsp): même le haut de l’intervalle à 95\(nnbsp)% (61) reste en dessous."
      ))
    // 58 % [32 % ; 81 %]: the interval straddles the 80 % target.
    #expect(
      text.contains(
        "Parmi les 12 répondants, 7 (58\(nnbsp)%) ont répondu «\(nbsp)Satisfait(e)\(nbsp)» ou «\(nbsp)Très satisfait(e)\(nbsp)». "
          + "Avec 12 réponses, on ne peut pas dire si l’objectif de 80\(nnbsp)% est atteint\(nbsp): "
          + "l’intervalle à 95\(nnbsp)% (de 32\(nnbsp)% à 81\(nnbsp)%) le contient."))
    #expect(text.contains("Score de recommandation de \u{2212}25, sur une échelle de \u{2212}100 à +100"))
    #expect(text.contains("version 1, dernière réponse le 5 mars 2015."))
  }

  @Test(arguments: [ReportLanguage.french, .english])
  func snapshots(language: ReportLanguage) throws {
    let results = language == .french ? french : english
    let files = try MarkdownReport.render(results: results, survey: survey)
    let name = "\(language.baseName).md"
    try assertSnapshot(try markdown(files, name), named: "\(language.baseName).\(language.code).md")
    try assertSnapshot(
      String(decoding: try #require(files["figures/question-utilite_parties.svg"]), as: UTF8.self),
      named: "utilite_parties.\(language.code).svg")
  }

  @Test func theSameResultsGiveTheSameBytes() throws {
    let first = try MarkdownReport.render(results: french, survey: survey)
    let second = try MarkdownReport.render(results: french, survey: survey)
    #expect(first == second)
    #expect(
      first.keys.allSatisfy { $0 == "synthese.md" || ($0.hasPrefix("figures/") && $0.hasSuffix(".svg")) })
  }

  @Test func anOrganisationsTemplateGetsTheSameData() throws {
    let template = try SynthesisTemplate(
      text: """
        # {{title}}
        {{#figures}}
        * {{indicator}}: {{value}} {{{interval}}}
        {{/figures}}
        {{#verbatims}}{{#quotes}}
        > {{.}}
        {{/quotes}}{{/verbatims}}
        """, name: "funder.mustache")
    let files = try MarkdownReport.render(results: french, survey: survey, template: template)
    let text = try markdown(files, "synthese.md")
    #expect(text.hasPrefix("# Bilan de la journée d’exploration de pratique"))
    #expect(text.contains("* Taux de réponse: 80\u{202F}%"))
    let tokens = try parseMarkdown(text)
    #expect(tokens.filter { ["html_inline", "html_block", "link_open"].contains($0.type) }.isEmpty)
  }

  @Test func aBrokenTemplateSaysWhere() {
    #expect(
      throws: MarkdownReportError.invalidTemplate(
        file: "t.mustache", line: 2, column: 17,
        reason: "a section is closed with another name than it was opened with")
    ) {
      try SynthesisTemplate(text: "# {{title}}\n{{#figures}}x{{/verbatims}}\n", name: "t.mustache")
    }
  }

  @Test func severalEditionsAreConsolidated() throws {
    var second = ResultsFixture.results(survey, language: "fr")
    second.survey.id = "cooperation-lyon-2016"
    second.survey.event?.date = "2016-03-10"
    var otherSurvey = survey
    otherSurvey.id = "cooperation-lyon-2016"
    let comparison = french.indicators.filter { !$0.perItem && $0.kind != .borda }.map { indicator in
      IndicatorComparison(
        indicator: indicator.id, kind: indicator.kind, label: indicator.label,
        editions: [
          EditionValue(survey: french.survey.id, date: "2015-03-05", rows: indicator.overall),
          EditionValue(survey: second.survey.id, date: "2016-03-10", rows: indicator.overall),
        ], pooled: nil)
    }
    let consolidated = ConsolidatedResults(
      editions: [french, second], comparison: comparison, pooled: nil, sharedKeys: [])
    let files = try MarkdownReport.render(consolidated: consolidated, surveys: [survey, otherSurvey])
    let text = try markdown(files, "synthese.md")
    let tokens = try parseMarkdown(text)
    #expect(text.contains("### 5 mars 2015"))
    #expect(text.contains("### 10 mars 2016"))
    #expect(text.contains("| Indicateur | 5 mars 2015 | 10 mars 2016 |"))
    #expect(tokens.filter { $0.type == "image" }.count == comparison.count)
    #expect(throws: MarkdownReportError.self) {
      try MarkdownReport.render(consolidated: consolidated, surveys: [survey])
    }
  }
}

extension SynthesisTests {
  @Test func responsesToAnotherVersionAreNoted() throws {
    var results = french
    results.schemaWarnings = [
      SchemaWarning(key: "venue", message: "le code `trio` n’est plus dans la liste", responses: 2)
    ]
    let text = try markdown(try MarkdownReport.render(results: results, survey: survey), "synthese.md")
    #expect(
      text.contains(
        "- **Réponses à une autre version.** Le code \\`trio\\` n’est plus dans la liste (2 réponses)"
      ))
  }
}
