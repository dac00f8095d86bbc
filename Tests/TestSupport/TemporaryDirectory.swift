import Foundation

/// A fresh directory under the system's temporary folder, removed on `remove()`.
public struct TemporaryDirectory: Sendable {
  public let url: URL

  public init(_ prefix: String = "bilan-test") throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The path of `name` inside the directory.
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  public func remove() { try? FileManager.default.removeItem(at: url) }
}
