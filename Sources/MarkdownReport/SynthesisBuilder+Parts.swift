import Aggregation
import SurveyDefinition

extension SynthesisBuilder {
  // MARK: Tools (for_each sections)

  /// A loop section's title without its `{item}` placeholder:
  /// “Les outils explorés : {item}” → “Les outils explorés”.
  func loopTitle(_ title: String) -> String {
    guard let range = title.range(of: "{item}") else { return title }
    let head = title[..<range.lowerBound].trimmingCharacters(
      in: .whitespaces.union(.init(charactersIn: ":—–-\u{00A0}\u{202F}")))
    return head.isEmpty
      ? title.replacingOccurrences(of: "{item}", with: "").trimmingCharacters(in: .whitespaces) : head
  }

  mutating func toolsContexts() -> [ToolsContext] {
    results.items.map { section in
      var items: [ItemContext] = []
      for item in section.items {
        var questions: [QuestionContext] = []
        for summary in results.questions where summary.sectionID == section.sectionID && summary.item == item
        {
          if let context = questionContext(summary) { questions.append(context) }
        }
        items.append(ItemContext(label: md(item.label), questions: questions))
      }
      let indicators = section.indicators.compactMap { results.indicator($0) }
      var charts: [ChartContext] = []
      // The scale questions of the loop, item by item on one diverging chart.
      if let definition = survey.sections.first(where: { $0.id == section.sectionID }) {
        for question in definition.questions {
          guard case .scale(let scale) = question.kind else { continue }
          let rows = section.items.compactMap { item -> (String, [DistributionEntry])? in
            results.question("\(question.id).\(item.code)").map { (item.label, $0.distribution) }
          }
          guard !rows.isEmpty else { continue }
          let title = question.label.substituting(item: LocalizedText(plain: "…")).text(
            results.survey.language)
          if let chart = divergingChart(
            file: "figures/question-\(question.id).svg", title: title, scale: scale, rows: rows)
          {
            charts.append(chart)
          }
        }
      }
      for indicator in indicators {
        if let chart = itemBarChart(indicator) { charts.append(chart) }
      }
      return ToolsContext(
        title: md(loopTitle(section.title)), items: items, comparison: comparisonTable(section, indicators),
        rankingSentences: indicators.compactMap { indicator in
          let ranked = rankedRows(indicator)
          guard !ranked.isEmpty else { return nil }
          return sentences.ranking(
            subject: .label(md(indicator.label)),
            ranked: ranked.map { (md($0.item?.label ?? ""), format($0.value ?? 0, unit: indicator.unit)) },
            tiedFirst: ranked.filter { $0.rank == ranked.first?.rank }.count)
        },
        charts: charts)
    }
  }

  /// Items as rows, one column per indicator: value, interval and rank.
  func comparisonTable(_ section: ItemSection, _ indicators: [IndicatorResult]) -> TableContext? {
    guard !indicators.isEmpty else { return nil }
    let header = [word("Outil", "Tool")] + indicators.map { md($0.label) }
    let rows = section.items.map { item in
      RowContext(
        cells: [md(item.label)]
          + indicators.map { indicator in
            guard let row = indicator.overall.first(where: { $0.item == item }), let value = row.value else {
              return "–"
            }
            var cell = format(value, unit: indicator.unit)
            let range = interval(row, unit: indicator.unit)
            if !range.isEmpty { cell += " " + range }
            if let rank = row.rank { cell += " (" + ordinal(rank) + ")" }
            return md(cell)
          })
    }
    return TableContext(header: header, rows: rows)
  }

  // MARK: Rankings (Borda)

  mutating func rankingContexts() -> [RankingContext] {
    results.questions.filter { $0.type == "ranking" && $0.ranking != nil }.map { summary in
      let ranking = summary.ranking!
      let indicator = results.indicators.first { $0.kind == .borda && $0.question == summary.key }
      let sorted = ranking.choices.enumerated().sorted {
        ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset)
      }
      .map(\.element)
      let rows = sorted.map { entry in
        RankingRow(
          rank: ordinal(entry.rank), label: md(entry.choice.label),
          score: typography.number(entry.borda, decimals: 2),
          first: typography.integer(entry.firstCount) + " (" + typography.percent(entry.firstShare) + ")")
      }
      let title = indicator?.label ?? summary.label
      let top = sorted.filter { $0.borda > 0 }.prefix(3)
      let sentence =
        top.isEmpty
        ? ""
        : sentences.ranking(
          subject: nil,
          ranked: top.map { entry in
            let value = typography.number(entry.borda, decimals: 2)
            let plural = isFrench ? entry.borda >= 2 : value != "1.00"
            return (md(entry.choice.label), value + (plural ? " points" : " point"))
          }, tiedFirst: top.filter { $0.rank == top.first?.rank }.count)
      let chart = bordaChart(summary: summary, ranking: sorted, pick: ranking.pick, title: title)
      return RankingContext(
        title: md(title), question: md(summary.label),
        respondents: sentences.respondents(ranking.respondents),
        rows: rows, sentence: sentence, chart: chart)
    }
  }

  // MARK: Breakdowns

  func breakdownContexts() -> [BreakdownContext] {
    results.breakdowns.compactMap { breakdown in
      let groups = breakdown.groups.filter { $0.count > 0 }
      guard !groups.isEmpty else { return nil }
      var rows: [RowContext] = []
      // A response rate per group would be over everyone registered: meaningless.
      for indicator in results.indicators where indicator.kind != .borda && indicator.kind != .responseRate {
        let overall = indicator.overall
        let items: [CodeLabel?] = indicator.perItem ? overall.map(\.item) : [nil]
        for item in items {
          let label = md(indicator.label) + (item.map { typography.colon + md($0.label) } ?? "")
          let cells = groups.map { group -> String in
            guard
              let row = indicator.rows.first(where: {
                $0.group?.question == breakdown.question && $0.group?.code == group.group.code
                  && $0.item == item
              })
            else { return "–" }
            if row.suppressed {
              return row.suppression == .complementary
                ? word("masqué", "withheld") : md("< \(typography.integer(results.minGroupSize))")
            }
            return row.value.map { md(format($0, unit: indicator.unit)) } ?? "–"
          }
          rows.append(RowContext(cells: [label] + cells))
        }
      }
      guard !rows.isEmpty else { return nil }
      let header = [word("Indicateur", "Indicator")] + groups.map { md($0.group.label) }
      return BreakdownContext(label: md(breakdown.label), table: TableContext(header: header, rows: rows))
    }
  }

  // MARK: Verbatims

  /// At most this many quotations per question.
  static var quotationsPerQuestion: Int { 6 }

  /// The free text of every question outside the profile sections, never
  /// from a group below the minimum size, masked (again) and escaped: the
  /// longest answers, in the order they were given. When the engine kept
  /// only the first answers, `cut` says so.
  func verbatimGroups() -> [VerbatimGroup] {
    let profile = profileSectionIDs
    let language = results.survey.language
    return results.freeText.compactMap { summary in
      guard !summary.isOther, let section = survey.question(summary.questionID)?.section,
        !profile.contains(section.id)
      else { return nil }
      // Each text escaped and measured once (at most `verbatimLimit` of them).
      var candidates: [(offset: Int, text: String, length: Int)] = []
      candidates.reserveCapacity(summary.answers.count)
      // A sentence several people wrote is quoted once.
      var seen: Set<String> = []
      for (offset, answer) in summary.answers.enumerated() where !answer.fromSmallGroup {
        let text = md(PersonalDataMasking.mask(answer.text, language: language))
        guard !text.isEmpty, seen.insert(text.lowercased()).inserted else { continue }
        candidates.append((offset, text, text.count))
      }
      let chosen = candidates.sorted { ($1.length, $0.offset) < ($0.length, $1.offset) }
        .prefix(Self.quotationsPerQuestion).sorted { $0.offset < $1.offset }
      guard !chosen.isEmpty else { return nil }
      return VerbatimGroup(
        question: md(summary.label), quotes: chosen.map { typography.quoted($0.text) },
        cut: summary.isTruncated ? verbatimsCut(shown: summary.answers.count, total: summary.total) : nil)
    }
  }

  /// Quotations chosen among the first `shown` of `total` answers.
  func verbatimsCut(shown: Int, total: Int) -> String {
    let first = typography.integer(shown)
    let all = typography.integer(total)
    return word(
      "Citations choisies parmi les \(first) premières réponses sur \(all)\(typography.semicolon)toutes figurent dans les données brutes.",
      "Quotations chosen from the first \(first) of \(all) answers\(typography.semicolon)all are in the raw data."
    )
  }

  // MARK: Method

  func methodContext() -> MethodContext {
    let counts = results.counts
    var responses: String
    if isFrench {
      responses =
        "\(counts.complete) réponse\(counts.complete > 1 ? "s" : "") complète\(counts.complete > 1 ? "s" : "")"
      if let registered = counts.registered, let rate = counts.responseRate {
        responses +=
          " pour \(typography.integer(registered)) personne\(registered > 1 ? "s" : "") inscrite\(registered > 1 ? "s" : ""), soit un taux de réponse de \(typography.percent(rate))"
      }
      responses += "."
      if counts.partial > 0 && !counts.includesPartial {
        responses +=
          " \(counts.partial) questionnaire\(counts.partial > 1 ? "s" : "") commencé\(counts.partial > 1 ? "s" : "") mais non terminé\(counts.partial > 1 ? "s" : "") \(counts.partial > 1 ? "ne sont" : "n'est") pas compté\(counts.partial > 1 ? "s" : "")."
      }
    } else {
      responses = "\(counts.complete) complete response\(counts.complete == 1 ? "" : "s")"
      if let registered = counts.registered, let rate = counts.responseRate {
        responses +=
          " for \(typography.integer(registered)) \(registered == 1 ? "person" : "people") registered, a response rate of \(typography.percent(rate))"
      }
      responses += "."
      if counts.partial > 0 && !counts.includesPartial {
        responses +=
          " \(counts.partial) questionnaire\(counts.partial == 1 ? " was" : "s were") started but not finished and \(counts.partial == 1 ? "is" : "are") not counted."
      }
    }
    let partial: String? =
      counts.includesPartial
      ? word(
        "Les \(counts.partial) réponses partielles sont incluses dans les chiffres, question par question.",
        "The \(counts.partial) partial responses are included in the figures, question by question.")
      : nil
    let k = typography.integer(results.minGroupSize)
    let intervals = word(
      "Chaque proportion est donnée avec son intervalle de confiance à 95 % (méthode de Wilson), chaque moyenne et l'indice avec leur intervalle de Student à 95 %, le score de recommandation (NPS) avec ± 1,96 erreur-type. Un intervalle ne sort jamais de l'échelle : il est ramené à ses bornes, et quand tous donnent la même note, il est tiré de l'intervalle de Wilson de cette unanimité. Avec peu de répondants, ces intervalles sont larges : ils disent la marge d'incertitude de chaque chiffre. Un objectif est atteint quand tout l'intervalle l'atteint, non atteint quand aucune partie ne l'atteint, et non concluant sinon. Deux outils ne sont classés que si leurs intervalles ne se recouvrent pas ; des valeurs affichées égales sont ex æquo. Chaque pourcentage est arrondi à l'unité la plus proche, pour lui-même : une répartition peut totaliser 99 ou 101 %.",
      "Every proportion is given with its 95% confidence interval (Wilson's method), every mean and the index with their 95% Student t-interval, the net promoter score with ± 1.96 standard errors. An interval never leaves the scale: it is cut at its ends, and when everyone gives the same answer it comes from the Wilson interval of that unanimity. With few respondents these intervals are wide: they state the uncertainty of each figure. A target is met when the whole interval meets it, not met when none of it does, and not conclusive otherwise. Two tools are ranked only when their intervals do not overlap; equal figures as shown are a tie. Each percentage is rounded to the nearest whole number on its own: a distribution may add up to 99 or 101%."
    )
    let suppression = word(
      "Aucun chiffre n'est publié pour un groupe de moins de \(k) répondants (« < \(k) » dans les tableaux) ; lorsqu'un tel chiffre pourrait se déduire des autres, un second est masqué (« masqué »). Aucune citation ne provient d'un groupe de moins de \(k) personnes, et les adresses électroniques et numéros de téléphone sont masqués.",
      "No figure is published for a group of fewer than \(k) respondents (“< \(k)” in the tables); where such a figure could be worked out from the others, a second one is withheld (“withheld”). No quotation comes from a group of fewer than \(k) people, and email addresses and phone numbers are masked."
    )
    return MethodContext(
      responses: md(typography.punctuate(responses)),
      partial: partial.map { md(typography.punctuate(afterColon($0))) },
      intervals: md(typography.punctuate(afterColon(intervals))),
      suppression: md(typography.punctuate(frenchQuotes(afterColon(suppression)))),
      surveyID: md(results.survey.id), version: typography.integer(results.survey.version),
      lastResponse: results.lastResponseDate.map { md(formatDate($0)) })
  }

  /// A sentence printed after a label and a colon: French continues it in
  /// lower case, English keeps its capital.
  func afterColon(_ text: String) -> String {
    guard isFrench, let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
  }

  /// « x » with its no-break spaces, for prose written with plain spaces.
  func frenchQuotes(_ text: String) -> String {
    guard isFrench else { return text }
    return text.replacingOccurrences(of: "« ", with: "«" + Typography.noBreakSpace)
      .replacingOccurrences(of: " »", with: Typography.noBreakSpace + "»")
  }
}
