import Aggregation
import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing
import XLSXWriter

@testable import ExcelReport

/// The reference survey, 14 synthetic responses, the engine's results.
struct ReportFixture {
  let survey: Survey
  let responses: [Response]
  let results: SurveyResults

  init(count: Int = 14, language: String? = nil, seed: UInt64 = 42) throws {
    survey = try Survey.load(path: Repository.path("Surveys/cooperation-pelussin-2015.yaml"))
    responses = SyntheticResponses.make(survey: survey, count: count, seed: seed)
    results = try Aggregator.results(
      survey: survey, responses: responses, options: AggregationOptions(language: language))
  }

  var feed: ExcelReport.ResponseFeed {
    let responses = responses
    return { body in for response in responses { try body(response) } }
  }

  /// The funder workbook.
  func write(to url: URL, options: ExcelReport.Options = .init()) throws {
    try ExcelReport.write(results: results, survey: survey, to: url, options: options)
  }

  /// The internal workbook (row-level data).
  func writeInternal(to url: URL, options: ExcelReport.Options = .init()) throws {
    try ExcelReport.writeInternal(
      results: results, survey: survey, to: url, options: options, responses: feed)
  }

  /// Every free text the funder files may hold: the quotes `Quotations` chooses.
  var publishedQuotes: Set<String> {
    Set(
      results.freeText.filter { Quotations.publishes($0, survey: survey) }.flatMap { summary in
        Quotations.chosen(summary).positions.map { summary.answers[$0].text }
      })
  }
}

/// Equal to the 16 significant digits libxlsxwriter writes (`%.16G`; Excel shows 15).
func same(_ written: Double?, _ expected: Double?) -> Bool {
  guard let written, let expected else { return written == nil && expected == nil }
  return abs(written - expected) <= 1e-15 * max(1, abs(expected))
}

@Suite struct ExcelReportTests {
  @Test func sheetsAreNamedInTheSurveysLanguageInReadingOrder() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture()
    let url = directory.url.appendingPathComponent(ExcelReport.fileName(language: "fr"))
    try fixture.write(to: url)
    #expect(url.lastPathComponent == "synthese.xlsx")
    let dump = try WorkbookDump.read(url.path)
    #expect(
      dump.sheets == [
        "Synthèse", "Indicateurs", "Par outil", "Questions", "Croisements", "Verbatims", "Dictionnaire",
      ])
    let internalURL = directory.url.appendingPathComponent(ExcelReport.internalFileName(language: "fr"))
    try fixture.writeInternal(to: internalURL)
    #expect(internalURL.lastPathComponent == "donnees-internes.xlsx")
    #expect(
      try WorkbookDump.read(internalURL.path).sheets == [
        "À lire d’abord", "Données", "Données (libellés)", "Dictionnaire",
      ])

    let english = try ReportFixture(language: "en")
    let englishURL = directory.url.appendingPathComponent(ExcelReport.fileName(language: "en"))
    try english.write(to: englishURL)
    #expect(englishURL.lastPathComponent == "synthesis.xlsx")
    #expect(
      try WorkbookDump.read(englishURL.path).sheets == [
        "Summary", "Indicators", "By tool", "Questions", "Breakdowns", "Comments", "Codebook",
      ])
    let englishInternal = directory.url.appendingPathComponent(ExcelReport.internalFileName(language: "en"))
    try english.writeInternal(to: englishInternal)
    #expect(englishInternal.lastPathComponent == "internal-data.xlsx")
    #expect(
      try WorkbookDump.read(englishInternal.path).sheets == [
        "Read first", "Data", "Data (labels)", "Codebook",
      ])
  }

  @Test func everyIndicatorValueIsTheEngines() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture()
    let url = directory.url.appendingPathComponent("synthese.xlsx")
    try fixture.write(to: url)
    let sheet = try #require(try WorkbookDump.read(url.path)["Indicateurs"])
    var row = 2
    var suppressed = 0
    for indicator in fixture.results.indicators {
      for figures in indicator.rows {
        #expect(sheet.cells["A\(row)"]?.value == indicator.id)
        if figures.suppressed {
          suppressed += 1
          #expect(sheet.cells["G\(row)"]?.value == "< 3")
          #expect(sheet.cells["G\(row)"]?.type == "s")
          #expect(sheet.cells["J\(row)"] == nil)  // no n for a withheld cell
          #expect(sheet.cells["N\(row)"]?.value.hasPrefix("oui") == true)
        } else {
          #expect(same(sheet.cells["G\(row)"]?.number, figures.value), "value of \(indicator.id) row \(row)")
          #expect(same(sheet.cells["H\(row)"]?.number, figures.ciLow))
          #expect(same(sheet.cells["I\(row)"]?.number, figures.ciHigh))
          #expect(sheet.cells["J\(row)"]?.number == figures.n.map(Double.init))
          if let verdict = figures.verdict {
            let expected = ["met": "atteint", "not_met": "non atteint", "not_conclusive": "non concluant"]
            #expect(sheet.cells["L\(row)"]?.value == expected[verdict.rawValue])
          }
        }
        row += 1
      }
    }
    #expect(suppressed > 0, "the lone respondent's group must be withheld")
    #expect(sheet.maxRow == row - 1)
    #expect(sheet.tables["Indicateurs"] != nil)
    #expect(sheet.cells["G2"]?.numberFormat.contains("%") == true || sheet.cells["G2"]?.numberFormat == "0.0")

    // The summary: one line per overall row, verdicts coloured by rule.
    let summary = try #require(try WorkbookDump.read(url.path)["Synthèse"])
    let satisfaction = try #require(fixture.results.indicator("satisfaction")?.overall.first)
    let line = try #require(
      summary.cells.first { $0.value.value == fixture.results.indicator("satisfaction")?.label })
    let rowNumber = String(line.key.drop { $0.isLetter })
    #expect(same(summary.cells["C\(rowNumber)"]?.number, satisfaction.value))
    #expect(summary.cells["C\(rowNumber)"]?.numberFormat == "0 %")
    #expect(summary.cells["H\(rowNumber)"]?.value == (satisfaction.met == true ? "atteint" : "non atteint"))
    #expect(!summary.conditionalRanges.isEmpty)
    #expect(summary.orientation == "landscape")
    #expect(summary.cells.values.contains { $0.value.contains("Textes coupés à la limite d'Excel") })
  }

  @Test func participantTextIsAlwaysAMaskedStringNeverAFormula() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture()
    let url = directory.url.appendingPathComponent("synthese.xlsx")
    try fixture.write(to: url)
    let internalURL = directory.url.appendingPathComponent("donnees-internes.xlsx")
    try fixture.writeInternal(to: internalURL)
    let dump = try WorkbookDump.read(internalURL.path)
    var formulas = 0
    var hyperlinks = 0
    let funder = try WorkbookDump.read(url.path)
    let sheets = Array(dump.content) + funder.content.map { ("funder " + $0.key, $0.value) }
    for (name, sheet) in sheets {
      for (coordinate, cell) in sheet.cells {
        if cell.type == "f" { formulas += 1 }
        if cell.value.hasPrefix("=HYPERLINK") {
          hyperlinks += 1
          #expect(cell.type == "s", "\(name)!\(coordinate)")
        }
        #expect(!cell.value.contains("jean.dupont@example.org"), "\(name)!\(coordinate)")
        #expect(!cell.value.contains("06 12 34 56 78"), "\(name)!\(coordinate)")
        #expect(!cell.value.contains("secret"), "contact data in \(name)!\(coordinate)")
        #expect(!cell.value.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
      }
    }
    #expect(formulas == 0)
    #expect(hyperlinks > 0)
    let data = try #require(dump["Données"])
    #expect(data.cells.values.contains { $0.value.contains("Écrivez-moi à [masqué]") })
    #expect(data.cells.values.contains { $0.value == "=1+1" && $0.type == "s" })
  }

  /// The comments sheet quotes what the synthesis quotes (`Quotations`):
  /// never from a group below the minimum, never a profile or “other” text.
  @Test func theCommentsQuoteOnlyThePublishedQuotes() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture()
    let url = directory.url.appendingPathComponent("synthese.xlsx")
    try fixture.write(to: url)
    let comments = try #require(try WorkbookDump.read(url.path)["Verbatims"])
    let quoted = Set(comments.cells.filter { $0.key.hasPrefix("C") && $0.key != "C1" }.map(\.value.value))
    let withheld = fixture.results.freeText.reduce(0) { $0 + $1.answers.filter(\.fromSmallGroup).count }
    #expect(withheld > 0)
    #expect(!quoted.isEmpty && quoted == fixture.publishedQuotes)
    // Neither the “other (specify)” texts nor the profile's (the territory) are quoted.
    for summary in fixture.results.freeText where summary.isOther || summary.questionID == "territoire" {
      for answer in summary.answers where !fixture.publishedQuotes.contains(answer.text) {
        #expect(!quoted.contains(answer.text), "\(summary.key): \(answer.text)")
      }
    }
    // The lone respondent (the first) wrote the HYPERLINK text: it must not be quoted.
    #expect(!quoted.contains(SyntheticResponses.hostileTexts[0]))
  }

  /// When the engine kept only the first answers of a question, the comments
  /// sheet says so below its table, in the report's language.
  @Test(arguments: ["fr", "en"])
  func theCommentsSaySoWhenOnlyTheFirstAnswersAreKept(language: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture(count: 60, language: language)
    let results = try Aggregator.results(
      survey: fixture.survey, responses: fixture.responses,
      options: AggregationOptions(language: language, verbatimLimit: 2))
    let url = directory.url.appendingPathComponent(ExcelReport.fileName(language: language))
    try ExcelReport.write(results: results, survey: fixture.survey, to: url)
    let french = language == "fr"
    let comments = try #require(try WorkbookDump.read(url.path)[french ? "Verbatims" : "Comments"])
    let quotable = results.freeText.filter { Quotations.publishes($0, survey: fixture.survey) }
    let truncated = quotable.filter(\.isTruncated)
    #expect(!truncated.isEmpty)
    let notes = comments.cells.filter { $0.key.hasPrefix("A") }.map(\.value.value)
    for summary in truncated {
      let label = summary.label
      let shown = Quotations.chosen(summary).positions.count
      let note =
        french
        ? "«\u{00A0}\(label)\u{00A0}»\u{00A0}: \(shown) réponse(s) citée(s) sur \(summary.total), les plus développées, comme dans la synthèse\u{00A0}; toutes figurent dans le classeur interne (donnees-internes.xlsx)."
        : "“\(label)”: \(shown) of \(summary.total) answers quoted, the longest, as in the synthesis; all are in the internal workbook (internal-data.xlsx)."
      #expect(notes.contains(note), "\(note)")
    }
    // Only the kept answers are quoted, and the notes sit below the table.
    let quoted = comments.cells.filter { $0.key.hasPrefix("C") && $0.key != "C1" }
    let kept = quotable.reduce(0) { $0 + Quotations.chosen($1).positions.count }
    #expect(kept > 0 && quoted.count == kept)
    let table = try #require(comments.tables["Verbatims"])
    #expect(table == "A1:C\(kept + 1)")
    // Untouched questions get no note.
    #expect(
      notes.count == 1 + kept + quotable.filter { Quotations.chosen($0).positions.count < $0.total }.count
        + (notes.contains { $0.contains("non citée") || $0.contains("not quoted") } ? 1 : 0))
  }

  @Test func theNumbersOfTheCutNoteAreGrouped() {
    #expect(ReportText(language: "fr").integer(123_456) == "123\u{00A0}456")
    #expect(ReportText(language: "en").integer(1_234_567) == "1,234,567")
    #expect(ReportText(language: "en").integer(999) == "999")
    #expect(ReportText(language: "fr").integer(2_000) == "2\u{00A0}000")
  }

  @Test func rawDataIsATableWithOneRowPerResponseAndTheCodebookListsEveryKey() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture()
    let url = directory.url.appendingPathComponent("donnees-internes.xlsx")
    try fixture.writeInternal(to: url)
    let dump = try WorkbookDump.read(url.path)
    let data = try #require(dump["Données"])
    let fields = ReportWriter.reportedFields(of: fixture.survey)
    #expect(data.maxRow == fixture.responses.count + 1)
    #expect(data.tables.count == 1)
    #expect(data.freeze == "B2")
    #expect(data.cells["A1"]?.value == "id")
    #expect(data.cells["E1"]?.value == fields[0].key)
    #expect(data.cells["A2"]?.value == "00000000-0000-4000-8000-000000000001")
    let labels = try #require(dump["Données (libellés)"])
    #expect(labels.maxRow == fixture.responses.count + 1)
    #expect(labels.tables.count == 1)
    // role: the code in one sheet, the label in the other.
    let roleColumn = try #require(fields.firstIndex { $0.key == "role" })
    let column = columnName(4 + roleColumn)
    let code = try #require(data.cells["\(column)2"]?.value)
    let choice = try #require(fixture.survey.question("role")?.question.kind.choices?.choice(code))
    #expect(labels.cells["\(column)2"]?.value == choice.label.text("fr"))

    // The funder workbook keeps the codebook (it describes questions, not people).
    let funderURL = directory.url.appendingPathComponent("synthese.xlsx")
    try fixture.write(to: funderURL)
    let codebook = try #require(try WorkbookDump.read(funderURL.path)["Dictionnaire"])
    #expect(dump["Dictionnaire"]?.cells == codebook.cells)
    #expect(codebook.maxRow == fields.count + 1)
    #expect(codebook.cells["A2"]?.value == fields[0].key)
    #expect(
      !codebook.cells.values.contains { $0.value.contains("email") && $0.type == "s" && $0.value == "email" })
  }

  @Test func nativeChartsAreThere() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture()
    let url = directory.url.appendingPathComponent("synthese.xlsx")
    try fixture.write(to: url)
    let dump = try WorkbookDump.read(url.path)
    let perItem = fixture.results.items.reduce(0) { $0 + $1.indicators.count }
    #expect(try #require(dump["Par outil"]).charts == perItem)
    #expect(try #require(dump["Questions"]).charts > 10)
    let xml = dump.chartXML.values
    #expect(xml.contains { $0.contains("<c:errBars>") && $0.contains("<c:barDir val=\"col\"/>") })
    #expect(
      xml.contains { $0.contains("<c:grouping val=\"stacked\"/>") && $0.contains("<c:barDir val=\"bar\"/>") })
    #expect(xml.contains { $0.contains("<a:noFill/>") })  // the invisible offset of a diverging bar
  }

  @Test func propertiesAndDateComeFromTheData() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture()
    let url = directory.url.appendingPathComponent("synthese.xlsx")
    try fixture.write(to: url)
    let dump = try WorkbookDump.read(url.path)
    #expect(dump.properties["title"] == fixture.results.survey.title)
    #expect(dump.properties["creator"] == "Cap Rural")
    #expect(dump.properties["company"] == "Cap Rural")
    #expect(dump.properties["keywords"]?.contains("cooperation-pelussin-2015") == true)
    // The last response: started 13 minutes after the first (15:40), submitted 7 minutes later.
    #expect(dump.properties["created"] == "2015-03-05 16:00:00")
  }

  @Test func twoRunsGiveIdenticalBytes() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture()
    let first = directory.url.appendingPathComponent("a.xlsx")
    let second = directory.url.appendingPathComponent("b.xlsx")
    let firstInternal = directory.url.appendingPathComponent("a-internal.xlsx")
    let secondInternal = directory.url.appendingPathComponent("b-internal.xlsx")
    try fixture.write(to: first)
    try fixture.writeInternal(to: firstInternal)
    Thread.sleep(forTimeInterval: 1.1)
    try fixture.write(to: second)
    try fixture.writeInternal(to: secondInternal)
    #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    #expect(try Data(contentsOf: firstInternal) == Data(contentsOf: secondInternal))
  }

  @Test func aFailureMidWriteLeavesThePreviousFileAndNoOther() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture()
    let url = directory.url.appendingPathComponent("donnees-internes.xlsx")
    try fixture.writeInternal(to: url)
    let before = try Data(contentsOf: url)
    struct StoreVanished: Error {}
    let failing: ExcelReport.ResponseFeed = { body in
      try body(fixture.responses[0])
      throw StoreVanished()
    }
    #expect(throws: StoreVanished.self) {
      try ExcelReport.writeInternal(
        results: fixture.results, survey: fixture.survey, to: url, responses: failing)
    }
    #expect(try Data(contentsOf: url) == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["donnees-internes.xlsx"])

    let missing = directory.url.appendingPathComponent("no/such/folder/synthese.xlsx")
    #expect(throws: FileWriteError.self) { try fixture.write(to: missing) }
    #expect(!FileManager.default.fileExists(atPath: missing.path))
  }

  @Test func largeStoresUseConstantMemoryAndContinuationSheets() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture()
    let url = directory.url.appendingPathComponent("donnees-internes.xlsx")
    try fixture.writeInternal(to: url, options: .init(constantMemoryThreshold: 0, rowsPerSheet: 5))
    let dump = try WorkbookDump.read(url.path)
    #expect(
      dump.sheets == [
        "À lire d’abord",
        "Données", "Données (2)", "Données (3)", "Données (libellés)", "Données (libellés) (2)",
        "Données (libellés) (3)", "Dictionnaire",
      ])
    var ids: [String] = []
    for name in ["Données", "Données (2)", "Données (3)"] {
      let sheet = try #require(dump[name])
      #expect(sheet.tables.isEmpty)
      #expect(sheet.autofilter?.hasPrefix("A1:") == true)
      #expect(sheet.freeze == "B2")
      #expect(sheet.cells["A1"]?.value == "id")
      ids += (2...6).compactMap { sheet.cells["A\($0)"]?.value }
    }
    #expect(ids == fixture.responses.map { $0.id.uuidString.lowercased() })
    #expect(try #require(dump["Dictionnaire"]).tables.isEmpty)
    #expect(try #require(dump["Dictionnaire"]).autofilter != nil)
  }

  @Test func editionsAreConsolidatedSideBySide() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let first = try ReportFixture(seed: 1)
    var secondSurvey = first.survey
    secondSurvey.id = "cooperation-pelussin-2016"
    secondSurvey.event?.date = "2016-03-10"
    let secondResponses = SyntheticResponses.make(survey: secondSurvey, count: 9, seed: 2)
    var consolidation = try Consolidation(surveys: [first.survey, secondSurvey])
    for response in first.responses { consolidation.add(response, edition: 0) }
    for response in secondResponses { consolidation.add(response, edition: 1) }
    let results = consolidation.results()
    let url = directory.url.appendingPathComponent("synthese.xlsx")
    try ExcelReport.write(consolidated: results, surveys: [first.survey, secondSurvey], to: url)
    let internalURL = directory.url.appendingPathComponent("donnees-internes.xlsx")
    try ExcelReport.writeInternal(
      consolidated: results, surveys: [first.survey, secondSurvey], to: internalURL,
      responses: [first.feed, { body in for response in secondResponses { try body(response) } }])
    let dump = try WorkbookDump.read(url.path)
    #expect(
      dump.sheets == [
        "Synthèse", "Indicateurs", "Par outil 2015-03-05", "Par outil 2016-03-10", "Croisements 2015-03-05",
        "Croisements 2016-03-10", "Verbatims", "Dictionnaire",
      ])
    // Each edition's breakdowns as the engine withheld them: one "< 3" or
    // "masqué" per withheld cell, the same number as the results'.
    for (index, date) in ["2015-03-05", "2016-03-10"].enumerated() {
      let sheet = try #require(dump["Croisements \(date)"])
      #expect(sheet.cells["A1"]?.value == "Croisements · \(date)")
      let withheld = sheet.cells.values.filter { $0.value == "< 3" || $0.value == "masqué" }.count
      let expected = results.editions[index].indicators.flatMap(\.rows).filter {
        $0.suppressed && $0.group != nil
      }.count
      #expect(withheld == expected, "\(date)")
      let tools = try #require(dump["Par outil \(date)"])
      #expect(tools.cells.values.contains { $0.value == "Plan de coopération" })
    }
    let internalBook = try WorkbookDump.read(internalURL.path)
    #expect(internalBook.sheets == ["À lire d’abord", "Données", "Données (libellés)", "Dictionnaire"])
    let summary = try #require(dump["Synthèse"])
    // From one edition to the next: each change in words, as far as the intervals support it.
    let changeHeader = try #require(summary.cells.first { $0.value.value == "2015-03-05 → 2016-03-10" })
    let changeColumn = String(changeHeader.key.prefix { $0.isLetter })
    let words = [
      "hausse nette (intervalles séparés)", "baisse nette (intervalles séparés)",
      "pas de différence nette (les intervalles se chevauchent)", "à égalité",
      "pas de comparaison (chiffre absent)",
    ]
    let changes = summary.cells.filter {
      $0.key.hasPrefix(changeColumn) && $0.key != changeHeader.key
        && $0.key.dropFirst(changeColumn.count).allSatisfy(\.isNumber)
    }
    #expect(!changes.isEmpty)
    #expect(changes.values.allSatisfy { $0.value.isEmpty || words.contains($0.value) }, "\(changes)")
    #expect(summary.cells.values.contains { $0.value == "cooperation-pelussin-2015" })
    #expect(summary.cells.values.contains { $0.value == "cooperation-pelussin-2016" })
    let comparison = try #require(results.comparison.first { $0.indicator == "satisfaction" })
    let line = try #require(
      summary.cells.first { $0.value.value == comparison.label && $0.key.hasPrefix("A") })
    let row = String(line.key.dropFirst())
    #expect(same(summary.cells["C\(row)"]?.number, comparison.editions[0].rows[0].value))
    #expect(same(summary.cells["G\(row)"]?.number, comparison.editions[1].rows[0].value))
    let data = try #require(internalBook["Données"])
    #expect(data.maxRow == 14 + 9 + 1)
    #expect(data.cells["A2"]?.value == "cooperation-pelussin-2015")
    #expect(data.cells["A\(14 + 2)"]?.value == "cooperation-pelussin-2016")
  }

  @Test func libreOfficeOpensIt() throws {
    guard LibreOffice.executable != nil else {
      print(
        "skipped: LibreOffice (soffice) is not installed; `make test-deps` installs libreoffice-calc-nogui")
      return
    }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixture = try ReportFixture()
    let url = directory.url.appendingPathComponent("synthese.xlsx")
    try fixture.write(to: url)
    // One conversion (LibreOffice takes ~20 s to start): the PDF proves the
    // file opens and renders, charts included.
    let pdf = try #require(try LibreOffice.convert(url.path, to: "pdf", in: directory.url))
    let bytes = try Data(contentsOf: pdf)
    #expect(bytes.starts(with: Array("%PDF".utf8)))
    #expect(bytes.count > 20_000)
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
      let text = try runProcess(URL(fileURLWithPath: "/usr/bin/pdftotext"), [pdf.path, "-"]).stdout
      #expect(text.contains("Indicateurs clés"))
      #expect(text.contains("atteint"))
      // The matrix on agreement shows its five points in its legend: the
      // last, « Tout à fait d’accord », appears elsewhere only in the
      // codebook (“5 = …”) and the labelled data (“5 – …”), and was the
      // entry LibreOffice dropped when only the first series was deleted.
      let legend = text.components(separatedBy: "\n").filter {
        $0.contains("Tout à fait d’accord") && !$0.contains("=") && !$0.contains("–")
      }
      #expect(!legend.isEmpty, "the last point of a diverging chart is missing from LibreOffice's legend")
    }
  }
}
