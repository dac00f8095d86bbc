import ArgumentParser
import Foundation

/// `bilan`: post-event surveys and their synthesis.
@main
struct Bilan: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bilan",
    abstract:
      "Post-event surveys and their synthesis: lint, ask, import, export, stats, report, demo; "
      + "delete, amend, purge-contacts, audit to manage stored responses; convert to and from XLSForm; "
      + "serve a room over SSH and show it live.",
    version: "0.1.0",
    subcommands: [
      Lint.self, Ask.self, Import.self, Export.self, Stats.self, Report.self, Demo.self, Delete.self,
      Amend.self, PurgeContacts.self, Audit.self, Convert.self, Serve.self, Live.self,
    ]
  )

  /// Runs the command like argument-parser does, but reports every failure
  /// through ``Diagnostics`` and exits with the codes of `docs/cli.md`: a
  /// usage error is 2 (argument-parser's own is 64).
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let error where error is LocalizedError {
      Diagnostics.report(error)
      Foundation.exit(Diagnostics.exitCode(for: error))
    } catch {
      // argument-parser's own: help, version, usage errors, an `ExitCode` after
      // the command printed its diagnostics.
      let code = exitCode(for: error).rawValue
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == 0 {
          print(message)
        } else {
          FileHandle.standardError.write(Data((message + "\n").utf8))
        }
      }
      Foundation.exit(code == ExitCode.validationFailure.rawValue ? ExitStatus.usage.rawValue : code)
    }
  }
}
