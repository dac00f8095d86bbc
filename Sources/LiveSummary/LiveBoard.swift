import Aggregation
import BilanBase
import Foundation
import Questionnaire
import SurveyDefinition

/// The projector's screen, drawn from the engine's results: how many
/// responses are in, the headline figure and the key indicators with their
/// intervals, the tools compared, the top obstacles.
///
/// Every figure is the engine's (`SurveyResults`), rounded and worded as
/// `bilan stats` writes it; the engine's ranks, ties and target verdicts are
/// shown as they are. Nothing but the count of responses is shown while
/// fewer than the survey's `min_group_size` (k) responses are in, and no row
/// resting on fewer than k answers is shown; breakdowns by group never are
/// (in a room everyone knows who is in the small group). Free text only with
/// `quotes`, masked by the engine and cleaned for the terminal.
public struct LiveBoard: Sendable {
  public var results: SurveyResults
  public var quotes: Bool
  /// When the figures were computed (the screen's only clock).
  public var updated: Date

  public init(results: SurveyResults, quotes: Bool = false, updated: Date) {
    self.results = results
    self.quotes = quotes
    self.updated = updated
  }

  private var language: String { results.survey.language }
  private var words: ToolWords.Live { ToolWords.resolved(language).live }
  private var k: Int { results.minGroupSize }

  /// Whether there are enough responses to show any figure.
  public var showsFigures: Bool { results.counts.included >= k }

  /// The screen for a window of `width` × `height` cells.
  public func render(width: Int, height: Int) -> [StyledLine] {
    let content = max(20, width - 4)
    var top: [StyledLine] = [StyledLine()]
    top += wrap(TextSanitizer.clean(results.survey.title), content, .bold)
    if let event = eventLine { top += wrap(event, content, .accent) }
    top.append(StyledLine())
    top += headline(width: content)
    var sections: [[StyledLine]] = []
    if showsFigures {
      // In order of importance: what does not fit the window is left out whole.
      let perItem = results.indicators.filter { $0.perItem && $0.kind != .borda }
      sections.append(keyIndicators(width: content))
      if let first = perItem.first { sections.append(comparison(first, width: content)) }
      for indicator in results.indicators where indicator.kind == .borda && !indicator.perItem {
        sections.append(obstacles(indicator, width: content))
      }
      if quotes { sections.append(quoteLines(width: content)) }
      for indicator in perItem.dropFirst() { sections.append(comparison(indicator, width: content)) }
    } else {
      sections.append(
        [StyledLine()] + wrap(words.waiting(k, results.counts.included), content, .notice))
    }
    let footer = wrap(footerText, content, .dim)
    var lines = top
    for section in sections where !section.isEmpty {
      // A section is shown whole or not at all: never a list cut after its title.
      guard lines.count + section.count + footer.count <= height else { continue }
      lines += section
    }
    lines = Array(lines.prefix(max(0, height - footer.count)))
    while lines.count < height - footer.count { lines.append(StyledLine()) }
    return lines + footer
  }

  // MARK: Parts

  /// `Mis à jour à 14:32:05 · n = 15 · intervalles à 95 % · rien sous 3 réponses · Q : quitter`
  private var footerText: String {
    let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: updated)
    let clock = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    var pieces = [words.updated(clock, results.counts.included)]
    if showsFigures { pieces.append(words.intervals) }
    pieces += [words.nothingBelow(k), words.quit]
    return pieces.joined(separator: " · ")
  }

  private var eventLine: String? {
    guard let event = results.survey.event else { return nil }
    let parts = [event.name, event.place, event.date].compactMap { $0 }.filter { !$0.isEmpty }
    return parts.isEmpty ? nil : TextSanitizer.clean(parts.joined(separator: " · "))
  }

  /// The indicator drawn large beside the count: the first top box (the
  /// satisfaction of most surveys), else the first NPS or index.
  var headlineIndicator: IndicatorResult? {
    for kind in [IndicatorKind.topBox, .nps, .index] {
      if let found = results.indicators.first(where: { $0.kind == kind && !$0.perItem }),
        let row = overallRow(of: found), row.value != nil
      {
        return found
      }
    }
    return nil
  }

  /// The overall row of a whole-question indicator, when it rests on at least k answers.
  private func overallRow(of indicator: IndicatorResult) -> IndicatorRow? {
    guard let row = indicator.rows.first(where: { $0.group == nil && $0.item == nil }), !row.suppressed,
      (row.n ?? 0) >= k
    else { return nil }
    return row
  }

  private func headline(width: Int) -> [StyledLine] {
    let count = results.counts.included
    var figures: [(big: String, caption: [String])] = [
      (
        String(count),
        [words.responses(count) + (results.counts.partial > 0 ? words.underWay(results.counts.partial) : "")]
      )
    ]
    if showsFigures, let indicator = headlineIndicator, let row = overallRow(of: indicator),
      let value = row.value
    {
      var caption = [TextSanitizer.clean(indicator.label)]
      var detail: [String] = []
      if let low = row.ciLow, let high = row.ciHigh {
        detail.append(IndicatorFormat.interval(low, high, unit: indicator.unit, language: language))
      }
      if let n = row.n { detail.append("n = \(n)") }
      caption.append(detail.joined(separator: " · "))
      if let target = IndicatorFormat.target(of: indicator, language: language), let verdict = row.verdict {
        caption.append(target + words.colon + IndicatorFormat.verdict(verdict, language: language))
      }
      figures.append((IndicatorFormat.value(value, unit: indicator.unit, language: language), caption))
    }
    let big = figures.map { BigText.rows($0.big) }
    // Each figure over its caption: a column as wide as the wider of the two.
    let columns = zip(big, figures).map { rows, figure in
      max(rows.first?.count ?? 0, figure.caption.map { DisplayWidth.width(of: $0) }.max() ?? 0)
    }
    let gap = 6
    let fits =
      columns.dropLast().reduce(0, +) + gap * (figures.count - 1) + (big.last?.first?.count ?? 0) <= width
    guard fits, figures.allSatisfy({ BigText.canDraw($0.big) }) else {
      // A narrow window: the same figures in ordinary type.
      return figures.flatMap { figure in
        [StyledLine("  " + figure.big, .bold)] + figure.caption.flatMap { wrap($0, width, .plain) }
      }
    }
    var lines: [StyledLine] = []
    for row in 0..<BigText.height {
      var text = ""
      for (index, rows) in big.enumerated() {
        text += index == big.count - 1 ? rows[row] : TextLayout.pad(rows[row], width: columns[index] + gap)
      }
      lines.append(StyledLine("  " + text, .chosen))
    }
    let captionRows = figures.map(\.caption.count).max() ?? 0
    for row in 0..<captionRows {
      var spans: [(String, TextStyle)] = [("  ", .plain)]
      for (index, figure) in figures.enumerated() {
        let text = row < figure.caption.count ? figure.caption[row] : ""
        let room =
          index == figures.count - 1
          ? max(10, width - columns.dropLast().reduce(0, +) - gap * index) : columns[index] + gap
        let shown = TextLayout.truncate(text, width: room)
        spans.append(
          (index == figures.count - 1 ? shown : TextLayout.pad(shown, width: room), row == 0 ? .bold : .plain)
        )
      }
      lines.append(StyledLine(spans: spans))
    }
    return lines
  }

  /// One line per whole-question indicator (the headline one excepted).
  private func keyIndicators(width: Int) -> [StyledLine] {
    let shown = results.indicators.filter {
      !$0.perItem && $0.kind != .borda && $0.id != headlineIndicator?.id
    }
    var lines: [StyledLine] = []
    for indicator in shown {
      guard let row = overallRow(of: indicator), let value = row.value else { continue }
      var figure = IndicatorFormat.value(value, unit: indicator.unit, language: language)
      if let low = row.ciLow, let high = row.ciHigh {
        figure += "  " + IndicatorFormat.interval(low, high, unit: indicator.unit, language: language)
      }
      if let target = IndicatorFormat.target(of: indicator, language: language), let verdict = row.verdict {
        figure += "  " + target + words.colon + IndicatorFormat.verdict(verdict, language: language)
      }
      lines.append(labelled(TextSanitizer.clean(indicator.label), figure, width: width))
    }
    return lines.isEmpty ? [] : [StyledLine(), StyledLine("  " + words.keyIndicators, .bold)] + lines
  }

  /// The items of a per-item indicator, ranked by the engine, with bars.
  private func comparison(_ indicator: IndicatorResult, width: Int) -> [StyledLine] {
    let rows = indicator.rows.filter {
      $0.group == nil && !$0.suppressed && ($0.n ?? 0) >= k && $0.value != nil
    }
    .sorted { ($0.rank ?? .max) < ($1.rank ?? .max) }
    guard !rows.isEmpty else { return [] }
    var lines = [StyledLine(), StyledLine("  " + TextSanitizer.clean(indicator.label), .bold)]
    let labelWidth = min(32, max(12, width / 3))
    let barWidth = max(6, min(30, width - labelWidth - 30))
    let (low, high) = scale(of: indicator, rows: rows)
    for row in rows {
      guard let value = row.value else { continue }
      let rank = row.rank.map { String($0) } ?? " "
      let label = TextLayout.pad(
        TextLayout.truncate(TextSanitizer.clean(row.item?.label ?? ""), width: labelWidth),
        width: labelWidth)
      let filled = Int(((value - low) / max(high - low, 1e-9) * Double(barWidth)).rounded())
      let bar =
        String(repeating: "█", count: max(0, min(barWidth, filled)))
        + String(repeating: "░", count: max(0, barWidth - max(0, min(barWidth, filled))))
      var figure = IndicatorFormat.value(value, unit: indicator.unit, language: language)
      if let ciLow = row.ciLow, let ciHigh = row.ciHigh {
        figure += " " + IndicatorFormat.interval(ciLow, ciHigh, unit: indicator.unit, language: language)
      }
      lines.append(
        StyledLine(spans: [
          ("  " + TextLayout.pad(rank, width: 3) + label + " ", .plain), (bar, .accent),
          (" " + figure, .plain),
        ]))
    }
    if let comparison = indicator.comparison(), comparison.entries.count > 1 {
      let note =
        comparison.noClearDifference
        ? words.noClearDifference
        : words.clearlyAhead(
          comparison.leaders.map { TextSanitizer.clean($0.item.label) }.joined(separator: ", "))
      lines += wrap(note, width - 2, .dim).map { StyledLine("  " + $0.text, .dim) }
    }
    return lines
  }

  /// The first three choices of a Borda ranking (the obstacles of the reference survey).
  private func obstacles(_ indicator: IndicatorResult, width: Int) -> [StyledLine] {
    let rows = indicator.rows.filter {
      $0.group == nil && !$0.suppressed && ($0.n ?? 0) >= k && $0.value != nil
    }
    .sorted { ($0.rank ?? .max) < ($1.rank ?? .max) }
    .filter { ($0.rank ?? .max) <= 3 }
    guard !rows.isEmpty else { return [] }
    var lines = [StyledLine(), StyledLine("  " + TextSanitizer.clean(indicator.label), .bold)]
    for row in rows {
      guard let value = row.value else { continue }
      let figure = IndicatorFormat.value(value, unit: indicator.unit, language: language) + " " + words.points
      let label = (row.rank.map { "\($0)  " } ?? "") + TextSanitizer.clean(row.item?.label ?? "")
      lines.append(labelled(label, figure, width: width))
    }
    return lines
  }

  /// The last free-text answers (`--quotes`), masked by the engine.
  private func quoteLines(width: Int) -> [StyledLine] {
    let answers = results.freeText.filter { !$0.isOther && $0.answers.count >= k }
      .flatMap { summary in summary.answers.suffix(2) }.suffix(4)
    guard !answers.isEmpty else { return [] }
    var lines = [StyledLine(), StyledLine("  " + words.quotes, .bold)]
    for answer in answers {
      let text = TextSanitizer.clean(answer.text).replacingOccurrences(of: "\n", with: " ")
      lines.append(StyledLine("    « " + TextLayout.truncate(text, width: max(10, width - 8)) + " »", .plain))
    }
    return lines
  }

  // MARK: Layout

  private func scale(of indicator: IndicatorResult, rows: [IndicatorRow]) -> (Double, Double) {
    let values = rows.compactMap(\.value)
    let low = indicator.bounds.lower ?? min(0, values.min() ?? 0)
    let high = indicator.bounds.upper ?? (values.max() ?? 1)
    return (low, high)
  }

  private func labelled(_ label: String, _ figure: String, width: Int) -> StyledLine {
    let figureWidth = DisplayWidth.width(of: figure)
    let labelWidth = max(10, width - figureWidth - 4)
    let shown = TextLayout.truncate(label, width: labelWidth)
    let dots = max(1, width - 2 - DisplayWidth.width(of: shown) - figureWidth - 2)
    return StyledLine(spans: [
      ("  " + shown + " ", .plain), (String(repeating: "·", count: dots), .dim), (" " + figure, .bold),
    ])
  }

  /// `text` in lines of `width`, never breaking before a percent sign.
  private func wrap(_ text: String, _ width: Int, _ style: TextStyle) -> [StyledLine] {
    TextLayout.wrap(text.replacingOccurrences(of: " %", with: "\u{00A0}%"), width: width)
      .map { StyledLine("  " + $0, style) }
  }
}
