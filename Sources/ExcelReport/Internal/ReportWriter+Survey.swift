import Aggregation
import BilanBase
import Foundation
import SurveyDefinition
import XLSXWriter

extension ReportWriter {
  /// The funder workbook of one survey, in the order a reader goes through
  /// its sheets: aggregates only, from the results.
  func writeSurvey(results: SurveyResults, survey: Survey) throws {
    let summary = try workbook.addWorksheet(text.summarySheet)
    let indicators = try workbook.addWorksheet(text.indicatorsSheet)
    let items = results.items.isEmpty ? nil : try workbook.addWorksheet(text.itemsSheet)
    let questions = try workbook.addWorksheet(text.questionsSheet)
    let breakdowns = results.breakdowns.isEmpty ? nil : try workbook.addWorksheet(text.breakdownsSheet)
    let comments = try workbook.addWorksheet(text.commentsSheet)
    let codebook = try workbook.addWorksheet(text.codebookSheet)
    try setProperties(results: [results])
    let methodRow = try writeSummary(results, in: summary)
    try writeIndicators([results], in: indicators, editionColumn: false)
    if let items { try writeItems(results, survey: survey, in: items) }
    try writeQuestions(results, survey: survey, in: questions)
    if let breakdowns { try writeBreakdowns(results, in: breakdowns) }
    try writeComments([(results, survey)], in: comments, editionColumn: false)
    try writeCodebook(survey, in: codebook)
    try writeMethod(results, in: summary, row: methodRow)
    summary.activate()
  }

  /// Title, subject, author (the organiser), company, keywords and the fixed date.
  /// The internal workbook says what it is in its comments too.
  func setProperties(results: [SurveyResults], forInternalUse: Bool = false) throws {
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
        comments: forInternalUse
          ? text.internalTitle : text.french ? "Rapport produit par bilan" : "Report written by bilan",
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
