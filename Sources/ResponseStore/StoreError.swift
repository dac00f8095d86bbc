import Foundation

/// Why the response store could not do what was asked.
///
/// Every case names the store file, so a message is enough to find and fix
/// the problem. `isInputError` tells the executable whether to exit 1 (a file
/// that is not what it should be) or 3 (an I/O or storage failure).
public enum StoreError: Error, LocalizedError, Equatable, Sendable {
  /// The file exists but is not a bilan response store (another SQLite
  /// database, or not SQLite at all).
  case notAStore(path: String)
  /// SQLite reports the file as damaged.
  case corrupt(path: String, detail: String)
  /// The store holds the responses of another survey.
  case otherSurvey(path: String, found: String, expected: String)
  /// The store was written by a newer bilan (unknown migrations).
  case newerFormat(path: String, migrations: [String])
  /// Another process kept the store locked longer than the busy timeout.
  case locked(path: String, seconds: Double)
  /// The disk (or the quota) is full: nothing of the last change was kept.
  case diskFull(path: String)
  /// The store file does not exist (when opened for reading only).
  case notFound(path: String)
  /// The store cannot be created, opened, read or written.
  case io(path: String, detail: String)
  /// No response with this id in the store.
  case unknownResponse(id: UUID, path: String)
  /// `begin` was given a response whose id is already stored.
  case duplicateResponse(id: UUID, path: String)
  /// A response given to the store belongs to another survey than the store's.
  case responseOfOtherSurvey(id: UUID, survey: String, expected: String)
  /// A stored value does not have the type its key says (a damaged or hand-edited store).
  case invalidStoredValue(path: String, response: UUID, key: String, detail: String)
  /// `--store` (or `BILAN_STORE`) is not a store address bilan can read;
  /// `address` is shown without its password.
  case invalidAddress(address: String, reason: String)
  /// The database server cannot be reached, or the connection to it was
  /// lost; `path` is the server's URL without its password.
  case serverUnavailable(path: String, detail: String)
  /// The database role may not do what the command needs (a reporting role
  /// reading contact data, a role that may not create bilan's tables).
  case permissionDenied(path: String, detail: String)

  public var errorDescription: String? {
    switch self {
    case .notAStore(let path):
      "\(path): not a bilan response store (give another --store path, or move this file away)"
    case .corrupt(let path, let detail):
      "\(path): the store file is damaged (\(detail)); restore it from a copy or export what can be read"
    case .otherSurvey(let path, let found, let expected):
      "\(path): this store holds the responses of survey '\(found)', not '\(expected)'; "
        + "give the right --store path"
    case .newerFormat(let path, let migrations):
      "\(path): written by a newer version of bilan (unknown migrations: "
        + "\(migrations.joined(separator: ", "))); update bilan"
    case .locked(let path, let seconds):
      "\(path): the store stayed locked by another process for more than \(Int(seconds)) s; try again"
    case .diskFull(let path):
      "\(path): the disk is full; nothing of the last change was stored. Free some space and try again"
    case .notFound(let path):
      "\(path): no response store here (collect responses with `bilan ask` or `bilan import`, or give --store PATH)"
    case .io(let path, let detail):
      "\(path): \(detail)"
    case .unknownResponse(let id, let path):
      "\(path): no response \(id.uuidString.lowercased()) in the store"
    case .duplicateResponse(let id, let path):
      "\(path): a response \(id.uuidString.lowercased()) is already stored"
    case .responseOfOtherSurvey(let id, let survey, let expected):
      "response \(id.uuidString.lowercased()) belongs to survey '\(survey)', not '\(expected)'"
    case .invalidStoredValue(let path, let response, let key, let detail):
      "\(path): response \(response.uuidString.lowercased()), answer '\(key)': \(detail)"
    case .invalidAddress(let address, let reason):
      "--store \(address): \(reason)"
    case .serverUnavailable(let path, let detail):
      "\(path): \(detail)"
    case .permissionDenied(let path, let detail):
      "\(path): \(detail)"
    }
  }

  /// `true` when the problem is the file given (exit 1), `false` for an I/O
  /// or storage failure (exit 3).
  public var isInputError: Bool {
    switch self {
    case .notAStore, .otherSurvey, .newerFormat, .notFound, .responseOfOtherSurvey, .invalidAddress,
      .permissionDenied:
      true
    case .corrupt, .locked, .diskFull, .io, .unknownResponse, .duplicateResponse, .invalidStoredValue,
      .serverUnavailable:
      false
    }
  }
}
