import Testing

@testable import BilanBase

@Suite struct ContentHashTests {
  /// FIPS 180-2 appendix B, and one computed with
  /// `python3 -c "import hashlib; print(hashlib.sha256(('é🇫🇷'*3).encode()).hexdigest())"`.
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    ("é🇫🇷é🇫🇷é🇫🇷", "93b1b856b9ab4b72028a295c70494b41eea34127a5e61ff1d5bac5f7e14d8682"),
  ])
  func knownVectors(_ message: String, _ digest: String) {
    #expect(ContentHash.hex(of: message) == digest)
    #expect(ContentHash.hex(of: Array(message.utf8)) == digest)
    #expect(ContentHash.bytes(of: message).count == 32)
  }

  /// Fed in pieces, text and bytes mixed, the digest is the one of the whole:
  /// `python3 -c "import hashlib; print(hashlib.sha256(bytes(i%251 for i in range(1000))).hexdigest())"`.
  @Test func piecesHashAsTheWhole() {
    let bytes = (0..<1000).map { UInt8($0 % 251) }
    var hasher = ContentHash()
    var start = 0
    for size in [1, 7, 64, 3, 100, 70, 755] {
      hasher.update(bytes[start..<min(bytes.count, start + size)])
      start += size
    }
    #expect(hasher.hex() == "4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d")
    var text = ContentHash()
    text.update("ab")
    text.update("c")
    #expect(text.hex() == ContentHash.hex(of: "abc"))
  }
}
