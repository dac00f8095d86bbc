import Foundation
import ResponseStore
import TestSupport
import Testing

/// `follow_up_token: true`: the full-screen questionnaire's thank-you screen
/// shows the participant's follow-up code, the one the store keeps.
@Suite(.serialized) struct FollowUpTokenScreenTests {
  @Test func theThanksScreenShowsTheCode() throws {
    let directory = try TemporaryDirectory("bilan-ask-token")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let survey = Repository.path("Tests/AggregationTests/Fixtures/atelier-2024.yaml")
    let terminal = try PseudoTerminal(["ask", survey, "--store", store], columns: 100, rows: 30)
    try terminal.waitFor("Entrée commencer")
    try terminal.press(Keys.enter)
    try terminal.waitFor("Rôle")
    try terminal.press("1")
    try terminal.waitFor("Ces questions reviennent pour chacun des 2 sujets")
    try terminal.press(Keys.enter)
    try terminal.waitFor("Mettre en place Plan")
    try terminal.press("2")
    try terminal.waitFor("› 2 Convention (maintenant)")
    try terminal.press(Keys.enter)
    try terminal.waitFor("Mettre en place Convention")
    try terminal.press("1")
    try terminal.waitFor("Courriel")
    try terminal.press(Keys.enter)
    try terminal.waitFor("Avant d’envoyer")
    try terminal.press("e")
    let thanks = try terminal.waitFor("Votre code de suivi")
    try terminal.press(Keys.enter)
    #expect(try terminal.exitStatus() == 0)
    let repository = try SQLiteResponseStore(path: store, surveyID: "atelier-2024", create: false)
    let issued = try repository.followUpTokens(survey: "atelier-2024").issued
    let token = try #require(issued.values.first)
    #expect(issued.count == 1)
    #expect(thanks.contains("Votre code de suivi : \(token)."), "\(thanks)")
  }
}
