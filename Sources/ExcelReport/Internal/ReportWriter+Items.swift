import Aggregation
import Foundation
import SurveyDefinition
import XLSXWriter

extension ReportWriter {
  /// The `for_each` items side by side: per-item indicators with interval,
  /// rank (equal figures as shown tie) and the items each is clearly ahead
  /// of (intervals apart), a share of several answers each answer apart, the
  /// most ticked answers of each multiple-choice question, ranked by the
  /// first indicator; then one chart per indicator.
  func writeItems(
    _ results: SurveyResults, survey: Survey, in sheet: Worksheet, title sheetTitle: String? = nil
  )
    throws
  {
    var row = 0
    try sheet.write(.text(sheetTitle ?? text.itemsSheet), row: row, column: 0, style: title)
    row += 2
    for section in results.items {
      let indicators = section.indicators.compactMap { results.indicator($0) }
      let sectionTitle = Self.withoutItem(section.title)
      try sheet.write(.text(sectionTitle), row: row, column: 0, style: heading)
      row += 1
      let multiples = results.questions.filter { $0.sectionID == section.sectionID && $0.type == "multiple" }
      let multipleIDs = multiples.map(\.questionID).reduce(into: [String]()) { ids, id in
        if !ids.contains(id) { ids.append(id) }
      }
      var headers = [text.tool]
      for indicator in indicators {
        headers += [indicator.label, text.ciLow, text.ciHigh, text.n, text.rank, text.clearlyAheadOf]
        headers += parts(indicator).map { text.partCount($0.label) }
      }
      for id in multipleIDs {
        let label = survey.question(id)?.question.label.text(language) ?? id
        headers.append("\(text.topChoices) : \(Self.withoutItem(label))")
      }
      let blockStart = row - 1
      row = try writeHeader(headers, in: sheet, row: row)
      // Items ranked by the first indicator (unranked last, in list order).
      let firstRanks = indicators.first.map { indicator in
        Dictionary(
          indicator.overall.compactMap { figures in figures.item.map { ($0.code, figures.rank ?? Int.max) } },
          uniquingKeysWith: { first, _ in first })
      }
      let items = section.items.enumerated().sorted { a, b in
        let ra = firstRanks?[a.element.code] ?? Int.max
        let rb = firstRanks?[b.element.code] ?? Int.max
        return ra != rb ? ra < rb : a.offset < b.offset
      }.map(\.element)
      let firstRow = row
      for item in items {
        try sheet.write(.text(item.label), row: row, column: 0, style: label)
        var column = 1
        for indicator in indicators {
          let figures = indicator.overall.first { $0.item?.code == item.code }
          if let figures {
            try writeFigures(
              figures, unit: indicator.unit, minimum: results.minGroupSize, in: sheet, row: row,
              column: column)
            try sheet.write(figures.rank.map { .integer($0) } ?? .blank, row: row, column: column + 4)
            let ahead = (figures.clearlyAheadOf ?? []).compactMap { code in
              section.items.first { $0.code == code }?.label
            }
            try sheet.write(
              .text(ahead.joined(separator: ", ")), row: row, column: column + 5, style: wrapped)
            for (offset, part) in (figures.parts ?? []).enumerated() {
              try sheet.write(.integer(part.count), row: row, column: column + 6 + offset, style: integer)
            }
          }
          column += 6 + parts(indicator).count
        }
        for id in multipleIDs {
          let summary = multiples.first { $0.questionID == id && $0.item?.code == item.code }
          let top = (summary?.distribution ?? []).filter { $0.count > 0 }.enumerated()
            .sorted {
              $0.element.count != $1.element.count
                ? $0.element.count > $1.element.count : $0.offset < $1.offset
            }
            .prefix(3).map { "\($0.element.label) (\($0.element.count))" }
          try sheet.write(.text(top.joined(separator: "\n")), row: row, column: column, style: wrapped)
          column += 1
        }
        row += 1
      }
      let firstMultiple = 1 + indicators.reduce(0) { $0 + 6 + parts($1).count }
      for index in 0..<multipleIDs.count { sheet.setColumnWidth(firstMultiple + index, 42) }
      let lastRow = row - 1
      sheet.keepTogether(blockStart...lastRow)
      row += 1
      // One chart per indicator, the intervals as error bars.
      let categories = Chart.Range(sheet: sheet.name, column: 0, rows: firstRow...max(firstRow, lastRow))
      for (index, indicator) in indicators.enumerated() {
        let figures = items.map { item in indicator.overall.first { $0.item?.code == item.code } }
        try addIntervalChart(
          title: text.chartTitle(
            indicator.label, n: figures.compactMap { $0?.n }, target: text.target(indicator)), in: sheet,
          categories: categories, items: items.map(\.label),
          values: figures.map { $0?.value }, lows: figures.map { $0?.ciLow },
          highs: figures.map { $0?.ciHigh },
          unit: indicator.unit, axis: axisRange(indicator, survey: survey),
          at: (row + index * Self.chartRows, 1))
      }
      row += indicators.count * Self.chartRows + 1
    }
    sheet.setColumnWidth(0, 30)
    // The title, the first section's heading and its header row stay in view.
    sheet.freezePanes(rows: results.items.isEmpty ? 1 : 4)
    try sheet.setUpPrinting(repeatRows: nil)
  }

  /// The answers a share counts, each with its own column (new intention,
  /// already under way); none for other kinds.
  func parts(_ indicator: IndicatorResult) -> [CodeLabel] {
    indicator.overall.first { $0.parts != nil }?.parts?.map(\.answer) ?? []
  }

  /// A loop's text without its item: “Les outils explorés : {item}” →
  /// “Les outils explorés”, “… l’outil « {item} » ?” → “… l’outil ?”.
  static func withoutItem(_ text: String) -> String {
    var result = text
    for pattern in [
      "\u{00A0}: {item}", " : {item}", ": {item}", " «\u{00A0}{item}\u{00A0}»", " « {item} »", " “{item}”",
      " {item}", "{item}",
    ] {
      result = result.replacingOccurrences(of: pattern, with: "")
    }
    return result.trimmingCharacters(in: .whitespaces)
  }

  /// The value axis of an indicator's chart: the whole scale, 0–100 %, ±100 points…
  func axisRange(_ indicator: IndicatorResult, survey: Survey) -> (min: Double?, max: Double?) {
    switch indicator.unit {
    case .proportion: return (0, 1)
    case .points: return (-100, 100)
    case .index: return (0, 100)
    case .bordaPoints: return (0, nil)
    case .scaleUnits:
      let id = indicator.question?.split(separator: ".").first.map(String.init) ?? ""
      if let scale = survey.question(id)?.question.kind.scale { return (0, Double(scale.max)) }
      return (0, nil)
    }
  }
}
