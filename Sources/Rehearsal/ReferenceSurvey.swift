import Foundation

/// The reference survey (`Surveys/cooperation-pelussin-2015.yaml`), built into
/// the tool so that `bilan demo` works from any folder.
public enum ReferenceSurvey {
  /// The file name the survey has in `Surveys/`.
  public static let fileName = "cooperation-pelussin-2015.yaml"

  /// The survey's YAML text, as committed.
  public static var yaml: String {
    String(decoding: PackageResources.cooperation_pelussin_2015_yaml, as: UTF8.self)
  }

  /// Writes the survey into a new temporary folder and returns its path;
  /// the caller removes the folder.
  public static func writeTemporaryCopy() throws(RehearsalError) -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("bilan-demo-\(UUID().uuidString)", isDirectory: true)
    let file = folder.appendingPathComponent(fileName)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(PackageResources.cooperation_pelussin_2015_yaml).write(to: file)
    } catch {
      throw .cannotCopySurvey(reason: error.localizedDescription)
    }
    return file
  }
}
