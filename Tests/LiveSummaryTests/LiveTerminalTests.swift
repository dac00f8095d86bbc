import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `bilan live` on a real pseudo-terminal, while another process
/// (`bilan ask --answers`) adds responses to the store.
@Suite struct LiveTerminalTests {
  @Test func refreshesWhenAResponseArrivesAndShowsNoFigureBelowK() throws {
    let directory = try TemporaryDirectory("bilan-live")
    defer { directory.remove() }
    let store = directory.path("responses.sqlite")
    func answer(_ score: Int, role: String) throws {
      let file = directory.path("answers-\(score)-\(role).json")
      try #"{"role": "\#(role)", "satisfaction": \#(score), "mot": "Merci"}"#.write(
        toFile: file, atomically: true, encoding: .utf8)
      let result = try runBilan(["ask", LiveFixture.survey, "--store", store, "--answers", file])
      #expect(result.status == 0, "\(result.stderr)")
    }
    try answer(5, role: "elu")
    try answer(4, role: "agent")

    let terminal = try PseudoTerminal(columns: 100, rows: 30)
    let live = try terminal.spawn(
      Repository.bilanExecutable, ["live", LiveFixture.survey, "--store", store, "--interval", "0.2"])
    #expect(live.waitFor("Les résultats s’affichent à partir de 3 réponses complètes (2 pour l’instant)"))
    #expect(!live.screen.text.contains("%"))
    #expect(!live.screen.text.contains("Participants satisfaits"))

    try answer(2, role: "association")
    #expect(live.waitFor("[21 % ; 94 %]", timeout: 10), "\(live.screen.text)")
    #expect(live.screen.shows("Participants satisfaits"))
    #expect(live.screen.shows("n = 3"))
    #expect(live.screen.shows("██"))
    #expect(!live.screen.shows("Les résultats s’affichent"))

    live.send("q")
    #expect(live.waitForExit(timeout: 10) == .exited(0))
    // The terminal is given back: main screen, cursor shown.
    #expect(String(decoding: live.screen.received.suffix(40), as: UTF8.self).contains("\u{1B}[?1049l"))
  }
}
