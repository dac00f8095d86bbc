import SurveyDefinition
import Testing

@testable import Questionnaire

@Suite struct LineEditorTests {
  @Test func editsWholeCharacters() {
    var editor = LineEditor(maxLength: 50)
    for key: Key in [.character("e"), .character("\u{301}"), .character("👍"), .character("a")] {
      _ = editor.handle(key)
    }
    #expect(editor.text == "é👍a")
    #expect(editor.count == 3)
    _ = editor.handle(.left)
    _ = editor.handle(.backspace)  // removes the emoji whole
    #expect(editor.text == "éa")
    _ = editor.handle(.home)
    _ = editor.handle(.delete)
    #expect(editor.text == "a")
    _ = editor.handle(.paste("bc\ndef"))
    #expect(editor.text == "bc defa")  // a one-line field turns pasted newlines into spaces
    _ = editor.handle(.control("w"))
    #expect(editor.text == "bc a")
    _ = editor.handle(.control("u"))
    #expect(editor.text == "a")
  }

  @Test func stopsAtMaxLength() {
    var editor = LineEditor(maxLength: 5)
    #expect(editor.insert("abcdefgh") == false)
    #expect(editor.text == "abcde")
    #expect(editor.insert("x") == false)
  }

  @Test func wrapsAtSpacesAndPlacesTheCursor() {
    var editor = LineEditor(text: "un deux trois quatre", maxLength: 100, multiline: true)
    var layout = editor.layout(width: 11)
    #expect(layout.rows == ["un deux ", "trois ", "quatre"])
    #expect(layout.cursorRow == 2 && layout.cursorColumn == 6)
    _ = editor.handle(.home)
    layout = editor.layout(width: 11)
    #expect(layout.cursorRow == 0 && layout.cursorColumn == 0)  // Home: start of the typed line
    editor = LineEditor(text: "ab\ncd", maxLength: 100, multiline: true)
    _ = editor.handle(.up)
    layout = editor.layout(width: 20)
    #expect(layout.rows == ["ab", "cd"])
    #expect(layout.cursorRow == 0 && layout.cursorColumn == 2)
  }

  @Test func escapesAreStoredButNotShown() {
    let editor = LineEditor(text: "a\u{1B}[31mb\u{1B}]0;x\u{07}c", maxLength: 100)
    #expect(editor.layout(width: 20).rows == ["abc"])
    #expect(editor.layout(width: 20).cursorColumn == 3)
  }
}

@Suite struct QuestionEditorTests {
  let survey: Survey
  init() throws { survey = try Fixture.survey() }

  func editor(_ key: String, answers: Answers = [:]) throws -> QuestionEditor {
    let instance = try #require(survey.instances.first { $0.key == key })
    return QuestionEditor(instance: instance, answers: answers, contacts: [:], language: "fr")
  }

  @Test func numberKeysAnswerAtOnce() throws {
    var single = try editor("role")
    #expect(single.handle(.character("2")) == .confirm)
    #expect(try single.values() == ["role": .code("agent")])
    var scale = try editor("satisfaction")
    #expect(scale.handle(.character("4")) == .confirm)
    #expect(try scale.values() == ["satisfaction": .integer(4)])
    // AZERTY's unshifted top row: "é" is 2.
    var azerty = try editor("satisfaction")
    #expect(azerty.handle(.character("é")) == .confirm)
    #expect(try azerty.values() == ["satisfaction": .integer(2)])
    var nps = try editor("recommandation")
    #expect(nps.handle(.character("0")) == .confirm)
    #expect(try nps.values() == ["recommandation": .integer(0)])
    var ten = try editor("recommandation")
    #expect(ten.handle(.character("d")) == .confirm)
    #expect(try ten.values() == ["recommandation": .integer(10)])
  }

  @Test func multipleHonoursMaxAndExclusive() throws {
    var multiple = try editor("appui")
    _ = multiple.handle(.character("1"))
    _ = multiple.handle(.character("2"))
    _ = multiple.handle(.character("3"))
    #expect(multiple.message == "Déjà 2 choix : décochez-en un d’abord.")
    #expect(try multiple.values() == ["appui": .codes(["journee", "outils"])])
    _ = multiple.handle(.character("4"))  // "aucun" clears the others
    #expect(try multiple.values() == ["appui": .codes(["aucun"])])
    _ = multiple.handle(.character("1"))  // and another clears "aucun"
    #expect(try multiple.values() == ["appui": .codes(["journee"])])
    #expect(multiple.handle(.enter) == .confirm)
  }

  @Test func matrixFillsTheRowAndMovesDown() throws {
    var matrix = try editor("parties")
    _ = matrix.handle(.character("4"))
    _ = matrix.handle(.character("n"))
    #expect(try matrix.values() == ["parties.decryptage": .integer(4), "parties.projection": .notApplicable])
    _ = matrix.handle(.up)
    _ = matrix.handle(.character("2"))
    #expect(try matrix.values()["parties.decryptage"] == .integer(2))
  }

  @Test func rankingPicksInOrderAndReorders() throws {
    var ranking = try editor("freins")
    _ = ranking.handle(.character("3"))
    _ = ranking.handle(.character("1"))
    #expect(try ranking.values() == ["freins": .codes(["concurrence", "temps"])])
    _ = ranking.handle(.character("+"))  // cursor on "temps": moves it up
    #expect(try ranking.values() == ["freins": .codes(["temps", "concurrence"])])
    _ = ranking.handle(.character("4"))
    #expect(ranking.message == "Déjà 2 classés : retirez-en un d’abord.")
  }

  @Test func singleWithOtherOpensATextField() throws {
    var single = try editor("role")
    #expect(single.handle(.character("4")) == .stay)
    #expect(single.isTyping)
    _ = single.handle(.paste("Consultante"))
    #expect(single.handle(.enter) == .confirm)
    #expect(try single.values() == ["role": .code("other"), "role.other": .text("Consultante")])
  }

  @Test func enterOnNothingPassesAnOptionalQuestionAndRefusesARequiredOne() throws {
    var optional = try editor("appui")
    #expect(optional.handle(.enter) == .skip)
    var escaped = try editor("appui")
    #expect(escaped.handle(.escape) == .skip)
    var required = try editor("role")
    #expect(required.handle(.enter) == .stay)
    #expect(required.message == "Choisissez une réponse : cette question est obligatoire.")
    #expect(required.handle(.escape) == .stay)
    #expect(required.message == "Choisissez une réponse : cette question est obligatoire.")
    #expect(try required.values().isEmpty)
    #expect(required.handle(.left) == .back)
    #expect(required.handle(.backTab) == .back)
    var text = try editor("pourquoi")
    #expect(text.handle(.enter) == .skip)  // an empty optional text
    #expect(text.handle(.left) == .back)  // ← from an empty field
    _ = text.handle(.character("a"))
    #expect(text.handle(.left) == .stay)  // ← then moves the text cursor
  }

  @Test func theHighlightIsNotAnAnswerUntilChosen() throws {
    var single = try editor("role")
    _ = single.handle(.down)
    #expect(try single.values().isEmpty)
    #expect(single.handle(.enter) == .confirm)  // moved to it, then Enter: chosen
    #expect(try single.values() == ["role": .code("elu")])
    var scale = try editor("satisfaction")
    #expect(scale.movesAcross)
    _ = scale.handle(.right)
    _ = scale.handle(.right)
    #expect(try scale.values().isEmpty)
    #expect(scale.handle(.enter) == .confirm)
    #expect(try scale.values() == ["satisfaction": .integer(2)])
    scale.width = 14  // drawn down the window: ← goes back
    #expect(!scale.movesAcross)
    #expect(scale.handle(.left) == .back)
  }

  @Test func oneWaitsForASecondDigitOnTheZeroToTenScale() throws {
    var nps = try editor("recommandation")
    #expect(nps.handle(.character("1")) == .stay)
    #expect(nps.pendingDigit == 1)
    #expect(nps.notice == "1… 0 pour 10, ou Entrée pour 1")
    #expect(try nps.values().isEmpty)
    #expect(nps.handle(.character("0")) == .confirm)
    #expect(try nps.values() == ["recommandation": .integer(10)])
    var alone = try editor("recommandation")
    _ = alone.handle(.character("&"))  // AZERTY 1
    #expect(alone.resolvePendingDigit() == .confirm)  // the session's timeout
    #expect(try alone.values() == ["recommandation": .integer(1)])
    var enter = try editor("recommandation")
    _ = enter.handle(.character("1"))
    #expect(enter.handle(.enter) == .confirm)
    #expect(try enter.values() == ["recommandation": .integer(1)])
    var wrong = try editor("recommandation")
    _ = wrong.handle(.character("1"))
    #expect(wrong.handle(.character("5")) == .stay)
    #expect(wrong.message == "« 15 » n’est pas sur l’échelle : tapez une valeur de 0 à 10.")
    #expect(try wrong.values().isEmpty)
    var two = try editor("recommandation")
    #expect(two.handle(.character("2")) == .confirm)  // no point from 20: at once
    #expect(try two.values() == ["recommandation": .integer(2)])
  }

  @Test func escapeAsksBeforeErasingAnAnswer() throws {
    var stored = try editor("satisfaction", answers: ["satisfaction": .integer(4)])
    #expect(stored.handle(.escape) == .stay)
    #expect(stored.confirmingErase)
    #expect(stored.handle(.character("n")) == .stay)
    #expect(try stored.values() == ["satisfaction": .integer(4)])
    _ = stored.handle(.escape)
    #expect(stored.handle(.character("o")) == .erase)
    var typed = try editor("pourquoi")
    _ = typed.handle(.paste("Trop long"))
    #expect(typed.handle(.escape) == .stay)
    #expect(typed.confirmingErase)
    #expect(typed.handle(.escape) == .stay)  // Esc again keeps it
    #expect(try typed.values() == ["pourquoi": .text("Trop long")])
  }

  @Test func numbersAreReadTheFrenchWay() throws {
    #expect(try QuestionEditor.parseNumber("4,5", integer: false) == .number(4.5))
    #expect(try QuestionEditor.parseNumber("1 200", integer: true) == .integer(1200))
    #expect(throws: EntryProblem.notAnInteger("4,5")) { try QuestionEditor.parseNumber("4,5", integer: true) }
    #expect(throws: EntryProblem.notANumber("douze")) {
      try QuestionEditor.parseNumber("douze", integer: true)
    }
  }
}

@Suite struct SmallWindowTests {
  /// From 40 columns a 0–10 scale keeps its points across the window with
  /// their numbers, a long not-applicable answer going on its own line.
  @Test(arguments: [40, 44, 60])
  func zeroToTenKeepsItsColumnNumbers(width: Int) throws {
    let scale = Scale(
      id: nil, min: 0, max: 10, labels: [:], topBox: 2,
      notApplicable: LocalizedText(["fr": "Je ne sais pas encore", "en": "I don’t know yet"]))
    #expect(QuestionEditor.scaleIsHorizontal(scale, width: width))
    let question = Question(
      id: "note", kind: .scale(scale), label: LocalizedText(["fr": "Note ?", "en": "Score?"]))
    let section = Section(id: "s", title: LocalizedText(["fr": "S", "en": "S"]), questions: [question])
    let instance = QuestionInstance(question: question, section: section, item: nil, itemIndex: nil)
    let editor = QuestionEditor(instance: instance, answers: [:], contacts: [:], language: "fr")
    let lines = editor.body(width: width).lines.map(\.text)
    #expect(lines[0].split(separator: " ") == (0...10).map { Substring(String($0)) }, "\(lines)")
    #expect(lines.contains { $0.contains("○  Je ne sais pas encore") })
    for line in editor.body(width: width).lines { #expect(line.width <= width) }
  }
}
