import BilanBase
import SurveyDefinition

extension QuestionnaireSession {
  /// The answer to `instance` in words, for the review screen: labels, not
  /// codes; `nil` when unanswered. Cleaned of controls, on one line.
  public func summary(of instance: QuestionInstance) -> String? {
    let words = ToolText(language: language)
    let key = instance.key
    func label(_ code: String, in choices: [Choice]) -> String {
      if code == "other" {
        let text = answers[key + ".other"]?.stringValue.map { " : " + $0 } ?? ""
        return words.other.replacingOccurrences(of: " (précisez)", with: "").replacingOccurrences(
          of: " (specify)", with: "")
          + text
      }
      return choices.choice(code)?.label.text(language) ?? code
    }
    func point(_ value: AnswerValue, _ scale: Scale) -> String {
      switch value {
      case .integer(let point):
        if let text = scale.labels[point]?.text(language) { return "\(point) — \(text)" }
        if scale == .nps, point == 0 { return "0 — " + words.npsLow }
        if scale == .nps, point == 10 { return "10 — " + words.npsHigh }
        return String(point)
      case .notApplicable: return scale.notApplicable?.text(language) ?? words.notApplicable
      default: return ""
      }
    }
    var text: String?
    switch instance.question.kind {
    case .single(let choices, _):
      text = answers[key]?.stringValue.map { label($0, in: choices) }
    case .multiple(let choices, _, _, _, _):
      if case .codes(let codes)? = answers[key] {
        text = codes.map { label($0, in: choices) }.joined(separator: ", ")
      }
    case .ranking(let choices, _):
      if case .codes(let codes)? = answers[key] {
        text = codes.enumerated().map { "\($0.offset + 1). " + label($0.element, in: choices) }.joined(
          separator: ", ")
      }
    case .scale(let scale):
      text = answers[key].map { point($0, scale) }
    case .nps:
      text = answers[key].map { point($0, .nps) }
    case .matrix(let rows, let scale):
      let parts = rows.compactMap { row -> String? in
        guard let value = answers["\(key).\(row.code)"] else { return nil }
        let shown: String =
          switch value {
          case .integer(let point): String(point)
          default: scale.notApplicable?.text(language) ?? words.notApplicable
          }
        return row.label.text(language) + " " + shown
      }
      text = parts.isEmpty ? nil : parts.joined(separator: " · ")
    case .text, .longText:
      text = answers[key]?.stringValue
    case .number:
      text = answers[key]?.numericValue.map { QuestionEditor.format($0, language: language) }
    case .boolean:
      if case .boolean(let value)? = answers[key] { text = value ? words.yes : words.no }
    case .email:
      text = contacts[key]
    }
    return text.map { TextSanitizer.clean($0) }
  }

  /// About how long the shown questions take, in whole minutes (at least 1):
  /// seconds per question by type, from reading speed and the widget's keys.
  public func estimatedMinutes() -> Int {
    let seconds = shown.reduce(0) { total, instance in
      total
        + {
          switch instance.question.kind {
          case .single, .number: 12
          case .multiple: 20
          case .scale, .nps: 8
          case .boolean: 6
          case .matrix(let rows, _): 8 * rows.count
          case .ranking: 30
          case .text, .email: 40
          case .longText: 90
          }
        }()
    }
    return max(1, (seconds + 59) / 60)
  }
}
