import BilanBase
import Crypto
import Foundation
import NIOSSH

/// The server's Ed25519 host key: made on the first start, kept beside the
/// store with mode 0600 (with its public half in `NAME.pub`, in OpenSSH's
/// format), so that the fingerprint participants are shown stays the same
/// from one session to the next.
public struct HostKey: Sendable {
  public let path: String
  /// Whether this start made the key.
  public let created: Bool
  let privateKey: NIOSSHPrivateKey
  let rawPublicKey: String

  /// The first and last lines of the key file.
  static let header = "-----BEGIN BILAN ED25519 HOST KEY-----"
  static let footer = "-----END BILAN ED25519 HOST KEY-----"

  /// `ssh_host_ed25519_key` in the store's folder.
  public static func defaultPath(besideStore store: String) -> String {
    URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("ssh_host_ed25519_key")
      .path
  }

  /// Reads the key at `path`, or makes one there when there is none.
  public static func loadOrCreate(at path: String) throws(RoomError) -> HostKey {
    if FileManager.default.fileExists(atPath: path) { return try load(path) }
    let key = Curve25519.Signing.PrivateKey()
    let text = header + "\n" + key.rawRepresentation.base64EncodedString() + "\n" + footer + "\n"
    let hostKey = HostKey(path: path, created: true, key: key)
    do {
      try FileManager.default.createDirectory(
        at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
      let file = try AtomicFile(path: path)
      try file.write(Data(text.utf8))
      try file.commit(mode: 0o600)
      let publicFile = try AtomicFile(path: path + ".pub")
      try publicFile.write(Data((hostKey.openSSHPublicKey + " bilan-serve\n").utf8))
      try publicFile.commit(mode: 0o644)
    } catch {
      throw .cannotWriteHostKey(path: path, reason: error.localizedDescription)
    }
    return hostKey
  }

  private static func load(_ path: String) throws(RoomError) -> HostKey {
    var status = stat()
    guard stat(path, &status) == 0 else {
      throw .unreadableHostKey(path: path, reason: String(cString: strerror(errno)))
    }
    let mode = UInt16(status.st_mode & 0o777)
    guard mode & 0o077 == 0 else { throw .hostKeyTooOpen(path: path, mode: mode) }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else { throw .unreadableHostKey(path: path, reason: "cannot be read") }
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    guard lines.count == 3, lines[0] == header, lines[2] == footer,
      let raw = Data(base64Encoded: lines[1]),
      let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    else { throw .unreadableHostKey(path: path, reason: "not the three lines bilan writes") }
    return HostKey(path: path, created: false, key: key)
  }

  init(path: String, created: Bool, key: Curve25519.Signing.PrivateKey) {
    self.path = path
    self.created = created
    privateKey = NIOSSHPrivateKey(ed25519Key: key)
    rawPublicKey = String(openSSHPublicKey: privateKey.publicKey)
  }

  /// `ssh-ed25519 AAAA…`, as in a `known_hosts` file.
  public var openSSHPublicKey: String { rawPublicKey }

  /// `SHA256:…`: the fingerprint OpenSSH shows when it first meets the server
  /// (base64 of the SHA-256 of the key's wire form, without padding).
  public var fingerprint: String {
    let blob = Data(base64Encoded: String(rawPublicKey.split(separator: " ")[1])) ?? Data()
    let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
    return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
  }
}
