import Foundation

/// Checks survey files and lists every problem found, errors and warnings,
/// in reading order. `Survey.load` runs the same checks.
public enum SurveyLinter {
  /// The diagnostics of the survey file at `path` (an unreadable file is one
  /// error). A follow-up survey (`follows:`) is checked against the survey
  /// it follows, found among `alongside` (the other files linted with it)
  /// or beside it (`FollowUpCheck`).
  public static func lint(path: String, alongside: [String] = []) -> [Diagnostic] {
    do {
      let data = try read(path: path)
      let (survey, diagnostics) = SurveyReader(file: path).read(data: data)
      guard let survey, survey.follows != nil else { return diagnostics }
      do {
        if let original = try FollowUpCheck.followed(by: survey, candidates: alongside) {
          return (diagnostics + FollowUpCheck.check(survey, original: original)).sortedByPosition()
        }
      } catch {
        return (diagnostics + error.diagnostics).sortedByPosition()
      }
      return diagnostics
    } catch {
      return error.diagnostics
    }
  }

  /// The diagnostics of a survey given as YAML text; `file` names it in the messages.
  public static func lint(yaml: String, file: String) -> [Diagnostic] {
    SurveyReader(file: file).read(data: Data(yaml.utf8)).diagnostics
  }

  /// The diagnostics of a survey given as raw bytes (checked as UTF-8).
  public static func lint(data: Data, file: String) -> [Diagnostic] {
    SurveyReader(file: file).read(data: data).diagnostics
  }

  /// Reads a survey file, refusing directories and files over the size limit
  /// before reading them whole.
  static func read(path: String) throws(SurveyLoadError) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "no such file")
    }
    if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a directory") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path: path, reason: "permission denied")
    }
    defer { try? handle.close() }
    do {
      // One byte more than the limit is enough to know the file is too big.
      return try handle.read(upToCount: SurveyReader.maximumFileSize + 1) ?? Data()
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
  }
}
