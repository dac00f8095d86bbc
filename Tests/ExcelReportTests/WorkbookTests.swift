import BilanBase
import Foundation
import TestSupport
import Testing
import XLSXWriter

@testable import ExcelReport

@Suite struct SheetNameTests {
  @Test func namesAreCutToThirtyOneUnitsAndCleaned() throws {
    var names = SheetNames()
    #expect(try names.claim("Indicateurs: [2015] / bilan?") == "Indicateurs- -2015- - bilan-")
    let long = try names.claim(String(repeating: "é", count: 40))
    #expect(long.utf16.count == 31)
    #expect(try names.claim("'Données'") == "Données")
    #expect(throws: XLSXWriterError.invalidSheetName("  '' ")) { _ = try names.claim("  '' ") }
  }

  @Test func duplicatesDifferingInCaseOrAccentsAreRenamed() throws {
    var names = SheetNames()
    #expect(try names.claim("Synthèse") == "Synthèse")
    #expect(try names.claim("SYNTHESE") == "SYNTHESE (2)")
    #expect(try names.claim("synthèse") == "synthèse (3)")
    let a = try names.claim(String(repeating: "x", count: 31))
    let b = try names.claim(String(repeating: "X", count: 31))
    #expect(a.utf16.count == 31 && b.utf16.count == 31)
    #expect(b.hasSuffix(" (2)"))
  }
}

@Suite struct CellTextTests {
  @Test func controlCharactersAreRemovedButNewlinesAndTabsKept() {
    #expect(CellText.prepare("a\u{1}b\u{0}c\td\ne\u{7F}").text == "abc\td\ne")
  }

  @Test func textBeyondExcelsLimitIsCutWithAMarker() {
    let text = String(repeating: "😀", count: 20_000)  // 40,000 UTF-16 units
    let (cut, truncated) = CellText.prepare(text)
    #expect(truncated)
    #expect(cut.utf16.count <= CellText.maximumLength)
    #expect(cut.hasSuffix(" […]"))
    #expect(cut.dropLast(4).allSatisfy { $0 == "😀" })
    let exact = String(repeating: "a", count: CellText.maximumLength)
    #expect(CellText.prepare(exact) == (exact, false))
  }

}

@Suite struct WorkbookWrapperTests {
  private func writeProbe(to path: String, created: Date, constantMemory: Bool = false) throws {
    let workbook = try Workbook(path: path, constantMemory: constantMemory)
    try workbook.setProperties(
      .init(
        title: "Bilan", subject: "Sujet", author: "Cap Rural", company: "Cap Rural", keywords: "a, b",
        created: created))
    let sheet = try workbook.addWorksheet("Données")
    try sheet.writeRow([.text("clé"), .text("valeur")], row: 0, style: CellStyle(bold: true))
    try sheet.writeRow([.text("=1+1"), .number(0.8)], row: 1, style: CellStyle(numberFormat: "0 %"))
    try sheet.writeRow([.text("=HYPERLINK(\"http://x\")"), .number(2)], row: 2)
    try sheet.writeRow([.text(String(repeating: "z", count: 40_000)), .blank], row: 3)
    if constantMemory {
      try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 1)
    } else {
      try sheet.addTable(name: "Probe", firstRow: 0, firstColumn: 0, lastRow: 3, headers: ["clé", "valeur"])
    }
    sheet.freezePanes(rows: 1)
    try sheet.setUpPrinting(repeatRows: 0...0)
    let chart = try workbook.addChart(.column)
    try chart.addSeries(
      name: "valeur", categories: .init(sheet: sheet.name, column: 0, rows: 1...2),
      values: .init(sheet: sheet.name, column: 1, rows: 1...2))
    try sheet.insert(chart, row: 5, column: 3)
    try workbook.close()
    #expect(workbook.truncatedCells == 1)
  }

  @Test func formulasStayTextAndEverythingReadsBack() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("probe.xlsx")
    try writeProbe(to: path, created: Date(timeIntervalSince1970: 1_425_570_000))
    let dump = try WorkbookDump.read(path)
    #expect(dump.sheets == ["Données"])
    let sheet = try #require(dump["Données"])
    #expect(sheet.cells["A2"] == .init(value: "=1+1", type: "s", number: nil, numberFormat: "0 %"))
    #expect(sheet.cells["A3"]?.type == "s")
    #expect(sheet.cells["A3"]?.value == "=HYPERLINK(\"http://x\")")
    #expect(sheet.cells["B2"]?.number == 0.8)
    #expect(sheet.cells["B2"]?.numberFormat == "0 %")
    #expect(sheet.cells["A4"]?.value.hasSuffix(" […]") == true)
    #expect(sheet.cells["A4"]?.value.utf16.count == 32_767)
    #expect(sheet.tables == ["Probe": "A1:B4"])
    #expect(sheet.freeze == "A2")
    #expect(sheet.orientation == "landscape")
    #expect(sheet.fitToWidth == 1)
    #expect(sheet.printTitleRows == "1:1" || sheet.printTitleRows == "$1:$1")
    #expect(sheet.charts == 1)
    #expect(dump.properties["title"] == "Bilan")
    #expect(dump.properties["creator"] == "Cap Rural")
    #expect(dump.properties["company"] == "Cap Rural")
    #expect(dump.properties["keywords"] == "a, b")
    #expect(dump.properties["created"] == "2015-03-05 15:40:00")
  }

  @Test func sameInputGivesTheSameBytes() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let created = Date(timeIntervalSince1970: 1_425_570_000)
    try writeProbe(to: directory.path("a.xlsx"), created: created)
    // libxlsxwriter's own timestamps would differ after a second.
    Thread.sleep(forTimeInterval: 1.1)
    try writeProbe(to: directory.path("b.xlsx"), created: created)
    let a = try Data(contentsOf: URL(fileURLWithPath: directory.path("a.xlsx")))
    let b = try Data(contentsOf: URL(fileURLWithPath: directory.path("b.xlsx")))
    #expect(a == b)
  }

  @Test func constantMemoryModeUsesAnAutofilterAndRefusesRowsOutOfOrder() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("big.xlsx")
    try writeProbe(to: path, created: Date(timeIntervalSince1970: 1_425_570_000), constantMemory: true)
    let sheet = try #require(try WorkbookDump.read(path)["Données"])
    #expect(sheet.tables.isEmpty)
    #expect(sheet.autofilter == "A1:B4")
    #expect(sheet.freeze == "A2")
    #expect(sheet.cells["A2"]?.type == "s")

    let workbook = try Workbook(path: directory.path("order.xlsx"), constantMemory: true)
    let data = try workbook.addWorksheet("Data", streaming: true)
    try data.write(.text("b"), row: 5, column: 0)
    #expect(throws: XLSXWriterError.rowOutOfOrder(sheet: "Data", row: 2, lastWritten: 5)) {
      try data.write(.text("a"), row: 2, column: 0)
    }
    #expect(throws: XLSXWriterError.cellOutOfRange(sheet: "Data", row: 1_048_576, column: 0)) {
      try data.write(.text("a"), row: 1_048_576, column: 0)
    }
    workbook.abandon()
    #expect(!FileManager.default.fileExists(atPath: directory.path("order.xlsx")))
  }

  @Test func tableHeadersAreMadeUniqueAndNonEmpty() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("headers.xlsx")
    let workbook = try Workbook(path: path)
    let sheet = try workbook.addWorksheet("Données")
    try sheet.writeRow([.text("1"), .text("2"), .text("3")], row: 1)
    try sheet.addTable(name: "T", firstRow: 0, firstColumn: 0, lastRow: 1, headers: ["id", "ID", ""])
    try workbook.close()
    let dump = try #require(try WorkbookDump.read(path)["Données"])
    #expect(dump.cells["A1"]?.value == "id")
    #expect(dump.cells["B1"]?.value == "ID (2)")
    #expect(dump.cells["C1"]?.value == "3")
  }

  @Test func aFailedWriteLeavesNoFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let destination = directory.url.appendingPathComponent("out.xlsx")
    #expect(throws: ExcelReportError.self) {
      try AtomicFile.write(to: destination.path) { temporary in
        let workbook = try Workbook(path: temporary)
        let sheet = try workbook.addWorksheet("A")
        try sheet.write(.text("x"), row: 0, column: 0)
        try workbook.close()
        throw ExcelReportError.writeFailed(path: temporary, reason: "simulated")
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)

    // A folder that cannot be written: libxlsxwriter's own error, no file.
    let locked = directory.url.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    let workbook = try Workbook(path: locked.appendingPathComponent("x/y.xlsx").path)
    _ = try workbook.addWorksheet("A")
    #expect(throws: XLSXWriterError.self) { try workbook.close() }
    #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
  }
}
