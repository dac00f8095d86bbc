import ResponseStore
import Testing

/// The follow-up token: random, typed back loosely, mistakes caught.
@Suite struct FollowUpTokenTests {
  @Test func tokensAreRandomAndReadBack() {
    let tokens = (0..<200).map { _ in FollowUpToken.random() }
    #expect(Set(tokens).count == 200)
    for token in tokens {
      #expect(
        token.wholeMatch(of: /[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}/) != nil)
      #expect(FollowUpToken.normalized(token) == token)
      #expect(
        FollowUpToken.normalized(" " + token.lowercased().replacingOccurrences(of: "-", with: " ")) == token)
    }
    // O, I and L are read as 0, 1 and 1 (Crockford's base 32); the example of the messages is valid.
    #expect(FollowUpToken.normalized("K7Q-M4T-ZP7") == "K7Q-M4T-ZP7")
    #expect(FollowUpToken.normalized("IOO-OOO-OOl") == "100-000-001")
    #expect(FollowUpToken.normalized("K7Q-M4T") == nil)
    #expect(FollowUpToken.normalized("K7Q-M4T-ZP7-0") == nil)
    #expect(FollowUpToken.normalized("K7Q-M4T-ZPU") == nil)
  }

  /// Every single substitution and every swap of two different neighbours
  /// is caught by the check symbol (but 0 ↔ Z, whose values differ by 31).
  @Test func theCheckSymbolCatchesTypos() {
    let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    for _ in 0..<50 {
      let token = Array(FollowUpToken.random().filter { $0 != "-" })
      for position in 0..<9 {
        for symbol in alphabet where symbol != token[position] {
          var typo = token
          typo[position] = symbol
          let caught = FollowUpToken.normalized(String(typo)) == nil
          let exempt = Set([token[position], symbol]) == ["0", "Z"]
          #expect(caught || exempt, "\(String(token)) → \(String(typo))")
        }
        if position < 8, token[position] != token[position + 1] {
          var swapped = token
          swapped.swapAt(position, position + 1)
          let exempt = Set([token[position], token[position + 1]]) == ["0", "Z"]
          #expect(FollowUpToken.normalized(String(swapped)) == nil || exempt, "\(String(token))")
        }
      }
    }
  }
}
