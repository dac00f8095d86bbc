import Foundation

/// Something that happened in the room, for the log `bilan serve` prints
/// (standard error, and the last lines on its own screen).
///
/// Refusals say what was asked and by whom, so a facilitator can tell a
/// participant's typo from someone probing the server. No answer and no
/// session code ever appears in the log.
public struct RoomEvent: Sendable, Equatable {
  public var time: Date
  /// The client's address and port, e.g. `192.168.1.34:50122`.
  public var peer: String?
  public var kind: Kind

  public enum Kind: Sendable, Equatable {
    case connected
    /// The session code (or `--open`) let the client in.
    case admitted(user: String)
    /// A wrong session code; `attempt` on this connection.
    case wrongCode(user: String, attempt: Int)
    /// Too many wrong codes from this address: refused for `seconds`.
    case lockedOut(seconds: Int)
    /// A connection from an address that is locked out.
    case refusedLockedOut
    /// The room already has `limit` connections.
    case refusedFull(limit: Int)
    case refusedExec(command: String)
    case refusedSubsystem(name: String)
    /// `ssh -L`/`-W` (a channel to `target`) or `ssh -R` (listening on `target`).
    case refusedForwarding(target: String)
    /// A shell asked for without a terminal (`ssh -T`, or input from a file).
    case refusedNoTerminal
    /// A second questionnaire on the same connection.
    case refusedSecondSession
    /// A participant's code that this room never gave, or whose response was sent.
    case unknownParticipantCode(String)
    /// Not logged in, or no questionnaire started, within the grace time.
    case loginTimeout(seconds: Int)
    case started(participant: String, resumed: Bool)
    /// The response was sent.
    case completed(participant: String)
    /// The questionnaire ended before it was sent: `reason` says how.
    case left(participant: String, reason: String)
    /// A reconnection with the same code took over from a connection still open.
    case replaced(participant: String)
    case storeFailed(String)
    case connectionError(String)
    case closed
  }

  public init(time: Date = Date(), peer: String?, kind: Kind) {
    self.time = time
    self.peer = peer
    self.kind = kind
  }

  /// Whether this is a refusal (what a probe of the server produces).
  public var isRefusal: Bool {
    switch kind {
    case .wrongCode, .lockedOut, .refusedLockedOut, .refusedFull, .refusedExec, .refusedSubsystem,
      .refusedForwarding, .refusedNoTerminal, .refusedSecondSession, .unknownParticipantCode, .loginTimeout:
      true
    default: false
    }
  }

  /// `14:32:05 192.168.1.34:50122 refused exec "ls -la": a questionnaire, not a shell`
  public var line: String {
    let components = Calendar.current.dateComponents([.hour, .minute, .second], from: time)
    let clock = [components.hour, components.minute, components.second]
      .map { String(format: "%02d", $0 ?? 0) }.joined(separator: ":")
    return [clock, peer, message].compactMap { $0 }.joined(separator: " ")
  }

  public var message: String {
    switch kind {
    case .connected: "connected"
    case .admitted(let user): "admitted as \(quoted(user))"
    case .wrongCode(let user, let attempt):
      "refused: wrong session code for \(quoted(user)) (attempt \(attempt))"
    case .lockedOut(let seconds):
      "refused: too many wrong codes from this address; locked out for \(seconds) s"
    case .refusedLockedOut: "refused: this address is locked out after too many wrong codes"
    case .refusedFull(let limit): "refused: the room is full (\(limit) connections)"
    case .refusedExec(let command): "refused exec \(quoted(command)): a questionnaire, not a shell"
    case .refusedSubsystem(let name): "refused subsystem \(quoted(name)): a questionnaire, not a shell"
    case .refusedForwarding(let target): "refused port forwarding (\(target))"
    case .refusedNoTerminal: "refused: no terminal requested (connect with ssh -t)"
    case .refusedSecondSession: "refused: a second session on one connection"
    case .unknownParticipantCode(let code): "refused: unknown participant code \(quoted(code))"
    case .loginTimeout(let seconds): "closed: no questionnaire started within \(seconds) s"
    case .started(let participant, let resumed):
      resumed ? "participant \(participant) resumed" : "participant \(participant) started"
    case .completed(let participant): "participant \(participant) sent the response"
    case .left(let participant, let reason): "participant \(participant) left (\(reason)); answers kept"
    case .replaced(let participant):
      "participant \(participant) reconnected: the previous connection was closed"
    case .storeFailed(let message): "store failure: \(message)"
    case .connectionError(let message): "connection error: \(message)"
    case .closed: "disconnected"
    }
  }

  /// A client's text, quoted with control characters made visible.
  private func quoted(_ text: String) -> String {
    var shown = ""
    for scalar in text.unicodeScalars.prefix(120) {
      switch scalar {
      case "\"", "\\": shown += "\\" + String(scalar)
      case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
        shown += String(format: "\\x%02X", scalar.value)
      default: shown.unicodeScalars.append(scalar)
      }
    }
    return "\"" + shown + (text.unicodeScalars.count > 120 ? "…" : "") + "\""
  }
}
