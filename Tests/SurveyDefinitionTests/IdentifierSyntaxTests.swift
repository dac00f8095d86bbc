import Testing

@testable import SurveyDefinition

/// The identifier checks are written on bytes (for start-up time); the
/// regular expressions of survey-format.md are the oracle here.
@Suite struct IdentifierSyntaxTests {
  static let samples = [
    "", "a", "role", "role_2", "Role", "rôle", "a\u{301}", "a-b", "a b", "_", "-", "9",
    "cooperation-pelussin-2015",
    "fr", "en", "fra", "f", "frfr", "fr-FR", "fr-fr", "en-GB", "zh-Hans", "fr-", "-fr", "fr-F",
    "fr-ABCDEFGHI",
    "fr-12345678", "fr-FR-x", "fr_FR", "FR", "ｆｒ", "٣", "code\n", "x\u{0}",
  ]

  @Test(arguments: samples)
  func codesFollowTheirPattern(_ text: String) {
    #expect(SurveyReader.isCode(text) == (text.wholeMatch(of: /[a-z0-9_]+/) != nil))
  }

  @Test(arguments: samples)
  func surveyIdsFollowTheirPattern(_ text: String) {
    #expect(SurveyReader.isSurveyId(text) == (text.wholeMatch(of: /[a-z0-9-]+/) != nil))
  }

  @Test(arguments: samples)
  func languagesFollowTheirPattern(_ text: String) {
    #expect(SurveyReader.isLanguage(text) == (text.wholeMatch(of: /[a-z]{2,3}(-[A-Za-z0-9]{2,8})?/) != nil))
  }

}
