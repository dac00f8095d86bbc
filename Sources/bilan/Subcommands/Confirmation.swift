import ArgumentParser
import Foundation

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

  static func warnNotCompacted(_ path: String) {
    Diagnostics.emit(
      .warning,
      "\(path): another process kept reading the store, so the erased data stay in its files "
        + "until the last process using the store closes it (stop the questionnaires on it)")
  }
}
