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
          met: value.flatMap { indicator.target?.isMet(by: $0) },
          verdict: verdict(plan, value: value, interval: nil, isEstimate: false), rank: nil,
          suppressed: false, suppression: nil))
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
      targetValue: indicator.target?.value, perItem: plan.loopSection != nil, bounds: plan.bounds, rows: rows)
  }

  /// The three-state verdict of a value against the indicator's target.
  private func verdict(
    _ plan: IndicatorPlan, value: Double?, interval: ConfidenceInterval?, isEstimate: Bool = true
  ) -> TargetVerdict? {
    guard let target = plan.indicator.target, let value else { return nil }
    return TargetVerdict.decide(
      target: target, value: value, interval: interval, unit: plan.unit, isEstimate: isEstimate)
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
        let intervals = figures.borda?.intervals ?? plan.bordaChoices.map { _ in nil }
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
              met: value.flatMap { indicator.target?.isMet(by: $0) },
              verdict: verdict(plan, value: value, interval: intervals[index]), rank: nil, suppressed: false,
              suppression: nil))
        }
        // The format publishes no interval for Borda scores; the engine still
        // weighs each score's spread before calling two choices apart.
        rows += ranked(block, unit: plan.unit, intervals: intervals)
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
      // A follow-up figure rests on a group chosen by an earlier answer
      // (those who intended to): under k people, it is withheld like a group.
      if group == nil, indicator.among != nil, figures.n > 0, figures.n < survey.privacy.minGroupSize {
        rows.append(
          IndicatorRow(
            item: item, group: nil, n: nil, value: nil, ciLow: nil, ciHigh: nil, met: nil, rank: nil,
            suppressed: true, suppression: .belowMinimum))
        continue
      }
      let (value, interval) = figures.figures(indicator.kind, bounds: plan.bounds)
      var count: Int?
      var parts: [SharePart]?
      if indicator.kind == .topBox || indicator.kind == .share, figures.n > 0 {
        count = figures.successes
        if !plan.shareParts.isEmpty {
          parts = zip(plan.shareParts, figures.partCounts).map { answer, hits in
            let wilson = WilsonInterval.interval(successes: hits, n: figures.n)
            return SharePart(
              answer: answer, count: hits, share: Double(hits) / Double(figures.n), ciLow: wilson.low,
              ciHigh: wilson.high)
          }
        }
      }
      rows.append(
        IndicatorRow(
          item: item, group: group, n: figures.n, value: value, ciLow: interval?.low, ciHigh: interval?.high,
          met: value.flatMap { indicator.target?.isMet(by: $0) },
          verdict: verdict(plan, value: value, interval: interval), count: count, parts: parts, rank: nil,
          suppressed: false, suppression: nil))
    }
    guard plan.loopSection != nil else { return rows }
    return ranked(
      rows, unit: plan.unit,
      intervals: rows.map { row in
        row.ciLow.flatMap { low in row.ciHigh.map { ConfidenceInterval(low: low, high: $0) } }
      })
  }

  /// `rows` with competition ranks on their reported values (1 = highest;
  /// equal reported values tie) and, from `intervals`, the rows each one is
  /// clearly ahead of (`ClearDifference`).
  private func ranked(
    _ rows: [IndicatorRow], unit: IndicatorUnit, intervals: [ConfidenceInterval?]
  ) -> [IndicatorRow] {
    let ranks = CompetitionRanking.ranks(rows.map { $0.value.map(unit.reported) })
    let ahead = ClearDifference.aheadOf(
      zip(rows, intervals).map { row, interval in row.value == nil ? nil : interval }, unit: unit)
    return rows.indices.map { index in
      var row = rows[index]
      guard !row.suppressed else { return row }
      row.rank = ranks[index]
      if row.value != nil { row.clearlyAheadOf = ahead[index].compactMap { rows[$0].item?.code } }
      return row
    }
  }
}
