import Crypto
import Foundation

/// SHA-256 fingerprints (swift-crypto): the answer schema of a survey, an
/// imported file, a name-based id. Feed text or bytes as they come, then read
/// ``hex()``; or hash at once with ``hex(of:)``.
package struct ContentHash {
  private var hasher = SHA256()

  package init() {}

  /// Adds the UTF-8 bytes of `text`.
  package mutating func update(_ text: String) {
    var text = text
    text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
  }

  /// Adds `bytes`.
  package mutating func update(_ bytes: some DataProtocol) {
    hasher.update(data: bytes)
  }

  /// The digest of everything added, as 64 lowercase hex digits.
  package func hex() -> String {
    Self.hex(hasher.finalize())
  }

  /// The digest of `bytes`, as 64 lowercase hex digits.
  package static func hex(of bytes: some DataProtocol) -> String {
    hex(SHA256.hash(data: bytes))
  }

  /// The digest of the UTF-8 bytes of `text`, as 64 lowercase hex digits.
  package static func hex(of text: String) -> String {
    hex(of: Array(text.utf8))
  }

  /// The 32 bytes of the digest of the UTF-8 bytes of `text`.
  package static func bytes(of text: String) -> [UInt8] {
    Array(SHA256.hash(data: Array(text.utf8)))
  }

  private static let digits = Array("0123456789abcdef".utf8)

  private static func hex(_ digest: SHA256.Digest) -> String {
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
