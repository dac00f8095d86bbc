import ArgumentParser
import Foundation
import Questionnaire
import ResponseStore
import Room
import SurveyDefinition

extension Bilan {
  /// `bilan serve SURVEY.yaml`: the questionnaire over SSH, for a room answering at once.
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Let a room answer at once: each participant types one ssh line on their own laptop.",
      discussion: """
        Runs an SSH server whose only program is the full-screen questionnaire: each connection is \
        a participant, every confirmed answer is stored at once (as `bilan ask` does), and a \
        participant whose connection drops types the line their welcome screen shows (with their \
        own code, e.g. ssh -p 2222 bavo-kelu@192.168.1.20) to resume. No shell, no commands, no \
        file transfer, no port forwarding: those are refused and logged.

        It prints (and, on a terminal, shows full screen) the line to type and the session code, \
        which is the SSH password, and the host key's fingerprint (SHA256, as ssh shows it). The \
        host key is made on the first start and kept beside the store (mode 0600).

        Exit status: 0 stopped from its screen, 1 wrong input (survey, store, address), 2 usage \
        error, 3 the store or the host key cannot be written, 130 stopped by a signal.

        Example:
          $ bilan serve Surveys/cooperation-pelussin-2015.yaml
        """)

    @Argument(help: ArgumentHelp("The survey file.", valueName: "survey.yaml"))
    var survey: String

    @Option(help: "The response store (default Reports/SURVEY_ID/responses.sqlite).")
    var store: String?

    @Option(
      help: ArgumentHelp("Address and port to listen on (default 0.0.0.0:2222).", valueName: "address[:port]")
    )
    var listen = "0.0.0.0:2222"

    @Option(help: ArgumentHelp("The session code (default: a new one, e.g. mirako).", valueName: "code"))
    var code: String?

    @Flag(help: "No session code: anyone who reaches the port answers (a closed room network only).")
    var open = false

    @Option(help: "The participants' language (fr or en; default: the survey's first).")
    var lang: String?

    @Option(help: ArgumentHelp("The user name in the line to type.", valueName: "name"))
    var user = "atelier"

    @Option(
      help: ArgumentHelp(
        "The host key file (default: ssh_host_ed25519_key beside the store).", valueName: "path"))
    var hostKey: String?

    @Option(help: ArgumentHelp("Connections at once.", valueName: "count"))
    var maxConnections = 40

    @Option(
      help: ArgumentHelp(
        "Wrong codes from one address before it is locked out for 5 minutes.", valueName: "count"))
    var maxFailedAttempts = 10

    @Option(
      name: .customLong("idle-timeout"),
      help: ArgumentHelp(
        "Seconds without a key before a questionnaire closes (answers kept).", valueName: "seconds"))
    var idleTimeout: Double = 900

    func validate() throws {
      if let lang, !["fr", "en"].contains(lang) {
        throw ValidationError("--lang must be fr or en, not '\(lang)'.")
      }
      if open && code != nil { throw ValidationError("--open and --code cannot be used together.") }
      if let code, !AccessCode.isValidSessionCode(code) {
        throw ValidationError(RoomError.badSessionCode(code).errorDescription!)
      }
      if AccessCode.isParticipantCode(user) || user.isEmpty {
        throw ValidationError(
          "--user '\(user)' has the shape of a participant's code; choose a word such as atelier.")
      }
      if !(idleTimeout > 0) { throw ValidationError("--idle-timeout must be a positive number of seconds.") }
      if maxConnections < 1 || maxFailedAttempts < 1 {
        throw ValidationError("--max-connections and --max-failed-attempts must be at least 1.")
      }
    }

    func run() async throws {
      let definition: Survey
      do {
        definition = try Survey.load(path: survey)
      } catch {
        FileHandle.standardError.write(
          Data((error.diagnostics.map(\.description).joined(separator: "\n") + "\n").utf8))
        throw ExitCode(1)
      }
      if let lang, !definition.languages.contains(lang) {
        Self.fail(
          "--lang \(lang): the survey is written in \(definition.languages.joined(separator: ", ")) only.",
          code: 2)
      }
      let path = store ?? SQLiteResponseStore.defaultPath(surveyID: definition.id)
      let repository: SQLiteResponseStore
      let configuration: RoomConfiguration
      let key: HostKey
      do {
        repository = try SQLiteResponseStore(path: path, surveyID: definition.id)
        try repository.recordSchema(of: definition)
      } catch {
        Self.fail(error.errorDescription ?? "\(error)", code: error.isInputError ? 1 : 3)
      }
      do {
        configuration = RoomConfiguration(
          listen: try ListenAddress(parsing: listen),
          access: open ? .open : .code(code ?? AccessCode.session()),
          user: user, language: lang, maxConnections: maxConnections, maxFailedAttempts: maxFailedAttempts,
          idleTimeout: idleTimeout)
        key = try HostKey.loadOrCreate(at: hostKey ?? HostKey.defaultPath(besideStore: path))
      } catch {
        Self.fail(error.errorDescription ?? "\(error)", code: error.isInputError ? 1 : 3)
      }

      let fullScreen = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
      let logToStandardError = !fullScreen || isatty(STDERR_FILENO) == 0
      let events = RoomLog()
      let server = RoomServer(
        survey: definition, repository: repository, configuration: configuration, hostKey: key,
        log: { event in
          events.append(event)
          if logToStandardError { FileHandle.standardError.write(Data((event.line + "\n").utf8)) }
        })
      let port: Int
      do {
        port = try server.start()
      } catch {
        Self.fail(error.errorDescription ?? "\(error)", code: error.isInputError ? 1 : 3)
      }
      let console = RoomConsole(server: server, port: port, repository: repository, log: events)
      FileHandle.standardOutput.write(Data((console.banner.joined(separator: "\n") + "\n").utf8))
      var status: Int32 = 130
      if fullScreen, let terminal = try? LocalTerminal() {
        if console.run(on: terminal, environment: ProcessInfo.processInfo.environment) == .stopped {
          status = 0
        }
      } else {
        _ = RoomConsole.waitForSignal()
      }
      server.stop()
      let sent = server.status.sent
      FileHandle.standardError.write(
        Data("bilan serve: stopped; \(sent) response(s) sent in this session, stored in \(path)\n".utf8))
      throw ExitCode(status)
    }

    static func fail(_ message: String, code: Int32) -> Never {
      FileHandle.standardError.write(Data(("bilan serve: " + message + "\n").utf8))
      Foundation.exit(code)
    }
  }
}
