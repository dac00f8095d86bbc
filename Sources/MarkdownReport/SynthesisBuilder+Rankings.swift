import Aggregation
import SurveyDefinition

extension SynthesisBuilder {
  // MARK: Rankings (Borda)

  /// Each ranking question: how its score is counted, in words; which
  /// choices come first, as far as the spread of the scores allows; the
  /// table with ties said as ties; the chart.
  mutating func rankingContexts() -> [RankingContext] {
    results.questions.filter { $0.type == "ranking" && $0.ranking != nil && $0.item == nil }.map { summary in
      let ranking = summary.ranking!
      let indicator = results.indicators.first { $0.kind == .borda && $0.question == summary.key }
      let sorted = ranking.choices.enumerated().sorted {
        ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset)
      }.map(\.element)
      // Ranks on the scores as printed: two choices shown 1,17 are tied.
      let ranks = CompetitionRanking.ranks(sorted.map { IndicatorUnit.bordaPoints.reported($0.borda) })
      let rows = zip(sorted, ranks).map { entry, rank in
        let tied = ranks.filter { $0 == rank }.count > 1
        return RankingRow(
          rank: typography.integer(rank ?? entry.rank) + (tied ? word(" (ex æquo)", " (tied)") : ""),
          label: md(entry.choice.label),
          score: typography.number(entry.borda, decimals: 2),
          first: ranking.respondents > 0 ? prose.share(entry.firstCount, of: ranking.respondents) : "–")
      }
      let title = indicator?.label ?? summary.label
      var sentence = ""
      if let indicator, let comparison = indicator.comparison(),
        let text = comparisonSentence(indicator, comparison)
      {
        sentence = text
      } else if !sorted.isEmpty {
        sentence =
          word("Les scores les plus élevés", "The highest scores") + typography.colon
          + prose.list(
            sorted.prefix(3).map {
              typography.quoted(md($0.choice.label)) + " " + typography.number($0.borda, decimals: 2)
            })
          + "."
      }
      let chart = bordaChart(
        summary: summary, ranking: sorted, pick: ranking.pick, title: title, respondents: ranking.respondents)
      return RankingContext(
        title: md(title), question: md(summary.label),
        respondents: prose.respondents(ranking.respondents),
        explanation: bordaExplanation(
          pick: ranking.pick, offered: ranking.choices.count, respondents: ranking.respondents),
        rows: rows, sentence: sentence, chart: chart)
    }
  }

  /// How a Borda score is counted, in words (no “Borda” needed to read it).
  func bordaExplanation(pick: Int, offered: Int, respondents: Int) -> String {
    let points = (1...max(1, pick)).map { rank -> String in
      let earned = pick - rank + 1
      return prose.ordinal(rank, gender: .feminine) + (rank == 1 ? word(" rapporte ", " earns ") : " ")
        + prose.counted(earned, "point", "points", "point", "points")
    }
    let french =
      "Chaque répondant a classé par ordre d’importance \(typography.integer(pick)) des \(typography.integer(offered)) réponses proposées"
      + typography.semicolon + "une réponse classée " + prose.list(points)
      + ", une réponse non classée 0. Le score d’une réponse est la moyenne de ses points sur les "
      + prose.respondents(respondents) + ", de 0 à " + typography.integer(pick) + "."
    let english =
      "Each respondent ranked \(typography.integer(pick)) of the \(typography.integer(offered)) answers offered by importance; an answer ranked "
      + prose.list(points) + ", an unranked one 0. An answer’s score is its mean points over the "
      + prose.respondents(respondents) + ", from 0 to " + typography.integer(pick) + "."
    return word(french, english)
  }
}
