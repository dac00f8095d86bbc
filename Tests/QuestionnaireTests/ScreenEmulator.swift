import BilanBase
import Questionnaire

/// A small VT100/xterm screen: enough of the protocol to know what a person
/// would see. Handles cursor positioning (CUP, CUU/CUD/CUF/CUB), erasing
/// (ED 0–3, EL 0–2), the alternate screen (1049), line feeds with scrolling,
/// wide characters (two cells) and UTF-8 split across reads; SGR and other
/// modes are accepted and ignored.
struct ScreenEmulator {
  private(set) var columns: Int
  private(set) var rows: Int
  private var cells: [[String]]
  private var savedMain: [[String]]? = nil
  private(set) var cursorRow = 0
  private(set) var cursorColumn = 0
  private(set) var cursorVisible = true
  /// How many times the scrollback was cleared (`ESC[3J`).
  private(set) var scrollbackClears = 0
  private(set) var alternateScreen = false
  private var pending: [UInt8] = []

  init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
    cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
  }

  /// The screen as text, one line per row, trailing spaces removed.
  var text: String {
    cells.map { row in
      var line = row.joined()
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }

  func line(_ row: Int) -> String {
    var line = cells[row].joined()
    while line.last == " " { line.removeLast() }
    return line
  }

  mutating func resize(columns: Int, rows: Int) {
    var resized = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    for row in 0..<min(rows, self.rows) {
      for column in 0..<min(columns, self.columns) { resized[row][column] = cells[row][column] }
    }
    cells = resized
    self.columns = columns
    self.rows = rows
    cursorRow = min(cursorRow, rows - 1)
    cursorColumn = min(cursorColumn, columns - 1)
  }

  mutating func feed(_ bytes: [UInt8]) {
    pending += bytes
    var index = 0
    while index < pending.count {
      let byte = pending[index]
      if byte == 0x1B {
        guard let length = escapeLength(from: index) else { break }
        apply(escape: Array(pending[index..<(index + length)]))
        index += length
        continue
      }
      if byte < 0x20 || byte == 0x7F {
        control(byte)
        index += 1
        continue
      }
      let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
      guard index + length <= pending.count else { break }
      put(String(decoding: pending[index..<(index + length)], as: UTF8.self))
      index += length
    }
    pending.removeFirst(index)
  }

  /// Length of the escape sequence at `start`, or nil when incomplete.
  private func escapeLength(from start: Int) -> Int? {
    guard start + 1 < pending.count else { return nil }
    let introducer = pending[start + 1]
    if introducer == 0x5B {
      var index = start + 2
      while index < pending.count {
        if (0x40...0x7E).contains(pending[index]) { return index - start + 1 }
        index += 1
      }
      return nil
    }
    if introducer == 0x5D {
      var index = start + 2
      while index < pending.count {
        if pending[index] == 0x07 { return index - start + 1 }
        if pending[index] == 0x1B, index + 1 < pending.count, pending[index + 1] == 0x5C {
          return index - start + 2
        }
        index += 1
      }
      return nil
    }
    return 2
  }

  private mutating func apply(escape bytes: [UInt8]) {
    guard bytes.count > 2, bytes[1] == 0x5B else { return }
    let final = bytes[bytes.count - 1]
    var body = String(decoding: bytes[2..<(bytes.count - 1)], as: UTF8.self)
    let isPrivate = body.hasPrefix("?")
    if isPrivate { body.removeFirst() }
    let numbers = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
    func number(_ index: Int, _ fallback: Int) -> Int {
      index < numbers.count ? (numbers[index] ?? fallback) : fallback
    }
    switch final {
    case UInt8(ascii: "H"), UInt8(ascii: "f"):
      cursorRow = max(0, min(rows - 1, number(0, 1) - 1))
      cursorColumn = max(0, min(columns - 1, number(1, 1) - 1))
    case UInt8(ascii: "A"): cursorRow = max(0, cursorRow - max(1, number(0, 1)))
    case UInt8(ascii: "B"): cursorRow = min(rows - 1, cursorRow + max(1, number(0, 1)))
    case UInt8(ascii: "C"): cursorColumn = min(columns - 1, cursorColumn + max(1, number(0, 1)))
    case UInt8(ascii: "D"): cursorColumn = max(0, cursorColumn - max(1, number(0, 1)))
    case UInt8(ascii: "J"):
      switch number(0, 0) {
      case 0:
        clear(row: cursorRow, from: cursorColumn)
        for row in (cursorRow + 1)..<rows { clear(row: row, from: 0) }
      case 1:
        for row in 0..<cursorRow { clear(row: row, from: 0) }
      case 2: for row in 0..<rows { clear(row: row, from: 0) }
      case 3: scrollbackClears += 1
      default: break
      }
    case UInt8(ascii: "K"):
      switch number(0, 0) {
      case 0: clear(row: cursorRow, from: cursorColumn)
      case 1: for column in 0...cursorColumn { cells[cursorRow][column] = " " }
      default: clear(row: cursorRow, from: 0)
      }
    case UInt8(ascii: "h") where isPrivate:
      if number(0, 0) == 1049 {
        savedMain = cells
        alternateScreen = true
        for row in 0..<rows { clear(row: row, from: 0) }
      }
      if number(0, 0) == 25 { cursorVisible = true }
    case UInt8(ascii: "l") where isPrivate:
      if number(0, 0) == 1049, let saved = savedMain {
        cells = saved.count == rows && saved.first?.count == columns ? saved : cells
        savedMain = nil
        alternateScreen = false
      }
      if number(0, 0) == 25 { cursorVisible = false }
    default: break
    }
  }

  private mutating func clear(row: Int, from column: Int) {
    guard row >= 0 && row < rows else { return }
    for index in max(0, column)..<columns { cells[row][index] = " " }
  }

  private mutating func control(_ byte: UInt8) {
    switch byte {
    case 0x0D: cursorColumn = 0
    case 0x0A: lineFeed()
    case 0x08: cursorColumn = max(0, cursorColumn - 1)
    case 0x09: cursorColumn = min(columns - 1, (cursorColumn / 8 + 1) * 8)
    default: break
    }
  }

  private mutating func lineFeed() {
    if cursorRow == rows - 1 {
      cells.removeFirst()
      cells.append(Array(repeating: " ", count: columns))
    } else {
      cursorRow += 1
    }
  }

  private mutating func put(_ text: String) {
    for character in text {
      let width = DisplayWidth.width(of: character)
      if width == 0 {
        if cursorColumn > 0 { cells[cursorRow][cursorColumn - 1] += String(character) }
        continue
      }
      if cursorColumn + width > columns {
        cursorColumn = 0
        lineFeed()
      }
      cells[cursorRow][cursorColumn] = String(character)
      if width == 2, cursorColumn + 1 < columns { cells[cursorRow][cursorColumn + 1] = "" }
      cursorColumn = min(columns, cursorColumn + width)
      if cursorColumn >= columns { cursorColumn = columns - 1 }
    }
  }
}
