import Foundation
import NIOConcurrencyHelpers

/// The participants of this run of the room: the codes given out, the
/// questionnaires under way (one per code), how many responses were sent.
final class ParticipantRegistry: Sendable {
  private struct State {
    var issued: Set<String> = []
    var active: [String: ParticipantSession] = [:]
    var completed = 0
    var stopping = false
  }
  private let state = NIOLockedValueBox(State())
  private let finished = NSCondition()

  /// A new participant's code, never given before in this run and for which
  /// `isFree` (no unfinished response in the store) holds.
  func issueCode(isFree: (String) -> Bool) -> String {
    while true {
      let code = AccessCode.participant()
      let fresh = state.withLockedValue { !$0.issued.contains(code) && $0.active[code] == nil }
      if fresh && isFree(code) {
        let taken = state.withLockedValue { state -> Bool in
          if state.issued.contains(code) { return false }
          state.issued.insert(code)
          return true
        }
        if taken { return code }
      }
    }
  }

  /// Whether this run gave out `code`.
  func wasIssued(_ code: String) -> Bool { state.withLockedValue { $0.issued.contains(code) } }

  /// Makes `session` the questionnaire of its code; returns the one it
  /// replaces (the same participant, reconnected), or `nil`. Refused (`false`)
  /// once the room is stopping.
  func claim(_ session: ParticipantSession) -> (accepted: Bool, previous: ParticipantSession?) {
    state.withLockedValue { state in
      if state.stopping { return (false, nil) }
      state.issued.insert(session.code)
      let previous = state.active[session.code]
      state.active[session.code] = session
      return (true, previous)
    }
  }

  /// The questionnaire of `session` ended (`completed`: its response was sent).
  func release(_ session: ParticipantSession, completed: Bool) {
    state.withLockedValue { state in
      if state.active[session.code] === session { state.active[session.code] = nil }
      if completed { state.completed += 1 }
    }
    finished.lock()
    finished.broadcast()
    finished.unlock()
  }

  var activeCount: Int { state.withLockedValue { $0.active.count } }
  var completedCount: Int { state.withLockedValue { $0.completed } }

  /// Stops taking participants and ends every questionnaire under way
  /// (their answers are already stored); waits up to `timeout` seconds for them.
  func stopAll(timeout: Double) {
    let sessions = state.withLockedValue { state -> [ParticipantSession] in
      state.stopping = true
      return Array(state.active.values)
    }
    for session in sessions { session.terminal.hangUp(signal: SIGTERM) }
    let deadline = Date().addingTimeInterval(timeout)
    finished.lock()
    while activeCount > 0, finished.wait(until: deadline) {}
    finished.unlock()
  }
}
