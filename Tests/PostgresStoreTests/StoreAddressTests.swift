import BilanBase
import Foundation
import ResponseStore
import TestSupport
import Testing

@testable import PostgresStore

/// `--store` and `BILAN_STORE` as libpq reads a URL, and never a password in a message.
@Suite struct StoreAddressTests {
  @Test func aURLNamesAServerAnythingElseAFile() throws {
    #expect(try StoreAddress("Reports/x/responses.sqlite") == .file("Reports/x/responses.sqlite"))
    #expect(try StoreAddress("postgres.sqlite") == .file("postgres.sqlite"))
    guard case .server(let server) = try StoreAddress("postgresql://anne:s%40cret@db.example.org:6432/reseau")
    else {
      Issue.record("not a server")
      return
    }
    #expect(server.user == "anne")
    #expect(server.password == "s@cret")
    #expect(server.host == "db.example.org")
    #expect(server.port == 6432)
    #expect(server.database == "reseau")
    #expect(server.schema == "bilan")
    #expect(server.tlsMode == nil)
  }

  @Test func parametersAndSockets() throws {
    let socket = try ServerAddress(url: "postgres:///reseau?host=/var/run/postgresql&schema=caprural")
    #expect(socket.host == nil)
    #expect(socket.socketDirectory == "/var/run/postgresql")
    #expect(socket.schema == "caprural")
    let tls = try ServerAddress(url: "postgres://u@[::1]:5433/db?sslmode=verify-full&sslrootcert=/etc/ca.pem")
    #expect(tls.host == "::1")
    #expect(tls.port == 5433)
    #expect(tls.tlsMode == .verifyFull)
    #expect(tls.rootCertificate == "/etc/ca.pem")
    #expect(tls.redacted == "postgres://u@[::1]:5433/db?sslmode=verify-full&sslrootcert=/etc/ca.pem")
    // A root certificate alone asks for verification, as libpq does.
    #expect(try ServerAddress(url: "postgres://h/db?sslrootcert=/ca.pem").tlsMode == .verifyFull)
  }

  @Test(arguments: [
    ("postgres://h/db?sslmode=sometimes", "sslmode 'sometimes' is not one of"),
    ("postgres://h:99999/db", "the port '99999' is not a number from 1 to 65535"),
    ("postgres://h/db?schema=Bad-Name", "schema 'Bad-Name' must be lowercase letters"),
    ("postgres://h/db?colour=blue", "unknown parameter 'colour'"),
    ("postgres://u:hunter2@h/db?timeout=3", "unknown parameter 'timeout'"),
    ("postgres://[::1/db", "an IPv6 address is not closed"),
  ])
  func badURLsSayWhatIsWrong(url: String, message: String) {
    #expect(throws: StoreError.self) { try StoreAddress(url) }
    do {
      _ = try StoreAddress(url)
    } catch {
      let text = error.errorDescription ?? ""
      #expect(text.contains(message), "\(text)")
      #expect(!text.contains("hunter2"), "\(text)")
      #expect(error.isInputError)
    }
  }

  @Test func messagesNeverShowAPassword() throws {
    let address = try StoreAddress("postgres://anne:hunter2@db/reseau?password=hunter3&sslmode=require")
    #expect(address.description == "postgres://anne@db/reseau?sslmode=require")
    #expect(
      ServerAddress.redact("--store postgres://anne:hunter2@db/x?password=hunter3&a=b and postgres://b:c@d")
        == "--store postgres://anne@db/x?password=***&a=b and postgres://b@d")
  }

  @Test func theEnvironmentVariableComesAfterTheOption() throws {
    let environment = ["BILAN_STORE": "postgres://u@h/db"]
    #expect(
      try StoreAddress.resolve(option: "x.sqlite", surveyID: "s", environment: environment)
        == .file("x.sqlite"))
    #expect(try StoreAddress.resolve(option: nil, surveyID: "s", environment: environment).isServer)
    #expect(
      try StoreAddress.resolve(option: nil, surveyID: "s", environment: ["BILAN_STORE": ""])
        == .file("Reports/s/responses.sqlite"))
  }

  @Test func thePasswordFileIsReadAsLibpqReadsIt() throws {
    let directory = try TemporaryDirectory("bilan-pgpass")
    defer { directory.remove() }
    let file = directory.path("pgpass")
    try """
    # comment
    other:5432:*:anne:wrong
    db.example.org:5432:reseau:anne:first\\:part
    *:*:*:anne:fallback
    """.write(toFile: file, atomically: true, encoding: .utf8)
    chmod(file, 0o600)
    let environment = ["PGPASSFILE": file]
    #expect(
      PasswordFile.lookup(
        host: "db.example.org", port: 5432, database: "reseau", user: "anne", environment: environment)
        == "first:part")
    #expect(
      PasswordFile.lookup(
        host: "elsewhere", port: 5433, database: "x", user: "anne", environment: environment)
        == "fallback")
    #expect(
      PasswordFile.lookup(host: "elsewhere", port: 5433, database: "x", user: "bob", environment: environment)
        == nil)
    // Readable by others: ignored, as libpq ignores it.
    chmod(file, 0o644)
    #expect(
      PasswordFile.lookup(
        host: "elsewhere", port: 5433, database: "x", user: "anne", environment: environment) == nil)
  }
}
