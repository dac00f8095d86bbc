import ArgumentParser

/// `bilan`: post-event surveys and their synthesis.
@main
struct Bilan: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bilan",
    abstract: "Post-event surveys and their synthesis: lint, ask, import, export, stats, report, demo.",
    version: "0.1.0",
    subcommands: []
  )
}
