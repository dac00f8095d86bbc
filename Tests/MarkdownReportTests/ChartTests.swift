import Foundation
import Testing

@testable import MarkdownReport

@Suite struct ChartTests {
  let matrix = DivergingBarChart(
    title: "Utilité des temps de la journée <&>",
    pointLabels: ["Pas du tout utile", "Peu utile", "Moyennement utile", "Utile", "Très utile"],
    rows: [
      .init(label: "Décryptage", counts: [0, 1, 3, 6, 5]),
      .init(label: "Focus sur les pratiques", counts: [1, 0, 2, 4, 8]),
      .init(label: "Projection \"chez soi\"", counts: [0, 0, 0, 0, 0]),
    ],
    language: .french)

  @Test func divergingBarsAreWellFormedAndDescribed() throws {
    let svg = matrix.render()
    let parsed = try parseSVG(svg)
    #expect(parsed.title == "Utilité des temps de la journée <&>")
    #expect(parsed.desc.contains("Décryptage — Pas du tout utile 0\u{202F}%, Peu utile 7\u{202F}%"))
    #expect(parsed.desc.contains("(n\u{00A0}=\u{00A0}15)"))
    #expect(svg.contains("aria-labelledby=\"chart-title chart-desc\""))
    #expect(svg.contains("xml:lang=\"fr\""))
  }

  @Test func theNeutralPointIsSplitAcrossTheAxis() throws {
    // One row, 2 answers per point on a 3-point scale: the middle third is
    // centred on the axis, so the bar spans the same width on both sides.
    let chart = DivergingBarChart(
      title: "t", pointLabels: ["a", "b", "c"], rows: [.init(label: "r", counts: [2, 2, 2])],
      language: .english)
    let svg = chart.render()
    let centre = (DivergingBarChart.plotLeft + DivergingBarChart.plotRight) / 2
    let rects = try rectangles(svg).filter {
      $0.fill.hasPrefix("url(#p") && $0.height == DivergingBarChart.barHeight
    }
    #expect(rects.count == 3)
    let neutral = try #require(rects.first { $0.fill == "url(#p1)" })
    #expect(abs(neutral.x + neutral.width / 2 - centre) < 0.1)
    #expect(
      abs(rects[0].x + rects[0].width + rects[1].width + rects[2].width - (rects[2].x + rects[2].width)) < 0.2
    )
  }

  @Test func eachPointHasItsOwnPatternSoGreyscaleStillReads() {
    let styles = DivergingBarChart.styles(points: 5)
    #expect(styles.map(\.kind) == [.hatched, .hatched, .dotted, .solid, .solid])
    #expect(Set(styles.map(\.colour)).count == 5)
    let even = DivergingBarChart.styles(points: 4)
    #expect(even.map(\.kind) == [.hatched, .hatched, .solid, .solid])
  }

  @Test func barsWithWhiskersAreWellFormed() throws {
    let chart = HorizontalBarChart(
      title: "Valeur ajoutée par outil", measure: "Note moyenne sur 5",
      bars: [
        .init(
          label: "Plan de coopération", value: 4.1, interval: 3.6...4.6, valueText: "4,1",
          intervalText: "[3,6 ; 4,6]"),
        .init(label: "Convention d’articulation", value: 3.2, interval: 2.5...3.9, valueText: "3,2"),
      ],
      domain: 1...5, ticks: (1...5).map { (Double($0), "\($0)") }, language: .french)
    let svg = chart.render()
    let parsed = try parseSVG(svg)
    #expect(
      parsed.desc.hasPrefix("Note moyenne sur 5. Plan de coopération\u{00A0}: 4,1 (intervalle à 95\u{202F}%"))
    #expect(svg.contains("intervalle de confiance à 95\u{202F}%."))
    // The whisker of the first bar goes from 3.6 to 4.6 on a 1–5 axis.
    let plot = HorizontalBarChart.plotRight - HorizontalBarChart.plotLeft
    let low = HorizontalBarChart.plotLeft + (3.6 - 1) / 4 * plot
    #expect(svg.contains("x1=\"\(SVGDocument.number(low))\""))
  }

  @Test func renderingTwiceGivesTheSameBytes() {
    #expect(matrix.render() == matrix.render())
  }

  @Test func coordinatesHaveOneFixedDecimal() {
    #expect(SVGDocument.number(12) == "12")
    #expect(SVGDocument.number(12.25) == "12.3")
    #expect(SVGDocument.number(-0.04) == "0")
    #expect(SVGDocument.number(-3.55) == "-3.6")
  }

  /// A label is wrapped at spaces, never cut: every word is still there.
  @Test func labelsAreWrappedNeverCut() {
    let label = "Lisibilité et crédibilité auprès des financeurs, y compris européens et nationaux"
    let lines = SVGDocument.wrap(label, width: 120, size: 12)
    #expect(lines.count > 2)
    #expect(lines.joined(separator: " ") == label)
    #expect(lines.allSatisfy { $0.count <= Int(120 / (12 * 0.58)) })
    #expect(!lines.contains { $0.contains("…") })
    #expect(SVGDocument.wrap("Court", width: 120, size: 12) == ["Court"])
    // A word longer than a line is broken with a hyphen, nothing dropped.
    let long = SVGDocument.wrap("Anticonstitutionnellement", width: 60, size: 12)
    #expect(long.joined().replacingOccurrences(of: "-", with: "") == "Anticonstitutionnellement")
  }

  /// The `rect` elements of `svg`, read with a regular expression.
  func rectangles(_ svg: String) throws -> [(x: Double, width: Double, height: Double, fill: String)] {
    let pattern = try NSRegularExpression(
      pattern:
        "<rect x=\"([-0-9.]+)\" y=\"[-0-9.]+\" width=\"([0-9.]+)\" height=\"([0-9.]+)\" fill=\"([^\"]+)\"")
    let range = NSRange(svg.startIndex..., in: svg)
    return pattern.matches(in: svg, range: range).map { match in
      func group(_ index: Int) -> String { String(svg[Range(match.range(at: index), in: svg)!]) }
      return (Double(group(1))!, Double(group(2))!, Double(group(3))!, group(4))
    }
  }
}
