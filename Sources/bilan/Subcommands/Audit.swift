import ArgumentParser
import BilanBase
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan audit SURVEY.yaml`: who erased, purged or corrected responses, and when.
  struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the erasures, contact purges and corrections made on a survey's store.",
      discussion: """
        One line each, oldest first: when (UTC), who (account@computer), what, how the \
        responses were chosen, and how many. Never what was erased or corrected.

        Example:
          $ bilan audit Surveys/cooperation-pelussin-2015.yaml
          2015-03-06T09:12:40Z  animatrice@portable  delete  by contact address  1 response
        """
    )

    @Argument(help: ArgumentHelp("The survey definition.", valueName: "survey.yaml"))
    var survey: String

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite).",
        valueName: "path|url"))
    var store: String?

    func run() async throws {
      let survey = try Survey.load(path: self.survey)
      let address = try StoreAddress.resolve(option: store, surveyID: survey.id)
      let path = address.description
      let repository = try address.open(surveyID: survey.id, create: false)
      let entries = try repository.auditTrail().filter { $0.survey == survey.id }
      if entries.isEmpty { print("\(path): no erasure, purge or correction so far") }
      for entry in entries {
        print(
          [
            Timestamp.string(from: entry.at), entry.actor, entry.action.rawValue, entry.criterion,
            "\(entry.responses) response\(entry.responses == 1 ? "" : "s")",
          ].joined(separator: "  "))
      }
    }
  }
}
