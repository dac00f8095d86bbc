import BilanBase
import Foundation
import PostgresNIO
import ResponseStore

/// A `ServerAddress` completed as libpq completes a URL, and made into
/// PostgresNIO's connection configuration.
///
/// What the URL leaves out comes from `PGHOST`, `PGPORT`, `PGUSER`,
/// `PGDATABASE` and `PGSSLMODE`, then from the defaults (the Unix socket
/// in `/var/run/postgresql`, port 5432, the account's name). The password
/// comes from the URL, else `PGPASSWORD`, else the password file
/// (`PGPASSFILE`, else `~/.pgpass`, ignored unless only its owner can read it).
enum ConnectionSettings {
  /// Where Debian's PostgreSQL puts its socket.
  static let defaultSocketDirectory = "/var/run/postgresql"

  static func configuration(
    for address: ServerAddress, environment: [String: String]
  ) throws(StoreError) -> PostgresConnection.Configuration {
    let shown = address.redacted
    var host = address.host
    var socketDirectory = address.socketDirectory
    if host == nil, socketDirectory == nil, let variable = environment["PGHOST"], !variable.isEmpty {
      if variable.hasPrefix("/") { socketDirectory = variable } else { host = variable }
    }
    let port = address.port ?? environment["PGPORT"].flatMap { Int($0) } ?? 5432
    let user = address.user ?? environment["PGUSER"] ?? AuditEntry.accountName()
    let database = address.database ?? environment["PGDATABASE"] ?? user
    let password =
      address.password ?? environment["PGPASSWORD"]
      ?? PasswordFile.lookup(
        host: host ?? "localhost", port: port, database: database, user: user, environment: environment)

    var mode = address.tlsMode
    if mode == nil, let variable = environment["PGSSLMODE"] {
      mode = ServerAddress.TLSMode(rawValue: variable)
    }
    var configuration: PostgresConnection.Configuration
    if let host {
      configuration = PostgresConnection.Configuration(
        host: host, port: port, username: user, password: password, database: database,
        tls: try tls(mode ?? .prefer, address: address, shown: shown))
    } else {
      if let mode, ![.disable, .allow, .prefer].contains(mode) {
        throw .invalidAddress(
          address: shown,
          reason:
            "sslmode=\(mode.rawValue) needs a TCP connection (a host name); a Unix socket is never encrypted")
      }
      let folder = socketDirectory ?? defaultSocketDirectory
      configuration = PostgresConnection.Configuration(
        unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
    }
    if let seconds = address.connectTimeout {
      configuration.options.connectTimeout = .milliseconds(Int64(seconds * 1000))
    }
    configuration.options.additionalStartupParameters = [
      ("application_name", address.applicationName ?? "bilan"),
      ("client_encoding", "UTF8"),
      ("search_path", address.schema),
      // One answer's transaction never waits long for a lock; a report's read never blocks a writer.
      ("lock_timeout", "10s"),
    ]
    return configuration
  }

  /// PostgresNIO's TLS setting for an sslmode.
  private static func tls(
    _ mode: ServerAddress.TLSMode, address: ServerAddress, shown: String
  ) throws(StoreError) -> PostgresConnection.Configuration.TLS {
    if mode == .disable { return .disable }
    var settings = TLSConfiguration.makeClientConfiguration()
    switch mode {
    case .disable, .allow, .prefer, .require:
      // libpq's require checks the certificate only when a root certificate is given.
      settings.certificateVerification = address.rootCertificate == nil ? .none : .noHostnameVerification
    case .verifyCA: settings.certificateVerification = .noHostnameVerification
    case .verifyFull: settings.certificateVerification = .fullVerification
    }
    if let file = address.rootCertificate {
      guard FileManager.default.isReadableFile(atPath: file) else {
        throw .invalidAddress(address: shown, reason: "sslrootcert \(file): no such readable file")
      }
      settings.trustRoots = .file(file)
    }
    let context: NIOSSLContext
    do {
      context = try NIOSSLContext(configuration: settings)
    } catch {
      throw .invalidAddress(address: shown, reason: "the TLS settings cannot be used (\(error))")
    }
    return [.allow, .prefer].contains(mode) ? .prefer(context) : .require(context)
  }
}

/// libpq's password file: lines `host:port:database:user:password`, `*`
/// matching anything, `\:` and `\\` escaped; `#` starts a comment.
enum PasswordFile {
  static func lookup(
    host: String, port: Int, database: String, user: String, environment: [String: String]
  ) -> String? {
    let path =
      environment["PGPASSFILE"]
      ?? environment["HOME"].map { $0 + "/.pgpass" }
      ?? (FileManager.default.homeDirectoryForCurrentUser.path + "/.pgpass")
    var status = stat()
    // libpq ignores a file that the group or others may read.
    guard stat(path, &status) == 0, status.st_mode & 0o077 == 0,
      let text = try? String(contentsOfFile: path, encoding: .utf8)
    else { return nil }
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let fields = split(String(line))
      guard fields.count == 5 else { continue }
      let wanted = [host, String(port), database, user]
      if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
    }
    return nil
  }

  /// The fields of one line, escapes removed.
  static func split(_ line: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for character in line {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == ":" && fields.count < 4 {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    fields.append(current)
    return fields
  }
}
