import Aggregation
import SurveyDefinition

extension SynthesisBuilder {
  /// A diverging bar chart of scale answers, saved under `file`.
  ///
  /// `rows` pairs a label with a distribution over the scale's points (a
  /// missing point counts 0; not-applicable is not a point and is left out).
  mutating func divergingChart(
    file: String, title: String, scale: Scale, rows: [(String, [DistributionEntry])]
  ) -> ChartContext? {
    let points = Array(scale.points)
    guard points.count >= 2 else { return nil }
    let pointLabels = points.map { scale.labels[$0]?.text(results.survey.language) ?? typography.integer($0) }
    let chartRows = rows.map { label, distribution in
      DivergingBarChart.Row(
        label: label,
        counts: points.map { point in distribution.first { $0.value == String(point) }?.count ?? 0 })
    }
    guard chartRows.contains(where: { $0.total > 0 }) else { return nil }
    let totals = chartRows.map(\.total)
    let caption =
      word("Part des réponses à chaque point de l’échelle", "Share of answers at each point of the scale")
      + ", " + prose.nEquals((totals.min() ?? 0)...(totals.max() ?? 0))
    let chart = DivergingBarChart(
      title: title, pointLabels: pointLabels, rows: chartRows, language: language, caption: caption)
    charts[file] = chart.render()
    return ChartContext(file: file, alt: md(title))
  }

  /// The items of a per-item indicator as bars with their 95 % whiskers.
  mutating func itemBarChart(_ indicator: IndicatorResult) -> ChartContext? {
    let rows = indicator.overall.filter { $0.value != nil }
    guard !rows.isEmpty else { return nil }
    let domain: ClosedRange<Double>
    let ticks: [(value: Double, label: String)]
    var measure: String
    let withInterval: String =
      word(", avec son intervalle de confiance à 95", ", with its 95") + typography.percentSign
      + word("", " confidence interval")
    switch indicator.unit {
    case .proportion:
      domain = 0...1
      ticks = stride(from: 0.0, through: 1.0, by: 0.25).map { ($0, typography.percent($0)) }
      measure = word("Part des répondants", "Share of respondents") + withInterval
    case .scaleUnits:
      let questionScale = indicator.question.flatMap { self.scale(forKey: $0) }
      let low = Double(questionScale?.min ?? 0)
      let high = Double(questionScale?.max ?? 5)
      domain = low...max(high, low + 1)
      ticks = Array(Int(low)...Int(max(high, low + 1))).map { (Double($0), typography.integer($0)) }
      measure = word("Note moyenne", "Average score")
      if let questionScale { measure += word(" sur \(questionScale.max)", " out of \(questionScale.max)") }
      measure += withInterval
    case .index:
      domain = 0...100
      ticks = stride(from: 0, through: 100, by: 25).map { (Double($0), typography.integer($0)) }
      measure = word("Indice sur 100", "Index out of 100") + withInterval
    case .points:
      domain = -100...100
      ticks = stride(from: -100, through: 100, by: 50).map {
        (Double($0), typography.number(Double($0), signed: true))
      }
      measure = word("Points", "Points")
    case .bordaPoints:
      return nil
    }
    let bars = rows.map { row in
      HorizontalBarChart.Bar(
        label: row.item?.label ?? "", value: row.value ?? 0,
        interval: row.ciLow.flatMap { low in row.ciHigh.map { low...max(low, $0) } },
        valueText: row.count.flatMap { count in row.n.map { prose.share(count, of: $0) } }
          ?? format(row.value ?? 0, unit: indicator.unit),
        intervalText: interval(row, unit: indicator.unit).isEmpty ? nil : interval(row, unit: indicator.unit))
    }
    let file = "figures/indicator-\(indicator.id).svg"
    let ns = rows.compactMap(\.n)
    let target = indicator.targetValue.map { ($0, targetText(indicator)) }
    let chart = HorizontalBarChart(
      title: indicator.label, measure: measure, bars: bars, domain: domain, ticks: ticks, language: language,
      caption: ns.isEmpty ? nil : prose.nEquals((ns.min() ?? 0)...(ns.max() ?? 0)), target: target)
    charts[file] = chart.render()
    return ChartContext(file: file, alt: md(indicator.label))
  }

  /// The choices of a ranking question by Borda score, best first.
  mutating func bordaChart(
    summary: QuestionSummary, ranking: [RankingEntry], pick: Int, title: String, respondents: Int
  )
    -> ChartContext?
  {
    guard !ranking.isEmpty, pick > 0 else { return nil }
    let top = Double(pick)
    let bars = ranking.map { entry in
      HorizontalBarChart.Bar(
        label: entry.choice.label, value: entry.borda, valueText: typography.number(entry.borda, decimals: 2))
    }
    let ticks = (0...pick).map { (Double($0), typography.integer($0)) }
    let measure = word(
      "Points moyens par répondant (classée 1re : \(pick) points ; non classée : 0)",
      "Mean points per respondent (ranked 1st: \(pick) points; not ranked: 0)")
    let file = "figures/ranking-\(summary.key).svg"
    let chart = HorizontalBarChart(
      title: title, measure: typography.punctuate(measure), bars: bars, domain: 0...top, ticks: ticks,
      language: language, caption: prose.nEquals(respondents...respondents))
    charts[file] = chart.render()
    return ChartContext(file: file, alt: md(title))
  }
}
