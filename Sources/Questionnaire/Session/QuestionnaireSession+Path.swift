import Foundation
import SurveyDefinition

/// What a section says before its first question: its `intro`, and for a
/// `for_each` section the items it comes back for, with the current one.
public struct SectionIntro: Sendable, Equatable {
  public var section: Section
  /// The loop item this pass is about (`nil` outside loops).
  public var item: Choice?
  public var itemIndex: Int?
}

/// How many questions a participant meets and about how long they take: the
/// least (every conditional question hidden) and the most (all shown).
public struct PathLength: Sendable, Equatable {
  public var questions: ClosedRange<Int>
  public var minutes: ClosedRange<Int>
}

extension QuestionnaireSession {
  /// The intro to show before `instance`: when it is the first shown
  /// question of its section (or of one item's pass through a loop) and that
  /// section has an `intro` or loops.
  public func intro(before instance: QuestionInstance) -> SectionIntro? {
    let section = instance.section
    guard section.intro != nil || section.forEach != nil, let index = index(of: instance.key) else {
      return nil
    }
    if index > 0 {
      let previous = shown[index - 1]
      if previous.section.id == section.id && previous.itemIndex == instance.itemIndex { return nil }
    }
    return SectionIntro(section: section, item: instance.item, itemIndex: instance.itemIndex)
  }

  /// The questions of the survey from the fewest a participant can be
  /// asked (those without a condition, in sections without one) to the most.
  public func pathLength() -> PathLength {
    let all = survey.instances
    let always = all.filter { $0.question.condition == nil && $0.section.condition == nil }
    let intros = Self.introSeconds(of: survey, language: language)
    let fewest = Self.seconds(always, language: language) + intros
    let most = Self.seconds(all, language: language) + intros
    return PathLength(
      questions: always.count...max(always.count, all.count),
      minutes: Self.minutes(fewest)...max(Self.minutes(fewest), Self.minutes(most)))
  }

  /// Whole minutes, at least 1, rounded up.
  static func minutes(_ seconds: Double) -> Int { max(1, Int((seconds / 60).rounded(.up))) }

  /// Seconds to read and answer `instances`: the words on screen (the
  /// question, its help, its choices, rows and end labels) at 3 words a
  /// second, plus the time of the widget's keys or of writing (free text).
  /// Calibrated so that the reference survey, which says "dix à quinze
  /// minutes", is estimated at 12 to 14.
  static func seconds(_ instances: [QuestionInstance], language: String) -> Double {
    instances.reduce(0) { total, instance in
      let question = instance.question
      var words = wordCount(instance.label.text(language)) + wordCount(instance.help?.text(language))
      var answering: Double
      switch question.kind {
      case .single(let choices, _):
        words += choices.reduce(0) { $0 + wordCount($1.label.text(language)) }
        answering = 4
      case .multiple(let choices, _, _, _, _):
        words += choices.reduce(0) { $0 + wordCount($1.label.text(language)) }
        answering = 8
      case .ranking(let choices, let pick):
        words += choices.reduce(0) { $0 + wordCount($1.label.text(language)) }
        answering = 6 + 4 * Double(pick)
      case .scale: answering = 5
      case .nps: answering = 4
      case .matrix(let rows, _):
        words += rows.reduce(0) { $0 + wordCount($1.label.text(language)) }
        answering = 5 * Double(rows.count)
      case .boolean: answering = 3
      case .number: answering = 8
      case .text: answering = 40
      case .longText: answering = 90
      case .email: answering = 15
      }
      return total + Double(words) / 3 + answering
    }
  }

  /// Reading the section intros, once per loop pass.
  static func introSeconds(of survey: Survey, language: String) -> Double {
    survey.sections.reduce(0) { total, section in
      let passes = section.forEach == nil ? 1 : section.items.count
      return total + Double(wordCount(section.intro?.text(language)) * passes) / 3
    }
  }

  private static func wordCount(_ text: String?) -> Int {
    text?.split(whereSeparator: { $0.isWhitespace }).count ?? 0
  }

  /// How many of the shown questions have an answer (a grid counts once).
  public var answeredCount: Int { shown.filter(isAnswered).count }

  /// Contact answers (emails) that the other answers now hide: the follow-up
  /// they were given for was withdrawn. They are deleted at once, not at
  /// submission, so that a withdrawn address is never kept.
  public func withdrawnContactKeys() -> [String] {
    let contactKeys = Set(survey.fields.filter { $0.valueType == .contact }.map(\.key))
    return hiddenKeys().filter { contactKeys.contains($0) }
  }

  /// Forgets the contact answers under `keys` (after they were deleted from the store).
  public mutating func forgetContacts(_ keys: [String]) {
    guard !keys.isEmpty else { return }
    apply(Dictionary(uniqueKeysWithValues: keys.map { ($0, AnswerValue?.none) }), contactKeys: Set(keys))
  }
}
