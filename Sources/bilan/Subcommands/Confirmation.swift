import ArgumentParser
import Foundation
import ResponseStore

/// The confirmation `delete` and `purge-contacts` ask before erasing.
enum Confirmation {
  /// Asks `question` on the terminal and returns when the answer is yes;
  /// throws exit 1 when declined, 2 when there is no terminal to ask on and
  /// `yes` was not given.
  static func ask(_ question: String, yes: Bool) throws {
    if yes { return }
    guard isatty(STDIN_FILENO) == 1 else {
      throw CommandFailure(
        .usage, "not asking on a terminal: add --yes to go ahead, or --dry-run to only list")
    }
    FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
    let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    guard ["y", "yes", "o", "oui"].contains(answer) else {
      Diagnostics.note("nothing was changed")
      throw ExitCode(ExitStatus.input.rawValue)
    }
  }

  /// What remains of erased data when the store could not remove it from its files at once.
  static func warnNotCompacted(_ path: String, _ outcome: ErasureOutcome) {
    guard !outcome.compacted, let note = outcome.note else { return }
    Diagnostics.emit(.warning, "\(path): \(note)")
  }
}
