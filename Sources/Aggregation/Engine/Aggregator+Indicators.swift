import SurveyDefinition

extension Aggregator {
  /// The rows of one indicator, in the order of `bilan stats --format json`.
  func indicatorResult(_ plan: IndicatorPlan) -> IndicatorResult {
    let indicator = plan.indicator
    let k = survey.privacy.minGroupSize
    var rows: [IndicatorRow] = []
    if indicator.kind == .responseRate {
      let registered = survey.event?.registered
      let value = registered.flatMap { $0 > 0 ? Double(complete) / Double($0) : nil }
      rows.append(
        IndicatorRow(
          item: nil, group: nil, n: complete, value: value, ciLow: nil, ciHigh: nil,
          met: value.flatMap { indicator.target?.isMet(by: $0) }, rank: nil, suppressed: false,
          suppression: nil))
    } else {
      rows += cellRows(plan, cell: 0, group: nil, decisions: plan.targets.map { _ in nil })
      var offset = 1
      for breakdown in breakdowns {
        // Decide suppression per target (item), over this breakdown's cells.
        var decisions: [[SuppressionReason?]] = []
        for target in plan.targets.indices {
          let counts = breakdown.groups.indices.map { plan.cells[target][offset + $0].n }
          decisions.append(
            CellSuppression.decide(groupCounts: counts, overall: plan.cells[target][0].n, minimum: k))
        }
        for (index, group) in breakdown.groups.enumerated() {
          rows += cellRows(plan, cell: offset + index, group: group, decisions: decisions.map { $0[index] })
        }
        offset += breakdown.groups.count
      }
    }
    return IndicatorResult(
      id: indicator.id, kind: indicator.kind, label: plan.label, question: indicator.question,
      questions: indicator.questions, unit: plan.unit, target: indicator.target?.source,
      targetValue: indicator.target?.value, perItem: plan.loopSection != nil, rows: rows)
  }

  /// The rows of one cell (overall or a group): one per item, or per borda
  /// choice, ranked where the format ranks them.
  private func cellRows(
    _ plan: IndicatorPlan, cell: Int, group: GroupRef?, decisions: [SuppressionReason?]
  ) -> [IndicatorRow] {
    let indicator = plan.indicator
    var rows: [IndicatorRow] = []
    if indicator.kind == .borda {
      for (target, entry) in plan.targets.enumerated() {
        let figures = plan.cells[target][cell]
        let scores = figures.borda?.scores
        var block: [IndicatorRow] = []
        for (index, choice) in plan.bordaChoices.enumerated() {
          var item = CodeLabel(code: choice.code, label: choice.label.text(language))
          if let loopItem = entry.item {
            item = CodeLabel(
              code: "\(loopItem.code).\(choice.code)",
              label: "\(loopItem.label.text(language)) — \(item.label)")
          }
          if let group, let reason = decisions[target] {
            block.append(.suppressed(item: item, group: group, reason: reason))
            continue
          }
          let value = scores?[index]
          block.append(
            IndicatorRow(
              item: item, group: group, n: figures.n, value: value, ciLow: nil, ciHigh: nil,
              met: value.flatMap { indicator.target?.isMet(by: $0) }, rank: nil, suppressed: false,
              suppression: nil))
        }
        rows += ranked(block)
      }
      return rows
    }
    for (target, entry) in plan.targets.enumerated() {
      let item = entry.item.map { CodeLabel(code: $0.code, label: $0.label.text(language)) }
      if let group, let reason = decisions[target] {
        rows.append(.suppressed(item: item, group: group, reason: reason))
        continue
      }
      let figures = plan.cells[target][cell]
      let (value, interval) = figures.figures(indicator.kind)
      rows.append(
        IndicatorRow(
          item: item, group: group, n: figures.n, value: value, ciLow: interval?.low, ciHigh: interval?.high,
          met: value.flatMap { indicator.target?.isMet(by: $0) }, rank: nil, suppressed: false,
          suppression: nil))
    }
    return plan.loopSection != nil ? ranked(rows) : rows
  }

  /// `rows` with competition ranks among those with a value (1 = highest).
  private func ranked(_ rows: [IndicatorRow]) -> [IndicatorRow] {
    let ranks = CompetitionRanking.ranks(rows.map(\.value))
    return zip(rows, ranks).map { row, rank in
      var row = row
      row.rank = rank
      return row
    }
  }
}
