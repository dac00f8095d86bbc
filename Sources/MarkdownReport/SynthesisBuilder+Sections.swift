import Aggregation
import SurveyDefinition

extension SynthesisBuilder {
  // MARK: Question summaries

  /// Ids of the sections that hold a breakdown question: they describe who
  /// answered, so they are shown only through the breakdowns, and their free
  /// text (a territory's name…) is never quoted.
  var profileSectionIDs: Set<String> {
    Set(
      survey.sections.filter { section in section.questions.contains { survey.breakdowns.contains($0.id) } }
        .map(\.id))
  }

  /// One or two sentences summarising a question, or `nil` for the types
  /// shown elsewhere (free text in the verbatims, rankings in their own part).
  mutating func questionContext(_ summary: QuestionSummary) -> QuestionContext? {
    let answered = sentences.answersCount(summary.answered)
    var text: String
    var chart: ChartContext?
    switch summary.type {
    case "scale":
      guard let statistics = summary.statistics, let mean = statistics.mean else { return nil }
      let scale = scale(forKey: summary.key)
      text = word("Note moyenne", "Average score") + typography.colon + typography.number(mean, decimals: 1)
      if let scale { text += word(" sur \(scale.max)", " out of \(scale.max)") }
      if let low = statistics.ciLow, let high = statistics.ciHigh {
        text +=
          word(", intervalle à 95", ", 95") + typography.percentSign + word(" ", " interval ")
          + md(typography.interval(typography.number(low, decimals: 1), typography.number(high, decimals: 1)))
      }
      if let topBox = statistics.topBox, let scale {
        let labels = scale.topPoints.map { md(scale.labels[$0]?.text(results.survey.language) ?? "\($0)") }
        text +=
          typography.semicolon + sentences.list(labels.map(typography.quoted), conjunction: word("ou", "or"))
          + typography.colon + typography.percent(topBox)
      }
      text += " (\(answered)\(notApplicableNote(summary.notApplicable)))."
      if let scale {
        chart = divergingChart(
          file: "figures/question-\(summary.key).svg", title: summary.label, scale: scale,
          rows: [(word("Ensemble des répondants", "All respondents"), summary.distribution)])
      }
    case "matrix":
      guard let matrix = summary.matrix else { return nil }
      let means = matrix.rows.compactMap { row -> String? in
        guard let mean = row.statistics.mean else { return nil }
        return typography.quoted(md(row.row.label)) + " " + typography.number(mean, decimals: 1)
      }
      guard !means.isEmpty else { return nil }
      let scale = scale(forKey: summary.key)
      text = word("Notes moyennes", "Average scores")
      if let scale { text += word(" sur \(scale.max)", " out of \(scale.max)") }
      text += typography.colon + means.joined(separator: typography.semicolon) + " (\(answered))."
      if let scale {
        chart = divergingChart(
          file: "figures/question-\(summary.key).svg", title: summary.label, scale: scale,
          rows: matrix.rows.map { ($0.row.label, $0.distribution) })
      }
    case "nps":
      guard let nps = summary.nps, let score = nps.score else { return nil }
      text =
        word("Score de recommandation (NPS)", "Net promoter score") + typography.colon
        + typography.number(score, signed: true)
      if let low = nps.ciLow, let high = nps.ciHigh {
        text +=
          " "
          + md(
            typography.interval(typography.number(low, signed: true), typography.number(high, signed: true)))
      }
      text +=
        typography.semicolon
        + word(
          "\(nps.promoters) promoteur\(nps.promoters > 1 ? "s" : "") (9 ou 10), \(nps.passives) passif\(nps.passives > 1 ? "s" : "") (7 ou 8), \(nps.detractors) détracteur\(nps.detractors > 1 ? "s" : "") (0 à 6)",
          "\(nps.promoters) promoter\(nps.promoters == 1 ? "" : "s") (9 or 10), \(nps.passives) passive\(nps.passives == 1 ? "" : "s") (7 or 8), \(nps.detractors) detractor\(nps.detractors == 1 ? "" : "s") (0 to 6)"
        ) + " (\(answered))."
    case "single", "boolean":
      let entries = summary.distribution.filter { $0.count > 0 }
      guard !entries.isEmpty else { return nil }
      text =
        entries.map { entry in
          typography.quoted(md(entry.label)) + typography.colon + typography.integer(entry.count) + " ("
            + typography.integer(entry.percent) + typography.percentSign + ")"
        }.joined(separator: typography.semicolon) + " (\(answered))."
    case "multiple":
      let cited = summary.distribution.filter { $0.count > 0 }.enumerated()
        .sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.prefix(3).map(\.element)
      guard !cited.isEmpty else { return nil }
      let respondents = summary.answered
      text =
        word(
          cited.count > 1 ? "Les plus citées" : "La plus citée", cited.count > 1 ? "Most cited" : "Most cited"
        )
        + typography.colon
        + cited.map { entry in
          typography.quoted(md(entry.label)) + " (" + typography.integer(entry.count) + word(" sur ", " of ")
            + typography.integer(respondents) + ", " + typography.integer(entry.percent)
            + typography.percentSign
            + ")"
        }.joined(separator: typography.semicolon)
        + typography.semicolon + word("plusieurs réponses possibles.", "several answers allowed.")
    case "number":
      guard let statistics = summary.statistics, let mean = statistics.mean else { return nil }
      text = word("Moyenne", "Mean") + typography.colon + typography.number(mean, decimals: 1)
      if let median = statistics.median {
        text += word(", médiane ", ", median ") + typography.number(median, decimals: 1)
      }
      text += " (\(answered))."
    default:
      return nil
    }
    return QuestionContext(label: md(summary.label), summary: text, chart: chart)
  }

  func notApplicableNote(_ count: Int) -> String {
    guard count > 0 else { return "" }
    return ", " + typography.integer(count) + word(" sans avis", " no opinion")
  }

  mutating func sectionContexts(beforeLoops: Bool) -> [SectionContext] {
    let firstLoop = survey.sections.firstIndex { $0.forEach != nil } ?? survey.sections.count
    var contexts: [SectionContext] = []
    for (index, section) in survey.sections.enumerated() {
      guard section.forEach == nil, !profileSectionIDs.contains(section.id) else { continue }
      // Without a loop, every section comes before (there is no "after").
      guard beforeLoops == (index < firstLoop) else { continue }
      var questions: [QuestionContext] = []
      for summary in results.questions where summary.sectionID == section.id && summary.item == nil {
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
