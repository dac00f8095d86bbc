import SurveyDefinition
import Testing

@Suite struct SHA256Tests {
  /// FIPS 180-2 appendix B and NIST CAVS examples.
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
    // python3 -c "import hashlib; print(hashlib.sha256(('é🇫🇷'*3).encode()).hexdigest())"
    ("é🇫🇷é🇫🇷é🇫🇷", "93b1b856b9ab4b72028a295c70494b41eea34127a5e61ff1d5bac5f7e14d8682"),
  ])
  func knownVectors(_ message: String, _ digest: String) {
    #expect(SHA256.hexDigest(message) == digest)
    #expect(SHA256.hexDigest(Array(message.utf8)) == digest)
  }

  /// Padding boundaries; digests from
  /// `python3 -c "import hashlib; print(hashlib.sha256(bytes(i%251 for i in range(n))).hexdigest())"`.
  @Test(arguments: [
    (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
    (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
    (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
    (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
    (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
    (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
    (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
    (128, "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5"),
    (1000, "4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d"),
  ])
  func paddingBoundaries(_ count: Int, _ digest: String) {
    let bytes = (0..<count).map { UInt8($0 % 251) }
    #expect(SHA256.hexDigest(bytes) == digest)
    // The same bytes fed in uneven pieces, contiguous and not.
    var hasher = SHA256()
    let sizes = [1, 7, 64, 3, 100, 70]
    var start = 0
    var index = 0
    while start < count {
      let end = min(count, start + sizes[index % sizes.count])
      if index % 2 == 0 {
        hasher.update(bytes[start..<end])
      } else {
        hasher.update(AnySequence(bytes[start..<end]))
      }
      start = end
      index += 1
    }
    #expect(hasher.hexFinalize() == digest)
    #expect(SHA256.hash(bytes).count == 32)
  }

  @Test func aMillionAs() {
    var hasher = SHA256()
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { hasher.update(chunk) }
    #expect(hasher.hexFinalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    // Finalizing leaves the hasher usable.
    #expect(hasher.hexFinalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
