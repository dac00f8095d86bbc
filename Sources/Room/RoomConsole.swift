import BilanBase
import Dispatch
import Foundation
import Questionnaire
import ResponseStore

/// `bilan serve`'s own screen: the line to type, the session code, the host
/// key's fingerprint, who is answering, and the last events; on a terminal,
/// full screen until the facilitator stops it (Ctrl-C, then O/Y), else the
/// same lines printed once, then running until SIGINT or SIGTERM.
public struct RoomConsole {
  public let server: RoomServer
  public let port: Int
  public let repository: any ResponseRepository
  public let log: RoomLog

  public init(server: RoomServer, port: Int, repository: any ResponseRepository, log: RoomLog) {
    self.server = server
    self.port = port
    self.repository = repository
    self.log = log
  }

  private var language: String { server.configuration.language ?? server.survey.defaultLanguage }
  private var words: ToolWords.Room { ToolWords.resolved(language).room }

  /// Where participants can reach the room, the preferred address first.
  public var addresses: [String] { server.configuration.listen.reachableAddresses() }

  /// `ssh -p 2222 atelier@192.168.1.20`
  public var command: String {
    connectCommand(user: server.configuration.user, host: addresses.first ?? "127.0.0.1", port: port)
  }

  /// What is printed when standard output is not a terminal (and what the screen shows).
  public var banner: [String] {
    var lines = [
      "bilan serve: \(server.survey.id) listening on \(server.configuration.listen.host):\(port)",
      "Participants type:  \(command)",
    ]
    for other in addresses.dropFirst() {
      lines.append(
        "  (or, on another network of this machine: \(connectCommand(user: server.configuration.user, host: other, port: port)))"
      )
    }
    switch server.configuration.access {
    case .code(let code): lines.append("Session code:       \(code)  (the SSH password)")
    case .open: lines.append("Session code:       none (--open: anyone on this network can answer)")
    }
    lines.append(
      "Host key:           \(server.hostKey.fingerprint) (ED25519)\(server.hostKey.created ? ", new" : "")")
    return lines
  }

  /// Shows the room until it is stopped, then stops the server: full screen
  /// when `fullScreen` (and this process has a terminal), else the banner
  /// printed on standard output and a wait for SIGINT or SIGTERM. Returns the
  /// exit status: 0 stopped from the screen, 130 by a signal.
  public func runUntilStopped(fullScreen: Bool, environment: [String: String]) -> Int32 {
    FileHandle.standardOutput.write(Data((banner.joined(separator: "\n") + "\n").utf8))
    var status: Int32 = 130
    if fullScreen, let terminal = try? LocalTerminal() {
      if run(on: terminal, environment: environment) == .stopped { status = 0 }
    } else {
      _ = Self.waitForSignal()
    }
    server.stop()
    return status
  }

  // MARK: Without a terminal

  /// Blocks until SIGINT or SIGTERM; returns the signal.
  public static func waitForSignal() -> Int32 {
    let received = DispatchSemaphore(value: 0)
    let caught = SignalBox()
    var sources: [any DispatchSourceSignal] = []
    for number in [SIGINT, SIGTERM, SIGHUP] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        caught.set(number)
        received.signal()
      }
      source.resume()
      sources.append(source)
    }
    received.wait()
    for source in sources { source.cancel() }
    return caught.value
  }

  // MARK: Full screen

  /// How the facilitator left the screen.
  public enum Ending: Sendable, Equatable {
    /// Ctrl-C then yes, or Q then yes.
    case stopped
    /// SIGTERM or SIGHUP.
    case signal(Int32)
  }

  /// Runs the screen on `terminal` until the facilitator stops the room.
  public func run(on terminal: LocalTerminal, environment: [String: String]) -> Ending {
    let painter = Painter(device: terminal, palette: .fromEnvironment(environment))
    terminal.enter()
    defer { terminal.leave() }
    var confirming = false
    while true {
      let size = terminal.size()
      let lines = screen(width: size.columns, height: size.rows, confirming: confirming)
      painter.draw(lines, size: size, cursor: nil)
      switch terminal.nextEvent(timeout: 1) {
      case .timeout: continue
      case .signal(.resize), .signal(.resumed): painter.invalidate()
      case .signal(.interrupt): confirming = true
      case .signal(.terminate(let number)): return .signal(number)
      case .key(let key):
        if confirming {
          if case .character(let typed) = key, words.yesKeys.contains(typed) { return .stopped }
          confirming = false
        } else if key == .control("c") || key == .character("q") || key == .character("Q") {
          confirming = true
        } else if key == .control("l") {
          painter.invalidate()
        }
      }
    }
  }

  /// The screen's lines for a window of `width` × `height`.
  func screen(width: Int, height: Int, confirming: Bool) -> [StyledLine] {
    let status = server.status
    let stored = (try? repository.count(survey: server.survey.id, includePartial: false)) ?? 0
    var lines: [StyledLine] = [StyledLine()]
    func add(_ text: String, _ style: TextStyle = .plain, indent: Int = 2) {
      for line in TextLayout.wrap(text, width: max(10, width - indent - 2)) {
        lines.append(StyledLine(String(repeating: " ", count: indent) + line, style))
      }
    }
    add(
      TextSanitizer.clean(
        server.survey.title.text(server.configuration.language ?? server.survey.defaultLanguage)), .bold)
    lines.append(StyledLine())
    add(words.toAnswer)
    lines.append(StyledLine())
    add(command, .bold, indent: 6)
    lines.append(StyledLine())
    switch server.configuration.access {
    case .code(let code):
      lines.append(
        StyledLine(spans: [
          ("  " + words.password, .plain),
          (code, .chosen),
        ]))
    case .open:
      add(words.noPassword)
    }
    add(words.fingerprint + server.hostKey.fingerprint, .dim)
    add(words.clients, .dim)
    lines.append(StyledLine())
    add(words.status(status.answering, status.sent, stored, status.connections), .accent)
    lines.append(StyledLine())
    let footer: StyledLine =
      confirming
      ? StyledLine("  " + words.stopQuestion(status.answering), .notice)
      : StyledLine("  " + words.stopHint, .dim)
    let room = max(0, height - lines.count - 2)
    if room > 0 {
      for event in log.last(room) {
        lines.append(StyledLine("  " + TextLayout.truncate(event.line, width: max(10, width - 4)), .dim))
      }
    }
    lines = Array(lines.prefix(max(0, height - 1)))
    while lines.count < height - 1 { lines.append(StyledLine()) }
    return lines + [footer]
  }
}

/// The signal that ended `waitForSignal`.
private final class SignalBox: @unchecked Sendable {
  private let lock = NSLock()
  private var number: Int32 = SIGTERM
  func set(_ value: Int32) {
    lock.lock()
    number = value
    lock.unlock()
  }
  var value: Int32 {
    lock.lock()
    defer { lock.unlock() }
    return number
  }
}
