import Foundation

extension Survey {
  /// Loads and checks the survey file at `path`.
  ///
  /// Throws `.unreadable` when the file cannot be read and `.invalid` with
  /// every diagnostic when lint finds an error; warnings alone do not stop
  /// loading (`SurveyLinter` lists them).
  public static func load(path: String) throws(SurveyLoadError) -> Survey {
    let data = try SurveyLinter.read(path: path)
    let (survey, diagnostics) = SurveyReader(file: path).read(data: data)
    guard let survey else { throw .invalid(diagnostics) }
    return survey
  }

  /// Loads and checks a survey given as YAML text; `file` names it in diagnostics.
  public static func load(yaml: String, file: String) throws(SurveyLoadError) -> Survey {
    let (survey, diagnostics) = SurveyReader(file: file).read(data: Data(yaml.utf8))
    guard let survey else { throw .invalid(diagnostics) }
    return survey
  }
}
