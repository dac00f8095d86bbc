#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the signal handlers may touch: plain values written before the
/// handlers are installed, read (never allocated) inside them.
///
/// A signal handler may only call async-signal-safe functions: `write`,
/// `tcsetattr`, `signal`, `raise`, `_exit`. Everything else happens in the
/// main loop, woken through `pipe` (the self-pipe trick).
private nonisolated(unsafe) var savedTerminal = termios()
private nonisolated(unsafe) var savedTerminalFD: Int32 = -1
private nonisolated(unsafe) var signalPipe: (read: Int32, write: Int32) = (-1, -1)
private let leaveSequence: [UInt8] = Array(TerminalSequences.leave.utf8)

/// Puts the terminal back as it was: used from crash-signal handlers too.
private func restoreTerminalFromSignal() {
  guard savedTerminalFD >= 0 else { return }
  leaveSequence.withUnsafeBufferPointer { buffer in
    _ = write(savedTerminalFD, buffer.baseAddress, buffer.count)
  }
  _ = tcsetattr(savedTerminalFD, TCSAFLUSH, &savedTerminal)
}

/// SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE: restore the terminal, then die
/// of the same signal with the default action (so a core dump or the exit
/// status still tells what happened).
private func crashSignalHandler(_ signalNumber: Int32) {
  restoreTerminalFromSignal()
  signal(signalNumber, SIG_DFL)
  raise(signalNumber)
}

/// Everything else is handled in the main loop: the handler only writes the
/// signal number to the self-pipe.
private func forwardingSignalHandler(_ signalNumber: Int32) {
  var byte = UInt8(truncatingIfNeeded: signalNumber)
  _ = write(signalPipe.write, &byte, 1)
}

/// The terminal the questionnaire draws on when it runs in this process's
/// own terminal: the controlling tty in raw mode, on the alternate screen,
/// restored on every way out.
public final class LocalTerminal: TerminalDevice {
  public let fd: Int32
  private let ownsDescriptor: Bool
  private var original = termios()
  private(set) var isRaw = false
  private var decoder = KeyDecoder()
  private var queued: [Key] = []

  /// Opens the terminal standard input is on (by its name, for a descriptor
  /// of our own that reads and writes), else the controlling terminal `/dev/tty`.
  public init() throws(AskError) {
    var candidates: [String] = []
    if isatty(STDIN_FILENO) == 1, let name = ttyname(STDIN_FILENO) {
      candidates.append(String(cString: name))
    }
    candidates.append("/dev/tty")
    for path in candidates {
      let descriptor = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
      if descriptor >= 0 && isatty(descriptor) == 1 {
        fd = descriptor
        ownsDescriptor = true
        return
      }
      if descriptor >= 0 { close(descriptor) }
    }
    guard isatty(STDIN_FILENO) == 1 else { throw .noTerminal }
    fd = STDIN_FILENO
    ownsDescriptor = false
  }

  deinit {
    leave()
    if ownsDescriptor { close(fd) }
  }

  /// Raw mode, alternate screen, hidden cursor, bracketed paste; installs
  /// the signal handlers.
  public func enter() {
    guard !isRaw else { return }
    tcgetattr(fd, &original)
    savedTerminal = original
    savedTerminalFD = fd
    installSignalHandlers()
    makeRaw()
    write(TerminalSequences.enter)
  }

  private func makeRaw() {
    var raw = original
    raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
    raw.c_oflag &= ~tcflag_t(OPOST)
    raw.c_cflag |= tcflag_t(CS8)
    raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
    withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
      bytes[Int(VMIN)] = 1
      bytes[Int(VTIME)] = 0
    }
    tcsetattr(fd, TCSAFLUSH, &raw)
    isRaw = true
  }

  /// Leaves the alternate screen and restores the terminal's settings.
  public func leave() {
    guard isRaw else { return }
    write(TerminalSequences.leave)
    tcsetattr(fd, TCSAFLUSH, &original)
    isRaw = false
  }

  /// Writes `text` to the terminal (never to standard output).
  public func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBufferPointer { buffer in
        Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return
      }
      offset += written
    }
  }

  /// The window size in cells (columns, rows); 80×24 when the terminal does not say.
  public func size() -> (columns: Int, rows: Int) {
    var window = winsize()
    if ioctl(fd, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 {
      return (Int(window.ws_col), Int(window.ws_row))
    }
    return (80, 24)
  }

  /// Waits up to `timeout` seconds (forever when `nil`) for a key or a signal.
  public func nextEvent(timeout: Double?) -> TerminalEvent {
    if !queued.isEmpty { return .key(queued.removeFirst()) }
    let deadline = timeout.map { monotonicSeconds() + $0 }
    while true {
      var waitMilliseconds: Int32 = -1
      if let deadline {
        waitMilliseconds = Int32(max(0, (deadline - monotonicSeconds()) * 1000))
      }
      // An incomplete escape sequence is completed or flushed within 50 ms.
      if decoder.hasPending { waitMilliseconds = waitMilliseconds < 0 ? 50 : min(waitMilliseconds, 50) }
      var fds = [
        pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
        pollfd(fd: signalPipe.read, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, 2, waitMilliseconds)
      if ready < 0 {
        if errno == EINTR { continue }
        return .signal(.terminate(SIGHUP))
      }
      if fds[1].revents & Int16(POLLIN) != 0 {
        var byte: UInt8 = 0
        if read(signalPipe.read, &byte, 1) == 1, let signal = handle(signal: Int32(byte)) {
          return .signal(signal)
        }
        continue
      }
      if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(fd, &bytes, bytes.count)
        if count <= 0 {
          if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
          return .signal(.terminate(SIGHUP))  // the terminal went away
        }
        queued.append(contentsOf: decoder.decode(Array(bytes[0..<count])))
        if !queued.isEmpty { return .key(queued.removeFirst()) }
        continue
      }
      if ready == 0 {
        if decoder.hasPending {
          queued.append(contentsOf: decoder.flushEscape())
          if !queued.isEmpty { return .key(queued.removeFirst()) }
        }
        if let deadline, monotonicSeconds() >= deadline { return .timeout }
      }
    }
  }

  private func handle(signal number: Int32) -> TerminalSignal? {
    switch number {
    case SIGWINCH: return .resize
    case SIGINT: return .interrupt
    case SIGTERM, SIGHUP: return .terminate(number)
    case SIGTSTP:
      suspend()
      return .resumed
    case SIGCONT:
      // A SIGCONT without our own stop (e.g. after `kill -STOP`): make sure we are raw again.
      if isRaw { makeRaw() }
      return .resumed
    default: return nil
    }
  }

  /// Gives the terminal back, stops the process, and takes the terminal again
  /// once continued (SIGTSTP, or Ctrl-Z read as a key).
  public func suspend() {
    let wasRaw = isRaw
    leave()
    signal(SIGTSTP, SIG_DFL)
    // To the process, not this thread: a worker thread may block the signal.
    kill(getpid(), SIGTSTP)
    // Continued here after SIGCONT.
    signal(SIGTSTP, forwardingSignalHandler)
    if wasRaw {
      tcgetattr(fd, &original)
      savedTerminal = original
      makeRaw()
      write(TerminalSequences.enter)
    }
  }

  private func installSignalHandlers() {
    if signalPipe.read < 0 {
      var fds: [Int32] = [0, 0]
      if pipe(&fds) == 0 {
        for descriptor in fds {
          _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
          _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        signalPipe = (fds[0], fds[1])
      }
    }
    for number in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT] {
      signal(number, forwardingSignalHandler)
    }
    for number in [SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE] {
      signal(number, crashSignalHandler)
    }
    // A closed terminal must not kill us with SIGPIPE before we save.
    signal(SIGPIPE, SIG_IGN)
  }
}
