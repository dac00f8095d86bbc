import Aggregation

/// A diverging stacked bar chart of one scale question or of the rows of a
/// matrix: for each row, the share of each scale point, unfavourable points
/// to the left of the axis and favourable ones to the right; the neutral
/// middle point of an odd scale is split half on each side.
///
/// Readable without colour: the unfavourable side is hatched, the neutral
/// dotted, the favourable solid, in light-to-dark steps; every segment wide
/// enough carries its percentage, and the legend repeats the pattern beside
/// each point's label.
public struct DivergingBarChart: Sendable {
  public struct Row: Sendable, Hashable {
    public var label: String
    /// Answers per scale point, lowest point first (not-applicable excluded).
    public var counts: [Int]

    public init(label: String, counts: [Int]) {
      self.label = label
      self.counts = counts
    }

    var total: Int { counts.reduce(0, +) }
  }

  public var title: String
  /// The labels of the scale points, lowest first.
  public var pointLabels: [String]
  public var rows: [Row]
  public var language: ReportLanguage
  /// What the chart rests on, under the title (“14 réponses”).
  public var caption: String?

  public init(
    title: String, pointLabels: [String], rows: [Row], language: ReportLanguage, caption: String? = nil
  ) {
    self.title = title
    self.pointLabels = pointLabels
    self.rows = rows
    self.language = language
    self.caption = caption
  }

  static let width = 760.0
  static let labelWidth = 210.0
  static let plotLeft = 230.0
  static let plotRight = 690.0
  static let rowHeight = 34.0
  static let barHeight = 22.0

  /// The SVG document.
  public func render() -> String {
    let typography = Typography(language)
    let points = pointLabels.count
    let middle = points / 2
    let hasNeutral = points % 2 == 1
    var document = SVGDocument(width: Self.width, height: 100)
    let styles = Self.styles(points: points)
    for (index, style) in styles.enumerated() {
      document.define(style.pattern(id: "p\(index)"))
    }

    // Title.
    var y = 24.0
    for line in SVGDocument.wrap(title, width: Self.width - 20, size: 15) {
      document.text(line, x: 10, y: y, size: 15, weight: "bold")
      y += 19
    }

    if let caption {
      for line in SVGDocument.wrap(caption, width: Self.width - 20, size: 11) {
        document.text(line, x: 10, y: y + 2, size: 11, fill: "#333333")
        y += 15
      }
    }

    // Legend: one swatch and label per point, wrapped over lines.
    y += 4
    var x = 10.0
    for (index, label) in pointLabels.enumerated() {
      let itemWidth = 22 + SVGDocument.textWidth(label, size: 11) + 16
      if x + itemWidth > Self.width - 10, x > 10 {
        x = 10
        y += 20
      }
      document.rect(x: x, y: y, width: 16, height: 14, fill: "url(#p\(index))", extra: Self.outline)
      document.text(label, x: x + 22, y: y + 11, size: 11)
      x += itemWidth
    }
    y += 30

    // Scale: each side extends to the largest side rounded up to 25 %.
    let shares = rows.map { row -> [Double] in
      let total = Double(row.total)
      return row.counts.map { total > 0 ? Double($0) / total : 0 }
    }
    func sides(_ share: [Double]) -> (left: Double, right: Double) {
      var left = share.prefix(middle).reduce(0, +)
      var right = share.suffix(middle).reduce(0, +)
      if hasNeutral {
        left += share[middle] / 2
        right += share[middle] / 2
      }
      return (left, right)
    }
    let extent = max(0.25, (shares.map { max(sides($0).left, sides($0).right) }.max() ?? 0.25))
    let limit = min(1, (extent * 4).rounded(.up) / 4)
    let centre = (Self.plotLeft + Self.plotRight) / 2
    let halfWidth = (Self.plotRight - Self.plotLeft) / 2
    func position(_ share: Double) -> Double { centre + share / limit * halfWidth }

    // Grid and axis labels.
    let plotTop = y
    // Each row as tall as its label's lines need: labels are wrapped, never cut.
    let labels = rows.map { SVGDocument.wrap($0.label, width: Self.labelWidth, size: 12) }
    let heights = labels.map { max(Self.rowHeight, Double($0.count) * 14 + 8) }
    let plotBottom = y + heights.reduce(0, +)
    let steps = Int((limit * 4).rounded())
    for step in -steps...steps {
      let share = Double(step) / 4
      let gx = position(share)
      document.line(
        x1: gx, y1: plotTop - 4, x2: gx, y2: plotBottom, stroke: step == 0 ? "#000000" : "#bbbbbb",
        width: step == 0 ? 1.5 : 0.5)
      document.text(typography.percent(abs(share)), x: gx, y: plotBottom + 16, size: 10, anchor: "middle")
    }

    // Bars.
    var rowTop = plotTop
    for (rowIndex, row) in rows.enumerated() {
      let top = rowTop + (heights[rowIndex] - Self.barHeight) / 2
      rowTop += heights[rowIndex]
      let labelLines = labels[rowIndex]
      let firstBaseline = top + Self.barHeight / 2 + 4 - Double(labelLines.count - 1) * 7
      for (lineIndex, line) in labelLines.enumerated() {
        document.text(
          line, x: Self.labelWidth + 10, y: firstBaseline + Double(lineIndex) * 14, size: 12, anchor: "end")
      }
      let share = shares[rowIndex]
      var cursor = centre - (sides(share).left / limit * halfWidth)
      for (pointIndex, value) in share.enumerated() {
        let segment = value / limit * halfWidth
        document.rect(
          x: cursor, y: top, width: segment, height: Self.barHeight, fill: "url(#p\(pointIndex))",
          extra: Self.outline)
        // The percentage as every report rounds it: each share on its own.
        let text =
          typography.integer(Rounding.percent(row.counts[pointIndex], of: row.total)) + typography.percentSign
        if segment >= SVGDocument.textWidth(text, size: 10) + 6 {
          document.text(
            text, x: cursor + segment / 2, y: top + Self.barHeight / 2 + 4, size: 10, anchor: "middle",
            fill: styles[pointIndex].textColour, halo: styles[pointIndex].needsHalo)
        }
        cursor += segment
      }
      document.text(
        "n\u{00A0}=\u{00A0}\(typography.integer(row.total))", x: Self.plotRight + 8, y: top + 15, size: 10)
    }

    // Which side is which.
    let footer = plotBottom + 36
    let (unfavourable, favourable) =
      language == .french ? ("← défavorable", "favorable →") : ("← unfavourable", "favourable →")
    document.text(unfavourable, x: Self.plotLeft, y: footer, size: 11, fill: "#333333")
    document.text(favourable, x: Self.plotRight, y: footer, size: 11, anchor: "end", fill: "#333333")
    document.setHeight(footer + 14)
    return document.render(title: title, description: description, language: language)
  }

  /// The chart in words: for each row, the share of each point.
  public var description: String {
    let typography = Typography(language)
    let intro =
      language == .french
      ? "Répartition des réponses, en pourcentage des répondants de chaque ligne. "
      : "Distribution of answers, as a percentage of each row’s respondents. "
    let parts = rows.map { row -> String in
      let values = zip(pointLabels, row.counts).map { label, count in
        "\(label) \(typography.integer(Rounding.percent(count, of: row.total)))\(typography.percentSign)"
      }
      return
        "\(row.label) — \(values.joined(separator: ", ")) (n\u{00A0}=\u{00A0}\(typography.integer(row.total)))"
    }
    return intro + parts.joined(separator: typography.semicolon) + "."
  }

  static let outline = " stroke=\"#333333\" stroke-width=\"0.75\""

  /// The fill of each point: hatched below the middle, dotted in the middle,
  /// solid above, darker towards the ends.
  struct Style {
    enum Kind { case hatched, dotted, solid }
    var kind: Kind
    var colour: String
    var ink: String

    func pattern(id: String) -> String {
      switch kind {
      case .hatched:
        return "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
          + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"\(colour)\"/>"
          + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(ink)\" stroke-width=\"2\"/></pattern>"
      case .dotted:
        return "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\">"
          + "<rect width=\"5\" height=\"5\" fill=\"\(colour)\"/>"
          + "<circle cx=\"2.5\" cy=\"2.5\" r=\"0.8\" fill=\"\(ink)\"/></pattern>"
      case .solid:
        return "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\">"
          + "<rect width=\"4\" height=\"4\" fill=\"\(colour)\"/></pattern>"
      }
    }

    var textColour: String { kind == .solid && colour == Self.darkBlue ? "#ffffff" : "#000000" }
    var needsHalo: Bool { kind != .solid || colour != Self.darkBlue }

    static let darkBlue = "#1f4e79"
  }

  /// Styles for a scale of `points` points, lowest first: the extremes
  /// darkest, three steps per side at most.
  static func styles(points: Int) -> [Style] {
    let middle = points / 2
    let negativeColours = ["#c65911", "#f4b183", "#fbe5d6"]
    let negativeInks = ["#3d1a04", "#8a4513", "#c98a62"]
    let positiveColours = [Style.darkBlue, "#5b9bd5", "#bdd7ee"]
    func shade(_ stepFromEnd: Int) -> Int { middle <= 3 ? stepFromEnd : stepFromEnd * 3 / middle }
    return (0..<points).map { index in
      if points % 2 == 1 && index == middle {
        return Style(kind: .dotted, colour: "#e7e6e6", ink: "#595959")
      }
      if index < middle {
        let step = shade(index)
        return Style(kind: .hatched, colour: negativeColours[step], ink: negativeInks[step])
      }
      let step = shade(points - 1 - index)
      return Style(kind: .solid, colour: positiveColours[step], ink: positiveColours[step])
    }
  }
}
