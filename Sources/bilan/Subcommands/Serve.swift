import ArgumentParser
import Foundation
import PostgresStore
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

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite).",
        valueName: "path|url"))
    var store: String?

    @Option(
      help: ArgumentHelp(
        "Address and port to listen on (every interface by default).", valueName: "address[:port]")
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
        "The host key file (default: ssh_host_ed25519_key beside the store file, or in Reports/SURVEY_ID/ for a database).",
        valueName: "path"))
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
      do {
        try RoomConfiguration.check(
          code: code, open: open, user: user, idleTimeout: idleTimeout, maxConnections: maxConnections,
          maxFailedAttempts: maxFailedAttempts)
      } catch { throw ValidationError(error.errorDescription ?? "\(error)") }
    }

    func run() async throws {
      let definition = try Survey.load(path: survey)
      if let lang, !definition.languages.contains(lang) {
        throw CommandFailure(
          .usage,
          "--lang \(lang): the survey is written in \(definition.languages.joined(separator: ", ")) only.")
      }
      let address = try StoreAddress.resolve(option: store, surveyID: definition.id)
      let path = address.description
      let repository = try address.open(surveyID: definition.id, create: true)
      try repository.recordSchema(of: definition)
      let configuration = RoomConfiguration(
        listen: try ListenAddress(parsing: listen),
        access: open ? .open : .code(code ?? AccessCode.session()),
        user: user, language: lang, maxConnections: maxConnections, maxFailedAttempts: maxFailedAttempts,
        idleTimeout: idleTimeout)
      let key = try HostKey.loadOrCreate(
        at: hostKey
          ?? HostKey.defaultPath(
            besideStore: address.isServer ? SQLiteResponseStore.defaultPath(surveyID: definition.id) : path))

      let fullScreen = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
      let events = RoomLog(printing: !fullScreen || isatty(STDERR_FILENO) == 0)
      let server = RoomServer(
        survey: definition, repository: repository, configuration: configuration, hostKey: key,
        log: events.record)
      let port = try server.start()
      let console = RoomConsole(server: server, port: port, repository: repository, log: events)
      let status = console.runUntilStopped(
        fullScreen: fullScreen, environment: ProcessInfo.processInfo.environment)
      Diagnostics.note("bilan serve: stopped; \(server.status.sent) response(s) sent, stored in \(path)")
      if status != 0 { throw ExitCode(status) }
    }
  }
}
