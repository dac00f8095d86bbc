import Foundation
import SurveyDefinition
import TestSupport
import Testing

@testable import ResponseStore

/// `bilan delete`, `amend`, `purge-contacts` and `audit`, run as the built binary.
@Suite struct DataCommandTests {
  let directory: TemporaryDirectory
  let store: String

  init() throws {
    directory = try TemporaryDirectory("data-commands")
    store = directory.path("responses.sqlite")
  }

  /// Stores one complete response through `bilan ask --answers` and returns its id.
  @discardableResult
  func answer(_ json: String) throws -> UUID {
    let result = try runBilan(["ask", Fixture.path, "--store", store, "--answers", "-"], input: json)
    try #require(result.status == 0, "\(result.stderr)")
    // "response ID stored in PATH"
    let id = result.stderr.split(separator: " ").dropFirst().first.map(String.init) ?? ""
    return try #require(UUID(uuidString: id), "\(result.stderr)")
  }

  func bilan(_ arguments: [String], input: String? = nil) throws -> CommandResult {
    try runBilan(arguments + ["--store", store], input: input)
  }

  var ids: Set<UUID> {
    let opened = try? SQLiteResponseStore(path: store, surveyID: Fixture.survey.id, create: false)
    var ids: Set<UUID> = []
    try? opened?.forEachResponse(survey: Fixture.survey.id, includePartial: true) { ids.insert($0.id) }
    return ids
  }

  @Test func deletingByEmailListsAsksThenErases() throws {
    let marie = try answer(
      #"{"role": "elu", "suivi": true, "email": "Marie@example.org", "commentaires": "à effacer"}"#)
    let paul = try answer(#"{"role": "agent", "suivi": true, "email": "paul@example.org"}"#)
    let export = try bilan(["export", Fixture.path, "--include-contacts"])

    let dryRun = try bilan(["delete", Fixture.path, "--email", "marie@EXAMPLE.org", "--dry-run"])
    #expect(dryRun.status == 0)
    let lines = dryRun.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("\(marie.uuidString.lowercased())  complete  started "))
    #expect(lines[0].hasSuffix("answered here  3 answers, 1 contact"))
    #expect(lines[1] == "1 response would be deleted (dry run: nothing was changed)")
    #expect(!dryRun.stdout.contains("effacer") && !dryRun.stdout.contains("Marie@"))
    // Not on a terminal and no --yes: nothing is asked, nothing erased.
    let unasked = try bilan(["delete", Fixture.path, "--email", "marie@example.org"])
    #expect(unasked.status == 2)
    #expect(unasked.stderr.contains("add --yes to go ahead, or --dry-run to only list"))
    #expect(ids == [marie, paul])

    let deleted = try bilan(["delete", Fixture.path, "--email", "marie@example.org", "--yes"])
    #expect(deleted.status == 0, "\(deleted.stderr)")
    #expect(
      deleted.stdout.hasSuffix(
        "1 response deleted from \(store) (with 1 contact); the audit trail records it\n"))
    #expect(ids == [paul])
    let audit = try bilan(["audit", Fixture.path])
    #expect(audit.stdout.hasSuffix("  delete  by contact address  1 response\n"))
    #expect(!audit.stdout.contains("marie") && !audit.stdout.contains(marie.uuidString.lowercased()))
    // The old export imported again: the erased response stays erased.
    let reimport = try bilan(["import", Fixture.path, "-"], input: export.stdout)
    #expect(
      reimport.stdout
        == "-: 0 added, 1 already present, 1 erased earlier with `bilan delete` (not added again)\n")
    #expect(ids == [paul])
    // Nobody else with that address: nothing to do, said so.
    let none = try bilan(["delete", Fixture.path, "--email", "marie@example.org", "--yes"])
    #expect(none.status == 0)
    #expect(none.stdout == "no response of atelier-test matches (by contact address): nothing to delete\n")
  }

  @Test func deletingByIdIsAllOrNothing() throws {
    let kept = try answer(#"{"role": "elu"}"#)
    let unknown = UUID(derivedFrom: "nobody").uuidString.lowercased()
    let result = try bilan(["delete", Fixture.path, kept.uuidString.lowercased(), unknown, "--yes"])
    #expect(result.status == 1)
    #expect(result.stderr == "\(store): error: no response \(unknown)\nnothing was deleted\n")
    #expect(ids == [kept])
    #expect(try bilan(["delete", Fixture.path, "not-an-id"]).status == 2)
    #expect(try bilan(["delete", Fixture.path]).status == 2)
    #expect(try bilan(["delete", Fixture.path, "--rehearsal", "--email", "a@b.fr"]).status == 2)
    #expect(try bilan(["delete", Fixture.path, "--before", "hier"]).status == 2)
    let rehearsal = try bilan(["delete", Fixture.path, "--rehearsal", "--yes"])
    #expect(rehearsal.status == 1)
    #expect(rehearsal.stderr.contains("the survey gives no event.date"))
    let ok = try bilan(["delete", Fixture.path, kept.uuidString, "--yes"])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ids.isEmpty)
  }

  @Test func deletingBeforeADate() throws {
    try answer(#"{"role": "elu"}"#)
    let future = try bilan(["delete", Fixture.path, "--before", "2999-01-01", "--dry-run"])
    #expect(future.stdout.hasSuffix("1 response would be deleted (dry run: nothing was changed)\n"))
    let past = try bilan(["delete", Fixture.path, "--before", "2015-03-05T09:30", "--yes"])
    #expect(past.stdout.contains("nothing to delete"))
    #expect(ids.count == 1)
  }

  @Test func amendingRefusesOutOfRangeAndKeepsTheHistory() throws {
    let id = try answer(#"{"role": "elu", "satisfaction": 4}"#)
    let label = id.uuidString.lowercased()
    let refused = try bilan(["amend", Fixture.path, label, "satisfaction=7"])
    #expect(refused.status == 1)
    #expect(
      refused.stderr
        == "error: satisfaction: 7 is not between 1 and 5\n"
        + "error: response \(label): nothing was changed (the stored answers are kept)\n"
    )
    let opened = try SQLiteResponseStore(path: store, surveyID: Fixture.survey.id, create: false)
    #expect(try opened.response(id)?.answers["satisfaction"] == .integer(4))

    let amended = try bilan([
      "amend", Fixture.path, label, "satisfaction=5", "role=Agent", "--reason", "fiche papier",
    ])
    #expect(amended.status == 0, "\(amended.stderr)")
    #expect(
      amended.stdout
        == "response \(label): role: \"elu\" → \"agent\"\nresponse \(label): satisfaction: 4 → 5\n")
    #expect(try opened.response(id)?.answers["satisfaction"] == .integer(5))
    let history = try bilan(["amend", Fixture.path, label, "--history"])
    #expect(history.stdout.split(separator: "\n").count == 2)
    #expect(history.stdout.contains("satisfaction: 4 → 5  (fiche papier)"))
    let unknownKey = try bilan(["amend", Fixture.path, label, "satisfacton=3"])
    #expect(unknownKey.status == 1)
    #expect(unknownKey.stderr.contains("did you mean 'satisfaction'?"))
    let unknownResponse = try bilan(["amend", Fixture.path, UUID().uuidString, "satisfaction=3"])
    #expect(unknownResponse.status == 1)
    #expect(unknownResponse.stderr.contains("no response"))
  }

  @Test func purgingContactsKeepsTheResponses() throws {
    try answer(#"{"role": "elu", "suivi": true, "email": "marie@example.org"}"#)
    try answer(#"{"role": "agent", "suivi": true, "email": "paul@example.org"}"#)
    let dryRun = try bilan(["purge-contacts", Fixture.path, "--dry-run"])
    #expect(dryRun.stdout == "2 contacts of 2 responses would be removed (dry run: nothing was changed)\n")
    let purged = try bilan(["purge-contacts", Fixture.path, "--yes"])
    #expect(purged.stdout == "2 contacts of 2 responses removed from \(store); the audit trail records it\n")
    #expect(ids.count == 2)
    let export = try bilan(["export", Fixture.path, "--include-contacts"])
    #expect(!export.stdout.contains("@example.org"))
    #expect(try bilan(["purge-contacts", Fixture.path, "--yes"]).stdout.contains("nothing to purge"))
    #expect(try bilan(["audit", Fixture.path]).stdout.contains("  purge-contacts  all  2 responses\n"))
  }

  /// On a terminal the command asks; only yes erases.
  @Test func aTerminalIsAskedToConfirm() throws {
    let id = try answer(#"{"role": "elu"}"#)
    let terminal = try PseudoTerminal()
    for (reply, erased) in [("n", false), ("oui", true)] {
      let process = try terminal.spawn(
        Repository.bilanExecutable, ["delete", Fixture.path, id.uuidString, "--store", store])
      #expect(process.waitFor("Delete this response for good? This cannot be undone. [y/N]"))
      process.send(reply + "\r")
      let end = process.waitForExit()
      #expect(end == .exited(erased ? 0 : 1), "\(process.screen.text)")
      #expect(ids.isEmpty == erased)
    }
  }
}
