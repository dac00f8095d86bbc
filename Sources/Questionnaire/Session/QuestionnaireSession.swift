import BilanBase
import Foundation
import SurveyDefinition

/// The answers of one participant and where they are in the survey: the
/// logic of the questionnaire, shared by the terminal and plain modes, with
/// no I/O. Conditions are evaluated on every change, so the list of shown
/// questions (and the progress) always follows the answers.
public struct QuestionnaireSession: Sendable {
  public let survey: Survey
  public let language: String
  /// The survey's conditions, prepared once.
  let flow: SurveyFlow
  public private(set) var answers: Answers
  /// Email answers, by key: contact data, kept apart.
  public private(set) var contacts: [String: String]
  /// The question occurrences shown with the current answers, in order.
  public private(set) var shown: [QuestionInstance]

  public init(survey: Survey, language: String, answers: Answers = [:], contacts: [String: String] = [:]) {
    self.survey = survey
    self.language = language
    self.flow = survey.flow
    self.answers = answers
    self.contacts = contacts
    self.shown = []
    refresh()
  }

  private mutating func refresh() {
    var visible = answers
    for (key, value) in contacts { visible[key] = .text(value) }
    shown = SurveyRules.shownInstances(of: flow, answers: visible)
  }

  /// Whether a question occurrence has an answer (any of its fields for a matrix).
  public func isAnswered(_ instance: QuestionInstance) -> Bool {
    instance.fields.contains { !$0.isOther && (answers[$0.key] != nil || contacts[$0.key] != nil) }
  }

  public func index(of key: String) -> Int? { shown.firstIndex { $0.key == key } }

  public func progress(of key: String) -> Progress {
    Progress(index: (index(of: key) ?? 0) + 1, count: shown.count)
  }

  /// The question after `key` in the current flow (`nil` at the end).
  public func next(after key: String) -> QuestionInstance? {
    guard let index = index(of: key) else { return firstUnanswered() }
    return index + 1 < shown.count ? shown[index + 1] : nil
  }

  /// The question before `key` in the current flow.
  public func previous(before key: String) -> QuestionInstance? {
    guard let index = index(of: key) else { return shown.last }
    return index > 0 ? shown[index - 1] : nil
  }

  /// Where a resumed response continues: after the last answered question.
  public func resumePoint() -> QuestionInstance? {
    guard let last = shown.lastIndex(where: isAnswered) else { return shown.first }
    return last + 1 < shown.count ? shown[last + 1] : nil
  }

  public func firstUnanswered() -> QuestionInstance? { shown.first { !isAnswered($0) } }

  /// The first shown required question without an answer.
  public func missingRequired() -> QuestionInstance? {
    shown.first { $0.question.required && !isAnswered($0) }
  }

  /// Checks `values` (what the widget holds) with the survey's rules. Returns
  /// the changes to store: every field of the question, `nil` for a field
  /// left without an answer. Throws the participant-facing message.
  public func validate(
    _ values: [String: AnswerValue], for instance: QuestionInstance
  ) throws(RefusedAnswer)
    -> [String: AnswerValue?]
  {
    if values.isEmpty && instance.question.required {
      throw RefusedAnswer(key: instance.key, message: ToolText(language: language).required)
    }
    var changes: [String: AnswerValue?] = [:]
    for field in instance.fields {
      let value = values[field.key]
      if let value, let message = SurveyRules.problem(with: value, for: field, language: language) {
        throw RefusedAnswer(key: field.key, message: message)
      }
      changes[field.key] = value
    }
    if instance.question.required, case .matrix(let rows, _) = instance.question.kind {
      let missing = rows.filter { values["\(instance.key).\($0.code)"] == nil }
      if let row = missing.first {
        let words = ToolText(language: language)
        throw RefusedAnswer(
          key: "\(instance.key).\(row.code)",
          message: words.language == "fr"
            ? "Chaque ligne attend une réponse : « \(TextSanitizer.clean(row.label.text(language))) » n’en a pas."
            : "Every row needs an answer: “\(TextSanitizer.clean(row.label.text(language)))” has none.")
      }
    }
    return changes
  }

  /// Applies validated changes and re-evaluates the conditions.
  public mutating func apply(_ changes: [String: AnswerValue?], for instance: QuestionInstance) {
    apply(changes, contactKeys: Set(instance.fields.filter { $0.valueType == .contact }.map(\.key)))
  }

  mutating func apply(_ changes: [String: AnswerValue?], contactKeys: Set<String>) {
    for (key, value) in changes {
      if contactKeys.contains(key) {
        contacts[key] = value?.stringValue
      } else {
        answers[key] = value
      }
    }
    refresh()
  }

  /// Answers kept from questions that the later answers now hide: they are
  /// removed at submission, so a response holds only what was asked.
  public func hiddenKeys() -> [String] {
    var all = answers
    for (key, value) in contacts { all[key] = .text(value) }
    let kept = flow.pruned(answers: all)
    return all.keys.filter { kept[$0] == nil }.sorted()
  }

  /// Removes the hidden answers (before submission).
  public mutating func dropHidden() {
    for key in hiddenKeys() {
      answers[key] = nil
      contacts[key] = nil
    }
    refresh()
  }
}

/// A participant's answer that the survey's rules refuse, with why.
public struct RefusedAnswer: Error, Sendable, Equatable {
  /// The answer key concerned.
  public var key: String
  /// The explanation, in the participant's language.
  public var message: String
}
