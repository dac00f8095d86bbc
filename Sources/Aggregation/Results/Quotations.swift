import SurveyDefinition

/// Which free-text answers the funder files quote: one choice, shared by the
/// synthesis and the workbook's comments sheet, so that no file a funder
/// receives holds a free text the other does not publish. Every answer stays
/// in the internal workbook's raw data.
public enum Quotations {
  /// At most this many quotations per question.
  public static let perQuestion = 6

  /// Ids of the sections that hold a breakdown question: they describe who
  /// answered, so their free text (a territory's name…) is never quoted.
  public static func profileSectionIDs(of survey: Survey) -> Set<String> {
    Set(
      survey.sections.filter { section in section.questions.contains { survey.breakdowns.contains($0.id) } }
        .map(\.id))
  }

  /// Whether the funder files quote this question's answers at all: never
  /// the “Other (specify)” texts, nor the territory question (`synthesis:
  /// territory`, counted instead), nor the free text of a profile section
  /// unless the synthesis quotes it by role (`improve`, `next_steps`).
  public static func publishes(_ summary: FreeTextSummary, survey: Survey) -> Bool {
    guard !summary.isOther, summary.questionID != survey.synthesis?.territory,
      let section = survey.question(summary.questionID)?.section
    else { return false }
    let roles = survey.synthesis.map { $0.improve + $0.nextSteps } ?? []
    return roles.contains(summary.questionID) || !profileSectionIDs(of: survey).contains(section.id)
  }

  /// The positions in `summary.answers` of the answers quoted, in the order
  /// they were given: never one from a group below the minimum size; a
  /// sentence several people wrote quoted once (compared without case or
  /// spacing differences); the `perQuestion` longest.
  ///
  /// - Returns: the positions chosen, and how many distinct answers could
  ///   have been (the synthesis says “the 6 longest answers, out of 9”).
  public static func chosen(_ summary: FreeTextSummary) -> (positions: [Int], candidates: Int) {
    var candidates: [(offset: Int, length: Int)] = []
    candidates.reserveCapacity(summary.answers.count)
    var seen: Set<String> = []
    for (offset, answer) in summary.answers.enumerated() where !answer.fromSmallGroup {
      let words = answer.text.split(whereSeparator: \.isWhitespace)
      guard !words.isEmpty, seen.insert(words.joined(separator: " ").lowercased()).inserted else { continue }
      candidates.append((offset, answer.text.count))
    }
    let positions = candidates.sorted { ($1.length, $0.offset) < ($0.length, $1.offset) }
      .prefix(perQuestion).map(\.offset).sorted()
    return (positions, candidates.count)
  }
}
