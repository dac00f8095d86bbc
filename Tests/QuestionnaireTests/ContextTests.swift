import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

@testable import Questionnaire

/// What the questionnaire tells a participant around the questions: the
/// welcome's count and time, the sections' intros, the review's names and
/// values (issue #22, "context and review").
@Suite struct ContextTests {
  let reference: Survey
  init() throws {
    reference = try Survey.load(path: Repository.path("Surveys/cooperation-pelussin-2015.yaml"))
  }

  /// The reference survey says "dix à quinze minutes": the estimate agrees,
  /// the count covers every path, and the welcome does not give a second
  /// figure when the description, on the same screen, gives the time.
  @Test func welcomeAgreesWithTheDescriptionAndThePath() throws {
    let session = QuestionnaireSession(survey: reference, language: "fr")
    let path = session.pathLength()
    #expect(path.questions == 32...36)  // conditions ask the conditions question thrice and the email
    #expect(path.minutes.lowerBound >= 10 && path.minutes.upperBound <= 15, "\(path.minutes)")
    #expect(session.shown.count == path.questions.lowerBound)
    let wide = WelcomeScreen(survey: reference, language: "fr", path: path).render(width: 100, height: 40)
      .text
    #expect(wide.contains("dix à quinze minutes"))
    #expect(wide.contains("32 à 36 questions selon vos réponses · vous pouvez revenir en arrière."))
    #expect(!wide.contains("Environ"))
    // Too small for the description: the estimate is given on the first page.
    let small = WelcomeScreen(survey: reference, language: "fr", path: path)
    let pages = small.pages(width: 40, height: 15)
    #expect(pages.count > 1)
    let allText = pages.flatMap { $0 }.map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(
      separator: " ")
    #expect(allText.contains("Environ \(path.minutes.lowerBound) à \(path.minutes.upperBound) minutes"))
    #expect(allText.contains("n’apparaît dans aucun rapport"))  // the notice, whole, on a later page
    // A survey without conditions has one count.
    let template = try Survey.load(path: Repository.path("Surveys/post-event-template.yaml"))
    let one = QuestionnaireSession(survey: template, language: "en").pathLength()
    #expect(
      ToolText(language: "en").pathLine(one, withMinutes: false).hasPrefix("\(one.questions.lowerBound)"))
  }

  @Test func sectionsAndLoopsAreIntroducedOnce() throws {
    let session = QuestionnaireSession(survey: reference, language: "fr")
    let intros = session.shown.filter { session.intro(before: $0) != nil }.map(\.key)
    #expect(
      intros == [
        "role", "connaissance.plan_cooperation", "connaissance.convention_articulation",
        "connaissance.convention_partenariat",
      ])
    let second = try #require(session.shown.first { $0.key == "connaissance.convention_articulation" })
    let screen = IntroScreen(
      instance: second, part: (4, 7), progress: session.progress(of: second.key), language: "fr"
    ).render(width: 80, height: 24).text
    #expect(screen.contains("Les outils explorés"))
    #expect(screen.contains("Les questions suivantes portent sur l’outil"))
    #expect(screen.contains("✓ 1 Plan de coopération"))
    #expect(screen.contains("› 2 Convention d’articulation (maintenant)"))
    #expect(screen.contains("Partie 4 sur 7 · Convention d’articulation (2/3)"))
  }

  /// "Limites · Plan de coopération", and a grid's rows with their values.
  @Test func reviewNamesTheLoopItemAndShowsGridValues() throws {
    var session = QuestionnaireSession(survey: reference, language: "fr")
    let limits = try #require(session.shown.first { $0.key == "limites.plan_cooperation" })
    session.apply(["limites.plan_cooperation": .codes(["lourdeur", "cout"])], for: limits)
    let grid = try #require(session.shown.first { $0.key == "utilite_parties" })
    session.apply(
      [
        "utilite_parties.decryptage": .integer(4), "utilite_parties.focus_pratiques": .integer(5),
        "utilite_parties.projection": .notApplicable,
      ], for: grid)
    #expect(
      session.summary(of: grid)
        == "Décryptage 4 · Focus sur les pratiques 5 · Projection je n’y ai pas assisté")
    let entries = ReviewScreen.entries(of: session)
    let entry = try #require(entries.first { $0.key == "limites.plan_cooperation" })
    #expect(ReviewScreen.title(of: entry, width: 40).hasSuffix(" · Plan de coopération"))
    let cursor = try #require(entries.firstIndex { $0.key == "limites.plan_cooperation" })
    for width in [40, 80, 100] {
      let text = ReviewScreen(entries: entries, cursor: cursor, language: "fr").render(
        width: width, height: 30
      ).text
      #expect(text.contains("· Plan de coopération"), "at \(width):\n\(text)")
      #expect(text.contains("Lourd à mettre en place, Coût"), "at \(width):\n\(text)")
    }
    // A row left without a rating shows as such.
    var partial = QuestionnaireSession(survey: reference, language: "en")
    partial.apply(["utilite_parties.decryptage": .integer(2)], for: grid)
    #expect(partial.summary(of: grid) == "Decoding 2 · Focus on practices — · Looking ahead —")
  }

  /// Plain mode takes the word printed for "other" in the survey's language.
  @Test(arguments: [("fr", "autre"), ("fr", "Autre (précisez)"), ("en", "other"), ("en", "Other")])
  func plainModeAcceptsTheWordOfOther(language: String, typed: String) throws {
    let directory = try TemporaryDirectory("plain-other")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    let result = try runBilan(
      [
        "ask", Repository.path("Surveys/cooperation-pelussin-2015.yaml"), "--store", store, "--plain",
        "--lang", language,
      ],
      input: "1\n\(typed)\nCabinet conseil\n", environment: ["BILAN_DEVICE": "plain-other"])
    #expect(result.status == 1, "input ends early: \(result.stderr)")
    #expect(!result.stdout.contains("! "), "no answer refused:\n\(result.stdout)")
    let response = try #require(try storedResponses(store, survey: reference.id).first)
    #expect(response.answers["structure"] == .code("other"))
    #expect(response.answers["structure.other"] == .text("Cabinet conseil"))
    // The section's intro is printed before its first question.
    #expect(result.stdout.contains(language == "fr" ? "== Votre profil ==" : "== About you =="))
  }

  /// Every key hint a French footer shows, on every question of both test
  /// surveys in every state, is in the README's key table (with `1–4` for
  /// any range of numbers and `N Sans avis` for any not-applicable label).
  @Test func readmeKeyTableMatchesTheFooters() throws {
    func normalized(_ hint: String) -> String {
      var text = hint.replacingOccurrences(of: #"^1–\d+ "#, with: "1–4 ", options: .regularExpression)
      if text.hasPrefix("N ") { text = "N Sans avis" }
      return text.replacingOccurrences(of: #" \(\d+/\d+\)"#, with: "", options: .regularExpression)
    }
    var shown: Set<String> = []
    for survey in [try Fixture.survey(), reference] {
      var session = QuestionnaireSession(survey: survey, language: "fr")
      var current = session.shown.first
      while let instance = current {
        let answered = session.answers
        for keys: [Key] in [
          [], [.down], [.character("1")], [.character("2"), .escape], [.paste("x")], [.enter],
        ] {
          for width in [40, 80] {
            var editor = QuestionEditor(instance: instance, answers: answered, contacts: [:], language: "fr")
            editor.width = width
            for key in keys { _ = editor.handle(key) }
            let screen = QuestionScreen(editor: editor, progress: session.progress(of: instance.key))
            for hint in screen.hints {
              shown.insert(normalized(hint.action.isEmpty ? hint.key : hint.key + " " + hint.action))
            }
          }
        }
        var editor = QuestionEditor(instance: instance, answers: [:], contacts: [:], language: "fr")
        _ = editor.handle(.character("1"))
        session.apply(
          (try? session.validate((try? editor.values()) ?? [:], for: instance)) ?? [:], for: instance)
        current = session.next(after: instance.key)
      }
    }
    let readme = try String(contentsOf: URL(fileURLWithPath: Repository.path("README.md")), encoding: .utf8)
    let ask = try #require(
      readme.components(separatedBy: "On a terminal the questionnaire takes").dropFirst().first)
    let section = try #require(ask.components(separatedBy: "**Nothing is lost.**").first)
    var documented: Set<String> = []
    for match in section.matches(of: /`([^`]+)`/) {
      for part in match.1.components(separatedBy: " · ") { documented.insert(normalized(String(part))) }
    }
    let missing = shown.subtracting(documented).sorted()
    #expect(missing.isEmpty, "footer hints the README's key table does not show: \(missing)")
    #expect(shown.count >= 20, "\(shown.sorted())")
  }
}
