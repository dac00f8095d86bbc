import Foundation
import TestSupport
import Testing

@testable import Room

#if canImport(Glibc)
import Glibc
#endif

@Suite struct AccessCodeTests {
  @Test func codesHaveTheirShapeAndDiffer() {
    let sessions = (0..<50).map { _ in AccessCode.session() }
    #expect(sessions.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isLowercase) })
    #expect(Set(sessions).count > 45)
    let participants = (0..<50).map { _ in AccessCode.participant() }
    #expect(participants.allSatisfy { AccessCode.isParticipantCode($0) && $0.count == 9 })
    #expect(!AccessCode.isParticipantCode("atelier"))
    #expect(!AccessCode.isParticipantCode("bavo-kel"))
    #expect(AccessCode.isParticipantCode("BAVO-KELU"))
  }

  @Test func theSessionCodeIsComparedWithoutCaseOrBlanks() {
    #expect(AccessCode.matches("mirako", "mirako"))
    #expect(AccessCode.matches(" Mirako\n", "mirako"))
    #expect(!AccessCode.matches("mirak", "mirako"))
    #expect(!AccessCode.matches("mirakoo", "mirako"))
    #expect(!AccessCode.matches("", "mirako"))
  }

  @Test func sessionCodesGivenByHandAreChecked() {
    #expect(AccessCode.isValidSessionCode("atelier2015"))
    #expect(!AccessCode.isValidSessionCode("abc"))
    #expect(!AccessCode.isValidSessionCode("mot de passe"))
  }
}

@Suite struct ListenAddressTests {
  @Test(arguments: [
    ("0.0.0.0:2222", "0.0.0.0", 2222), ("127.0.0.1", "127.0.0.1", 2222), (":2022", "0.0.0.0", 2022),
    ("[::1]:2222", "::1", 2222), ("::1", "::1", 2222), ("127.0.0.1:0", "127.0.0.1", 0),
  ])
  func parses(_ text: String, _ host: String, _ port: Int) throws {
    let address = try ListenAddress(parsing: text)
    #expect(address.host == host)
    #expect(address.port == port)
  }

  @Test(arguments: ["salle.local:2222", "127.0.0.1:99999", "[::1", "127.0.0.1:ssh"])
  func refuses(_ text: String) {
    #expect(throws: RoomError.self) { try ListenAddress(parsing: text) }
  }

  @Test func theLineToTypeNamesTheRealAddress() throws {
    #expect(
      connectCommand(user: "atelier", host: "192.168.1.20", port: 2222) == "ssh -p 2222 atelier@192.168.1.20")
    #expect(connectCommand(user: "atelier", host: "192.168.1.20", port: 22) == "ssh atelier@192.168.1.20")
    #expect(try ListenAddress(parsing: "127.0.0.1:2222").reachableAddresses() == ["127.0.0.1"])
    let everywhere = try ListenAddress(parsing: "0.0.0.0:2222").reachableAddresses()
    #expect(!everywhere.isEmpty)
    #expect(everywhere.allSatisfy { $0 != "0.0.0.0" && !$0.hasPrefix("127.") || everywhere == ["127.0.0.1"] })
  }
}

@Suite struct ConnectionGateTests {
  @Test func limitsConnectionsAndLocksOutAnAddressAfterTooManyWrongCodes() {
    let gate = ConnectionGate(maxConnections: 2, maxFailures: 3, lockoutSeconds: 300)
    #expect(gate.admit("10.0.0.1", now: 0) == .admitted)
    #expect(gate.admit("10.0.0.2", now: 0) == .admitted)
    #expect(gate.admit("10.0.0.3", now: 0) == .full)
    gate.release()
    #expect(gate.admit("10.0.0.3", now: 0) == .admitted)
    gate.release()
    #expect(!gate.recordFailure("10.0.0.9", now: 1))
    #expect(!gate.recordFailure("10.0.0.9", now: 2))
    #expect(gate.recordFailure("10.0.0.9", now: 3))
    #expect(gate.admit("10.0.0.9", now: 10) == .lockedOut)
    #expect(gate.admit("10.0.0.8", now: 10) == .admitted)
    gate.release()
    #expect(gate.admit("10.0.0.9", now: 304) == .admitted)
    // Failures older than the lockout time are forgotten.
    #expect(!gate.recordFailure("10.0.0.7", now: 0))
    #expect(!gate.recordFailure("10.0.0.7", now: 1))
    #expect(!gate.recordFailure("10.0.0.7", now: 400))
  }
}

@Suite struct HostKeyTests {
  @Test func isMadeOnceWithMode0600AndKeepsItsFingerprint() throws {
    let directory = try TemporaryDirectory("bilan-hostkey")
    defer { directory.remove() }
    let path = HostKey.defaultPath(besideStore: directory.path("responses.sqlite"))
    #expect(path == directory.path("ssh_host_ed25519_key"))
    let made = try HostKey.loadOrCreate(at: path)
    #expect(made.created)
    var status = stat()
    #expect(stat(path, &status) == 0)
    #expect(status.st_mode & 0o777 == 0o600)
    let again = try HostKey.loadOrCreate(at: path)
    #expect(!again.created)
    #expect(again.fingerprint == made.fingerprint)
    #expect(made.fingerprint.hasPrefix("SHA256:") && !made.fingerprint.hasSuffix("="))

    // As OpenSSH computes it from the public key beside it.
    let keygen = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
    if FileManager.default.isExecutableFile(atPath: keygen.path) {
      let listed = try runProcess(keygen, ["-l", "-E", "sha256", "-f", path + ".pub"])
      #expect(listed.stdout.contains(made.fingerprint))
      #expect(listed.stdout.contains("(ED25519)"))
    }

    chmod(path, 0o644)
    #expect(throws: RoomError.hostKeyTooOpen(path: path, mode: 0o644)) { try HostKey.loadOrCreate(at: path) }
    chmod(path, 0o600)
    try "not a key\n".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(throws: RoomError.self) { try HostKey.loadOrCreate(at: path) }
  }
}

@Suite struct RoomEventTests {
  @Test func theLogQuotesWhatClientsSendWithControlCharactersShown() {
    let event = RoomEvent(peer: "127.0.0.1:4000", kind: .refusedExec(command: "ls\u{1B}[2J \"x\""))
    #expect(event.message == #"refused exec "ls\x1B[2J \"x\"": a questionnaire, not a shell"#)
    #expect(event.isRefusal)
    #expect(event.line.hasSuffix("127.0.0.1:4000 " + event.message))
    #expect(!RoomEvent(peer: nil, kind: .connected).isRefusal)
  }
}
