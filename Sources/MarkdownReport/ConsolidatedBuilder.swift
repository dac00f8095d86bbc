import Aggregation
import SurveyDefinition

/// What the consolidated template receives (see `docs/templates.md`).
struct ConsolidatedContext {
  var language: String
  var title: String
  var editions: [EditionContext]
  /// Indicators as rows, one column per edition, then the pooled figure.
  var comparison: TableContext?
  /// From one edition to the next, each figure's change, said as far as the
  /// intervals support it (`EditionChange`).
  var trends: TrendsContext?
  var charts: [ChartContext]
  var pooled: PooledContext?
  var method: MethodContext
}

/// The changes from one edition to the next, one sentence each.
struct TrendsContext {
  var lines: [String]
}

struct EditionContext {
  /// The edition's column heading: its date, or its survey id.
  var label: String
  var title: String
  var event: EventContext?
  var responses: String
  var keyFindingsParagraph: String
}

struct PooledContext {
  var responses: String
  var keyFindingsParagraph: String
  var figures: [FigureRow]
}

/// Builds the consolidated synthesis of several editions.
struct ConsolidatedBuilder {
  let consolidated: ConsolidatedResults
  let surveys: [Survey]
  let language: ReportLanguage
  var charts: [String: String] = [:]

  init(consolidated: ConsolidatedResults, surveys: [Survey], language: ReportLanguage) {
    self.consolidated = consolidated
    self.surveys = surveys
    self.language = language
  }

  mutating func build() -> ConsolidatedContext {
    let editionBuilders = zip(consolidated.editions, surveys).map {
      SynthesisBuilder(results: $0, survey: $1, language: language)
    }
    let first = editionBuilders[0]
    let labels = editionBuilders.map(editionLabel)
    let editions = zip(editionBuilders, labels).map { builder, label in
      EditionContext(
        label: label, title: builder.md(builder.results.survey.title), event: builder.eventContext(),
        responses: builder.methodContext().responses,
        keyFindingsParagraph: builder.keyFindings().joined(separator: " "))
    }
    var pooled: PooledContext?
    if let results = consolidated.pooled {
      let builder = SynthesisBuilder(results: results, survey: surveys[0], language: language)
      pooled = PooledContext(
        responses: builder.methodContext().responses,
        keyFindingsParagraph: builder.keyFindings().joined(separator: " "), figures: builder.figureRows())
    }
    var method = first.methodContext()
    method.responses = editions.map { edition in
      first.word("Pour l’édition du ", "For the edition of ") + edition.label + ", "
        + Prose.lowercasedStart(edition.responses)
    }.joined(separator: " ")
    method.surveyID = consolidated.editions.map { first.md($0.survey.id) }.joined(separator: ", ")
    method.version = consolidated.editions.map { first.typography.integer($0.survey.version) }
      .joined(separator: ", ")
    method.lastResponse = consolidated.editions.compactMap(\.lastResponseDate).max().map {
      first.md(first.formatDate($0))
    }
    return ConsolidatedContext(
      language: language.code, title: first.md(consolidated.editions[0].survey.title), editions: editions,
      comparison: comparisonTable(first, labels: labels), trends: trendsContext(first, labels: labels),
      charts: comparisonCharts(first, labels: labels),
      pooled: pooled, method: method)
  }

  /// An edition's column heading: the event's date, else the survey id.
  func editionLabel(_ builder: SynthesisBuilder) -> String {
    let results = builder.results
    if let date = results.survey.event?.date, let text = builder.formatDate(iso: date) {
      // Two editions on the same day keep their ids apart.
      let sameDay = consolidated.editions.filter { $0.survey.event?.date == date }.count > 1
      return builder.md(sameDay ? "\(text) (\(results.survey.id))" : text)
    }
    return builder.md(results.survey.id)
  }

  func comparisonTable(_ builder: SynthesisBuilder, labels: [String]) -> TableContext? {
    guard !consolidated.comparison.isEmpty else { return nil }
    let hasPooled = consolidated.comparison.contains { $0.pooled != nil }
    var header = [builder.word("Indicateur", "Indicator")] + labels
    if hasPooled { header.append(builder.word("Ensemble", "All editions")) }
    var rows: [RowContext] = []
    for comparison in consolidated.comparison {
      guard let unit = unit(of: comparison) else { continue }
      let keys: [CodeLabel?] = comparison.editions.first.map { $0.rows.map(\.item) } ?? [nil]
      for item in keys {
        let label =
          builder.md(comparison.label) + (item.map { builder.typography.colon + builder.md($0.label) } ?? "")
        func cell(_ rows: [IndicatorRow]?) -> String {
          figureText(rows?.first(where: { $0.item == item }), builder, unit: unit)
        }
        var cells = [label] + comparison.editions.map { cell($0.rows) }
        if hasPooled { cells.append(cell(comparison.pooled)) }
        rows.append(RowContext(cells: cells))
      }
    }
    return TableContext(header: header, rows: rows)
  }

  /// One figure of an edition: “value (n = …)”, a share count first; “–” when absent or withheld.
  func figureText(_ row: IndicatorRow?, _ builder: SynthesisBuilder, unit: IndicatorUnit) -> String {
    guard let row, let value = row.value else { return "–" }
    // A share count first below 30 respondents, like every figure of the synthesis.
    if let n = row.n, let count = row.count { return builder.prose.share(count, of: n) }
    var text = builder.format(value, unit: unit)
    if let n = row.n { text += " (" + builder.prose.nEquals(n...n) + ")" }
    return builder.figure(text)
  }

  func trendsContext(_ builder: SynthesisBuilder, labels: [String]) -> TrendsContext? {
    let lines = trendLines(builder, labels: labels)
    return lines.isEmpty ? nil : TrendsContext(lines: lines)
  }

  /// Each figure's change from one edition to the next, in words: a rise or
  /// a fall only when the intervals are apart, else no clear difference at
  /// these numbers; Borda scores (no interval) are left out.
  func trendLines(_ builder: SynthesisBuilder, labels: [String]) -> [String] {
    var lines: [String] = []
    let level = builder.typography.percent(0.95)
    for comparison in consolidated.comparison where comparison.kind != .borda {
      guard let unit = unit(of: comparison) else { continue }
      for change in comparison.changes {
        func row(_ edition: Int) -> IndicatorRow? {
          comparison.editions[edition].rows.first { $0.item?.code == change.item?.code }
        }
        let name =
          "**" + builder.md(comparison.label)
          + (change.item.map { builder.typography.colon + builder.md($0.label) } ?? "") + "**"
        let verdict: String
        switch change.verdict {
        case .higher:
          verdict = builder.word(
            "hausse nette (les intervalles de confiance à \(level) ne se chevauchent pas)",
            "a clear rise (the \(level) confidence intervals do not overlap)")
        case .lower:
          verdict = builder.word(
            "baisse nette (les intervalles de confiance à \(level) ne se chevauchent pas)",
            "a clear fall (the \(level) confidence intervals do not overlap)")
        case .noClearDifference:
          verdict = builder.word(
            "pas de différence nette à ces effectifs (les intervalles de confiance à \(level) se chevauchent)",
            "no clear difference at these numbers (the \(level) confidence intervals overlap)")
        case .same:
          verdict = builder.word("à égalité", "level")
        case .notComparable:
          verdict = builder.word(
            "pas de comparaison possible (un des deux chiffres manque ou n’est pas publié)",
            "no comparison possible (one of the two figures is missing or withheld)")
        }
        let sentence =
          name + builder.typography.colon
          + builder.word("de ", "from ") + figureText(row(change.from), builder, unit: unit)
          + builder.word(" (", " (") + labels[change.from] + builder.word(") à ", ") to ")
          + figureText(row(change.to), builder, unit: unit) + " (" + labels[change.to] + "), " + verdict + "."
        lines.append(sentence)
      }
    }
    return lines
  }

  /// The unit of an indicator, from the first edition's results.
  func unit(of comparison: IndicatorComparison) -> IndicatorUnit? {
    consolidated.editions[0].indicator(comparison.indicator)?.unit
  }

  /// One chart per whole-survey indicator: the editions as bars with their intervals.
  mutating func comparisonCharts(_ builder: SynthesisBuilder, labels: [String]) -> [ChartContext] {
    var result: [ChartContext] = []
    let typography = builder.typography
    for comparison in consolidated.comparison where comparison.kind != .borda {
      guard let unit = unit(of: comparison), unit != .bordaPoints,
        comparison.editions.allSatisfy({ $0.rows.count == 1 && $0.rows[0].item == nil })
      else { continue }
      let rawLabels = zip(consolidated.editions, surveys).map { results, _ -> String in
        results.survey.event?.date.flatMap { builder.formatDate(iso: $0) } ?? results.survey.id
      }
      let bars = zip(rawLabels, comparison.editions).compactMap { label, edition -> HorizontalBarChart.Bar? in
        let row = edition.rows[0]
        guard let value = row.value else { return nil }
        let interval = builder.interval(row, unit: unit)
        return HorizontalBarChart.Bar(
          label: label, value: value,
          interval: row.ciLow.flatMap { low in row.ciHigh.map { low...max(low, $0) } },
          valueText: builder.format(value, unit: unit), intervalText: interval.isEmpty ? nil : interval)
      }
      guard !bars.isEmpty else { continue }
      let domain: ClosedRange<Double>
      let ticks: [(value: Double, label: String)]
      switch unit {
      case .proportion:
        domain = 0...max(1, bars.map(\.value).max() ?? 1)
        ticks = stride(from: 0.0, through: domain.upperBound, by: 0.25).map { ($0, typography.percent($0)) }
      case .index:
        domain = 0...100
        ticks = stride(from: 0, through: 100, by: 25).map { (Double($0), typography.integer($0)) }
      case .points:
        domain = -100...100
        ticks = stride(from: -100, through: 100, by: 50).map {
          (Double($0), typography.number(Double($0), signed: true))
        }
      default:
        let questionScale = surveys[0].indicators.first { $0.id == comparison.indicator }?.question
          .flatMap { builder.scale(forKey: $0) }
        let low = Double(questionScale?.min ?? 0)
        let high = Double(max(questionScale?.max ?? 5, (questionScale?.min ?? 0) + 1))
        domain = low...high
        ticks = Array(Int(low)...Int(high)).map { (Double($0), typography.integer($0)) }
      }
      let file = "figures/editions-\(comparison.indicator).svg"
      let chart = HorizontalBarChart(
        title: comparison.label, measure: builder.word("Par édition", "By edition"), bars: bars,
        domain: domain,
        ticks: ticks, language: language)
      charts[file] = chart.render()
      result.append(ChartContext(file: file, alt: builder.md(comparison.label)))
    }
    return result
  }
}
