import ArgumentParser
import BilanBase
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan amend SURVEY.yaml ID KEY=VALUE…`: corrects answers of a stored response.
  struct Amend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Correct answers of a stored response, checked with the survey's rules, keeping the history.",
      discussion: """
        Each change is KEY=VALUE, KEY an answer key as in the export: a code or a label \
        for a choice, codes separated by commas for several, a number, na for not \
        applicable, oui/non; an empty value (KEY=) removes the answer. The corrected \
        response is checked with the questionnaire's rules (codes, bounds, conditions, \
        required questions): if anything is refused, nothing changes and the stored \
        answers are kept. Each change keeps a history row with the previous value \
        (--history lists them; for an email, only that it changed), and an audit line.

        Exit status: 0 corrected (or already so), 1 refused, unknown key or response, \
        2 usage error, 3 the store failed.

        Examples:
          $ bilan amend survey.yaml 0b6f2c1e-… satisfaction_globale=4 --reason papier
          $ bilan amend survey.yaml 0b6f2c1e-… freins=temps_moyens,cout commentaires=
          $ bilan amend survey.yaml 0b6f2c1e-… --history
        """
    )

    @Argument(help: ArgumentHelp("The survey definition.", valueName: "survey.yaml"))
    var survey: String

    @Argument(
      help: ArgumentHelp("The response to correct (its id, as `bilan export` shows).", valueName: "id"))
    var id: String

    @Argument(
      help: ArgumentHelp("The corrections: KEY=VALUE (KEY= removes the answer).", valueName: "key=value"))
    var changes: [String] = []

    @Option(help: ArgumentHelp("Why, kept in the history.", valueName: "text"))
    var reason: String?

    @Flag(help: "List the corrections made to the response so far.")
    var history = false

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite).",
        valueName: "path|url"))
    var store: String?

    func validate() throws {
      guard UUID(uuidString: id) != nil else {
        throw ValidationError("'\(id)' is not a response id (a UUID, as `bilan export` shows).")
      }
      if history && !changes.isEmpty {
        throw ValidationError("--history lists corrections; give no KEY=VALUE.")
      }
      if !history && changes.isEmpty { throw ValidationError("Give at least one correction, KEY=VALUE.") }
    }

    func run() async throws {
      let survey = try Survey.load(path: self.survey)
      let address = try StoreAddress.resolve(option: store, surveyID: survey.id)
      let path = address.description
      let response = UUID(uuidString: id)!
      let label = response.uuidString.lowercased()
      let repository = try address.open(surveyID: survey.id, create: false)
      if history {
        let rows = try repository.amendments(of: response)
        if rows.isEmpty { print("response \(label): no corrections") }
        for row in rows {
          print(
            "\(Timestamp.string(from: row.at))  \(row.actor)  \(Self.change(row))"
              + (row.reason.map { "  (\($0))" } ?? ""))
        }
        return
      }
      let correction = try AnswerCorrection(changes, survey: survey)
      let written = try correction.apply(
        to: response, survey: survey, repository: repository, path: path, reason: reason)
      if written.isEmpty { print("response \(label): nothing to change, every value was already so") }
      for row in written { print("response \(label): \(Self.change(row))") }
    }

    /// `satisfaction: 4 → 5`, `email: changed (addresses are not kept in the history)`.
    static func change(_ row: Amendment) -> String {
      if row.isContact { return "\(row.key): changed (addresses are not kept in the history)" }
      func text(_ value: AnswerValue?) -> String { value.map(\.jsonText) ?? "(not answered)" }
      return "\(row.key): \(text(row.previous)) → \(text(row.value))"
    }
  }
}
