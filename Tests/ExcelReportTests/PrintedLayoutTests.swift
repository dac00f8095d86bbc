import Foundation
import TestSupport
import Testing

@testable import ExcelReport

/// How the workbook prints and reads: no chart cut by an A4 page break, the
/// diverging charts' legends with every scale point, report sheets with their
/// header rows frozen — read from the file's XML by Python's zipfile (not by
/// the code that wrote it).
@Suite struct PrintedLayoutTests {
  /// Every sheet's manual page breaks (rows that start a page, 0-based) and
  /// its charts' anchors (first and last row, 0-based), from the XML.
  static let layoutScript = #"""
    import sys, json, zipfile, re, posixpath
    z = zipfile.ZipFile(sys.argv[1])
    book = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels))
    targets.update({k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', rels)})
    out = {}
    for name, rid in re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"', book):
        path = posixpath.normpath(posixpath.join("xl", targets[rid]))
        xml = z.read(path).decode()
        breaks = [int(b) for b in re.findall(r'<brk id="(\d+)"', xml.split("<rowBreaks")[1])] if "<rowBreaks" in xml else []
        anchors = []
        relpath = posixpath.join(posixpath.dirname(path), "_rels", posixpath.basename(path) + ".rels")
        if relpath in z.namelist():
            for target in re.findall(r'Target="([^"]+drawing[^"]+)"', z.read(relpath).decode()):
                drawing = z.read(posixpath.normpath(posixpath.join(posixpath.dirname(path), target))).decode()
                for anchor in re.findall(r'<xdr:twoCellAnchor.*?</xdr:twoCellAnchor>', drawing, re.S):
                    rows = [int(r) for r in re.findall(r'<xdr:row>(\d+)</xdr:row>', anchor)]
                    anchors.append(rows[:2])
        out[name] = {"breaks": breaks, "anchors": anchors, "fitted": "fitToPage=\"1\"" in xml}
    json.dump(out, sys.stdout)
    """#

  struct Layout: Decodable {
    var breaks: [Int]
    var anchors: [[Int]]
    var fitted: Bool
  }

  func layout(_ path: String) throws -> [String: Layout] {
    let result = try runProcess(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", Self.layoutScript, path])
    #expect(result.status == 0, "\(result.stderr)")
    return try JSONDecoder().decode([String: Layout].self, from: Data(result.stdout.utf8))
  }

  @Test(arguments: [14, 60])
  func noChartIsCutByAPageBreak(responses: Int) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let url = directory.url.appendingPathComponent("synthese.xlsx")
    try ReportFixture(count: responses).write(to: url)
    let sheets = try layout(url.path)
    let questions = try #require(sheets["Questions"])
    #expect(questions.anchors.count > 15)
    #expect(!questions.breaks.isEmpty, "a long sheet of charts gets page breaks")
    for (name, sheet) in sheets where !sheet.anchors.isEmpty {
      #expect(sheet.fitted, "\(name) prints one page wide")
      for anchor in sheet.anchors {
        let (first, last) = (anchor[0], anchor[1])
        let cutting = sheet.breaks.filter { first < $0 && $0 <= last }
        #expect(cutting.isEmpty, "\(name): the chart on rows \(first)–\(last) is cut at \(cutting)")
      }
    }
  }

  /// Each diverging chart has its points framed by two invisible series, the
  /// first and the last, and deletes exactly those from its legend: every
  /// point keeps its entry in Excel (legend entries count from the first
  /// series) and in LibreOffice (which counts them from the last on these
  /// reversed bar charts; `libreOfficeOpensIt` checks the rendering).
  @Test func divergingChartsKeepEveryPointInTheirLegend() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let url = directory.url.appendingPathComponent("synthese.xlsx")
    try ReportFixture().write(to: url)
    let dump = try WorkbookDump.read(url.path)
    let diverging = dump.chartXML.values.filter {
      $0.contains("<c:grouping val=\"stacked\"/>") && $0.contains("<c:barDir val=\"bar\"/>")
    }
    #expect(diverging.count > 5)
    for xml in diverging {
      let series = xml.components(separatedBy: "<c:ser>").count - 1
      let deleted = xml.components(separatedBy: "<c:legendEntry>").dropFirst().compactMap { entry -> Int? in
        guard entry.contains("<c:delete val=\"1\"/>"),
          let range = entry.range(of: #"<c:idx val="(\d+)"/>"#, options: .regularExpression)
        else { return nil }
        return Int(entry[range].filter(\.isNumber))
      }
      #expect(deleted.sorted() == [0, series - 1], "legend deletes \(deleted) of \(series) series")
    }
  }

  /// Report sheets keep their title (and their first table's header) in view.
  @Test func reportSheetsFreezeTheirHeaderRows() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let url = directory.url.appendingPathComponent("synthese.xlsx")
    try ReportFixture().write(to: url)
    let dump = try WorkbookDump.read(url.path)
    let expected = [
      "Synthèse": "A2", "Indicateurs": "A2", "Par outil": "A5", "Questions": "A2", "Croisements": "A6",
      "Verbatims": "A2", "Dictionnaire": "A2",
    ]
    for (sheet, freeze) in expected {
      #expect(dump[sheet]?.freeze == freeze, "\(sheet) freezes \(dump[sheet]?.freeze ?? "nothing")")
    }
  }
}
