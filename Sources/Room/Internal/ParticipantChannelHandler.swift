import BilanBase
import NIOCore
import NIOSSH
import Questionnaire

/// A session channel of a participant's connection: a pseudo-terminal and a
/// shell request start the questionnaire; everything else a shell server
/// would do is refused (exec, subsystems such as sftp, environment
/// variables, agent and X11 forwarding: swift-nio-ssh answers the requests it
/// does not know with a failure).
final class ParticipantChannelHandler: ChannelInboundHandler {
  typealias InboundIn = SSHChannelData

  private let room: RoomContext
  private let connection: ConnectionState
  private var pty: (term: String, columns: Int, rows: Int)?
  private var terminal: StreamTerminal?

  init(room: RoomContext, connection: ConnectionState) {
    self.room = room
    self.connection = connection
  }

  private var newParticipantCommand: String {
    connectCommand(user: room.configuration.user, host: connection.localHost, port: room.port)
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    switch event {
    case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
      pty = (request.term, request.terminalCharacterWidth, request.terminalRowHeight)
      reply(request.wantReply, true, context)
    case let request as SSHChannelRequestEvent.ShellRequest:
      guard terminal == nil else { return reply(request.wantReply, false, context) }
      guard let pty else {
        room.log(RoomEvent(peer: connection.peer, kind: .refusedNoTerminal))
        refuse(
          context, request.wantReply,
          ToolWords.resolved(room.language).room.noTerminal("ssh -t " + newCommandTail))
        return
      }
      guard connection.claimSession() else {
        room.log(RoomEvent(peer: connection.peer, kind: .refusedSecondSession))
        reply(request.wantReply, false, context)
        context.close(promise: nil)
        return
      }
      reply(request.wantReply, true, context)
      terminal = ParticipantSession.start(
        channel: context.channel, connection: connection, room: room, term: pty.term, columns: pty.columns,
        rows: pty.rows)
    case let request as SSHChannelRequestEvent.ExecRequest:
      room.log(RoomEvent(peer: connection.peer, kind: .refusedExec(command: request.command)))
      refuse(
        context, request.wantReply, ToolWords.resolved(room.language).room.notAShell(newParticipantCommand))
    case let request as SSHChannelRequestEvent.SubsystemRequest:
      room.log(RoomEvent(peer: connection.peer, kind: .refusedSubsystem(name: request.subsystem)))
      refuse(
        context, request.wantReply, ToolWords.resolved(room.language).room.notAShell(newParticipantCommand))
    case let request as SSHChannelRequestEvent.EnvironmentRequest:
      // Nothing of the client's environment reaches the questionnaire
      // (OpenSSH sends LANG and LC_* by default: not worth a log line).
      reply(request.wantReply, false, context)
    case let request as SSHChannelRequestEvent.WindowChangeRequest:
      if let terminal {
        terminal.resize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
      } else if let current = pty {
        pty = (current.term, request.terminalCharacterWidth, request.terminalRowHeight)
      }
    case is SSHChannelRequestEvent.SignalRequest, is SSHChannelRequestEvent.LocalFlowControlRequest:
      break
    default:
      context.fireUserInboundEventTriggered(event)
    }
  }

  /// `-p 2222 atelier@host`, for `ssh -t` before it.
  private var newCommandTail: String {
    String(newParticipantCommand.dropFirst("ssh ".count))
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let message = unwrapInboundIn(data)
    guard message.type == .channel, case .byteBuffer(let buffer) = message.data else { return }
    terminal?.receive(Array(buffer.readableBytesView))
  }

  func channelInactive(context: ChannelHandlerContext) {
    // The questionnaire ends at its next event; every confirmed answer is stored.
    terminal?.hangUp()
    context.fireChannelInactive()
  }

  private func reply(_ wanted: Bool, _ success: Bool, _ context: ChannelHandlerContext) {
    guard wanted else { return }
    if success {
      context.channel.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
    } else {
      context.channel.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
    }
  }

  /// Says why on the client's standard error, refuses the request and closes the channel.
  private func refuse(_ context: ChannelHandlerContext, _ wantReply: Bool, _ message: String) {
    let buffer = context.channel.allocator.buffer(string: "bilan serve: " + message + "\r\n")
    let channel = context.channel
    // The reason first: the client stops reading once it has the refusal.
    context.writeAndFlush(
      NIOAny(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer))), promise: nil)
    reply(wantReply, false, context)
    channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 1)).whenComplete { _ in
      channel.close(promise: nil)
    }
  }
}
