/// One question of a survey, as written in its section.
public struct Question: Sendable, Hashable {
  public var id: String
  public var kind: QuestionKind
  public var label: LocalizedText
  public var help: LocalizedText?
  /// A required question cannot be skipped (default `false`).
  public var required: Bool
  /// The question is asked only when this holds (evaluated on earlier answers).
  public var condition: Condition?
  /// Where the question's `id` was written.
  public var location: SourceLocation

  public init(
    id: String, kind: QuestionKind, label: LocalizedText, help: LocalizedText? = nil,
    required: Bool = false, condition: Condition? = nil,
    location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
  ) {
    self.id = id
    self.kind = kind
    self.label = label
    self.help = help
    self.required = required
    self.condition = condition
    self.location = location
  }
}

/// The eleven question types of the format, each with its own settings.
public enum QuestionKind: Sendable, Hashable {
  /// One choice; `other` adds "Other (specify)" stored as `"other"` plus `KEY.other`.
  case single(choices: [Choice], other: Bool)
  /// Several choices, in choice order, `"other"` last; `exclusive` codes clear the others.
  case multiple(choices: [Choice], other: Bool, min: Int?, max: Int?, exclusive: [String])
  /// One point of a scale, or null for not applicable.
  case scale(Scale)
  /// 0–10 likelihood to recommend.
  case nps
  /// One scale answer per row, under `KEY.ROW`.
  case matrix(rows: [Choice], scale: Scale)
  /// The top `pick` choices, best first.
  case ranking(choices: [Choice], pick: Int)
  /// One line of text.
  case text(maxLength: Int)
  /// Several lines of text.
  case longText(maxLength: Int)
  /// A number within optional bounds.
  case number(min: Double?, max: Double?, integer: Bool)
  /// Yes or no.
  case boolean
  /// An email address: contact data, kept apart and never reported.
  case email

  /// The YAML name of the type (`single`, `long_text`, …).
  public var typeName: String {
    switch self {
    case .single: "single"
    case .multiple: "multiple"
    case .scale: "scale"
    case .nps: "nps"
    case .matrix: "matrix"
    case .ranking: "ranking"
    case .text: "text"
    case .longText: "long_text"
    case .number: "number"
    case .boolean: "boolean"
    case .email: "email"
    }
  }

  /// Every type name, in the order of the format's table.
  public static let typeNames = [
    "single", "multiple", "scale", "nps", "matrix", "ranking", "text", "long_text", "number", "boolean",
    "email",
  ]

  /// The choices of a single, multiple or ranking question.
  public var choices: [Choice]? {
    switch self {
    case .single(let choices, _), .multiple(let choices, _, _, _, _), .ranking(let choices, _): choices
    default: nil
    }
  }

  /// Whether "Other (specify)" is offered.
  public var hasOther: Bool {
    switch self {
    case .single(_, let other), .multiple(_, let other, _, _, _): other
    default: false
    }
  }

  /// The scale of a scale, nps or matrix question.
  public var scale: Scale? {
    switch self {
    case .scale(let scale), .matrix(_, let scale): scale
    case .nps: .nps
    default: nil
    }
  }
}
