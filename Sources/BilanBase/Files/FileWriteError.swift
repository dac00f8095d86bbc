import Foundation

/// Why a file could not be written (an export, a workbook, a synthesis).
public enum FileWriteError: Error, LocalizedError, Equatable, Sendable {
  /// The disk is full: nothing was written (any earlier file is intact).
  case diskFull(path: String)
  /// The file cannot be created or written: `reason` is the system's.
  case cannotWrite(path: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .diskFull(let path): "\(path): the disk is full; nothing was written"
    case .cannotWrite(let path, let reason): "\(path): cannot write the file: \(reason)"
    }
  }

  /// Why, without the path: "the disk is full", or the system's reason.
  package var reason: String {
    switch self {
    case .diskFull: "the disk is full"
    case .cannotWrite(_, let reason): reason
    }
  }

  /// The error for the system error `code` met while writing `path`.
  package init(code: Int32, path: String) {
    self =
      code == ENOSPC || code == EDQUOT
      ? .diskFull(path: path) : .cannotWrite(path: path, reason: String(cString: strerror(code)))
  }
}
