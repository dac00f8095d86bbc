import BilanBase
import SurveyDefinition

/// What a key did to a question, for the session to act on.
public enum EditorOutcome: Sendable, Equatable {
  /// Redraw; the question stays.
  case stay
  /// The participant confirmed this answer.
  case confirm
  /// Back to the previous question.
  case back
  /// An optional question left without an answer (Enter on nothing, or Esc).
  case skip
  /// The participant agreed to erase the answer (Esc, then O): the stored
  /// answer is removed; an optional question is then passed.
  case erase
  /// Show the help.
  case help
}

/// The answer being given to one question on screen: its widget's state,
/// the keys it takes, and the values it stores. No I/O: rendering is done by
/// `QuestionScreen` from this state.
///
/// Nothing is highlighted or chosen until the participant says so: the
/// cursor is not an answer, so Enter on a fresh question records nothing.
public struct QuestionEditor: Sendable {
  public let instance: QuestionInstance
  public let language: String
  public let words: ToolText
  /// A problem shown above the footer until the next key.
  public var message: String?
  /// A neutral line in the same place (what was just saved, what a key
  /// waits for), shown when there is no problem to show.
  public var notice: String?
  /// The window width the widget is laid out for: on a scale drawn across
  /// the window ← and → move the selection, on a list drawn down it ← goes back.
  public var width = 80
  /// The first digit of a two-digit point (the 1 of 10), waiting for the
  /// second digit, Enter, or the session's timeout (`resolvePendingDigit`).
  public internal(set) var pendingDigit: Int?
  /// Esc was pressed on a question with an answer: the next key says
  /// whether to erase it (O or Y) or keep it (anything else).
  public internal(set) var confirmingErase = false
  /// Whether the store held an answer to this question when it was shown.
  public let hadStoredAnswer: Bool

  /// A row of a choice-like list: a choice, or "other".
  struct Option: Sendable, Hashable {
    var code: String
    var label: String
  }

  enum State: Sendable {
    /// single and boolean: one option; `other` edits the `.other` text.
    /// `cursor` is the highlighted option, `nil` until the participant moves.
    case single(options: [Option], cursor: Int?, chosen: Int?, other: LineEditor?, editingOther: Bool)
    case multiple(options: [Option], cursor: Int?, ticked: Set<Int>, other: LineEditor?, editingOther: Bool)
    /// scale and nps: `cursor` is an index in `positions(of: scale)` (`nil`:
    /// nothing highlighted); `chosen` a point, `.some(nil)` for not-applicable.
    case scale(scale: Scale, cursor: Int?, chosen: Int??)
    /// `cursor` is the highlighted position of the current row, as for a scale.
    case matrix(rows: [Choice], scale: Scale, row: Int, cursor: Int?, values: [Int??])
    case ranking(options: [Option], cursor: Int?, order: [Int], pick: Int)
    case text(LineEditor)
  }

  var state: State

  /// Starts from the answers already given (going back shows them).
  public init(instance: QuestionInstance, answers: Answers, contacts: [String: String], language: String) {
    self.instance = instance
    self.language = language
    self.words = ToolText(language: language)
    let key = instance.key
    hadStoredAnswer = instance.fields.contains { answers[$0.key] != nil || contacts[$0.key] != nil }
    func label(_ text: LocalizedText) -> String { TextSanitizer.clean(text.text(language)) }
    switch instance.question.kind {
    case .single(let choices, let hasOther):
      var options = choices.map { Option(code: $0.code, label: label($0.label)) }
      if hasOther { options.append(Option(code: "other", label: ToolText(language: language).other)) }
      let code = answers[key]?.stringValue
      let chosen = options.firstIndex { $0.code == code }
      let otherText = answers[key + ".other"]?.stringValue ?? ""
      state = .single(
        options: options, cursor: chosen, chosen: chosen,
        other: hasOther ? LineEditor(text: otherText, maxLength: 500) : nil, editingOther: false)
    case .boolean:
      let words = ToolText(language: language)
      let options = [Option(code: "true", label: words.yes), Option(code: "false", label: words.no)]
      var chosen: Int? = nil
      if case .boolean(let value)? = answers[key] { chosen = value ? 0 : 1 }
      state = .single(options: options, cursor: chosen, chosen: chosen, other: nil, editingOther: false)
    case .multiple(let choices, let hasOther, _, _, _):
      var options = choices.map { Option(code: $0.code, label: label($0.label)) }
      if hasOther { options.append(Option(code: "other", label: ToolText(language: language).other)) }
      var ticked: Set<Int> = []
      if case .codes(let codes)? = answers[key] {
        for code in codes {
          if let index = options.firstIndex(where: { $0.code == code }) { ticked.insert(index) }
        }
      }
      let otherText = answers[key + ".other"]?.stringValue ?? ""
      state = .multiple(
        options: options, cursor: nil, ticked: ticked,
        other: hasOther ? LineEditor(text: otherText, maxLength: 500) : nil, editingOther: false)
    case .scale(let scale):
      let chosen = Self.point(answers[key])
      state = .scale(
        scale: scale, cursor: chosen.flatMap { Self.positions(of: scale).firstIndex(of: $0) }, chosen: chosen)
    case .nps:
      let chosen = Self.point(answers[key])
      state = .scale(
        scale: .nps, cursor: chosen.flatMap { Self.positions(of: .nps).firstIndex(of: $0) }, chosen: chosen)
    case .matrix(let rows, let scale):
      let values = rows.map { Self.point(answers["\(key).\($0.code)"]) }
      let firstOpen = values.firstIndex { $0 == nil } ?? 0
      let cursor = values[firstOpen].flatMap { Self.positions(of: scale).firstIndex(of: $0) }
      state = .matrix(rows: rows, scale: scale, row: firstOpen, cursor: cursor, values: values)
    case .ranking(let choices, let pick):
      let options = choices.map { Option(code: $0.code, label: label($0.label)) }
      var order: [Int] = []
      if case .codes(let codes)? = answers[key] {
        order = codes.compactMap { code in options.firstIndex { $0.code == code } }
      }
      state = .ranking(options: options, cursor: nil, order: order, pick: min(pick, options.count))
    case .text(let maxLength):
      state = .text(LineEditor(text: answers[key]?.stringValue ?? "", maxLength: maxLength))
    case .longText(let maxLength):
      state = .text(LineEditor(text: answers[key]?.stringValue ?? "", maxLength: maxLength, multiline: true))
    case .number:
      var text = ""
      if let value = answers[key] {
        switch value {
        case .integer(let number): text = String(number)
        case .number(let number): text = Self.format(number, language: language)
        default: break
        }
      }
      state = .text(LineEditor(text: text, maxLength: 40))
    case .email:
      state = .text(LineEditor(text: contacts[key] ?? answers[key]?.stringValue ?? "", maxLength: 254))
    }
  }

  /// A stored scale answer: `.some(nil)` for not-applicable, `nil` when unanswered.
  static func point(_ value: AnswerValue?) -> Int?? {
    switch value {
    case .integer(let point)?: return .some(point)
    case .notApplicable?: return .some(nil)
    default: return nil
    }
  }

  static func format(_ number: Double, language: String) -> String {
    let text = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    return language == "fr" ? text.replacingOccurrences(of: ".", with: ",") : text
  }

  /// Whether keys go to a text field (then letters are text, not commands).
  public var isTyping: Bool {
    switch state {
    case .text: true
    case .single(_, _, _, _, let editing), .multiple(_, _, _, _, let editing): editing
    default: false
    }
  }

  public var isMultilineText: Bool {
    if case .text(let editor) = state { return editor.multiline }
    return false
  }

  /// The digit a key stands for: 0–9, or on a French AZERTY keyboard the
  /// unshifted top row `& é " ' ( - è _ ç à`.
  static func digit(_ key: Key, azerty: Bool = true) -> Int? {
    guard case .character(let character) = key else { return nil }
    if let value = character.wholeNumberValue, character.isASCII { return value }
    guard azerty else { return nil }
    let row: [Character] = ["à", "&", "é", "\"", "'", "(", "-", "è", "_", "ç"]
    return row.firstIndex(of: character)
  }
}
