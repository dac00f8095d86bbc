import Foundation

/// Why an export could not be written.
public enum ExportError: Error, LocalizedError, Equatable, Sendable {
  /// The disk is full: nothing was written (any earlier file is intact).
  case diskFull(path: String)
  /// The output cannot be created or written.
  case cannotWrite(path: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .diskFull(let path): "\(path): the disk is full; nothing was written"
    case .cannotWrite(let path, let reason): "\(path): cannot write the export: \(reason)"
    }
  }
}

/// A file written whole or not at all: bytes go to a temporary file beside
/// the target, which is flushed to disk and renamed over the target only
/// when everything was written. On failure the temporary file is removed and
/// the target is left as it was.
package final class AtomicFile {
  package let path: String
  private let temporaryPath: String
  private let descriptor: Int32
  private var finished = false

  package init(path: String) throws(ExportError) {
    self.path = path
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    temporaryPath = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
    descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if descriptor < 0 { throw Self.error(errno, path: path) }
  }

  deinit {
    if !finished {
      close(descriptor)
      unlink(temporaryPath)
    }
  }

  /// Appends `data`.
  package func write(_ data: Data) throws(ExportError) {
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
    if result != 0 { throw Self.error(result, path: path) }
  }

  /// Flushes to disk and puts the file in place with `mode` (0644 for an
  /// export meant to be shared, 0600 when it holds contact data).
  package func commit(mode: mode_t = 0o644) throws(ExportError) {
    if fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 {
      throw Self.error(errno, path: path)
    }
    close(descriptor)
    finished = true
    if rename(temporaryPath, path) != 0 {
      let code = errno
      unlink(temporaryPath)
      throw Self.error(code, path: path)
    }
  }

  private static func error(_ code: Int32, path: String) -> ExportError {
    code == ENOSPC || code == EDQUOT
      ? .diskFull(path: path) : .cannotWrite(path: path, reason: String(cString: strerror(code)))
  }
}
