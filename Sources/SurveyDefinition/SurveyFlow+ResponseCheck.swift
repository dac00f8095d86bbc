/// One thing wrong with a response: the answer key and why.
public struct AnswerProblem: Sendable, Hashable, CustomStringConvertible {
  public var key: String
  public var error: AnswerError

  public init(key: String, error: AnswerError) {
    self.key = key
    self.error = error
  }

  /// The error's technical description (`KEY: what is wrong`).
  public var description: String { error.errorDescription ?? key }
}

extension SurveyFlow {
  /// Every problem of a whole response, in asking order of the keys, then the
  /// unknown keys in code-point order.
  ///
  /// - `answers` holds every answer but emails; `contacts` the email answers
  ///   (contact data, kept apart), both by answer key.
  /// - A key the survey does not have, or a contact under a key that is not an
  ///   email question: ``AnswerError/unknownKey(key:)``; an email answer among
  ///   `answers`: ``AnswerError/contactAmongAnswers(key:)``.
  /// - An answer to a question its conditions hide (see ``SurveyFlow``):
  ///   ``AnswerError/hiddenQuestion(key:)``; store ``pruned(answers:)`` instead.
  /// - Each answer of a shown question: ``AnswerField/check(_:)``.
  /// - A `KEY.other` text when "other" is not chosen:
  ///   ``AnswerError/otherTextWithoutOther(key:)``.
  /// - When `complete`: "other" chosen without its text
  ///   (``AnswerError/otherTextMissing(key:)``), and each required shown question
  ///   without an answer (``AnswerError/missingRequired(key:)``; a matrix needs
  ///   every row, each missing row is reported under its key). An empty text
  ///   (only spaces) or an empty list does not count as an answer there.
  ///   With `requireContacts: false` a required email question may be
  ///   missing: exports leave contact data out unless asked, so an imported
  ///   export has none.
  public func checkResponse(
    answers: Answers, contacts: [String: String], complete: Bool, requireContacts: Bool = true
  ) -> [AnswerProblem] {
    var problems: [AnswerProblem] = []
    func report(_ error: AnswerError) { problems.append(AnswerProblem(key: error.key, error: error)) }
    let shown = visibility(answers: answers)
    var unknown: Set<String> = []
    for key in answers.keys where field(forKey: key) == nil { unknown.insert(key) }
    for key in contacts.keys where field(forKey: key) == nil { unknown.insert(key) }

    for (index, rule) in fieldRules.enumerated() {
      let key = rule.key
      let isShown = shown[rule.instance]
      var value = answers[key]
      if rule.isContact {
        if value != nil { report(.contactAmongAnswers(key: key)) }
        value = contacts[key].map(AnswerValue.text)
      } else if contacts[key] != nil {
        report(.unknownKey(key: key))
      }
      if let value {
        guard isShown else {
          report(.hiddenQuestion(key: key))
          continue
        }
        if rule.isOther && !Self.choosesOther(answers[rule.choiceKey]) {
          report(.otherTextWithoutOther(key: key))
          continue
        }
        do { try fields[index].check(value) } catch { report(error) }
      }
      guard complete, isShown, Self.isEmpty(value) else { continue }
      if rule.isOther {
        if Self.choosesOther(answers[rule.choiceKey]) { report(.otherTextMissing(key: key)) }
      } else if rule.isRequired && (requireContacts || !rule.isContact) {
        report(.missingRequired(key: key))
      }
    }
    for key in unknown.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
      report(.unknownKey(key: key))
    }
    return problems
  }

  /// Whether a value counts as not answered for a required question.
  private static func isEmpty(_ value: AnswerValue?) -> Bool {
    switch value {
    case nil: true
    case .text(let text)?, .code(let text)?: text.allSatisfy(\.isWhitespace)
    case .codes(let codes)?: codes.isEmpty
    default: false
    }
  }
}

extension Survey {
  /// Every problem of a whole response (see ``SurveyFlow/checkResponse(answers:contacts:complete:)``);
  /// prepares the flow on each call, keep a ``SurveyFlow`` to check many responses.
  public func checkResponse(answers: Answers, contacts: [String: String], complete: Bool) -> [AnswerProblem] {
    flow.checkResponse(answers: answers, contacts: contacts, complete: complete)
  }
}
