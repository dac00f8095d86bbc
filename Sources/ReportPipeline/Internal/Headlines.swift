import Aggregation
import BilanBase
import MarkdownReport
import SurveyDefinition

/// The three figures a facilitator looks at first: how many answered, how
/// satisfied they were, and whether they would recommend the day.
enum Headlines {
  static func lines(_ results: SurveyResults) -> [String] {
    let language = ReportLanguage(code: results.survey.language)
    let typography = Typography(language)
    let words = ToolWords.resolved(results.survey.language).headlines
    var lines: [String] = []
    let counts = results.counts
    var responses = words.responses(typography.integer(counts.complete))
    // A rehearsal with more responses than people registered has no meaningful rate.
    if let rate = counts.responseRate, let registered = counts.registered, rate <= 1 {
      responses += words.ofRegistered(registered, typography.percent(rate))
    }
    lines.append(responses)
    let picks: [IndicatorKind] = [.topBox, .nps, .index, .mean, .share]
    var chosen: [IndicatorResult] = []
    for kind in picks where chosen.count < 2 {
      if let indicator = results.indicators.first(where: { $0.kind == kind && !$0.perItem }) {
        chosen.append(indicator)
      }
    }
    for indicator in chosen {
      guard let row = indicator.overall.first, let value = row.value else { continue }
      var line = "\(indicator.label)\(typography.colon)\(format(value, unit: indicator.unit, typography))"
      if let low = row.ciLow, let high = row.ciHigh {
        line +=
          " "
          + typography.interval(
            format(low, unit: indicator.unit, typography), format(high, unit: indicator.unit, typography))
      }
      if let verdict = row.verdict, let target = indicator.targetValue {
        let goal = format(target, unit: indicator.unit, typography)
        let said =
          switch verdict {
          case .met: words.met
          case .notMet: words.notMet
          case .notConclusive: words.notConclusive
          }
        line += typography.semicolon + words.target(goal, said)
      }
      lines.append(line)
    }
    return lines
  }

  private static func format(_ value: Double, unit: IndicatorUnit, _ typography: Typography) -> String {
    switch unit {
    case .proportion: typography.percent(value)
    case .points: typography.number(value, decimals: 0, signed: true)
    case .index, .scaleUnits, .bordaPoints: typography.number(value, decimals: unit.decimals)
    }
  }
}
