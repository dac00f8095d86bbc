import Foundation
import SurveyDefinition
import XLSXWriter

/// Writes a bilan survey as an XLSForm workbook that KoboToolbox and
/// pyxform accept: `survey`, `choices` and `settings` sheets, plus a `bilan`
/// sheet holding what XLSForm has no place for (indicators, event, privacy),
/// which XLSForm tools ignore and `XLSFormImport` reads back.
public enum XLSFormExport {
  /// The workbook's bytes, for `survey` loaded from `sourceYAML`.
  public static func workbook(for survey: Survey, sourceYAML: String) throws(XLSFormError) -> Data {
    var writer = FormWriter(survey: survey, sourceYAML: sourceYAML)
    let sheets = try writer.sheets()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bilan-xlsform-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let path = folder.appendingPathComponent("form.xlsx").path
      let workbook = try Workbook(path: path, temporaryDirectory: folder.path)
      do {
        // A fixed date: the same survey gives the same bytes.
        try workbook.setProperties(
          .init(
            title: survey.title.text(survey.defaultLanguage), subject: "XLSForm", author: "bilan",
            company: survey.event?.organiser ?? "", created: Date(timeIntervalSince1970: 1)))
        for (name, rows) in [
          ("survey", sheets.survey), ("choices", sheets.choices), ("settings", sheets.settings),
          ("bilan", sheets.bilan),
        ] {
          let sheet = try workbook.addWorksheet(name)
          for (index, cells) in rows.enumerated() {
            try sheet.writeRow(
              cells.map { $0.isEmpty ? .blank : .text($0) }, row: index,
              style: index == 0 ? CellStyle(bold: true) : .plain)
          }
          sheet.freezePanes(rows: 1)
          if name == "survey" { sheet.activate() }
        }
        try workbook.close()
      } catch {
        workbook.abandon()
        throw error
      }
      return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch let error as XLSFormError {
      throw error
    } catch {
      throw .writeFailed(reason: (error as? LocalizedError)?.errorDescription ?? "\(error)")
    }
  }
}
