import Foundation
import GRDB
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `bilan serve` driven by OpenSSH's `ssh` from Debian, on 127.0.0.1 only:
/// a room answering at once, what is refused, and what survives a kill.
@Suite(.serialized, .enabled(if: RoomFixture.hasSSH, "needs OpenSSH's ssh (apt-get install openssh-client)"))
struct ServeTests {
  let directory: TemporaryDirectory
  let store: String

  init() throws {
    directory = try TemporaryDirectory("bilan-room")
    store = directory.path("responses.sqlite")
  }

  /// Problems met on the participants' threads.
  final class Problems: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ problem: String) {
      lock.lock()
      list.append(problem)
      lock.unlock()
    }
    var all: [String] {
      lock.lock()
      defer { lock.unlock() }
      return list
    }
  }

  func responses() throws -> [Response] {
    let repository = try SQLiteResponseStore(path: store, surveyID: "room-test", create: false)
    var responses: [Response] = []
    try repository.forEachResponse(survey: "room-test", includePartial: true, includeContacts: true) {
      responses.append($0)
    }
    return responses
  }

  func integrity() throws -> String? {
    try DatabaseQueue(path: store).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
  }

  @Test func fifteenParticipantsAnswerAtOnceAndNothingIsLost() throws {
    defer { directory.remove() }
    let serve = try ServeProcess(store: store, arguments: ["--code", "mirako"])
    defer { serve.signal(SIGTERM) }
    #expect(serve.code == "mirako")
    #expect(serve.output.contains("Participants type:  ssh -p \(serve.port) atelier@127.0.0.1"))
    let known = try serve.knownHosts(in: directory)
    let problems = Problems()
    let group = DispatchGroup()
    let port = serve.port
    for index in 0..<15 {
      group.enter()
      Thread {
        defer { group.leave() }
        do {
          let participant = try Participant(port: port, knownHosts: known)
          try participant.answerAll(
            code: "mirako", role: index % 3 + 1, score: index % 5 + 1, word: "mot\(index)")
          let end = participant.ssh.waitForExit(timeout: 20)
          if end != .exited(0) {
            problems.add("participant \(index): ssh ended with \(String(describing: end))")
          }
        } catch {
          problems.add("participant \(index): \(error)")
        }
      }.start()
    }
    #expect(group.wait(timeout: .now() + 240) == .success)
    #expect(problems.all.isEmpty, "\(problems.all.joined(separator: "\n"))\n\(serve.log)")

    let stored = try responses()
    #expect(stored.count == 15)
    #expect(stored.allSatisfy { $0.status == .complete })
    #expect(Set(stored.compactMap { $0.answers["mot"]?.stringValue }) == Set((0..<15).map { "mot\($0)" }))
    // Each connection was its own participant, with its own code.
    let devices = Set(stored.map(\.device))
    #expect(devices.count == 15)
    #expect(devices.allSatisfy { ($0 ?? "").hasPrefix("ssh:") && $0?.count == "ssh:bavo-kelu".count })
    for response in stored {
      let index = Int(response.answers["mot"]?.stringValue?.dropFirst(3) ?? "") ?? -1
      #expect(response.answers["satisfaction"] == .integer(index % 5 + 1))
      #expect(response.answers["role"] == .code(["elu", "agent", "association"][index % 3]))
      #expect(response.answers["appuis"] == .codes(["journee"]))
    }
    #expect(try integrity() == "ok")
    #expect(serve.log.components(separatedBy: "sent the response").count - 1 == 15)
  }

  @Test func shellsCommandsFileTransferForwardingAndWrongCodesAreRefusedAndLogged() throws {
    defer { directory.remove() }
    let serve = try ServeProcess(store: store, arguments: ["--code", "mirako", "--max-failed-attempts", "3"])
    defer { serve.signal(SIGTERM) }
    let known = try serve.knownHosts(in: directory)
    func askpass(_ answer: String) throws -> String {
      let path = directory.path("askpass-\(answer)")
      try "#!/bin/sh\necho \(answer)\n".write(toFile: path, atomically: true, encoding: .utf8)
      chmod(path, 0o700)
      return path
    }
    let right = try askpass("mirako")
    let wrong = try askpass("castor")
    func ssh(_ extra: [String], password: String, command: [String] = []) throws -> CommandResult {
      try runProcess(
        RoomFixture.ssh,
        sshArguments(port: serve.port, user: "atelier", knownHosts: known, extra: extra) + command,
        environment: ["SSH_ASKPASS": password, "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"])
    }

    let exec = try ssh([], password: right, command: ["cat", "/etc/passwd"])
    #expect(exec.status != 0)
    #expect(!exec.stdout.contains("root:"))
    #expect(serve.waitForLog("refused exec \"cat /etc/passwd\""))

    let sftp = try ssh(["-s"], password: right, command: ["sftp"])
    #expect(sftp.status != 0)
    #expect(serve.waitForLog("refused subsystem \"sftp\""))

    let direct = try ssh(["-W", "127.0.0.1:22"], password: right)
    #expect(direct.status != 0)
    #expect(serve.waitForLog("refused port forwarding (to 127.0.0.1:22)"))

    let remote = try ssh(["-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9"], password: right)
    #expect(remote.status != 0)
    #expect(serve.waitForLog("refused port forwarding (listen on"))

    let noTerminal = try ssh(["-T"], password: right)
    #expect(noTerminal.status != 0)
    #expect(serve.waitForLog("refused: no terminal requested"))

    // Wrong codes: refused, logged, and the third locks the address out.
    for attempt in 1...3 {
      let result = try ssh(["-tt"], password: wrong)
      #expect(result.status == 255)
      #expect(result.stderr.contains("Permission denied"))
      #expect(
        serve.waitForLog("refused: wrong session code for \"atelier\" (attempt 1)"), "attempt \(attempt)")
    }
    #expect(serve.waitForLog("too many wrong codes from this address; locked out for 300 s"))
    let locked = try ssh(["-tt"], password: right)
    #expect(locked.status == 255)
    #expect(serve.waitForLog("refused: this address is locked out"))
    // No response was begun by any of them.
    #expect(try responses().isEmpty)
    // The log never shows the session code.
    #expect(!serve.log.contains("mirako"))
  }

  @Test func aKilledServerLosesNoConfirmedAnswerAndAParticipantResumesWithTheirCode() throws {
    defer { directory.remove() }
    var serve = try ServeProcess(store: store, arguments: ["--code", "mirako"])
    let firstFingerprint = serve.fingerprint
    var known = try serve.knownHosts(in: directory)
    var participants: [Participant] = []
    for index in 0..<3 {
      let participant = try Participant(port: serve.port, knownHosts: known)
      try participant.expect("password:", then: "mirako\r")
      try participant.expect("Entrée commencer")
      participants.append(participant)
      _ = index
    }
    var codes: [String] = []
    for (index, participant) in participants.enumerated() {
      codes.append(try #require(participant.code))
      participant.ssh.send("\r")
      try participant.expect("À quel titre", then: String(index + 1))
      try participant.expect("Êtes-vous satisfait", then: "4")
      // Shown once the answer is stored.
      try participant.expect("✓ Question 2 : 4")
    }
    #expect(Set(codes).count == 3)

    // SSH window-change: the question is drawn again for the new size.
    participants[0].ssh.resize(columns: 50, rows: 16)
    try participants[0].expect("Quels appuis")
    #expect(participants[0].ssh.screen.lines.count == 16)
    #expect(participants[0].ssh.screen.lines.contains { $0.hasSuffix("3/4") && $0.count <= 50 })

    serve.signal(SIGKILL)
    for participant in participants { _ = participant.ssh.waitForExit(timeout: 10) }
    let kept = try responses()
    #expect(kept.count == 3)
    #expect(kept.allSatisfy { $0.status == .partial && $0.answers["satisfaction"] == .integer(4) })
    #expect(Set(kept.map(\.device)) == Set(codes.map { "ssh:" + $0 }))
    #expect(try integrity() == "ok")

    // The next start keeps the host key: participants see the same fingerprint.
    serve = try ServeProcess(store: store, arguments: ["--code", "mirako"])
    defer { serve.signal(SIGTERM) }
    #expect(serve.fingerprint == firstFingerprint)
    known = try serve.knownHosts(in: directory)

    let back = try Participant(port: serve.port, user: codes[1], knownHosts: known)
    try back.expect("password:", then: "mirako\r")
    // Straight back to the first question not answered.
    try back.expect("Quels appuis", then: "2")
    try back.expect("1 coché", then: "\r")
    try back.expect("Un mot pour finir", then: "\r")
    try back.expect("Avant d’envoyer", then: "e")
    try back.expect("Merci !", then: "\r")
    #expect(back.ssh.waitForExit(timeout: 10) == .exited(0))
    #expect(serve.waitForLog("participant \(codes[1]) resumed"))
    let after = try responses()
    #expect(after.count == 3)
    let resumed = try #require(after.first { $0.device == "ssh:" + codes[1] })
    #expect(resumed.id == kept.first { $0.device == "ssh:" + codes[1] }?.id)
    #expect(resumed.status == .complete)
    #expect(resumed.answers["role"] == .code("agent"))
    #expect(resumed.answers["appuis"] == .codes(["outils"]))

    // A code this room never gave (or whose response was sent) starts nothing.
    let stranger = try Participant(port: serve.port, user: "zozo-zuzu", knownHosts: known)
    try stranger.expect("password:", then: "mirako\r")
    try stranger.expect("Aucun questionnaire en cours pour le code « zozo-zuzu »")
    #expect(stranger.ssh.waitForExit(timeout: 10) == .exited(1))
    #expect(serve.waitForLog("refused: unknown participant code \"zozo-zuzu\""))
    #expect(try responses().count == 3)
  }

  @Test func anOpenRoomHasNoPasswordButKeepsItsLimits() throws {
    defer { directory.remove() }
    let serve = try ServeProcess(
      store: store, arguments: ["--open", "--max-connections", "2", "--idle-timeout", "3", "--lang", "en"])
    defer { serve.signal(SIGTERM) }
    #expect(serve.code == nil)
    let known = try serve.knownHosts(in: directory)
    let first = try Participant(port: serve.port, knownHosts: known)
    try first.expect("Enter start")
    let second = try Participant(port: serve.port, knownHosts: known)
    try second.expect("Enter start", then: "\r")
    try second.expect("In what capacity", then: "2")
    // The room is full: a third connection is turned away at the door.
    let third = try Participant(port: serve.port, knownHosts: known)
    #expect(third.ssh.waitForExit(timeout: 10) == .exited(255))
    #expect(serve.waitForLog("refused: the room is full (2 connections)"))
    // Idle: the questionnaire closes, its answers kept, and says how to resume.
    try second.expect("Questionnaire closed after 3 s without a key", timeout: 15)
    #expect(second.ssh.waitForExit(timeout: 10) == .exited(124))
    #expect(serve.waitForLog("left (idle); answers kept"))
    let kept = try responses()
    #expect(kept.count == 1)
    #expect(kept.first?.language == "en")
    #expect(kept.first?.answers["role"] == .code("agent"))
  }
}
