import Foundation
import Rehearsal
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

@Suite struct SyntheticResponsesTests {
  static let survey: Survey = try! Survey.load(
    path: Repository.path("Surveys/cooperation-pelussin-2015.yaml"))

  @Test func theSameSeedGivesTheSameResponses() {
    let first = Array(SyntheticResponses(survey: Self.survey, count: 40, seed: 7))
    let second = Array(SyntheticResponses(survey: Self.survey, count: 40, seed: 7))
    let other = Array(SyntheticResponses(survey: Self.survey, count: 40, seed: 8))
    #expect(first == second)
    #expect(first != other)
    #expect(Set(first.map(\.id)).count == 40)
  }

  @Test func everyResponseFollowsTheSurveyRules() {
    for response in SyntheticResponses(survey: Self.survey, count: 300, seed: 1) {
      let problems = Self.survey.flow.checkResponse(
        answers: response.answers, contacts: response.contacts, complete: response.status == .complete)
      #expect(problems.isEmpty, "\(response.id): \(problems)")
    }
  }

  @Test func aFewResponsesArePartialAndEmailsStayContacts() {
    let responses = Array(SyntheticResponses(survey: Self.survey, count: 600, seed: 3))
    let partial = responses.filter { $0.status == .partial }.count
    #expect(partial > 15 && partial < 90)  // about one in fourteen
    #expect(responses.allSatisfy { $0.answers["email"] == nil })
    #expect(responses.contains { !$0.contacts.isEmpty })
    #expect(responses.filter { $0.status == .partial }.allSatisfy { $0.submittedAt == nil })
  }

  @Test func ratingsMoveTogetherAndElectedOfficialsValueBacking() {
    let responses = Array(SyntheticResponses(survey: Self.survey, count: 2000, seed: 11))
      .filter { $0.status == .complete }
    // Satisfied participants rate the day's parts higher: positive correlation.
    let pairs = responses.compactMap { response -> (Double, Double)? in
      guard let satisfaction = response.answers["satisfaction_globale"]?.numericValue,
        let part = response.answers["utilite_parties.projection"]?.numericValue
      else { return nil }
      return (satisfaction, part)
    }
    #expect(correlation(pairs) > 0.3)
    func backingShare(_ role: String) -> Double {
      let group = responses.filter { $0.answers["role"] == .code(role) }
      let answered = group.compactMap { $0.answers["conditions.plan_cooperation"] }
      let backing = answered.filter {
        if case .codes(let codes) = $0 { return codes.contains("portage_elus") }
        return false
      }
      return Double(backing.count) / Double(max(1, answered.count))
    }
    #expect(backingShare("elu") > backingShare("agent") + 0.2)
  }

  private func correlation(_ pairs: [(Double, Double)]) -> Double {
    let n = Double(pairs.count)
    let mx = pairs.map(\.0).reduce(0, +) / n
    let my = pairs.map(\.1).reduce(0, +) / n
    let sxy = pairs.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +)
    let sxx = pairs.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
    let syy = pairs.map { ($0.1 - my) * ($0.1 - my) }.reduce(0, +)
    return sxy / (sxx * syy).squareRoot()
  }
}
