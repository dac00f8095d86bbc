import Aggregation
import Testing

@Suite struct FreeTextTests {
  @Test(arguments: [
    "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678", "+33 6 12 34 56 78",
    "+33 (0)6 12 34 56 78", "+33612345678", "0033 6 12 34 56 78", "+44 20 7946 0958", "+1 (555) 123-4567",
    "0049 30 1234567", "jean.dupont@example.fr", "élodie+atelier@cap-rural.org",
  ])
  func personalDataIsMasked(data: String) {
    let french = PersonalDataMasking.mask("Appelez \(data) demain", language: "fr")
    #expect(french == "Appelez [masqué] demain")
    #expect(PersonalDataMasking.mask("(\(data))", language: "en") == "([masked])")
  }

  @Test(arguments: [
    "En 2015, 15 000 € pour 3 territoires", "Le 05/03/2015 à 9h30", "Article L. 5211-1",
    "Une note de 4 sur 5", "Budget 2014-2020",
  ])
  func ordinaryNumbersAreKept(text: String) {
    #expect(PersonalDataMasking.mask(text, language: "fr") == text)
  }

  @Test func wordsWithoutStopWordsAccentsKept() {
    let words = WordFrequencyCounter.words(
      in: "L'outil est TRÈS utile : l’outil, le Réseau et the network of 2015")
    #expect(words == ["outil", "utile", "outil", "réseau", "network"])
    var counter = WordFrequencyCounter()
    counter.add("coopération coopération territoire")
    counter.add("territoire élus coopération")
    #expect(
      counter.top(2) == [
        WordFrequency(word: "coopération", count: 3), WordFrequency(word: "territoire", count: 2),
      ])
  }
}
