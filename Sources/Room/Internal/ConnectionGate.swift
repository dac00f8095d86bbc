import Foundation
import NIOConcurrencyHelpers

/// The room's door: how many connections are open, and which addresses are
/// locked out after too many wrong codes.
final class ConnectionGate: Sendable {
  private struct State {
    var open = 0
    /// Wrong codes per address, the oldest first (seconds on the monotonic clock).
    var failures: [String: [Double]] = [:]
    var lockedUntil: [String: Double] = [:]
  }

  enum Admission: Equatable {
    case admitted
    case full
    case lockedOut
  }

  private let state = NIOLockedValueBox(State())
  let maxConnections: Int
  let maxFailures: Int
  let lockoutSeconds: Int

  init(maxConnections: Int, maxFailures: Int, lockoutSeconds: Int) {
    self.maxConnections = maxConnections
    self.maxFailures = maxFailures
    self.lockoutSeconds = lockoutSeconds
  }

  /// A new connection from `address`: counted when admitted (then `release` it).
  func admit(_ address: String, now: Double = ConnectionGate.now()) -> Admission {
    state.withLockedValue { state in
      if let until = state.lockedUntil[address] {
        if now < until { return .lockedOut }
        state.lockedUntil[address] = nil
      }
      guard state.open < maxConnections else { return .full }
      state.open += 1
      return .admitted
    }
  }

  func release() {
    state.withLockedValue { $0.open = max(0, $0.open - 1) }
  }

  var openConnections: Int { state.withLockedValue { $0.open } }

  /// A wrong code from `address`; `true` when it now locks the address out.
  /// Failures older than the lockout time are forgotten.
  func recordFailure(_ address: String, now: Double = ConnectionGate.now()) -> Bool {
    state.withLockedValue { state in
      var recent = (state.failures[address] ?? []).filter { now - $0 < Double(lockoutSeconds) }
      recent.append(now)
      if recent.count >= maxFailures {
        state.failures[address] = nil
        state.lockedUntil[address] = now + Double(lockoutSeconds)
        return true
      }
      state.failures[address] = recent
      return false
    }
  }

  func isLockedOut(_ address: String, now: Double = ConnectionGate.now()) -> Bool {
    state.withLockedValue { ($0.lockedUntil[address] ?? 0) > now }
  }

  static func now() -> Double { ProcessInfo.processInfo.systemUptime }
}
