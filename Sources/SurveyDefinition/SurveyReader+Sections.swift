import Foundation
import Yams

extension SurveyReader {
  static let sectionKeys = ["id", "title", "intro", "for_each", "when", "questions"]
  static let commonQuestionKeys = ["id", "type", "label", "help", "required", "when"]
  /// The extra keys of each question type (the format's table).
  static let questionTypeKeys: [String: [String]] = [
    "single": ["choices", "other"],
    "multiple": ["choices", "other", "min", "max", "exclusive"],
    "scale": ["scale"] + scaleKeys,
    "nps": [],
    "matrix": ["rows", "scale"] + scaleKeys,
    "ranking": ["choices", "pick"],
    "text": ["max_length"],
    "long_text": ["max_length"],
    "number": ["min", "max", "integer"],
    "boolean": [],
    "email": [],
  ]

  func readSections(_ node: Node) {
    guard let elements = sequence(node, "'sections'") else { return }
    if elements.isEmpty { error(node, "'sections' is empty; a survey asks at least one question") }
    var firstLine: [String: Int] = [:]
    for element in elements {
      guard let mapping = mapping(element, "a section") else { continue }
      let fields = entries(mapping, allowed: Self.sectionKeys, in: "a section")
      requireKeys(["id", "title", "questions"], in: fields, of: element, "a section")
      var id = ""
      var idNode = element
      if let node = fields["id"]?.value, let value = code(node, "the section id") {
        if let line = firstLine[value] {
          error(node, "duplicate section id '\(value)' (first at line \(line))")
        } else {
          firstLine[value] = location(node).line
        }
        id = value
        idNode = node
      }
      let context = "section '\(id)'"
      let title = fields["title"].flatMap { localizedText($0.value, "the title of \(context)") }
      let intro = fields["intro"].flatMap { localizedText($0.value, "the intro of \(context)") }
      var loop: String?
      var items: [Choice] = []
      if let node = fields["for_each"]?.value, let listId = string(node, "'for_each' of \(context)") {
        loop = listId
        if let list = itemLists[listId] {
          items = list.choices
        } else if !brokenDefinitions.contains("item list:\(listId)") {
          if choiceLists[listId] != nil {
            error(
              node,
              "'\(listId)' in 'for_each' of \(context) is a choice list; a section loops over an item list, defined under 'items'"
            )
          } else {
            let hint = Self.hintOrList(listId, itemListOrder, "item lists")
            error(node, "unknown item list '\(listId)' in 'for_each' of \(context)\(hint)")
          }
        }
      }
      let condition = fields["when"].flatMap { parseCondition($0.value, "the condition of \(context)") }
      let firstFlowIndex = questionOrder.count
      var questions: [Question] = []
      let sectionIndex = sectionRecords.count
      if let node = fields["questions"]?.value,
        let questionNodes = sequence(node, "'questions' of \(context)")
      {
        if questionNodes.isEmpty { error(node, "\(context) has no questions") }
        for questionNode in questionNodes {
          if let record = readQuestion(questionNode, sectionIndex: sectionIndex, loop: loop) {
            questions.append(record.question)
          }
        }
      }
      let section = Section(
        id: id, title: title ?? LocalizedText(plain: id), intro: intro, forEach: loop, items: items,
        condition: condition?.condition, questions: questions, location: location(idNode))
      if loop == nil {
        warnAboutItemPlaceholder(fields["title"]?.value, title, "the title of \(context)")
        warnAboutItemPlaceholder(fields["intro"]?.value, intro, "the intro of \(context)")
      }
      sectionRecords.append(
        SectionRecord(section: section, idNode: idNode, firstFlowIndex: firstFlowIndex, condition: condition))
    }
  }

  func warnAboutItemPlaceholder(_ node: Node?, _ text: LocalizedText?, _ what: String) {
    guard let node, let text, text.texts.values.contains(where: { $0.contains("{item}") }) else { return }
    warning(node, "'{item}' in \(what) is replaced only inside a section with 'for_each'")
  }

  /// Reads one question, registers it, and returns its record (also when it
  /// has errors, as long as it has an id, so later references find it).
  func readQuestion(_ node: Node, sectionIndex: Int, loop: String?) -> QuestionRecord? {
    guard let mapping = mapping(node, "a question") else { return nil }
    var typeName: String?
    for (key, value) in mapping where key.string == "type" {
      if let name = string(value, "the question type") {
        if Self.questionTypeKeys[name] != nil {
          typeName = name
        } else {
          let hint = EditDistance.hint(for: name, among: QuestionKind.typeNames)
          let list = hint.isEmpty ? " (\(QuestionKind.typeNames.joined(separator: ", ")))" : hint
          error(value, "unknown question type '\(name)'\(list)")
        }
      }
    }
    var idNode = node
    var id = ""
    for (key, value) in mapping where key.string == "id" {
      idNode = value
      if let value = code(value, "the question id") { id = value }
    }
    let context = id.isEmpty ? "a question" : "question '\(id)'"
    let allTypeKeys = Set(Self.questionTypeKeys.values.joined())
    var allowed = Self.commonQuestionKeys
    var misplaced: [String: String] = [:]
    if let typeName {
      allowed += Self.questionTypeKeys[typeName] ?? []
      for key in allTypeKeys where !allowed.contains(key) {
        let owners = QuestionKind.typeNames.filter { Self.questionTypeKeys[$0]?.contains(key) == true }
        misplaced[key] =
          "key '\(key)' does not apply to \(Self.article(typeName)) \(typeName) question (only to \(Self.list(owners)))"
      }
    } else {
      allowed += allTypeKeys.sorted()
    }
    let fields = entries(mapping, allowed: allowed, in: context, misplaced: misplaced)
    requireKeys(["id", "type", "label"], in: fields, of: node, context)

    if !id.isEmpty {
      if let existing = questions[id] {
        error(idNode, "duplicate question id '\(id)' (first at line \(existing.question.location.line))")
        return nil
      }
    }
    let label = fields["label"].flatMap { localizedText($0.value, "the label of \(context)") }
    let help = fields["help"].flatMap { localizedText($0.value, "the help of \(context)") }
    if loop == nil {
      warnAboutItemPlaceholder(fields["label"]?.value, label, "the label of \(context)")
      warnAboutItemPlaceholder(fields["help"]?.value, help, "the help of \(context)")
    }
    let required = fields["required"].flatMap { boolean($0.value, "'required' of \(context)") } ?? false
    let condition = fields["when"].flatMap { parseCondition($0.value, "the condition of \(context)") }
    let kind = typeName.flatMap { readKind($0, fields: fields, node: node, context: context) }
    guard !id.isEmpty else { return nil }
    let question = Question(
      id: id, kind: kind ?? .boolean, label: label ?? LocalizedText(plain: id), help: help,
      required: required, condition: condition?.condition, location: location(idNode))
    let record = QuestionRecord(
      question: question, sectionIndex: sectionIndex, flowIndex: questionOrder.count, loop: loop,
      idNode: idNode, condition: condition, isComplete: kind != nil)
    questions[id] = record
    questionOrder.append(id)
    return record
  }

  /// The type-specific settings of a question.
  private func readKind(
    _ type: String, fields: [String: (key: Node, value: Node)], node: Node, context: String
  ) -> QuestionKind? {
    switch type {
    case "single":
      requireKeys(["choices"], in: fields, of: node, context)
      let choices = fields["choices"].flatMap { choiceReference($0.value, context) }
      let other = readOther(fields, choices, context)
      guard let choices, let other else { return nil }
      return .single(choices: choices, other: other)
    case "multiple":
      requireKeys(["choices"], in: fields, of: node, context)
      let choices = fields["choices"].flatMap { choiceReference($0.value, context) }
      let other = readOther(fields, choices, context)
      let minimum = fields["min"].flatMap { integer($0.value, "'min' of \(context)") }
      let maximum = fields["max"].flatMap { integer($0.value, "'max' of \(context)") }
      guard let choices, let other else { return nil }
      let available = choices.count + (other ? 1 : 0)
      var valid = true
      if let minimum, let minNode = fields["min"]?.value {
        if minimum < 0 {
          error(minNode, "'min' of \(context) must be 0 or more, not \(minimum)")
          valid = false
        } else if minimum > available {
          error(minNode, "'min' \(minimum) of \(context) is more than its \(available) choices")
          valid = false
        }
      }
      if let maximum, let maxNode = fields["max"]?.value {
        if maximum < 1 {
          error(maxNode, "'max' of \(context) must be 1 or more, not \(maximum)")
          valid = false
        } else if let minimum, minimum > maximum {
          error(maxNode, "'max' \(maximum) of \(context) is below its 'min' \(minimum)")
          valid = false
        } else if maximum > available {
          error(maxNode, "'max' \(maximum) of \(context) is more than its \(available) choices")
          valid = false
        }
      }
      var exclusive: [String] = []
      if let exclusiveNode = fields["exclusive"]?.value,
        let elements = sequence(exclusiveNode, "'exclusive' of \(context)")
      {
        let codes = choices.map(\.code) + (other ? ["other"] : [])
        for element in elements {
          guard let code = string(element, "an exclusive code of \(context)") else { continue }
          if codes.contains(code) {
            exclusive.append(code)
          } else {
            error(
              element,
              "exclusive code '\(code)' is not a choice of \(context)\(EditDistance.hint(for: code, among: codes))"
            )
            valid = false
          }
        }
      }
      guard valid else { return nil }
      return .multiple(choices: choices, other: other, min: minimum, max: maximum, exclusive: exclusive)
    case "scale":
      return readQuestionScale(fields, node: node, context: context).map { .scale($0) }
    case "nps":
      return .nps
    case "matrix":
      requireKeys(["rows"], in: fields, of: node, context)
      let rows = fields["rows"].flatMap { rowReference($0.value, context) }
      let scale = readQuestionScale(fields, node: node, context: context)
      guard let rows, let scale else { return nil }
      return .matrix(rows: rows, scale: scale)
    case "ranking":
      requireKeys(["choices"], in: fields, of: node, context)
      guard let choices = fields["choices"].flatMap({ choiceReference($0.value, context) }) else {
        return nil
      }
      var pick = choices.count
      if let pickNode = fields["pick"]?.value {
        guard let value = integer(pickNode, "'pick' of \(context)") else { return nil }
        if value < 1 {
          error(pickNode, "'pick' of \(context) must be 1 or more, not \(value)")
          return nil
        }
        if value > choices.count {
          error(pickNode, "'pick' \(value) of \(context) is more than its \(choices.count) choices")
          return nil
        }
        pick = value
      }
      return .ranking(choices: choices, pick: pick)
    case "text", "long_text":
      var maxLength = type == "text" ? 500 : 5000
      if let lengthNode = fields["max_length"]?.value {
        guard let value = integer(lengthNode, "'max_length' of \(context)") else { return nil }
        if value < 1 || value > 100_000 {
          error(lengthNode, "'max_length' of \(context) must be between 1 and 100000, not \(value)")
          return nil
        }
        maxLength = value
      }
      return type == "text" ? .text(maxLength: maxLength) : .longText(maxLength: maxLength)
    case "number":
      let minimum = fields["min"].flatMap { number($0.value, "'min' of \(context)") }
      let maximum = fields["max"].flatMap { number($0.value, "'max' of \(context)") }
      let integer = fields["integer"].flatMap { boolean($0.value, "'integer' of \(context)") } ?? false
      if let minimum, let maximum, minimum > maximum, let maxNode = fields["max"]?.value {
        error(
          maxNode, "'max' \(Self.format(maximum)) of \(context) is below its 'min' \(Self.format(minimum))")
        return nil
      }
      return .number(min: minimum, max: maximum, integer: integer)
    case "boolean":
      return .boolean
    case "email":
      return .email
    default:
      return nil
    }
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  private func readOther(
    _ fields: [String: (key: Node, value: Node)], _ choices: [Choice]?, _ context: String
  )
    -> Bool?
  {
    guard let otherNode = fields["other"]?.value else { return false }
    guard let other = boolean(otherNode, "'other' of \(context)") else { return nil }
    if other, let choices, choices.contains(where: { $0.code == "other" }) {
      error(
        otherNode,
        "\(context) has 'other: true' and a choice coded 'other'; rename that choice (the code 'other' is kept for \"Other (specify)\")"
      )
      return nil
    }
    return other
  }

  /// `choices:` of a question: a list id or an inline list.
  private func choiceReference(_ node: Node, _ context: String) -> [Choice]? {
    if case .sequence = node { return choices(node, "the choices of \(context)") }
    guard let id = string(node, "'choices' of \(context)") else { return nil }
    if let list = choiceLists[id] { return list.choices }
    if !brokenDefinitions.contains("choice list:\(id)") {
      error(
        node,
        "unknown choice list '\(id)' in \(context)\(Self.hintOrList(id, choiceListOrder, "choice lists"))"
      )
    }
    return nil
  }

  /// `rows:` of a matrix: an item list id (or a choice list id) or an inline list.
  private func rowReference(_ node: Node, _ context: String) -> [Choice]? {
    if case .sequence = node { return choices(node, "the rows of \(context)") }
    guard let id = string(node, "'rows' of \(context)") else { return nil }
    if let list = itemLists[id] ?? choiceLists[id] { return list.choices }
    if !brokenDefinitions.contains("item list:\(id)"), !brokenDefinitions.contains("choice list:\(id)") {
      let hint = Self.hintOrList(id, itemListOrder, "item lists")
      error(node, "unknown item list '\(id)' in 'rows' of \(context)\(hint)")
    }
    return nil
  }

  /// The scale of a scale or matrix question: `scale: ID`, `scale: {…}`, or
  /// `min`/`max`/… on the question itself. With `scale: ID` the question may
  /// add its own `not_applicable`.
  private func readQuestionScale(
    _ fields: [String: (key: Node, value: Node)], node: Node, context: String
  )
    -> Scale?
  {
    let inlineKeys = Self.scaleKeys.filter { fields[$0] != nil }
    guard let scaleNode = fields["scale"]?.value else {
      if inlineKeys.isEmpty {
        error(node, "missing key 'scale' in \(context) (a scale id, or 'min' and 'max')")
        return nil
      }
      return readScale(fields, node: node, id: nil, context: "the scale of \(context)")
    }
    switch scaleNode {
    case .mapping(let mapping):
      if let extra = inlineKeys.first, let keyNode = fields[extra]?.key {
        error(keyNode, "key '\(extra)' of \(context) conflicts with its 'scale'; write it inside 'scale'")
        return nil
      }
      let scaleFields = entries(mapping, allowed: Self.scaleKeys, in: "the scale of \(context)")
      return readScale(scaleFields, node: scaleNode, id: nil, context: "the scale of \(context)")
    default:
      guard let id = string(scaleNode, "'scale' of \(context)") else { return nil }
      if let extra = inlineKeys.first(where: { $0 != "not_applicable" }), let keyNode = fields[extra]?.key {
        error(
          keyNode,
          "key '\(extra)' of \(context) conflicts with 'scale: \(id)'; change the scale '\(id)' instead")
        return nil
      }
      guard var scale = scales[id] else {
        if !brokenDefinitions.contains("scale:\(id)") {
          error(
            scaleNode, "unknown scale '\(id)' in \(context)\(Self.hintOrList(id, scaleOrder, "scales"))")
        }
        return nil
      }
      if let naNode = fields["not_applicable"]?.value {
        guard let text = localizedText(naNode, "'not_applicable' of \(context)") else { return nil }
        scale.notApplicable = text
      }
      return scale
    }
  }

  /// Parses a `when:` value, reporting a syntax error at its exact column.
  func parseCondition(_ node: Node, _ what: String) -> ParsedCondition? {
    guard let text = string(node, what) else { return nil }
    do {
      let (condition, offsets) = try Condition.parseTracking(text)
      return ParsedCondition(condition: condition, literalOffsets: offsets, node: node)
    } catch {
      diagnostics.append(
        Diagnostic(.error, at: conditionLocation(node, offset: error.offset), "in \(what): \(error.message)"))
      return nil
    }
  }

  /// The position of the character at `offset` inside a condition scalar:
  /// its mark, plus one for an opening quote, plus the offset, when the
  /// scalar is written on one line as it reads; otherwise the scalar's mark.
  func conditionLocation(_ node: Node, offset: Int) -> SourceLocation {
    let base = location(node)
    guard case .scalar(let scalar) = node, base.line >= 1, base.line <= lines.count else { return base }
    let quote: Int
    switch scalar.style {
    case .singleQuoted, .doubleQuoted: quote = 1
    case .plain, .any: quote = 0
    default: return base
    }
    let line = lines[base.line - 1]
    let start = base.column - 1 + quote
    let text = Array(scalar.string.unicodeScalars)
    guard start + text.count <= line.count, Array(line[start..<(start + text.count)]) == text else {
      return base
    }
    return SourceLocation(file: file, line: base.line, column: start + offset + 1)
  }
}
