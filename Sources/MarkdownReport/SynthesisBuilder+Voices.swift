import Aggregation
import SurveyDefinition

extension SynthesisBuilder {
  // MARK: Participants' words

  /// At most this many quotations per question.
  static var quotationsPerQuestion: Int { Quotations.perQuestion }

  /// The quotations of one free-text question, as `Quotations.chosen` picks
  /// them (the workbook's comments sheet quotes the same): never from a
  /// group below the minimum size, a sentence several people wrote quoted
  /// once, the longest answers in the order they were given; masked (again)
  /// and escaped.
  func quotations(_ summary: FreeTextSummary) -> VerbatimGroup? {
    let language = results.survey.language
    let (positions, candidates) = Quotations.chosen(summary)
    let chosen = positions.map {
      md(typography.tidy(PersonalDataMasking.mask(summary.answers[$0].text, language: language)))
    }
    guard !chosen.isEmpty else { return nil }
    let intro: String
    if chosen.count == candidates {
      intro =
        chosen.count == 1
        ? word("La seule réponse donnée", "The only answer given") + typography.colon.trimmingSuffixSpace
        : word("Les réponses données", "The answers given") + " (" + typography.integer(chosen.count) + ")"
          + typography.colon.trimmingSuffixSpace
    } else {
      intro =
        word("Les ", "The ") + typography.integer(chosen.count)
        + word(" réponses les plus développées, sur ", " longest answers, out of ")
        + typography.integer(candidates) + typography.colon.trimmingSuffixSpace
    }
    return VerbatimGroup(
      question: md(summary.label), intro: intro, quotes: chosen.map { typography.quoted($0) },
      cut: summary.isTruncated ? verbatimsCut(shown: summary.answers.count, total: summary.total) : nil)
  }

  /// What participants would improve: the `synthesis: improve` questions, quoted.
  func improvementGroups() -> [VerbatimGroup] {
    guard let ids = survey.synthesis?.improve else { return [] }
    return ids.flatMap { id in
      results.freeText.filter { $0.questionID == id && !$0.isOther }.compactMap(quotations)
    }
  }

  /// The next steps: each `synthesis: next_steps` question counted (choices,
  /// yes or no, scores) or quoted (text), in the order given.
  mutating func nextStepContexts() -> [NextStepContext] {
    guard let ids = survey.synthesis?.nextSteps else { return [] }
    var steps: [NextStepContext] = []
    for id in ids {
      for summary in results.questions where summary.questionID == id {
        if summary.type == "text" || summary.type == "long_text" {
          guard let free = results.freeText.first(where: { $0.key == summary.key && !$0.isOther }),
            let group = quotations(free)
          else { continue }
          steps.append(NextStepContext(label: group.question, summary: group.intro, quotes: group.quotes))
        } else if let context = questionContext(summary) {
          let lines = context.lines.isEmpty ? "" : " " + context.lines.joined(separator: " ")
          steps.append(NextStepContext(label: context.label, summary: context.summary + lines, quotes: []))
        }
      }
    }
    return steps
  }

  /// The free text no other part quotes, as `Quotations.publishes` allows
  /// (outside the profile sections, never the “Other (specify)” texts).
  func verbatimGroups() -> [VerbatimGroup] {
    let claimed = claimedQuestionIDs
    return results.freeText.compactMap { summary in
      guard Quotations.publishes(summary, survey: survey), !claimed.contains(summary.questionID) else {
        return nil
      }
      return quotations(summary)
    }
  }

  /// Quotations chosen among the first `shown` of `total` answers.
  func verbatimsCut(shown: Int, total: Int) -> String {
    let first = typography.integer(shown)
    let all = typography.integer(total)
    return word(
      "Citations choisies parmi les \(first) premières réponses sur \(all)\(typography.semicolon)toutes figurent dans le classeur interne.",
      "Quotations chosen from the first \(first) of \(all) answers\(typography.semicolon)all are in the internal workbook."
    )
  }
}
