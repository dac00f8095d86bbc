import BilanBase

/// How a span of text is drawn. Colour is never the only cue: every state
/// also has its marker (● ○ ☑ ☐ ›) or its words.
public enum TextStyle: Sendable, Hashable {
  case plain
  case bold
  /// Decoration only (separators): faint where the terminal allows it, so
  /// never used for words a participant needs to read.
  case dim
  /// What helps to answer (the keys' actions, scale ends, counters): the
  /// terminal's normal intensity, readable on any screen and with `NO_COLOR`.
  case hint
  /// A key name in the footer and in messages: bold, coloured when allowed.
  case key
  /// The title and the progress bar.
  case accent
  /// A neutral notice: what was just saved, what a key waits for.
  case notice
  /// A chosen answer.
  case chosen
  /// The line under the cursor.
  case cursor
  case error
}

/// One line of a screen: spans of text with their style. Text is already
/// cleaned of controls and fits the width it was rendered for.
public struct StyledLine: Sendable, Hashable {
  public var spans: [(text: String, style: TextStyle)]

  public init(_ text: String = "", _ style: TextStyle = .plain) {
    spans = text.isEmpty ? [] : [(text, style)]
  }

  public init(spans: [(String, TextStyle)]) {
    self.spans = spans.map { (text: $0.0, style: $0.1) }
  }

  public static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
    lhs.spans.count == rhs.spans.count
      && zip(lhs.spans, rhs.spans).allSatisfy { $0.text == $1.text && $0.style == $1.style }
  }

  public func hash(into hasher: inout Hasher) {
    for span in spans {
      hasher.combine(span.text)
      hasher.combine(span.style)
    }
  }

  /// The text without styles, as a snapshot or a screen reader sees it.
  public var text: String { spans.map(\.text).joined() }

  public var width: Int { DisplayWidth.width(of: text) }

  public mutating func append(_ text: String, _ style: TextStyle = .plain) {
    guard !text.isEmpty else { return }
    spans.append((text, style))
  }
}

/// How styles become escape sequences: with colours, without (`NO_COLOR`),
/// or with none at all.
public struct Palette: Sendable {
  public var colours: Bool

  public init(colours: Bool) { self.colours = colours }

  /// Colours unless `NO_COLOR` is set (to anything) or `TERM` is `dumb`.
  public static func fromEnvironment(_ environment: [String: String]) -> Palette {
    let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    return Palette(colours: !noColour && environment["TERM"] != "dumb")
  }

  /// SGR sequence opening `style` (attributes always; colours only when allowed).
  func sequence(_ style: TextStyle) -> String {
    switch style {
    case .plain: return ""
    case .bold: return "\u{1B}[1m"
    case .dim: return colours ? "\u{1B}[2m" : ""
    case .hint: return ""
    case .key: return colours ? "\u{1B}[1;36m" : "\u{1B}[1m"
    case .accent: return colours ? "\u{1B}[36m" : ""
    case .notice: return colours ? "\u{1B}[32m" : ""
    case .chosen: return colours ? "\u{1B}[1;32m" : "\u{1B}[1m"
    case .cursor: return "\u{1B}[7m"
    case .error: return colours ? "\u{1B}[1;31m" : "\u{1B}[1m"
    }
  }

  public func render(_ line: StyledLine) -> String {
    var result = ""
    for span in line.spans {
      let open = sequence(span.style)
      result += open + span.text + (open.isEmpty ? "" : "\u{1B}[0m")
    }
    return result
  }
}
