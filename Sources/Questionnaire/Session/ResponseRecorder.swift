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
  /// For a follow-up survey: the token of the response this one follows,
  /// recorded with the first answer stored (or at once when resuming).
  var followedToken: String?
  private var linked = false

  init(
    repository: any ResponseRepository, survey: Survey, language: String, device: String,
    resuming: UUID? = nil, followedToken: String? = nil
  ) {
    self.repository = repository
    self.survey = survey
    self.language = language
    self.device = device
    self.responseID = resuming
    self.followedToken = followedToken
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
    try link(id)
  }

  /// Records the followed token once per questionnaire.
  private func link(_ id: UUID) throws(StoreError) {
    guard !linked, let followedToken else { return }
    try repository.setFollowedToken(followedToken, response: id)
    linked = true
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

  /// Removes the answers of hidden questions and marks the response
  /// complete. Returns the response's follow-up token when the survey shows
  /// one at the end (`follow_up_token: true`), issued now.
  @discardableResult
  func submit(removing hidden: [String], contactKeys: Set<String>) throws(StoreError) -> String? {
    if !hidden.isEmpty {
      try record(
        Dictionary(uniqueKeysWithValues: hidden.map { ($0, AnswerValue?.none) }), contactKeys: contactKeys)
    }
    let id = try begin()
    try link(id)
    try repository.submit(response: id, at: Date())
    guard survey.showsFollowUpToken else { return nil }
    return try repository.followUpToken(response: id)
  }
}
