import ArgumentParser
import BilanBase
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan lint FILE…`: checks survey definitions and lists every problem.
  struct Lint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check survey definitions and list every problem found.",
      discussion: """
        Each problem is one line on standard error, in the format compilers use:

          FILE:LINE:COLUMN: error: MESSAGE
          FILE:LINE:COLUMN: warning: MESSAGE

        followed by a summary line. Every problem of every file is listed in one run. \
        With --format json, standard output gets a JSON array of \
        {"file","line","column","severity","message"} objects instead (empty when clean).

        Exit status: 0 when no file has an error (warnings allowed, unless --strict),
        1 when any file has an error, 2 on a usage error.

        Example:
          $ bilan lint Surveys/cooperation-pelussin-2015.yaml
          Surveys/cooperation-pelussin-2015.yaml: no problems
          $ bilan lint Surveys/cooperation-pelussin-2015.yaml --store Reports/cooperation-pelussin-2015/responses.sqlite
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @Argument(help: ArgumentHelp("The survey files to check.", valueName: "survey.yaml"))
    var files: [String]

    @Option(help: "Output format: text (lines on standard error) or json (an array on standard output).")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors (exit 1 when there is any).")
    var strict = false

    @Option(
      help: ArgumentHelp(
        "Also compare the responses of this store with the definition: a warning for each key a change "
          + "of the survey affects (removed questions, renamed codes, narrowed scales), with how many responses.",
        valueName: "path"))
    var store: String?

    func validate() throws {
      if files.isEmpty { throw ValidationError("Give at least one survey file to check.") }
      if store != nil && files.count != 1 { throw ValidationError("--store goes with one survey file.") }
    }

    func run() async throws {
      var diagnostics: [Diagnostic] = []
      for file in files { diagnostics += SurveyLinter.lint(path: file, alongside: files) }
      if let store, !diagnostics.contains(where: \.isError) {
        let survey = try Survey.load(path: files[0])
        let address = try StoreAddress(store)
        let changes = try SurveyChanges.check(
          survey: survey, store: address.open(surveyID: survey.id, create: false))
        diagnostics += changes.diagnostics(
          survey: survey, surveyPath: files[0], storePath: address.description)
      }
      let errors = diagnostics.filter(\.isError).count
      let warnings = diagnostics.count - errors
      switch format {
      case .json:
        print(Self.json(diagnostics))
      case .text:
        var output = ""
        for diagnostic in diagnostics { output += Self.displayable(diagnostic.description) + "\n" }
        output += Self.summary(errors: errors, warnings: warnings, files: files) + "\n"
        FileHandle.standardError.write(Data(output.utf8))
      }
      if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }

    /// "2 errors and 1 warning in 1 file", or "FILE: no problems" for one clean file.
    static func summary(errors: Int, warnings: Int, files: [String]) -> String {
      func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }
      if errors == 0, warnings == 0 {
        return files.count == 1
          ? "\(displayable(files[0])): no problems" : "\(count(files.count, "file")) checked: no problems"
      }
      return "\(count(errors, "error")) and \(count(warnings, "warning")) in \(count(files.count, "file"))"
    }

    /// The diagnostics as a JSON array, keys in a fixed order, one object per line.
    static func json(_ diagnostics: [Diagnostic]) -> String {
      let string = JSONText.quoted
      let objects = diagnostics.map { diagnostic in
        let location = diagnostic.location
        return "{\"file\":\(string(location.file)),\"line\":\(location.line),\"column\":\(location.column),"
          + "\"severity\":\(string(diagnostic.severity.rawValue)),\"message\":\(string(diagnostic.message))}"
      }
      return objects.isEmpty ? "[]" : "[\n" + objects.joined(separator: ",\n") + "\n]"
    }

    /// The text with control characters (terminal escape sequences among them)
    /// shown as `\u{1B}`, so a survey file cannot drive the terminal.
    static func displayable(_ text: String) -> String {
      var result = ""
      for scalar in text.unicodeScalars {
        if scalar.properties.generalCategory == .control {
          result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
      return result
    }
  }
}
