import Foundation
import SurveyDefinition

/// `bilan amend`: corrections of one stored response, given as `KEY=VALUE`,
/// typed like a CSV cell and checked with the survey's answer rules, the
/// same as the questionnaire's and the importer's (`SurveyFlow.checkResponse`).
///
/// Values: a code or a choice's label (any of the survey's languages), codes
/// separated by commas for a multiple or ranking question, a number, `na`
/// for not applicable, `oui`/`non` or `yes`/`no`, a text as it is; an empty
/// value (`KEY=`) removes the answer. The whole corrected response is
/// checked: a value out of range, an unknown code, an answer to a question
/// the other answers hide, a required answer removed from a complete
/// response are refused, and nothing is changed. Problems the response
/// already had (answered with an earlier definition of the survey) do not
/// block a correction elsewhere.
public struct AnswerCorrection: Sendable {
  /// The changes to apply: answers and contacts (`nil` removes).
  public var answers: [String: AnswerValue?]
  public var contacts: [String: String?]

  /// Reads `assignments` (`KEY=VALUE`) against `survey`.
  public init(_ assignments: [String], survey: Survey) throws(AmendError) {
    let flow = survey.flow
    let importer = ResponseImporter(survey: survey)
    answers = [:]
    contacts = [:]
    var seen: Set<String> = []
    for assignment in assignments {
      guard let equals = assignment.firstIndex(of: "=") else { throw .malformedAssignment(assignment) }
      let key = assignment[..<equals].trimmingCharacters(in: .whitespaces)
      let text = String(assignment[assignment.index(after: equals)...])
      guard !key.isEmpty else { throw .malformedAssignment(assignment) }
      guard let field = flow.field(forKey: key) else {
        throw .unknownKey(key: key, hint: EditDistance.hint(for: key, among: flow.fields.map(\.key)))
      }
      guard seen.insert(key).inserted else { throw .repeatedKey(key) }
      let value: AnswerValue?
      if text.isEmpty {
        value = nil
      } else {
        do {
          value = try importer.typedCell(text, field: field)
        } catch {
          throw .invalidValue(error)
        }
      }
      if field.valueType == .contact {
        contacts[key] = .some(value?.stringValue)
      } else {
        answers[key] = .some(value)
      }
    }
  }

  /// Applies the changes to response `id` of `survey` in `repository`, in one
  /// transaction, with a history row per changed key and an audit entry.
  /// Returns the history rows (empty when every value was already the one given).
  public func apply(
    to id: UUID, survey: Survey, repository: any ResponseRepository, path: String, reason: String?,
    actor: String = AuditEntry.currentActor(), at: Date = Date()
  ) throws(AmendError) -> [Amendment] {
    let flow = survey.flow
    let audit = AuditEntry(action: .amend, survey: survey.id, criterion: "by id", actor: actor, at: at)
    do {
      return try repository.amend(
        response: id, answers: answers, contacts: contacts, audit: audit, reason: reason
      ) { before, after in
        guard before.surveyID == survey.id else { throw AmendError.unknownResponse(id: id, path: path) }
        func problems(_ response: Response) -> [AnswerProblem] {
          flow.checkResponse(
            answers: response.answers, contacts: response.contacts, complete: response.status == .complete,
            requireContacts: false)
        }
        let existing = Set(problems(before))
        let new = problems(after).filter { !existing.contains($0) }
        if !new.isEmpty { throw AmendError.refused(id: id, problems: new) }
      }
    } catch let error as AmendError {
      throw error
    } catch StoreError.unknownResponse {
      throw .unknownResponse(id: id, path: path)
    } catch let error as StoreError {
      throw .store(error)
    } catch {
      throw .store(.io(path: path, detail: error.localizedDescription))
    }
  }
}
