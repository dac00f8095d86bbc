import BilanBase
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition
import TestSupport

/// The two stores behind `ResponseRepository`, for tests that run the same
/// scenario through both.
enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
  case sqlite
  case postgres

  var description: String { rawValue }

  /// A new, empty store: a file in `directory`, or a schema of its own.
  func makeStore(in directory: TemporaryDirectory, surveyID: String) throws -> any ResponseRepository {
    try address(in: directory).open(surveyID: surveyID, create: true)
  }

  /// Where a new store of this backend goes (`--store` for commands).
  func address(in directory: TemporaryDirectory, name: String = "responses") throws -> StoreAddress {
    switch self {
    case .sqlite: .file(directory.path("\(name).sqlite"))
    case .postgres: try StoreAddress(PostgresTestServer.freshURL(name.filter(\.isLetter).lowercased()))
    }
  }

  /// `--store` text: the file's path, or the full URL (password included).
  func storeArgument(in directory: TemporaryDirectory, name: String = "responses") -> String {
    switch self {
    case .sqlite: directory.path("\(name).sqlite")
    case .postgres: PostgresTestServer.freshURL(name.filter(\.isLetter).lowercased())
    }
  }
}

/// The atelier test survey (every question type, a loop, a matrix, an email)
/// and responses to it with text that needs care.
enum Atelier {
  static let path = Repository.path("Tests/ResponseStoreTests/Fixtures/atelier-test.yaml")
  static let survey = try! Survey.load(path: path)
  static let start = Date(timeIntervalSince1970: 1_425_573_667)  // 2015-03-05T16:41:07Z

  static func complete(_ index: Int) -> Response {
    let started = start.addingTimeInterval(Double(index / 2) * 60)  // pairs share a start time
    return Response(
      id: UUID(derivedFrom: "pg-complete-\(index)"), surveyID: survey.id, surveyVersion: survey.version,
      schemaHash: survey.schemaHash, status: .complete, language: index % 2 == 0 ? "fr" : "en",
      startedAt: started, submittedAt: started.addingTimeInterval(525),
      source: index % 4 == 3 ? .file(name: "laptop.jsonl", hash: "abc") : .terminal,
      device: index % 4 == 3 ? nil : "laptop:/dev/pts/\(index)",
      answers: [
        "role": index % 3 == 0 ? .code("other") : .code(index % 2 == 0 ? "elu" : "agent"),
        "territoire": .text(index % 2 == 0 ? "=HYPERLINK(\"http://x\")" : "Pilat, \"Loire\" 42 | <b>"),
        "age": .integer(30 + index),
        "budget": .number(1250.5 + Double(index) / 3),
        "satisfaction": .integer(1 + index % 5),
        "parties.matin": .integer(5 - index % 2),
        "parties.apres_midi": .notApplicable,
        "valeur.plan": .integer(1 + index % 5),
        "limites.plan": .codes(index % 2 == 0 ? ["cout", "portage", "other"] : ["temps"]),

        "valeur.convention": index % 3 == 0 ? .notApplicable : .integer(2 + index % 4),
        "limites.convention": .codes([]),
        "freins": .codes(["temps", "cout"]),
        "recommandation": .integer(index % 11),
        "suivi": .boolean(index % 2 == 0),
        "commentaires": .text("Très bien 👍\nmerci,\tà bientôt\r\n@tous \(index)"),
      ].merging(index % 3 == 0 ? ["role.other": .text("Chargée de mission")] : [:]) { first, _ in first }
        .merging(index % 2 == 0 ? ["limites.plan.other": .text("'-trop long")] : [:]) { first, _ in first },
      contacts: index % 2 == 0 ? ["email": "Marie\(index)@Example.org"] : [:])
  }

  static func partial(_ index: Int) -> Response {
    Response(
      id: UUID(derivedFrom: "pg-partial-\(index)"), surveyID: survey.id, surveyVersion: survey.version,
      schemaHash: survey.schemaHash, status: .partial, language: "fr",
      startedAt: start.addingTimeInterval(Double(index) * 60 + 30), device: "kiosk:/dev/tty1",
      answers: ["role": .code("agent"), "satisfaction": .integer(2)])
  }
}

/// A response as one line of text: every field, answers and contacts sorted.
func transcript(_ response: Response?) -> String {
  guard let response else { return "nil" }
  let answers = response.answers.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.jsonText)" }
  let contacts = response.contacts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
  return [
    response.id.uuidString.lowercased(), response.surveyID, "v\(response.surveyVersion)", response.schemaHash,
    response.status.rawValue, response.language, Timestamp.string(from: response.startedAt),
    response.submittedAt.map(Timestamp.string(from:)) ?? "-", "\(response.source)", response.device ?? "-",
    answers.joined(separator: ";"), contacts.joined(separator: ";"),
  ].joined(separator: " | ")
}

/// A store error as its case, without the store's name (which differs between backends).
func kind(of error: any Error) -> String {
  guard let error = error as? StoreError else { return "\(type(of: error))" }
  return switch error {
  case .unknownResponse(let id, _): "unknownResponse \(id.uuidString.lowercased())"
  case .duplicateResponse(let id, _): "duplicateResponse \(id.uuidString.lowercased())"
  default: String(describing: error).prefix { $0 != "(" }.description
  }
}
