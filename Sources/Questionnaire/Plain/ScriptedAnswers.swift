import Foundation
import ResponseStore
import SurveyDefinition
import Yams

/// `--answers FILE`: a whole response from a JSON or YAML map, as in the
/// export (`{"role": "elu", "valeur_ajoutee.plan_cooperation": 4, …}`),
/// stored only when every rule holds: types, codes, bounds, required
/// questions, and no answer to a question its conditions hide.
public enum ScriptedAnswers {
  /// Reads the map from the file at `path`.
  public static func read(path: String) throws(AskError) -> [String: Any] {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .unreadableAnswers(path: path, reason: (error as NSError).localizedDescription)
    }
    return try parse(data, path: path)
  }

  /// Reads the map from `data`, the bytes of `path` (`-` for standard input,
  /// which the caller reads).
  public static func parse(_ data: Data, path: String) throws(AskError) -> [String: Any] {
    guard let text = String(data: data, encoding: .utf8) else {
      throw .malformedAnswers(path: path, reason: "the file is not UTF-8 text")
    }
    let parsed: Any?
    do {
      // JSON is YAML: one parser reads both, and keeps null, numbers and booleans typed.
      parsed = try Yams.load(yaml: text)
    } catch {
      throw .malformedAnswers(path: path, reason: String(describing: error))
    }
    guard let map = parsed as? [String: Any] else {
      if let other = parsed as? [AnyHashable: Any] {
        var result: [String: Any] = [:]
        for (key, value) in other {
          guard let key = key as? String else {
            throw .malformedAnswers(path: path, reason: "the key \(key) is not a text")
          }
          result[key] = value
        }
        return result
      }
      throw .malformedAnswers(path: path, reason: "the top level is not a map")
    }
    return map
  }

  /// Checks the answers with the survey's rules and stores them as one
  /// complete response, in one transaction. Nothing is stored when any rule fails.
  @discardableResult
  public static func fill(
    survey: Survey, answers json: [String: Any], path: String, repository: any ResponseRepository,
    options: AskOptions, now: Date = Date()
  ) throws(AskError) -> Response {
    let flow = survey.flow
    let typed = flow.typedAnswers(json: json)
    // Each problem's description is already `KEY: message`.
    var problems = typed.problems.map(\.description)
    if problems.isEmpty {
      problems = flow.checkResponse(answers: typed.answers, contacts: typed.contacts, complete: true)
        .map(\.description)
    }
    guard problems.isEmpty else { throw .invalidAnswers(path: path, problems: problems) }
    let response = Response(
      surveyID: survey.id, surveyVersion: survey.version, schemaHash: survey.schemaHash, status: .complete,
      language: options.language ?? survey.defaultLanguage, startedAt: now, submittedAt: now,
      source: .terminal,
      device: options.device, answers: typed.answers, contacts: typed.contacts)
    do {
      try repository.recordSchema(of: survey)
      try repository.begin(response)
      if let token = options.followedToken { try repository.setFollowedToken(token, response: response.id) }
    } catch {
      throw .store(error)
    }
    return response
  }
}
