import Foundation
import SurveyDefinition
import Yams

/// A bilan survey as the three sheets of an XLSForm (plus `bilan`, for what
/// XLSForm has no place for), as rows of text.
struct FormWriter {
  let survey: Survey
  /// The survey file's YAML, for the blocks copied into the `bilan` sheet.
  let sourceYAML: String

  struct Sheets {
    var survey: [[String]]
    var choices: [[String]]
    var settings: [[String]]
    var bilan: [[String]]
  }

  private var languages: [String] { survey.languages }
  private var usedNames: Set<String> = []
  private var lists: [(name: String, choices: [[String]], extra: String)] = []
  /// The XLSForm name of each answer key (`objectifs.explorer` → `objectifs_explorer`).
  private var names: [String: String] = [:]
  /// Loop question id → (repeat name, item codes).
  private var loops: [String: (repeatName: String, items: [String])] = [:]
  private var kinds: [String: QuestionKind] = [:]

  init(survey: Survey, sourceYAML: String) {
    self.survey = survey
    self.sourceYAML = sourceYAML
  }

  mutating func sheets() throws(XLSFormError) -> Sheets {
    let languages = self.languages
    let localizedColumns = { (base: String) in languages.map { "\(base)::\(FormLanguages.columnName($0))" } }
    let header =
      ["type", "name"] + localizedColumns("label") + localizedColumns("hint")
      + ["required", "relevant", "constraint"] + localizedColumns("constraint_message")
      + ["appearance", "repeat_count", "calculation", "parameters", "bilan"]
    func index(_ column: String) -> Int { header.firstIndex(of: column)! }

    // Names first: questions and matrix rows keep theirs; groups give way.
    for (question, section) in survey.allQuestions {
      usedNames.insert(question.id)
      kinds[question.id] = question.kind
      if case .matrix(let rows, _) = question.kind {
        for row in rows {
          let name = "\(question.id)_\(row.code)"
          names["\(question.id).\(row.code)"] = name
          usedNames.insert(name)
        }
      }
      names[question.id] = question.id
      _ = section
    }
    var sectionNames: [String: String] = [:]
    for section in survey.sections {
      let name = unique(usedNames.contains(section.id) ? "\(section.id)_section" : section.id)
      sectionNames[section.id] = name
      if section.forEach != nil {
        for question in section.questions { loops[question.id] = (name, section.items.map(\.code)) }
      }
    }

    var rows: [[String]] = [header]
    func row(
      _ values: [String: String], label: LocalizedText? = nil, hint: LocalizedText? = nil,
      message: (String) -> String? = { _ in nil }
    ) -> [String] {
      var cells = Array(repeating: "", count: header.count)
      for (key, value) in values { cells[index(key)] = value }
      for language in languages {
        let column = FormLanguages.columnName(language)
        if let label { cells[index("label::\(column)")] = label.text(language) }
        if let hint { cells[index("hint::\(column)")] = hint.text(language) }
        if !values["constraint", default: ""].isEmpty, let text = message(language) {
          cells[index("constraint_message::\(column)")] = text
        }
      }
      return cells
    }

    for section in survey.sections {
      let name = sectionNames[section.id]!
      var itemName: String?
      var values = ["name": name]
      if name != section.id && name != "\(section.id)_section" { values["bilan"] = "{id: \(section.id)}" }
      if let condition = section.condition { values["relevant"] = try xpath(condition, in: section) }
      if let forEach = section.forEach {
        let list = list(section.items, preferred: forEach)
        values["type"] = "begin_repeat"
        values["repeat_count"] = "count(instance('\(list)')/root/item)"
        itemName = unique("\(name)_item")
        rows.append(row(values, label: itemText(section.title, itemName)))
        rows.append(
          row([
            "type": "calculate", "name": itemName!,
            "calculation":
              "jr:itext(instance('\(list)')/root/item[position() = position(current()/..)]/itextId)",
          ]))
      } else {
        values["type"] = "begin_group"
        rows.append(row(values, label: section.title))
      }
      if let intro = section.intro {
        rows.append(row(["type": "note", "name": unique("\(name)_intro")], label: itemText(intro, itemName)))
      }
      for question in section.questions {
        rows += try questionRows(question, in: section, item: itemName, row: row)
      }
      rows.append(row(["type": section.forEach == nil ? "end_group" : "end_repeat"]))
    }

    var choices: [[String]] = [["list_name", "name"] + localizedColumns("label") + ["bilan"]]
    for list in lists {
      for (offset, choice) in list.choices.enumerated() {
        // The bilan column: the list's settings on its first row, each choice's gender on its own.
        let settings = [offset == 0 ? list.extra : "", choice.last ?? ""].filter { !$0.isEmpty }
        choices.append(
          [list.name] + choice.dropLast() + [
            settings.isEmpty ? "" : "{" + settings.joined(separator: ", ") + "}"
          ])
      }
    }
    let settings = [
      ["form_title", "form_id", "version", "default_language"],
      [
        survey.title.text(survey.defaultLanguage), survey.id, String(survey.version),
        FormLanguages.columnName(survey.defaultLanguage),
      ],
    ]
    return Sheets(survey: rows, choices: choices, settings: settings, bilan: try bilanSheet())
  }

  private mutating func questionRows(
    _ question: Question, in section: Section, item: String?,
    row: ([String: String], LocalizedText?, LocalizedText?, (String) -> String?) -> [String]
  ) throws(XLSFormError) -> [[String]] {
    var values = ["name": question.id]
    if question.required { values["required"] = "yes" }
    if let condition = question.condition { values["relevant"] = try xpath(condition, in: section) }
    var message: (String) -> String? = { _ in nil }
    let label = itemText(question.label, item)
    let help = question.help.map { itemText($0, item) }
    switch question.kind {
    case .single(let choices, let other):
      values["type"] =
        "select_one \(list(choices, preferred: listId(for: choices, question.id)))"
        + (other ? " or_other" : "")
    case .multiple(let choices, let other, let min, let max, let exclusive):
      values["type"] =
        "select_multiple \(list(choices, preferred: listId(for: choices, question.id)))"
        + (other ? " or_other" : "")
      var parts: [String] = []
      if let min { parts.append("count-selected(.) >= \(min)") }
      if let max { parts.append("count-selected(.) <= \(max)") }
      for code in exclusive { parts.append("not(selected(., '\(code)') and count-selected(.) > 1)") }
      values["constraint"] = parts.joined(separator: " and ")
      message = { ConstraintMessages.selections(min: min, max: max, exclusive: exclusive, $0) }
    case .scale(let scale):
      values["type"] = "select_one \(scaleList(scale, question: question.id))"
      values["appearance"] = "likert"
    case .nps:
      values["type"] = "range"
      values["parameters"] = "start=0 end=10 step=1"
    case .matrix(let rows, let scale):
      let scaleName = scaleList(scale, question: question.id)
      var group = values
      group["type"] = "begin_group"
      group["appearance"] = "table-list"
      group["required"] = nil
      var result = [row(group, label, help, { _ in nil })]
      for matrixRow in rows {
        var rowValues = [
          "type": "select_one \(scaleName)", "name": names["\(question.id).\(matrixRow.code)"]!,
        ]
        if question.required { rowValues["required"] = "yes" }
        result.append(row(rowValues, itemText(matrixRow.label, item), nil, { _ in nil }))
      }
      result.append(row(["type": "end_group"], nil, nil, { _ in nil }))
      return result
    case .ranking(let choices, let pick):
      values["type"] = "rank \(list(choices, preferred: listId(for: choices, question.id)))"
      if pick != choices.count { values["bilan"] = "{pick: \(pick)}" }
    case .text(let maxLength):
      values["type"] = "text"
      values["constraint"] = "string-length(.) <= \(maxLength)"
      message = { ConstraintMessages.length(maxLength, $0) }
    case .longText(let maxLength):
      values["type"] = "text"
      values["appearance"] = "multiline"
      values["constraint"] = "string-length(.) <= \(maxLength)"
      message = { ConstraintMessages.length(maxLength, $0) }
    case .number(let min, let max, let integer):
      values["type"] = integer ? "integer" : "decimal"
      var parts: [String] = []
      if let min { parts.append(". >= \(ConditionTranslator.decimal(min))") }
      if let max { parts.append(". <= \(ConditionTranslator.decimal(max))") }
      values["constraint"] = parts.joined(separator: " and ")
      message = { ConstraintMessages.bounds(min: min, max: max, $0) }
    case .boolean:
      let yes = LocalizedText(
        Dictionary(uniqueKeysWithValues: languages.map { ($0, $0 == "fr" ? "Oui" : "Yes") }))
      let no = LocalizedText(
        Dictionary(uniqueKeysWithValues: languages.map { ($0, $0 == "fr" ? "Non" : "No") }))
      values["type"] =
        "select_one \(list([Choice(code: "yes", label: yes), Choice(code: "no", label: no)], preferred: "yes_no"))"
    case .email:
      values["type"] = "text"
      values["constraint"] = #"regex(., '^[^@\s]+@[^@\s]+\.[^@\s]+$')"#
      message = { ConstraintMessages.email($0) }
    }
    return [row(values, label, help, message)]
  }

  /// `{item}` → `${repeat_item}`, the calculate that holds the loop item's label.
  private func itemText(_ text: LocalizedText, _ item: String?) -> LocalizedText {
    guard let item else { return text }
    return LocalizedText(text.texts.mapValues { $0.replacingOccurrences(of: "{item}", with: "${\(item)}") })
  }

  private func listId(for choices: [Choice], _ questionId: String) -> String {
    survey.choiceLists.first { $0.choices == choices }?.id ?? questionId
  }

  private mutating func scaleList(_ scale: Scale, question: String) -> String {
    var choices = scale.points.map { point in
      Choice(code: String(point), label: scale.labels[point] ?? LocalizedText(plain: String(point)))
    }
    if let na = scale.notApplicable { choices.append(Choice(code: "na", label: na)) }
    return list(
      choices, preferred: scale.id ?? "\(question)_scale",
      extra: scale.topBox == 2 ? "" : "top_box: \(scale.topBox)")
  }

  /// The name of a list holding `choices`: an existing one with the same
  /// choices, else a new one named `preferred` (made unique).
  private mutating func list(_ choices: [Choice], preferred: String, extra: String = "") -> String {
    // Code, labels, then the choice's own bilan settings (its French gender).
    let rows = choices.map { choice in
      [choice.code] + languages.map { choice.label.text($0) } + [
        choice.gender.map { "gender: \($0.rawValue)" } ?? ""
      ]
    }
    if let existing = lists.first(where: { $0.choices == rows && $0.extra == extra }) { return existing.name }
    var name = preferred
    var counter = 2
    while lists.contains(where: { $0.name == name }) {
      name = "\(preferred)_\(counter)"
      counter += 1
    }
    lists.append((name, rows, extra))
    return name
  }

  private mutating func unique(_ base: String) -> String {
    var name = base
    var counter = 2
    while usedNames.contains(name) {
      name = "\(base)_\(counter)"
      counter += 1
    }
    usedNames.insert(name)
    return name
  }

  // MARK: Conditions

  /// A bilan condition as an XLSForm `relevant`.
  private func xpath(_ condition: Condition, in section: Section) throws(XLSFormError) -> String {
    switch condition {
    case .or(let left, let right):
      return "\(try xpath(left, in: section)) or \(try xpath(right, in: section))"
    case .and(let left, let right):
      return "\(try wrapped(left, in: section)) and \(try wrapped(right, in: section))"
    case .not(let inner):
      return "not(\(try xpath(inner, in: section)))"
    case .comparison(let left, let op, let right):
      let symbol = op == .equal ? "=" : op.rawValue
      return
        "\(try operand(left, other: right, in: section)) \(symbol) \(try operand(right, other: left, in: section))"
    case .membership(let left, let values):
      let reference = try operand(left, other: nil, in: section)
      let parts = try values.map { value throws(XLSFormError) in
        "\(reference) = \(try operand(value, other: left, in: section))"
      }
      return "(" + parts.joined(separator: " or ") + ")"
    case .contains(let left, let right):
      return
        "selected(\(try operand(left, other: nil, in: section)), \(try operand(right, other: left, in: section)))"
    case .value(let operand):
      switch operand {
      case .reference(let key, _):
        if case .boolean = kinds[baseId(key)] { return "\(try reference(key, in: section)) = 'yes'" }
        return "\(try reference(key, in: section)) != ''"
      case .group(let inner): return "(\(try xpath(inner, in: section)))"
      default: return try self.operand(operand, other: nil, in: section)
      }
    }
  }

  private func wrapped(_ condition: Condition, in section: Section) throws(XLSFormError) -> String {
    if case .or = condition { return "(\(try xpath(condition, in: section)))" }
    return try xpath(condition, in: section)
  }

  private func operand(
    _ operand: ConditionOperand, other: ConditionOperand?, in section: Section
  ) throws(XLSFormError)
    -> String
  {
    switch operand {
    case .reference(let key, _): return try reference(key, in: section)
    case .answered(let key, _): return "\(try reference(key, in: section)) != ''"
    case .number(let value): return ConditionTranslator.decimal(value)
    case .string(let text):
      if !text.contains("'") { return "'\(text)'" }
      if !text.contains("\"") { return "\"\(text)\"" }
      throw .notExportable(
        file: survey.sourcePath, reason: "the text \(text) in a condition holds both kinds of quote")
    case .boolean(let value):
      if case .reference(let key, _)? = other, case .boolean = kinds[baseId(key)] {
        return value ? "'yes'" : "'no'"
      }
      return value ? "true()" : "false()"
    case .group(let inner): return "(\(try xpath(inner, in: section)))"
    }
  }

  private func baseId(_ key: String) -> String { String(key.split(separator: ".").first ?? "") }

  /// `${q}`; `${matrix_row}` for a matrix row; `indexed-repeat(${q}, ${loop}, n)` for one item of a loop
  /// question named from outside its loop.
  private func reference(_ key: String, in section: Section) throws(XLSFormError) -> String {
    let parts = key.split(separator: ".").map(String.init)
    let id = parts[0]
    if let loop = loops[id], !section.questions.contains(where: { $0.id == id }), parts.count >= 2 {
      guard let position = loop.items.firstIndex(of: parts[1]) else {
        throw .notExportable(file: survey.sourcePath, reason: "\(key) names no item of its loop")
      }
      let name = parts.count == 3 ? names["\(id).\(parts[2])"] ?? id : id
      return "indexed-repeat(${\(name)}, ${\(loop.repeatName)}, \(position + 1))"
    }
    if parts.count == 2, let name = names[key] { return "${\(name)}" }
    if parts.count == 3, let name = names["\(id).\(parts[2])"] { return "${\(name)}" }
    return "${\(names[id] ?? id)}"
  }

  // MARK: The bilan sheet

  /// The survey's blocks XLSForm has no place for, as YAML copied from the survey file.
  private func bilanSheet() throws(XLSFormError) -> [[String]] {
    var rows = [["key", "value"]]
    let root: Node?
    do {
      root = try Yams.compose(yaml: sourceYAML)
    } catch {
      throw .notExportable(file: survey.sourcePath, reason: "its YAML cannot be read again (\(error))")
    }
    for key in ["title", "description", "event", "privacy", "indicators", "breakdowns", "synthesis"] {
      guard let node = root?[Node(key)] else { continue }
      if key == "title", languages.count == 1, node.scalar != nil { continue }
      do {
        var text = try Yams.serialize(node: node, width: -1, allowUnicode: true)
        while text.hasSuffix("\n") { text.removeLast() }
        rows.append([key, text])
      } catch {
        throw .notExportable(file: survey.sourcePath, reason: "its \(key) block cannot be written (\(error))")
      }
    }
    return rows
  }
}
