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

@Suite struct FindingSentenceTests {
  let french = FindingSentence(.french)
  let english = FindingSentence(.english)
  let nnbsp = "\u{202F}"
  let nbsp = "\u{00A0}"

  @Test func theIssueSentenceInFrench() {
    let sentence = french.proportion(
      subject: .label("Participants satisfaits de la journée"), count: 12, of: 15,
      answers: ["Satisfait", "Très satisfait"],
      target: .init(comparison: .atLeast, value: "80\(nnbsp)%", verdict: .met))
    #expect(
      sentence
        == "Participants satisfaits de la journée\(nbsp): 12 des 15 répondants (80\(nnbsp)%) choisissent "
        + "«\(nbsp)Satisfait\(nbsp)» ou «\(nbsp)Très satisfait\(nbsp)»\(nnbsp); l’objectif de 80\(nnbsp)% est atteint."
    )
  }

  @Test func agreementWithTheCount() {
    let one = french.proportion(subject: .question("Q ?"), count: 1, of: 15, answers: ["Oui"])
    #expect(
      one
        == "À la question «\(nbsp)Q ?\(nbsp)», l’un des 15 répondants (7\(nnbsp)%) choisit «\(nbsp)Oui\(nbsp)»."
    )
    let none = french.proportion(subject: .label("X"), count: 0, of: 4, answers: ["A", "B"])
    #expect(
      none
        == "X\(nbsp): aucun des 4 répondants (0\(nnbsp)%) ne choisit ni «\(nbsp)A\(nbsp)» ni «\(nbsp)B\(nbsp)»."
    )
    let all = french.proportion(subject: .label("X"), count: 4, of: 4, answers: ["A"])
    #expect(all == "X\(nbsp): les 4 répondants (100\(nnbsp)%) choisissent «\(nbsp)A\(nbsp)».")
    let englishAll = english.proportion(subject: .label("X"), count: 4, of: 4, answers: ["A", "B", "C"])
    #expect(englishAll == "X: all 4 respondents (100%) chose “A”, “B” or “C”.")
  }

  @Test func responseRate() {
    #expect(
      french.responseRate(responses: 12, registered: 15)
        == "12 des 15 personnes inscrites ont répondu au questionnaire (80\(nnbsp)%).")
    #expect(
      french.responseRate(responses: 1, registered: 15)
        == "L’une des 15 personnes inscrites a répondu au questionnaire (7\(nnbsp)%).")
    #expect(
      french.responseRate(responses: 15, registered: 15)
        == "Les 15 personnes inscrites ont toutes répondu au questionnaire (100\(nnbsp)%).")
    #expect(
      english.responseRate(responses: 12, registered: 15)
        == "12 of the 15 people registered answered the survey (80%).")
  }

  @Test func targetsNotMetAndOtherComparisons() {
    #expect(
      french.clause(.init(comparison: .atLeast, value: "75 sur 100", verdict: .notMet))
        == "l’objectif de 75 sur 100 n’est pas atteint")
    #expect(
      french.clause(.init(comparison: .atMost, value: "2,0", verdict: .met))
        == "l’objectif d’au plus 2,0 est atteint")
    #expect(
      english.clause(.init(comparison: .atLeast, value: "80%", verdict: .notMet))
        == "the target of 80% is not met")
  }

  @Test func rankings() {
    let ranked = french.ranking(
      subject: .label("Valeur ajoutée"), ranked: [("A", "4,1"), ("B", "3,6"), ("C", "3,2")])
    #expect(
      ranked
        == "Valeur ajoutée\(nbsp): «\(nbsp)A\(nbsp)» arrive en tête (4,1), devant «\(nbsp)B\(nbsp)» (3,6) et «\(nbsp)C\(nbsp)» (3,2)."
    )
    let english = english.ranking(subject: .label("Added value"), ranked: [("A", "4.1"), ("B", "3.6")])
    #expect(english == "Added value: “A” comes first (4.1), ahead of “B” (3.6).")
    let tied = french.ranking(
      subject: nil, ranked: [("A", "58\(nnbsp)%"), ("B", "58\(nnbsp)%"), ("C", "42\(nnbsp)%")], tiedFirst: 2)
    #expect(
      tied
        == "«\(nbsp)A\(nbsp)» et «\(nbsp)B\(nbsp)» arrivent en tête à égalité (58\(nnbsp)%), devant «\(nbsp)C\(nbsp)» (42\(nnbsp)%)."
    )
  }
}
