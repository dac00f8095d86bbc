import Foundation
import Questionnaire
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The full-screen questionnaire over a `StreamTerminal` (what `bilan serve`
/// gives each SSH channel): keys as bytes in, the screen as bytes out, the
/// window's size from the peer, and no terminal of this process touched.
@Suite struct StreamTerminalTests {
  /// The participant's side: a screen model fed with what the questionnaire sends.
  final class Peer: @unchecked Sendable {
    private let lock = NSLock()
    private var screen: TerminalScreen

    init(columns: Int, rows: Int) { screen = TerminalScreen(columns: columns, rows: rows) }

    func show(_ bytes: [UInt8]) {
      lock.lock()
      screen.feed(bytes)
      lock.unlock()
    }

    /// A new window: the questionnaire repaints it whole.
    func resize(columns: Int, rows: Int) {
      lock.lock()
      screen = TerminalScreen(columns: columns, rows: rows)
      lock.unlock()
    }

    var lines: [String] {
      lock.lock()
      defer { lock.unlock() }
      return screen.lines
    }

    func waitFor(_ text: String, timeout: Double = 10) throws {
      let deadline = Date().addingTimeInterval(timeout)
      while Date() < deadline {
        if lines.contains(where: { $0.contains(text) }) { return }
        Thread.sleep(forTimeInterval: 0.01)
      }
      throw Timeout(screen: lines.joined(separator: "\n"), awaited: text)
    }

    func shows(_ text: String) -> Bool { lines.contains { $0.contains(text) } }
  }

  struct Timeout: Error, CustomStringConvertible {
    var screen: String
    var awaited: String
    var description: String { "'\(awaited)' never appeared; the screen shows:\n\(screen)" }
  }

  /// The outcome of a questionnaire run on its own thread.
  final class Outcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: AskOutcome?
    func set(_ outcome: AskOutcome?) {
      value = outcome
      done.signal()
    }
    func wait(timeout: Double = 10) -> AskOutcome? {
      _ = done.wait(timeout: .now() + timeout)
      return value
    }
  }

  @Test func drawsReadsKeysRepaintsOnResizeAndKeepsAnswersWhenTheConnectionGoes() throws {
    let directory = try TemporaryDirectory("bilan-stream")
    defer { directory.remove() }
    let survey = try Fixture.survey()
    let storePath = directory.path("store.sqlite")
    let store = try SQLiteResponseStore(path: storePath, surveyID: survey.id)
    let peer = Peer(columns: 72, rows: 22)
    let terminal = StreamTerminal(columns: 72, rows: 22) { peer.show($0) }
    let outcome = Outcome()
    let options = AskOptions(device: "stream:test", resume: .startAfresh)
    let thread = Thread {
      let questionnaire = InteractiveQuestionnaire(
        survey: survey, repository: store, options: options, device: terminal, environment: [:])
      outcome.set(try? questionnaire.run())
    }
    thread.start()

    try peer.waitFor("Essai de tous les types")
    #expect(terminal.size() == (72, 22))
    terminal.receive(Array("\r".utf8))
    try peer.waitFor("Question 1 sur 11")
    // A key split across two packets, as a network may deliver it.
    terminal.receive([0x1B, 0x5B])
    terminal.receive([0x42])  // ↓
    terminal.receive(Array("1".utf8))
    do {
      try peer.waitFor("Quels appuis ?", timeout: 2)
    } catch {
      terminal.receive(Array("\r".utf8))  // where a digit only chooses, Enter confirms
      try peer.waitFor("Quels appuis ?")
    }

    // The window changes size: the same question, drawn again for 50 columns.
    peer.resize(columns: 50, rows: 16)
    terminal.resize(columns: 50, rows: 16)
    try peer.waitFor("Quels appuis ?")
    #expect(peer.lines.count == 16)
    #expect(peer.lines.allSatisfy { $0.count <= 50 })

    // The connection drops: the questionnaire ends, the answer given is stored.
    terminal.hangUp()
    #expect(outcome.wait() == .terminated(SIGHUP))
    let responses = try storedResponses(storePath)
    #expect(responses.count == 1)
    #expect(responses.first?.status == .partial)
    #expect(responses.first?.answers["role"] == .code("elu"))
    #expect(responses.first?.device == "stream:test")
  }
}
