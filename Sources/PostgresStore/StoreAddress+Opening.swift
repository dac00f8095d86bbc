import BilanBase
import Foundation
import ResponseStore

extension StoreAddress {
  /// The store at this address: a SQLite file, or a PostgreSQL database.
  ///
  /// Only a `postgres://` address connects anything: a file opens with
  /// SQLite alone (no event loop is started, no thread created).
  ///
  /// - Parameters:
  ///   - surveyID: the survey the command works on. A SQLite file holds one
  ///     survey's responses and refuses another's; a database holds many,
  ///     and records this survey's schema and imports.
  ///   - create: `false` to refuse a store that does not exist yet
  ///     (`StoreError.notFound`): the commands that only read.
  public func open(
    surveyID: String?, create: Bool,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(StoreError) -> any ResponseRepository {
    switch self {
    case .file(let path):
      try SQLiteResponseStore(path: path, surveyID: surveyID, create: create)
    case .server(let server):
      try PostgresResponseStore(address: server, surveyID: surveyID, create: create, environment: environment)
    }
  }
}
