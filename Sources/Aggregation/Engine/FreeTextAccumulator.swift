import Foundation
import SurveyDefinition

/// The free-text answers of one key, cleaned and masked as they arrive, with
/// their word counts.
struct FreeTextAccumulator: Sendable {
  let instance: QuestionInstance
  let isOther: Bool
  let language: String
  var answers: [(text: String, groups: [String: String])] = []
  var words = WordFrequencyCounter()

  /// The answer key read: `q`, `q.ITEM`, or `KEY.other`.
  let key: String

  init(instance: QuestionInstance, isOther: Bool, language: String) {
    self.instance = instance
    self.isOther = isOther
    self.language = language
    key = isOther ? "\(instance.key).other" : instance.key
  }

  mutating func add(_ answers: Answers, groups: [String: String]) {
    guard let raw = answers[key]?.stringValue else { return }
    let cleaned = TextSanitizer.clean(raw).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !cleaned.isEmpty else { return }
    // Words are counted with personal data blanked out, so neither they nor the marker are counted.
    let masked = PersonalDataMasking.masking(
      cleaned, markers: [PersonalDataMasking.marker(language: language), " "])
    self.answers.append((masked[0], groups))
    words.add(masked[1])
  }

  func summary(smallGroups: Set<GroupKey>) -> FreeTextSummary {
    FreeTextSummary(
      key: key, questionID: instance.question.id, label: instance.label.text(language),
      item: instance.item.map { CodeLabel(code: $0.code, label: $0.label.text(language)) }, isOther: isOther,
      answers: answers.map { answer in
        FreeTextAnswer(
          text: answer.text, groups: answer.groups,
          fromSmallGroup: answer.groups.contains {
            smallGroups.contains(GroupKey(question: $0.key, code: $0.value))
          })
      },
      wordFrequencies: words.top())
  }
}

/// A breakdown group by question id and code.
struct GroupKey: Hashable, Sendable {
  var question: String
  var code: String
}
