import Foundation

/// A file written whole or not at all, and on disk when the call returns: the
/// one atomic writer of bilan.
///
/// Bytes go to a hidden temporary file beside the target, which is flushed to
/// disk (fsync) and renamed over the target only when everything was written;
/// the folder is then flushed too, so the rename survives a power cut. On any
/// failure the temporary file is removed and the target is left as it was.
///
/// Write as bytes come (`AtomicFile(path:)`, ``write(_:)``, ``commit(mode:)``),
/// all at once (``write(_:to:mode:)``), or let a library that writes files by
/// path fill the temporary file (``write(to:mode:_:)``, for libxlsxwriter).
package final class AtomicFile {
  package let path: String
  private let temporaryPath: String
  private let descriptor: Int32
  private var finished = false

  package init(path: String) throws(FileWriteError) {
    self.path = path
    temporaryPath = Self.temporaryPath(for: path)
    descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if descriptor < 0 { throw FileWriteError(code: errno, path: path) }
  }

  deinit {
    if !finished {
      close(descriptor)
      unlink(temporaryPath)
    }
  }

  /// Appends `data`.
  package func write(_ data: Data) throws(FileWriteError) {
    let result: Int32 = data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return 0
    }
    if result != 0 { throw FileWriteError(code: result, path: path) }
  }

  /// Flushes to disk and puts the file in place with `mode` (0644 for a file
  /// meant to be shared, 0600 when it holds contact data).
  package func commit(mode: mode_t = 0o644) throws(FileWriteError) {
    if fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 {
      throw FileWriteError(code: errno, path: path)
    }
    close(descriptor)
    finished = true
    try Self.rename(temporaryPath, over: path)
  }

  /// Writes `data` to `path` at once.
  package static func write(_ data: Data, to path: String, mode: mode_t = 0o644) throws(FileWriteError) {
    let file = try AtomicFile(path: path)
    try file.write(data)
    try file.commit(mode: mode)
  }

  /// Lets `body` write the file at the temporary path it is given, then
  /// flushes it and renames it over `path`. What `body` throws is rethrown,
  /// with the temporary file removed.
  ///
  /// - Parameter mode: the file's permissions, or nil to keep those the
  ///   writer gave it.
  package static func write(
    to path: String, mode: mode_t? = nil, _ body: (_ temporaryPath: String) throws -> Void
  ) throws {
    let folder = (path as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw FileWriteError.cannotWrite(path: path, reason: "no such folder: \(folder)")
    }
    let temporary = temporaryPath(for: path)
    do {
      try body(temporary)
      let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw errno == ENOENT
          ? FileWriteError.cannotWrite(path: path, reason: "nothing was written")
          : FileWriteError(code: errno, path: path)
      }
      defer { close(descriptor) }
      if let mode, fchmod(descriptor, mode) != 0 { throw FileWriteError(code: errno, path: path) }
      if fsync(descriptor) != 0 { throw FileWriteError(code: errno, path: path) }
      try rename(temporary, over: path)
    } catch {
      unlink(temporary)
      throw error
    }
  }

  /// Flushes the folder at `path` to disk: what was renamed or moved into it
  /// is there after a power cut. Best effort (some file systems refuse).
  package static func flushFolder(_ path: String) {
    let descriptor = open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }

  /// A hidden name beside `path`, unique to this process and call.
  private static func temporaryPath(for path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    return folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
  }

  private static func rename(_ temporary: String, over path: String) throws(FileWriteError) {
    if Foundation.rename(temporary, path) != 0 {
      let code = errno
      unlink(temporary)
      throw FileWriteError(code: code, path: path)
    }
    flushFolder((path as NSString).deletingLastPathComponent)
  }
}
