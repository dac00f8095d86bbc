import Aggregation
import SurveyDefinition

extension SynthesisBuilder {
  // MARK: Participants' words

  /// At most this many quotations per question.
  static var quotationsPerQuestion: Int { 6 }

  /// The quotations of one free-text question: never from a group below the
  /// minimum size, masked (again) and escaped, a sentence several people
  /// wrote quoted once; the longest answers, in the order they were given.
  func quotations(_ summary: FreeTextSummary) -> VerbatimGroup? {
    let language = results.survey.language
    // Each text escaped and measured once (at most `verbatimLimit` of them).
    var candidates: [(offset: Int, text: String, length: Int)] = []
    candidates.reserveCapacity(summary.answers.count)
    var seen: Set<String> = []
    for (offset, answer) in summary.answers.enumerated() where !answer.fromSmallGroup {
      let text = md(typography.tidy(PersonalDataMasking.mask(answer.text, language: language)))
      guard !text.isEmpty, seen.insert(text.lowercased()).inserted else { continue }
      candidates.append((offset, text, text.count))
    }
    let chosen = candidates.sorted { ($1.length, $0.offset) < ($0.length, $1.offset) }
      .prefix(Self.quotationsPerQuestion).sorted { $0.offset < $1.offset }
    guard !chosen.isEmpty else { return nil }
    let intro: String
    if chosen.count == candidates.count {
      intro =
        chosen.count == 1
        ? word("La seule réponse donnée", "The only answer given") + typography.colon.trimmingSuffixSpace
        : word("Les réponses données", "The answers given") + " (" + typography.integer(chosen.count) + ")"
          + typography.colon.trimmingSuffixSpace
    } else {
      intro =
        word("Les ", "The ") + typography.integer(chosen.count)
        + word(" réponses les plus développées, sur ", " longest answers, out of ")
        + typography.integer(candidates.count) + typography.colon.trimmingSuffixSpace
    }
    return VerbatimGroup(
      question: md(summary.label), intro: intro, quotes: chosen.map { typography.quoted($0.text) },
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

  /// The free text no other part quotes, outside the profile sections and
  /// never the “Other (specify)” texts.
  func verbatimGroups() -> [VerbatimGroup] {
    let profile = profileSectionIDs
    let claimed = claimedQuestionIDs
    return results.freeText.compactMap { summary in
      guard !summary.isOther, !claimed.contains(summary.questionID),
        let section = survey.question(summary.questionID)?.section, !profile.contains(section.id)
      else { return nil }
      return quotations(summary)
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
}
