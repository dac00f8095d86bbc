import Aggregation
import BilanBase
import Foundation
import SurveyDefinition

/// Turns one survey's results into the template's data and the chart files:
/// the synthesis a facilitator would sign.
///
/// It says only what the figures support, by the engine's rules: a target is
/// met, not met or not conclusive (`TargetVerdict`); tools are ranked only
/// when their intervals do not overlap (`ItemComparison`), and ties are ties;
/// counts lead below 30 respondents; every figure is rounded once, by
/// `Rounding`. Each part lives in its own `SynthesisBuilder+Part.swift`.
struct SynthesisBuilder {
  let results: SurveyResults
  let survey: Survey
  let language: ReportLanguage
  let typography: Typography
  let prose: Prose
  /// Chart files made so far: path relative to the synthesis → SVG text.
  var charts: [String: String] = [:]

  init(results: SurveyResults, survey: Survey, language: ReportLanguage) {
    self.results = results
    self.survey = survey
    self.language = language
    self.typography = Typography(language)
    self.prose = Prose(language)
  }

  var isFrench: Bool { language == .french }

  /// Words of the report in its language.
  func word(_ french: String, _ english: String) -> String { isFrench ? french : english }

  /// Markdown-safe text.
  func md(_ text: String) -> String { MarkdownText.escape(text) }

  /// A figure the report writes (digits, signs, brackets), safe in a table
  /// cell: brackets escaped, a leading sign too, the digits left as they are.
  func figure(_ text: String) -> String {
    var result = text.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    if result.hasPrefix("+") || result.hasPrefix("-") { result = "\\" + result }
    return result
  }

  // MARK: The whole document

  mutating func build() -> SynthesisContext {
    let findings = keyFindings()
    return SynthesisContext(
      language: language.code,
      title: md(results.survey.title),
      rehearsal: rehearsalNotice(),
      event: eventContext(),
      day: dayContext(),
      attendance: attendanceContext(),
      keyFindings: findings,
      keyFindingsParagraph: findings.joined(separator: " "),
      figures: figureRows(),
      sectionsBefore: sectionContexts(beforeLoops: true),
      tools: toolsContexts(),
      rankings: rankingContexts(),
      improvements: improvementGroups(),
      nextSteps: nextStepContexts(),
      breakdowns: breakdownContexts(),
      verbatims: verbatimGroups(),
      sectionsAfter: sectionContexts(beforeLoops: false),
      method: methodContext(),
      schemaWarnings: results.schemaWarnings.map { warning in
        Prose.capitalised(md(warning.message)) + " (" + prose.answers(warning.responses) + ")."
      }
    ).withFlags()
  }

  /// The banner of a rehearsal: the figures rest on synthetic responses.
  func rehearsalNotice() -> String? {
    guard results.counts.isRehearsal else { return nil }
    return word(
      "Données de répétition : ce document est produit par `bilan demo` à partir de réponses fictives. Aucun de ses chiffres ne décrit une journée réelle.",
      "Rehearsal data: this document was produced by `bilan demo` from fictitious responses. None of its figures describes a real day."
    ).replacingOccurrences(of: " : ", with: typography.colon)
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
    default: typography.number(value, decimals: unit.decimals)
    }
  }

  /// `[52 % ; 92 %]` for a table, or an empty string without an interval.
  func interval(_ row: IndicatorRow, unit: IndicatorUnit) -> String {
    guard let low = row.ciLow, let high = row.ciHigh else { return "" }
    return typography.interval(format(low, unit: unit), format(high, unit: unit))
  }

  /// `intervalle à 95 % : de 52 % à 92 %` for a sentence, or `nil`.
  func intervalInWords(_ row: IndicatorRow, unit: IndicatorUnit) -> String? {
    guard let low = row.ciLow, let high = row.ciHigh else { return nil }
    return prose.interval(format(low, unit: unit), format(high, unit: unit))
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

  /// The scale of the question a key belongs to (`q`, `q.row`, `q.item`…).
  func scale(forKey key: String) -> Scale? {
    let id = String(key.split(separator: ".").first ?? "")
    return survey.question(id)?.question.kind.scale
  }

  /// `5 mars 2015` / `5 March 2015`, from `YYYY-MM-DD`.
  func formatDate(iso: String) -> String? { prose.longDate(iso: iso) }

  /// The day of `date` in the event's time zone, written out.
  func formatDate(_ date: Date) -> String {
    prose.longDate(date, timeZone: results.survey.event?.timeZone)
  }

  /// An item (a tool) as running text names it, with its French gender.
  func name(_ item: CodeLabel) -> Prose.Name {
    let gender = survey.itemLists.lazy.flatMap(\.choices).first { $0.code == item.code }?.gender
    return Prose.Name(label: md(item.label), gender: gender)
  }

  /// A figure as a reader weighs it: `9 sur 14 (64 %)` for a share (the
  /// count first below 30 respondents), `4,0 sur 5` for a mean on a scale,
  /// `76 sur 100` for an index, `+14` for an NPS.
  func result(_ indicator: IndicatorResult, _ row: IndicatorRow) -> String {
    guard let value = row.value else { return "" }
    switch indicator.kind {
    case .topBox, .share, .responseRate:
      if let n = row.n, let count = row.count ?? (indicator.kind == .responseRate ? n : nil) {
        let base = indicator.kind == .responseRate ? (results.counts.registered ?? n) : n
        return prose.share(count, of: base)
      }
      return format(value, unit: indicator.unit)
    case .mean:
      let maximum = indicator.bounds.upper.map { typography.number($0) }
      return format(value, unit: .scaleUnits) + (maximum.map { word(" sur ", " out of ") + $0 } ?? "")
    case .index:
      return format(value, unit: .index) + word(" sur 100", " out of 100")
    case .nps, .borda:
      return format(value, unit: indicator.unit)
    }
  }

  // MARK: Key figures

  func figureRow(_ indicator: IndicatorResult, _ row: IndicatorRow, label: String) -> FigureRow {
    var result = figure(result(indicator, row))
    if let n = row.n, indicator.kind != .topBox, indicator.kind != .share, indicator.kind != .responseRate {
      result += " (" + (indicator.kind == .index ? prose.respondents(n) : prose.answers(n)) + ")"
    }
    let verdict = verdictText(row.verdict)
    return FigureRow(
      indicator: label, result: result,
      value: row.value.map { figure(format($0, unit: indicator.unit)) } ?? "",
      interval: figure(interval(row, unit: indicator.unit)),
      n: row.n.map { typography.integer($0) } ?? "",
      target: figure(targetText(indicator)), verdict: verdict, met: verdict)
  }

  /// Every indicator computed once for the whole survey (per-item ones are
  /// compared in their section, Borda scores in their ranking).
  func figureRows() -> [FigureRow] {
    results.indicators.filter { !$0.perItem && $0.kind != .borda }.compactMap { indicator in
      indicator.overall.first.map { figureRow(indicator, $0, label: md(indicator.label)) }
    }
  }
}
