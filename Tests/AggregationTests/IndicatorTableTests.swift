import Aggregation
import BilanBase
import SurveyDefinition
import Testing

@Suite struct IndicatorTableTests {
  /// Group labels with accents, CJK characters and an emoji, and one with an
  /// escape sequence: every column starts at the same display column.
  @Test func columnsAlignByDisplayWidthAndEscapesAreStripped() throws {
    let survey = try Survey.load(
      yaml: """
        id: widths
        version: 1
        title: "Widths"
        languages: [en]
        privacy: {min_group_size: 1}
        sections:
          - id: s
            title: "S"
            questions:
              - id: team
                type: single
                label: "Team"
                choices:
                  - {code: a, label: "Équipe é"}
                  - {code: b, label: "東京チーム"}
                  - {code: c, label: "Team 🚀"}
                  - {code: d, label: "Evil \\u001b[31mred"}
              - {id: score, type: scale, min: 1, max: 5, label: "Score"}
        indicators:
          - {id: score, kind: mean, question: score}
        breakdowns: [team]
        """, file: "widths.yaml")
    let responses = ["a", "b", "c", "d", "a", "b", "c", "d"].enumerated().map { index, code in
      EngineFixture.response(
        index + 1, ["team": .code(code), "score": .integer(1 + index % 5)], survey: "widths")
    }
    let results = try Aggregator.results(survey: survey, responses: responses)
    let text = IndicatorTable.render(results)
    #expect(!text.unicodeScalars.contains("\u{1B}"))
    #expect(text.contains("Evil red"))
    let lines = text.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  Group") }
    #expect(lines.count == 5)
    // Known display widths (East Asian wide and emoji count 2): label + padding must be equal.
    let widths = ["All": 3, "Équipe é": 8, "東京チーム": 10, "Team 🚀": 7, "Evil red": 8]
    var columns = Set<Int>()
    for line in lines {
      let body = line.dropFirst(2)
      let label = try #require(widths.keys.first { body.hasPrefix($0) })
      let spaces = body.dropFirst(label.count).prefix { $0 == " " }.count
      columns.insert(widths[label]! + spaces)
    }
    #expect(columns.count == 1, "\(text)")
  }
}
