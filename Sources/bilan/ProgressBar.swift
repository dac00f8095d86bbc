import Foundation

/// A progress bar on standard error, drawn only when it is a terminal and
/// the work is long enough to need one.
final class ProgressBar {
  private let total: Int
  private let visible: Bool
  private var lastPercent = -1

  init(total: Int) {
    self.total = total
    self.visible = isatty(STDERR_FILENO) == 1 && total >= 10_000
  }

  func update(_ done: Int) {
    guard visible else { return }
    let percent = total == 0 ? 100 : done * 100 / total
    guard percent != lastPercent else { return }
    lastPercent = percent
    let filled = percent / 5
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
    FileHandle.standardError.write(Data("\r\(bar) \(percent) % (\(done)/\(total))".utf8))
  }

  func finish() {
    if visible { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}
