/// Draws frames on the terminal, rewriting only the lines that changed.
///
/// Each frame is a list of lines as tall as the window; a line is written
/// with an absolute cursor position, then cleared to its end, so the
/// terminal never shows a half-updated line from a previous, wider frame.
public final class Painter {
  private let device: TerminalDevice
  public var palette: Palette
  private var previous: [StyledLine] = []
  private var previousSize = (columns: 0, rows: 0)

  public init(device: TerminalDevice, palette: Palette) {
    self.device = device
    self.palette = palette
  }

  /// Forgets what is on screen: the next frame is drawn whole.
  public func invalidate() { previous = [] }

  /// Clears the screen and the scrollback (`ESC[3J`) too, so that nothing of
  /// a previous participant's answers can be scrolled back to.
  public func wipe() {
    device.write("\u{1B}[H\u{1B}[2J\u{1B}[3J")
    previous = []
  }

  /// Draws `lines` (at most `rows` of them) and puts the cursor at `cursor`
  /// (0-based row, column) shown, or hides it.
  public func draw(_ lines: [StyledLine], size: (columns: Int, rows: Int), cursor: (row: Int, column: Int)?) {
    if size != previousSize {
      previous = []
      previousSize = size
      device.write("\u{1B}[H\u{1B}[2J")
    }
    var output = "\u{1B}[?25l"
    for row in 0..<size.rows {
      let line = row < lines.count ? lines[row] : StyledLine()
      if row < previous.count, previous[row] == line { continue }
      output += "\u{1B}[\(row + 1);1H" + palette.render(line) + "\u{1B}[K"
    }
    if let cursor {
      output += "\u{1B}[\(cursor.row + 1);\(cursor.column + 1)H\u{1B}[?25h"
    }
    device.write(output)
    previous = (0..<size.rows).map { $0 < lines.count ? lines[$0] : StyledLine() }
  }
}
