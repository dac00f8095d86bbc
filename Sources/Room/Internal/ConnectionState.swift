import NIOConcurrencyHelpers

/// One TCP connection: who it is, whether it logged in, whether its one
/// questionnaire has started. Read and written from the event loop and the
/// questionnaire's thread.
final class ConnectionState: Sendable {
  /// `192.168.1.34:50122`
  let peer: String
  /// `192.168.1.34`
  let address: String
  /// The server's address as this client reached it (`192.168.1.20`): the
  /// one to show in the line that resumes a response.
  let localHost: String

  private struct State {
    var user: String?
    var failures = 0
    var sessionClaimed = false
  }
  private let state = NIOLockedValueBox(State())

  init(peer: String, address: String, localHost: String) {
    self.peer = peer
    self.address = address
    self.localHost = localHost
  }

  /// The user name it logged in with; `nil` before.
  var user: String? { state.withLockedValue { $0.user } }

  func admit(user: String) { state.withLockedValue { $0.user = user } }

  /// Counts a wrong code on this connection; returns how many so far.
  func countFailure() -> Int {
    state.withLockedValue {
      $0.failures += 1
      return $0.failures
    }
  }

  /// Takes the connection's one questionnaire; `false` if it was taken.
  func claimSession() -> Bool {
    state.withLockedValue {
      if $0.sessionClaimed { return false }
      $0.sessionClaimed = true
      return true
    }
  }

  var hasSession: Bool { state.withLockedValue { $0.sessionClaimed } }
}
