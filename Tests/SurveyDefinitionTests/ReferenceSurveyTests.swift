import Foundation
import SurveyDefinition
import TestSupport
import Testing

/// What `spec/reference-survey.md` asks of `Surveys/cooperation-pelussin-2015.yaml`,
/// checked on the loaded model, plus the languages and typography of both shipped surveys.
///
/// (`ReferenceSurveyTests` in `SurveyLoadingTests.swift` checks that they lint clean.)
@Suite struct ReferenceSurveyContentTests {
  static let referencePath = "Surveys/cooperation-pelussin-2015.yaml"
  static let templatePath = "Surveys/post-event-template.yaml"
  static let followUpPath = "Surveys/cooperation-pelussin-2015-suivi.yaml"

  func reference() throws -> Survey {
    try Survey.load(path: Repository.path(Self.referencePath))
  }

  @Test func eventAndPrivacyAreThoseOfThePelussinDay() throws {
    let survey = try reference()
    #expect(survey.id == "cooperation-pelussin-2015")
    #expect(survey.languages == ["fr", "en"])
    let event = try #require(survey.event)
    #expect(event.date == "2015-03-05")
    #expect(event.place == "Pélussin (42)")
    #expect(event.organiser == "Cap Rural")
    #expect(event.registered == 15)
    #expect(survey.privacy.minGroupSize == 3)
    let notice = try #require(survey.privacy.notice)
    #expect(notice.text("fr").contains("anonyme"))
    #expect(notice.text("en").contains("anonymous"))
  }

  @Test func sevenSectionsInTheOrderOfTheSpec() throws {
    let survey = try reference()
    #expect(
      survey.sections.map(\.id) == [
        "profil", "journee", "objectifs", "outils", "freins", "projection", "suivi",
      ])
    #expect(survey.sections.filter { $0.forEach != nil }.map(\.id) == ["outils"])
  }

  @Test func profileQuestionsCarryTheBreakdowns() throws {
    let survey = try reference()
    #expect(survey.breakdowns == ["role", "structure"])
    let role = try #require(survey.question("role")?.question)
    #expect(role.required)
    #expect(role.kind.choices?.map(\.code) == ["elu", "agent", "societe_civile", "autre"])
    #expect(role.kind.choices?.first?.label.text("fr") == "Élu(e)")
    let structure = try #require(survey.question("structure")?.question)
    #expect(structure.required)
    #expect(structure.kind.hasOther)
    #expect(
      structure.kind.choices?.map(\.code) == [
        "commune", "intercommunalite", "pays_petr", "pnr", "gal", "cld", "association", "departement_region",
      ])
    for id in ["territoire", "venue", "satisfaction_globale", "freins", "recommandation", "suivi"] {
      #expect(survey.question(id)?.question.required == false, "\(id) should be optional")
    }
  }

  @Test func theDayAndItsObjectives() throws {
    let survey = try reference()
    let satisfaction = try #require(survey.question("satisfaction_globale")?.question.kind.scale)
    #expect(satisfaction.points == 1...5)
    #expect(satisfaction.labels.count == 5)
    guard case .matrix(let parts, _) = survey.question("utilite_parties")?.question.kind else {
      Issue.record("utilite_parties is not a matrix")
      return
    }
    #expect(parts.map(\.code) == ["decryptage", "focus_pratiques", "projection"])
    guard case .matrix(let statements, let agreement) = survey.question("deroulement")?.question.kind else {
      Issue.record("deroulement is not a matrix")
      return
    }
    #expect(statements.map(\.code) == ["echanges", "animation", "taille_groupe"])
    #expect(agreement.id == "accord5")
    #expect(agreement.points == 1...5)
    #expect(agreement.labels.keys.sorted() == [1, 2, 3, 4, 5])
    #expect(agreement.notApplicable?.text("fr") == "Sans avis")
    #expect(agreement.notApplicable?.text("en") == "No opinion")
    guard case .matrix(let objectives, let reached) = survey.question("objectifs")?.question.kind else {
      Issue.record("objectifs is not a matrix")
      return
    }
    #expect(objectives.map(\.code) == ["explorer", "freins", "experiences", "appropriation"])
    #expect(reached.points == 1...5)
  }

  @Test func theToolsLoopAsksSevenQuestionsPerTool() throws {
    let survey = try reference()
    let loop = try #require(survey.sections.first { $0.id == "outils" })
    #expect(loop.forEach == "outils")
    #expect(
      loop.items.map(\.code) == ["plan_cooperation", "convention_articulation", "convention_partenariat"])
    #expect(
      loop.questions.map(\.id) == [
        "connaissance", "valeur_ajoutee", "valeurs", "limites", "applicabilite", "conditions", "intention",
      ])
    for question in loop.questions {
      #expect(question.label.text("fr").contains("{item}"), "\(question.id) does not name the tool")
      #expect(question.label.text("en").contains("{item}"), "\(question.id) does not name the tool")
    }
    let byId = Dictionary(uniqueKeysWithValues: loop.questions.map { ($0.id, $0) })
    #expect(byId["valeurs"]?.kind.choices?.count == 6)
    #expect(byId["limites"]?.kind.choices?.count == 7)
    #expect(byId["limites"]?.kind.hasOther == true)
    #expect(byId["conditions"]?.kind.choices?.count == 6)
    #expect(byId["conditions"]?.condition?.description == "applicabilite >= 3")
    #expect(
      byId["intention"]?.kind.choices?.map(\.code) == ["non", "a_etudier", "oui_annee", "en_cours"])
    let instance = try #require(survey.instances.first { $0.key == "intention.convention_articulation" })
    #expect(
      instance.label.text("fr")
        == "Envisagez-vous de mettre en place l’outil «\u{A0}Convention d’articulation\u{A0}» sur votre territoire\u{A0}?"
    )
    #expect(
      instance.label.text("en")
        == "Do you intend to put the “Coordination agreement” tool into practice in your area?")
  }

  @Test func eightObstaclesOfWhichThreeAreRanked() throws {
    let survey = try reference()
    guard case .ranking(let obstacles, let pick) = survey.question("freins")?.question.kind else {
      Issue.record("freins is not a ranking question")
      return
    }
    #expect(obstacles.count == 8)
    #expect(pick == 3)
  }

  @Test func projectionAndFollowUp() throws {
    let survey = try reference()
    guard case .multiple(let support, _, _, _, let exclusive) = survey.question("appui")?.question.kind else {
      Issue.record("appui is not a multiple question")
      return
    }
    #expect(support.map(\.code).last == "aucun")
    #expect(exclusive == ["aucun"])
    #expect(survey.question("recommandation")?.question.kind == .nps)
    #expect(survey.question("commentaires")?.question.kind.typeName == "long_text")
    #expect(survey.question("suivi")?.question.kind == .boolean)
    let email = try #require(survey.question("email")?.question)
    #expect(email.kind == .email)
    #expect(email.condition?.description == "suivi == true")
  }

  @Test func indicatorsAreTheEightOfTheSpec() throws {
    let survey = try reference()
    let indicators = Dictionary(uniqueKeysWithValues: survey.indicators.map { ($0.id, $0) })
    #expect(
      survey.indicators.map(\.id) == [
        "taux_reponse", "satisfaction", "objectifs", "valeur_ajoutee", "applicabilite", "intention", "freins",
        "recommandation",
      ])
    #expect(indicators["taux_reponse"]?.kind == .responseRate)
    #expect(indicators["satisfaction"]?.kind == .topBox)
    #expect(indicators["satisfaction"]?.question == "satisfaction_globale")
    #expect(indicators["satisfaction"]?.target?.comparison == .atLeast)
    #expect(indicators["satisfaction"]?.target?.value == 0.8)
    #expect(indicators["objectifs"]?.kind == .index)
    #expect(
      indicators["objectifs"]?.questions == [
        "objectifs.explorer", "objectifs.freins", "objectifs.experiences", "objectifs.appropriation",
      ])
    #expect(indicators["objectifs"]?.target?.value == 75)
    #expect(indicators["valeur_ajoutee"]?.kind == .mean)
    #expect(indicators["applicabilite"]?.kind == .mean)
    #expect(indicators["intention"]?.kind == .share)
    #expect(indicators["intention"]?.values == [.code("oui_annee"), .code("en_cours")])
    #expect(indicators["freins"]?.kind == .borda)
    #expect(indicators["recommandation"]?.kind == .nps)
  }

  /// The figure the welcome screen and the README quote: 36 questions at
  /// most, 35 on a typical path (one tool judged hardly applicable skips its
  /// conditions question; the participant agrees to be contacted).
  @Test func questionsShownOnTypicalPaths() throws {
    let survey = try reference()
    let flow = survey.flow
    #expect(flow.instances.count == 36)
    let typical: Answers = [
      "role": .code("agent"), "structure": .code("intercommunalite"),
      "applicabilite.plan_cooperation": .integer(4),
      "applicabilite.convention_articulation": .integer(2),
      "applicabilite.convention_partenariat": .integer(3),
      "suivi": .boolean(true),
    ]
    #expect(flow.shownInstances(answers: typical).count == 35)
    let hidden = Set(flow.instances.map(\.key)).subtracting(flow.shownInstances(answers: typical).map(\.key))
    #expect(hidden == ["conditions.convention_articulation"])
    let sceptical: Answers = [
      "applicabilite.plan_cooperation": .integer(1),
      "applicabilite.convention_articulation": .notApplicable,
      "suivi": .boolean(false),
    ]
    // No tool applicable (or not answered), no follow-up: 3 conditions and the email hidden.
    #expect(flow.shownInstances(answers: sceptical).count == 32)
  }

  @Test(arguments: [referencePath, templatePath, followUpPath])
  func everyTextIsInFrenchAndEnglish(path: String) throws {
    let survey = try Survey.load(path: Repository.path(path))
    #expect(survey.languages == ["fr", "en"])
    let texts = Self.localizedTexts(of: survey)
    #expect(texts.count > (path == Self.referencePath ? 100 : 20))
    for (place, text) in texts {
      #expect(Set(text.texts.keys) == ["fr", "en"], "\(place) is not given in French and English")
      #expect(!text.text("fr").isEmpty && !text.text("en").isEmpty, "\(place) is empty")
    }
  }

  /// French typography: a non-breaking space (U+00A0) inside « » and before
  /// : ; ? !, the typographic apostrophe, no straight quotes; none of it in English.
  @Test(arguments: [referencePath, templatePath, followUpPath])
  func frenchTypography(path: String) throws {
    let survey = try Survey.load(path: Repository.path(path))
    for (place, text) in Self.localizedTexts(of: survey) {
      let french = text.text("fr")
      for mark in [" ?", " !", " :", " ;", " »", "« ", "'", "\"", "..."] {
        #expect(!french.contains(mark), "\(place): « \(mark) » in \(french)")
      }
      for mark in ["?", "!", ":", ";", "»"] {
        for range in Self.ranges(of: mark, in: french) where range.lowerBound > french.startIndex {
          #expect(
            french[french.index(before: range.lowerBound)] == "\u{A0}", "\(place): no NBSP before \(mark)")
        }
      }
      #expect(!text.text("en").contains("\u{A0}"), "\(place): non-breaking space in English")
    }
  }

  // MARK: - Helpers

  static func ranges(of mark: String, in text: String) -> [Range<String.Index>] {
    var result: [Range<String.Index>] = []
    var start = text.startIndex
    while let range = text.range(of: mark, range: start..<text.endIndex) {
      result.append(range)
      start = range.upperBound
    }
    return result
  }

  /// Every localized text of a survey with where it is, for messages.
  static func localizedTexts(of survey: Survey) -> [(String, LocalizedText)] {
    var texts: [(String, LocalizedText)] = [("title", survey.title)]
    if let description = survey.description { texts.append(("description", description)) }
    if let name = survey.event?.name { texts.append(("event.name", name)) }
    if let notice = survey.privacy.notice { texts.append(("privacy.notice", notice)) }
    func add(_ choices: [Choice], _ place: String) {
      texts += choices.map { ("\(place).\($0.code)", $0.label) }
    }
    func add(_ scale: Scale, _ place: String) {
      texts += scale.labels.sorted { $0.key < $1.key }.map { ("\(place).\($0.key)", $0.value) }
      if let label = scale.notApplicable { texts.append(("\(place).not_applicable", label)) }
    }
    for list in survey.choiceLists { add(list.choices, "choices.\(list.id)") }
    for list in survey.itemLists { add(list.choices, "items.\(list.id)") }
    for scale in survey.scales { add(scale, "scales.\(scale.id ?? "?")") }
    for section in survey.sections {
      texts.append(("\(section.id).title", section.title))
      if let intro = section.intro { texts.append(("\(section.id).intro", intro)) }
      for question in section.questions {
        texts.append(("\(question.id).label", question.label))
        if let help = question.help { texts.append(("\(question.id).help", help)) }
        if let choices = question.kind.choices { add(choices, "\(question.id).choices") }
        if case .matrix(let rows, _) = question.kind { add(rows, "\(question.id).rows") }
        if case .scale(let scale) = question.kind, scale.id == nil { add(scale, "\(question.id).scale") }
      }
    }
    for indicator in survey.indicators {
      if let label = indicator.label { texts.append(("indicator.\(indicator.id)", label)) }
    }
    return texts
  }
}
