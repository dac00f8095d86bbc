import Aggregation
import SurveyDefinition

extension SynthesisBuilder {
  // MARK: Breakdowns

  /// Each indicator by each breakdown: one row per indicator (per item, and
  /// per answer of a share of several), one column per group with at least
  /// one published figure, each figure with its own n. Groups whose every
  /// figure is withheld get no column; a note names them and says how many
  /// people they hold together (or that they are fewer than k).
  func breakdownContexts() -> [BreakdownContext] {
    let k = results.minGroupSize
    let indicators = results.indicators.filter { $0.kind != .borda && $0.kind != .responseRate }
    return results.breakdowns.compactMap { breakdown in
      let present = breakdown.groups.filter { $0.count > 0 }
      func cells(_ group: GroupSize) -> [IndicatorRow] {
        indicators.flatMap { indicator in
          indicator.rows.filter {
            $0.group?.question == breakdown.question && $0.group?.code == group.group.code
          }
        }
      }
      let shown = present.filter { group in cells(group).contains { !$0.suppressed } }
      let dropped = present.filter { group in !shown.contains { $0.group == group.group } }
      guard !shown.isEmpty else { return nil }
      var rows: [RowContext] = []
      for indicator in indicators {
        // Items nobody answered have no figure anywhere: no row.
        let items: [CodeLabel?] =
          indicator.perItem ? indicator.overall.filter { $0.value != nil }.map(\.item) : [nil]
        let parts = indicator.overall.first(where: { $0.parts != nil })?.parts?.map(\.answer)
        for item in items {
          let base = md(indicator.label) + (item.map { typography.colon + md($0.label) } ?? "")
          let labels: [(String, Int?)] =
            parts.map { $0.enumerated().map { (base + " — " + typography.quoted(md($1.label)), $0) } } ?? [
              (base, nil)
            ]
          for (label, part) in labels {
            let values = shown.map { group -> String in
              guard
                let row = indicator.rows.first(where: {
                  $0.group?.question == breakdown.question && $0.group?.code == group.group.code
                    && $0.item == item
                })
              else { return "–" }
              return breakdownCell(indicator, row, part: part)
            }
            rows.append(RowContext(cells: [label] + values))
          }
        }
      }
      guard !rows.isEmpty else { return nil }
      let header = [word("Indicateur", "Indicator")] + shown.map { md($0.group.label) }
      var note: String?
      if !dropped.isEmpty {
        let people = dropped.reduce(0) { $0 + $1.count }
        let total =
          people < k
          ? word("moins de \(k) personnes en tout", "fewer than \(k) people in all")
          : word("\(prose.people(people)) en tout", "\(prose.people(people)) in all")
        note =
          word(
            "Sans colonne, aucun de leurs chiffres ne pouvant être publié (moins de \(k) répondants, ou masqué)",
            "No column, none of their figures being publishable (fewer than \(k) respondents, or withheld)")
          + typography.colon + prose.list(dropped.map { typography.quoted(md($0.group.label)) }) + " ("
          + total
          + ")."
      }
      return BreakdownContext(
        label: md(breakdown.label), table: TableContext(header: header, rows: rows), note: note)
    }
  }

  /// One figure of a breakdown table with its own n: `5 sur 6 (83 %)`,
  /// `4,7 (n = 6)`; a withheld one says why.
  func breakdownCell(_ indicator: IndicatorResult, _ row: IndicatorRow, part: Int?) -> String {
    if row.suppressed {
      return row.suppression == .belowMinimum
        ? md("< \(typography.integer(results.minGroupSize))") : word("masqué", "withheld")
    }
    guard let value = row.value, let n = row.n else { return "–" }
    if let part, let parts = row.parts, part < parts.count { return prose.share(parts[part].count, of: n) }
    if let count = row.count { return prose.share(count, of: n) }
    return figure(format(value, unit: indicator.unit)) + " (" + prose.nEquals(n...n) + ")"
  }
}
