import SurveyDefinition

/// The survey's rules as the questionnaire uses them: conditions and answer
/// checks are `SurveyDefinition`'s, never re-implemented here.
enum SurveyRules {
  static func shownInstances(of flow: SurveyFlow, answers: Answers) -> [QuestionInstance] {
    flow.shownInstances(answers: answers)
  }

  /// Why `value` cannot be stored under `field`, in `language`; `nil` when it can.
  static func problem(with value: AnswerValue, for field: AnswerField, language: String) -> String? {
    do {
      try field.check(value)
      return nil
    } catch {
      return error.message(language: language)
    }
  }
}
