import SurveyDefinition

extension Aggregator {
  /// The results over every response added so far.
  public func results() -> SurveyResults {
    let k = survey.privacy.minGroupSize
    let registered = survey.event?.registered
    let identity = SurveyIdentity(
      id: survey.id, version: survey.version, title: survey.title.text(language), languages: survey.languages,
      language: language,
      event: survey.event.map {
        EventSummary(
          name: $0.name?.text(language), date: $0.date, place: $0.place, organiser: $0.organiser,
          registered: $0.registered, facilitators: $0.facilitators?.text(language),
          objectives: $0.objectives.map { $0.text(language) },
          programme: $0.programme.map {
            ProgrammeEntry(title: $0.title.text(language), summary: $0.summary?.text(language))
          }, timeZone: $0.timeZone)
      })
    let counts = ResponseCounts(
      complete: complete, partial: partial, includesPartial: options.includePartial, included: included,
      registered: registered,
      responseRate: registered.flatMap { $0 > 0 ? Double(complete) / Double($0) : nil }, synthetic: synthetic)
    let indicatorResults = indicators.map(indicatorResult)
    // `small[b][g]`: group g of breakdown b has respondents, fewer than k.
    let small = breakdowns.map { plan in plan.counts.map { $0 > 0 && $0 < k } }
    let breakdownSummaries = breakdowns.enumerated().map { position, plan in
      BreakdownSummary(
        question: plan.question.id, label: plan.label,
        groups: plan.groups.enumerated().map { index, group in
          GroupSize(group: group, count: plan.counts[index], belowMinimum: small[position][index])
        },
        unanswered: plan.unanswered)
    }
    let itemSections = survey.sections.filter { $0.forEach != nil }.map { section in
      ItemSection(
        sectionID: section.id, title: section.title.text(language), itemList: section.forEach ?? "",
        items: section.items.map { CodeLabel(code: $0.code, label: $0.label.text(language)) },
        indicators: indicators.filter { $0.loopSection?.id == section.id }.map(\.indicator.id))
    }
    return SurveyResults(
      survey: identity, counts: counts, lastResponseDate: lastDate, minGroupSize: k,
      indicators: indicatorResults, questions: questions.map(summary), items: itemSections,
      breakdowns: breakdownSummaries,
      freeText: freeText.map { $0.summary(breakdowns: breakdowns, small: small) },
      schemaWarnings: options.schemaWarnings,
      followUp: options.followUp.map { join in
        FollowUpSummary(
          survey: join.followed.id, title: join.followed.title.text(join.followed.defaultLanguage),
          linked: linked, withoutToken: withoutToken, unknownToken: unknownToken)
      })
  }

  /// The summary of one question instance.
  func summary(_ accumulator: QuestionAccumulator) -> QuestionSummary {
    let instance = accumulator.instance
    let question = instance.question
    var distribution: [DistributionEntry] = []
    var sumsOver100 = false
    var statistics: ScaleStatistics?
    var nps: NPSSummary?
    var ranking: RankingSummary?
    var matrix: MatrixSummary?
    switch question.kind {
    case .single(let choices, let other):
      distribution = codeDistribution(accumulator, choices: choices, other: other)
    case .multiple(let choices, let other, _, _, _):
      distribution = codeDistribution(accumulator, choices: choices, other: other)
      sumsOver100 = true
    case .ranking(let choices, let pick):
      distribution = codeDistribution(accumulator, choices: choices, other: false)
      sumsOver100 = true
      if let borda = accumulator.borda {
        let scores = borda.scores ?? choices.map { _ in 0 }
        let ranks = CompetitionRanking.ranks(scores.map(Optional.some))
        ranking = RankingSummary(
          pick: pick, respondents: borda.respondents,
          choices: choices.enumerated().map { index, choice in
            let first = borda.rankCounts[index].first ?? 0
            return RankingEntry(
              choice: CodeLabel(code: choice.code, label: choice.label.text(language)), borda: scores[index],
              firstCount: first,
              firstShare: borda.respondents > 0 ? Double(first) / Double(borda.respondents) : 0,
              rankCounts: borda.rankCounts[index], rank: ranks[index] ?? 1)
          })
      }
    case .scale(let scale):
      distribution = pointDistribution(accumulator.values, scale: scale)
      statistics = scaleStatistics(accumulator.values, scale: scale)
    case .nps:
      distribution = pointDistribution(accumulator.values, scale: .nps)
      statistics = scaleStatistics(accumulator.values, scale: nil, bounds: ValueBounds(lower: 0, upper: 10))
      let score = NetPromoterScore(
        n: accumulator.values.n,
        promoters: accumulator.values.counts.filter { $0.key >= 9 }.reduce(0) { $0 + $1.value },
        detractors: accumulator.values.counts.filter { $0.key <= 6 }.reduce(0) { $0 + $1.value })
      nps = NPSSummary(
        n: score.n, promoters: score.promoters, passives: score.passives, detractors: score.detractors,
        score: score.score, standardError: score.standardError, ciLow: score.interval?.low,
        ciHigh: score.interval?.high)
    case .number(let min, let max, _):
      statistics = scaleStatistics(
        accumulator.values, scale: nil, bounds: ValueBounds(lower: min, upper: max))
    case .boolean:
      let answered = accumulator.answered
      let base = Double(max(answered, 1))
      distribution = [
        DistributionEntry(
          value: "true", label: Vocabulary.yes(language), count: accumulator.yes,
          share: Double(accumulator.yes) / base, percent: Rounding.percent(accumulator.yes, of: answered)),
        DistributionEntry(
          value: "false", label: Vocabulary.no(language), count: accumulator.no,
          share: Double(accumulator.no) / base, percent: Rounding.percent(accumulator.no, of: answered)),
      ]
    case .matrix(let rows, let scale):
      let rowSummaries = rows.enumerated().map { index, row in
        let values = accumulator.rowValues[index]
        let notApplicable = accumulator.rowNotApplicable[index]
        return MatrixRowSummary(
          row: CodeLabel(code: row.code, label: row.label.text(language)), key: "\(instance.key).\(row.code)",
          answered: values.n, notApplicable: notApplicable, missing: included - values.n - notApplicable,
          distribution: pointDistribution(values, scale: scale),
          statistics: scaleStatistics(values, scale: scale))
      }
      let alpha = accumulator.alpha
      matrix = MatrixSummary(
        rows: rowSummaries, completeRows: alpha?.n ?? 0,
        cronbachAlpha: (alpha?.n ?? 0) >= 10 ? alpha?.value : nil)
    case .text, .longText, .email:
      break
    }
    return QuestionSummary(
      key: instance.key, questionID: question.id, type: question.kind.typeName,
      label: instance.label.text(language), sectionID: instance.section.id,
      sectionTitle: instance.sectionTitle.text(language),
      item: instance.item.map { CodeLabel(code: $0.code, label: $0.label.text(language)) },
      answered: accumulator.answered, notApplicable: accumulator.notApplicable,
      missing: included - accumulator.answered - accumulator.notApplicable, distribution: distribution,
      sharesMaySumOver100: sumsOver100, statistics: statistics, nps: nps, ranking: ranking, matrix: matrix)
  }

  /// Counts per code: the choices, `other`, then codes the definition no longer has.
  private func codeDistribution(
    _ accumulator: QuestionAccumulator, choices: [Choice], other: Bool
  ) -> [DistributionEntry] {
    var entries = choices.map { ($0.code, $0.label.text(language)) }
    if other { entries.append(("other", Vocabulary.other(language))) }
    let known = Set(entries.map(\.0))
    for code in accumulator.codeCounts.keys.sorted() where !known.contains(code) {
      entries.append((code, code))
    }
    let counts = entries.map { accumulator.codeCounts[$0.0] ?? 0 }
    return makeEntries(entries, counts: counts, base: accumulator.answered)
  }

  /// Counts per scale point (every point of the scale, then values outside it).
  private func pointDistribution(_ values: CountDistribution, scale: Scale) -> [DistributionEntry] {
    var points = Array(scale.points).map(Double.init)
    for value in values.counts.keys.sorted() where !points.contains(value) { points.append(value) }
    let entries = points.map { point -> (String, String) in
      let text = point == point.rounded() ? String(Int(point)) : String(point)
      let label = Int(exactly: point).flatMap { scale.labels[$0]?.text(language) } ?? text
      return (text, label)
    }
    return makeEntries(entries, counts: points.map { values.count($0) }, base: values.n)
  }

  /// Each count with its share of `base`, rounded by the reports' one rule
  /// (`Rounding.percent`: each on its own, half up).
  private func makeEntries(_ entries: [(String, String)], counts: [Int], base: Int) -> [DistributionEntry] {
    entries.indices.map { index in
      DistributionEntry(
        value: entries[index].0, label: entries[index].1, count: counts[index],
        share: base > 0 ? Double(counts[index]) / Double(base) : 0,
        percent: Rounding.percent(counts[index], of: base))
    }
  }

  /// Mean, median, SD, interval (within the scale's bounds, or `bounds`);
  /// top and bottom boxes when `scale` is given.
  private func scaleStatistics(
    _ values: CountDistribution, scale: Scale?, bounds: ValueBounds = .unbounded
  ) -> ScaleStatistics {
    let moments = values.moments
    let interval = moments.interval(
      within: scale.map { ValueBounds(lower: Double($0.min), upper: Double($0.max)) } ?? bounds)
    var top: Int?
    var bottom: Int?
    if let scale {
      top = scale.topPoints.reduce(0) { $0 + values.count(Double($1)) }
      bottom = scale.bottomPoints.reduce(0) { $0 + values.count(Double($1)) }
    }
    let n = values.n
    let topShare = top.flatMap { n > 0 ? Double($0) / Double(n) : nil }
    let bottomShare = bottom.flatMap { n > 0 ? Double($0) / Double(n) : nil }
    return ScaleStatistics(
      n: n, mean: moments.meanValue, median: values.median, standardDeviation: moments.standardDeviation,
      ciLow: interval?.low, ciHigh: interval?.high, minimum: values.minimum, maximum: values.maximum,
      topBoxCount: top, topBox: topShare, bottomBoxCount: bottom, bottomBox: bottomShare,
      net: topShare.flatMap { t in bottomShare.map { t - $0 } })
  }
}
