import Foundation

/// Writes a `FormDraft` as a bilan survey file, each part preceded by a
/// comment naming the XLSForm sheet and row it comes from.
struct SurveyYAMLWriter {
  let draft: FormDraft
  let source: String
  private(set) var text = ""
  /// Which sheet row each written line comes from, for lint messages.
  private(set) var origins: [(line: Int, sheet: String, row: Int)] = []
  private var line = 1

  init(draft: FormDraft, source: String) {
    self.draft = draft
    self.source = source
  }

  mutating func write() -> String {
    emit("# Converted by `bilan convert` from the XLSForm \(source).")
    emit("# Each comment names the sheet and row of the form a part comes from.")
    emit("")
    emit("id: \(draft.id)")
    emit("version: \(draft.version)")
    emit("languages: [\(draft.languages.joined(separator: ", "))]")
    let extras = Dictionary(draft.extras.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    if extras["title"] == nil { emit("title: \(localized(draft.title))") }
    for key in ["title", "description", "event", "privacy"] {
      if let extra = extras[key] { emitExtra(extra) }
    }

    if !draft.choiceLists.isEmpty {
      emit("")
      emit("choices:")
      for list in draft.choiceLists { emitList(list) }
    }
    if !draft.scales.isEmpty {
      emit("")
      emit("scales:")
      for scale in draft.scales {
        origin("choices", scale.row)
        emit("  # choices sheet, row \(scale.row)")
        emit("  \(key(scale.name)):")
        emit("    min: \(scale.min)")
        emit("    max: \(scale.max)")
        if !scale.labels.isEmpty {
          emit("    labels:")
          for point in scale.labels.keys.sorted() {
            emit("      \(point): \(localized(scale.labels[point]!))")
          }
        }
        if let topBox = scale.topBox { emit("    top_box: \(topBox)") }
        if let na = scale.notApplicable { emit("    not_applicable: \(localized(na))") }
      }
    }
    if !draft.itemLists.isEmpty {
      emit("")
      emit("items:")
      for list in draft.itemLists { emitList(list) }
    }
    emit("")
    emit("sections:")
    for section in draft.sections {
      origin("survey", section.row)
      emit("  # survey sheet, row \(section.row)")
      emit("  - id: \(section.id)")
      emit("    title: \(localized(section.title))")
      if let intro = section.intro { emit("    intro: \(localized(intro))") }
      if let forEach = section.forEach { emit("    for_each: \(key(forEach))") }
      if let when = section.when { emit("    when: \(quoted(when))") }
      emit("    questions:")
      for question in section.questions { emitQuestion(question) }
    }
    for key in ["indicators", "breakdowns", "synthesis"] {
      if let extra = extras[key] {
        emit("")
        emitExtra(extra)
      }
    }
    return text
  }

  private mutating func emitList(_ list: DraftList) {
    origin("choices", list.row)
    emit("  # choices sheet, row \(list.row)")
    emit("  \(key(list.name)):")
    for choice in list.choices {
      emit(
        "    - {code: \(key(choice.code)), label: \(localized(choice.label))"
          + (choice.gender.map { ", gender: \(key($0))" } ?? "") + "}")
    }
  }

  private mutating func emitQuestion(_ question: DraftQuestion) {
    origin("survey", question.row)
    emit(
      "      # survey sheet, row \(question.row)"
        + (question.notes.isEmpty ? "" : "; " + question.notes.joined(separator: "; ")))
    emit("      - id: \(question.id)")
    var lines: [String] = []
    switch question.kind {
    case .single(let list, let other):
      lines = ["type: single", "choices: \(key(list))"] + (other ? ["other: true"] : [])
    case .multiple(let list, let other, let min, let max, let exclusive):
      lines = ["type: multiple", "choices: \(key(list))"] + (other ? ["other: true"] : [])
      if let min { lines.append("min: \(min)") }
      if let max { lines.append("max: \(max)") }
      if !exclusive.isEmpty { lines.append("exclusive: [\(exclusive.map(key).joined(separator: ", "))]") }
    case .scale(let scale):
      lines = ["type: scale", "scale: \(key(scale))"]
    case .nps:
      lines = ["type: nps"]
    case .matrix(let rows, let scale):
      lines = ["type: matrix", "rows:"]
      for row in rows { lines.append("  - {code: \(key(row.code)), label: \(localized(row.label))}") }
      lines.append("scale: \(key(scale))")
    case .ranking(let list, let pick):
      lines = ["type: ranking", "choices: \(key(list))"] + (pick.map { ["pick: \($0)"] } ?? [])
    case .text(let maxLength):
      lines = ["type: text"] + (maxLength.flatMap { $0 == 500 ? nil : ["max_length: \($0)"] } ?? [])
    case .longText(let maxLength):
      lines = ["type: long_text"] + (maxLength.flatMap { $0 == 5000 ? nil : ["max_length: \($0)"] } ?? [])
    case .number(let min, let max, let integer):
      lines = ["type: number"]
      if let min { lines.append("min: \(ConditionTranslator.decimal(min))") }
      if let max { lines.append("max: \(ConditionTranslator.decimal(max))") }
      if integer { lines.append("integer: true") }
    case .boolean:
      lines = ["type: boolean"]
    case .email:
      lines = ["type: email"]
    }
    let typeLine = lines.removeFirst()
    emit("        \(typeLine)")
    emit("        label: \(localized(question.label))")
    if let help = question.help { emit("        help: \(localized(help))") }
    for line in lines { emit("        \(line)") }
    if question.required { emit("        required: true") }
    if let when = question.when { emit("        when: \(quoted(when))") }
  }

  private mutating func emitExtra(_ extra: (key: String, yaml: String, row: Int)) {
    origin("bilan", extra.row)
    let value = extra.yaml.trimmingCharacters(in: .whitespacesAndNewlines)
    if value.contains("\n") || value.hasPrefix("- ") || value.contains(": ") {
      emit("# bilan sheet, row \(extra.row)")
      emit("\(extra.key):")
      for line in value.split(separator: "\n", omittingEmptySubsequences: false) { emit("  " + line) }
    } else {
      emit("\(extra.key): \(value)  # bilan sheet, row \(extra.row)")
    }
  }

  private mutating func origin(_ sheet: String, _ row: Int) { origins.append((line, sheet, row)) }

  private mutating func emit(_ content: String) {
    text += content + "\n"
    line += 1
  }

  /// A text as bilan writes it: one string for a one-language survey, else `{fr: "…", en: "…"}`.
  private func localized(_ texts: [String: String]) -> String {
    if draft.languages.count == 1 { return quoted(texts[draft.languages[0]] ?? texts.values.first ?? "") }
    let fallback = texts[draft.languages[0]] ?? texts.values.first ?? ""
    return "{" + draft.languages.map { "\($0): \(quoted(texts[$0] ?? fallback))" }.joined(separator: ", ")
      + "}"
  }

  /// A code or id, quoted when YAML would read it as something else than text (`1`, `yes`, `null`).
  private func key(_ text: String) -> String {
    let plain = text.first.map { $0.isLetter || $0 == "_" } ?? false
    let reserved: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]
    return plain && !reserved.contains(text.lowercased()) ? text : quoted(text)
  }

  /// A YAML double-quoted scalar.
  private func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          result += String(format: "\\u%04X", scalar.value)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
