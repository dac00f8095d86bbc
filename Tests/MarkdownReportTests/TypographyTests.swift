import Foundation
import Testing

@testable import MarkdownReport

@Suite struct TypographyTests {
  let french = Typography(.french)
  let english = Typography(.english)
  let nnbsp = "\u{202F}"
  let nbsp = "\u{00A0}"

  @Test func frenchNumbersUseADecimalCommaAndNarrowSpacesBetweenThousands() {
    #expect(french.number(3.8, decimals: 1) == "3,8")
    #expect(french.number(1234567.891, decimals: 2) == "1\(nnbsp)234\(nnbsp)567,89")
    #expect(french.integer(1500) == "1\(nnbsp)500")
    #expect(french.integer(999) == "999")
    #expect(french.number(-2.5, decimals: 1) == "\u{2212}2,5")
    #expect(french.number(35, signed: true) == "+35")
    #expect(french.number(0, signed: true) == "0")
  }

  @Test func englishNumbersUseADecimalPointAndCommas() {
    #expect(english.number(3.8, decimals: 1) == "3.8")
    #expect(english.number(1234567.891, decimals: 2) == "1,234,567.89")
    #expect(english.number(-12, signed: true) == "\u{2212}12")
  }

  @Test func roundingIsHalfAwayFromZeroOnTheDecimalValue() {
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875.
    #expect(english.number(2.675, decimals: 2) == "2.68")
    #expect(english.number(0.285, decimals: 2) == "0.29")
    #expect(english.number(-0.04, decimals: 1) == "0.0")
    #expect(english.number(0.5) == "1")
    #expect(english.number(1.5) == "2")
    #expect(english.number(2.5) == "3")
  }

  @Test func percentagesFollowEachLanguage() {
    #expect(french.percent(0.8) == "80\(nnbsp)%")
    #expect(english.percent(0.8) == "80%")
    #expect(french.percent(0.7857142857142857) == "79\(nnbsp)%")
    #expect(french.percent(0.125, decimals: 1) == "12,5\(nnbsp)%")
  }

  @Test func intervalsAndQuotes() {
    #expect(french.interval("52\(nnbsp)%", "92\(nnbsp)%") == "[52\(nnbsp)%\(nnbsp); 92\(nnbsp)%]")
    #expect(english.interval("52%", "92%") == "[52%, 92%]")
    #expect(french.quoted("Satisfait") == "«\(nbsp)Satisfait\(nbsp)»")
    #expect(english.quoted("Satisfied") == "“Satisfied”")
  }

  @Test func frenchPunctuationGetsItsSpaces() {
    #expect(french.punctuate("Objectif atteint ; bravo !") == "Objectif atteint\(nnbsp); bravo\(nnbsp)!")
    #expect(french.punctuate("Note : 80 %") == "Note\(nbsp): 80\(nnbsp)%")
    #expect(french.punctuate("l'objectif") == "l’objectif")
    #expect(english.punctuate("Note: 80 %") == "Note: 80 %")
  }
}

@Suite struct ProseTests {
  let french = Prose(.french)
  let english = Prose(.english)
  let nnbsp = "\u{202F}"
  let nbsp = "\u{00A0}"

  @Test func countsAgreeWithTheirNoun() {
    #expect(french.respondents(1) == "1 répondant")
    #expect(french.respondents(0) == "0 répondant")
    #expect(french.respondents(14) == "14 répondants")
    #expect(english.respondents(1) == "1 respondent")
    #expect(english.people(15) == "15 people")
  }

  /// Below 30 respondents the count leads, the percentage follows, whole;
  /// from 30 on the percentage leads.
  @Test func countsLeadBelowThirtyRespondents() {
    #expect(french.share(9, of: 14) == "9 sur 14 (64\(nnbsp)%)")
    #expect(english.share(9, of: 14) == "9 out of 14 (64%)")
    #expect(french.share(4, of: 14) == "4 sur 14 (29\(nnbsp)%)")
    #expect(french.share(18, of: 30) == "60\(nnbsp)% (18 sur 30)")
    #expect(french.shareOfRespondents(1, of: 13) == "1 répondant sur 13 (8\(nnbsp)%)")
    #expect(english.shareInParentheses(9, of: 13) == "9 out of 13, 69%")
  }

  /// “n = 14” holds together with no-break spaces; a range of two is “13 ou 14”.
  @Test func nIsWrittenWithNoBreakSpaces() {
    #expect(french.nEquals(14...14) == "n\(nbsp)=\(nbsp)14")
    #expect(french.nEquals(13...14) == "n\(nbsp)=\(nbsp)13 ou 14")
    #expect(french.nEquals(10...14) == "n\(nbsp)=\(nbsp)10 à 14")
    #expect(english.nEquals(10...14) == "n\(nbsp)=\(nbsp)10–14")
  }

  /// Names take the article of their gender, elided before a vowel; without
  /// a gender French quotes the label instead of guessing.
  @Test func namesAgreeWithTheirGender() {
    let convention = Prose.Name(label: "Convention d’articulation", gender: .feminine)
    let plan = Prose.Name(label: "Plan de coopération", gender: .masculine)
    let outil = Prose.Name(label: "Outil numérique", gender: .masculine)
    let acronym = Prose.Name(label: "PNR du Pilat", gender: .masculine)
    #expect(french.definite(convention) == "la convention d’articulation")
    #expect(french.definite(plan) == "le plan de coopération")
    #expect(french.definite(outil) == "l’outil numérique")
    #expect(french.definite(acronym) == "le PNR du Pilat")
    #expect(french.of(plan) == "du plan de coopération")
    #expect(french.of(convention) == "de la convention d’articulation")
    #expect(french.agreeing("cité", with: convention) == "citée")
    #expect(english.definite(plan) == "the plan de coopération")
    #expect(french.definite(.init(label: "Charte", gender: nil)) == "«\(nbsp)Charte\(nbsp)»")
  }

  @Test func ordinalsAgree() {
    #expect(french.ordinal(1, gender: .feminine) == "1re")
    #expect(french.ordinal(1, gender: .masculine) == "1er")
    #expect(french.ordinal(2, gender: .feminine) == "2e")
    #expect(english.ordinal(1) == "1st" && english.ordinal(12) == "12th" && english.ordinal(23) == "23rd")
  }

  /// Dates as people write them, in the event's time zone: an answer given
  /// at 0:30 in Paris on 6 March (23:30 UTC on the 5th) is dated 6 March.
  @Test func datesAreWrittenOutInTheEventsTimeZone() throws {
    #expect(french.longDate(iso: "2015-03-05", weekday: true) == "jeudi 5 mars 2015")
    #expect(english.longDate(iso: "2015-03-05", weekday: true) == "Thursday 5 March 2015")
    #expect(french.longDate(iso: "2015-03-01") == "1er mars 2015")
    let late = try #require(ISO8601DateFormatter().date(from: "2015-03-05T23:30:00Z"))
    #expect(french.longDate(late, timeZone: "Europe/Paris") == "6 mars 2015")
    #expect(french.longDate(late, timeZone: nil) == "5 mars 2015")
  }
}
