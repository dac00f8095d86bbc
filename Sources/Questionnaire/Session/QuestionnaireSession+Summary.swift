import BilanBase
import Foundation
import SurveyDefinition

extension QuestionnaireSession {
  /// The answer to `instance` in words, for the review screen: labels, not
  /// codes; `nil` when unanswered. Cleaned of controls, on one line.
  /// `compact`: a grid's values only ("4 · 5 · N"), for the line that says
  /// what was just saved.
  public func summary(of instance: QuestionInstance, compact: Bool = false) -> String? {
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
      // "Décryptage 4 · Focus sur les pratiques 5 · Projection sans avis": each row by its
      // short name, a row left without an answer as "—".
      let given = rows.map { answers["\(key).\($0.code)"] }
      if given.contains(where: { $0 != nil }) {
        text = zip(rows, given).map { row, value -> String in
          let shown: String =
            switch value {
            case .integer(let point)?: String(point)
            case nil: "—"
            default: Self.lowercasedFirst(scale.notApplicable?.text(language) ?? words.notApplicable)
            }
          if compact { return value.map { $0 == .notApplicable ? "N" : shown } ?? "—" }
          return Self.shortName(row.label.text(language)) + " " + shown
        }.joined(separator: " · ")
      }
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

  /// A grid row's name for the review: what comes before the colon in its label
  /// ("Décryptage : qui fait quoi…" is "Décryptage"), cut at 24 characters.
  static func shortName(_ label: String) -> String {
    let head = label.split(separator: ":", maxSplits: 1).first.map(String.init) ?? label
    return TextLayout.truncate(head.trimmingCharacters(in: .whitespaces), width: 24)
  }

  static func lowercasedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
  }
}
