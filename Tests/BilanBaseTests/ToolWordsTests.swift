import Testing

@testable import BilanBase

@Suite struct ToolWordsTests {
  @Test(arguments: [
    ("fr", ToolLanguage.french), ("fr-CA", .french), ("FR_fr", .french), ("en", .english),
    ("en-GB", .english),
  ])
  func languagesAreReadFromTheirCodes(_ code: String, _ language: ToolLanguage) throws {
    #expect(try ToolLanguage(code: code) == language)
  }

  @Test func aLanguageWithoutATableIsAClearError() {
    for code in ["de", "es", "", "français"] {
      #expect(throws: ToolLanguageError.unsupported(code: code)) { try ToolLanguage(code: code) }
    }
    #expect(
      ToolLanguageError.unsupported(code: "de").errorDescription
        == "bilan has no words of its own in 'de' (its prompts, table headers and report prose exist in fr, en): "
        + "give --lang with one of these, or add the survey's texts in one of them")
  }

  /// Each table writes its own words: no entry of one language left as the other's.
  @Test func eachTableIsInItsOwnLanguage() {
    let french = ToolWords.french
    let english = ToolWords.english
    #expect(french.engine.other == "Autre" && english.engine.other == "Other")
    #expect(french.stats.minimum(3) == "aucun groupe de moins de 3 personnes publié")
    #expect(english.stats.minimum(3) == "no group of fewer than 3 people published")
    #expect(french.headlines.target("80 %", french.headlines.notMet) == "objectif 80 % non atteint")
    #expect(english.headlines.target("80%", english.headlines.met) == "target 80% met")
    #expect(
      french.engine.maxLengthReduced(nil, 200) == "textes limités à 200 caractères (au lieu de sans limite)")
    #expect(ToolLanguage.french.words.stats.group == "Groupe")
    #expect(ToolWords.resolved("en-US").stats.group == "Group")
  }
}
