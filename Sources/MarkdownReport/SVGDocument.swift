/// A small SVG writer with the invariants every chart of the synthesis keeps:
/// a `<title>` and a `<desc>` referenced by `aria-labelledby`, the language in
/// `xml:lang`, text XML-escaped and cleaned of control characters, and
/// coordinates written with one fixed decimal so the same figures always give
/// the same bytes.
struct SVGDocument {
  let width: Double
  private(set) var height: Double
  private var definitions: [String] = []
  private var body: [String] = []

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  mutating func setHeight(_ value: Double) { height = value }

  mutating func define(_ element: String) { definitions.append(element) }

  mutating func append(_ element: String) { body.append(element) }

  /// `<rect>`; `extra` is raw attributes the caller built with `attribute`.
  mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "") {
    guard width > 0, height > 0 else { return }
    body.append(
      "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" "
        + "height=\"\(Self.number(height))\" fill=\"\(Self.escape(fill))\"\(extra)/>")
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double, extra: String = ""
  ) {
    body.append(
      "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" "
        + "y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(extra)/>")
  }

  /// `<text>`; `anchor` is `start`, `middle` or `end`.
  mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
    weight: String? = nil, fill: String = "#000000", halo: Bool = false
  ) {
    var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
    if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
    if let weight { attributes += " font-weight=\"\(weight)\"" }
    attributes += " fill=\"\(fill)\""
    if halo { attributes += " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" }
    body.append("<text \(attributes)>\(Self.escape(content))</text>")
  }

  /// The whole document, ending with a newline.
  func render(title: String, description: String, language: ReportLanguage) -> String {
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(Self.number(width))\" "
        + "height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
        + "role=\"img\" aria-labelledby=\"chart-title chart-desc\" xml:lang=\"\(language.code)\" "
        + "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">",
      "<title id=\"chart-title\">\(Self.escape(title))</title>",
      "<desc id=\"chart-desc\">\(Self.escape(description))</desc>",
    ]
    if !definitions.isEmpty {
      lines.append("<defs>")
      lines += definitions
      lines.append("</defs>")
    }
    lines.append(
      "<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#ffffff\"/>"
    )
    lines += body
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: Formatting

  /// A coordinate with at most one decimal, `.` as separator, no `-0`.
  static func number(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
    if tenths == 0 { return "0" }
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }

  /// Text for XML content or attributes: control characters removed, white
  /// space collapsed, `& < > " '` as entities.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in MarkdownText.collapseWhitespace(MarkdownText.removingControlCharacters(text)) {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default: result.append(character)
      }
    }
    return result
  }

  /// An estimate of the width of `text` at `size` in a sans-serif font, for
  /// layout only (wrapping labels, deciding whether a value fits in a bar).
  static func textWidth(_ text: String, size: Double) -> Double {
    Double(text.count) * size * 0.58
  }

  /// `text` broken into lines of at most `width` points, at spaces: every
  /// word is kept (a label is never cut mid-phrase); a single word longer
  /// than a line is broken with a hyphen.
  static func wrap(_ text: String, width: Double, size: Double) -> [String] {
    let maxCharacters = max(4, Int(width / (size * 0.58)))
    var lines: [String] = []
    var current = ""
    let words = MarkdownText.collapseWhitespace(MarkdownText.removingControlCharacters(text))
      .split(separator: " ")
    for piece in words {
      var word = String(piece)
      while word.count > maxCharacters {
        if !current.isEmpty {
          lines.append(current)
          current = ""
        }
        lines.append(String(word.prefix(maxCharacters - 1)) + "-")
        word = String(word.dropFirst(maxCharacters - 1))
      }
      let candidate = current.isEmpty ? word : current + " " + word
      if candidate.count <= maxCharacters {
        current = candidate
      } else {
        lines.append(current)
        current = word
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}
