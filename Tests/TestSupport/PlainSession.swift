import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `bilan` run over pipes a line at a time, as a screen reader or a script
/// would: the test writes a line, then waits for what the command prints next.
public final class PlainSession {
  public let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let errors = Pipe()
  /// Everything standard output printed so far.
  public private(set) var printed = ""

  /// Starts `bilan arguments`; `environment` is added to the test's own.
  public init(_ arguments: [String], environment: [String: String] = [:], keepErrors: Bool = true) throws {
    process.executableURL = Repository.bilanExecutable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardInput = input
    process.standardOutput = output
    process.standardError = keepErrors ? errors : FileHandle.nullDevice
    try process.run()
  }

  /// Reads standard output until it holds `fragment` (or `timeout` seconds
  /// pass, or the command closes it); whether it does.
  public func read(until fragment: String, timeout: TimeInterval = 10) -> Bool {
    let descriptor = output.fileHandleForReading.fileDescriptor
    let deadline = Date().addingTimeInterval(timeout)
    while !printed.contains(fragment), Date() < deadline {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 50) > 0 else { continue }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = Glibc.read(descriptor, &buffer, buffer.count)
      if count <= 0 { break }
      printed += String(decoding: buffer[0..<count], as: UTF8.self)
    }
    return printed.contains(fragment)
  }

  /// Writes `line` and a newline on the command's standard input.
  public func send(_ line: String) {
    input.fileHandleForWriting.write(Data((line + "\n").utf8))
  }

  /// Closes standard input, waits for the command to end, and returns its
  /// status and what it printed on standard error.
  public func finish() -> (status: Int32, errors: String) {
    try? input.fileHandleForWriting.close()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  /// Kills the command with SIGKILL and waits for it.
  public func kill() {
    Glibc.kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}
