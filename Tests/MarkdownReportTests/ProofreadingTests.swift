import Foundation
import TestSupport
import Testing

@testable import MarkdownReport

/// Both example syntheses (`Reports/example/`, French, and
/// `Reports/example/en/`, English) read sentence by sentence: no
/// placeholder, no straight apostrophe, no sentence opening with a digit, no
/// missing no-break space, no interval outside its scale.
@Suite struct ProofreadingTests {
  static let examples: [(path: String, language: ReportLanguage)] = [
    ("Reports/example/synthese.md", .french), ("Reports/example/en/synthesis.md", .english),
  ]

  @Test(arguments: examples.map(\.path))
  func theExampleSynthesisReadsAsWrittenByAPerson(path: String) throws {
    let language = Self.examples.first { $0.path == path }!.language
    let text = try String(contentsOfFile: Repository.path(path), encoding: .utf8)
    let problems = try Proofreader(language: language).problems(in: text)
    #expect(problems.isEmpty, "\(path):\n\(problems.joined(separator: "\n"))")
    // The charts' titles and descriptions too.
    let folder = URL(fileURLWithPath: Repository.path(path)).deletingLastPathComponent()
      .appendingPathComponent("figures")
    let charts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".svg")
    }
    #expect(!charts.isEmpty)
    for chart in charts {
      let svg = try String(contentsOf: folder.appendingPathComponent(chart), encoding: .utf8)
      let (title, desc) = try parseSVG(svg)
      for piece in [title, desc] {
        let problems = Proofreader(language: language).problems(
          in: Proofreader.Unit(kind: .alt, text: piece, context: ""))
        #expect(problems.isEmpty, "\(chart): \(problems)")
      }
    }
  }

  /// The proofreader itself finds each fault (a check that cannot fail
  /// proves nothing).
  @Test func theProofreaderCatchesEachFault() throws {
    let french = Proofreader(language: .french)
    let faults = [
      ("- **Valeur.** L'outil est bon.", "straight apostrophe"),
      ("- **Valeur.** Question sur l’outil «\u{00A0}…\u{00A0}».", "placeholder"),
      ("- **Valeur.** Bien. 4 répondants sur 14 le disent.", "sentence opening with a digit"),
      ("- **Valeur.** Parmi eux, 9 (64 %) le disent.", "missing no-break space"),
      ("- **Valeur.** Moyenne 4,0 (14 réponses, n = 14).", "n = without no-break spaces"),
      (
        "| Indicateur | Résultat | Intervalle |\n| --- | --- | --- |\n| Note (sur 5) | 5,0 | \\[4,8\u{202F}; 5,2\\] |",
        "outside its scale"
      ),
      (
        "**Q\u{00A0}?** Note moyenne de 4,0 sur 5 (intervalle à 95\u{202F}%\u{00A0}: de 3,5 à 5,2).",
        "outside its scale"
      ),
      ("- «\u{00A0}A\u{00A0}»\u{00A0}: 3,0 (de 3,5 à 4,0), 10 réponses.", "value outside its interval"),
    ]
    for (text, kind) in faults {
      let problems = try french.problems(in: text)
      #expect(problems.contains { $0.contains(kind) }, "\(kind) not caught in \(text): \(problems)")
    }
    let english = Proofreader(language: .english)
    #expect(
      try english.problems(in: "Of them, 9 (64 %) agree.").contains { $0.contains("English typography") })
    #expect(
      try english.problems(in: "Average score 4.0 out of 5 (95% interval: 4.5 to 5.2).").contains {
        $0.contains("outside its scale")
      })
    #expect(
      try french.problems(in: "- «\u{00A0}A\u{00A0}»\u{00A0}: 4,0 (de 3,5 à 4,5), 10 réponses.").isEmpty)
  }
}
