import Foundation

/// Files published together: written into a staging folder beside the
/// destination, then moved into it only when every one was written.
///
/// The destination may hold other files (the response store lives in
/// `Reports/SURVEY_ID/`), so files are moved one by one; a file being
/// replaced is first set aside in the staging folder, and put back if a
/// later move fails. Whatever happens the staging folder is removed.
public enum StagedOutput {
  public static func publish(into folder: URL, _ write: (URL) throws -> Void) throws -> [String] {
    let manager = FileManager.default
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    let parent = folder.standardizedFileURL.deletingLastPathComponent()
    let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).staging-\(UUID().uuidString)")
    try manager.createDirectory(at: staging, withIntermediateDirectories: false)
    defer { try? manager.removeItem(at: staging) }
    try write(staging)
    let names = try manager.contentsOfDirectory(atPath: staging.path).sorted()
    let previous = staging.appendingPathComponent(".previous-\(UUID().uuidString)")
    try manager.createDirectory(at: previous, withIntermediateDirectories: false)
    var moved: [(new: URL, setAside: URL?)] = []
    do {
      for name in names {
        let target = folder.appendingPathComponent(name)
        var setAside: URL?
        if manager.fileExists(atPath: target.path) {
          let aside = previous.appendingPathComponent(name)
          try manager.moveItem(at: target, to: aside)
          setAside = aside
        }
        moved.append((target, setAside))
        try manager.moveItem(at: staging.appendingPathComponent(name), to: target)
      }
    } catch {
      // Put everything back as it was.
      for (target, setAside) in moved.reversed() {
        try? manager.removeItem(at: target)
        if let setAside { try? manager.moveItem(at: setAside, to: target) }
      }
      throw error
    }
    return names.map { folder.appendingPathComponent($0).relativePath }
  }
}
