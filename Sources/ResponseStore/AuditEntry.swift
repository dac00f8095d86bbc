import BilanBase
import Foundation

/// One line of a store's audit trail: who erased, purged or corrected how
/// many responses, when, and how they were chosen. Never what was erased or
/// corrected: no answer, no address, no response id.
public struct AuditEntry: Sendable, Hashable {
  public enum Action: String, Sendable, Hashable, CaseIterable {
    /// `bilan delete`: whole responses erased.
    case erase = "delete"
    /// `bilan purge-contacts`: contact answers removed.
    case purgeContacts = "purge-contacts"
    /// `bilan amend`: answers of one response corrected.
    case amend
  }

  public var action: Action
  public var survey: String
  /// How the responses were chosen (`ResponseSelection.criterion`, or `all`).
  public var criterion: String
  /// Responses concerned; the store sets it to what the change really touched.
  public var responses: Int
  /// The account and computer (`animatrice@portable-caprural`).
  public var actor: String
  public var at: Date

  public init(
    action: Action, survey: String, criterion: String, responses: Int = 0,
    actor: String = AuditEntry.currentActor(),
    at: Date = Date()
  ) {
    self.action = action
    self.survey = survey
    self.criterion = criterion
    self.responses = responses
    self.actor = actor
    self.at = Timestamp.truncated(at)
  }

  /// `USER@HOST` of this process (`$USER`, else `$LOGNAME`, else the account's name).
  public static func currentActor(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    "\(environment["USER"] ?? environment["LOGNAME"] ?? accountName())@\(hostName())"
  }

  /// The name of this process's account (`getpwuid`), else its uid.
  package static func accountName() -> String {
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return String(getuid()) }
    return String(cString: name)
  }

  /// This computer's name, `localhost` when it has none.
  package static func hostName() -> String {
    var name = [CChar](repeating: 0, count: 256)
    guard gethostname(&name, name.count) == 0 else { return "localhost" }
    return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
