import Foundation
import SurveyDefinition
import TestSupport
import Testing

@testable import XLSForm

/// Runs `python3 -c script arguments…` and returns its standard output; a failure is a test failure.
private func python(_ script: String, _ arguments: [String] = []) throws -> String {
  let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
  #expect(result.status == 0, "python3 failed: \(result.stderr)")
  return result.stdout
}

/// The fixtures of `Fixtures/forms.py`, written with openpyxl into a fresh folder.
private func writeFixtures() throws -> TemporaryDirectory {
  let directory = try TemporaryDirectory()
  let script = try String(
    contentsOfFile: Repository.path("Tests/XLSFormTests/Fixtures/forms.py"), encoding: .utf8)
  _ = try python(script, [directory.url.path])
  return directory
}

/// What a round trip must keep: the survey without the places things were read from, the names
/// of its lists (an inline list gets one in the XLSForm) and its conditions' source ranges; the
/// conditions themselves as text.
private func comparable(_ survey: Survey) -> (survey: Survey, conditions: [String]) {
  let nowhere = SourceLocation(file: "", line: 0, column: 0)
  var copy = survey
  var conditions: [String] = []
  copy.sourcePath = ""
  copy.choiceLists = []
  copy.scales = []
  copy.itemLists = []
  for index in copy.indicators.indices { copy.indicators[index].location = nowhere }
  for s in copy.sections.indices {
    copy.sections[s].location = nowhere
    copy.sections[s].forEach = nil
    conditions.append("\(copy.sections[s].id): \(copy.sections[s].condition?.description ?? "-")")
    copy.sections[s].condition = nil
    for q in copy.sections[s].questions.indices {
      var question = copy.sections[s].questions[q]
      question.location = nowhere
      conditions.append("\(question.id): \(question.condition?.description ?? "-")")
      question.condition = nil
      switch question.kind {
      case .scale(var scale):
        scale.id = nil
        question.kind = .scale(scale)
      case .matrix(let rows, var scale):
        scale.id = nil
        question.kind = .matrix(rows: rows, scale: scale)
      default: break
      }
      copy.sections[s].questions[q] = question
    }
  }
  return (copy, conditions)
}

@Suite struct XLSFormRoundTripTests {
  @Test(arguments: ["Surveys/cooperation-pelussin-2015.yaml", "Surveys/post-event-template.yaml"])
  func yamlToXLSFormToYAMLKeepsEverything(_ file: String) throws {
    let path = Repository.path(file)
    let original = try Survey.load(path: path)
    let bytes = try XLSFormExport.workbook(
      for: original, sourceYAML: String(contentsOfFile: path, encoding: .utf8))
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let form = directory.path("form.xlsx")
    try bytes.write(to: URL(fileURLWithPath: form))
    let converted = try XLSFormImport.convert(path: form)
    #expect(converted.warnings.isEmpty, "\(converted.warnings.map(\.description))")
    let back = try Survey.load(yaml: converted.yaml, file: "back.yaml")
    let (before, after) = (comparable(original), comparable(back))
    #expect(after.conditions == before.conditions)
    #expect(after.survey.sections.count == before.survey.sections.count)
    for (expected, actual) in zip(before.survey.sections, after.survey.sections) {
      #expect(actual.questions.count == expected.questions.count)
      for (q, r) in zip(expected.questions, actual.questions) { #expect(r == q) }
      #expect(actual == expected)
    }
    #expect(after.survey == before.survey)
    #expect(before.conditions.contains("conditions: applicabilite >= 3") || file.contains("template"))
    #expect(SurveyLinter.lint(yaml: converted.yaml, file: "back.yaml").isEmpty)
  }

  @Test func theSameSurveyGivesTheSameWorkbook() throws {
    let path = Repository.path("Surveys/post-event-template.yaml")
    let survey = try Survey.load(path: path)
    let source = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      try XLSFormExport.workbook(for: survey, sourceYAML: source)
        == XLSFormExport.workbook(for: survey, sourceYAML: source))
  }

  /// pyxform turns bilan's XLSForm into an ODK XForm (and ODK Validate, run by pyxform when Java is there, accepts it).
  @Test(arguments: ["Surveys/cooperation-pelussin-2015.yaml", "Surveys/post-event-template.yaml"])
  func pyxformAcceptsTheWorkbook(_ file: String) throws {
    let path = Repository.path(file)
    let survey = try Survey.load(path: path)
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let form = directory.path("form.xlsx")
    try XLSFormExport.workbook(for: survey, sourceYAML: String(contentsOfFile: path, encoding: .utf8))
      .write(to: URL(fileURLWithPath: form))
    let output = try python(
      """
      import shutil, sys
      from pyxform.xls2xform import convert
      result = convert(xlsform=sys.argv[1], validate=shutil.which("java") is not None, warnings=[])
      print(result.xform)
      """, [form])
    #expect(output.contains("<h:html"))
    #expect(output.contains("jr:itext"))
    for question in survey.allQuestions.map(\.question) where !isMatrix(question) {
      #expect(output.contains("/\(question.id)\""), "\(question.id) is not in the XForm")
    }
  }

  private func isMatrix(_ question: Question) -> Bool {
    if case .matrix = question.kind { return true }
    return false
  }
}

@Suite struct XLSFormImportTests {
  @Test func everyTypeWrittenWithOpenpyxlConvertsAndLintsClean() throws {
    let directory = try writeFixtures()
    defer { directory.remove() }
    let path = directory.path("every-type.xlsx")
    let result = try XLSFormImport.convert(path: path)
    #expect(SurveyLinter.lint(yaml: result.yaml, file: "every-type.yaml").isEmpty)
    let survey = try Survey.load(yaml: result.yaml, file: "every-type.yaml")
    #expect(survey.id == "atelier-mobilite" && survey.version == 3 && survey.languages == ["fr", "en"])
    #expect(survey.sections.map(\.id) == ["profil", "journee", "ateliers"])
    #expect(
      survey.sections[0].intro?.texts == [
        "fr": "Merci de votre participation.", "en": "Thank you for taking part.",
      ])
    #expect(survey.sections[2].forEach == "ateliers")
    #expect(survey.sections[2].items.map(\.code) == ["matin", "apres_midi"])
    #expect(survey.sections[2].title.texts["fr"] == "Les ateliers : {item}")

    func question(_ id: String) throws -> Question { try #require(survey.question(id)?.question) }
    #expect(try question("role").required)
    guard case .single(let roles, false) = try question("role").kind else { Issue.record("role"); return }
    #expect(roles.map(\.code) == ["elu", "agent", "autre"])
    #expect(roles[0].label.texts == ["fr": "Élu(e)", "en": "Elected official"])
    #expect(try question("age").kind == .number(min: 18, max: 99, integer: true))
    #expect(try question("distance").kind == .number(min: nil, max: nil, integer: false))
    #expect(try question("distance").condition?.description == "role in ['elu', 'agent']")
    guard case .scale(let accord) = try question("satisfaction").kind else {
      Issue.record("satisfaction"); return
    }
    #expect(accord.min == 1 && accord.max == 5 && Set(accord.labels.keys) == [1, 5])
    #expect(try question("satisfaction").help?.texts["en"] == "From 1 to 5.")
    guard case .multiple(let themes, true, nil, nil, ["aucun"]) = try question("themes").kind else {
      Issue.record("themes: \(try question("themes").kind)")
      return
    }
    #expect(themes.map(\.code) == ["transport", "logement", "aucun"])
    #expect(try question("themes").condition?.description == "satisfaction >= 3 and not role == 'autre'")
    #expect(try question("pourquoi").kind == .text(maxLength: 200))
    #expect(try question("pourquoi").condition?.description == "themes contains 'transport'")
    guard case .ranking(let ranked, 3) = try question("priorites").kind else {
      Issue.record("priorites"); return
    }
    #expect(ranked.count == 3)
    #expect(try question("suivi").kind == .boolean)
    #expect(try question("commentaire").kind == .longText(maxLength: 5000))
    #expect(try question("commentaire").condition?.description == "suivi == true")
    #expect(try question("utilite").label.texts["fr"] == "Utilité de {item} ?")
    #expect(try question("idee").condition?.description == "utilite > 3")

    // Left out, never silently: each with its sheet and row.
    let warnings = result.warnings.map { "\($0.sheet ?? "-"):\($0.row.map(String.init) ?? "-")" }
    #expect(warnings.contains("survey:7"), "geopoint: \(warnings)")
    #expect(warnings.contains("survey:14"), "calculate: \(warnings)")
    #expect(warnings.contains("survey:1"), "the media::image column: \(warnings)")
    #expect(warnings.contains("survey:5"), "the constraint message: \(warnings)")
    #expect(result.warnings.allSatisfy { $0.description.hasPrefix(path + ":") })
    #expect(!warnings.contains("survey:19"), "the loop's item calculate is understood: \(warnings)")
    // The YAML keeps the form's row numbers.
    #expect(result.yaml.contains("# survey sheet, row 11\n      - id: themes"))
    #expect(
      result.yaml.contains(
        "# survey sheet, row 5; constraint message: en: Between 18 and 99; fr: Entre 18 et 99 ans"))
  }

  @Test func pyxformsOneFileCSVConverts() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("form.csv")
    try """
    survey,,,,
    ,type,name,label::French (fr),label::English (en),relevant
    ,select_one yes_no,venu,Venu(e) ?,Came?,
    ,text,pourquoi,Pourquoi ?,Why?,${venu} = 'no'
    choices,,,,
    ,list_name,name,label::French (fr),label::English (en)
    ,yes_no,yes,Oui,Yes
    ,yes_no,no,Non,No
    settings,,,,
    ,form_title,form_id,,
    ,Essai,essai,,
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try XLSFormImport.convert(path: path)
    let survey = try Survey.load(yaml: result.yaml, file: "form.yaml")
    #expect(survey.id == "essai")
    #expect(survey.question("pourquoi")?.question.condition?.description == "venu == false")
    #expect(result.yaml.contains("# survey sheet, row 4"))
  }

  @Test func semicolonCSVWithItsChoicesBeside() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try "type;name;label\nselect_one couleurs;couleur;Couleur préférée ?\ninteger;nombre;Combien ?\n"
      .write(toFile: directory.path("atelier.csv"), atomically: true, encoding: .utf8)
    try "list_name;name;label\ncouleurs;rouge;Rouge\ncouleurs;bleu;Bleu\n"
      .write(toFile: directory.path("atelier-choices.csv"), atomically: true, encoding: .utf8)
    let result = try XLSFormImport.convert(path: directory.path("atelier.csv"))
    let survey = try Survey.load(yaml: result.yaml, file: "atelier.yaml")
    #expect(survey.languages == ["fr"])
    #expect(survey.question("couleur")?.question.kind.choices?.map(\.code) == ["rouge", "bleu"])
    #expect(result.warnings.contains { $0.message.contains("does not say its language") })
  }
}

@Suite struct XLSFormErrorTests {
  private func problems(_ path: String) -> [String] {
    do {
      _ = try XLSFormImport.convert(path: path)
      Issue.record("\(path) converted")
      return []
    } catch {
      return error.diagnostics.filter(\.isError).map(\.description)
    }
  }

  @Test func malformedWorkbooksAreRefusedWithTheirSheetAndRow() throws {
    let directory = try writeFixtures()
    defer { directory.remove() }
    let notZip = directory.path("notes.xlsx")
    try "type,name\n".write(toFile: notZip, atomically: true, encoding: .utf8)
    #expect(
      problems(notZip).first?.hasPrefix("\(notZip): error: it is not an xlsx workbook (not a zip archive)")
        == true)

    let noSurvey = directory.path("no-survey.xlsx")
    #expect(
      problems(noSurvey).first?.hasPrefix("\(noSurvey):survey: error: the form has no 'survey' sheet") == true
    )

    let unknown = directory.path("unknown-type.xlsx")
    #expect(
      problems(unknown) == [
        "\(unknown):survey:5: error: unknown type 'slect_one roles'; did you mean 'select_one'?"
      ])

    let bad = directory.path("bad-relevant.xlsx")
    let badProblems = problems(bad)
    #expect(badProblems.count == 2)
    #expect(
      badProblems.first?.hasPrefix("\(bad):survey:7: error: relevant '${role} = = 'elu'' cannot be converted")
        == true)
    #expect(
      badProblems.last
        == "\(bad):survey:8: error: relevant '${nowhere} = 'x'' cannot be converted: ${nowhere} names no question of the form"
    )
  }

  @Test func theCommandWritesNothingWhenTheFormIsWrong() throws {
    let directory = try writeFixtures()
    defer { directory.remove() }
    let bad = directory.path("bad-relevant.xlsx")
    let run = try runBilan(["convert", bad])
    #expect(run.status == 1)
    #expect(run.stderr.contains("\(bad):survey:7: error:"))
    #expect(!FileManager.default.fileExists(atPath: directory.path("bad-relevant.yaml")))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path).allSatisfy {
        !$0.hasPrefix(".")
      })

    let good = try runBilan(["convert", directory.path("every-type.xlsx")])
    #expect(good.status == 0, "\(good.stderr)")
    #expect(good.stderr.contains("every-type.xlsx:survey:7: warning:"))
    #expect(SurveyLinter.lint(path: directory.path("every-type.yaml")).isEmpty)
    // An existing output is kept unless --force.
    let again = try runBilan(["convert", directory.path("every-type.xlsx")])
    #expect(again.status == 1 && again.stderr.contains("--force"))

    let exported = try runBilan([
      "convert", Repository.path("Surveys/post-event-template.yaml"), "--output", directory.path("kobo.xlsx"),
    ])
    #expect(exported.status == 0, "\(exported.stderr)")
    let back = try runBilan(["convert", directory.path("kobo.xlsx")])
    #expect(back.status == 0 && back.stderr == "\(directory.path("kobo.yaml")): written\n")
  }
}
