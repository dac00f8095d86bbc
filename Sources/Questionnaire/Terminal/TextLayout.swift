import BilanBase

/// Wrapping and truncation by display width (cells), never splitting a
/// grapheme cluster.
public enum TextLayout {
  /// Lines of at most `width` cells, broken at spaces when possible, words
  /// longer than a line broken anywhere. Newlines in `text` start new lines.
  public static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(contentsOf: wrapParagraph(String(paragraph), width: width))
    }
    return lines
  }

  private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
      var word = Substring(word)
      var wordWidth = DisplayWidth.width(of: word)
      if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
        line += " " + word
        lineWidth += 1 + wordWidth
        continue
      }
      if lineWidth > 0 {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      while wordWidth > width {
        var head = ""
        var headWidth = 0
        var rest = word[...]
        while let character = rest.first, headWidth + DisplayWidth.width(of: character) <= width {
          head.append(character)
          headWidth += DisplayWidth.width(of: character)
          rest = rest.dropFirst()
        }
        if head.isEmpty, let character = rest.first {  // a wide character in a 1-cell line
          head.append(character)
          rest = rest.dropFirst()
        }
        lines.append(head)
        word = rest
        wordWidth = DisplayWidth.width(of: word)
      }
      line = String(word)
      lineWidth = wordWidth
    }
    lines.append(line)
    return lines
  }

  /// `text` cut to `width` cells, ending with "…" when something was cut.
  public static func truncate(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.width(of: text) <= width { return text }
    var result = ""
    var used = 0
    for character in text {
      let cells = DisplayWidth.width(of: character)
      if used + cells > width - 1 { break }
      result.append(character)
      used += cells
    }
    return result + "…"
  }

  /// `text` padded with spaces to exactly `width` cells (truncated when longer).
  public static func pad(_ text: String, width: Int) -> String {
    let truncated = truncate(text, width: width)
    return truncated + String(repeating: " ", count: max(0, width - DisplayWidth.width(of: truncated)))
  }
}
