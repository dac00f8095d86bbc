import Foundation
import Testing

@testable import BilanBase

@Suite struct JSONTextTests {
  @Test(arguments: [
    ("plain", #""plain""#),
    ("quote \" and \\", #""quote \" and \\""#),
    ("a/b é 日 👩‍🌾", #""a/b é 日 👩‍🌾""#),
    ("\n\r\t\u{8}\u{C}", #""\n\r\t\b\f""#),
    ("esc\u{1B}[2J", #""esc\u001b[2J""#),
    ("del\u{7F} c1\u{9B}", #""del\u007f c1\u009b""#),
    ("nul\u{0}", #""nul\u0000""#),
  ])
  func escapes(text: String, expected: String) {
    #expect(JSONText.quoted(text) == expected)
  }

  /// What it writes reads back as the same text with a real JSON parser.
  @Test func readsBackWithFoundation() throws {
    let texts = [
      "", "\u{1}\u{1F}\u{7F}\u{80}\u{9F}\u{A0}", "« guillemets » \"x\"", "\\u0041", "\u{2028}\u{2029}",
    ]
    for text in texts {
      let data = Data(("[" + JSONText.quoted(text) + "]").utf8)
      let decoded = try #require(JSONSerialization.jsonObject(with: data) as? [String])
      #expect(decoded == [text], "\(text.debugDescription)")
    }
  }
}
