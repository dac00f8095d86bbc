import ArgumentParser
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan delete SURVEY.yaml …`: erases responses for good.
  struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Erase responses for good: by id, by a participant's email, rehearsal answers, or before a date.",
      discussion: """
        Choose the responses with exactly one of: their ids; --email ADDRESS (a \
        participant asking for their answers to be erased); --rehearsal (answers started \
        before the day of the survey's event.date, and synthetic ones); --before DATE.

        The responses are listed (never their answers) and, on a terminal, you are asked \
        to confirm; elsewhere give --yes. --dry-run lists and changes nothing. Answers, \
        contacts and corrections go together in one transaction, an audit line records \
        who deleted how many and when (never what), and the store file is compacted so \
        that nothing erased remains in it or in its write-ahead log. A later import of a \
        file that still holds an erased response does not bring it back.

        Dates: 2015-03-05 (the start of that day), 2015-03-05T09:30 (local time), or \
        2015-03-05T09:30:00Z.

        Exit status: 0 deleted (or nothing matched, or --dry-run), 1 unknown id, survey \
        or store, or the confirmation declined, 2 usage error, 3 the store failed.

        Examples:
          $ bilan delete survey.yaml --email marie@example.org
          $ bilan delete survey.yaml --rehearsal --dry-run
          $ bilan delete survey.yaml 0b6f2c1e-… --yes
        """
    )

    @Argument(help: ArgumentHelp("The survey definition.", valueName: "survey.yaml"))
    var survey: String

    @Argument(help: ArgumentHelp("Ids of the responses to erase.", valueName: "id"))
    var ids: [String] = []

    @Option(help: ArgumentHelp("Erase the responses holding this contact address.", valueName: "address"))
    var email: String?

    @Flag(help: "Erase rehearsal answers: started before the event's day (event.date), or synthetic.")
    var rehearsal = false

    @Option(help: ArgumentHelp("Erase the responses started before this date or time.", valueName: "date"))
    var before: String?

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite).",
        valueName: "path|url"))
    var store: String?

    @Flag(help: "List what would be erased; change nothing.")
    var dryRun = false

    @Flag(help: "Do not ask for confirmation (scripts).")
    var yes = false

    func validate() throws {
      let given = [!ids.isEmpty, email != nil, rehearsal, before != nil].filter { $0 }.count
      if given != 1 {
        throw ValidationError(
          "Choose the responses with exactly one of: ids, --email, --rehearsal, --before.")
      }
      for id in ids where UUID(uuidString: id) == nil {
        throw ValidationError("'\(id)' is not a response id (a UUID, as `bilan export` shows).")
      }
      if let before, ResponseSelection.moment(before) == nil {
        throw ValidationError("--before \(before): give a date like 2015-03-05 or 2015-03-05T09:30.")
      }
    }

    func run() async throws {
      let survey = try Survey.load(path: self.survey)
      let selection: ResponseSelection
      if let email {
        selection = .contact(email)
      } else if let before, let date = ResponseSelection.moment(before) {
        selection = .startedBefore(date)
      } else if rehearsal {
        guard let chosen = ResponseSelection.rehearsal(of: survey) else {
          throw CommandFailure(
            .input,
            "\(self.survey): the survey gives no event.date, so its rehearsal cannot be told apart; use --before DATE"
          )
        }
        selection = chosen
      } else {
        selection = .ids(ids.compactMap(UUID.init(uuidString:)))
      }
      let address = try StoreAddress.resolve(option: store, surveyID: survey.id)
      let path = address.description
      let repository = try address.open(surveyID: survey.id, create: false)
      let found = try repository.summaries(of: selection, survey: survey.id)
      if case .ids(let wanted) = selection {
        let missing = wanted.filter { id in !found.contains { $0.id == id } }
        if !missing.isEmpty {
          for id in missing {
            Diagnostics.emit(.error, "no response \(id.uuidString.lowercased())", at: path)
          }
          Diagnostics.note("nothing was deleted")
          throw ExitCode(ExitStatus.input.rawValue)
        }
      }
      guard !found.isEmpty else {
        print("no response of \(survey.id) matches (\(selection.criterion)): nothing to delete")
        return
      }
      for summary in found { print(summary) }
      let count = "\(found.count) response\(found.count == 1 ? "" : "s")"
      if dryRun {
        print("\(count) would be deleted (dry run: nothing was changed)")
        return
      }
      try Confirmation.ask(
        (found.count == 1 ? "Delete this response" : "Delete these \(count)")
          + " for good? This cannot be undone.",
        yes: yes)
      let audit = AuditEntry(action: .erase, survey: survey.id, criterion: selection.criterion)
      let outcome = try repository.erase(found.map(\.id), survey: survey.id, audit: audit)
      print(
        "\(outcome.responses) response\(outcome.responses == 1 ? "" : "s") deleted from \(path) "
          + "(with \(outcome.contacts) contact\(outcome.contacts == 1 ? "" : "s")); the audit trail records it"
      )
      Confirmation.warnNotCompacted(path, outcome)
    }
  }
}
