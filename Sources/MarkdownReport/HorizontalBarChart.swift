/// Horizontal bars, one per item, each with its value written at its end and,
/// when given, its 95 % interval drawn as a whisker: the tools compared on a
/// figure, or the obstacles ranked by Borda score.
///
/// Readable without colour: bars are a mid grey-blue with a dark outline,
/// whiskers black with end caps, values printed in full.
public struct HorizontalBarChart: Sendable {
  public struct Bar: Sendable, Hashable {
    public var label: String
    public var value: Double
    /// The 95 % interval, if the figure has one.
    public var interval: ClosedRange<Double>?
    /// The value as the report writes it (`3,8`, `80 %`).
    public var valueText: String
    /// The interval as the report writes it, for the description.
    public var intervalText: String?

    public init(
      label: String, value: Double, interval: ClosedRange<Double>? = nil, valueText: String,
      intervalText: String? = nil
    ) {
      self.label = label
      self.value = value
      self.interval = interval
      self.valueText = valueText
      self.intervalText = intervalText
    }
  }

  public var title: String
  /// One sentence saying what the bars measure, e.g. “Note moyenne sur 5”.
  public var measure: String
  public var bars: [Bar]
  /// The axis: from `domain.lowerBound` to `domain.upperBound`.
  public var domain: ClosedRange<Double>
  /// Tick values and how they are written.
  public var ticks: [(value: Double, label: String)]
  public var language: ReportLanguage
  /// What the bars rest on, printed under the title: “n = 13 à 14”.
  public var caption: String?
  /// A target drawn as a dashed vertical line, with how it is written (`≥ 80 %`).
  public var target: (value: Double, label: String)?

  public init(
    title: String, measure: String, bars: [Bar], domain: ClosedRange<Double>,
    ticks: [(value: Double, label: String)], language: ReportLanguage, caption: String? = nil,
    target: (value: Double, label: String)? = nil
  ) {
    self.title = title
    self.measure = measure
    self.bars = bars
    self.domain = domain
    self.ticks = ticks
    self.language = language
    self.caption = caption
    self.target = target
  }

  static let width = 760.0
  static let labelWidth = 240.0
  static let plotLeft = 260.0
  static let plotRight = 660.0
  static let rowHeight = 34.0
  static let barHeight = 20.0

  /// The SVG document.
  public func render() -> String {
    var document = SVGDocument(width: Self.width, height: 100)
    var y = 24.0
    for line in SVGDocument.wrap(title, width: Self.width - 20, size: 15) {
      document.text(line, x: 10, y: y, size: 15, weight: "bold")
      y += 19
    }
    for line in SVGDocument.wrap(
      measure + (caption.map { " · " + $0 } ?? ""), width: Self.width - 20, size: 11)
    {
      document.text(line, x: 10, y: y + 2, size: 11, fill: "#333333")
      y += 15
    }
    y += 7

    let span = max(domain.upperBound - domain.lowerBound, 1e-9)
    func position(_ value: Double) -> Double {
      let clamped = min(max(value, domain.lowerBound), domain.upperBound)
      return Self.plotLeft + (clamped - domain.lowerBound) / span * (Self.plotRight - Self.plotLeft)
    }
    let plotTop = y
    // Each row as tall as its label's lines need: labels are wrapped, never cut.
    let labels = bars.map { SVGDocument.wrap($0.label, width: Self.labelWidth, size: 12) }
    let heights = labels.map { max(Self.rowHeight, Double($0.count) * 14 + 8) }
    let plotBottom = y + heights.reduce(0, +)
    for tick in ticks {
      let x = position(tick.value)
      document.line(x1: x, y1: plotTop - 4, x2: x, y2: plotBottom, stroke: "#bbbbbb", width: 0.5)
      document.text(tick.label, x: x, y: plotBottom + 16, size: 10, anchor: "middle")
    }
    document.line(
      x1: Self.plotLeft, y1: plotTop - 4, x2: Self.plotLeft, y2: plotBottom, stroke: "#000000", width: 1)

    var rowTop = plotTop
    for (index, bar) in bars.enumerated() {
      let top = rowTop + (heights[index] - Self.barHeight) / 2
      rowTop += heights[index]
      let middle = top + Self.barHeight / 2
      let labelLines = labels[index]
      let firstBaseline = middle + 4 - Double(labelLines.count - 1) * 7
      for (lineIndex, line) in labelLines.enumerated() {
        document.text(
          line, x: Self.labelWidth + 10, y: firstBaseline + Double(lineIndex) * 14, size: 12, anchor: "end")
      }
      let end = position(bar.value)
      document.rect(
        x: Self.plotLeft, y: top, width: end - Self.plotLeft, height: Self.barHeight, fill: "#8eaadb",
        extra: " stroke=\"#1f3864\" stroke-width=\"1\"")
      var labelX = end
      if let interval = bar.interval {
        let low = position(interval.lowerBound)
        let high = position(interval.upperBound)
        document.line(x1: low, y1: middle, x2: high, y2: middle, stroke: "#000000", width: 1.5)
        document.line(x1: low, y1: middle - 6, x2: low, y2: middle + 6, stroke: "#000000", width: 1.5)
        document.line(x1: high, y1: middle - 6, x2: high, y2: middle + 6, stroke: "#000000", width: 1.5)
        labelX = max(labelX, high)
      }
      document.text(bar.valueText, x: labelX + 6, y: middle + 4, size: 11, weight: "bold")
    }
    if let target {
      let x = position(target.value)
      document.line(
        x1: x, y1: plotTop - 8, x2: x, y2: plotBottom + 2, stroke: "#c00000", width: 1.5,
        extra: " stroke-dasharray=\"5 3\"")
      let note = (language == .french ? "objectif " : "target ") + target.label
      document.text(note, x: x, y: plotTop - 11, size: 10, anchor: "middle", fill: "#c00000", halo: true)
    }
    var footer = plotBottom + 22
    if bars.contains(where: { $0.interval != nil }) {
      let note =
        language == .french
        ? "Trait horizontal : intervalle de confiance à 95 %." : "Horizontal line: 95% confidence interval."
      document.text(
        Typography(language).punctuate(note), x: Self.plotLeft, y: footer + 14, size: 10, fill: "#333333")
      footer += 14
    }
    document.setHeight(footer + 12)
    return document.render(title: title, description: description, language: language)
  }

  /// The chart in words: each bar's label, value and interval, in order.
  public var description: String {
    let typography = Typography(language)
    let parts = bars.map { bar -> String in
      var text = "\(bar.label)\(typography.colon)\(bar.valueText)"
      if let interval = bar.intervalText {
        text +=
          language == .french
          ? " (intervalle à 95\(typography.percentSign)\(typography.colon)\(interval))"
          : " (95% interval \(interval))"
      }
      return text
    }
    var text =
      measure + (caption.map { " (" + $0 + ")" } ?? "") + ". " + parts.joined(separator: typography.semicolon)
      + "."
    if let target {
      text += (language == .french ? " Objectif\(typography.colon)" : " Target: ") + target.label + "."
    }
    return text
  }
}
