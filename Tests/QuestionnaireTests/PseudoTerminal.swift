import Foundation
import Glibc
import TestSupport

/// The built `bilan` running on a real pseudo-terminal (openpty): keys are
/// written to the master side, the output is read into a `ScreenEmulator`.
final class PseudoTerminal: @unchecked Sendable {
  let master: Int32
  let process: Process
  private let lock = NSLock()
  private var emulator: ScreenEmulator
  private var output: [UInt8] = []
  private var reader: Thread?
  private var closed = false

  init(_ arguments: [String], columns: Int = 80, rows: Int = 24, environment: [String: String] = [:]) throws {
    var master: Int32 = 0
    var slave: Int32 = 0
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.EIO) }
    self.master = master
    emulator = ScreenEmulator(columns: columns, rows: rows)
    process = Process()
    process.executableURL = Repository.bilanExecutable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm-256color"
    env["BILAN_DEVICE"] = "test-terminal"
    env["NO_COLOR"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
    process.standardInput = handle
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    close(slave)
    let thread = Thread { [weak self] in self?.readLoop() }
    reader = thread
    thread.start()
  }

  deinit {
    if process.isRunning { process.terminate() }
    close(master)
  }

  private func readLoop() {
    var buffer = [UInt8](repeating: 0, count: 8192)
    while true {
      let count = read(master, &buffer, buffer.count)
      if count <= 0 { break }
      lock.lock()
      emulator.feed(Array(buffer[0..<count]))
      output += buffer[0..<count]
      lock.unlock()
    }
    lock.lock()
    closed = true
    lock.unlock()
  }

  var screen: ScreenEmulator {
    lock.lock()
    defer { lock.unlock() }
    return emulator
  }

  var text: String { screen.text }

  /// How many bytes the program wrote so far: grows with every frame drawn.
  var outputCount: Int {
    lock.lock()
    defer { lock.unlock() }
    return output.count
  }

  /// Types `key` and waits until the program has drawn after it (a handled
  /// key always draws), at most `timeout` seconds: a key it ignores draws nothing.
  func typeAndSettle(_ key: String, timeout: Double = 0.25) {
    let before = outputCount
    type(key)
    let deadline = Date().addingTimeInterval(timeout)
    while outputCount == before && Date() < deadline { usleep(500) }
  }

  /// Waits until the program has written nothing for `quiet` seconds (a
  /// frame is complete), then returns the screen.
  @discardableResult
  func settle(quiet: Double = 0.05, timeout: Double = 3) -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = outputCount
    var since = Date()
    while Date() < deadline {
      usleep(5000)
      let count = outputCount
      if count != last {
        last = count
        since = Date()
      } else if Date().timeIntervalSince(since) >= quiet {
        break
      }
    }
    return text
  }

  /// Every byte the program wrote, escape sequences included.
  var rawOutput: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: output, as: UTF8.self)
  }

  /// Whether the terminal is in its cooked mode (echo and line editing), as
  /// a shell leaves it; raw mode has both off. Read through the master side.
  var isCanonical: Bool {
    var settings = termios()
    tcgetattr(master, &settings)
    return settings.c_lflag & tcflag_t(ICANON) != 0 && settings.c_lflag & tcflag_t(ECHO) != 0
  }

  /// Types `text` (keys as bytes: "\r" is Enter, "\u{1B}[A" is ↑…).
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
  }

  /// Types each key and waits for the screen to settle after each.
  func press(_ keys: String...) throws {
    for key in keys {
      let before = text
      type(key)
      _ = try? waitUntil(timeout: 1.5) { $0 != before }
      // Escape sequences and a lone Escape need their own time to be decoded.
      Thread.sleep(forTimeInterval: key == "\u{1B}" ? 0.15 : 0.03)
    }
  }

  /// Waits until `condition` holds on the screen's text; returns it, or throws with the screen.
  @discardableResult
  func waitUntil(timeout: Double = 10, poll: Double = 0.02, _ condition: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let current = text
      if condition(current) { return current }
      Thread.sleep(forTimeInterval: poll)
    }
    throw ScreenTimeout(screen: text)
  }

  /// Waits for `needle` on screen.
  @discardableResult
  func waitFor(_ needle: String, timeout: Double = 10) throws -> String {
    try waitUntil(timeout: timeout) { $0.contains(needle) }
  }

  /// Changes the window size and tells the program (TIOCSWINSZ, then SIGWINCH).
  func resize(columns: Int, rows: Int) {
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    lock.lock()
    emulator.resize(columns: columns, rows: rows)
    lock.unlock()
    kill(process.processIdentifier, SIGWINCH)
  }

  /// Waits for the program to exit and returns its status.
  func exitStatus(timeout: Double = 10) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    if process.isRunning {
      process.terminate()
      throw ScreenTimeout(screen: "still running:\n" + text)
    }
    return process.terminationStatus
  }
}

struct ScreenTimeout: Error, CustomStringConvertible {
  var screen: String
  var description: String { "timed out; the screen shows:\n" + screen }
}

/// Key sequences as a terminal sends them.
enum Keys {
  static let enter = "\r"
  static let up = "\u{1B}[A"
  static let down = "\u{1B}[B"
  static let right = "\u{1B}[C"
  static let left = "\u{1B}[D"
  static let shiftTab = "\u{1B}[Z"
  static let escape = "\u{1B}"
  static let ctrlC = "\u{03}"
  static let ctrlD = "\u{04}"
  static let ctrlZ = "\u{1A}"
  static let ctrlBackslash = "\u{1C}"
  static let ctrlX = "\u{18}"
  static let tab = "\t"
  static func paste(_ text: String) -> String { "\u{1B}[200~" + text + "\u{1B}[201~" }

  /// `every-type.yaml` from the loop's intro (after a satisfaction above 2) to
  /// the review, every optional question passed: Enter on each intro, Esc on
  /// each question.
  static let passToReview: [String] =
    [enter, escape, enter, escape, enter] + Array(repeating: escape, count: 6)
}
