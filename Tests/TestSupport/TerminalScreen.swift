/// A small VT100 model of what a terminal shows: enough of the escape
/// sequences a full-screen program writes (cursor positioning, erase in
/// line and display, colours and modes ignored) to know the text on each row.
///
/// It reads bytes as a terminal would, so a test can ask "does the screen
/// show this?" instead of searching the raw output.
public struct TerminalScreen: Sendable {
  public let columns: Int
  public let rows: Int
  private var cells: [[Character]]
  private var row = 0
  private var column = 0
  private var pending: [UInt8] = []
  /// Every byte received, for diagnostics.
  public private(set) var received: [UInt8] = []

  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
    cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
  }

  /// The text of every row, trailing blanks removed.
  public var lines: [String] {
    cells.map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
  }

  /// The whole screen, one row a line.
  public var text: String { lines.joined(separator: "\n") }

  /// Whether some row contains `fragment`.
  public func shows(_ fragment: String) -> Bool { lines.contains { $0.contains(fragment) } }

  /// Feeds bytes written by the program.
  public mutating func feed(_ bytes: some Sequence<UInt8>) {
    received.append(contentsOf: bytes)
    pending.append(contentsOf: bytes)
    var index = 0
    while index < pending.count {
      let consumed = step(at: index)
      if consumed == 0 { break }  // an incomplete sequence: wait for more bytes
      index += consumed
    }
    pending.removeFirst(index)
  }

  /// Interprets what starts at `index`; returns the bytes used, 0 when incomplete.
  private mutating func step(at index: Int) -> Int {
    let byte = pending[index]
    switch byte {
    case 0x1B: return escape(at: index)
    case 0x0D:
      column = 0
      return 1
    case 0x0A:
      lineFeed()
      return 1
    case 0x08:
      column = max(0, column - 1)
      return 1
    case 0x07, 0x00: return 1
    case 0x09:
      column = min(columns - 1, (column / 8 + 1) * 8)
      return 1
    case 0x01..<0x20, 0x7F: return 1
    default: return character(at: index)
    }
  }

  private mutating func lineFeed() {
    if row == rows - 1 {
      cells.removeFirst()
      cells.append(Array(repeating: " ", count: columns))
    } else {
      row += 1
    }
  }

  /// One UTF-8 encoded character (invalid bytes show as U+FFFD).
  private mutating func character(at index: Int) -> Int {
    let byte = pending[index]
    let length =
      byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
    guard index + length <= pending.count else { return 0 }
    let text = String(decoding: pending[index..<(index + length)], as: UTF8.self)
    for character in text { put(character) }
    return length
  }

  private mutating func put(_ character: Character) {
    if column >= columns {
      column = 0
      lineFeed()
    }
    cells[row][column] = character
    column += 1
  }

  /// ESC sequences: CSI (`ESC [`), OSC (`ESC ]` … BEL or ST), and two- or
  /// three-byte ones such as `ESC ( B` or `ESC 7`.
  private mutating func escape(at index: Int) -> Int {
    guard index + 1 < pending.count else { return 0 }
    let next = pending[index + 1]
    switch next {
    case UInt8(ascii: "["):
      var end = index + 2
      while end < pending.count, !(0x40...0x7E).contains(pending[end]) { end += 1 }
      guard end < pending.count else { return 0 }
      let parameters = String(decoding: pending[(index + 2)..<end], as: UTF8.self)
      control(final: pending[end], parameters: parameters)
      return end - index + 1
    case UInt8(ascii: "]"):
      var end = index + 2
      while end < pending.count {
        if pending[end] == 0x07 { return end - index + 1 }
        if pending[end] == 0x1B, end + 1 < pending.count, pending[end + 1] == UInt8(ascii: "\\") {
          return end - index + 2
        }
        end += 1
      }
      return 0
    case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "#"):
      return index + 2 < pending.count ? 3 : 0
    default:
      return 2
    }
  }

  private mutating func control(final: UInt8, parameters: String) {
    let isPrivate = parameters.hasPrefix("?")
    let numbers = parameters.drop { $0 == "?" }.split(separator: ";", omittingEmptySubsequences: false)
      .map { Int($0) }
    func number(_ position: Int, _ fallback: Int) -> Int {
      guard position < numbers.count, let value = numbers[position], value > 0 else { return fallback }
      return value
    }
    if isPrivate { return }  // modes: cursor shown, alternate screen, bracketed paste
    switch final {
    case UInt8(ascii: "H"), UInt8(ascii: "f"):
      row = min(rows - 1, number(0, 1) - 1)
      column = min(columns - 1, number(1, 1) - 1)
    case UInt8(ascii: "A"): row = max(0, row - number(0, 1))
    case UInt8(ascii: "B"): row = min(rows - 1, row + number(0, 1))
    case UInt8(ascii: "C"): column = min(columns - 1, column + number(0, 1))
    case UInt8(ascii: "D"): column = max(0, column - number(0, 1))
    case UInt8(ascii: "G"): column = min(columns - 1, number(0, 1) - 1)
    case UInt8(ascii: "K"):
      let mode = numbers.first.flatMap { $0 } ?? 0
      let range: Range<Int> =
        switch mode {
        case 1: 0..<min(columns, column + 1)
        case 2: 0..<columns
        default: min(column, columns)..<columns
        }
      for position in range { cells[row][position] = " " }
    case UInt8(ascii: "J"):
      let mode = numbers.first.flatMap { $0 } ?? 0
      switch mode {
      case 2, 3:
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
      case 1:
        for line in 0..<row { cells[line] = Array(repeating: " ", count: columns) }
        for position in 0...min(column, columns - 1) { cells[row][position] = " " }
      default:
        for position in min(column, columns)..<columns { cells[row][position] = " " }
        for line in (row + 1)..<rows { cells[line] = Array(repeating: " ", count: columns) }
      }
    default: break  // colours (m) and anything else that does not move text
    }
  }
}
