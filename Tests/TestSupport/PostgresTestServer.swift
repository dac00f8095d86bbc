import Foundation

/// The throwaway PostgreSQL cluster the tests may use, started by
/// `Tests/postgres/cluster.sh run` (as `make test` and CI do), which sets
/// `BILAN_TEST_POSTGRES` to its URL. Without it, the tests that need a
/// server are skipped with `unavailable` as the reason; CI sets
/// `BILAN_REQUIRE_POSTGRES=1`, so a skip fails there (`PostgresRequirementTests`).
public enum PostgresTestServer {
  static let environment = ProcessInfo.processInfo.environment

  /// The cluster's URL (superuser `bilan_admin`, database `bilan_test`, `sslmode=disable`).
  public static let url: String? = environment["BILAN_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

  public static var isAvailable: Bool { url != nil }

  /// Set by `.ci/run`: the PostgreSQL tests must run, not be skipped.
  public static var isRequired: Bool { environment["BILAN_REQUIRE_POSTGRES"] == "1" }

  /// Why the PostgreSQL tests are skipped.
  public static let unavailable =
    "no PostgreSQL test server (BILAN_TEST_POSTGRES unset): `make test`, or "
    + "`Tests/postgres/cluster.sh run swift test`, starts a throwaway one"

  /// The certificate the cluster presents (for `sslmode=verify-full`).
  public static var rootCertificate: String? {
    environment["BILAN_TEST_POSTGRES_ROOT_CERT"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The URL with a schema of its own: a test sees only its own tables.
  public static func freshURL(_ label: String = "t") -> String {
    schemaURL(url ?? "", schema: uniqueSchema(label))
  }

  /// A new schema name, `label_` and random hex.
  public static func uniqueSchema(_ label: String) -> String {
    "\(label)_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12))"
  }

  /// `url` with `schema=NAME` (bilan's parameter) added.
  public static func schemaURL(_ url: String, schema: String) -> String {
    url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
  }

  /// `url` changed to log in as `user` with `password` (the rest kept).
  public static func url(_ url: String, user: String, password: String) -> String {
    guard let scheme = url.range(of: "://"), let at = url.range(of: "@") else { return url }
    return url.replacingCharacters(in: scheme.upperBound..<at.lowerBound, with: "\(user):\(password)")
  }

  /// The password in the cluster's URL.
  public static var password: String {
    guard let url, let scheme = url.range(of: "://"), let at = url.range(of: "@") else { return "" }
    let credentials = url[scheme.upperBound..<at.lowerBound]
    return credentials.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
  }

  /// Runs SQL with `psql` against the cluster (bilan's own `schema=` left
  /// out of the URL, which psql would refuse); `variables` are psql's `-v`.
  @discardableResult
  public static func psql(
    _ sql: String? = nil, file: String? = nil, url: String? = nil, variables: [String: String] = [:]
  ) throws -> CommandResult {
    let target = (url ?? self.url ?? "")
      .replacingOccurrences(of: #"[?&]schema=[a-z0-9_]+"#, with: "", options: .regularExpression)
    let folder = environment["BILAN_TEST_POSTGRES_BIN"] ?? "/usr/lib/postgresql/15/bin"
    var arguments = [target, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At"]
    for (name, value) in variables.sorted(by: { $0.key < $1.key }) {
      arguments += ["-v", "\(name)=\(value)"]
    }
    if let sql { arguments += ["-c", sql] }
    if let file { arguments += ["-f", file] }
    return try runProcess(URL(fileURLWithPath: folder + "/psql"), arguments)
  }
}

/// A PostgreSQL cluster of a test's own, for what the shared one must not
/// suffer (being stopped mid-questionnaire): `Tests/postgres/cluster.sh`
/// init, start and stop it in a temporary folder.
public final class PrivatePostgresCluster: @unchecked Sendable {
  public let folder: TemporaryDirectory
  let script: URL
  /// The cluster's URL (database `bilan_test`).
  public private(set) var url = ""

  public init() throws {
    let given = ProcessInfo.processInfo.environment["BILAN_TEST_POSTGRES_CLUSTER"]
    script = URL(fileURLWithPath: given ?? Repository.path("Tests/postgres/cluster.sh"))
    folder = try TemporaryDirectory("bilan-pg-private")
    // The server's account (postgres, when the tests run as root) must reach the cluster.
    chmod(folder.url.path, 0o711)
    try run("init", folder.path("cluster"))
    try start()
    try run("createdb", folder.path("cluster"))
    url = try run("url", folder.path("cluster")).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  public func start() throws { try run("start", folder.path("cluster")) }

  /// Stops the server; `immediate` is a crash (no checkpoint, connections cut).
  public func stop(mode: String = "fast") throws { try run("stop", folder.path("cluster"), mode) }

  /// Stops the server and removes its folder.
  public func remove() {
    _ = try? stop(mode: "immediate")
    folder.remove()
  }

  @discardableResult
  private func run(_ arguments: String...) throws -> String {
    let result = try runProcess(URL(fileURLWithPath: "/bin/bash"), [script.path] + arguments)
    guard result.status == 0 else {
      throw PrivateClusterError(message: "cluster.sh \(arguments.joined(separator: " ")): \(result.stderr)")
    }
    return result.stdout
  }
}

struct PrivateClusterError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
