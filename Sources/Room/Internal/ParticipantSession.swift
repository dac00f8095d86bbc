import BilanBase
import Foundation
import NIOCore
import NIOSSH
import Questionnaire
import ResponseStore

/// One participant's questionnaire on one SSH channel, run on a thread of
/// its own (the questionnaire blocks on keys and on the store; the event
/// loop never does). Keys reach it through `terminal`; what it draws goes to
/// the channel as it is drawn.
final class ParticipantSession: Sendable {
  let code: String
  let terminal: StreamTerminal
  private let channel: any Channel
  private let connection: ConnectionState
  private let room: RoomContext
  private let term: String
  private let resumed: Bool
  private let ended = DispatchSemaphore(value: 0)

  private init(
    code: String, resumed: Bool, terminal: StreamTerminal, channel: any Channel, connection: ConnectionState,
    room: RoomContext, term: String
  ) {
    self.code = code
    self.resumed = resumed
    self.terminal = terminal
    self.channel = channel
    self.connection = connection
    self.room = room
    self.term = term
  }

  /// Starts the questionnaire of the connection on `channel` (on its own
  /// thread: who the participant is needs the store).
  static func start(
    channel: any Channel, connection: ConnectionState, room: RoomContext, term: String, columns: Int,
    rows: Int
  ) -> StreamTerminal {
    let terminal = StreamTerminal(columns: columns, rows: rows) { bytes in
      Self.send(bytes, on: channel)
    }
    let thread = Thread {
      Self.identifyAndRun(
        channel: channel, connection: connection, room: room, term: term, terminal: terminal)
    }
    thread.name = "bilan-serve-participant"
    thread.start()
    return terminal
  }

  /// Who connects: a participant's code resumes their response; any other
  /// user name is a new participant with a new code.
  private static func identifyAndRun(
    channel: any Channel, connection: ConnectionState, room: RoomContext, term: String,
    terminal: StreamTerminal
  ) {
    let words = ToolWords.resolved(room.language).room
    let user = connection.user ?? room.configuration.user
    var code: String
    var resumed = false
    if AccessCode.isParticipantCode(user) {
      code = user.lowercased()
      let partial = try? room.repository.latestPartialResponse(
        survey: room.survey.id, device: RoomContext.device(of: code))
      guard partial != nil || room.registry.wasIssued(code) else {
        room.log(RoomEvent(peer: connection.peer, kind: .unknownParticipantCode(code)))
        if room.gate.recordFailure(connection.address) {
          room.log(RoomEvent(peer: connection.peer, kind: .lockedOut(seconds: room.gate.lockoutSeconds)))
        }
        let command = connectCommand(
          user: room.configuration.user, host: connection.localHost, port: room.port)
        finish(channel, message: words.unknownCode(code, command), status: 1)
        return
      }
      resumed = partial != nil
    } else {
      code = room.registry.issueCode { candidate in
        (try? room.repository.latestPartialResponse(
          survey: room.survey.id, device: RoomContext.device(of: candidate))) == nil
      }
    }
    let session = ParticipantSession(
      code: code, resumed: resumed, terminal: terminal, channel: channel, connection: connection,
      room: room, term: term)
    let (accepted, previous) = room.registry.claim(session)
    guard accepted else {
      finish(channel, message: words.stopping(session.resumeCommand), status: 1)
      return
    }
    if let previous {
      room.log(RoomEvent(peer: connection.peer, kind: .replaced(participant: code)))
      previous.terminal.hangUp()
      previous.ended.wait()
    }
    session.run()
  }

  private var resumeCommand: String {
    connectCommand(user: code, host: connection.localHost, port: room.port)
  }

  private func run() {
    let words = ToolWords.resolved(room.language).room
    room.log(RoomEvent(peer: connection.peer, kind: .started(participant: code, resumed: resumed)))
    let options = AskOptions(
      language: room.configuration.language, kiosk: false, idleTimeout: room.configuration.idleTimeout,
      device: RoomContext.device(of: code), resume: .resume,
      reconnection: AskOptions.Reconnection(code: code, command: resumeCommand))
    let questionnaire = InteractiveQuestionnaire(
      survey: room.survey, repository: room.repository, options: options, device: terminal,
      environment: ["TERM": term.isEmpty ? "xterm" : term])
    var completed = false
    do {
      let outcome = try questionnaire.run()
      switch outcome {
      case .completed:
        completed = true
        room.log(RoomEvent(peer: connection.peer, kind: .completed(participant: code)))
        Self.finish(channel, message: words.sent, status: 0)
      case .interrupted:
        room.log(RoomEvent(peer: connection.peer, kind: .left(participant: code, reason: "quit")))
        Self.finish(channel, message: words.kept(resumeCommand), status: 130)
      case .timedOut:
        room.log(RoomEvent(peer: connection.peer, kind: .left(participant: code, reason: "idle")))
        Self.finish(
          channel, message: words.timedOut(Self.span(room.configuration.idleTimeout), resumeCommand),
          status: 124)
      case .terminated(let signal) where signal == SIGTERM:
        room.log(RoomEvent(peer: connection.peer, kind: .left(participant: code, reason: "server stopped")))
        Self.finish(channel, message: words.stopping(resumeCommand), status: 143)
      case .terminated:
        room.log(RoomEvent(peer: connection.peer, kind: .left(participant: code, reason: "connection lost")))
        channel.close(promise: nil)
      case .inputEnded, .surveyChanged:
        Self.finish(channel, message: words.kept(resumeCommand), status: 1)
      }
    } catch {
      terminal.leave()
      room.log(RoomEvent(peer: connection.peer, kind: .storeFailed(error.errorDescription ?? "\(error)")))
      Self.finish(channel, message: words.storeFailed, status: 3)
    }
    room.registry.release(self, completed: completed)
    ended.signal()
  }

  /// `3 s`, `15 min`: how long the idle timeout was.
  static func span(_ seconds: Double) -> String {
    seconds < 120 ? "\(Int(seconds.rounded())) s" : "\(Int((seconds / 60).rounded())) min"
  }

  // MARK: Writing to the channel (any thread)

  static func send(_ bytes: [UInt8], on channel: any Channel) {
    let buffer = channel.allocator.buffer(bytes: bytes)
    channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer)), promise: nil)
  }

  /// Writes `message` on the participant's screen, sends the exit status
  /// (what `ssh` exits with) and closes the channel.
  static func finish(_ channel: any Channel, message: String, status: Int) {
    send(Array(("\r\n" + message + "\r\n").utf8), on: channel)
    let exitStatus = SSHChannelRequestEvent.ExitStatus(exitStatus: status)
    channel.triggerUserOutboundEvent(exitStatus).whenComplete { _ in
      channel.close(promise: nil)
    }
  }
}
