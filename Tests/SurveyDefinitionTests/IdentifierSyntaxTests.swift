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

  @Test(arguments: [
    ("2015-03-05", true), ("2016-02-29", true), ("2015-02-29", false), ("2000-02-29", true),
    ("1900-02-29", false), ("2015-13-01", false), ("2015-00-10", false), ("2015-04-31", false),
    ("2015-04-00", false), ("2015-4-05", false), ("2015-04-05T10:00", false), ("２０１５-03-05", false),
    ("20150305", false), ("", false),
  ])
  func eventDatesAreCalendarDates(_ text: String, _ valid: Bool) {
    #expect(SurveyReader.isISODate(text) == valid)
  }
}
