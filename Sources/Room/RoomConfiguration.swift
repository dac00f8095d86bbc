/// How `bilan serve` runs its room.
public struct RoomConfiguration: Sendable {
  public var listen: ListenAddress
  public var access: Access
  /// The user name shown in the line to type (`ssh -p 2222 atelier@…`).
  /// Any name is let in; only a participant's code (`bavo-kelu`) means more.
  public var user: String
  /// The participants' language (`--lang`), else the survey's first.
  public var language: String?
  /// Connections at once, open or logging in; more are refused.
  public var maxConnections: Int
  /// Wrong session codes from one address before it is locked out.
  public var maxFailedAttempts: Int
  /// Wrong codes on one connection before it is closed (as OpenSSH's MaxAuthTries).
  public var attemptsPerConnection: Int
  /// Seconds an address stays locked out.
  public var lockoutSeconds: Int
  /// Seconds without a key before a questionnaire is closed (its answers kept).
  public var idleTimeout: Double
  /// Seconds a connection has to log in and start its questionnaire.
  public var loginGraceSeconds: Int

  /// Checks the options `bilan serve` was given, before anything is opened.
  public static func check(
    code: String?, open: Bool, user: String, idleTimeout: Double, maxConnections: Int, maxFailedAttempts: Int
  ) throws(RoomError) {
    if open && code != nil { throw .badOption("--open and --code cannot be used together.") }
    if let code, !AccessCode.isValidSessionCode(code) { throw .badSessionCode(code) }
    if user.isEmpty || AccessCode.isParticipantCode(user)
      || !user.allSatisfy({ $0.isASCII && !$0.isWhitespace })
    {
      throw .badOption(
        "--user '\(user)': choose one word such as atelier (not the shape of a participant's code)")
    }
    if !(idleTimeout > 0) { throw .badOption("--idle-timeout must be a positive number of seconds.") }
    if maxConnections < 1 || maxFailedAttempts < 1 {
      throw .badOption("--max-connections and --max-failed-attempts must be at least 1.")
    }
  }

  public enum Access: Sendable, Equatable {
    /// The SSH password is the session code.
    case code(String)
    /// No password (`--open`): for a closed room network only.
    case open
  }

  public init(
    listen: ListenAddress = ListenAddress(host: "0.0.0.0", port: ListenAddress.defaultPort),
    access: Access, user: String = "atelier", language: String? = nil, maxConnections: Int = 40,
    maxFailedAttempts: Int = 10, attemptsPerConnection: Int = 3, lockoutSeconds: Int = 300,
    idleTimeout: Double = 900, loginGraceSeconds: Int = 60
  ) {
    self.listen = listen
    self.access = access
    self.user = user
    self.language = language
    self.maxConnections = maxConnections
    self.maxFailedAttempts = maxFailedAttempts
    self.attemptsPerConnection = attemptsPerConnection
    self.lockoutSeconds = lockoutSeconds
    self.idleTimeout = idleTimeout
    self.loginGraceSeconds = loginGraceSeconds
  }
}
