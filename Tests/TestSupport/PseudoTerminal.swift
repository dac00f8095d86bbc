import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal the tests hold open across program runs: the same
/// `/dev/pts/N` for every run, like a participant's terminal that outlives
/// a killed questionnaire.
///
/// Programs are started with `posix_spawn` in a new session whose
/// controlling terminal is the pty's slave side (no `fork` in the test
/// process); what they write is read from the master side into a
/// `TerminalScreen`.
public final class PseudoTerminal {
  public let master: Int32
  /// The slave side's path, e.g. `/dev/pts/7`.
  public let slavePath: String
  private let slave: Int32
  public let columns: Int
  public let rows: Int

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public init(columns: Int = 100, rows: Int = 30) throws {
    self.columns = columns
    self.rows = rows
    // posix_openpt, unlockpt and ptsname by hand (Glibc's module hides them):
    // TIOCSPTLCK = _IOW('T', 0x31, int), TIOCGPTN = _IOR('T', 0x30, unsigned int).
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    guard master >= 0 else { throw Failure(description: "/dev/ptmx: \(String(cString: strerror(errno)))") }
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard ioctl(master, UInt(0x4004_5431), &unlock) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0
    else {
      close(master)
      throw Failure(description: "cannot unlock the pseudo-terminal: \(String(cString: strerror(errno)))")
    }
    let path = "/dev/pts/\(number)"
    let slave = open(path, O_RDWR | O_NOCTTY)
    guard slave >= 0 else {
      close(master)
      throw Failure(description: "open \(path): \(String(cString: strerror(errno)))")
    }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    self.master = master
    self.slave = slave
    self.slavePath = path
  }

  deinit {
    close(slave)
    close(master)
  }

  /// Starts `executable` with the pty as its controlling terminal and its
  /// standard input, output and error.
  public func spawn(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:]
  ) throws -> TerminalProcess {
    drain()
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // POSIX_SPAWN_SETSID (glibc, 0x80): setsid() before the file actions, so
    // opening the slave makes it the new session's controlling terminal.
    let setSession: Int32 = 0x80
    _ = posix_spawnattr_setflags(
      &attributes, Int16(setSession | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)))
    var defaults = sigset_t()
    sigfillset(&defaults)
    sigdelset(&defaults, SIGKILL)
    sigdelset(&defaults, SIGSTOP)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm-256color"
    for (key, value) in environment { env[key] = value }
    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
    guard status == 0 else {
      throw Failure(description: "posix_spawn \(executable.path): \(String(cString: strerror(status)))")
    }
    return TerminalProcess(pid: pid, terminal: self)
  }

  /// Discards whatever earlier programs wrote and nobody read.
  public func drain() {
    var buffer = [UInt8](repeating: 0, count: 65536)
    while read(master, &buffer, buffer.count) > 0 {}
  }

  /// Bytes written by the program since the last call (waits up to `timeout` seconds for the first).
  func readAvailable(timeout: Double) -> [UInt8] {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, Int32(max(0, timeout * 1000))) > 0 else { return [] }
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = read(master, &buffer, buffer.count)
      if count <= 0 { break }
      result.append(contentsOf: buffer[0..<count])
    }
    return result
  }

  /// Types `text` (bytes as given: `\r` is Enter, `\u{1B}` Escape).
  public func send(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
      } else if errno == EAGAIN || errno == EINTR {
        usleep(1000)
      } else {
        return
      }
    }
  }
}

/// A program running on a `PseudoTerminal`, with the screen it has drawn.
public final class TerminalProcess {
  public let pid: pid_t
  private let terminal: PseudoTerminal
  public private(set) var screen: TerminalScreen
  /// The exit status once reaped: `.exited(code)` or `.signalled(number)`.
  public private(set) var termination: Termination?

  public enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signalled(Int32)
  }

  init(pid: pid_t, terminal: PseudoTerminal) {
    self.pid = pid
    self.terminal = terminal
    self.screen = TerminalScreen(columns: terminal.columns, rows: terminal.rows)
  }

  deinit {
    if termination == nil {
      Glibc.kill(pid, SIGKILL)
      _ = reap(blocking: true)
    }
  }

  /// Types `text` on the terminal.
  public func send(_ text: String) { terminal.send(text) }

  /// Gives the terminal a new size (`TIOCSWINSZ`) and tells the program
  /// (`SIGWINCH`), as a window being resized does; the screen model starts
  /// blank at the new size.
  public func resize(columns: Int, rows: Int) {
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(terminal.master, UInt(TIOCSWINSZ), &size)
    screen = TerminalScreen(columns: columns, rows: rows)
    Glibc.kill(pid, SIGWINCH)
  }

  /// Reads output until `condition` holds for the screen, or `timeout` seconds pass.
  @discardableResult
  public func wait(timeout: Double = 10, until condition: (TerminalScreen) -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if condition(screen) { return true }
      let left = deadline.timeIntervalSinceNow
      if left <= 0 { return false }
      if termination == nil, reap(blocking: false) != nil {
        // Exited: read what it wrote last, then decide once more.
        screen.feed(terminal.readAvailable(timeout: 0.05))
        return condition(screen)
      }
      screen.feed(terminal.readAvailable(timeout: min(left, 0.05)))
    }
  }

  /// Waits until the screen shows `fragment`.
  @discardableResult
  public func waitFor(_ fragment: String, timeout: Double = 10) -> Bool {
    wait(timeout: timeout) { $0.shows(fragment) }
  }

  /// Sends `signal` and waits for the process to end.
  @discardableResult
  public func kill(_ signal: Int32 = SIGKILL) -> Termination? {
    Glibc.kill(pid, signal)
    return reap(blocking: true)
  }

  /// Waits up to `timeout` seconds for the process to exit on its own,
  /// reading its output meanwhile.
  @discardableResult
  public func waitForExit(timeout: Double = 10) -> Termination? {
    let deadline = Date().addingTimeInterval(timeout)
    while termination == nil, Date() < deadline {
      screen.feed(terminal.readAvailable(timeout: 0.02))
      _ = reap(blocking: false)
    }
    screen.feed(terminal.readAvailable(timeout: 0))
    return termination
  }

  private func reap(blocking: Bool) -> Termination? {
    if let termination { return termination }
    var status: Int32 = 0
    var result: pid_t
    repeat {
      result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
    } while result < 0 && errno == EINTR
    guard result == pid else { return nil }
    let signal = status & 0x7F
    termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    return termination
  }
}
