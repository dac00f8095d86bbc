import ArgumentParser
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan purge-contacts SURVEY.yaml`: removes every contact answer, keeping the answers.
  struct PurgeContacts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "purge-contacts",
      abstract: "Remove the contact data (email answers) of a survey once the follow-up is done.",
      discussion: """
        Every email answer of the survey's responses is removed; the other answers stay, \
        so the reports do not change. On a terminal you are asked to confirm; elsewhere \
        give --yes. --dry-run says how many would go and changes nothing. An audit line \
        records who purged how many and when, and the store file is compacted so that no \
        address remains in it or in its write-ahead log.

        Exit status: 0 purged (or nothing to purge, or --dry-run), 1 wrong survey or store \
        or the confirmation declined, 2 usage error, 3 the store failed.

        Example:
          $ bilan purge-contacts Surveys/cooperation-pelussin-2015.yaml
        """
    )

    @Argument(help: ArgumentHelp("The survey definition.", valueName: "survey.yaml"))
    var survey: String

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite).",
        valueName: "path|url"))
    var store: String?

    @Flag(help: "Say how many contacts would be removed; change nothing.")
    var dryRun = false

    @Flag(help: "Do not ask for confirmation (scripts).")
    var yes = false

    func run() async throws {
      let survey = try Survey.load(path: self.survey)
      let address = try StoreAddress.resolve(option: store, surveyID: survey.id)
      let path = address.description
      let repository = try address.open(surveyID: survey.id, create: false)
      let holding = try repository.summaries(of: .withContacts, survey: survey.id)
      let contacts = holding.map(\.contactCount).reduce(0, +)
      let count =
        "\(contacts) contact\(contacts == 1 ? "" : "s") of \(holding.count) response\(holding.count == 1 ? "" : "s")"
      guard contacts > 0 else {
        print("no contact data in \(path): nothing to purge")
        return
      }
      if dryRun {
        print("\(count) would be removed (dry run: nothing was changed)")
        return
      }
      try Confirmation.ask("Remove \(count) for good? This cannot be undone.", yes: yes)
      let audit = AuditEntry(action: .purgeContacts, survey: survey.id, criterion: "all")
      let outcome = try repository.purgeContacts(survey: survey.id, audit: audit)
      print(
        "\(outcome.contacts) contact\(outcome.contacts == 1 ? "" : "s") of \(outcome.responses) "
          + "response\(outcome.responses == 1 ? "" : "s") removed from \(path); the audit trail records it")
      Confirmation.warnNotCompacted(path, outcome)
    }
  }
}
