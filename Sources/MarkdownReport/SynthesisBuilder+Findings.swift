import Aggregation
import SurveyDefinition

extension SynthesisBuilder {
  // MARK: Key findings

  /// At most this many key findings.
  static var keyFindingLimit: Int { 5 }

  /// Three to five findings, each a short bold lead and whole sentences,
  /// chosen in this order (docs/templates.md):
  /// 1. targets the interval settles, met or not met: the surest effects;
  /// 2. items clearly ahead of others (a per-item indicator whose intervals separate);
  /// 3. targets the interval does not settle: not conclusive at this n;
  /// 3b. when no per-item indicator separates its items, that none stands out;
  /// 4. what most people discovered (`synthesis: discovered`);
  /// 5. the limit cited most across the items (`synthesis: limits`);
  /// 6. what scored lowest among the rated questions.
  func keyFindings() -> [String] {
    var settled: [String] = []
    var open: [String] = []
    for indicator in results.indicators where !indicator.perItem && indicator.kind != .borda {
      guard indicator.targetValue != nil, let row = indicator.overall.first, let verdict = row.verdict,
        let sentence = targetFinding(indicator, row)
      else { continue }
      if verdict == .notConclusive { open.append(sentence) } else { settled.append(sentence) }
    }
    let items = itemFindings()
    var findings = settled + items.clear + open + items.unclear
    if let discovered = discoveryFinding() { findings.append(discovered) }
    if let limit = limitFinding() { findings.append(limit) }
    if let lowest = lowestFinding() { findings.append(lowest) }
    return Array(findings.prefix(Self.keyFindingLimit))
  }

  /// `**Lead.** Sentence. Sentence.`
  func finding(_ lead: String, _ sentences: [String]) -> String {
    "**" + lead + ".** " + sentences.joined(separator: " ")
  }

  /// An indicator with a target: its figure, then its verdict.
  func targetFinding(_ indicator: IndicatorResult, _ row: IndicatorRow) -> String? {
    guard let figure = figureSentence(indicator, row), let verdict = verdictSentence(indicator, row) else {
      return nil
    }
    return finding(md(indicator.label), [figure, verdict])
  }

  /// The figure of a whole-survey indicator as a sentence: “Parmi les 14
  /// répondants, 9 (64 %) ont répondu « Satisfait(e) » ou « Très satisfait(e) ».”
  func figureSentence(_ indicator: IndicatorResult, _ row: IndicatorRow) -> String? {
    guard let value = row.value, let n = row.n else { return nil }
    switch indicator.kind {
    case .topBox, .share:
      let count = row.count ?? Int((value * Double(n)).rounded())
      return choiceSentence(count: count, of: n, answers: countedAnswers(indicator))
    case .responseRate:
      return responseSentence()
    case .mean:
      return word("La note moyenne est de ", "The average score is ") + result(indicator, row) + " ("
        + prose.answers(n) + ")."
    case .index:
      return word("L’indice moyen est de ", "The average index is ") + result(indicator, row) + " ("
        + prose.respondents(n) + ")."
    case .nps:
      return word("Le score de recommandation est de ", "The recommendation score is ")
        + format(value, unit: .points) + word(", sur une échelle de ", ", on a scale from ")
        + Typography.minus
        + "100" + word(" à ", " to ") + "+100 (" + prose.answers(n) + ")."
    case .borda:
      return nil
    }
  }

  /// “Parmi les 14 répondants, 9 (64 %) ont répondu « A » ou « B ».”
  func choiceSentence(count: Int, of n: Int, answers: [String]) -> String {
    let quoted = prose.list(answers.map(typography.quoted), conjunction: word("ou", "or"))
    let percent = typography.integer(Rounding.percent(count, of: n)) + typography.percentSign
    let figure =
      Rounding.countsLead(n: n)
      ? typography.integer(count) + " (" + percent + ")" : percent + " (" + typography.integer(count) + ")"
    if isFrench {
      switch (count, n) {
      case (_, 1): return "Le seul répondant a " + (count == 1 ? "" : "n’a pas ") + "répondu " + quoted + "."
      case (0, _): return "Aucun des \(prose.respondents(n)) n’a répondu " + quoted + "."
      case let (c, m) where c == m: return "Les \(prose.respondents(m)) ont tous répondu " + quoted + "."
      case (1, _): return "Parmi les \(prose.respondents(n)), un seul (\(percent)) a répondu " + quoted + "."
      default: return "Parmi les \(prose.respondents(n)), \(figure) ont répondu " + quoted + "."
      }
    }
    switch (count, n) {
    case (_, 1): return "The only respondent " + (count == 1 ? "answered " : "did not answer ") + quoted + "."
    case (0, _): return "None of the \(prose.respondents(n)) answered " + quoted + "."
    case let (c, m) where c == m: return "All \(prose.respondents(m)) answered " + quoted + "."
    case (1, _): return "Of the \(prose.respondents(n)), only one (\(percent)) answered " + quoted + "."
    default: return "Of the \(prose.respondents(n)), \(figure) answered " + quoted + "."
    }
  }

  /// The labels of the answers an indicator counts: the scale's top points
  /// (top box) or the indicator's values (share).
  func countedAnswers(_ indicator: IndicatorResult) -> [String] {
    switch indicator.kind {
    case .topBox:
      guard let key = indicator.question, let scale = scale(forKey: key) else { return [] }
      return scale.topPoints.map { point in
        md(scale.labels[point]?.text(results.survey.language) ?? typography.integer(point))
      }
    case .share:
      if let parts = indicator.overall.first?.parts { return parts.map { md($0.answer.label) } }
      guard let definition = surveyIndicator(indicator.id), let key = indicator.question,
        let question = survey.question(String(key.split(separator: ".").first ?? ""))?.question
      else { return [] }
      return definition.values.map { value in
        switch value {
        case .boolean(let yes): return yes ? word("Oui", "Yes") : word("Non", "No")
        case .code(let code), .text(let code):
          return md(question.kind.choices?.choice(code)?.label.text(results.survey.language) ?? code)
        default: return md(String(describing: value))
        }
      }
    default: return []
    }
  }

  /// The target said as far as the interval supports it.
  func verdictSentence(_ indicator: IndicatorResult, _ row: IndicatorRow) -> String? {
    guard let verdict = row.verdict, let target = surveyTarget(indicator), let value = indicator.targetValue
    else { return nil }
    let goal = targetPhrase(target.comparison, format(value, unit: indicator.unit))
    let upward = target.comparison == .atLeast || target.comparison == .greater
    let low = row.ciLow.map { format($0, unit: indicator.unit) }
    let high = row.ciHigh.map { format($0, unit: indicator.unit) }
    let estimate = indicator.kind != .responseRate
    let intervalName = word("l’intervalle à 95", "the 95") + typography.percentSign + word("", " interval")
    switch verdict {
    case .met:
      guard estimate, let end = upward ? low : high, let bound = upward ? row.ciLow : row.ciHigh else {
        return Prose.capitalised(goal) + word(" est atteint.", " is met.")
      }
      // Past the target, or on it (a target of ≥ 75 reached at 75 exactly).
      let beyond = indicator.unit.reported(bound) != indicator.unit.reported(value)
      let verb =
        upward
        ? (beyond ? word(" le dépasse.", " is above it.") : word(" l’atteint.", " reaches it."))
        : (beyond ? word(" reste en dessous.", " stays below it.") : word(" l’atteint.", " reaches it."))
      return Prose.capitalised(goal) + word(" est atteint", " is met") + typography.colon
        + word(
          upward ? "même le bas de " : "même le haut de ",
          upward ? "even the low end of " : "even the high end of ")
        + intervalName + " (" + end + ")" + verb
    case .notMet:
      guard estimate, let end = upward ? high : low else {
        return Prose.capitalised(goal) + word(" n’est pas atteint.", " is not met.")
      }
      return Prose.capitalised(goal) + word(" n’est pas atteint", " is not met") + typography.colon
        + word(
          upward ? "même le haut de " : "même le bas de ",
          upward ? "even the high end of " : "even the low end of ")
        + intervalName + " (" + end + ")"
        + word(upward ? " reste en dessous." : " le dépasse.", upward ? " is below it." : " is above it.")
    case .notConclusive:
      let n = row.n ?? 0
      let base =
        n == 1
        ? word("Avec une seule réponse", "With a single answer") : word("Avec ", "With ") + prose.answers(n)
      var sentence =
        base
        + word(", on ne peut pas dire si \(goal) est atteint", ", whether \(goal) is met cannot be told")
      if let low, let high {
        sentence +=
          typography.colon + intervalName + " (" + prose.range(low, high) + ")"
          + word(" le contient", " contains it")
      }
      return sentence + "."
    }
  }

  /// `l’objectif de 80 %` / `the target of 80%`, in lower case.
  func targetPhrase(_ comparison: Target.Comparison, _ value: String) -> String {
    let apostrophe = Typography.apostrophe
    if isFrench {
      switch comparison {
      case .atLeast: return "l\(apostrophe)objectif de \(value)"
      case .atMost: return "l\(apostrophe)objectif d\(apostrophe)au plus \(value)"
      case .greater: return "l\(apostrophe)objectif de plus de \(value)"
      case .less: return "l\(apostrophe)objectif de moins de \(value)"
      case .equal: return "l\(apostrophe)objectif d\(apostrophe)exactement \(value)"
      }
    }
    switch comparison {
    case .atLeast: return "the \(value) target"
    case .atMost: return "the target of at most \(value)"
    case .greater: return "the target of more than \(value)"
    case .less: return "the target of less than \(value)"
    case .equal: return "the target of exactly \(value)"
    }
  }

  // MARK: Items compared

  /// The per-item indicators whose items separate, one finding each; when
  /// none separates, one finding that no item stands out.
  func itemFindings() -> (clear: [String], unclear: [String]) {
    var findings: [String] = []
    var unclear: [IndicatorResult] = []
    var ranges: [ClosedRange<Int>] = []
    for indicator in results.indicators where indicator.perItem && indicator.kind != .borda {
      guard let comparison = indicator.comparison(), comparison.entries.count > 1 else { continue }
      if comparison.noClearDifference {
        unclear.append(indicator)
        if let range = comparison.nRange { ranges.append(range) }
      } else if let sentence = comparisonSentence(indicator, comparison) {
        findings.append(finding(md(indicator.label), [sentence]))
      }
    }
    var none: [String] = []
    if findings.isEmpty, !unclear.isEmpty, let low = ranges.map(\.lowerBound).min(),
      let high = ranges.map(\.upperBound).max()
    {
      let section = results.items.first { $0.indicators.contains(unclear[0].id) }
      let lead =
        section.map { md(loopTitle($0.title)) } ?? word("Les éléments comparés", "The items compared")
      let labels = prose.list(unclear.map { typography.quoted(md($0.label)) }, conjunction: word("et", "and"))
      none.append(
        finding(
          lead,
          [
            word("À ", "At ") + prose.nEquals(low...high)
              + word(
                ", aucun ne se détache nettement des autres" + typography.colon
                  + "leurs intervalles à 95" + typography.percentSign + " se recouvrent pour " + labels + ".",
                ", none stands out clearly from the others: their 95% intervals overlap for " + labels + ".")
          ]))
    }
    return (findings, none)
  }

  /// Which items come first, tied or clearly ahead, at which n — or that
  /// there is no clear difference: the engine's `ItemComparison` in words.
  func comparisonSentence(_ indicator: IndicatorResult, _ comparison: ItemComparison) -> String? {
    guard comparison.entries.count > 1, let range = comparison.nRange else { return nil }
    func value(_ entry: ItemComparison.Entry) -> String {
      let row = indicator.overall.first { $0.item?.code == entry.item.code }
      if let row, indicator.kind == .share || indicator.kind == .topBox, let n = row.n, let count = row.count
      {
        return prose.shareInParentheses(count, of: n)
      }
      return format(entry.value, unit: indicator.unit)
    }
    func named(_ entry: ItemComparison.Entry) -> String {
      indicator.kind == .borda ? typography.quoted(md(entry.item.label)) : prose.definite(name(entry.item))
    }
    func withValue(_ entry: ItemComparison.Entry) -> String { named(entry) + " (" + value(entry) + ")" }
    func allFeminine(_ entries: [ItemComparison.Entry]) -> Bool {
      indicator.kind != .borda && entries.allSatisfy { name($0.item).gender == .feminine }
    }
    let n = word(", à ", ", at ") + prose.nEquals(range) + "."
    if comparison.noClearDifference {
      if Set(comparison.entries.map(\.reported)).count == 1, let first = comparison.entries.first {
        return Prose.capitalised(prose.list(comparison.entries.map(named)))
          + word(" sont à égalité (", " are level (") + value(first)
          + word(allFeminine(comparison.entries) ? " chacune" : " chacun", " each") + ")" + n
      }
      return word("Pas de différence nette entre ", "No clear difference between ")
        + prose.list(comparison.entries.map(withValue)) + typography.colon
        + word("leurs intervalles à 95", "their 95") + typography.percentSign
        + word(" se recouvrent", " intervals overlap") + n
    }
    let leaders = comparison.leaders
    let trailing = comparison.trailing
    let top = comparison.tiedFirst.filter { entry in leaders.contains { $0.item == entry.item } }
    let rest = leaders.filter { entry in !top.contains { $0.item == entry.item } }
    var sentence: String
    if top.count == 1, let first = top.first {
      sentence =
        Prose.capitalised(named(first)) + word(" arrive en tête (", " comes first (") + value(first) + ")"
    } else {
      sentence =
        Prose.capitalised(prose.list(top.map(named)))
        + word(" sont à égalité en tête (", " share first place (") + value(top[0]) + ")"
    }
    if rest.isEmpty,
      trailing.allSatisfy({ entry in top.allSatisfy { $0.clearlyAheadOf.contains(entry.item.code) } })
    {
      return sentence + word(", nettement devant ", ", clearly ahead of ")
        + prose.list(trailing.map(withValue)) + n
    }
    if !rest.isEmpty {
      sentence += word(", sans écart net avec ", ", with no clear gap to ") + prose.list(rest.map(withValue))
    }
    // The entries clearly behind, grouped by who they are clearly behind.
    var groups: [(ahead: [ItemComparison.Entry], entries: [ItemComparison.Entry])] = []
    for entry in trailing {
      let ahead = leaders.filter { $0.clearlyAheadOf.contains(entry.item.code) }
      if let index = groups.firstIndex(where: { $0.ahead.map(\.item) == ahead.map(\.item) }) {
        groups[index].entries.append(entry)
      } else {
        groups.append((ahead, [entry]))
      }
    }
    for group in groups {
      let behind =
        group.ahead.count == leaders.count && leaders.count > 2
        ? word(allFeminine(leaders) ? "chacune d’elles" : "chacun d’eux", "each of them")
        : prose.list(group.ahead.map(named))
      sentence +=
        typography.semicolon + prose.list(group.entries.map(withValue))
        + word(
          group.entries.count == 1 ? " vient nettement derrière " : " viennent nettement derrière ",
          group.entries.count == 1 ? " comes clearly behind " : " come clearly behind ") + behind
    }
    return sentence + n
  }

  // MARK: Discovered, limits, lowest

  /// What most people discovered: the items the most respondents did not
  /// know before the day (`synthesis: discovered`).
  func discoveryFinding() -> String? {
    guard let role = survey.synthesis?.discovered else { return nil }
    let summaries = results.questions.filter { $0.questionID == role.question && $0.answered > 0 }
    let counted = summaries.map { summary -> (QuestionSummary, Int) in
      (summary, summary.distribution.filter { role.values.contains($0.value) }.reduce(0) { $0 + $1.count })
    }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
    guard let first = counted.first else { return nil }
    let lead = word("Ce que la journée a fait découvrir", "What the day introduced")
    guard first.0.item != nil else {
      let answers = first.0.distribution.filter { role.values.contains($0.value) }.map { md($0.label) }
      return finding(
        lead,
        [
          word("À la question ", "Asked ") + typography.quoted(md(first.0.label)) + ", "
            + Prose.lowercasedStart(choiceSentence(count: first.1, of: first.0.answered, answers: answers))
        ])
    }
    let parts = counted.enumerated().map { index, entry -> String in
      let item = entry.0.item.map(name).map(prose.definite) ?? ""
      let share =
        index == 0
        ? prose.shareOfRespondents(entry.1, of: entry.0.answered) : prose.share(entry.1, of: entry.0.answered)
      return index == 0 ? share + word(" ne connaissaient pas ", " did not know ") + item : share + " " + item
    }
    return finding(lead, [word("Avant la journée, ", "Before the day, ") + prose.list(parts) + "."])
  }

  /// The limit cited most across the items (`synthesis: limits`).
  func limitFinding() -> String? {
    guard let id = survey.synthesis?.limits else { return nil }
    let summaries = results.questions.filter { $0.questionID == id && $0.answered > 0 }
    guard let first = summaries.first else { return nil }
    var totals: [String: Int] = [:]
    for summary in summaries {
      for entry in summary.distribution where entry.value != "other" {
        totals[entry.value, default: 0] += entry.count
      }
    }
    let codes = first.distribution.map(\.value)
    guard
      let top = codes.enumerated().max(by: { a, b in
        let (ta, tb) = (totals[a.element] ?? 0, totals[b.element] ?? 0)
        return ta != tb ? ta < tb : a.offset > b.offset
      })?.element, let total = totals[top], total > 0,
      let label = first.distribution.first(where: { $0.value == top })?.label
    else { return nil }
    let lead = word("La limite la plus citée", "The limit cited most")
    let cited = summaries.compactMap { summary -> (QuestionSummary, Int)? in
      let count = summary.distribution.first { $0.value == top }?.count ?? 0
      return count > 0 ? (summary, count) : nil
    }
    let parts = cited.enumerated().map { index, entry -> String in
      let share =
        index == 0
        ? prose.shareOfRespondents(entry.1, of: entry.0.answered) : prose.share(entry.1, of: entry.0.answered)
      let item = entry.0.item.map { word(" pour ", " for ") + prose.definite(name($0)) } ?? ""
      return share + item
    }
    let opening = Prose.capitalised(typography.quoted(md(label)))
    if first.item == nil {
      return finding(
        lead,
        [
          opening + word(" revient le plus souvent", " comes up most often") + typography.colon
            + (parts.first ?? "") + "."
        ])
    }
    return finding(
      lead,
      [
        opening + word(" revient le plus souvent", " comes up most often") + typography.colon
          + word("cette limite est citée par ", "this limit is cited by ") + prose.list(parts) + "."
      ])
  }

  /// The lowest average among the rated questions (scales and matrix rows
  /// outside loops), measured on each scale's own range.
  func lowestFinding() -> String? {
    var candidates: [(score: Double, text: String)] = []
    for summary in results.questions
    where summary.item == nil && !profileSectionIDs.contains(summary.sectionID) {
      guard let scale = scale(forKey: summary.key), scale.max > scale.min else { continue }
      let span = Double(scale.max - scale.min)
      if summary.type == "scale", let statistics = summary.statistics, let mean = statistics.mean {
        candidates.append(
          (
            (mean - Double(scale.min)) / span,
            word("La question ", "The question ") + typography.quoted(md(summary.label))
              + word(" obtient la note moyenne la plus basse, ", " gets the lowest average score, ")
              + lowestFigure(mean, scale: scale, n: statistics.n) + "."
          ))
      } else if let matrix = summary.matrix {
        for row in matrix.rows {
          guard let mean = row.statistics.mean else { continue }
          candidates.append(
            (
              (mean - Double(scale.min)) / span,
              Prose.capitalised(typography.quoted(md(row.row.label)))
                + word(" obtient la note moyenne la plus basse, ", " gets the lowest average score, ")
                + lowestFigure(mean, scale: scale, n: row.answered) + word(", à la question ", ", in ")
                + typography.quoted(md(summary.label)) + "."
            ))
        }
      }
    }
    guard candidates.count >= 2, let lowest = candidates.min(by: { $0.score < $1.score }) else { return nil }
    return finding(word("Le moins bien noté", "Rated lowest"), [lowest.text])
  }

  func lowestFigure(_ mean: Double, scale: Scale, n: Int) -> String {
    typography.number(mean, decimals: 1) + word(" sur ", " out of ") + typography.integer(scale.max) + " ("
      + prose.answers(n) + ")"
  }
}
