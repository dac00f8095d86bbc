/// One occurrence of a question in the flow of a survey: a question outside
/// loops, or a question of a `for_each` section for one item.
public struct QuestionInstance: Sendable, Hashable {
  public var question: Question
  public var section: Section
  /// The loop item, inside a `for_each` section.
  public var item: Choice?
  /// Position of the item in its list (0-based), inside a loop.
  public var itemIndex: Int?
  /// The answer key: `q`, or `q.ITEM` inside a loop (matrix rows add `.ROW`).
  public var key: String

  public init(question: Question, section: Section, item: Choice?, itemIndex: Int?) {
    self.question = question
    self.section = section
    self.item = item
    self.itemIndex = itemIndex
    self.key = item.map { "\(question.id).\($0.code)" } ?? question.id
  }

  /// The question's label with `{item}` replaced.
  public var label: LocalizedText {
    item.map { question.label.substituting(item: $0.label) } ?? question.label
  }

  /// The help text with `{item}` replaced.
  public var help: LocalizedText? {
    guard let help = question.help else { return nil }
    return item.map { help.substituting(item: $0.label) } ?? help
  }

  /// The section title with `{item}` replaced.
  public var sectionTitle: LocalizedText {
    item.map { section.title.substituting(item: $0.label) } ?? section.title
  }

  /// The answer fields this instance fills, in order.
  public var fields: [AnswerField] {
    switch question.kind {
    case .matrix(let rows, _):
      return rows.map { AnswerField(instance: self, row: $0, isOther: false) }
    case .single(_, true), .multiple(_, true, _, _, _):
      return [
        AnswerField(instance: self, row: nil, isOther: false),
        AnswerField(instance: self, row: nil, isOther: true),
      ]
    default:
      return [AnswerField(instance: self, row: nil, isOther: false)]
    }
  }
}

/// One stored answer key and what it holds.
public struct AnswerField: Sendable, Hashable {
  public var instance: QuestionInstance
  /// The matrix row, for `q.row` / `q.item.row`.
  public var row: Choice?
  /// `true` for the `KEY.other` text of a single or multiple question with other.
  public var isOther: Bool
  /// `q`, `q.item`, `q.row`, `q.item.row`, or `KEY.other`.
  public var key: String

  public init(instance: QuestionInstance, row: Choice?, isOther: Bool) {
    self.instance = instance
    self.row = row
    self.isOther = isOther
    var key = instance.key
    if let row { key += ".\(row.code)" }
    if isOther { key += ".other" }
    self.key = key
  }

  public var question: Question { instance.question }

  /// What kind of value the key holds.
  public var valueType: AnswerValueType {
    if isOther { return .text }
    switch question.kind {
    case .single: return .code
    case .multiple, .ranking: return .codes
    case .scale, .nps, .matrix: return .integer
    case .number(_, _, let integer): return integer ? .integer : .number
    case .boolean: return .boolean
    case .text, .longText: return .text
    case .email: return .contact
    }
  }
}

/// The type of value an answer key holds, as in the answer schema.
public enum AnswerValueType: String, Sendable, Hashable, Codable {
  case code, codes, integer, number, boolean, text
  /// An email: contact data, stored apart.
  case contact
}

extension Survey {
  /// Every question occurrence in asking order (loops unrolled item by item).
  public var instances: [QuestionInstance] {
    var result: [QuestionInstance] = []
    for section in sections {
      if section.forEach != nil {
        for (index, item) in section.items.enumerated() {
          for question in section.questions {
            result.append(
              QuestionInstance(question: question, section: section, item: item, itemIndex: index))
          }
        }
      } else {
        for question in section.questions {
          result.append(QuestionInstance(question: question, section: section, item: nil, itemIndex: nil))
        }
      }
    }
    return result
  }

  /// Every answer key in asking order: the answer schema of the survey.
  public var fields: [AnswerField] { instances.flatMap(\.fields) }

  /// The answer key a condition reference means at a point of the flow:
  /// inside a loop `q` is first the same item's `q.ITEM` (and `q.row` is
  /// `q.ITEM.row`), else the key itself. `nil` when no question has it.
  public func resolve(reference: String, item: String?, in keys: Set<String>) -> String? {
    if let item {
      let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
      let candidate = parts.count == 2 ? "\(parts[0]).\(item).\(parts[1])" : "\(reference).\(item)"
      if keys.contains(candidate) { return candidate }
    }
    return keys.contains(reference) ? reference : nil
  }
}
