import Foundation

/// Where a command's responses live: a SQLite file (the embedded default)
/// or a PostgreSQL database shared by a network (`postgres://…`).
///
/// `--store` wins, then the `BILAN_STORE` environment variable, then the
/// survey's own file `Reports/SURVEY_ID/responses.sqlite`. Its
/// `description` is what every message shows: a server address never
/// carries its password there.
public enum StoreAddress: Sendable, Hashable, CustomStringConvertible {
  /// A SQLite store file.
  case file(String)
  /// A PostgreSQL database.
  case server(ServerAddress)

  /// The environment variable read when `--store` is not given.
  public static let environmentVariable = "BILAN_STORE"

  /// `text` read as a store address: a `postgres://` or `postgresql://` URL
  /// names a server, anything else a file path.
  public init(_ text: String) throws(StoreError) {
    if ServerAddress.isServerURL(text) {
      self = .server(try ServerAddress(url: text))
    } else {
      self = .file(text)
    }
  }

  /// The store a command uses: `option` (`--store`), else `BILAN_STORE`
  /// when set and not empty, else the survey's own file.
  public static func resolve(
    option: String?, surveyID: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(StoreError) -> StoreAddress {
    if let option { return try StoreAddress(option) }
    if let variable = environment[environmentVariable], !variable.isEmpty {
      return try StoreAddress(variable)
    }
    return .file(SQLiteResponseStore.defaultPath(surveyID: surveyID))
  }

  /// The file path, or the server's URL without its password.
  public var description: String {
    switch self {
    case .file(let path): path
    case .server(let server): server.redacted
    }
  }

  /// `true` for a PostgreSQL database.
  public var isServer: Bool {
    if case .server = self { return true }
    return false
  }
}

/// A PostgreSQL database given as a libpq-style URL:
/// `postgres://[user[:password]@][host][:port][/database][?parameter=value&…]`.
///
/// Parameters read: `sslmode` (`disable`, `allow`, `prefer`, `require`,
/// `verify-ca`, `verify-full`), `sslrootcert` (a PEM file of trusted
/// certificates), `host` (a folder holding the server's Unix socket, or a
/// host name), `port`, `user`, `password`, `dbname`, `connect_timeout`
/// (seconds), `application_name`, and bilan's own `schema` (the PostgreSQL
/// schema holding bilan's tables, default `bilan`). What the URL leaves out
/// is completed from the environment as libpq does (`PGHOST`, `PGPORT`,
/// `PGUSER`, `PGDATABASE`, `PGPASSWORD`, `~/.pgpass`), when connecting.
public struct ServerAddress: Sendable, Hashable {
  /// How the connection is protected (libpq's `sslmode`).
  public enum TLSMode: String, Sendable, Hashable, CaseIterable {
    /// Never TLS.
    case disable
    /// TLS if the server offers it (as prefer: the client starts the negotiation).
    case allow
    /// TLS if the server offers it, else plain (libpq's default over TCP).
    case prefer
    /// TLS or no connection; the server's certificate is not checked.
    case require
    /// TLS with a certificate signed by a trusted authority (`sslrootcert`).
    case verifyCA = "verify-ca"
    /// As verify-ca, and the certificate names the host connected to.
    case verifyFull = "verify-full"
  }

  public var user: String?
  /// Never shown: `redacted` leaves it out.
  public var password: String?
  /// A host name or address; `nil` for the default (a Unix socket).
  public var host: String?
  /// The folder holding the server's Unix socket, when `host` is a path.
  public var socketDirectory: String?
  public var port: Int?
  public var database: String?
  /// `nil` when the URL does not say (prefer over TCP, disable on a socket).
  public var tlsMode: TLSMode?
  public var rootCertificate: String?
  /// The PostgreSQL schema holding bilan's tables.
  public var schema: String
  public var connectTimeout: Double?
  public var applicationName: String?

  /// The schema bilan's tables go in unless the URL says `schema=`.
  public static let defaultSchema = "bilan"

  static func isServerURL(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
  }

  public init(
    user: String? = nil, password: String? = nil, host: String? = nil, socketDirectory: String? = nil,
    port: Int? = nil, database: String? = nil, tlsMode: TLSMode? = nil, rootCertificate: String? = nil,
    schema: String = ServerAddress.defaultSchema, connectTimeout: Double? = nil,
    applicationName: String? = nil
  ) {
    self.user = user
    self.password = password
    self.host = host
    self.socketDirectory = socketDirectory
    self.port = port
    self.database = database
    self.tlsMode = tlsMode
    self.rootCertificate = rootCertificate
    self.schema = schema
    self.connectTimeout = connectTimeout
    self.applicationName = applicationName
  }

  /// Reads a `postgres://` URL. Errors name the URL without its password.
  public init(url text: String) throws(StoreError) {
    guard let schemeEnd = text.range(of: "://") else {
      throw .invalidAddress(address: Self.redact(text), reason: "not a postgres:// URL")
    }
    var rest = Substring(text[schemeEnd.upperBound...])
    var query = Substring("")
    if let mark = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: mark)...]
      rest = rest[..<mark]
    }
    if let fragment = query.firstIndex(of: "#") { query = query[..<fragment] }
    var authority = rest
    var path = Substring("")
    if let slash = rest.firstIndex(of: "/") {
      authority = rest[..<slash]
      path = rest[rest.index(after: slash)...]
    }
    let shown = Self.redact(text)
    func decoded(_ part: Substring, _ what: String) throws(StoreError) -> String {
      guard let value = String(part).removingPercentEncoding else {
        throw .invalidAddress(address: shown, reason: "the \(what) has a malformed %-escape")
      }
      return value
    }
    var address = ServerAddress()
    if let at = authority.lastIndex(of: "@") {
      let credentials = authority[..<at]
      authority = authority[authority.index(after: at)...]
      if let colon = credentials.firstIndex(of: ":") {
        address.user = try decoded(credentials[..<colon], "user name")
        address.password = try decoded(credentials[credentials.index(after: colon)...], "password")
      } else {
        address.user = try decoded(credentials, "user name")
      }
      if address.user?.isEmpty == true { address.user = nil }
    }
    var hostPart = authority
    var portPart: Substring?
    if hostPart.hasPrefix("[") {
      guard let close = hostPart.firstIndex(of: "]") else {
        throw .invalidAddress(address: shown, reason: "an IPv6 address is not closed with ]")
      }
      let after = hostPart[hostPart.index(after: close)...]
      if after.hasPrefix(":") { portPart = after.dropFirst() }
      hostPart = hostPart[hostPart.index(after: hostPart.startIndex)..<close]
    } else if let colon = hostPart.lastIndex(of: ":") {
      portPart = hostPart[hostPart.index(after: colon)...]
      hostPart = hostPart[..<colon]
    }
    if !hostPart.isEmpty { address.setHost(try decoded(hostPart, "host")) }
    if let portPart, !portPart.isEmpty {
      guard let port = Int(portPart), (1...65535).contains(port) else {
        throw .invalidAddress(
          address: shown, reason: "the port '\(portPart)' is not a number from 1 to 65535")
      }
      address.port = port
    }
    if !path.isEmpty { address.database = try decoded(path, "database name") }

    for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = try decoded(parts[0], "parameter name")
      let value = parts.count > 1 ? try decoded(parts[1], "value of \(name)") : ""
      switch name {
      case "sslmode":
        guard let mode = TLSMode(rawValue: value) else {
          throw .invalidAddress(
            address: shown,
            reason:
              "sslmode '\(value)' is not one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        address.tlsMode = mode
      case "sslrootcert": address.rootCertificate = value
      case "host": address.setHost(value)
      case "port":
        guard let port = Int(value), (1...65535).contains(port) else {
          throw .invalidAddress(address: shown, reason: "port=\(value) is not a number from 1 to 65535")
        }
        address.port = port
      case "user": address.user = value.isEmpty ? nil : value
      case "password": address.password = value
      case "dbname": address.database = value
      case "schema":
        guard Self.isIdentifier(value) else {
          throw .invalidAddress(
            address: shown,
            reason: "schema '\(value)' must be lowercase letters, digits and _, starting with a letter or _")
        }
        address.schema = value
      case "connect_timeout":
        guard let seconds = Double(value), seconds > 0 else {
          throw .invalidAddress(address: shown, reason: "connect_timeout=\(value) is not a number of seconds")
        }
        address.connectTimeout = seconds
      case "application_name": address.applicationName = value
      // Accepted for libpq compatibility; bilan needs nothing from them.
      case "options", "target_session_attrs", "gssencmode", "channel_binding", "client_encoding": break
      default:
        throw .invalidAddress(
          address: shown,
          reason:
            "unknown parameter '\(name)' (bilan reads sslmode, sslrootcert, host, port, user, password, "
            + "dbname, schema, connect_timeout, application_name)")
      }
    }
    if address.rootCertificate != nil, address.tlsMode == nil { address.tlsMode = .verifyFull }
    self = address
  }

  /// A host that starts with `/` is the folder of a Unix socket (libpq's rule).
  private mutating func setHost(_ value: String) {
    if value.hasPrefix("/") {
      socketDirectory = value
      host = nil
    } else {
      host = value.isEmpty ? nil : value
      socketDirectory = nil
    }
  }

  /// `[a-z_][a-z0-9_]*`, at most 63 bytes: a PostgreSQL name that needs no quoting.
  static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.utf8.first, text.utf8.count <= 63 else { return false }
    func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "_") }
    return isLetter(first) && text.utf8.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) }
  }

  /// The URL as messages show it: `postgres://user@host:port/database`,
  /// with the parameters that change where or how it connects, and never a password.
  public var redacted: String {
    var text = "postgres://"
    if let user { text += Self.escape(user) + "@" }
    if let host { text += host.contains(":") ? "[\(host)]" : Self.escape(host) }
    if let port { text += ":\(port)" }
    text += "/" + (database.map(Self.escape) ?? "")
    var parameters: [String] = []
    if let socketDirectory { parameters.append("host=\(Self.escape(socketDirectory))") }
    if let tlsMode { parameters.append("sslmode=\(tlsMode.rawValue)") }
    if let rootCertificate { parameters.append("sslrootcert=\(Self.escape(rootCertificate))") }
    if schema != Self.defaultSchema { parameters.append("schema=\(schema)") }
    if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
    return text
  }

  private static func escape(_ text: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "@:?#&=")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }

  /// Any text that may hold a URL, with the password of each
  /// `scheme://user:password@` left out and each `password=` value replaced by `***`.
  /// For messages built from what a user typed, before it could be parsed.
  public static func redact(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let scheme = rest.range(of: "://") {
      result += rest[..<scheme.upperBound]
      rest = rest[scheme.upperBound...]
      let authorityEnd = rest.firstIndex { "/?# ".contains($0) } ?? rest.endIndex
      let authority = rest[..<authorityEnd]
      if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
        result += authority[..<colon]
        rest = rest[at...]
      }
    }
    result += rest
    var searchStart = result.startIndex
    while let range = result.range(of: "password=", range: searchStart..<result.endIndex) {
      let valueEnd = result[range.upperBound...].firstIndex { "& ".contains($0) } ?? result.endIndex
      result.replaceSubrange(range.upperBound..<valueEnd, with: "***")
      searchStart = result.index(range.upperBound, offsetBy: 3)
    }
    return result
  }
}
