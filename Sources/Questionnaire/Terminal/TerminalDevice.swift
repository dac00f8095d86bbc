#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the full-screen questionnaire draws on and reads keys from.
///
/// `LocalTerminal` is this process's own terminal (raw mode, signals);
/// `StreamTerminal` is a terminal at the other end of a byte stream (an SSH
/// channel: keys in, screen out, the window's size told by the peer). The
/// questionnaire sees only this protocol, so it runs the same on both.
public protocol TerminalDevice: AnyObject {
  /// Takes the terminal over: raw input, the alternate screen, no cursor.
  func enter()
  /// Gives the terminal back as it was found.
  func leave()
  /// Writes `text` to the screen.
  func write(_ text: String)
  /// The window size in cells (columns, rows).
  func size() -> (columns: Int, rows: Int)
  /// Waits up to `timeout` seconds (forever when `nil`) for a key or a signal.
  func nextEvent(timeout: Double?) -> TerminalEvent
  /// Ctrl-Z: stops the process until it is continued, where that means
  /// something (a local terminal); elsewhere nothing happens.
  func suspend()
}

/// Signals the main loop receives from `TerminalDevice.nextEvent`.
public enum TerminalSignal: Sendable, Equatable {
  /// SIGWINCH (or an SSH window-change): the window changed size.
  case resize
  /// SIGINT sent from outside (Ctrl-C in raw mode arrives as a key instead).
  case interrupt
  /// SIGTERM or SIGHUP (or the connection went away): leave now.
  case terminate(Int32)
  /// SIGCONT after a stop: raw mode has been re-entered; repaint.
  case resumed
}

/// An event of the main loop.
public enum TerminalEvent: Sendable, Equatable {
  case key(Key)
  case signal(TerminalSignal)
  /// Nothing happened before the timeout.
  case timeout
}

/// The escape sequences that take a terminal over and give it back.
enum TerminalSequences {
  /// The alternate screen, the cursor hidden, bracketed paste, the screen cleared.
  static let enter = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h\u{1B}[H\u{1B}[2J"
  /// Bracketed paste off, attributes reset, the cursor shown, the main screen back.
  static let leave = "\u{1B}[?2004l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
}

/// Seconds on a monotonic clock.
func monotonicSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
