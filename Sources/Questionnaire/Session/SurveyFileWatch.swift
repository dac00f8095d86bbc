import BilanBase
import Foundation
import SurveyDefinition

/// Notices that the survey file changed on disk while a kiosk runs, so that
/// no participant is asked a version of the survey other than the one their
/// answers will be filed under.
///
/// Made before the survey is loaded: a change between the two is noticed
/// too (at the first participant).
public struct SurveyFileWatch: Sendable {
  /// The survey file, as given.
  public let path: String
  /// SHA-256 of the file's bytes when the watch began.
  public let digest: String

  public init(path: String) {
    self.path = path
    self.digest = Self.digest(of: path)
  }

  /// Why the file is no longer the one loaded, or `nil` when it is unchanged.
  public func change() -> String? {
    guard FileManager.default.fileExists(atPath: path) else { return "\(path) is gone" }
    return Self.digest(of: path) == digest ? nil : "\(path) was edited"
  }

  private static func digest(of path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
    return ContentHash.hex(of: data)
  }
}
