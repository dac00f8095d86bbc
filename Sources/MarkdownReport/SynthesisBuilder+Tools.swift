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

  /// Each item of a loop section with its questions told, then the items
  /// compared: a table, what can be said of their order, the charts.
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
          // Titled by the indicator computed on it: a question's own words
          // name one item (“l’outil « {item} »”), the chart shows them all.
          guard !rows.isEmpty,
            let title = indicators.first(where: { $0.question == question.id && $0.kind == .mean })?.label
          else { continue }
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
      let count = section.items.count
      return ToolsContext(
        title: md(loopTitle(section.title)), items: items,
        comparisonTitle: count > 1 ? word("Côte à côte", "Side by side") : word("En résumé", "In short"),
        comparison: comparisonTable(section, indicators),
        rankingSentences: indicators.compactMap { indicator in
          guard let comparison = indicator.comparison(),
            let sentence = comparisonSentence(indicator, comparison)
          else { return nil }
          return "**" + md(indicator.label) + ".** " + sentence + partsSentence(indicator)
        },
        charts: charts)
    }
  }

  /// A share of several answers, each answer apart, item by item:
  /// “ « Oui, dans l’année » : 2 sur 13 pour le plan de coopération, … ”.
  func partsSentence(_ indicator: IndicatorResult) -> String {
    guard let answers = indicator.overall.first(where: { $0.parts != nil })?.parts?.map(\.answer) else {
      return ""
    }
    let rows = indicator.overall.filter { $0.parts != nil && $0.item != nil }
    let clauses = answers.enumerated().map { index, answer -> String in
      let perItem = rows.compactMap { row -> String? in
        guard let item = row.item, let n = row.n, let part = row.parts?[index] else { return nil }
        return prose.share(part.count, of: n) + word(" pour ", " for ") + prose.definite(name(item))
      }
      return typography.quoted(md(answer.label)) + typography.colon + prose.list(perItem)
    }
    return " " + clauses.joined(separator: typography.semicolon) + "."
  }

  /// Items as rows, one column per indicator computed per item: value and
  /// interval; a share of several answers gives one column per answer, so a
  /// new intention and an action already under way are never added up unseen.
  func comparisonTable(_ section: ItemSection, _ indicators: [IndicatorResult]) -> TableContext? {
    guard !indicators.isEmpty else { return nil }
    var header = [word("Élément", "Item")]
    for indicator in indicators {
      if let parts = indicator.overall.first(where: { $0.parts != nil })?.parts {
        header += parts.map { md($0.answer.label) }
      } else {
        header.append(md(indicator.label))
      }
    }
    header.append(word("Réponses", "Answers"))
    let rows = section.items.map { item in
      var cells = [md(item.label)]
      var ns: [Int] = []
      for indicator in indicators {
        let row = indicator.overall.first { $0.item == item }
        if let parts = indicator.overall.first(where: { $0.parts != nil })?.parts {
          for (index, _) in parts.enumerated() {
            guard let part = row?.parts?[index], let n = row?.n else {
              cells.append("–")
              continue
            }
            cells.append(prose.share(part.count, of: n))
          }
        } else if let row, let value = row.value {
          var cell = format(value, unit: indicator.unit)
          if indicator.kind == .share || indicator.kind == .topBox, let n = row.n, let count = row.count {
            cell = prose.share(count, of: n)
          }
          let range = interval(row, unit: indicator.unit)
          if !range.isEmpty { cell += " " + range }
          cells.append(figure(cell))
        } else {
          cells.append("–")
        }
        if let row, row.value != nil, let n = row.n { ns.append(n) }
      }
      cells.append(prose.countRange((ns.min() ?? 0)...(ns.max() ?? 0)))
      return RowContext(cells: cells)
    }
    return TableContext(header: header, rows: rows)
  }
}
