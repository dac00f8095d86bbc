import Foundation
import TestSupport
import Testing

@Suite struct DemoTests {
  /// The committed example is exactly what `bilan demo` writes today
  /// (re-record it on purpose with `make example`).
  @Test func theCommittedExampleIsWhatTheDemoWritesToday() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let result = try runBilan(["demo", "--output", directory.path("out")], currentDirectory: Repository.root)
    #expect(result.status == 0, "\(result.stderr)")
    let english = try runBilan(
      ["demo", "--output", directory.path("out/en"), "--lang", "en"], currentDirectory: Repository.root)
    #expect(english.status == 0, "\(english.stderr)")
    let example = Repository.root.appendingPathComponent("Reports/example")
    let produced = try files(under: directory.url.appendingPathComponent("out")).filter {
      !$0.hasSuffix("responses.sqlite") && !$0.contains("responses.sqlite-")
    }
    let committed = try files(under: example)
    #expect(produced == committed, "run `make example` after a deliberate change of the reports")
    for name in committed where produced.contains(name) {
      let expected = try Data(contentsOf: example.appendingPathComponent(name))
      let actual = try Data(contentsOf: directory.url.appendingPathComponent("out/\(name)"))
      #expect(
        actual == expected, "\(name) differs from Reports/example/\(name): run `make example` on purpose")
    }
  }

  /// Run from outside the repository: the reference survey built into bilan is used.
  @Test func theDemoPrintsWhereTheReportsAreAndTheHeadlineFigures() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let out = directory.path("out")
    let result = try runBilan(
      ["demo", "--output", out, "--responses", "12", "--seed", "9"], currentDirectory: directory.url)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasSuffix("synthetic responses in \(out)/responses.sqlite") == true)
    #expect(lines.contains("\(out)/synthese.xlsx"))
    #expect(lines.contains("\(out)/synthese.md"))
    #expect(lines.contains { $0.hasPrefix("Réponses\u{00A0}: ") && $0.contains("complètes sur 15 inscrits") })
    #expect(
      lines.contains { $0.hasPrefix("Participants satisfaits ou très satisfaits de la journée\u{00A0}: ") })
    #expect(lines.contains { $0.hasPrefix("Recommandation de la journée") })
  }

  @Test func theSameSeedGivesTheSameBytesAndEnglishWorks() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    for run in ["a", "b"] {
      let result = try runBilan(
        ["demo", "--output", directory.path(run), "--lang", "en", "--responses", "30"],
        currentDirectory: Repository.root)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("Responses: "))
    }
    for name in ["synthesis.md", "synthesis.xlsx"] {
      let a = try Data(contentsOf: directory.url.appendingPathComponent("a/\(name)"))
      let b = try Data(contentsOf: directory.url.appendingPathComponent("b/\(name)"))
      #expect(a == b, "\(name)")
    }
  }

  @Test func theDemoNeverReplacesAStoreWithRealResponses() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = directory.path("real.sqlite")
    let answers = directory.path("answers.json")
    try Data(#"{"role":"elu","structure":"commune"}"#.utf8).write(to: URL(fileURLWithPath: answers))
    let ask = try runBilan(
      [
        "ask", Repository.path("Surveys/cooperation-pelussin-2015.yaml"), "--store", store, "--answers",
        answers,
      ])
    #expect(ask.status == 0, "\(ask.stderr)")
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let demo = try runBilan(
      ["demo", "--store", store, "--output", directory.path("out")], currentDirectory: Repository.root)
    #expect(demo.status == 1)
    #expect(demo.stderr.contains("holds real responses"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
  }

  /// One rounding rule for every report: each percentage of a scale's
  /// distribution reads the same in the workbook (its Questions table) and
  /// in the synthesis's chart (the SVG's description), the example's
  /// 4 of 14 being 29 % in both (it was 28 % in one, 29 % in the other).
  @Test func theExampleRoundsEachPercentageTheSameWayEverywhere() throws {
    let script = #"""
      import sys, json, re, glob, openpyxl
      import xml.etree.ElementTree as ET
      folder = sys.argv[1]
      ws = openpyxl.load_workbook(folder + "/synthese.xlsx")["Questions"]
      rows = [[c.value for c in row] for row in ws.iter_rows()]
      def block(title):
          """The first answer row, and the columns of counts and shares, of the chart titled `title`."""
          for i, r in enumerate(rows):
              if isinstance(r[0], str) and r[0].endswith(" — " + title):
                  return i + 3, 1, 2
          # A question of a loop: one block, its items side by side (“ITEM\nEffectif”, “%”).
          for item in re.findall(r"«\s*(.+?)\s*»", title):
              bare = re.sub(r" «\s*" + re.escape(item) + r"\s*»", "", title).replace("\u00a0", " ")
              for i, r in enumerate(rows[2:], start=2):
                  heading = rows[i - 2][0]
                  if not (isinstance(heading, str) and heading.replace("\u00a0", " ").endswith(" — " + bare)):
                      continue
                  for j, cell in enumerate(r):
                      if isinstance(cell, str) and cell.startswith(item + "\n"):
                          return i + 1, j, j + 1
          return None
      compared, mismatches = 0, []
      for path in sorted(glob.glob(folder + "/figures/question-*.svg")):
          root = ET.parse(path).getroot()
          ns = "{http://www.w3.org/2000/svg}"
          title, desc = root.find(ns + "title").text, root.find(ns + "desc").text
          if "Ensemble des répondants — " not in desc:
              continue
          svg = dict((label.strip(), int(value)) for label, value in
                     re.findall(r"(?:— |, )([^,—]+?) (\d+)\s*%", desc.split("Ensemble des répondants")[1]))
          found = block(title)
          if found is None:
              mismatches.append((title, "no table"))
              continue
          start, _, share_column = found
          for r in rows[start:]:
              label, share = r[0], r[share_column] if share_column < len(r) else None
              if label is None or not isinstance(share, (int, float)):
                  break
              if label not in svg:
                  continue
              compared += 1
              if svg[label] != round(share * 100):
                  mismatches.append((title, label, svg[label], share))
      json.dump({"compared": compared, "mismatches": mismatches}, sys.stdout)
      """#
    let result = try runProcess(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, Repository.path("Reports/example")])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect((report?["compared"] as? Int ?? 0) > 20)
    #expect((report?["mismatches"] as? [Any])?.isEmpty == true, "\(report?["mismatches"] ?? "")")
  }

  @Test func outOfRangeCountsAreUsageErrors() throws {
    let result = try runBilan(["demo", "--responses", "0"], currentDirectory: Repository.root)
    #expect(result.status == 2)
    #expect(result.stderr.contains("between 1 and 1000000"))
  }

  private func files(under root: URL) throws -> [String] {
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    var names: [String] = []
    while let url = enumerator?.nextObject() as? URL {
      if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        names.append(String(url.path.dropFirst(root.path.count + 1)))
      }
    }
    return names.sorted()
  }
}
