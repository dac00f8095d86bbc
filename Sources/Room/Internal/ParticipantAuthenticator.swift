import NIOCore
import NIOSSH

/// Lets a connection in with the session code as its password (any user
/// name), or with no password at all in an open room. Wrong codes are
/// counted per connection (closed after `attemptsPerConnection`) and per
/// address (locked out after `maxFailedAttempts`). Public keys are never
/// accepted: a participant has no account here.
final class ParticipantAuthenticator: NIOSSHServerUserAuthenticationDelegate {
  let access: RoomConfiguration.Access
  let connection: ConnectionState
  let gate: ConnectionGate
  let attemptsPerConnection: Int
  let log: @Sendable (RoomEvent) -> Void
  /// Closes the connection (after the failure is sent).
  let disconnect: @Sendable () -> Void

  init(
    access: RoomConfiguration.Access, connection: ConnectionState, gate: ConnectionGate,
    attemptsPerConnection: Int, log: @escaping @Sendable (RoomEvent) -> Void,
    disconnect: @escaping @Sendable () -> Void
  ) {
    self.access = access
    self.connection = connection
    self.gate = gate
    self.attemptsPerConnection = attemptsPerConnection
    self.log = log
    self.disconnect = disconnect
  }

  var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

  func requestReceived(
    request: NIOSSHUserAuthenticationRequest,
    responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
  ) {
    let user = request.username
    switch (access, request.request) {
    case (.open, .none), (.open, .password):
      admit(user, responsePromise)
    case (.code(let code), .password(let password)):
      if gate.isLockedOut(connection.address) {
        log(RoomEvent(peer: connection.peer, kind: .refusedLockedOut))
        responsePromise.succeed(.failure)
        disconnect()
      } else if AccessCode.matches(password.password, code) {
        admit(user, responsePromise)
      } else {
        let attempt = connection.countFailure()
        log(RoomEvent(peer: connection.peer, kind: .wrongCode(user: user, attempt: attempt)))
        let lockedOut = gate.recordFailure(connection.address)
        if lockedOut {
          log(RoomEvent(peer: connection.peer, kind: .lockedOut(seconds: gate.lockoutSeconds)))
        }
        responsePromise.succeed(.failure)
        if lockedOut || attempt >= attemptsPerConnection { disconnect() }
      }
    default:
      // `none` (the client's first probe) and public keys: ask for the code.
      responsePromise.succeed(.failure)
    }
  }

  private func admit(_ user: String, _ promise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
    connection.admit(user: user)
    log(RoomEvent(peer: connection.peer, kind: .admitted(user: user)))
    promise.succeed(.success)
  }
}
