import Aggregation
import BilanBase
import Foundation
import SurveyDefinition

/// Turns one survey's results into the template's data and the chart files.
struct SynthesisBuilder {
  let results: SurveyResults
  let survey: Survey
  let language: ReportLanguage
  let typography: Typography
  let sentences: FindingSentence
  /// Chart files made so far: path relative to the synthesis → SVG text.
  var charts: [String: String] = [:]

  init(results: SurveyResults, survey: Survey, language: ReportLanguage) {
    self.results = results
    self.survey = survey
    self.language = language
    self.typography = Typography(language)
    self.sentences = FindingSentence(language)
  }

  var isFrench: Bool { language == .french }

  /// Words of the report in its language.
  func word(_ french: String, _ english: String) -> String { isFrench ? french : english }

  /// Markdown-safe text.
  func md(_ text: String) -> String { MarkdownText.escape(text) }

  // MARK: The whole document

  mutating func build() -> SynthesisContext {
    let findings = keyFindings()
    return SynthesisContext(
      language: language.code,
      title: md(results.survey.title),
      event: eventContext(),
      keyFindings: findings,
      keyFindingsParagraph: findings.joined(separator: " "),
      figures: figureRows(),
      sectionsBefore: sectionContexts(beforeLoops: true),
      tools: toolsContexts(),
      rankings: rankingContexts(),
      breakdowns: breakdownContexts(),
      verbatims: verbatimGroups(),
      sectionsAfter: sectionContexts(beforeLoops: false),
      method: methodContext(),
      schemaWarnings: results.schemaWarnings.map { warning in
        let count = typography.integer(warning.responses)
        let plural = isFrench ? warning.responses > 1 : warning.responses != 1
        return md(warning.message) + " (" + count + word(" réponse", " response") + (plural ? "s" : "") + ")"
      }
    ).withFlags()
  }

  func eventContext() -> EventContext? {
    guard let event = results.survey.event else { return nil }
    return EventContext(
      name: event.name.map(md), date: event.date.flatMap { formatDate(iso: $0) }.map(md),
      place: event.place.map(md), organiser: event.organiser.map(md))
  }

  // MARK: Formatting figures

  /// An indicator's value in its unit: `80 %`, `3,8`, `+35`, `78`, `1,87`.
  func format(_ value: Double, unit: IndicatorUnit) -> String {
    switch unit {
    case .proportion: typography.percent(value)
    case .points: typography.number(value, signed: true)
    case .scaleUnits: typography.number(value, decimals: 1)
    case .index: typography.number(value)
    case .bordaPoints: typography.number(value, decimals: 2)
    }
  }

  /// `[52 % ; 92 %]`, or an empty string without an interval.
  func interval(_ row: IndicatorRow, unit: IndicatorUnit) -> String {
    guard let low = row.ciLow, let high = row.ciHigh else { return "" }
    return typography.interval(format(low, unit: unit), format(high, unit: unit))
  }

  /// `≥ 80 %`, from the survey's target and the indicator's unit.
  func targetText(_ indicator: IndicatorResult) -> String {
    guard let value = indicator.targetValue else { return "" }
    let symbol = (surveyTarget(indicator)?.comparison ?? .atLeast).symbol
    return symbol + Typography.noBreakSpace + format(value, unit: indicator.unit)
  }

  func verdictText(_ verdict: TargetVerdict?) -> String {
    switch verdict {
    case .met?: word("atteint", "met")
    case .notMet?: word("non atteint", "not met")
    case .notConclusive?: word("non concluant", "not conclusive")
    case nil: ""
    }
  }

  func surveyIndicator(_ id: String) -> Indicator? { survey.indicators.first { $0.id == id } }

  func surveyTarget(_ indicator: IndicatorResult) -> Target? { surveyIndicator(indicator.id)?.target }

  func targetClause(_ indicator: IndicatorResult, verdict: TargetVerdict?) -> FindingSentence.TargetClause? {
    guard let target = surveyTarget(indicator), let value = indicator.targetValue, let verdict else {
      return nil
    }
    return .init(comparison: target.comparison, value: format(value, unit: indicator.unit), verdict: verdict)
  }

  /// The scale of the question a key belongs to (`q`, `q.row`, `q.item`…).
  func scale(forKey key: String) -> Scale? {
    let id = String(key.split(separator: ".").first ?? "")
    return survey.question(id)?.question.kind.scale
  }

  /// `5 mars 2015` / `5 March 2015`, from `YYYY-MM-DD`.
  func formatDate(iso: String) -> String? {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, (1...12).contains(parts[1]) else { return nil }
    return formatDate(year: parts[0], month: parts[1], day: parts[2])
  }

  func formatDate(year: Int, month: Int, day: Int) -> String {
    let french = [
      "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
      "novembre", "décembre",
    ]
    let english = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ]
    return isFrench
      ? "\(day == 1 ? "1er" : String(day)) \(french[month - 1]) \(year)"
      : "\(day) \(english[month - 1]) \(year)"
  }

  /// The date (UTC) of `date`, written out.
  func formatDate(_ date: Date) -> String {
    let day = CalendarDay(date)
    return formatDate(year: day.year, month: day.month, day: day.day)
  }

  /// `1er`, `2e` / `1st`, `2nd`.
  func ordinal(_ rank: Int) -> String {
    if isFrench { return rank == 1 ? "1er" : "\(rank)e" }
    let suffix: String
    switch (rank % 10, rank % 100) {
    case (1, let r) where r != 11: suffix = "st"
    case (2, let r) where r != 12: suffix = "nd"
    case (3, let r) where r != 13: suffix = "rd"
    default: suffix = "th"
    }
    return "\(rank)\(suffix)"
  }

  // MARK: Key findings

  func subject(_ indicator: IndicatorResult) -> FindingSentence.Subject {
    surveyIndicator(indicator.id)?.label == nil ? .question(md(indicator.label)) : .label(md(indicator.label))
  }

  /// The labels of the answers an indicator counts: the scale's top points
  /// (top box) or the indicator's values (share).
  func countedAnswers(_ indicator: IndicatorResult) -> [String] {
    switch indicator.kind {
    case .topBox:
      guard let key = indicator.question, let scale = scale(forKey: key) else { return [] }
      return scale.topPoints.map { point in
        md(scale.labels[point]?.text(results.survey.language) ?? typography.integer(point))
      }
    case .share:
      guard let definition = surveyIndicator(indicator.id), let key = indicator.question,
        let question = survey.question(String(key.split(separator: ".").first ?? ""))?.question
      else { return [] }
      return definition.values.map { value in
        switch value {
        case .boolean(let yes): return yes ? word("oui", "yes") : word("non", "no")
        case .code(let code), .text(let code):
          return md(question.kind.choices?.choice(code)?.label.text(results.survey.language) ?? code)
        default: return md(String(describing: value))
        }
      }
    default: return []
    }
  }

  func keyFindings() -> [String] {
    var findings: [String] = []
    for indicator in results.indicators {
      let overall = indicator.overall
      if indicator.perItem || indicator.kind == .borda {
        let ranked = rankedRows(indicator).prefix(3)
        guard !ranked.isEmpty else { continue }
        findings.append(
          sentences.ranking(
            subject: subject(indicator),
            ranked: ranked.map { (md($0.item?.label ?? ""), format($0.value ?? 0, unit: indicator.unit)) },
            tiedFirst: ranked.filter { $0.rank == ranked.first?.rank }.count))
        continue
      }
      guard let row = overall.first, let value = row.value, let n = row.n else { continue }
      let target = targetClause(indicator, verdict: row.verdict)
      switch indicator.kind {
      case .responseRate:
        guard let registered = results.counts.registered else { continue }
        findings.append(sentences.responseRate(responses: n, registered: registered, target: target))
      case .topBox, .share:
        let count = Int((value * Double(n)).rounded())
        findings.append(
          sentences.proportion(
            subject: subject(indicator), count: count, of: n, answers: countedAnswers(indicator),
            target: target))
      case .mean:
        findings.append(
          sentences.mean(
            subject: subject(indicator), value: format(value, unit: .scaleUnits),
            scaleMaximum: indicator.question.flatMap { scale(forKey: $0)?.max }, n: n, target: target))
      case .index:
        findings.append(
          sentences.index(
            subject: subject(indicator), value: format(value, unit: .index), n: n, target: target))
      case .nps:
        findings.append(
          sentences.netPromoter(
            subject: subject(indicator), value: format(value, unit: .points), n: n, target: target)
        )
      case .borda:
        continue
      }
    }
    return findings
  }

  /// The overall rows with a value, best rank first, ties in item order.
  func rankedRows(_ indicator: IndicatorResult) -> [IndicatorRow] {
    indicator.overall.enumerated().filter { $0.element.value != nil }
      .sorted { ($0.element.rank ?? .max, $0.offset) < ($1.element.rank ?? .max, $1.offset) }.map(\.element)
  }

  // MARK: Key figures

  func figureRow(_ indicator: IndicatorResult, _ row: IndicatorRow, label: String) -> FigureRow {
    FigureRow(
      indicator: label,
      value: row.value.map { md(format($0, unit: indicator.unit)) } ?? "",
      interval: md(interval(row, unit: indicator.unit)),
      n: row.n.map { typography.integer($0) } ?? "",
      target: md(targetText(indicator)),
      met: verdictText(row.verdict))
  }

  /// Every indicator computed once for the whole survey (per-item ones are
  /// compared in their section, Borda scores in their ranking).
  func figureRows() -> [FigureRow] {
    results.indicators.filter { !$0.perItem && $0.kind != .borda }.compactMap { indicator in
      indicator.overall.first.map { figureRow(indicator, $0, label: md(indicator.label)) }
    }
  }
}
