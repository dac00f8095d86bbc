import Foundation
import SurveyDefinition

/// One correction of a stored answer (`bilan amend`), kept beside the
/// response and erased with it.
public struct Amendment: Sendable, Hashable {
  public var key: String
  /// The value before, `nil` when the question was not answered. Always
  /// `nil` for a contact: addresses stay in the contacts only.
  public var previous: AnswerValue?
  /// The value after, `nil` when the answer was removed (or for a contact).
  public var value: AnswerValue?
  /// A contact answer (an email): that it changed is kept, not the addresses.
  public var isContact: Bool
  public var at: Date
  public var actor: String
  /// Why, as the facilitator gave it (`--reason`).
  public var reason: String?

  public init(
    key: String, previous: AnswerValue?, value: AnswerValue?, isContact: Bool, at: Date, actor: String,
    reason: String?
  ) {
    self.key = key
    self.previous = previous
    self.value = value
    self.isContact = isContact
    self.at = at
    self.actor = actor
    self.reason = reason
  }
}
