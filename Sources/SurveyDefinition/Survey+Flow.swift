/// Which questions a response shows, straight from a survey. Each call prepares
/// a ``SurveyFlow``; keep one (`survey.flow`) when asking more than once.
extension Survey {
  /// The flow of this survey, prepared for repeated use.
  public var flow: SurveyFlow { SurveyFlow(self) }

  /// The question instances shown for `answers`, in asking order (see ``SurveyFlow``).
  public func shownInstances(answers: Answers) -> [QuestionInstance] {
    flow.shownInstances(answers: answers)
  }

  /// Whether `instance` is shown for `answers` (see ``SurveyFlow``).
  public func isShown(_ instance: QuestionInstance, answers: Answers) -> Bool {
    flow.isShown(instance, answers: answers)
  }

  /// `answers` without the answers of hidden questions nor stale `KEY.other`
  /// texts (see ``SurveyFlow/pruned(answers:)``).
  public func pruned(answers: Answers) -> Answers {
    flow.pruned(answers: answers)
  }
}
