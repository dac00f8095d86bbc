import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal at the other end of a byte stream: an SSH channel, where the
/// participant's own terminal is already in raw mode (their client's) and
/// tells its size in messages, not through `ioctl`.
///
/// The connection's side calls `receive(_:)` with the bytes typed,
/// `resize(columns:rows:)` on a window change and `hangUp()` when the
/// connection goes; the questionnaire's thread waits in `nextEvent`. What the
/// questionnaire draws goes to `send`, called on the questionnaire's thread.
/// No termios, no signals, no process state: many of these run at once in
/// one process, one per participant.
public final class StreamTerminal: TerminalDevice, @unchecked Sendable {
  private let send: @Sendable ([UInt8]) -> Void
  /// Guards every property below; `nextEvent` waits on it.
  private let condition = NSCondition()
  private var input: [UInt8] = []
  private var columns: Int
  private var rows: Int
  private var resized = false
  private var ended: Int32?
  // Touched on the questionnaire's thread only.
  private var decoder = KeyDecoder()
  private var queued: [Key] = []
  private var entered = false

  /// - Parameters:
  ///   - columns, rows: the window's size as the peer first gave it (0 for
  ///     unknown: 80×24 is used).
  ///   - send: writes bytes to the peer; called on the questionnaire's thread.
  public init(columns: Int, rows: Int, send: @escaping @Sendable ([UInt8]) -> Void) {
    self.columns = columns
    self.rows = rows
    self.send = send
  }

  // MARK: The connection's side (any thread)

  /// Bytes the participant typed.
  public func receive(_ bytes: [UInt8]) {
    condition.lock()
    input.append(contentsOf: bytes)
    condition.signal()
    condition.unlock()
  }

  /// The participant's window changed size: the next event is a resize.
  public func resize(columns: Int, rows: Int) {
    condition.lock()
    self.columns = columns
    self.rows = rows
    resized = true
    condition.signal()
    condition.unlock()
  }

  /// The connection went away (`SIGHUP`) or the server stops (`SIGTERM`):
  /// the questionnaire ends at its next event, its answers already stored.
  public func hangUp(signal: Int32 = SIGHUP) {
    condition.lock()
    if ended == nil { ended = signal }
    condition.signal()
    condition.unlock()
  }

  // MARK: TerminalDevice (the questionnaire's thread)

  public func enter() {
    guard !entered else { return }
    entered = true
    write(TerminalSequences.enter)
  }

  public func leave() {
    guard entered else { return }
    entered = false
    write(TerminalSequences.leave)
  }

  public func write(_ text: String) {
    condition.lock()
    let gone = ended != nil
    condition.unlock()
    if !gone { send(Array(text.utf8)) }
  }

  public func size() -> (columns: Int, rows: Int) {
    condition.lock()
    defer { condition.unlock() }
    return (columns > 0 ? columns : 80, rows > 0 ? rows : 24)
  }

  /// Nothing to stop: the process serves other participants.
  public func suspend() {}

  public func nextEvent(timeout: Double?) -> TerminalEvent {
    if !queued.isEmpty { return .key(queued.removeFirst()) }
    let deadline = timeout.map { monotonicSeconds() + $0 }
    while true {
      condition.lock()
      // An incomplete escape sequence is completed or flushed within 50 ms.
      var wake = deadline
      if decoder.hasPending { wake = min(wake ?? .infinity, monotonicSeconds() + 0.05) }
      while input.isEmpty && !resized && ended == nil {
        if let wake {
          let seconds = wake - monotonicSeconds()
          if seconds <= 0 || !condition.wait(until: Date(timeIntervalSinceNow: seconds)) { break }
        } else {
          condition.wait()
        }
      }
      let bytes = input
      input.removeAll(keepingCapacity: true)
      let wasResized = resized
      resized = false
      let signal = ended
      condition.unlock()

      if let signal { return .signal(.terminate(signal)) }
      if !bytes.isEmpty { queued.append(contentsOf: decoder.decode(bytes)) }
      if wasResized {
        // Keys typed with the change are kept for the next calls.
        return .signal(.resize)
      }
      if !queued.isEmpty { return .key(queued.removeFirst()) }
      if bytes.isEmpty {
        if decoder.hasPending {
          queued.append(contentsOf: decoder.flushEscape())
          if !queued.isEmpty { return .key(queued.removeFirst()) }
        }
        if let deadline, monotonicSeconds() >= deadline { return .timeout }
      }
    }
  }
}
