import Foundation
import SurveyDefinition
import Yams

/// Reads the sheets of an XLSForm into a `FormDraft`, collecting every
/// problem with its sheet and row: errors for what cannot be converted
/// faithfully, warnings for what bilan has no place for (left out, never
/// silently).
struct FormReader {
  let file: String
  let fallbackLanguage: String
  private(set) var diagnostics: [XLSFormDiagnostic] = []

  init(file: String, fallbackLanguage: String) {
    self.file = file
    self.fallbackLanguage = fallbackLanguage
  }

  mutating func error(_ sheet: String?, _ row: Int?, _ message: String) {
    diagnostics.append(XLSFormDiagnostic(.error, file: file, sheet: sheet, row: row, message))
  }

  mutating func warning(_ sheet: String?, _ row: Int?, _ message: String) {
    diagnostics.append(XLSFormDiagnostic(.warning, file: file, sheet: sheet, row: row, message))
  }

  // MARK: Vocabulary

  /// Types bilan converts.
  static let convertedTypes: Set<String> = [
    "select_one", "select_multiple", "rank", "integer", "decimal", "text", "note", "range", "calculate",
    "begin_group", "end_group", "begin_repeat", "end_repeat",
  ]
  /// XLSForm types bilan has no equivalent for: left out with a warning.
  static let leftOutTypes: Set<String> = [
    "geopoint", "geotrace", "geoshape", "date", "time", "datetime", "image", "audio", "video", "file",
    "barcode",
    "acknowledge", "hidden", "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "start-geopoint", "background-audio", "background-geopoint", "xml-external",
    "csv-external", "select_one_from_file", "select_multiple_from_file", "select_one_external", "osm",
  ]
  /// Survey columns bilan reads.
  static let readColumns: Set<String> = [
    "type", "name", "label", "hint", "required", "relevant", "constraint", "constraint_message", "appearance",
    "repeat_count", "calculation", "parameters", "bilan",
  ]
  /// Survey columns of layout only, ignored without a word.
  static let layoutColumns: Set<String> = ["comments", "note", "notes"]

  // MARK: Reading

  mutating func read(_ tables: [SheetTable]) -> FormDraft? {
    func table(_ name: String) -> SheetTable? {
      tables.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == name }
    }
    guard let surveyTable = table("survey") else {
      let names = tables.map { "“\($0.name)”" }.joined(separator: ", ")
      let hint = EditDistance.hint(for: "survey", among: tables.map(\.name))
      error(
        "survey", nil, "the form has no 'survey' sheet (its sheets: \(names.isEmpty ? "none" : names))\(hint)"
      )
      return nil
    }
    let survey = HeaderedSheet(surveyTable)
    guard survey.column("type") != nil, survey.column("name") != nil else {
      error(
        "survey", survey.headerRow,
        "the first row of the survey sheet must name its columns, 'type' and 'name' among them")
      return nil
    }
    let choices = table("choices").map(HeaderedSheet.init)
    let settings = table("settings").map(HeaderedSheet.init)

    // Settings: one row of values under the header.
    var setting: [String: String] = [:]
    if let settings, let row = settings.rows.first {
      for (index, column) in settings.columns.enumerated() where !column.isEmpty {
        let value = row[index].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { continue }
        let key = HeaderedSheet.normalized(column)
        setting[key] = value
        if !["form_title", "form_id", "version", "default_language"].contains(key) && !key.hasPrefix("$") {
          warning("settings", row.number, "setting '\(column)' has no bilan equivalent; left out")
        }
      }
    }

    // Languages, from every localized column.
    var suffixes: [String] = []
    for base in ["label", "hint", "constraint_message"] {
      suffixes += survey.localizedColumns(base).compactMap(\.language)
    }
    if let choices { suffixes += choices.localizedColumns("label").compactMap(\.language) }
    for suffix in suffixes where FormLanguages.code(ofSuffix: suffix) == nil {
      error(
        "survey", survey.headerRow,
        "the language of column '…::\(suffix)' is not clear; write it as 'Name (code)', e.g. 'French (fr)'")
    }
    let languages = FormLanguages(
      suffixes: suffixes, defaultLanguage: setting["default_language"], fallback: fallbackLanguage)
    if suffixes.isEmpty && setting["default_language"] == nil {
      warning(
        "settings", nil,
        "the form does not say its language; its texts are taken as '\(languages.defaultCode)' "
          + "(set default_language, or use --language)")
    }
    context = Context(languages: languages)

    // Columns bilan does not read.
    for column in survey.columns where !column.isEmpty && !column.hasPrefix("$") && !column.hasPrefix("_") {
      let base = HeaderedSheet.normalized(column.components(separatedBy: "::")[0])
      if !Self.readColumns.contains(base) && !Self.layoutColumns.contains(base) {
        let used = survey.rows.contains { !survey.value($0, column).isEmpty }
        if used {
          warning(
            "survey", survey.headerRow, "column '\(column)' has no bilan equivalent; its values are left out")
        }
      }
    }

    let lists = readLists(choices)
    var draft = FormDraft(
      id: surveyId(setting["form_id"]), version: 1,
      title: [
        languages.defaultCode: setting["form_title"]
          ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
      ],
      languages: languages.codes)
    if let version = setting["version"] {
      if let number = Int(version), number >= 1 {
        draft.version = number
      } else {
        warning(
          "settings", settings?.rows.first?.number,
          "version '\(version)' is not a whole number; bilan's version is 1")
      }
    }
    readSurvey(survey, lists: lists, into: &draft)
    if let extras = table("bilan") { readExtras(HeaderedSheet(extras), into: &draft) }
    completeTranslations(&draft)
    return draft
  }

  // MARK: Choices

  private mutating func readLists(_ sheet: HeaderedSheet?) -> [String: DraftList] {
    guard let sheet else { return [:] }
    guard sheet.column("list_name") != nil, sheet.column("name") != nil else {
      error(
        "choices", sheet.headerRow,
        "the first row of the choices sheet must name its columns 'list_name' and 'name'")
      return [:]
    }
    for column in sheet.columns where !column.isEmpty && !column.hasPrefix("$") {
      let base = HeaderedSheet.normalized(column.components(separatedBy: "::")[0])
      if !["list_name", "name", "label", "bilan"].contains(base),
        sheet.rows.contains(where: { !sheet.value($0, column).isEmpty })
      {
        warning(
          "choices", sheet.headerRow,
          "column '\(column)' has no bilan equivalent (bilan shows every choice); left out")
      }
    }
    var lists: [String: DraftList] = [:]
    var order: [String] = []
    for row in sheet.rows {
      let listName = sheet.value(row, "list_name")
      let code = sheet.value(row, "name")
      guard !listName.isEmpty else {
        error("choices", row.number, "a choice without a list_name")
        continue
      }
      guard !code.isEmpty else {
        error("choices", row.number, "a choice of list '\(listName)' without a name")
        continue
      }
      if lists[listName] == nil {
        lists[listName] = DraftList(name: listName, choices: [], row: row.number)
        order.append(listName)
      }
      if lists[listName]!.choices.contains(where: { $0.code == code }) {
        error("choices", row.number, "list '\(listName)' has the choice '\(code)' twice")
        continue
      }
      var label = context.texts(sheet, row, "label")
      if label.isEmpty {
        label = [context.languages.defaultCode: code]
        if !isNumber(code) {
          warning(
            "choices", row.number, "choice '\(code)' of list '\(listName)' has no label; its name is shown")
        }
      }
      let bilanSettings = bilanColumn(sheet, row, "choices")
      lists[listName]!.choices.append(
        DraftChoice(code: code, label: label, row: row.number, gender: bilanSettings["gender"]))
      if let topBox = bilanSettings["top_box"].flatMap({ Int($0) }) { context.topBoxes[listName] = topBox }
    }
    return lists
  }

  // MARK: Survey

  struct Context {
    var languages: FormLanguages
    var topBoxes: [String: Int] = [:]
    init(languages: FormLanguages) { self.languages = languages }

    func texts(_ sheet: HeaderedSheet, _ row: SheetRow, _ base: String) -> [String: String] {
      var result: [String: String] = [:]
      for (language, index) in sheet.localizedColumns(base) {
        let value = row[index].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { continue }
        let code = language.flatMap(FormLanguages.code(ofSuffix:)) ?? languages.defaultCode
        if result[code] == nil { result[code] = value }
      }
      return result
    }
  }

  private var context = Context(languages: FormLanguages(suffixes: [], defaultLanguage: nil, fallback: "fr"))

  /// A group being read: a section, a group inside one (flattened), or a matrix.
  private enum Open {
    case section(index: Int, row: Int, name: String, repeatGroup: Bool)
    case nested(row: Int, name: String, relevant: String?, repeatGroup: Bool)
    case matrix(row: Int, name: String)
  }

  /// A relevant still to translate, once every name of the form is known.
  private struct PendingCondition {
    var section: Int
    var question: Int?
    var relevant: [String]
    var row: Int
  }

  private struct MatrixBuild {
    var id: String
    var label: [String: String]
    var help: [String: String]?
    var relevant: String?
    var row: Int
    var scale: String?
    var rows: [DraftChoice] = []
    var required = false
    var rowRelevant: Int?
  }

  private mutating func readSurvey(
    _ sheet: HeaderedSheet, lists: [String: DraftList], into draft: inout FormDraft
  ) {
    var stack: [Open] = []
    var symbols: [String: FormSymbol] = [:]
    var pending: [PendingCondition] = []
    var matrix: MatrixBuild?
    var usedLists: [String] = []
    var scaleNames: Set<String> = []
    var itemCalculates: [String: Int] = [:]  // calculate name → section index (the loop's item label)
    var implicitSection: Int?
    let questionNames = Set(sheet.rows.map { sheet.value($0, "name") }.filter { !$0.isEmpty })

    func currentSection() -> Int? {
      for open in stack.reversed() { if case .section(let index, _, _, _) = open { return index } }
      return nil
    }
    func nestedRelevants() -> [String] {
      stack.compactMap {
        if case .nested(_, _, let relevant?, _) = $0 { return relevant } else { return nil }
      }
    }
    func uniqueSectionId(_ base: String) -> String {
      var id = base
      var counter = 2
      while draft.sections.contains(where: { $0.id == id }) {
        id = "\(base)_\(counter)"
        counter += 1
      }
      return id
    }

    for row in sheet.rows {
      let rawType = sheet.value(row, "type")
      let name = sheet.value(row, "name")
      let words = rawType.split(whereSeparator: \.isWhitespace).map(String.init)
      guard !words.isEmpty else {
        if !name.isEmpty { error("survey", row.number, "row '\(name)' has no type") }
        continue
      }
      var type = words[0].lowercased()
      var arguments = Array(words.dropFirst())
      if (type == "begin" || type == "end"), let what = arguments.first?.lowercased(),
        ["group", "repeat"].contains(what)
      {
        type += "_" + what
        arguments.removeFirst()
      }
      let label = context.texts(sheet, row, "label")
      let hint = context.texts(sheet, row, "hint")
      let relevant = sheet.value(row, "relevant")
      let appearance = sheet.value(row, "appearance").lowercased()
      let bilanSettings = bilanColumn(sheet, row, "survey")

      if !Self.convertedTypes.contains(type) {
        if Self.leftOutTypes.contains(type) {
          if !name.isEmpty { symbols[name] = FormSymbol(key: name, kind: .dropped(type)) }
          warning(
            "survey", row.number,
            "'\(type)' \(name.isEmpty ? "row" : "question '\(name)'") has no bilan equivalent; left out")
        } else {
          let known = Self.convertedTypes.union(Self.leftOutTypes)
          error(
            "survey", row.number, "unknown type '\(rawType)'\(EditDistance.hint(for: type, among: known))")
        }
        continue
      }
      if type != "end_group" && type != "end_repeat" {
        guard !name.isEmpty else {
          error("survey", row.number, "a '\(type)' row without a name")
          continue
        }
        if type != "begin_group" && type != "begin_repeat" && !type.hasPrefix("end")
          && !SurveyCodes.isCode(name)
        {
          error(
            "survey", row.number,
            "name '\(name)' is not a bilan id (lowercase letters, digits and _); rename it, e.g. '\(SurveyCodes.suggestion(name))'"
          )
          continue
        }
      }

      // Inside a matrix: only its rows.
      if var building = matrix {
        if type == "end_group" {
          matrix = nil
          stack.removeLast()
          guard let scale = building.scale, !building.rows.isEmpty else {
            error("survey", building.row, "table-list group '\(building.id)' holds no select_one rows")
            continue
          }
          guard
            let section = currentSection()
              ?? implicitSectionIndex(&implicitSection, &draft, row: building.row)
          else { continue }
          var question = DraftQuestion(
            id: building.id, kind: .matrix(rows: building.rows, scale: scale), label: building.label,
            help: building.help, required: building.required, row: building.row)
          question.notes.append("a table-list group of the XLSForm")
          draft.sections[section].questions.append(question)
          let relevants = nestedRelevants() + (building.relevant.map { [$0] } ?? [])
          if !relevants.isEmpty {
            pending.append(
              PendingCondition(
                section: section, question: draft.sections[section].questions.count - 1, relevant: relevants,
                row: building.row))
          }
          continue
        }
        guard type == "select_one", let listName = arguments.first else {
          error(
            "survey", row.number,
            "'\(type)' inside table-list group '\(building.id)': a matrix holds select_one rows only")
          continue
        }
        // The header row of ODK's table pattern (appearance `label`) holds no answer.
        if appearance.contains("label") && !appearance.contains("nolabel") { continue }
        guard let list = lists[listName] else {
          error(
            "survey", row.number,
            "list '\(listName)' is not in the choices sheet\(EditDistance.hint(for: listName, among: lists.keys))"
          )
          continue
        }
        if building.scale == nil {
          building.scale = listName
          if !scaleNames.contains(listName), let scale = makeScale(list, row: row.number) {
            draft.scales.append(scale)
            scaleNames.insert(listName)
          }
        } else if building.scale != listName {
          error(
            "survey", row.number,
            "the rows of matrix '\(building.id)' must share one list; this one uses '\(listName)'")
        }
        var code = name
        if code.hasPrefix(building.id + "_") { code = String(code.dropFirst(building.id.count + 1)) }
        building.rows.append(
          DraftChoice(
            code: code, label: label.isEmpty ? [context.languages.defaultCode: code] : label, row: row.number)
        )
        if isRequired(sheet.value(row, "required"), row: row.number) { building.required = true }
        if !relevant.isEmpty {
          warning(
            "survey", row.number,
            "the relevant of matrix row '\(name)' is left out: bilan asks every row of a matrix")
        }
        symbols[name] = FormSymbol(
          key: "\(building.id).\(code)", kind: scaleKind(list),
          loop: currentSection().flatMap { draft.sections[$0].forEach != nil ? $0 : nil })
        matrix = building
        continue
      }

      switch type {
      case "begin_group", "begin_repeat":
        let isRepeat = type == "begin_repeat"
        if !isRepeat, appearance.contains("table-list") || bilanSettings["type"] == "matrix" {
          symbols[name] = FormSymbol(key: name, kind: .group)
          stack.append(.matrix(row: row.number, name: name))
          matrix = MatrixBuild(
            id: name, label: label, help: hint.isEmpty ? nil : hint,
            relevant: relevant.isEmpty ? nil : relevant, row: row.number)
          continue
        }
        if currentSection() != nil {
          // bilan's sections do not nest: the inner group's questions join the section, with its condition.
          stack.append(
            .nested(
              row: row.number, name: name, relevant: relevant.isEmpty ? nil : relevant, repeatGroup: isRepeat)
          )
          symbols[name] = FormSymbol(key: name, kind: .group)
          warning(
            "survey", row.number,
            "\(isRepeat ? "repeat" : "group") '\(name)' inside another group: its questions join the enclosing section"
              + (isRepeat ? " and are asked once" : "") + (label.isEmpty ? "" : "; its label is left out"))
          continue
        }
        implicitSection = nil
        var id = bilanSettings["id"] ?? name
        if bilanSettings["id"] == nil, id.hasSuffix("_section"),
          questionNames.contains(String(id.dropLast(8)))
        {
          id = String(id.dropLast(8))
        }
        if !SurveyCodes.isCode(id) { id = SurveyCodes.suggestion(id) }
        var section = DraftSection(
          id: uniqueSectionId(id), title: label.isEmpty ? draft.title : label,
          intro: hint.isEmpty ? nil : hint,
          row: row.number, groupName: name)
        var symbol = FormSymbol(key: name, kind: .group)
        if isRepeat {
          let count = sheet.value(row, "repeat_count")
          if let listName = bilanSettings["for_each"] ?? Self.instanceList(count), let list = lists[listName]
          {
            section.forEach = listName
            symbol.loopItems = list.choices.map(\.code)
            if !draft.itemLists.contains(where: { $0.name == listName }) { draft.itemLists.append(list) }
          } else {
            warning(
              "survey", row.number,
              "repeat '\(name)' does not loop over a choice list (repeat_count: count(instance('LIST')/root/item)); "
                + "bilan asks its questions once")
          }
        }
        draft.sections.append(section)
        symbols[name] = symbol
        stack.append(
          .section(index: draft.sections.count - 1, row: row.number, name: name, repeatGroup: isRepeat))
        if !relevant.isEmpty {
          pending.append(
            PendingCondition(
              section: draft.sections.count - 1, question: nil, relevant: [relevant], row: row.number))
        }
      case "end_group", "end_repeat":
        let closesRepeat = type == "end_repeat"
        guard let open = stack.popLast() else {
          error("survey", row.number, "'\(type)' without a matching begin")
          continue
        }
        let opensRepeat: Bool
        switch open {
        case .section(_, _, _, let repeatGroup), .nested(_, _, _, let repeatGroup): opensRepeat = repeatGroup
        case .matrix: opensRepeat = false
        }
        if opensRepeat != closesRepeat {
          error("survey", row.number, "'\(type)' closes a \(opensRepeat ? "begin_repeat" : "begin_group")")
        }
      default:
        guard
          let section = currentSection() ?? implicitSectionIndex(&implicitSection, &draft, row: row.number)
        else { continue }
        let loop = draft.sections[section].forEach != nil ? section : nil
        if type == "calculate" {
          let calculation = sheet.value(row, "calculation")
          if loop != nil, let listName = Self.instanceList(calculation),
            listName == draft.sections[section].forEach
          {
            itemCalculates[name] = section
            symbols[name] = FormSymbol(key: name, kind: .dropped("calculate"), loop: loop)
          } else {
            symbols[name] = FormSymbol(key: name, kind: .dropped("calculate"), loop: loop)
            warning("survey", row.number, "calculate '\(name)' has no bilan equivalent; left out")
          }
          continue
        }
        if type == "note" {
          if label.isEmpty { continue }
          let relevants = nestedRelevants() + (relevant.isEmpty ? [] : [relevant])
          if draft.sections[section].questions.isEmpty && relevants.isEmpty {
            let joined = draft.sections[section].intro.map { merge($0, label) } ?? label
            draft.sections[section].intro = joined
          } else {
            // A note between questions opens a new section, introduced by it.
            var continuation = draft.sections[section]
            continuation.id = uniqueSectionId(name)
            continuation.intro = label
            continuation.questions = []
            continuation.row = row.number
            draft.sections.append(continuation)
            let index = draft.sections.count - 1
            if let position = stack.lastIndex(where: {
              if case .section = $0 { return true } else { return false }
            }),
              case .section(_, let openRow, let openName, let repeatGroup) = stack[position]
            {
              stack[position] = .section(index: index, row: openRow, name: openName, repeatGroup: repeatGroup)
            } else {
              implicitSection = index
            }
            let inherited = pending.filter { $0.section == section && $0.question == nil }.flatMap(\.relevant)
            if !inherited.isEmpty || !relevants.isEmpty {
              pending.append(
                PendingCondition(
                  section: index, question: nil, relevant: inherited + relevants, row: row.number))
            }
            symbols[name] = FormSymbol(key: name, kind: .group)
          }
          continue
        }
        guard
          let question = makeQuestion(
            type: type, arguments: arguments, name: name, label: label, hint: hint, appearance: appearance,
            row: row, sheet: sheet, lists: lists, settings: bilanSettings, usedLists: &usedLists,
            scaleNames: &scaleNames,
            draft: &draft, symbols: &symbols, loop: loop)
        else { continue }
        var built = question
        if built.label.isEmpty {
          error("survey", row.number, "question '\(name)' has no label")
          continue
        }
        built.label = itemLabel(built.label, calculates: itemCalculates, section: section, row: row.number)
        draft.sections[section].questions.append(built)
        let relevants = nestedRelevants() + (relevant.isEmpty ? [] : [relevant])
        if !relevants.isEmpty {
          pending.append(
            PendingCondition(
              section: section, question: draft.sections[section].questions.count - 1, relevant: relevants,
              row: row.number))
        }
      }
    }
    if matrix != nil || !stack.isEmpty {
      for open in stack {
        switch open {
        case .section(_, let row, let name, let repeatGroup), .nested(let row, let name, _, let repeatGroup):
          error("survey", row, "\(repeatGroup ? "begin_repeat" : "begin_group") '\(name)' is never closed")
        case .matrix(let row, let name):
          error("survey", row, "begin_group '\(name)' is never closed")
        }
      }
    }
    for index in draft.sections.indices {
      draft.sections[index].title = itemLabel(
        draft.sections[index].title, calculates: itemCalculates, section: index,
        row: draft.sections[index].row)
      if let intro = draft.sections[index].intro {
        draft.sections[index].intro = itemLabel(
          intro, calculates: itemCalculates, section: index, row: draft.sections[index].row)
      }
    }
    // Sections left without questions (a group of notes only).
    for section in draft.sections where section.questions.isEmpty {
      warning("survey", section.row, "section '\(section.id)' has no question bilan can ask; left out")
    }
    let emptyIndices = Set(draft.sections.indices.filter { draft.sections[$0].questions.isEmpty })

    // Conditions, now that every name is known.
    let translator = ConditionTranslator(symbols: symbols)
    for condition in pending where !emptyIndices.contains(condition.section) {
      let loop = draft.sections[condition.section].forEach != nil ? condition.section : nil
      var parts: [String] = []
      for relevant in condition.relevant {
        do {
          let text = try translator.condition(relevant, loop: loop)
          parts.append(condition.relevant.count > 1 && text.contains(" or ") ? "(\(text))" : text)
        } catch {
          self.error("survey", condition.row, "relevant '\(relevant)' cannot be converted: \(error.message)")
        }
      }
      guard parts.count == condition.relevant.count else { continue }
      let when = parts.joined(separator: " and ")
      if let question = condition.question {
        draft.sections[condition.section].questions[question].when = when
      } else {
        draft.sections[condition.section].when = when
      }
    }
    draft.sections = draft.sections.enumerated().filter { !emptyIndices.contains($0.offset) }.map(\.element)
    var seenLists: Set<String> = []
    draft.choiceLists = usedLists.compactMap { name in
      guard !seenLists.contains(name), let list = lists[name] else { return nil }
      seenLists.insert(name)
      return list
    }
  }

  private mutating func implicitSectionIndex(
    _ implicit: inout Int?, _ draft: inout FormDraft, row: Int
  ) -> Int? {
    if let implicit { return implicit }
    var id = "questions"
    var counter = 2
    while draft.sections.contains(where: { $0.id == id }) {
      id = "questions_\(counter)"
      counter += 1
    }
    draft.sections.append(DraftSection(id: id, title: draft.title, row: row))
    implicit = draft.sections.count - 1
    return implicit
  }

  /// `${item_calculate}` in a loop's texts → `{item}`.
  private mutating func itemLabel(
    _ text: [String: String], calculates: [String: Int], section: Int, row: Int
  ) -> [String: String] {
    var result = text
    for (language, value) in text where value.contains("${") {
      var replaced = value
      for (name, loop) in calculates where loop == section {
        replaced = replaced.replacingOccurrences(of: "${\(name)}", with: "{item}")
      }
      if replaced.contains("${") {
        warning("survey", row, "text '\(value)' shows another answer (${…}); bilan shows it as written")
      }
      result[language] = replaced
    }
    return result
  }

  private func merge(_ first: [String: String], _ second: [String: String]) -> [String: String] {
    var result = first
    for (language, text) in second { result[language] = result[language].map { $0 + "\n\n" + text } ?? text }
    return result
  }

  /// `count(instance('outils')/root/item)`, `jr:itext(instance('outils')/…)` → `outils`.
  static func instanceList(_ expression: String) -> String? {
    guard let start = expression.range(of: "instance(") else { return nil }
    let rest = expression[start.upperBound...].drop { $0 == " " }
    guard let quote = rest.first, quote == "'" || quote == "\"" else { return nil }
    let name = rest.dropFirst().prefix { $0 != quote }
    return name.isEmpty ? nil : String(name)
  }

  // MARK: Questions

  private mutating func makeQuestion(
    type: String, arguments: [String], name: String, label: [String: String], hint: [String: String],
    appearance: String, row: SheetRow, sheet: HeaderedSheet, lists: [String: DraftList],
    settings extension: [String: String],
    usedLists: inout [String], scaleNames: inout Set<String>, draft: inout FormDraft,
    symbols: inout [String: FormSymbol], loop: Int?
  ) -> DraftQuestion? {
    let required = isRequired(sheet.value(row, "required"), row: row.number)
    let constraint = sheet.value(row, "constraint")
    let message = context.texts(sheet, row, "constraint_message")
    var question = DraftQuestion(
      id: name, kind: .text(maxLength: nil), label: label, help: hint.isEmpty ? nil : hint,
      required: required,
      row: row.number)
    var understood = Constraint.parse(constraint)
    if understood == nil {
      warning("survey", row.number, "constraint '\(constraint)' cannot be read; left out")
      understood = Constraint()
    }
    var bounds = understood!
    let symbolKind: FormSymbol.Kind

    switch type {
    case "select_one", "select_multiple", "rank":
      guard let listName = arguments.first else {
        error("survey", row.number, "'\(type)' needs a list name: '\(type) LIST'")
        return nil
      }
      guard let list = lists[listName] else {
        error(
          "survey", row.number,
          "list '\(listName)' is not in the choices sheet\(EditDistance.hint(for: listName, among: lists.keys))"
        )
        return nil
      }
      let orOther = arguments.dropFirst().first?.lowercased() == "or_other"
      if arguments.count > (orOther ? 2 : 1) {
        error(
          "survey", row.number,
          "'\(arguments.dropFirst().joined(separator: " "))' after the list name is not understood (only or_other is)"
        )
      }
      for choice in list.choices where !SurveyCodes.isCode(choice.code) {
        error(
          "choices", choice.row,
          "choice name '\(choice.code)' is not a bilan code (lowercase letters, digits and _); rename it, e.g. '\(SurveyCodes.suggestion(choice.code))'"
        )
        return nil
      }
      let codes = Set(list.choices.map(\.code))
      if type == "select_one" && !orOther && codes == ["yes", "no"] {
        question.kind = .boolean
        symbolKind = .boolean
      } else if type == "select_one" && appearance.contains("likert") && !orOther {
        guard let scale = makeScale(list, row: row.number) else { return nil }
        if !scaleNames.contains(listName) {
          draft.scales.append(scale)
          scaleNames.insert(listName)
        }
        question.kind = .scale(listName)
        symbolKind = scaleKind(list)
      } else if type == "select_one" {
        usedLists.append(listName)
        question.kind = .single(list: listName, other: orOther)
        symbolKind = .single
      } else if type == "select_multiple" {
        usedLists.append(listName)
        for code in bounds.exclusive where !codes.contains(code) {
          warning(
            "survey", row.number,
            "the constraint names '\(code)', which list '\(listName)' does not have; left out")
        }
        question.kind = .multiple(
          list: listName, other: orOther, min: bounds.minSelected, max: bounds.maxSelected,
          exclusive: bounds.exclusive.filter(codes.contains))
        bounds.minSelected = nil
        bounds.maxSelected = nil
        bounds.exclusive = []
        symbolKind = .multiple
      } else {
        usedLists.append(listName)
        if orOther { warning("survey", row.number, "or_other on a rank question is left out") }
        let pick = `extension`["pick"].flatMap { Int($0) }
        question.kind = .ranking(list: listName, pick: pick)
        symbolKind = .ranking
      }
    case "integer", "decimal":
      question.kind = .number(min: bounds.minimum, max: bounds.maximum, integer: type == "integer")
      bounds.minimum = nil
      bounds.maximum = nil
      symbolKind = .number
    case "range":
      let parameters = Self.parameters(sheet.value(row, "parameters"))
      let start = parameters["start"].flatMap(Double.init) ?? 1
      let end = parameters["end"].flatMap(Double.init) ?? 10
      let step = parameters["step"].flatMap(Double.init) ?? 1
      if start == 0 && end == 10 && step == 1 {
        question.kind = .nps
        symbolKind = .number
      } else if step == 1, start == start.rounded(), end == end.rounded(), start < end {
        let scale = DraftScale(
          name: "\(name)_scale", min: Int(start), max: Int(end), labels: [:], topBox: nil, notApplicable: nil,
          row: row.number)
        draft.scales.append(scale)
        question.kind = .scale(scale.name)
        symbolKind = .number
      } else {
        question.kind = .number(min: min(start, end), max: max(start, end), integer: step == step.rounded())
        symbolKind = .number
      }
    default:  // text
      if bounds.email {
        question.kind = .email
        bounds.email = false
      } else {
        let multiline = appearance.contains("multiline")
        question.kind =
          multiline ? .longText(maxLength: bounds.maxLength) : .text(maxLength: bounds.maxLength)
        bounds.maxLength = nil
      }
      symbolKind = .text
    }
    if !bounds.isEmpty {
      warning("survey", row.number, "constraint '\(constraint)' does not fit a \(type) question; left out")
    }
    if !message.isEmpty, !constraint.isEmpty {
      let expected = ConstraintMessages.message(for: question.kind, language: context.languages.defaultCode)
      if expected != message[context.languages.defaultCode] {
        question.notes.append(
          "constraint message: \(message.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; "))"
        )
        warning(
          "survey", row.number,
          "the constraint message is kept as a comment: bilan explains a refused answer in its own words")
      }
    }
    symbols[name] = FormSymbol(key: name, kind: symbolKind, loop: loop)
    return question
  }

  private func scaleKind(_ list: DraftList) -> FormSymbol.Kind {
    let (points, na) = Self.points(list)
    return .scale(points: points, na: na)
  }

  /// Choice name → point: the names themselves when they are whole numbers
  /// (one other name is the not-applicable answer), else 1…n in list order.
  static func points(_ list: DraftList) -> ([String: Int], String?) {
    let numeric = list.choices.filter { Int($0.code) != nil }
    let others = list.choices.filter { Int($0.code) == nil }
    if numeric.count >= 2 && others.count <= 1 {
      return (Dictionary(uniqueKeysWithValues: numeric.map { ($0.code, Int($0.code)!) }), others.first?.code)
    }
    return (Dictionary(uniqueKeysWithValues: list.choices.enumerated().map { ($1.code, $0 + 1) }), nil)
  }

  private mutating func makeScale(_ list: DraftList, row: Int) -> DraftScale? {
    let (points, na) = Self.points(list)
    let values = points.values.sorted()
    guard let low = values.first, let high = values.last, values.count >= 2, values == Array(low...high)
    else {
      error(
        "survey", row,
        "likert list '\(list.name)' must have consecutive whole-number names (1, 2, 3…) to be a scale")
      return nil
    }
    if points.count == list.choices.count, list.choices.contains(where: { Int($0.code) == nil }) {
      let mapping = list.choices.map { "\($0.code) = \(points[$0.code]!)" }.joined(separator: ", ")
      warning(
        "choices", list.row,
        "list '\(list.name)' becomes a scale of points \(low) to \(high) (\(mapping)); answers are stored as points"
      )
    }
    var labels: [Int: [String: String]] = [:]
    var notApplicable: [String: String]?
    for choice in list.choices {
      if let point = points[choice.code] {
        // A label that is only the number is no label (bilan shows the numbers).
        if !(choice.label.values.allSatisfy { $0 == choice.code }) { labels[point] = choice.label }
      } else if choice.code == na {
        notApplicable = choice.label
      }
    }
    return DraftScale(
      name: list.name, min: low, max: high, labels: labels, topBox: context.topBoxes[list.name],
      notApplicable: notApplicable, row: list.row)
  }

  private mutating func isRequired(_ value: String, row: Int) -> Bool {
    switch value.lowercased() {
    case "", "no", "false", "false()", "0", "non": return false
    case "yes", "true", "true()", "1", "oui": return true
    default:
      warning(
        "survey", row,
        "required '\(value)' is a condition, which bilan cannot make required; the question is optional")
      return false
    }
  }

  /// The `bilan` column: a YAML flow map of what XLSForm cannot say (`{pick: 3}`).
  private mutating func bilanColumn(
    _ sheet: HeaderedSheet, _ row: SheetRow, _ name: String
  ) -> [String: String] {
    let text = sheet.value(row, "bilan")
    guard !text.isEmpty else { return [:] }
    guard let map = (try? Yams.load(yaml: text)) as? [String: Any] else {
      warning(name, row.number, "the bilan column '\(text)' is not a map such as {pick: 3}; left out")
      return [:]
    }
    var result: [String: String] = [:]
    for (key, value) in map {
      if ["pick", "top_box", "id", "for_each", "type", "gender"].contains(key) {
        result[key] = "\(value)"
      } else {
        warning(name, row.number, "'\(key)' in the bilan column is not known; left out")
      }
    }
    return result
  }

  static func parameters(_ text: String) -> [String: String] {
    var result: [String: String] = [:]
    for part in text.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," }) {
      let pair = part.split(separator: "=", maxSplits: 1)
      if pair.count == 2 { result[pair[0].lowercased()] = String(pair[1]) }
    }
    return result
  }

  private func isNumber(_ text: String) -> Bool { Double(text) != nil }

  private mutating func surveyId(_ formId: String?) -> String {
    let base = formId ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    let id = SurveyCodes.surveyId(base)
    if id != base {
      warning(
        "settings", nil, "form id '\(base)' becomes the survey id '\(id)' (lowercase letters, digits and -)")
    }
    return id
  }

  // MARK: The bilan sheet and translations

  private mutating func readExtras(_ sheet: HeaderedSheet, into draft: inout FormDraft) {
    let keys = ["title", "description", "event", "privacy", "indicators", "breakdowns", "synthesis"]
    for row in sheet.rows {
      let key = sheet.value(row, "key")
      let value = sheet.value(row, "value")
      guard keys.contains(key) else {
        warning(
          "bilan", row.number,
          "'\(key)' is not a block bilan reads here (\(keys.joined(separator: ", "))); left out")
        continue
      }
      do {
        _ = try Yams.compose(yaml: value)
      } catch {
        self.error("bilan", row.number, "the value of '\(key)' is not valid YAML: \(error)")
        continue
      }
      draft.extras.append((key, value, row.number))
    }
  }

  /// Every text in every language: a missing one takes the default language's text, with a warning.
  private mutating func completeTranslations(_ draft: inout FormDraft) {
    let languages = draft.languages
    func complete(_ text: inout [String: String], sheet: String, row: Int?, what: String) {
      guard languages.count > 1, let fallback = text[languages[0]] ?? text.values.first else { return }
      for language in languages where text[language] == nil {
        text[language] = fallback
        warning(sheet, row, "\(what) has no '\(language)' text; the '\(languages[0])' one is used")
      }
    }
    for index in draft.choiceLists.indices {
      for choice in draft.choiceLists[index].choices.indices {
        let item = draft.choiceLists[index].choices[choice]
        complete(
          &draft.choiceLists[index].choices[choice].label, sheet: "choices", row: item.row,
          what: "choice '\(item.code)'")
      }
    }
    for index in draft.itemLists.indices {
      for choice in draft.itemLists[index].choices.indices {
        let item = draft.itemLists[index].choices[choice]
        complete(
          &draft.itemLists[index].choices[choice].label, sheet: "choices", row: item.row,
          what: "choice '\(item.code)'")
      }
    }
    for index in draft.scales.indices {
      let scale = draft.scales[index]
      for point in scale.labels.keys {
        complete(
          &draft.scales[index].labels[point]!, sheet: "choices", row: scale.row,
          what: "point \(point) of '\(scale.name)'")
      }
      if draft.scales[index].notApplicable != nil {
        complete(
          &draft.scales[index].notApplicable!, sheet: "choices", row: scale.row,
          what: "the not-applicable answer of '\(scale.name)'")
      }
    }
    for index in draft.sections.indices {
      let section = draft.sections[index]
      complete(
        &draft.sections[index].title, sheet: "survey", row: section.row,
        what: "the label of group '\(section.id)'")
      if draft.sections[index].intro != nil {
        complete(
          &draft.sections[index].intro!, sheet: "survey", row: section.row,
          what: "the intro of '\(section.id)'")
      }
      for question in section.questions.indices {
        let row = section.questions[question].row
        let id = section.questions[question].id
        complete(
          &draft.sections[index].questions[question].label, sheet: "survey", row: row,
          what: "question '\(id)'")
        if draft.sections[index].questions[question].help != nil {
          complete(
            &draft.sections[index].questions[question].help!, sheet: "survey", row: row,
            what: "the hint of '\(id)'")
        }
        if case .matrix(var rows, let scale) = draft.sections[index].questions[question].kind {
          for r in rows.indices {
            complete(&rows[r].label, sheet: "survey", row: rows[r].row, what: "matrix row '\(rows[r].code)'")
          }
          draft.sections[index].questions[question].kind = .matrix(rows: rows, scale: scale)
        }
      }
    }
    if !draft.extras.contains(where: { $0.key == "title" }) {
      complete(&draft.title, sheet: "settings", row: nil, what: "the form title")
    }
  }
}
