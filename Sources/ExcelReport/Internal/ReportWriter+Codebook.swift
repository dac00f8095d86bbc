import Foundation
import SurveyDefinition
import XLSXWriter

extension ReportWriter {
  /// One row per answer key: key, question text, type, scale or choices
  /// (`code = label`), and the condition under which it is asked.
  func writeCodebook(_ survey: Survey, in sheet: Worksheet) throws {
    let headers = [text.key, text.section, text.questionText, text.type, text.scaleOrChoices, text.condition]
    try writeHeader(headers, in: sheet, row: 0)
    var row = 1
    for field in Self.reportedFields(of: survey) {
      let instance = field.instance
      var question = instance.label.text(language)
      if let row = field.row { question += " — " + row.label.text(language) }
      if field.isOther { question += " — " + (text.french ? "autre (précisez)" : "other (specify)") }
      let conditions = [instance.section.condition, instance.question.condition].compactMap { $0 }
      try sheet.writeRow(
        [
          .text(field.key), .text(instance.sectionTitle.text(language)), .text(question),
          .text(field.isOther ? "text" : instance.question.kind.typeName),
          .text(field.isOther ? "" : codes(of: instance.question.kind)),
          .text(conditions.map { "\($0)" }.joined(separator: " and ")),
        ], row: row, style: wrapped)
      row += 1
    }
    try finishTable(sheet, name: "Dictionnaire", headers: headers, lastRow: row - 1)
    sheet.setColumnWidth(0, 30)
    sheet.setColumnWidth(1, 24)
    sheet.setColumnWidth(2, 50)
    sheet.setColumnWidth(3, 11)
    sheet.setColumnWidth(4, 50)
    sheet.setColumnWidth(5, 30)
  }

  /// The answer keys a report shows: every field but contact data (email).
  static func reportedFields(of survey: Survey) -> [AnswerField] {
    survey.fields.filter {
      if case .email = $0.question.kind { return false }
      return true
    }
  }

  /// `3` for 3.0, `2.5` for 2.5: no locale, no trailing zeros.
  static func plain(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  /// "1 = Pas du tout d'accord; …; 5 = Tout à fait d'accord" or the choices.
  func codes(of kind: QuestionKind) -> String {
    if let choices = kind.choices {
      var entries = choices.map { "\($0.code) = \($0.label.text(language))" }
      if kind.hasOther { entries.append("other = \(text.french ? "Autre (précisez)" : "Other (specify)")") }
      return entries.joined(separator: "\n")
    }
    if let scale = kind.scale {
      var entries = scale.points.map { point in
        scale.labels[point].map { "\(point) = \($0.text(language))" } ?? "\(point)"
      }
      if let notApplicable = scale.notApplicable {
        entries.append("\(text.notApplicableCode) = \(notApplicable.text(language))")
      }
      return entries.joined(separator: "\n")
    }
    switch kind {
    case .boolean: return "true = \(text.yes)\nfalse = \(text.no)"
    case .number(let min, let max, let integer):
      let bounds = [min.map { "min \(Self.plain($0))" }, max.map { "max \(Self.plain($0))" }].compactMap {
        $0
      }
      return (bounds + (integer ? [text.french ? "entier" : "integer"] : [])).joined(separator: ", ")
    case .text(let maxLength), .longText(let maxLength):
      return text.french
        ? "texte libre, \(maxLength) caractères au plus" : "free text, at most \(maxLength) characters"
    default: return ""
    }
  }
}
