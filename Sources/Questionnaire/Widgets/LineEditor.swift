import BilanBase

/// Editing of a text answer on whole characters (grapheme clusters): an
/// accented letter typed as two scalars, or an emoji, is one step of the
/// cursor and one Backspace.
public struct LineEditor: Sendable, Hashable {
  public private(set) var text: String
  /// Characters before the cursor.
  public private(set) var cursor: Int
  public var maxLength: Int
  /// Whether Enter and pasted newlines make new lines (long_text).
  public var multiline: Bool

  public init(text: String = "", maxLength: Int, multiline: Bool = false) {
    self.text = text
    self.cursor = text.count
    self.maxLength = maxLength
    self.multiline = multiline
  }

  public var count: Int { text.count }

  /// Inserts `inserted` at the cursor, cut to what `maxLength` still allows.
  /// Returns false when something had to be cut.
  @discardableResult
  public mutating func insert(_ inserted: String) -> Bool {
    var inserted = inserted
    if !multiline {
      inserted = inserted.replacingOccurrences(of: "\r\n", with: " ")
        .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    } else {
      inserted = inserted.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
        of: "\r", with: "\n")
    }
    inserted = String(inserted.unicodeScalars.filter { $0.value != 0 })
    let before = String(text.prefix(cursor))
    let after = String(text.dropFirst(cursor))
    var combined = before + inserted
    var complete = true
    // A combining mark joins the character before the cursor: count the result.
    while combined.count + after.count > maxLength, combined.count > before.count {
      combined.removeLast()
      complete = false
    }
    text = combined + after
    cursor = combined.count
    return complete
  }

  /// Applies an editing key; returns false when the key is not an editing key.
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let character): insert(String(character))
    case .paste(let pasted): insert(pasted)
    case .backspace:
      guard cursor > 0 else { return true }
      let before = text.prefix(cursor - 1)
      text = String(before) + text.dropFirst(cursor)
      cursor -= 1
    case .delete:
      if cursor < text.count { text = String(text.prefix(cursor)) + text.dropFirst(cursor + 1) }
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(text.count, cursor + 1)
    case .home, .control("a"):
      cursor = multiline ? lineStart() : 0
    case .end, .control("e"):
      cursor = multiline ? lineEnd() : text.count
    case .control("u"):
      let start = multiline ? lineStart() : 0
      text = String(text.prefix(start)) + text.dropFirst(cursor)
      cursor = start
    case .control("k"):
      let end = multiline ? lineEnd() : text.count
      text = String(text.prefix(cursor)) + text.dropFirst(end)
    case .control("w"):
      var start = cursor
      let characters = Array(text)
      while start > 0, characters[start - 1] == " " { start -= 1 }
      while start > 0, characters[start - 1] != " ", characters[start - 1] != "\n" { start -= 1 }
      text = String(characters[..<start]) + String(characters[cursor...])
      cursor = start
    case .up where multiline: moveVertically(-1)
    case .down where multiline: moveVertically(1)
    default: return false
    }
    return true
  }

  private func lineStart() -> Int {
    let characters = Array(text)
    var index = cursor
    while index > 0, characters[index - 1] != "\n" { index -= 1 }
    return index
  }

  private func lineEnd() -> Int {
    let characters = Array(text)
    var index = cursor
    while index < characters.count, characters[index] != "\n" { index += 1 }
    return index
  }

  private mutating func moveVertically(_ direction: Int) {
    let start = lineStart()
    let column = cursor - start
    let characters = Array(text)
    if direction < 0 {
      guard start > 0 else { return }
      var previousStart = start - 1
      while previousStart > 0, characters[previousStart - 1] != "\n" { previousStart -= 1 }
      cursor = min(previousStart + column, start - 1)
    } else {
      let end = lineEnd()
      guard end < characters.count else { return }
      var nextEnd = end + 1
      while nextEnd < characters.count, characters[nextEnd] != "\n" { nextEnd += 1 }
      cursor = min(end + 1 + column, nextEnd)
    }
  }

  /// The text laid out in rows of `width` cells, wrapped at spaces (a word
  /// longer than a row is broken anywhere), with the cursor's row and column.
  /// The text is shown cleaned of escape sequences and controls.
  public func layout(width: Int) -> (rows: [String], cursorRow: Int, cursorColumn: Int) {
    let width = max(2, width - 1)  // one cell kept for the cursor after the last character
    let characters = Array(text)
    let shown = TextSanitizer.shownCharacters(characters)
    let cells = shown.map { DisplayWidth.width(of: $0) }
    // Each row is a range of character indices; a newline ends its row.
    var rows: [Range<Int>] = []
    var start = 0
    var used = 0
    var lastSpace: Int? = nil
    var index = 0
    while index < characters.count {
      if shown[index] == "\n" {
        rows.append(start..<(index + 1))
        start = index + 1
        used = 0
        lastSpace = nil
        index += 1
        continue
      }
      if used + cells[index] > width && index > start {
        if let space = lastSpace, space >= start, space + 1 < index + 1, space + 1 > start {
          rows.append(start..<(space + 1))
          start = space + 1
        } else {
          rows.append(start..<index)
          start = index
        }
        used = (start..<index).reduce(0) { $0 + cells[$1] }
        lastSpace = nil
        continue
      }
      if shown[index] == " " { lastSpace = index }
      used += cells[index]
      index += 1
    }
    rows.append(start..<characters.count)
    var cursorRow = rows.count - 1
    var cursorColumn = 0
    for (rowIndex, range) in rows.enumerated() {
      let endsWithNewline = range.upperBound > range.lowerBound && shown[range.upperBound - 1] == "\n"
      let isLast = rowIndex == rows.count - 1
      if cursor >= range.lowerBound && (cursor < range.upperBound || (isLast && cursor == range.upperBound))
        && !(endsWithNewline && cursor == range.upperBound - 1 + 1)
      {
        cursorRow = rowIndex
        cursorColumn = (range.lowerBound..<cursor).reduce(0) { $0 + (shown[$1] == "\n" ? 0 : cells[$1]) }
        break
      }
    }
    let texts = rows.map { range in range.map { shown[$0] == "\n" ? "" : shown[$0] }.joined() }
    return (texts, cursorRow, cursorColumn)
  }
}
