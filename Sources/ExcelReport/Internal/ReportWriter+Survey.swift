import Aggregation
import BilanBase
import Foundation
import SurveyDefinition
import XLSXWriter

extension ReportWriter {
  /// The sheets of one survey's workbook, in the order a reader goes through them.
  struct SurveySheets {
    var summary: Worksheet
    var indicators: Worksheet
    var items: Worksheet?
    var questions: Worksheet
    var breakdowns: Worksheet?
    var comments: Worksheet
    var data: RawDataSheets
    var codebook: Worksheet
  }

  /// Creates the sheets; `layout` says which are needed (results of the
  /// same survey, with or without responses: items and breakdowns come from
  /// the definition).
  func addSheets(layout: SurveyResults, survey: Survey, expectedRows: Int) throws -> SurveySheets {
    SurveySheets(
      summary: try workbook.addWorksheet(text.summarySheet),
      indicators: try workbook.addWorksheet(text.indicatorsSheet),
      items: layout.items.isEmpty ? nil : try workbook.addWorksheet(text.itemsSheet),
      questions: try workbook.addWorksheet(text.questionsSheet),
      breakdowns: layout.breakdowns.isEmpty ? nil : try workbook.addWorksheet(text.breakdownsSheet),
      comments: try workbook.addWorksheet(text.commentsSheet),
      data: try RawDataSheets(writer: self, survey: survey, expectedRows: expectedRows),
      codebook: try workbook.addWorksheet(text.codebookSheet))
  }

  /// The workbook of one survey from results computed beforehand; the
  /// responses are read again for the raw data.
  func writeSurvey(results: SurveyResults, survey: Survey, responses: ExcelReport.ResponseFeed) throws {
    let sheets = try addSheets(layout: results, survey: survey, expectedRows: results.counts.included)
    try sheets.data.write(
      survey: survey, edition: nil, includePartial: results.counts.includesPartial, responses)
    try fill(sheets, results: results, survey: survey)
  }

  /// The workbook of one survey in one pass over the responses: each is
  /// added to `aggregator` and to the raw data as it comes; the other sheets
  /// are written from the results once all have come.
  func writeSurvey(
    survey: Survey, aggregator: inout Aggregator, expectedRows: Int, responses: ExcelReport.ResponseFeed
  ) throws -> SurveyResults {
    let sheets = try addSheets(layout: aggregator.results(), survey: survey, expectedRows: expectedRows)
    try sheets.data.write(survey: survey, edition: nil, includePartial: aggregator.options.includePartial) {
      body in
      try withoutActuallyEscaping(body) { body in
        try responses { response in
          aggregator.add(response)
          try body(response)
        }
      }
    }
    let results = aggregator.results()
    try fill(sheets, results: results, survey: survey)
    return results
  }

  private func fill(_ sheets: SurveySheets, results: SurveyResults, survey: Survey) throws {
    try setProperties(results: [results])
    let methodRow = try writeSummary(results, in: sheets.summary)
    try writeIndicators([results], in: sheets.indicators, editionColumn: false)
    if let items = sheets.items { try writeItems(results, survey: survey, in: items) }
    try writeQuestions(results, survey: survey, in: sheets.questions)
    if let breakdowns = sheets.breakdowns { try writeBreakdowns(results, in: breakdowns) }
    try writeComments([results], in: sheets.comments, editionColumn: false)
    try sheets.data.finish()
    try writeCodebook(survey, in: sheets.codebook)
    try writeMethod(results, in: sheets.summary, row: methodRow)
    sheets.summary.activate()
  }

  /// Title, subject, author (the organiser), company, keywords and the fixed date.
  func setProperties(results: [SurveyResults]) throws {
    guard let first = results.first else { return }
    let organisers = Array(Set(results.compactMap { $0.survey.event?.organiser })).sorted()
    let last = results.compactMap(\.lastResponseDate).max()
    let titles = results.map(\.survey.title).reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    let title = titles.joined(separator: " · ")
    let subject = results.compactMap { result in
      result.survey.event.map { event in
        [event.name, event.date, event.place].compactMap { $0 }.joined(separator: ", ")
      }
    }.joined(separator: " · ")
    try workbook.setProperties(
      .init(
        title: title,
        subject: subject.isEmpty ? title : subject,
        author: organisers.joined(separator: ", "),
        company: organisers.joined(separator: ", "),
        keywords: (["bilan", text.french ? "évaluation" : "evaluation"] + results.map(\.survey.id))
          .joined(separator: ", "),
        comments: text.french ? "Rapport produit par bilan" : "Report written by bilan",
        created: Self.creationDate(lastResponse: last, eventDate: first.survey.event?.date)))
  }

  // MARK: Summary

  /// The event, the counts and every indicator; returns the row where the
  /// method note goes (written last, once the truncated texts are counted).
  func writeSummary(_ results: SurveyResults, in sheet: Worksheet) throws -> Int {
    var row = 0
    // A rehearsal says so in the title a reader sees first.
    let shownTitle = results.survey.title + (results.counts.isRehearsal ? " — " + text.rehearsalTitle : "")
    try sheet.write(.text(shownTitle), row: row, column: 0, style: title)
    row += 2
    let event = results.survey.event
    var facts: [(String, CellValue, CellStyle)] = []
    if let name = event?.name { facts.append((text.event, .text(name), .plain)) }
    if let date = event?.date {
      facts.append((text.date, .text(CalendarDay(date)?.written(dateWords, weekday: true) ?? date), .plain))
    }
    if let place = event?.place { facts.append((text.place, .text(place), .plain)) }
    if let organiser = event?.organiser { facts.append((text.organiser, .text(organiser), .plain)) }
    facts.append((text.completeResponses, .integer(results.counts.complete), integer))
    if results.counts.partial > 0 {
      facts.append(
        (
          text.partialResponses,
          .text(
            "\(results.counts.partial) (\(results.counts.includesPartial ? text.includedPartial : text.excludedPartial))"
          ), .plain
        ))
    }
    if let registered = results.counts.registered {
      facts.append((text.registered, .integer(registered), integer))
    }
    if let rate = results.counts.responseRate { facts.append((text.responseRate, .number(rate), percent)) }
    for (name, value, style) in facts {
      try sheet.write(.text(name), row: row, column: 0, style: label)
      var aligned = style
      aligned.alignment = .left
      try sheet.write(value, row: row, column: 1, style: aligned)
      row += 1
    }
    row += 1
    try sheet.write(.text(text.keyFigures), row: row, column: 0, style: heading)
    row += 1
    let headerRow = row
    row = try writeHeader(
      [text.indicator, text.item, text.value, text.ciLow, text.ciHigh, text.n, text.target, text.verdict],
      in: sheet, row: row)
    let firstRow = row
    for indicator in results.indicators {
      for figures in indicator.overall {
        try sheet.write(.text(indicator.label), row: row, column: 0, style: wrapped)
        try sheet.write(figures.item.map { .text($0.label) } ?? .blank, row: row, column: 1, style: wrapped)
        try writeFigures(
          figures, unit: indicator.unit, minimum: results.minGroupSize, in: sheet, row: row, column: 2)
        try sheet.write(text.target(indicator).map { .text($0) } ?? .blank, row: row, column: 6)
        try sheet.write(verdict(figures.verdict), row: row, column: 7)
        row += 1
      }
    }
    if row > firstRow { try colourVerdicts(in: sheet, column: 7, rows: firstRow...(row - 1)) }
    sheet.freezePanes(rows: 1)
    try sheet.setUpPrinting(repeatRows: headerRow...headerRow)
    sheet.setColumnWidth(0, 55)
    sheet.setColumnWidth(1, 40)
    return row + 1
  }

  /// The method note at the bottom of the summary.
  func writeMethod(_ results: SurveyResults, in sheet: Worksheet, row start: Int) throws {
    var row = start
    try sheet.write(.text(text.method), row: row, column: 0, style: heading)
    row += 1
    let lines = text.methodLines(
      included: results.counts.included, includesPartial: results.counts.includesPartial,
      minimum: results.minGroupSize, truncated: workbook.truncatedCells,
      lastDate: results.lastResponseDate.map {
        CalendarDay($0, timeZone: results.survey.event?.timeZone).written(dateWords)
      }, rehearsal: results.counts.isRehearsal)
    let followUp = results.followUp.map { [$0.sentence(language: results.survey.language)] } ?? []
    for line in lines + followUp + results.schemaWarnings.map(\.message) {
      try sheet.write(.text(line), row: row, column: 0, style: note)
      row += 1
    }
  }
}
