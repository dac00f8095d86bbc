import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// A follow-up survey six months after the day (`follows:`), on both stores:
/// tokens shown at the end of the first questionnaire or mailed by the
/// facilitator, asked for by the follow-up, and the report's join (who
/// applied a tool among those who intended to), under the k rule.
@Suite struct FollowUpTests {
  static let original = Repository.path("Tests/AggregationTests/Fixtures/atelier-2024.yaml")
  static let followUp = Repository.path("Tests/AggregationTests/Fixtures/atelier-2024-suivi.yaml")
  static let environment = ["BILAN_STORE": ""]
  nonisolated(unsafe) static let tokenPattern = /[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}/

  static func bilan(_ arguments: [String], input: String? = nil) throws -> CommandResult {
    try runBilan(arguments, input: input, environment: environment)
  }

  @Test func onSQLite() throws { try scenario(.sqlite) }

  @Test(.enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.unavailable)))
  func onPostgreSQL() throws { try scenario(.postgres) }

  /// Eight participants on the day (intentions for two tools), their
  /// follow-up answers, then the joined figures.
  func scenario(_ backend: Backend) throws {
    let directory = try TemporaryDirectory("bilan-follow-up-\(backend)")
    defer { directory.remove() }
    // On a server both surveys share the database; on SQLite each has its file.
    let first = backend.storeArgument(in: directory, name: "origine")
    let second = backend == .postgres ? first : backend.storeArgument(in: directory, name: "suivi")
    let intentions: [(plan: String, convention: String)] = [
      ("oui_annee", "en_cours"), ("en_cours", "oui_annee"), ("oui_annee", "non"), ("oui_annee", "non"),
      ("en_cours", "non"), ("oui_annee", "non"), ("non", "non"), ("non", "non"),
    ]
    // The first two answer at the terminal and are shown their code; the others give an email.
    var shown: [String] = []
    for (index, intention) in intentions.prefix(2).enumerated() {
      let result = try Self.bilan(
        ["ask", Self.original, "--plain", "--new", "--store", first],
        input: "elu\n\(intention.plan)\n\(intention.convention)\n\n")
      try #require(result.status == 0, "participant \(index): \(result.stderr)")
      let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("code de suivi") })
      #expect(line.hasPrefix("Votre code de suivi : "), "\(line)")
      shown.append(String(try #require(line.firstMatch(of: Self.tokenPattern)).output))
    }
    for (index, intention) in intentions.enumerated().dropFirst(2) {
      let answers =
        #"{"role": "agent", "intention.plan": "\#(intention.plan)", "intention.convention": "\#(intention.convention)", "email": "p\#(index)@example.org"}"#
      let result = try Self.bilan(
        ["ask", Self.original, "--answers", "-", "--store", first], input: answers)
      try #require(result.status == 0, "participant \(index): \(result.stderr)")
    }
    #expect(Set(shown).count == 2)

    // The facilitator's mail merge: email, token, language; the same tokens every time.
    let export = try Self.bilan(["export", Self.original, "--format", "tokens", "--store", first])
    try #require(export.status == 0, "\(export.stderr)")
    let rows = export.stdout.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n")
      .map { $0.split(separator: ",").map(String.init) }
    #expect(rows.first == ["email", "token", "language"])
    // Rows in the order responses were started (these began within the same second: by id).
    #expect(rows.dropFirst().map { $0[0] }.sorted() == (2..<8).map { "p\($0)@example.org" })
    #expect(rows.dropFirst().allSatisfy { $0.count == 3 && FollowUpToken.normalized($0[1]) == $0[1] })
    let again = try Self.bilan(["export", Self.original, "--format", "tokens", "--store", first])
    #expect(again.stdout == export.stdout)
    let byEmail = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[1]) })
    let mailed = (2..<8).compactMap { byEmail["p\($0)@example.org"] }
    #expect(mailed.count == 6)
    #expect(Set(mailed).isDisjoint(with: shown))
    // The answers' own export holds no token.
    let jsonl = try Self.bilan(["export", Self.original, "--include-contacts", "--store", first])
    #expect(!(mailed + shown).contains { jsonl.stdout.contains($0) })

    // Six months on. Tokens of participants 0…6 (the 8th does not answer), one
    // response without a code and one whose code matches no one.
    let tokens = shown + mailed
    let applied: [(plan: String, convention: String)] = [
      ("oui", "oui"), ("en_partie", "non"), ("non", "non"), ("oui", "non"), ("non", "non"), ("oui", "non"),
      ("oui", "non"),
    ]
    for (index, answer) in applied.enumerated() {
      let answers = #"{"applique.plan": "\#(answer.plan)", "applique.convention": "\#(answer.convention)"}"#
      var token = tokens[index]
      // Typed as people type it: lowercase, without hyphens.
      if index == 1 { token = token.lowercased().replacingOccurrences(of: "-", with: "") }
      let result: CommandResult
      if index == 0 {
        // At the terminal: a mistyped code is refused, then the right one taken.
        var wrong = Array(token)
        wrong[0] = wrong[0] == "A" ? "B" : "A"
        result = try Self.bilan(
          ["ask", Self.followUp, "--plain", "--new", "--store", second],
          input: "\(String(wrong))\n\(token)\n\(answer.plan)\n\(answer.convention)\n")
        #expect(result.stdout.contains("Ce n’est pas un code de suivi"), "\(result.stdout)")
      } else {
        result = try Self.bilan(
          ["ask", Self.followUp, "--answers", "-", "--token", token, "--store", second], input: answers)
      }
      try #require(result.status == 0, "follow-up \(index): \(result.stderr)")
    }
    let withoutCode = try Self.bilan(
      ["ask", Self.followUp, "--plain", "--new", "--store", second], input: "\noui\nnon\n")
    try #require(withoutCode.status == 0, "\(withoutCode.stderr)")
    #expect(withoutCode.stdout.contains("Sans code, vos réponses comptent"), "\(withoutCode.stdout)")
    var stranger = FollowUpToken.random()
    while tokens.contains(stranger) { stranger = FollowUpToken.random() }
    let unknown = try Self.bilan(
      ["ask", Self.followUp, "--answers", "-", "--token", stranger, "--store", second],
      input: #"{"applique.plan": "oui", "applique.convention": "non"}"#)
    try #require(unknown.status == 0, "\(unknown.stderr)")
    let refused = try Self.bilan(
      ["ask", Self.followUp, "--answers", "-", "--token", "K7Q-M4T-ZPY", "--store", second], input: "{}")
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("not a follow-up code"), "\(refused.stderr)")

    // The joined figures. Expected values: scipy.stats.binomtest(k, n).proportion_ci(
    // confidence_level=0.95, method='wilson'), scipy 1.x.
    var stats = ["stats", Self.followUp, "--format", "json", "--store", second]
    if backend == .sqlite { stats += ["--followed-store", first] }
    let json = try Self.bilan(stats)
    try #require(json.status == 0, "\(json.stderr)")
    let figures = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    func row(_ indicator: String, _ item: String) -> [String: Any]? {
      figures.first { ($0["indicator"] as? String) == indicator && ($0["item"] as? String) == item }
    }
    // Among the 6 who intended to set up the plan: 4 did (oui or en_partie).
    let plan = try #require(row("application", "plan"))
    #expect(plan["n"] as? Int == 6)
    #expect(abs((plan["value"] as? Double ?? 0) - 4.0 / 6.0) < 1e-12)
    #expect(abs((plan["ci_low"] as? Double ?? 0) - 0.299993315138392) < 1e-9)
    #expect(abs((plan["ci_high"] as? Double ?? 0) - 0.9032285888942195) < 1e-9)
    // Two intended to set up the agreement: fewer than k = 3, withheld.
    let convention = try #require(row("application", "convention"))
    #expect(convention["suppressed"] as? Bool == true)
    #expect(convention["n"] == nil && convention["value"] == nil)
    // Everyone who answered the follow-up, linked or not: 7 of 9.
    let all = try #require(row("application_tous", "plan"))
    #expect(all["n"] as? Int == 9)
    #expect(abs((all["ci_low"] as? Double ?? 0) - 0.4525889691069889) < 1e-9)
    #expect(abs((all["ci_high"] as? Double ?? 0) - 0.9367748928821533) < 1e-9)

    // The reports say how many were linked, and hold neither a token nor an email.
    var report = ["report", Self.followUp, "--store", second, "--output", directory.path("rapport")]
    if backend == .sqlite { report += ["--followed-store", first] }
    let written = try Self.bilan(report)
    try #require(written.status == 0, "\(written.stderr)")
    let markdown = try String(contentsOfFile: directory.path("rapport/synthese.md"), encoding: .utf8)
    #expect(
      markdown.contains(
        "7 réponses reliées, 1 sans code, 1 dont le code ne correspond à aucune réponse complète"),
      "\(markdown)")
    let check = try runProcess(
      URL(fileURLWithPath: "/usr/bin/env"),
      [
        "python3", "-c",
        #"""
        import os, sys, zipfile
        secrets = sys.argv[2].split(',')
        for folder, _, files in os.walk(sys.argv[1]):
            for name in files:
                path = os.path.join(folder, name)
                blobs = [open(path, 'rb').read()]
                if name.endswith('.xlsx'):
                    blobs = [zipfile.ZipFile(path).read(n) for n in zipfile.ZipFile(path).namelist()]
                for blob in blobs:
                    for secret in secrets:
                        if secret.encode() in blob: print('FOUND', secret, 'in', path)
        print('checked')
        """#, directory.path("rapport"), (tokens + ["example.org"]).joined(separator: ","),
      ])
    #expect(check.stdout == "checked\n", "\(check.stdout)\(check.stderr)")

    // Without the followed store (a SQLite follow-up whose first survey's file is elsewhere).
    if backend == .sqlite {
      let missing = try runBilan(
        ["stats", Self.followUp, "--store", second], environment: Self.environment,
        currentDirectory: directory.url)
      #expect(missing.status == 1)
      #expect(
        missing.stderr.contains("'atelier-2024-suivi' follows up 'atelier-2024', whose responses it joins"),
        "\(missing.stderr)")
      #expect(missing.stderr.contains("--followed-store"), "\(missing.stderr)")
    }
  }

  /// The tokens through the store protocol: issued once, unique, given
  /// back, copied by a store import, erased with their response.
  @Test func tokensInTheStoreOnSQLite() throws { try tokensInTheStore(.sqlite) }

  @Test(.enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.unavailable)))
  func tokensInTheStoreOnPostgreSQL() throws { try tokensInTheStore(.postgres) }

  func tokensInTheStore(_ backend: Backend) throws {
    let directory = try TemporaryDirectory("bilan-tokens-\(backend)")
    defer { directory.remove() }
    let survey = Atelier.survey
    let laptop = try SQLiteResponseStore(path: directory.path("laptop.sqlite"), surveyID: survey.id)
    let responses = (0..<4).map(Atelier.complete)
    _ = try laptop.insert(responses, schemas: [SchemaRecord(survey)], source: nil)
    let token = try laptop.followUpToken(response: responses[0].id)
    #expect(FollowUpToken.normalized(token) == token)
    #expect(try laptop.followUpToken(response: responses[0].id) == token)
    let other = try laptop.followUpToken(response: responses[1].id)
    #expect(other != token)
    try laptop.setFollowedToken("AAA-BBB-CCC", response: responses[2].id)
    try laptop.setFollowedToken("AAA-BBB-CCD", response: responses[2].id)
    #expect(throws: StoreError.self) { try laptop.followUpToken(response: UUID(derivedFrom: "nobody")) }
    let expected = FollowUpTokens(
      issued: [responses[0].id: token, responses[1].id: other], given: [responses[2].id: "AAA-BBB-CCD"])
    #expect(try laptop.followUpTokens(survey: survey.id) == expected)

    // Brought back to the office: the store import copies them, twice adds nothing.
    let shared = try backend.makeStore(in: directory, surveyID: survey.id)
    let batch = try ResponseImporter(survey: survey).read(
      try Data(contentsOf: URL(fileURLWithPath: directory.path("laptop.sqlite"))), name: "laptop.sqlite",
      path: directory.path("laptop.sqlite"), format: .store)
    #expect(batch.tokens == expected)
    for _ in 0..<2 {
      _ = try shared.insert(batch.responses, schemas: batch.schemas, source: nil, tokens: batch.tokens)
      #expect(try shared.followUpTokens(survey: survey.id) == expected)
    }
    #expect(try shared.followUpToken(response: responses[0].id) == token)
    try shared.setFollowedToken(nil, response: responses[2].id)
    #expect(try shared.followUpTokens(survey: survey.id).given.isEmpty)

    // Erasing a response erases its token.
    _ = try shared.erase(
      [responses[0].id], survey: survey.id,
      audit: AuditEntry(action: .erase, survey: survey.id, criterion: "--id", responses: 1, actor: "test"))
    #expect(try shared.followUpTokens(survey: survey.id).issued == [responses[1].id: other])
  }
}
