import Foundation

/// How `bilan ask` runs.
public struct AskOptions: Sendable {
  /// The participant's language (`--lang`), else the survey's first.
  public var language: String?
  /// One participant after another (`--kiosk`).
  public var kiosk: Bool
  /// Seconds without a key before an idle participant's response is kept as
  /// partial: the welcome screen returns in kiosk mode, the questionnaire
  /// ends with 124 otherwise. `nil`: no timeout.
  public var idleTimeout: Double?
  /// Where this terminal is, to offer to resume its own partial response.
  public var device: String

  public init(language: String? = nil, kiosk: Bool = false, idleTimeout: Double? = nil, device: String) {
    self.language = language
    self.kiosk = kiosk
    self.idleTimeout = idleTimeout
    self.device = device
  }

  /// `host:/dev/pts/3` for the terminal on standard input (or `host:pipe`).
  public static func currentDevice() -> String {
    var name = [CChar](repeating: 0, count: 256)
    let host =
      gethostname(&name, name.count) == 0
      ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "localhost"
    var tty = "pipe"
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
      if let pointer = ttyname(descriptor) {
        tty = String(cString: pointer)
        break
      }
    }
    return "\(host):\(tty)"
  }
}

/// How a questionnaire ended, for the executable's exit code.
public enum AskOutcome: Sendable, Equatable {
  /// Every response submitted (or kiosk mode left with the facilitator's sequence): 0.
  case completed
  /// Ctrl-C or Q confirmed, or SIGINT: 130. Answers given are kept.
  case interrupted
  /// The participant was idle longer than the timeout: 124.
  case timedOut
  /// Standard input ended before the last question (plain mode): 1.
  case inputEnded
  /// SIGTERM or SIGHUP: the answers are kept; exit as the signal asks.
  case terminated(Int32)
}
