import BilanBase
import Foundation
import PostgresNIO
import ResponseStore

/// The store errors that PostgresNIO's errors mean, with messages that name
/// the server (its URL without the password) and say what to do.
///
/// `PSQLError`'s own description is deliberately bare; what it carries (the
/// SQLSTATE and the server's message) is read field by field here.
enum PostgresErrors {
  static func storeError(_ error: any Error, shown: String, connecting: Bool) -> StoreError {
    if let error = error as? StoreError { return error }
    if let error = error as? PSQLError { return storeError(error, shown: shown, connecting: connecting) }
    return unreachable(error, shown: shown, connecting: connecting)
  }

  private static func storeError(_ error: PSQLError, shown: String, connecting: Bool) -> StoreError {
    switch error.code {
    case .server:
      return serverError(error, shown: shown)
    case .sslUnsupported:
      return .invalidAddress(
        address: shown,
        reason:
          "the server does not accept TLS connections, and sslmode asks for TLS; "
          + "enable ssl on the server or use sslmode=prefer")
    case .authMechanismRequiresPassword:
      return .permissionDenied(
        path: shown,
        detail:
          "the server asks for a password: give it in PGPASSWORD or ~/.pgpass (never on the command line, "
          + "where other users of the computer can read it)")
    case .unsupportedAuthMechanism, .saslError:
      return .permissionDenied(path: shown, detail: "the server's authentication failed (\(error.code))")
    case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
      return .serverUnavailable(
        path: shown,
        detail: connecting
          ? "the server closed the connection while bilan was connecting; is it starting or shutting down?"
          : "the connection to the database server was lost; nothing of the last change was stored")
    case .connectionError:
      return unreachable(error.underlying ?? error, shown: shown, connecting: connecting)
    case .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
      return .serverUnavailable(
        path: shown, detail: "the TLS negotiation with the server failed (\(error.code))")
    case .queryCancelled:
      return .serverUnavailable(path: shown, detail: "the server cancelled the statement")
    default:
      return .io(path: shown, detail: "the server's answer could not be read (\(error.code))")
    }
  }

  /// A connection that could not be made or broke at the network level.
  private static func unreachable(_ error: any Error, shown: String, connecting: Bool) -> StoreError {
    if let error = error as? PSQLError, error.code != .connectionError {
      return storeError(error, shown: shown, connecting: connecting)
    }
    let reason: String
    if let error = error as? NIOSSLError {
      reason = "the TLS handshake failed (\(error)); check sslmode and sslrootcert"
    } else if let error = error as? BoringSSLError {
      reason = "the server's TLS certificate was refused (\(error)); check sslrootcert and the host name"
    } else if let error = error as? IOError {
      reason = String(cString: strerror(error.errnoCode)).lowercased()
    } else if let error = error as? NIOConnectionError {
      // One failure per address tried: the first says enough.
      reason =
        error.connectionErrors.first.map { failure in
          (failure.error as? IOError).map { String(cString: strerror($0.errnoCode)).lowercased() }
            ?? "\(failure.error)"
        } ?? "the host name could not be resolved"
    } else if error is ChannelError {
      reason = connecting ? "the connection timed out" : "the connection broke"
    } else {
      reason = "\(error)"
    }
    if connecting {
      return .serverUnavailable(
        path: shown,
        detail:
          "cannot connect to the database server (\(reason)): check that PostgreSQL runs there and accepts "
          + "connections from this computer")
    }
    return .serverUnavailable(
      path: shown,
      detail:
        "the connection to the database server was lost (\(reason)); nothing of the last change was stored")
  }

  /// An error the server sent: by its SQLSTATE class.
  private static func serverError(_ error: PSQLError, shown: String) -> StoreError {
    let state = error.serverInfo?[.sqlState] ?? ""
    let message = error.serverInfo?[.message] ?? "error \(state)"
    switch state {
    case "42501":
      return .permissionDenied(
        path: shown,
        detail:
          "\(message): this database role lacks a privilege the command needs "
          + "(the roles and their grants: docs/postgresql.md)")
    case "28000", "28P01":
      return .permissionDenied(path: shown, detail: message)
    case "3D000":
      return .invalidAddress(
        address: shown, reason: "\(message): create it (`createdb NAME`, as its owner) or correct the URL")
    case "53100":
      return .diskFull(path: shown)
    case "53200", "53300":
      return .serverUnavailable(path: shown, detail: message)
    case "55P03":
      // lock_timeout, set when connecting (ConnectionSettings).
      return .locked(path: shown, seconds: 10)
    case "40P01", "40001":
      return .io(path: shown, detail: "\(message) (another session's transaction); try again")
    case "57P01", "57P02", "57P03", "08000", "08003", "08006":
      return .serverUnavailable(
        path: shown, detail: "\(message); nothing of the last change was stored")
    case "25006":
      return .permissionDenied(path: shown, detail: "\(message) (a read-only server or transaction)")
    default:
      return .io(path: shown, detail: message)
    }
  }
}
