import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Thirteen responses to the post-event template whose free text is hostile
/// (formulas, Markdown and HTML, escape sequences, emails and phone numbers)
/// and whose roles leave two groups below `min_group_size` (3): elected
/// officials (2) and "other" (1).
struct HostileDataset {
  static let survey = Repository.path("Surveys/post-event-template.yaml")
  static let payloads = [
    #"=HYPERLINK("http://evil.example/","clic")"#, "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\tTAB",
    "<script>alert(1)</script>", "**gras** [lien](http://evil.example/) <img src=x onerror=alert(1)>",
    "\u{1B}[31mrouge\u{1B}]0;PWNED\u{07}", "ecrivez a jean.dupont@example.org svp",
    "appelez le 06 12 34 56 78",
    "ou +33 6 12 34 56 79", "# Titre | a | b |", "merci",
  ]
  /// Contact data and personal data written in free text: never in a report.
  static let secrets = [
    "secret@example.org", "jean.dupont@example.org", "06 12 34 56 78", "+33 6 12 34 56 79", "0612345678",
  ]

  let directory: TemporaryDirectory
  var store: String { directory.path("responses.sqlite") }

  init() throws {
    directory = try TemporaryDirectory("bilan-hostile-report")
    let roles =
      Array(repeating: "agent", count: 7) + Array(repeating: "societe_civile", count: 3) + [
        "elu", "elu", "autre",
      ]
    var lines: [String] = []
    for (index, role) in roles.enumerated() {
      var answers: [String: Any] = [
        "role": role, "satisfaction": index % 5 + 1, "objectifs.comprendre": index % 5 + 1,
        "objectifs.echanger": 3, "objectifs.pistes": 4, "recommandation": index % 11,
        "a_retenir": Self.payloads[index],
        "ameliorations": Self.payloads[(index + 3) % 13] + "\n\n<div>bloc</div>\n\n1. liste",
        "suivi": index % 2 == 0,
      ]
      if index % 2 == 0 { answers["email"] = "contact\(index).secret@example.org" }
      let object: [String: Any] = [
        "id": "5e000000-0000-4000-8000-\(String(format: "%012d", index))", "survey": "post-event-template",
        "survey_version": 1, "status": "complete", "language": "fr",
        "started_at": String(format: "2026-01-01T10:%02d:00Z", index),
        "submitted_at": String(format: "2026-01-01T10:%02d:30Z", index), "answers": answers,
      ]
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      lines.append(String(decoding: data, as: UTF8.self))
    }
    let file = directory.path("hostile.jsonl")
    try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
    let result = try runBilan(["import", Self.survey, file, "--store", store])
    guard result.status == 0 else { throw ImportFailed(message: result.stderr) }
  }

  /// `bilan report` into `output`.
  func report(into output: String, environment: [String: String] = [:]) throws -> CommandResult {
    try runBilan(
      ["report", Self.survey, "--store", store, "--output", output], environment: environment)
  }
}

struct ImportFailed: Error {
  var message: String
}

/// Every file under `folder`, recursively, by relative path.
func filesUnder(_ folder: String) -> [String] {
  guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
  var files: [String] = []
  while let name = enumerator.nextObject() as? String {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
    if exists && !isDirectory.boolValue { files.append(name) }
  }
  return files.sorted()
}

@Suite struct ReportSafetyTests {
  /// Formulas stay text in the workbook (openpyxl: data type `s`, no formula
  /// anywhere holds participant text); the synthesis has no HTML, link,
  /// image or heading from participant text (markdown-it-py tokens); no
  /// output file and no `stats` output holds an ESC byte.
  @Test func participantTextIsNeverCodeInReports() throws {
    let data = try HostileDataset()
    defer { data.directory.remove() }
    let output = data.directory.path("out")
    let result = try data.report(into: output)
    try #require(result.status == 0, "\(result.stderr)")
    let files = filesUnder(output)
    let workbook = try #require(files.first { $0.hasSuffix(".xlsx") })
    let check = try python(
      #"""
      import openpyxl, sys, zipfile
      payloads = ['HYPERLINK', "cmd|", 'SUM(1,2)', '-2+3', 'TAB']
      wb = openpyxl.load_workbook(sys.argv[1])
      found = 0
      for ws in wb.worksheets:
          for row in ws.iter_rows():
              for c in row:
                  if not isinstance(c.value, str): continue
                  if any(p in c.value for p in payloads):
                      if c.data_type != 's': print('NOT TEXT', ws.title, c.coordinate, c.data_type, repr(c.value))
                      else: found += 1
                  if c.data_type == 'f' and any(p in c.value for p in payloads):
                      print('FORMULA', ws.title, c.coordinate, repr(c.value))
      z = zipfile.ZipFile(sys.argv[1])
      for name in z.namelist():
          if b'\x1b' in z.read(name): print('ESC in', name)
      print('FOUND', found)
      """#, [output + "/" + workbook])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(
      !check.stdout.contains("NOT TEXT") && !check.stdout.contains("FORMULA")
        && !check.stdout.contains("ESC"), "\(check.stdout)")
    #expect(
      check.stdout.contains("FOUND") && !check.stdout.contains("FOUND 0"),
      "the payloads are in the workbook, as text")

    for markdown in files.filter({ $0.hasSuffix(".md") }) {
      let tokens = try python(
        #"""
        import sys
        from markdown_it import MarkdownIt
        md = MarkdownIt('commonmark').enable('table')
        text = open(sys.argv[1], encoding='utf-8').read()
        def walk(tokens):
            for t in tokens:
                yield t
                if t.children: yield from walk(t.children)
        for t in walk(md.parse(text)):
            if t.type in ('html_block', 'html_inline'): print('HTML', repr(t.content))
            if t.type in ('link_open', 'image'):
                target = t.attrs.get('href') or t.attrs.get('src') or ''
                if not target.startswith('figures/'): print('LINK', t.attrs)
            if t.type == 'heading_open' and 'Titre' in (t.map and text.splitlines()[t.map[0]] or ''): print('HEADING')
            if t.type in ('strong_open',) and 'gras' in text: pass
        if '\x1b' in text: print('ESC')
        """#, [output + "/" + markdown])
      #expect(tokens.status == 0, "\(tokens.stderr)")
      #expect(tokens.stdout.isEmpty, "\(markdown): \(tokens.stdout)")
      let text = try String(contentsOfFile: output + "/" + markdown, encoding: .utf8)
      #expect(text.contains("alert(1)"), "\(markdown): the hostile quotes are there, as text")
    }
    for file in files where !file.hasSuffix(".xlsx") {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: output + "/" + file))
      #expect(!bytes.contains(0x1B), "\(file) holds an ESC byte")
      if !file.hasSuffix(".md") {
        #expect(!String(decoding: bytes, as: UTF8.self).contains("<script"), "\(file)")
      }
    }
    for format in ["table", "json"] {
      let stats = try runBilan(["stats", HostileDataset.survey, "--store", data.store, "--format", format])
      #expect(stats.status == 0, "\(stats.stderr)")
      #expect(!stats.stdout.utf8.contains(0x1B) && !stats.stderr.utf8.contains(0x1B), "stats \(format)")
    }
  }

  /// The CSV export prefixes text cells that a spreadsheet would run
  /// (`= + - @`, tab) with `'`, and importing the file gives the texts back exactly.
  @Test func csvExportDefusesFormulasAndRoundTrips() throws {
    let data = try HostileDataset()
    defer { data.directory.remove() }
    let csv = data.directory.path("export.csv")
    let export = try runBilan([
      "export", HostileDataset.survey, "--store", data.store, "--format", "csv", "--output", csv,
    ])
    try #require(export.status == 0, "\(export.stderr)")
    let cells = try python(
      #"""
      import csv, sys
      rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
      for r in rows:
          for k in ('a_retenir', 'ameliorations'):
              v = r[k]
              if v and v[0] in '=+-@\t\r': print('BARE', k, repr(v))
      print(sum(1 for r in rows if r['a_retenir'].startswith("'")))
      """#, [csv])
    #expect(cells.status == 0, "\(cells.stderr)")
    #expect(cells.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "5", "\(cells.stdout)")
    let copy = data.directory.path("copy.sqlite")
    // With the contacts: the emails are required where `suivi` is true.
    let full = data.directory.path("full.csv")
    let exportAll = try runBilan([
      "export", HostileDataset.survey, "--store", data.store, "--format", "csv", "--include-contacts",
      "--output", full,
    ])
    try #require(exportAll.status == 0, "\(exportAll.stderr)")
    let back = try runBilan(["import", HostileDataset.survey, full, "--store", copy])
    #expect(back.status == 0, "\(back.stderr)")
    let original = try storedResponses(data.store, survey: "post-event-template").sorted {
      $0.id.uuidString < $1.id.uuidString
    }
    let copied = try storedResponses(copy, survey: "post-event-template").sorted {
      $0.id.uuidString < $1.id.uuidString
    }
    #expect(copied.map { $0.answers["a_retenir"] } == original.map { $0.answers["a_retenir"] })
  }

  /// Emails (the contact question's and those written in free text) and
  /// phone numbers appear in no report, no stats output, no export without
  /// `--include-contacts`; the contact emails do appear with it.
  @Test func noContactDataInReports() throws {
    let data = try HostileDataset()
    defer { data.directory.remove() }
    let output = data.directory.path("out")
    try #require(try data.report(into: output).status == 0)
    var texts: [(String, String)] = []
    for file in filesUnder(output) {
      if file.hasSuffix(".xlsx") {
        let parts = try python(
          "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\nfor n in z.namelist(): print(z.read(n).decode('utf-8','replace'))",
          [output + "/" + file])
        texts.append((file, parts.stdout))
      } else {
        texts.append(
          (
            file,
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: output + "/" + file)), as: UTF8.self)
          ))
      }
    }
    for format in ["table", "json"] {
      texts.append(
        (
          "stats \(format)",
          try runBilan(["stats", HostileDataset.survey, "--store", data.store, "--format", format]).stdout
        ))
    }
    let export = try runBilan(["export", HostileDataset.survey, "--store", data.store])
    texts.append(("export", export.stdout))
    #expect(texts.count >= 4, "the workbook, stats table and JSON, the export")
    for (name, text) in texts {
      for secret in HostileDataset.secrets where name != "export" || secret == "secret@example.org" {
        #expect(!text.contains(secret), "\(name) holds \(secret)")
      }
    }
    let withContacts = try runBilan([
      "export", HostileDataset.survey, "--store", data.store, "--include-contacts",
    ])
    #expect(withContacts.stdout.contains("contact0.secret@example.org"))
  }

  /// No group below `min_group_size` (3) is published: the workbook's
  /// indicator and breakdown sheets, the synthesis tables, stats JSON and table.
  @Test func noBreakdownCellBelowK() throws {
    let data = try HostileDataset()
    defer { data.directory.remove() }
    let output = data.directory.path("out")
    try #require(try data.report(into: output).status == 0)
    let workbook = try #require(filesUnder(output).first { $0.hasSuffix(".xlsx") })
    let cells = try python(
      #"""
      import openpyxl, sys
      wb = openpyxl.load_workbook(sys.argv[1])
      small = ('Élu(e)', 'Autre')
      for ws in wb.worksheets:
          rows = list(ws.iter_rows(values_only=True))
          for i, row in enumerate(rows):
              for j, v in enumerate(row):
                  if not isinstance(v, str): continue
                  # A group column header: every cell below it is hidden.
                  if any(v.startswith(s + '\n') for s in small):
                      for below in rows[i + 1:]:
                          if j < len(below) and isinstance(below[j], (int, float)): print('CELL', ws.title, v, below[j])
                  # A group row of the indicator table: no value, interval or n.
                  if ws.title == 'Indicateurs' and v in small:
                      if any(isinstance(x, (int, float)) for x in row[j + 1:]): print('ROW', ws.title, row)
      """#, [output + "/" + workbook])
    #expect(cells.status == 0, "\(cells.stderr)")
    #expect(cells.stdout.isEmpty, "\(cells.stdout)")

    for markdown in filesUnder(output).filter({ $0.hasSuffix(".md") }) {
      let text = try String(contentsOfFile: output + "/" + markdown, encoding: .utf8)
      let tables = text.split(separator: "\n").filter { $0.hasPrefix("|") }.map {
        $0.split(separator: "|", omittingEmptySubsequences: false).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
      }
      for (index, header) in tables.enumerated() {
        for (column, name) in header.enumerated() where name == "Élu(e)" || name == "Autre" {
          let rows = tables[(index + 1)...].prefix(while: { $0.count == header.count })
          for row in rows where row.count > column {
            let cell = row[column]
            #expect(
              cell == name || cell == "\\< 3" || cell.allSatisfy { "-| ".contains($0) },
              "\(markdown): \(cell)")
          }
        }
      }
    }

    let json = try runBilan(["stats", HostileDataset.survey, "--store", data.store, "--format", "json"])
    try #require(json.status == 0, "\(json.stderr)")
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    var suppressed = 0
    for row in rows {
      guard let group = row["group"] as? [String: Any] else { continue }
      if row["suppressed"] as? Bool == true {
        suppressed += 1
        #expect(row["n"] == nil && row["value"] == nil && row["ci_low"] == nil, "\(row)")
      } else {
        #expect((row["n"] as? Int ?? 0) >= 3, "\(row)")
        #expect(!["elu", "autre"].contains(group["role"] as? String), "\(row)")
      }
    }
    #expect(suppressed >= 6, "elected officials and others hidden in each indicator")
    let table = try runBilan(["stats", HostileDataset.survey, "--store", data.store])
    for line in table.stdout.split(separator: "\n") where line.contains("Élu(e)") || line.hasPrefix("  Autre")
    {
      #expect(!line.contains(where: { $0.isNumber && $0 != "3" }), "\(line)")
    }
  }
}
