import BilanBase
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// What a shared server adds: many computers at once, a server that goes
/// away, roles, TLS.
@Suite(.enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.unavailable)))
struct PostgresServerTests {
  /// 20 participants answering at once, each with their own `bilan ask`, on
  /// a database none of them has seen yet (they race to create its tables).
  @Test func twentyConcurrentQuestionnairesLoseNothing() throws {
    let directory = try TemporaryDirectory("bilan-pg-concurrent")
    defer { directory.remove() }
    let url = PostgresTestServer.freshURL("concurrent")
    var processes: [Process] = []
    for index in 0..<20 {
      let answers = directory.path("answers\(index).json")
      try Data(
        #"{"role":"elu","territoire":"commune \#(index)","age":\#(20 + index),"satisfaction":\#(1 + index % 5),"valeur.plan":3,"limites.plan":["cout","temps"],"suivi":false}"#
          .utf8
      ).write(to: URL(fileURLWithPath: answers))
      let process = Process()
      process.executableURL = Repository.bilanExecutable
      process.arguments = ["ask", Atelier.path, "--answers", answers, "--store", url]
      process.environment = ProcessInfo.processInfo.environment.merging(["BILAN_STORE": ""]) { $1 }
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle(forWritingAtPath: "/dev/null")
      processes.append(process)
    }
    for process in processes { try process.run() }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(processes.map(\.terminationStatus))")

    let store = try PostgresResponseStore(address: try ServerAddress(url: url), surveyID: Atelier.survey.id)
    var seen: [String: Response] = [:]
    try store.forEachResponse(survey: Atelier.survey.id, includePartial: true) { response in
      if case .text(let place) = response.answers["territoire"] { seen[place] = response }
    }
    #expect(seen.count == 20)
    for index in 0..<20 {
      let response = try #require(seen["commune \(index)"])
      #expect(response.status == .complete)
      #expect(response.answers["age"] == .integer(20 + index))
      #expect(response.answers["limites.plan"] == .codes(["cout", "temps"]))
      #expect(response.answers.count == 7)
    }
  }

  /// The server stopped mid-questionnaire (`pg_ctl stop -m immediate`, a
  /// crash): a clear error, the answers given so far kept, and the same
  /// response resumed once the server is back.
  @Test func aServerStoppedMidQuestionnaireLosesNoConfirmedAnswer() throws {
    let cluster = try PrivatePostgresCluster()
    defer { cluster.remove() }
    let url = PostgresTestServer.schemaURL(cluster.url, schema: "outage")
    let environment = ["BILAN_STORE": "", "BILAN_DEVICE": "salle-1"]

    let session = try PlainSession(
      ["ask", Atelier.path, "--plain", "--lang", "en", "--store", url], environment: environment)
    try #require(session.read(until: "Question 1 of", timeout: 30), "\(session.printed)")
    for (index, line) in ["1", "Pilat", "40"].enumerated() {
      session.send(line)
      try #require(session.read(until: "Question \(index + 2) of", timeout: 30), "\(session.printed)")
    }
    try cluster.stop(mode: "immediate")
    session.send("1250.5")
    let (status, message) = session.finish()
    #expect(status == 3, "\(message)")
    #expect(message.contains("the connection to the database server was lost"), "\(message)")
    #expect(message.contains("offers to resume this response"), "\(message)")
    #expect(
      !message.contains(
        PostgresTestServer.password.isEmpty
          ? "\u{0}" : cluster.url.split(separator: ":")[2].split(separator: "@")[0]))

    try cluster.start()
    let store = try PostgresResponseStore(address: try ServerAddress(url: url), surveyID: Atelier.survey.id)
    let kept = try #require(try store.latestPartialResponse(survey: Atelier.survey.id, device: "salle-1"))
    #expect(kept.answers == ["role": .code("elu"), "territoire": .text("Pilat"), "age": .integer(40)])

    // Back: the same response goes on from the fourth question.
    let rest = ["r", "1250.5", "4", "5", "na", "3", "1,2", "2", "", "1,2", "9", "no", "Good day", "."]
    let resumed = try runBilan(
      ["ask", Atelier.path, "--plain", "--lang", "en", "--store", url],
      input: rest.joined(separator: "\n") + "\n",
      environment: environment)
    #expect(resumed.status == 0, "\(resumed.stdout)\n\(resumed.stderr)")
    #expect(!resumed.stdout.contains("Question 1 of"), "\(resumed.stdout)")
    let done = try #require(try store.response(kept.id))
    #expect(done.status == .complete)
    #expect(done.answers["territoire"] == .text("Pilat"))
    #expect(done.answers["budget"] == .number(1250.5))
    #expect(try store.count(survey: Atelier.survey.id, includePartial: true) == 1)
  }

  /// The roles of docs/postgresql-roles.sql: the reporting role makes every
  /// report and never reads contact data; the collecting role does the rest.
  @Test func aReportingRoleNeverReadsContacts() throws {
    let directory = try TemporaryDirectory("bilan-pg-roles")
    defer { directory.remove() }
    try Self.createRoles()
    let schema = PostgresTestServer.uniqueSchema("roles")
    let base = try #require(PostgresTestServer.url)
    let sql = try PostgresTestServer.psql(
      file: Repository.path("docs/postgresql-roles.sql"), variables: ["schema": schema])
    try #require(sql.status == 0, "\(sql.stderr)")
    let password = PostgresTestServer.password
    let owner = PostgresTestServer.schemaURL(
      PostgresTestServer.url(base, user: "bilan_test_owner", password: password), schema: schema)
    let collector = PostgresTestServer.schemaURL(
      PostgresTestServer.url(base, user: "bilan_test_collect", password: password), schema: schema)
    let analyst = PostgresTestServer.schemaURL(
      PostgresTestServer.url(base, user: "bilan_test_report", password: password), schema: schema)
    func bilan(_ arguments: [String], store: String, input: String? = nil) throws -> CommandResult {
      try runBilan(arguments + ["--store", store], input: input, environment: ["BILAN_STORE": ""])
    }

    // Before the owner's first run, nobody else can create the tables.
    let early = try bilan(["stats", Atelier.path], store: analyst)
    #expect(early.status == 1)
    let sqlite = directory.path("atelier.sqlite")
    try PostgresCommandTests.atelierStore(sqlite)
    let refused = try bilan(["import", Atelier.path, sqlite], store: collector)
    #expect(refused.status == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains("may not create bilan's tables"), "\(refused.stderr)")
    let created = try bilan(["import", Atelier.path, sqlite], store: owner)
    try #require(created.status == 0, "\(created.stderr)")
    let tableOwner = try PostgresTestServer.psql(
      "SELECT tableowner FROM pg_tables WHERE schemaname = '\(schema)' AND tablename = 'contacts'")
    #expect(tableOwner.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "bilan_owner")

    // The analyst: every report, no contact.
    for arguments in [["stats", Atelier.path], ["export", Atelier.path], ["audit", Atelier.path]] {
      let result = try bilan(arguments, store: analyst)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
    let report = try bilan(["report", Atelier.path, "--output", directory.path("report")], store: analyst)
    #expect(report.status == 0, "\(report.stderr)")
    let contacts = try bilan(["export", Atelier.path, "--include-contacts"], store: analyst)
    #expect(contacts.status == 1)
    #expect(contacts.stderr.contains("permission denied for table contacts"), "\(contacts.stderr)")
    #expect(contacts.stdout.isEmpty)
    let direct = try PostgresTestServer.psql("SELECT count(*) FROM \(schema).contacts", url: analyst)
    #expect(direct.status != 0)

    // The facilitator: collects, reads contacts, erases.
    let line = #"{"answers":{"role":"elu","suivi":true,"email":"p@example.org"},"status":"complete"}"# + "\n"
    let collected = try bilan(
      ["import", Atelier.path, "-", "--format", "jsonl"], store: collector, input: line)
    #expect(collected.status == 0, "\(collected.stderr)")
    let withContacts = try bilan(["export", Atelier.path, "--include-contacts"], store: collector)
    #expect(withContacts.stdout.contains("p@example.org"))
    let deleted = try bilan(["delete", Atelier.path, "--email", "p@example.org", "--yes"], store: collector)
    #expect(deleted.status == 0, "\(deleted.stderr)")
    #expect(deleted.stderr.contains("VACUUM"), "\(deleted.stderr)")
  }

  /// The group roles are the cluster's, shared by every test: made once.
  static let rolesMade: Result<Void, any Error> = Result {
    let password = PostgresTestServer.password
    let made = try PostgresTestServer.psql(
      """
      DO $$ BEGIN
        CREATE ROLE bilan_owner NOLOGIN; CREATE ROLE bilan_collect NOLOGIN; CREATE ROLE bilan_report NOLOGIN;
        CREATE ROLE bilan_test_owner LOGIN PASSWORD '\(password)' IN ROLE bilan_owner;
        CREATE ROLE bilan_test_collect LOGIN PASSWORD '\(password)' IN ROLE bilan_collect;
        CREATE ROLE bilan_test_report LOGIN PASSWORD '\(password)' IN ROLE bilan_report;
        CREATE ROLE bilan_tls LOGIN PASSWORD '\(password)';
        GRANT CREATE ON DATABASE bilan_test TO bilan_tls;
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$
      """)
    guard made.status == 0 else { throw PostgresTestFailure(made.stderr) }
  }

  static func createRoles() throws { try rolesMade.get() }

  /// `sslmode` decides: the role `bilan_tls` may log in over TLS only (cluster.sh's pg_hba.conf).
  @Test(
    .enabled(
      if: PostgresTestServer.rootCertificate != nil, "the test cluster has no certificate (no openssl)"))
  func tlsWhenTheURLAsksForIt() throws {
    try Self.createRoles()
    let root = try #require(PostgresTestServer.rootCertificate)
    let base = PostgresTestServer.url(
      try #require(PostgresTestServer.url), user: "bilan_tls", password: PostgresTestServer.password)
    func stats(_ tls: String) throws -> CommandResult {
      let url = base.replacingOccurrences(of: "sslmode=disable", with: tls) + "&schema=tls"
      return try runBilan(
        ["import", Atelier.path, "-", "--format", "jsonl", "--store", url],
        input: #"{"answers":{"role":"elu"},"status":"complete"}"# + "\n", environment: ["BILAN_STORE": ""])
    }
    let plain = try stats("sslmode=disable")
    #expect(plain.status == 1, "\(plain.stderr)")
    #expect(plain.stderr.contains("no encryption"), "\(plain.stderr)")
    for mode in [
      "sslmode=require", "sslmode=prefer", "sslmode=verify-full&sslrootcert=\(root)", "sslrootcert=\(root)",
    ] {
      let result = try stats(mode)
      #expect(result.status == 0, "\(mode): \(result.stderr)")
    }
    // A certificate no trusted authority signed is refused when the URL asks for verification.
    let untrusted = try stats("sslmode=verify-ca&sslrootcert=/etc/ssl/certs/ca-certificates.crt")
    #expect(untrusted.status != 0)
    #expect(untrusted.stderr.contains("TLS"), "\(untrusted.stderr)")
    let socket = try runBilan(
      ["stats", Atelier.path, "--store", "postgres:///bilan_test?host=/tmp&sslmode=require"],
      environment: ["BILAN_STORE": ""])
    #expect(socket.status == 1)
    #expect(socket.stderr.contains("a Unix socket is never encrypted"), "\(socket.stderr)")
  }
}

struct PostgresTestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// CI sets `BILAN_REQUIRE_POSTGRES=1`: there, a PostgreSQL test skipped for
/// want of a server is a failure, not a silent pass.
@Suite struct PostgresRequirementTests {
  @Test func thePostgresTestsRanWhereTheyMust() {
    if PostgresTestServer.isRequired {
      #expect(PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.unavailable))
    }
  }
}
