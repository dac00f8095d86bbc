import Foundation
import SurveyDefinition

/// Converts an XLSForm (ODK, KoboToolbox, Ona, SurveyCTO) into a bilan survey.
public enum XLSFormImport {
  /// A converted survey: the YAML to write and what was left out on the way.
  public struct Result: Sendable {
    /// The survey file, which `bilan lint` accepts.
    public var yaml: String
    /// What bilan has no equivalent for (calculate, geopoint, media…), each with its sheet and row.
    public var warnings: [XLSFormDiagnostic]
  }

  /// Reads the form at `path` (`.xlsx`, or `.csv` in pyxform's one-file
  /// layout or one file per sheet) and writes it as a bilan survey.
  ///
  /// - Parameter language: the language of texts the form does not tag with one.
  /// - Throws: `XLSFormError.invalid` with every problem (`FILE:SHEET:ROW`) when
  ///   the form cannot be converted faithfully, or when the survey would not pass lint.
  public static func convert(path: String, language: String = "fr") throws(XLSFormError) -> Result {
    let url = URL(fileURLWithPath: path)
    func failure(_ message: String) -> XLSFormError {
      .invalid([XLSFormDiagnostic(.error, file: path, message)])
    }
    guard FileManager.default.fileExists(atPath: path) else { throw failure("no such file") }
    let tables: [SheetTable]
    do {
      switch url.pathExtension.lowercased() {
      case "csv", "tsv", "txt":
        tables = try CSVFormReader.sheets(of: url)
      case "xls":
        throw failure(
          "an .xls file (Excel 97–2003) cannot be read; save it as .xlsx (Excel workbook) and convert that")
      case "ods":
        throw failure("an .ods file cannot be read; save it as .xlsx (Excel workbook) and convert that")
      default:
        tables = try WorkbookReader.sheets(of: url)
      }
    } catch let failure as ReadFailure {
      throw .invalid([XLSFormDiagnostic(.error, file: path, failure.reason)])
    } catch let error as XLSFormError {
      throw error
    } catch {
      throw failure("\(error)")
    }
    var reader = FormReader(file: path, fallbackLanguage: language)
    let draft = reader.read(tables)
    var diagnostics = reader.diagnostics
    guard let draft, !diagnostics.contains(where: \.isError) else { throw .invalid(sorted(diagnostics)) }

    var writer = SurveyYAMLWriter(draft: draft, source: url.lastPathComponent)
    let yaml = writer.write()
    // The survey must pass lint as it is written: map its problems back to the form's rows.
    for problem in SurveyLinter.lint(yaml: yaml, file: "converted.yaml") {
      let origin = writer.origins.last { $0.line <= problem.location.line }
      let severity: XLSFormDiagnostic.Severity = problem.isError ? .error : .warning
      diagnostics.append(
        XLSFormDiagnostic(severity, file: path, sheet: origin?.sheet, row: origin?.row, problem.message))
    }
    diagnostics = sorted(diagnostics)
    if diagnostics.contains(where: \.isError) { throw .invalid(diagnostics) }
    return Result(yaml: yaml, warnings: diagnostics)
  }

  /// In reading order: settings first, then the survey, choices and bilan sheets, by row.
  static func sorted(_ diagnostics: [XLSFormDiagnostic]) -> [XLSFormDiagnostic] {
    let order = ["settings": 0, "survey": 1, "choices": 2, "bilan": 3]
    return diagnostics.enumerated().sorted { lhs, rhs in
      let left = (order[lhs.element.sheet ?? ""] ?? -1, lhs.element.row ?? 0, lhs.offset)
      let right = (order[rhs.element.sheet ?? ""] ?? -1, rhs.element.row ?? 0, rhs.offset)
      return left < right
    }.map(\.element)
  }
}
