import BilanBase

/// What a screen draws: lines for the window, and where the text cursor
/// stands when a text field has the focus.
public struct ScreenFrame: Sendable, Equatable {
  public var lines: [StyledLine]
  public var cursor: Cursor?

  public struct Cursor: Sendable, Equatable {
    public var row: Int
    public var column: Int
  }

  public init(lines: [StyledLine], cursor: Cursor? = nil) {
    self.lines = lines
    self.cursor = cursor
  }

  /// The frame as plain text, one line per row, trailing spaces removed: what
  /// a snapshot or a screen reader sees.
  public var text: String {
    lines.map { line in
      var text = line.text
      while text.last == " " { text.removeLast() }
      return text
    }.joined(separator: "\n")
  }
}

/// A screen of the questionnaire: pure rendering of state for a window size.
public protocol Screen {
  func render(width: Int, height: Int) -> ScreenFrame
}

/// The page margins shared by every screen: two cells left and right.
enum Margin {
  static let left = 2
  static let indent = "  "

  /// The width left for content.
  static func content(_ width: Int) -> Int { max(10, width - 2 * left) }
}

/// A keys hint: the key, then what it does.
struct KeyHint {
  var key: String
  var action: String
  /// 1: always shown; 2 and 3 give way, 3 first, when the footer has too
  /// few lines (a small window). The help screen lists every key.
  var priority: Int

  init(_ key: String, _ action: String, priority: Int = 1) {
    self.key = key
    self.action = action
    self.priority = priority
  }
}

/// The footer: key hints separated by " · ", wrapped to the width without
/// splitting a hint, in at most `maxLines` lines: the hints of lowest
/// priority are left out until it fits.
func footerLines(_ hints: [KeyHint], width: Int, maxLines: Int) -> [StyledLine] {
  var kept = hints
  var lines = footerLines(kept, width: width)
  for level in [3, 2] where lines.count > maxLines {
    kept.removeAll { $0.priority >= level }
    lines = footerLines(kept, width: width)
  }
  return lines
}

/// The footer: key hints separated by " · ", wrapped to the width without
/// splitting a hint.
func footerLines(_ hints: [KeyHint], width: Int) -> [StyledLine] {
  let available = Margin.content(width)
  var lines: [StyledLine] = []
  var line = StyledLine(Margin.indent)
  var used = 0
  for hint in hints {
    let hintWidth =
      DisplayWidth.width(of: hint.key) + (hint.action.isEmpty ? 0 : 1 + DisplayWidth.width(of: hint.action))
    if used > 0 && used + 3 + hintWidth > available {
      lines.append(line)
      line = StyledLine(Margin.indent)
      used = 0
    }
    if used > 0 {
      line.append(" · ", .dim)
      used += 3
    }
    line.append(hint.key, .key)
    if !hint.action.isEmpty { line.append(" " + hint.action, .hint) }
    used += hintWidth
  }
  if used > 0 { lines.append(line) }
  return lines
}

/// `text` wrapped to the content width, each line indented by the margin.
func paragraph(_ text: String, width: Int, style: TextStyle = .plain, extraIndent: Int = 0) -> [StyledLine] {
  let available = Margin.content(width) - extraIndent
  let pad = Margin.indent + String(repeating: " ", count: extraIndent)
  return TextLayout.wrap(text, width: available).map { StyledLine(pad + $0, style) }
}

/// A window of `height` lines out of `lines`, keeping line `focus` in view,
/// with "↑ n more above" / "↓ n more below" markers in place of hidden lines.
/// `rowOfFirst` is the row at which `lines[0]` would stand (negative when
/// scrolled), to place a cursor.
///
/// `items`, when given, says which item each line belongs to, so that the
/// markers count items (a review entry of two lines is one answer).
///
/// `wholeItems`: an item is shown whole or not at all (a review entry's
/// answer never stands without its question).
func scrolled(
  _ lines: [StyledLine], focus: Int, height: Int, words: ToolText, width: Int, items: [Int]? = nil,
  wholeItems: Bool = false
) -> (lines: [StyledLine], rowOfFirst: Int) {
  guard lines.count > height else { return (lines, 0) }
  guard height >= 3 else {
    let start = max(0, min(focus, lines.count - max(1, height)))
    return (Array(lines[start..<min(lines.count, start + max(0, height))]), -start)
  }
  let focus = max(0, min(focus, lines.count - 1))
  // Centre the focus, but never leave the bottom of the window empty.
  var start = max(0, min(focus - (height - 2) / 2, lines.count - (height - 1)))
  var end = 0
  while true {
    let above = start > 0 ? 1 : 0
    end = min(lines.count, start + height - above)
    if end < lines.count { end -= 1 }
    if focus >= end && start < focus {
      start += 1
      continue
    }
    break
  }
  if wholeItems, let items, items.count == lines.count {
    while start > 0, start < focus, items[start] >= 0, items[start - 1] == items[start] { start += 1 }
    while end < lines.count, end - 1 > focus, items[end - 1] >= 0, items[end] == items[end - 1] { end -= 1 }
  }
  var hiddenAbove = start
  var hiddenBelow = lines.count - end
  if let items, items.count == lines.count {
    // Lines of no item (negative) are not counted.
    let visible = Set(items[start..<end])
    hiddenAbove = Set(items[0..<start].filter { $0 >= 0 }).subtracting(visible).count
    hiddenBelow = Set(items[end...].filter { $0 >= 0 }).subtracting(visible).count
  }
  var result: [StyledLine] = []
  // A count of 0 means only text goes on out of view (a grid's legend, the rest of a label).
  if start > 0 {
    result.append(
      rightAligned(
        hiddenAbove > 0 ? words.moreAbove(hiddenAbove) : words.textAbove, width: width, style: .hint))
  }
  result.append(contentsOf: lines[start..<end])
  if end < lines.count {
    result.append(
      rightAligned(
        hiddenBelow > 0 ? words.moreBelow(hiddenBelow) : words.textBelow, width: width, style: .hint))
  }
  return (result, (start > 0 ? 1 : 0) - start)
}

/// A line with `text` against the right margin.
func rightAligned(_ text: String, width: Int, style: TextStyle) -> StyledLine {
  let cells = DisplayWidth.width(of: text)
  let pad = max(0, width - Margin.left - cells)
  return StyledLine(spans: [(String(repeating: " ", count: pad), .plain), (text, style)])
}
