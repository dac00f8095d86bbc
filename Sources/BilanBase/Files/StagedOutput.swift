import Foundation

/// Files published together: written into a staging folder beside the
/// destination, then moved into it only when every one was written.
///
/// The destination may hold other files (the response store lives in
/// `Reports/SURVEY_ID/`), so files are moved one by one; a file being
/// replaced is first set aside in the staging folder, and put back if a
/// later move fails. Whatever happens the staging folder is removed. The
/// destination folder is flushed to disk once everything is in place.
package enum StagedOutput {
  /// Runs `write` on a new staging folder, then moves what it wrote into
  /// `folder`; returns the paths published, sorted, relative as `folder` is.
  ///
  /// - Throws: what `write` throws, or ``FileWriteError`` when a folder
  ///   cannot be made or a file moved (the previous files are then in place).
  package static func publish(into folder: URL, _ write: (URL) throws -> Void) throws -> [String] {
    let manager = FileManager.default
    try fileOperation(on: folder) {
      try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    let parent = folder.standardizedFileURL.deletingLastPathComponent()
    let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).staging-\(UUID().uuidString)")
    try fileOperation(on: folder) {
      try manager.createDirectory(at: staging, withIntermediateDirectories: false)
    }
    defer { try? manager.removeItem(at: staging) }
    try write(staging)
    let names = try fileOperation(on: staging) {
      try manager.contentsOfDirectory(atPath: staging.path).sorted()
    }
    let previous = staging.appendingPathComponent(".previous-\(UUID().uuidString)")
    try fileOperation(on: staging) {
      try manager.createDirectory(at: previous, withIntermediateDirectories: false)
    }
    var moved: [(new: URL, setAside: URL?)] = []
    do {
      for name in names {
        let target = folder.appendingPathComponent(name)
        var setAside: URL?
        if manager.fileExists(atPath: target.path) {
          let aside = previous.appendingPathComponent(name)
          try fileOperation(on: target) { try manager.moveItem(at: target, to: aside) }
          setAside = aside
        }
        moved.append((target, setAside))
        try fileOperation(on: target) {
          try manager.moveItem(at: staging.appendingPathComponent(name), to: target)
        }
      }
    } catch {
      // Put everything back as it was.
      for (target, setAside) in moved.reversed() {
        try? manager.removeItem(at: target)
        if let setAside { try? manager.moveItem(at: setAside, to: target) }
      }
      throw error
    }
    AtomicFile.flushFolder(folder.path)
    return names.map { folder.appendingPathComponent($0).relativePath }
  }

  /// Runs a FileManager operation on `url`, its failure as a ``FileWriteError``
  /// that names the file and the system's reason (Foundation's own message
  /// names neither).
  private static func fileOperation<T>(on url: URL, _ operation: () throws -> T) throws(FileWriteError) -> T {
    do {
      return try operation()
    } catch let error as CocoaError {
      let path = error.filePath ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? url.path
      if let posix = error.underlying as? POSIXError {
        throw FileWriteError(code: posix.code.rawValue, path: path)
      }
      throw .cannotWrite(path: path, reason: error.localizedDescription)
    } catch {
      throw .cannotWrite(path: url.path, reason: error.localizedDescription)
    }
  }
}
