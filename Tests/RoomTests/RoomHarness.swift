import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The room's test survey.
enum RoomFixture {
  static let survey = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/room.yaml").path
  static let ssh = URL(fileURLWithPath: "/usr/bin/ssh")
  static var hasSSH: Bool { FileManager.default.isExecutableFile(atPath: ssh.path) }
}

/// `bilan serve` started by a test on 127.0.0.1 and a port the system
/// chose; its banner read from standard output, its log from standard error.
final class ServeProcess: @unchecked Sendable {
  let process = Process()
  let store: String
  private let lock = NSLock()
  private var stdoutText = ""
  private var stderrText = ""
  private(set) var port = 0
  private(set) var code: String?
  private(set) var fingerprint = ""

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  init(store: String, arguments: [String] = []) throws {
    self.store = store
    process.executableURL = Repository.bilanExecutable
    process.arguments =
      ["serve", RoomFixture.survey, "--store", store, "--listen", "127.0.0.1:0"] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    read(out.fileHandleForReading) { self.stdoutText += $0 }
    read(err.fileHandleForReading) { self.stderrText += $0 }
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      let banner = output
      if let line = banner.split(separator: "\n").first(where: { $0.hasPrefix("Host key:") }) {
        for row in banner.split(separator: "\n") {
          if row.contains("listening on 127.0.0.1:"), let last = row.split(separator: ":").last {
            port = Int(last) ?? 0
          }
          if row.hasPrefix("Session code:") {
            let word = row.dropFirst("Session code:".count).split(separator: " ").first.map(String.init)
            code = word == "none" ? nil : word
          }
        }
        fingerprint = String(line.split(separator: " ").first { $0.hasPrefix("SHA256:") } ?? "")
        return
      }
      if !process.isRunning { break }
      Thread.sleep(forTimeInterval: 0.02)
    }
    throw Failure(description: "serve did not start:\n\(output)\n\(log)")
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  private func read(_ handle: FileHandle, into append: @escaping @Sendable (String) -> Void) {
    let thread = Thread { [lock] in
      while true {
        let data = handle.availableData
        if data.isEmpty { break }
        lock.lock()
        append(String(decoding: data, as: UTF8.self))
        lock.unlock()
      }
    }
    thread.start()
  }

  var output: String {
    lock.lock()
    defer { lock.unlock() }
    return stdoutText
  }

  var log: String {
    lock.lock()
    defer { lock.unlock() }
    return stderrText
  }

  /// Waits until the log has a line containing every fragment.
  @discardableResult
  func waitForLog(_ fragments: String..., timeout: Double = 10) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if log.split(separator: "\n").contains(where: { line in fragments.allSatisfy { line.contains($0) } }) {
        return true
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return false
  }

  /// A `known_hosts` file naming the key serve wrote beside the store:
  /// `ssh` then refuses any other server.
  func knownHosts(in directory: TemporaryDirectory) throws -> String {
    let publicKey = try String(
      contentsOfFile: URL(fileURLWithPath: store).deletingLastPathComponent()
        .appendingPathComponent("ssh_host_ed25519_key.pub").path, encoding: .utf8)
    let fields = publicKey.split(separator: " ").prefix(2).joined(separator: " ")
    let path = directory.path("known_hosts-\(port)")
    try "[127.0.0.1]:\(port) \(fields)\n".write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func signal(_ number: Int32) {
    kill(process.processIdentifier, number)
    process.waitUntilExit()
  }
}

/// What every `ssh` of the tests is started with: no user configuration, the
/// server's key pinned, the password asked once on the terminal.
func sshArguments(port: Int, user: String, knownHosts: String, extra: [String] = []) -> [String] {
  [
    "-F", "/dev/null", "-o", "UserKnownHostsFile=\(knownHosts)", "-o", "StrictHostKeyChecking=yes",
    "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password",
    "-o", "NumberOfPasswordPrompts=1", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=20",
    "-p", String(port),
  ] + extra + ["\(user)@127.0.0.1"]
}

/// A participant: OpenSSH's `ssh` on a pseudo-terminal of its own, typed at
/// as a person would (the code at the password prompt, then keys).
final class Participant {
  let terminal: PseudoTerminal
  let ssh: TerminalProcess

  struct Stuck: Error, CustomStringConvertible {
    var awaited: String
    var screen: String
    var description: String { "'\(awaited)' never appeared; the screen shows:\n\(screen)" }
  }

  init(port: Int, user: String = "atelier", knownHosts: String, columns: Int = 80, rows: Int = 24) throws {
    terminal = try PseudoTerminal(columns: columns, rows: rows)
    ssh = try terminal.spawn(
      RoomFixture.ssh, sshArguments(port: port, user: user, knownHosts: knownHosts, extra: ["-tt"]))
  }

  /// Waits for `fragment` on screen, then types `keys`.
  func expect(_ fragment: String, timeout: Double = 20, then keys: String? = nil) throws {
    guard ssh.waitFor(fragment, timeout: timeout) else {
      throw Stuck(awaited: fragment, screen: ssh.screen.text)
    }
    if let keys { ssh.send(keys) }
  }

  /// The participant's own code, as the welcome screen shows it.
  var code: String? {
    let text = ssh.screen.text
    guard let range = text.range(of: #"[a-z]{4}-[a-z]{4}"#, options: .regularExpression) else { return nil }
    return String(text[range])
  }

  /// Logs in with `code` and answers the test survey: role `role` (1–3),
  /// satisfaction `score` (1–5), the first support, and `word`.
  func answerAll(code sessionCode: String?, role: Int, score: Int, word: String) throws {
    if let sessionCode { try expect("password:", then: sessionCode + "\r") }
    try expect("Entrée commencer", then: "\r")
    try expect("À quel titre", then: String(role))
    try expect("Êtes-vous satisfait", then: String(score))
    try expect("Quels appuis", then: "1")
    try expect("1 coché", then: "\r")
    try expect("Un mot pour finir", then: word)
    try expect(word, then: "\r")
    try expect("Avant d’envoyer", then: "e")
    try expect("Merci !", then: "\r")
    try expect("Vos réponses sont envoyées")
  }
}
