import Foundation
import ResponseStore
import SurveyDefinition

/// Keeps one participant's response in the store as it is given: the
/// response is begun at the first confirmed answer (nobody who only read the
/// welcome screen leaves an empty response), every change is one durable
/// transaction, and submission marks it complete.
final class ResponseRecorder {
  let repository: any ResponseRepository
  let survey: Survey
  let language: String
  let device: String
  private(set) var responseID: UUID?

  init(
    repository: any ResponseRepository, survey: Survey, language: String, device: String,
    resuming: UUID? = nil
  ) {
    self.repository = repository
    self.survey = survey
    self.language = language
    self.device = device
    self.responseID = resuming
  }

  /// Stores `changes` (a `nil` value removes the answer) before returning.
  func record(_ changes: [String: AnswerValue?], contactKeys: Set<String>) throws(StoreError) {
    var answers: [String: AnswerValue?] = [:]
    var contacts: [String: String?] = [:]
    for (key, value) in changes {
      if contactKeys.contains(key) {
        contacts[key] = .some(value?.stringValue)
      } else {
        answers[key] = .some(value)
      }
    }
    let id = try begin()
    try repository.update(response: id, answers: answers, contacts: contacts)
  }

  /// The response's id, beginning it in the store the first time.
  private func begin() throws(StoreError) -> UUID {
    if let responseID { return responseID }
    let response = Response(
      surveyID: survey.id, surveyVersion: survey.version, schemaHash: survey.schemaHash, status: .partial,
      language: language, startedAt: Date(), source: .terminal, device: device)
    try repository.recordSchema(of: survey)
    try repository.begin(response)
    responseID = response.id
    return response.id
  }

  /// Removes the answers of hidden questions and marks the response complete.
  func submit(removing hidden: [String], contactKeys: Set<String>) throws(StoreError) {
    if !hidden.isEmpty {
      try record(
        Dictionary(uniqueKeysWithValues: hidden.map { ($0, AnswerValue?.none) }), contactKeys: contactKeys)
    }
    let id = try begin()
    try repository.submit(response: id, at: Date())
  }
}
