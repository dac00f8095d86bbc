import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSH
import ResponseStore
import SurveyDefinition

/// `bilan serve`'s SSH server: each connection that gives the session code
/// gets the full-screen questionnaire on its terminal, and nothing else.
///
/// Every answer goes to `repository` as `bilan ask` writes it: one durable
/// transaction per confirmed answer, before the next screen is drawn, so a
/// dropped connection or a killed server loses no confirmed answer. Each
/// connection is its own participant; a participant's code (their SSH user
/// name) resumes their unfinished response from a new connection.
public final class RoomServer: Sendable {
  public let survey: Survey
  public let configuration: RoomConfiguration
  public let hostKey: HostKey
  private let repository: any ResponseRepository
  private let log: @Sendable (RoomEvent) -> Void
  private let group: MultiThreadedEventLoopGroup
  private let gate: ConnectionGate
  private let registry = ParticipantRegistry()
  private let listener = NIOLockedValueBox<(any Channel)?>(nil)

  /// - Parameter log: called for every event, on any thread.
  public init(
    survey: Survey, repository: any ResponseRepository, configuration: RoomConfiguration, hostKey: HostKey,
    log: @escaping @Sendable (RoomEvent) -> Void
  ) {
    self.survey = survey
    self.repository = repository
    self.configuration = configuration
    self.hostKey = hostKey
    self.log = log
    // Two threads: the machines in a room have two cores, and the work is the store's.
    group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    gate = ConnectionGate(
      maxConnections: configuration.maxConnections, maxFailures: configuration.maxFailedAttempts,
      lockoutSeconds: configuration.lockoutSeconds)
  }

  /// Listens; returns the port participants connect to (the one the system
  /// chose when the configuration says 0).
  public func start() throws(RoomError) -> Int {
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(.backlog, value: 64)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelOption(.socketOption(.so_keepalive), value: 1)
      .childChannelInitializer { [self] channel in self.welcome(channel) }
    let listen = configuration.listen
    do {
      let channel = try bootstrap.bind(host: listen.host, port: listen.port).wait()
      listener.withLockedValue { $0 = channel }
      return channel.localAddress?.port ?? listen.port
    } catch {
      throw .cannotListen(address: listen.description, reason: Self.reason(error))
    }
  }

  /// How many connections are open and how many questionnaires are under way.
  public var status: RoomStatus {
    RoomStatus(
      connections: gate.openConnections, answering: registry.activeCount, sent: registry.completedCount)
  }

  /// Stops listening, ends every questionnaire (their answers are stored;
  /// each participant is told how to resume) and closes every connection.
  public func stop() {
    let channel = listener.withLockedValue { channel -> (any Channel)? in
      defer { channel = nil }
      return channel
    }
    try? channel?.close().wait()
    registry.stopAll(timeout: 5)
    try? group.syncShutdownGracefully()
  }

  // MARK: Connections

  private var context: RoomContext {
    RoomContext(
      survey: survey, repository: repository, configuration: configuration, registry: registry, gate: gate,
      log: log, port: listener.withLockedValue { $0?.localAddress?.port } ?? configuration.listen.port)
  }

  /// A new TCP connection: admitted (or refused), then the SSH handshake.
  private func welcome(_ channel: any Channel) -> EventLoopFuture<Void> {
    let peer = channel.remoteAddress.map(Self.describe) ?? "?"
    let address = channel.remoteAddress?.ipAddress ?? "?"
    switch gate.admit(address) {
    case .full:
      log(RoomEvent(peer: peer, kind: .refusedFull(limit: configuration.maxConnections)))
      return channel.close()
    case .lockedOut:
      log(RoomEvent(peer: peer, kind: .refusedLockedOut))
      return channel.close()
    case .admitted: break
    }
    let gate = self.gate
    let log = self.log
    channel.closeFuture.whenComplete { _ in
      gate.release()
      log(RoomEvent(peer: peer, kind: .closed))
    }
    log(RoomEvent(peer: peer, kind: .connected))
    let connection = ConnectionState(
      peer: peer, address: address, localHost: channel.localAddress?.ipAddress ?? configuration.listen.host)
    let room = context
    let grace = configuration.loginGraceSeconds
    channel.eventLoop.scheduleTask(in: .seconds(Int64(grace))) {
      guard !connection.hasSession else { return }
      log(RoomEvent(peer: peer, kind: .loginTimeout(seconds: grace)))
      channel.close(promise: nil)
    }
    let hostKey = self.hostKey.privateKey
    let configuration = self.configuration
    return channel.eventLoop.makeCompletedFuture {
      let authenticator = ParticipantAuthenticator(
        access: configuration.access, connection: connection, gate: gate,
        attemptsPerConnection: configuration.attemptsPerConnection, log: log,
        disconnect: {
          // After the failure message has gone out.
          channel.eventLoop.scheduleTask(in: .milliseconds(100)) { channel.close(promise: nil) }
        })
      var server = SSHServerConfiguration(
        hostKeys: [hostKey], userAuthDelegate: authenticator,
        globalRequestDelegate: RefusingGlobalRequests(peer: peer, log: log))
      server.maxAuthAttempts = 20
      let ssh = NIOSSHHandler(
        role: .server(server), allocator: channel.allocator,
        inboundChildChannelInitializer: { child, type in
          Self.openChannel(child, type, connection: connection, room: room)
        })
      try channel.pipeline.syncOperations.addHandler(ssh)
      try channel.pipeline.syncOperations.addHandler(ConnectionErrorHandler(peer: peer, log: log))
    }
  }

  /// A channel the client opens: a session gets the questionnaire; port
  /// forwarding (`ssh -L`, `-W`) is refused.
  private static func openChannel(
    _ channel: any Channel, _ type: SSHChannelType, connection: ConnectionState, room: RoomContext
  ) -> EventLoopFuture<Void> {
    switch type {
    case .session:
      guard connection.user != nil else { return channel.eventLoop.makeFailedFuture(RoomRefusal()) }
      return channel.eventLoop.makeCompletedFuture {
        try channel.pipeline.syncOperations.addHandler(
          ParticipantChannelHandler(room: room, connection: connection))
      }
    case .directTCPIP(let target):
      room.log(
        RoomEvent(
          peer: connection.peer,
          kind: .refusedForwarding(target: "to \(target.targetHost):\(target.targetPort)")
        ))
      return channel.eventLoop.makeFailedFuture(RoomRefusal())
    case .forwardedTCPIP:
      return channel.eventLoop.makeFailedFuture(RoomRefusal())
    }
  }

  static func describe(_ address: SocketAddress) -> String {
    let ip = address.ipAddress ?? "?"
    let port = address.port.map(String.init) ?? "?"
    return ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
  }

  private static func reason(_ error: any Error) -> String {
    if let error = error as? IOError {
      switch error.errnoCode {
      case EADDRINUSE: return "the port is already in use"
      case EADDRNOTAVAIL: return "the address is not one of this machine's"
      case EACCES: return "ports below 1024 need administrator rights"
      default: return String(cString: strerror(error.errnoCode))
      }
    }
    return "\(error)"
  }
}

/// The room at a glance, for `bilan serve`'s screen.
public struct RoomStatus: Sendable, Equatable {
  /// Connections open (logging in or answering).
  public var connections: Int
  /// Questionnaires under way.
  public var answering: Int
  /// Responses sent since the room opened.
  public var sent: Int
}

/// The reason a channel is refused (the client is told the channel cannot be opened).
struct RoomRefusal: Error {}

/// `ssh -R` asks the server to listen for it: refused and logged.
struct RefusingGlobalRequests: GlobalRequestDelegate {
  let peer: String
  let log: @Sendable (RoomEvent) -> Void

  func tcpForwardingRequest(
    _ request: GlobalRequest.TCPForwardingRequest, handler: NIOSSHHandler,
    promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>
  ) {
    if case .listen(let host, let port) = request {
      log(RoomEvent(peer: peer, kind: .refusedForwarding(target: "listen on \(host):\(port)")))
    }
    promise.fail(RoomRefusal())
  }
}

/// The end of a connection's pipeline: a protocol error closes it, and is logged.
final class ConnectionErrorHandler: ChannelInboundHandler {
  typealias InboundIn = Any
  let peer: String
  let log: @Sendable (RoomEvent) -> Void

  init(peer: String, log: @escaping @Sendable (RoomEvent) -> Void) {
    self.peer = peer
    self.log = log
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if let error = error as? IOError, [ECONNRESET, EPIPE].contains(error.errnoCode) {
      // The client went away: `closed` says it.
    } else {
      log(RoomEvent(peer: peer, kind: .connectionError(String(describing: error))))
    }
    context.close(promise: nil)
  }
}
