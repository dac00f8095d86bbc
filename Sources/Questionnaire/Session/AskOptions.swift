import Foundation
import ResponseStore

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
  /// The survey file, checked before each kiosk participant: an edited file
  /// stops the kiosk rather than ask the next one an outdated version.
  public var surveyWatch: SurveyFileWatch?
  /// Seconds the 1 of a possible 10 waits for its second digit before it
  /// is taken as 1 (Enter takes it at once).
  public var secondDigitWait: Double
  /// Seconds before the idle timeout when the screen warns (at most half
  /// the timeout); a key cancels the warning.
  public var idleWarning: Double
  /// What to do with an unfinished response begun on this device.
  public var resume: ResumeChoice
  /// Over SSH (`bilan serve`): the participant's own code and the line that
  /// takes them back to this response from a new connection, shown on the
  /// welcome, help and quit screens. `nil` on a local terminal.
  public var reconnection: Reconnection?
  /// For a follow-up survey (`follows:`): the token the participant gave
  /// (`--token`, normalized by `FollowUpToken`), linking this response to
  /// the one it follows. `nil`: the plain questionnaire asks for it.
  public var followedToken: String?

  /// How a participant on a remote terminal gets back to their response.
  public struct Reconnection: Sendable, Equatable {
    /// The participant's own code, e.g. `bavo-kelu`.
    public var code: String
    /// What to type, e.g. `ssh -p 2222 bavo-kelu@192.168.1.20`.
    public var command: String

    public init(code: String, command: String) {
      self.code = code
      self.command = command
    }
  }

  /// What to do with an unfinished response begun on the same device.
  public enum ResumeChoice: Sendable, Equatable {
    /// Ask the participant (`r`/`n` in plain mode, `R`/`N` on the full screen).
    case ask
    /// Resume it without asking (`--resume`).
    case resume
    /// Start a new response without asking, leaving it as it is (`--new`).
    case startAfresh
  }

  public init(
    language: String? = nil, kiosk: Bool = false, idleTimeout: Double? = nil, device: String,
    surveyWatch: SurveyFileWatch? = nil, resume: ResumeChoice = .ask, secondDigitWait: Double = 0.8,
    idleWarning: Double = 30, reconnection: Reconnection? = nil
  ) {
    self.language = language
    self.kiosk = kiosk
    self.idleTimeout = idleTimeout
    self.device = device
    self.surveyWatch = surveyWatch
    self.resume = resume
    self.secondDigitWait = secondDigitWait
    self.idleWarning = idleWarning
    self.reconnection = reconnection
  }

  /// This computer and account, e.g. `portable-caprural:animatrice`: a partial
  /// response begun here is offered again after a crash, a killed process or
  /// a closed lid (a new terminal window has a new tty, so the tty cannot name
  /// it). Over SSH the client's address is added, so that two people answering
  /// on one server never see each other's answers. `BILAN_DEVICE` overrides it.
  public static func currentDevice(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let device = environment["BILAN_DEVICE"], !device.isEmpty { return device }
    let host = AuditEntry.hostName()
    let user = environment["USER"] ?? environment["LOGNAME"] ?? String(getuid())
    var device = "\(host):\(user)"
    if let ssh = environment["SSH_CONNECTION"]?.split(separator: " ").first { device += ":ssh-\(ssh)" }
    return device
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
  /// Kiosk: the survey file changed between two participants (the reason
  /// is given); the responses so far keep the version they were given on: 1.
  case surveyChanged(String)
}
