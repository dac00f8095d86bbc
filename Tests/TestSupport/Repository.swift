import Foundation

/// Paths of the repository the tests run in.
public enum Repository {
  /// The package root (the folder holding `Package.swift`).
  public static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    fatalError("Package.swift not found above \(#filePath)")
  }()

  /// A file of the repository, e.g. `Surveys/cooperation-pelussin-2015.yaml`.
  public static func path(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// The built `bilan` executable next to the test bundle.
  public static var bilanExecutable: URL {
    let bundle = Bundle.main.bundleURL
    var candidates = [bundle.deletingLastPathComponent().appendingPathComponent("bilan")]
    for argument in CommandLine.arguments.prefix(1) {
      candidates.append(
        URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("bilan"))
    }
    for directory in ["debug", "release"] {
      candidates.append(root.appendingPathComponent(".build/\(directory)/bilan"))
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }
}
