import BilanBase
import Foundation
import SurveyDefinition

/// The indicators as readable, aligned plain-text tables in the results'
/// language (`bilan stats --format table`). Participant and survey text is
/// cleaned first (escape sequences and control characters removed, line
/// breaks turned into spaces), so nothing printed can drive a terminal.
public enum IndicatorTable {
  public static func render(_ results: SurveyResults) -> String {
    let words = Words(language: results.survey.language)
    var out: [String] = []
    out.append(cell(results.survey.title))
    if let event = results.survey.event {
      let parts = [event.name, event.date, event.place, event.organiser].compactMap { $0 }.map(cell)
      if !parts.isEmpty { out.append(parts.joined(separator: " · ")) }
    }
    let counts = results.counts
    var line = "\(words.complete) : \(counts.complete) · \(words.partial) : \(counts.partial)"
    line += counts.includesPartial ? " (\(words.partialIncluded))" : " (\(words.partialExcluded))"
    if let registered = counts.registered { line += " · \(words.registered) : \(registered)" }
    out.append(words.colon(line))
    var method = "\(words.confidence) · \(words.minimum(results.minGroupSize))"
    if let date = results.lastResponseDate {
      method = "\(words.lastResponse) : \(CalendarDay(date).text) · " + method
    }
    out.append(words.colon(method))
    for indicator in results.indicators {
      out.append("")
      var title = "\(cell(indicator.label)) (\(indicator.kind.rawValue)"
      if let target = indicator.target {
        // As people read it (≥ 80,0 %), not as the survey writes it (>= 0.80).
        let readable = Target(parsing: target).map {
          $0.comparison.symbol + "\u{00A0}" + format($0.value, unit: indicator.unit, words: words)
        }
        title += ", \(words.target) \(readable ?? target)"
      }
      out.append(words.colon(title + ")"))
      out += table(indicator, results: results, words: words)
      if let note = comparisonNote(indicator, words: words) { out.append("  " + note) }
    }
    if !results.schemaWarnings.isEmpty {
      out.append("")
      out.append(words.colon(words.changes + " :"))
      for warning in results.schemaWarnings {
        out.append(
          "  " + (warning.key.map { cell($0) + " : " } ?? "") + cell(warning.message)
            + " (\(warning.responses))")
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  private static func table(_ indicator: IndicatorResult, results: SurveyResults, words: Words) -> [String] {
    let hasItems = indicator.rows.contains { $0.item != nil }
    let ranked = indicator.perItem || indicator.kind == .borda
    let hasTarget = indicator.target != nil
    var header: [String] = []
    if hasItems { header.append(words.item) }
    header += [words.group, "n", words.value, words.interval]
    if hasTarget { header.append(words.met) }
    if ranked { header.append(words.rank) }
    let rightAligned: Set<Int> = {
      let base = hasItems ? 1 : 0
      var set: Set<Int> = [base + 1, base + 2]
      if ranked { set.insert(header.count - 1) }
      return set
    }()
    var rows: [[String]] = [header]
    for row in indicator.rows {
      var cells: [String] = []
      if hasItems { cells.append(row.item.map { cell($0.label) } ?? "") }
      cells.append(row.group.map { cell($0.label) } ?? words.everyone)
      if row.suppressed {
        // Nothing in the n and value columns; the reason where the interval goes.
        cells += ["", "", words.hidden(results.minGroupSize)]
      } else {
        cells.append(row.n.map(String.init) ?? "")
        cells.append(row.value.map { format($0, unit: indicator.unit, words: words) } ?? "–")
        if let low = row.ciLow, let high = row.ciHigh {
          cells.append(
            "[\(format(low, unit: indicator.unit, words: words))\(words.separator)"
              + "\(format(high, unit: indicator.unit, words: words))]")
        } else {
          cells.append("")
        }
      }
      if hasTarget { cells.append(row.verdict.map(words.verdict) ?? "") }
      if ranked { cells.append(row.rank.map(String.init) ?? "") }
      rows.append(cells)
    }
    let widths = header.indices.map { column in rows.map { DisplayWidth.width(of: $0[column]) }.max() ?? 0 }
    return rows.map { cells in
      "  "
        + cells.enumerated().map { column, text in
          DisplayWidth.pad(text, to: widths[column], right: rightAligned.contains(column))
        }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
  }

  /// Under a ranked table, what the ranks may be read as: no clear
  /// difference when every interval overlaps, else which come first.
  static func comparisonNote(_ indicator: IndicatorResult, words: Words) -> String? {
    guard let comparison = indicator.comparison(), comparison.entries.count > 1,
      let range = comparison.nRange
    else { return nil }
    let n =
      range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
    if comparison.noClearDifference { return words.noClearDifference(n) }
    return words.clearlyFirst(comparison.leaders.map { cell($0.item.label) }.joined(separator: ", "), n)
  }

  /// A value in its unit, rounded as every report rounds it (`Rounding`):
  /// proportions in whole percent, nps in signed whole points, the index
  /// whole, means with one decimal, borda scores with two.
  static func format(_ value: Double, unit: IndicatorUnit, words: Words) -> String {
    switch unit {
    case .proportion: return words.number(value * 100, decimals: 0) + words.percent
    case .points:
      let text = words.number(value, decimals: 0)
      return (text != "0" && value > 0 ? "+" : "") + text
    default: return words.number(value, decimals: unit.decimals)
    }
  }

  /// Text safe for one table cell: cleaned, on one line.
  public static func cell(_ text: String) -> String {
    TextSanitizer.clean(text)
  }

  /// The tool's words in the results' language (``ToolWords/Stats``), and
  /// how it writes numbers and colons.
  @dynamicMemberLookup
  struct Words {
    let french: Bool
    let table: ToolWords.Stats
    init(language: String) {
      french = language.hasPrefix("fr")
      table = ToolWords.resolved(language).stats
    }

    subscript<Value>(dynamicMember path: KeyPath<ToolWords.Stats, Value>) -> Value { table[keyPath: path] }

    func verdict(_ verdict: TargetVerdict) -> String {
      switch verdict {
      case .met: table.verdictMet
      case .notMet: table.verdictNotMet
      case .notConclusive: table.verdictNotConclusive
      }
    }
    var percent: String { french ? " %" : "%" }
    var separator: String { french ? " ; " : ", " }
    /// French puts a space before a colon; English does not.
    func colon(_ text: String) -> String { french ? text : text.replacingOccurrences(of: " :", with: ":") }

    /// The rule's digits, with the language's decimal separator and a plain `-`.
    func number(_ value: Double, decimals: Int) -> String {
      let (negative, integer, fraction) = Rounding.digits(of: value, decimals: decimals)
      let text = (negative ? "-" : "") + integer + (decimals > 0 ? "." + fraction : "")
      return french ? text.replacingOccurrences(of: ".", with: ",") : text
    }
  }
}
