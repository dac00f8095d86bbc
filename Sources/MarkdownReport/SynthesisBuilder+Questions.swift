import Aggregation
import SurveyDefinition

extension SynthesisBuilder {
  // MARK: Question summaries

  /// Ids of the sections that hold a breakdown question: they describe who
  /// answered, so they are shown in “who answered” and through the
  /// breakdowns, and their free text (a territory's name…) is never quoted.
  var profileSectionIDs: Set<String> { Quotations.profileSectionIDs(of: survey) }

  /// The questions the synthesis tells elsewhere (`synthesis:` roles).
  var claimedQuestionIDs: Set<String> {
    guard let roles = survey.synthesis else { return [] }
    return Set(roles.improve + roles.nextSteps + [roles.territory].compactMap { $0 })
  }

  /// One or two sentences summarising a question, or `nil` for the types
  /// shown elsewhere (free text in the quotations, rankings in their own part).
  mutating func questionContext(_ summary: QuestionSummary) -> QuestionContext? {
    var text: String
    var lines: [String] = []
    var chart: ChartContext?
    switch summary.type {
    case "scale":
      guard let statistics = summary.statistics, let mean = statistics.mean else { return nil }
      let scale = scale(forKey: summary.key)
      text = word("Note moyenne de ", "Average score ") + typography.number(mean, decimals: 1)
      if let scale { text += word(" sur ", " out of ") + typography.integer(scale.max) }
      text +=
        word(", sur ", ", over ") + prose.answers(statistics.n) + notApplicableNote(summary, scale: scale)
      if let low = statistics.ciLow, let high = statistics.ciHigh {
        text +=
          " (" + prose.interval(typography.number(low, decimals: 1), typography.number(high, decimals: 1))
          + ")"
      }
      if let count = statistics.topBoxCount, let scale {
        let labels = scale.topPoints.map { md(scale.labels[$0]?.text(results.survey.language) ?? "\($0)") }
        text +=
          typography.semicolon + prose.shareOfRespondents(count, of: statistics.n)
          + word(" ont répondu ", " answered ")
          + prose.list(labels.map(typography.quoted), conjunction: word("ou", "or"))
      }
      text += "."
      if let scale {
        chart = divergingChart(
          file: "figures/question-\(summary.key).svg", title: summary.label, scale: scale,
          rows: [(word("Ensemble des répondants", "All respondents"), summary.distribution)])
      }
    case "matrix":
      guard let matrix = summary.matrix else { return nil }
      let scale = scale(forKey: summary.key)
      lines = matrix.rows.compactMap { row -> String? in
        guard let mean = row.statistics.mean else { return nil }
        var line =
          typography.quoted(md(row.row.label)) + typography.colon + typography.number(mean, decimals: 1)
        if let low = row.statistics.ciLow, let high = row.statistics.ciHigh {
          line +=
            " (" + prose.range(typography.number(low, decimals: 1), typography.number(high, decimals: 1))
            + ")"
        }
        return line + ", " + prose.answers(row.answered)
      }
      guard !lines.isEmpty else { return nil }
      lines = listItems(lines)
      text =
        word("Notes moyennes", "Average scores")
        + (scale.map { word(" sur ", " out of ") + typography.integer($0.max) } ?? "")
        + word(", avec leur intervalle à 95", ", with their 95") + typography.percentSign
        + word(" et leur nombre de réponses", " interval and their number of answers")
        + typography.colon.trimmingSuffixSpace
      if let scale {
        chart = divergingChart(
          file: "figures/question-\(summary.key).svg", title: summary.label, scale: scale,
          rows: matrix.rows.map { ($0.row.label, $0.distribution) })
      }
    case "nps":
      guard let nps = summary.nps, let score = nps.score else { return nil }
      text =
        word("Score de recommandation de ", "Recommendation score ") + typography.number(score, signed: true)
        + word(", sur une échelle de ", ", on a scale from ") + Typography.minus + "100" + word(" à ", " to ")
        + "+100"
      if let low = nps.ciLow, let high = nps.ciHigh {
        text +=
          " (" + prose.interval(typography.number(low, signed: true), typography.number(high, signed: true))
          + ")"
      }
      text += ". " + npsExplanation(nps)
    case "single", "boolean":
      let entries = summary.distribution.filter { $0.count > 0 }
      guard !entries.isEmpty else { return nil }
      text =
        entries.enumerated().map { index, entry in
          typography.quoted(md(entry.label)) + typography.colon
            + (index == 0
              ? prose.shareOfRespondents(entry.count, of: summary.answered)
              : prose.share(entry.count, of: summary.answered))
        }.joined(separator: typography.semicolon) + "."
    case "multiple":
      let cited = mostTicked(summary)
      guard !cited.isEmpty else { return nil }
      text =
        word("Réponses les plus cochées (plusieurs possibles)", "Most ticked answers (several allowed)")
        + typography.colon
        + prose.list(
          cited.enumerated().map { index, entry in
            typography.quoted(md(entry.label)) + word(" par ", " by ")
              + (index == 0
                ? prose.shareOfRespondents(entry.count, of: summary.answered)
                : prose.share(entry.count, of: summary.answered))
          }) + "."
    case "number":
      guard let statistics = summary.statistics, let mean = statistics.mean else { return nil }
      text = word("Moyenne de ", "Mean ") + typography.number(mean, decimals: 1)
      if let median = statistics.median {
        text += word(", médiane ", ", median ") + typography.number(median, decimals: 1)
      }
      text += " (" + prose.answers(statistics.n) + ")."
    default:
      return nil
    }
    return QuestionContext(label: md(summary.label), summary: text, lines: lines, chart: chart)
  }

  /// The three answers ticked most, and any tied with the third.
  func mostTicked(_ summary: QuestionSummary) -> [DistributionEntry] {
    let sorted = summary.distribution.filter { $0.count > 0 }.enumerated()
      .sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.map(\.element)
    guard sorted.count > 3 else { return sorted }
    let third = sorted[2].count
    return Array(sorted.prefix { $0.count >= third }.prefix(5))
  }

  /// The NPS in plain words: who gives what, and what the score is.
  func npsExplanation(_ nps: NPSSummary) -> String {
    word(
      "Sur \(prose.answers(nps.n)), \(typography.integer(nps.promoters)) donnent 9 ou 10 sur 10, \(typography.integer(nps.passives)) donnent 7 ou 8 et \(typography.integer(nps.detractors)) donnent 6 ou moins"
        + typography.semicolon
        + "le score est la part des premiers moins la part des derniers.",
      "Of \(prose.answers(nps.n)), \(typography.integer(nps.promoters)) give 9 or 10 out of 10, \(typography.integer(nps.passives)) give 7 or 8 and \(typography.integer(nps.detractors)) give 6 or less; the score is the share of the first minus the share of the last."
    )
  }

  /// `, plus 1 « Je ne sais pas »`: the not-applicable answers of a scale.
  func notApplicableNote(_ summary: QuestionSummary, scale: Scale?) -> String {
    guard summary.notApplicable > 0 else { return "" }
    let label =
      scale?.notApplicable.map { typography.quoted(md($0.text(results.survey.language))) }
      ?? word("sans avis", "no opinion")
    return word(", plus ", ", plus ") + typography.integer(summary.notApplicable) + " " + label
  }

  /// The survey's sections outside loops and the profile, before or after
  /// the first loop, with the questions no other part tells.
  mutating func sectionContexts(beforeLoops: Bool) -> [SectionContext] {
    let firstLoop = survey.sections.firstIndex { $0.forEach != nil } ?? survey.sections.count
    let claimed = claimedQuestionIDs
    var contexts: [SectionContext] = []
    for (index, section) in survey.sections.enumerated() {
      guard section.forEach == nil, !profileSectionIDs.contains(section.id) else { continue }
      // Without a loop, every section comes before (there is no "after").
      guard beforeLoops == (index < firstLoop) else { continue }
      var questions: [QuestionContext] = []
      for summary in results.questions
      where summary.sectionID == section.id && summary.item == nil && !claimed.contains(summary.questionID) {
        if let context = questionContext(summary) { questions.append(context) }
      }
      if !questions.isEmpty {
        contexts.append(
          SectionContext(title: md(section.title.text(results.survey.language)), questions: questions))
      }
    }
    return contexts
  }
}
