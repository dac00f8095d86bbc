import BilanBase
import Foundation
import PostgresNIO
import ResponseStore

/// One connection to the server, used synchronously: each call sends one
/// statement and waits for its result on the calling thread (the
/// connection's own event loop does the I/O), so the store keeps the
/// synchronous `ResponseRepository` protocol that the questionnaire and the
/// engine call.
///
/// Calls are serialised by a lock. A connection found closed (the server
/// restarted) is opened again before the next statement; a statement whose
/// connection breaks is never sent twice: it fails, and the caller decides.
final class PostgresSession: @unchecked Sendable {
  /// The URL without its password, as messages show it.
  let shown: String
  private let configuration: PostgresConnection.Configuration
  private let logger: Logger
  private let lock = NSLock()
  private var connection: PostgresConnection?
  private var nextID = 1
  /// `true` between `BEGIN` and its `COMMIT` or `ROLLBACK`.
  private var inTransaction = false

  init(configuration: PostgresConnection.Configuration, shown: String) throws(StoreError) {
    self.configuration = configuration
    self.shown = shown
    var logger = Logger(label: "bilan.postgres")
    // PostgresNIO logs its protocol traffic at debug and trace level; bilan prints its own errors.
    logger.logLevel = .critical
    self.logger = logger
    lock.lock()
    defer { lock.unlock() }
    _ = try open()
  }

  deinit {
    if let connection, !connection.isClosed { _ = try? connection.close().wait() }
  }

  /// The open connection, connecting first when there is none or it closed.
  private func open() throws(StoreError) -> PostgresConnection {
    if let connection, !connection.isClosed { return connection }
    // A connection that was open and closed since: the server went away.
    let lost = connection != nil
    do {
      let opened = try PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: nextID,
        logger: logger
      ).wait()
      nextID += 1
      connection = opened
      return opened
    } catch {
      throw PostgresErrors.storeError(error, shown: shown, connecting: !lost)
    }
  }

  /// Runs one statement and returns all its rows.
  @discardableResult
  func query(_ query: PostgresQuery) throws(StoreError) -> PostgresQueryResult {
    lock.lock()
    defer { lock.unlock() }
    return try run(query)
  }

  @discardableResult
  private func run(_ query: PostgresQuery) throws(StoreError) -> PostgresQueryResult {
    let connection = try open()
    do {
      return try connection.query(query, logger: logger).wait()
    } catch {
      throw PostgresErrors.storeError(error, shown: shown, connecting: false)
    }
  }

  /// Runs `body` in one transaction (`begin`, then `COMMIT`), rolled back
  /// when it throws. `body` sends its statements through the `Transaction`
  /// it is given (the session's lock is held meanwhile).
  func transaction<T>(_ begin: String = "BEGIN", _ body: (Transaction) throws -> T) throws -> T {
    try lock.withLock { () throws -> T in
      precondition(!inTransaction, "a store call was made from inside a forEachResponse body")
      try run(PostgresQuery(unsafeSQL: begin))
      inTransaction = true
      defer { inTransaction = false }
      let result: T
      do {
        result = try body(Transaction(session: self))
      } catch {
        // A broken connection has rolled the transaction back already.
        _ = try? run(PostgresQuery(unsafeSQL: "ROLLBACK"))
        throw error
      }
      try run(PostgresQuery(unsafeSQL: "COMMIT"))
      return result
    }
  }

  /// The statements of one transaction.
  struct Transaction {
    fileprivate let session: PostgresSession

    @discardableResult
    func query(_ query: PostgresQuery) throws(StoreError) -> PostgresQueryResult {
      try session.run(query)
    }
  }
}
