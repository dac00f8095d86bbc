import Foundation
import SurveyDefinition

/// `bilan export --format tokens`: the facilitator's mail merge for a
/// follow-up survey. One row per complete response that left an email
/// address: the address, the response's follow-up token (issued now if it
/// has none, the same one every later time) and the language the
/// participant answered in.
///
/// Contact data only: no answer is written, and the tokens never reach a
/// report (the store keeps them apart from the answers). UTF-8 with a
/// byte-order mark and CRLF like the CSV export, text guarded against
/// formulas; rows in the order responses were started, so the same store
/// gives the same bytes.
public enum TokenExport {
  /// The header row.
  public static let header = ["email", "token", "language"]

  /// Issues the missing tokens and returns the CSV, with how many rows it holds.
  public static func csv(survey: Survey, store: any ResponseRepository) throws -> (data: Data, rows: Int) {
    let emailKeys = survey.instances.compactMap { instance -> String? in
      if case .email = instance.question.kind { return instance.fields.first?.key }
      return nil
    }
    var people: [(id: UUID, email: String, language: String)] = []
    try store.forEachResponse(survey: survey.id, includePartial: false, includeContacts: true) { response in
      guard let email = emailKeys.lazy.compactMap({ response.contacts[$0] }).first(where: { !$0.isEmpty })
      else { return }
      people.append((response.id, email, response.language))
    }
    var rows = [header]
    for person in people {
      let token = try store.followUpToken(response: person.id)
      rows.append([FormulaGuard.guarded(person.email), token, person.language])
    }
    var data = Data([0xEF, 0xBB, 0xBF])
    data.append(try ResponseExporter.csvRows(rows))
    return (data, people.count)
  }
}
