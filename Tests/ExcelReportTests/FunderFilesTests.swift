import Aggregation
import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

@testable import ExcelReport

/// Two audiences, two files: `bilan report` writes what a funder may receive
/// (aggregates only); `--internalBook` adds the row-level workbook, whose first
/// sheet says it must not leave the organisation. Both read back by openpyxl.
@Suite struct FunderFilesTests {
  /// Every sheet's name, its cells as text, how many of them are dates
  /// (openpyxl gives a datetime for a date-formatted number), and which
  /// columns are hidden.
  static let script = #"""
    import sys, json, datetime, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {"sheets": wb.sheetnames, "cells": {}, "dates": {}}
    for ws in wb.worksheets:
        texts, dates = [], 0
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                if isinstance(c.value, (datetime.datetime, datetime.date, datetime.time)):
                    dates += 1
                texts.append(str(c.value))
        out["cells"][ws.title] = texts
        out["dates"][ws.title] = dates
    json.dump(out, sys.stdout)
    """#

  struct Book: Decodable {
    var sheets: [String]
    var cells: [String: [String]]
    var dates: [String: Int]

    var allText: [String] { cells.values.flatMap { $0 } }
  }

  static func read(_ path: String) throws -> Book {
    let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, path])
    try #require(result.status == 0, "openpyxl could not read \(path): \(result.stderr)")
    return try JSONDecoder().decode(Book.self, from: Data(result.stdout.utf8))
  }

  /// The reference survey's fixture in a store file.
  private func makeStore(in directory: TemporaryDirectory) throws -> (ReportFixture, String) {
    let fixture = try ReportFixture()
    let path = directory.path("responses.sqlite")
    let store = try SQLiteResponseStore(path: path, surveyID: fixture.survey.id)
    _ = try store.insert(fixture.responses, schemas: [SchemaRecord(fixture.survey)], source: nil)
    return (fixture, path)
  }

  @Test func theFunderWorkbookHoldsAggregatesAndTheInternalOneEveryRow() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let (fixture, store) = try makeStore(in: directory)
    let survey = Repository.path("Surveys/cooperation-pelussin-2015.yaml")
    let output = directory.path("out")
    let run = try runBilan(["report", survey, "--store", store, "--output", output, "--internal"])
    #expect(run.status == 0, "\(run.stderr)")
    let printed = run.stdout.split(separator: "\n").map { String($0.split(separator: "/").last ?? "") }
    #expect(printed == ["donnees-internes.xlsx", "figures", "synthese.md", "synthese.xlsx"])

    let funder = try Self.read(directory.path("out/synthese.xlsx"))
    let markdown = try String(contentsOfFile: directory.path("out/synthese.md"), encoding: .utf8)
    #expect(!funder.sheets.contains { $0.hasPrefix("Données") })
    #expect(funder.sheets.contains("Dictionnaire"), "the codebook describes questions, not people")
    #expect(funder.dates.values.reduce(0, +) == 0, "no submission time in the funder workbook")
    let funderText = funder.allText
    for response in fixture.responses {
      let id = response.id.uuidString.lowercased()
      #expect(!funderText.contains(id) && !markdown.contains(id))
    }
    // Free text: only the published quotes, in the workbook and in the synthesis.
    let published = fixture.publishedQuotes
    var unpublished = 0
    for summary in fixture.results.freeText {
      for answer in summary.answers where !published.contains(answer.text) && answer.text.count >= 20 {
        unpublished += 1
        #expect(!funderText.contains { $0.contains(answer.text) }, "\(summary.key): \(answer.text)")
        if answer.text.allSatisfy({ $0.isLetter || $0 == " " }) {
          #expect(!markdown.contains(answer.text), "\(summary.key): \(answer.text)")
        }
      }
    }
    #expect(unpublished > 0, "the fixture has answers the funder files do not quote")
    #expect(published.allSatisfy { quote in funderText.contains(quote) })

    // The internal workbook: the warning first, then every row, time and text.
    let internalBook = try Self.read(directory.path("out/donnees-internes.xlsx"))
    #expect(internalBook.sheets == ["À lire d’abord", "Données", "Données (libellés)", "Dictionnaire"])
    let warning = try #require(internalBook.cells["À lire d’abord"]).joined(separator: "\n")
    #expect(warning.contains("à ne pas diffuser hors de l’organisation"))
    #expect(warning.contains("il ne doit pas quitter l’organisation"))
    #expect(warning.contains("\(fixture.responses.count) réponse(s), une par ligne"))
    let data = try #require(internalBook.cells["Données"])
    #expect(internalBook.dates["Données"] == fixture.responses.count)
    #expect(internalBook.dates["Données (libellés)"] == fixture.responses.count)
    for response in fixture.responses { #expect(data.contains(response.id.uuidString.lowercased())) }
    for summary in fixture.results.freeText {
      for answer in summary.answers { #expect(data.contains(answer.text), "\(summary.key): \(answer.text)") }
    }
  }

  @Test func theInternalWorkbookIsWrittenOnlyWhenAskedForAndSpeaksTheReportsLanguage() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let (fixture, store) = try makeStore(in: directory)
    let survey = Repository.path("Surveys/cooperation-pelussin-2015.yaml")
    let plain = try runBilan(["report", survey, "--store", store, "--output", directory.path("plain")])
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory.path("plain/donnees-internes.xlsx")))

    // --format naming it: that file alone.
    let only = try runBilan([
      "report", survey, "--store", store, "--output", directory.path("only"), "--format", "internal",
    ])
    #expect(only.status == 0, "\(only.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path("only")) == ["donnees-internes.xlsx"]
    )

    let english = try runBilan([
      "report", survey, "--store", store, "--output", directory.path("en"), "--lang", "en", "--internal",
    ])
    #expect(english.status == 0, "\(english.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path("en")).sorted() == [
        "figures", "internal-data.xlsx", "synthesis.md", "synthesis.xlsx",
      ])
    let internalBook = try Self.read(directory.path("en/internal-data.xlsx"))
    #expect(internalBook.sheets == ["Read first", "Data", "Data (labels)", "Codebook"])
    let warning = try #require(internalBook.cells["Read first"]).joined(separator: "\n")
    #expect(warning.contains("Internal data — must not leave the organisation"))
    #expect(warning.contains("\(fixture.responses.count) response(s), one per row"))
    #expect(!(try Self.read(directory.path("en/synthesis.xlsx"))).sheets.contains { $0.hasPrefix("Data") })
  }

  @Test func bothWorkbooksAreTheSameBytesTwice() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let (_, store) = try makeStore(in: directory)
    let survey = Repository.path("Surveys/cooperation-pelussin-2015.yaml")
    var bytes: [[Data]] = []
    for attempt in ["a", "b"] {
      let run = try runBilan([
        "report", survey, "--store", store, "--output", directory.path(attempt), "--internal",
      ])
      #expect(run.status == 0, "\(run.stderr)")
      bytes.append(
        try ["synthese.xlsx", "donnees-internes.xlsx", "synthese.md"].map {
          try Data(contentsOf: URL(fileURLWithPath: directory.path("\(attempt)/\($0)")))
        })
      if attempt == "a" { Thread.sleep(forTimeInterval: 1.1) }
    }
    #expect(bytes[0] == bytes[1])
  }
}
