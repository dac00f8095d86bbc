/// The flow of a survey prepared once: its question instances and answer fields
/// in asking order, the answer keys, and every `when:` condition resolved for the
/// loop item it is evaluated with. Deciding what a response shows then only
/// looks answers up, so the engine can run it on a million responses.
///
/// Build it once per survey (`SurveyFlow(survey)` or `survey.flow`) and keep it;
/// it is an immutable value, safe to share between tasks.
///
/// Visibility: an instance is shown when its section's `when` (evaluated once per
/// section, or once per item of a `for_each` section, with that item) and its own
/// `when` (with its item) both hold. Conditions are evaluated in asking order, and
/// the answers of an instance that is hidden count as unanswered for every later
/// condition: hiding a question also hides what depends on it, even when its answer
/// is still in the response (the questionnaire keeps it aside in case it shows again).
public struct SurveyFlow: Sendable {
  /// The survey this flow was built from.
  public let survey: Survey
  /// Every question instance in asking order (`Survey.instances`).
  public let instances: [QuestionInstance]
  /// Every answer field in asking order (`Survey.fields`): the answer schema.
  public let fields: [AnswerField]
  /// Every answer key of the survey.
  public let keys: Set<String>

  private struct Step: Sendable {
    /// Index of the section iteration (one per section, or per item of a loop).
    var group: Int
    var sectionCondition: CompiledCondition?
    var questionCondition: CompiledCondition?
    /// The keys of the instance's fields.
    var fieldKeys: [String]
  }

  private let steps: [Step]
  let fieldIndex: [String: Int]
  private let instanceIndex: [String: Int]
  /// For each field, the index of its instance.
  let fieldInstance: [Int]
  /// What a whole-response check needs of each field, aligned with ``fields``
  /// (reading it does not copy the large `AnswerField`).
  struct FieldRule: Sendable {
    var key: String
    /// The key of the field's instance: for a `KEY.other` text, the answer whose choice of "other" it goes with.
    var choiceKey: String
    var instance: Int
    var isOther: Bool
    var isContact: Bool
    var isRequired: Bool
  }

  let fieldRules: [FieldRule]

  /// Prepares the flow of `survey`.
  public init(_ survey: Survey) {
    self.survey = survey
    let instances = survey.instances
    self.instances = instances
    var fields: [AnswerField] = []
    var fieldInstance: [Int] = []
    for (index, instance) in instances.enumerated() {
      for field in instance.fields {
        fields.append(field)
        fieldInstance.append(index)
      }
    }
    self.fields = fields
    self.fieldInstance = fieldInstance
    fieldRules = fields.indices.map { index in
      let field = fields[index]
      return FieldRule(
        key: field.key, choiceKey: field.instance.key, instance: fieldInstance[index], isOther: field.isOther,
        isContact: field.valueType == .contact, isRequired: field.instance.question.required)
    }
    let keys = Set(fields.map(\.key))
    self.keys = keys
    fieldIndex = Dictionary(fields.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    instanceIndex = Dictionary(
      instances.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })

    var steps: [Step] = []
    var group = -1
    var previous: (section: String, item: String?)?
    var sectionCondition: CompiledCondition?
    for instance in instances {
      let item = instance.item?.code
      if previous?.section != instance.section.id || previous?.item != item {
        group += 1
        previous = (instance.section.id, item)
        sectionCondition = instance.section.condition.map {
          CompiledCondition($0, item: item, survey: survey, keys: keys)
        }
      }
      steps.append(
        Step(
          group: group, sectionCondition: sectionCondition,
          questionCondition: instance.question.condition.map {
            CompiledCondition($0, item: item, survey: survey, keys: keys)
          },
          fieldKeys: instance.fields.map(\.key)))
    }
    self.steps = steps
  }

  /// Whether each instance is shown, aligned with ``instances``.
  public func visibility(answers: Answers) -> [Bool] {
    visibility(answers: answers, upTo: instances.count)
  }

  /// Visibility of the first `count` instances (conditions only look back).
  private func visibility(answers: Answers, upTo count: Int) -> [Bool] {
    var shown = [Bool](repeating: true, count: count)
    var hiddenKeys: Set<String> = []
    let lookup: (String) -> AnswerValue? = { key in
      hiddenKeys.isEmpty || !hiddenKeys.contains(key) ? answers[key] : nil
    }
    var group = -1
    var groupShown = true
    for index in 0..<count {
      let step = steps[index]
      if step.group != group {
        group = step.group
        groupShown = step.sectionCondition?.evaluate(lookup) ?? true
      }
      var visible = groupShown
      if visible, let condition = step.questionCondition { visible = condition.evaluate(lookup) }
      if !visible {
        shown[index] = false
        hiddenKeys.formUnion(step.fieldKeys)
      }
    }
    return shown
  }

  /// The instances shown for `answers`, in asking order.
  public func shownInstances(answers: Answers) -> [QuestionInstance] {
    zip(instances, visibility(answers: answers)).compactMap { $1 ? $0 : nil }
  }

  /// Whether `instance` is shown for `answers`; `false` for an instance of another survey.
  public func isShown(_ instance: QuestionInstance, answers: Answers) -> Bool {
    guard let index = instanceIndex[instance.key] else { return false }
    return visibility(answers: answers, upTo: index + 1)[index]
  }

  /// Whether the instance of `key` (an instance or field key) is shown for
  /// `answers`; `false` for a key the survey does not have.
  public func isShown(key: String, answers: Answers) -> Bool {
    guard let index = instanceIndex[key] ?? fieldIndex[key].map({ fieldInstance[$0] }) else { return false }
    return visibility(answers: answers, upTo: index + 1)[index]
  }

  /// The answers that count for `answers`: without the answers of hidden
  /// instances, and without a `KEY.other` text whose question no longer has
  /// "other" chosen. Keys the survey does not have are kept (``Survey/checkResponse(answers:contacts:complete:)``
  /// reports them).
  ///
  /// The questionnaire keeps the removed answers aside and restores them if the
  /// participant's changes show the question again; what it stores and submits is
  /// the pruned response.
  public func pruned(answers: Answers) -> Answers {
    let shown = visibility(answers: answers)
    var result = answers
    for (index, step) in steps.enumerated() where !shown[index] {
      for key in step.fieldKeys { result[key] = nil }
    }
    for rule in fieldRules where rule.isOther && shown[rule.instance] {
      if result[rule.key] != nil && !Self.choosesOther(result[rule.choiceKey]) {
        result[rule.key] = nil
      }
    }
    return result
  }

  /// The field stored under `key`, if the survey has one.
  public func field(forKey key: String) -> AnswerField? {
    fieldIndex[key].map { fields[$0] }
  }

  /// The instance whose key is `key` (`q` or `q.ITEM`).
  public func instance(forKey key: String) -> QuestionInstance? {
    instanceIndex[key].map { instances[$0] }
  }

  /// Whether a single or multiple answer selects "other".
  static func choosesOther(_ value: AnswerValue?) -> Bool {
    switch value {
    case .code("other")?: true
    case .codes(let codes)?: codes.contains("other")
    default: false
    }
  }
}
