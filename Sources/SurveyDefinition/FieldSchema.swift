/// How one answer key is stored and what it accepts: one entry of a survey's
/// answer schema (``Survey/answerSchema``).
///
/// Two definitions whose schemas are equal store and read every answer the same
/// way, whatever their labels, help texts, conditions or required flags. The
/// store keeps the schema a response was answered with and compares it with the
/// current one to say which keys a change of the definition affects.
public struct FieldSchema: Sendable, Hashable, Codable {
  /// The answer key (`q`, `q.ITEM`, `q.ROW`, `q.ITEM.ROW`, `KEY.other`).
  public var key: String
  /// What the key holds.
  public var type: AnswerValueType
  /// The codes accepted, in choice order (`other` last when offered): single,
  /// multiple and ranking; `nil` for other types.
  public var codes: [String]?
  /// The smallest value accepted: the first scale point (scale, matrix row,
  /// nps), the number's `min`, the fewest codes of a multiple (`min`) or a
  /// ranking (the count it must rank); `nil` when unbounded.
  public var min: Double?
  /// The largest value accepted, as ``min``.
  public var max: Double?
  /// Whether null (not applicable) is accepted.
  public var naAllowed: Bool
  /// The most characters a text accepts (text, long_text, other texts); `nil` otherwise.
  public var maxLength: Int?

  public init(
    key: String, type: AnswerValueType, codes: [String]? = nil, min: Double? = nil, max: Double? = nil,
    naAllowed: Bool = false, maxLength: Int? = nil
  ) {
    self.key = key
    self.type = type
    self.codes = codes
    self.min = min
    self.max = max
    self.naAllowed = naAllowed
    self.maxLength = maxLength
  }

  /// The schema of `field`.
  public init(_ field: AnswerField) {
    self.init(key: field.key, type: field.valueType)
    if field.isOther {
      maxLength = AnswerField.otherTextMaxLength
      return
    }
    switch field.question.kind {
    case .single(let choices, let other):
      codes = choices.map(\.code) + (other ? ["other"] : [])
    case .multiple(let choices, let other, let fewest, let most, _):
      codes = choices.map(\.code) + (other ? ["other"] : [])
      min = fewest.map(Double.init)
      max = most.map(Double.init)
    case .ranking(let choices, let pick):
      codes = choices.map(\.code)
      let count = Double(Swift.min(pick, choices.count))
      min = count
      max = count
    case .scale(let scale), .matrix(_, let scale):
      min = Double(scale.min)
      max = Double(scale.max)
      naAllowed = scale.notApplicable != nil
    case .nps:
      min = 0
      max = 10
    case .number(let low, let high, _):
      min = low
      max = high
    case .text(let length), .longText(let length):
      maxLength = length
    case .boolean, .email:
      break
    }
  }

  /// One line of the canonical text hashed by ``Survey/schemaHash``: tab-separated
  /// key, type, codes (comma-separated, `-` for none), min, max (`-` for none,
  /// numbers in Swift's shortest round-trip form), `na` or `-`, max length or `-`.
  var canonicalLine: String {
    func number(_ value: Double?) -> String { value.map { String(describing: $0) } ?? "-" }
    let fields = [
      key, type.rawValue, codes?.joined(separator: ",") ?? "-", number(min), number(max),
      naAllowed ? "na" : "-", maxLength.map(String.init) ?? "-",
    ]
    return fields.joined(separator: "\t") + "\n"
  }
}
