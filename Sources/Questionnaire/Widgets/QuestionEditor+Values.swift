import Foundation
import SurveyDefinition

/// Why what was typed cannot be an answer yet (before the survey's rules are checked).
public enum EntryProblem: Error, Sendable, Equatable {
  case notANumber(String)
  case notAnInteger(String)
  case missingOtherText

  public func message(_ words: ToolText) -> String {
    switch self {
    case .notANumber: words.invalidNumber
    case .notAnInteger: words.integerExpected
    case .missingOtherText: words.otherPrompt + "…"
    }
  }
}

extension QuestionEditor {
  /// The values to store, by answer key, for every field of the question
  /// (a field absent from the result has no answer). Emails come out as
  /// `.text`: the session files them with the contacts.
  public func values() throws(EntryProblem) -> [String: AnswerValue] {
    let key = instance.key
    var result: [String: AnswerValue] = [:]
    switch state {
    case .single(let options, _, let chosen, let other, _):
      guard let chosen else { return [:] }
      let code = options[chosen].code
      if case .boolean = instance.question.kind {
        result[key] = .boolean(code == "true")
      } else {
        result[key] = .code(code)
        if code == "other", let other {
          let text = other.text.trimmingCharacters(in: .whitespacesAndNewlines)
          guard !text.isEmpty else { throw .missingOtherText }
          result[key + ".other"] = .text(text)
        }
      }
    case .multiple(let options, _, let ticked, let other, _):
      guard !ticked.isEmpty else { return [:] }
      let codes = ticked.sorted().map { options[$0].code }
      result[key] = .codes(codes)
      if codes.contains("other"), let other {
        let text = other.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .missingOtherText }
        result[key + ".other"] = .text(text)
      }
    case .scale(_, _, let chosen):
      guard let chosen else { return [:] }
      result[key] = chosen.map(AnswerValue.integer) ?? .notApplicable
    case .matrix(let rows, _, _, _, let values):
      for (row, value) in zip(rows, values) {
        guard let value else { continue }
        result["\(key).\(row.code)"] = value.map(AnswerValue.integer) ?? .notApplicable
      }
    case .ranking(let options, _, let order, _):
      guard !order.isEmpty else { return [:] }
      result[key] = .codes(order.map { options[$0].code })
    case .text(let editor):
      let trimmed = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else { return [:] }
      switch instance.question.kind {
      case .number(_, _, let integer):
        result[key] = try Self.parseNumber(trimmed, integer: integer)
      case .email:
        result[key] = .text(trimmed)
      case .longText:
        // Trailing blank lines are dropped; the text is otherwise kept as typed.
        var text = editor.text
        while let last = text.last, last.isWhitespace { text.removeLast() }
        result[key] = .text(text)
      default:
        result[key] = .text(editor.text)
      }
    }
    return result
  }

  /// A number typed by a person: `12`, `-3`, `4,5` or `4.5`, spaces as
  /// thousands separators.
  public static func parseNumber(_ text: String, integer: Bool) throws(EntryProblem) -> AnswerValue {
    let compact = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
      .replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: ",", with: ".")
    guard compact.range(of: #"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"#, options: .regularExpression) != nil,
      let value = Double(compact), value.isFinite
    else { throw .notANumber(text) }
    if integer {
      guard value == value.rounded(), abs(value) < 1e15 else { throw .notAnInteger(text) }
      return .integer(Int(value))
    }
    return .number(value)
  }
}
