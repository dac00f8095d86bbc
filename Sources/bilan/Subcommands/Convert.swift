import ArgumentParser
import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition
import XLSForm

extension Bilan {
  /// `bilan convert FILE`: an XLSForm to a bilan survey, or a survey to an XLSForm.
  struct Convert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Convert an XLSForm (ODK, KoboToolbox) into a bilan survey, or a survey into an XLSForm.",
      discussion: """
        FORM.xlsx (or FORM.csv: pyxform's one-file layout, or FORM.csv with FORM-choices.csv \
        and FORM-settings.csv beside it) becomes FORM.yaml, which `bilan lint` accepts; each part \
        carries a comment naming the sheet and row it comes from. What bilan has no equivalent for \
        (calculate, geopoint, media…) is listed as a warning with its sheet and row.

        SURVEY.yaml becomes SURVEY.xlsx, an XLSForm that KoboToolbox and pyxform accept; \
        indicators, event and privacy go to an extra `bilan` sheet that XLSForm tools ignore \
        and `bilan convert` reads back.

        Problems are listed as FILE:SHEET:ROW: error: MESSAGE (or warning:). Nothing is written \
        when there is an error; an existing output is replaced only with --force. Exit status: \
        0 written, 1 the input is wrong, 2 usage error, 3 the output could not be written.

        Examples:
          $ bilan convert atelier.xlsx
          $ bilan convert Surveys/post-event-template.yaml --to xlsform --output atelier-kobo.xlsx
        """
    )

    enum Target: String, ExpressibleByArgument, CaseIterable {
      case yaml, xlsform
    }

    @Argument(help: ArgumentHelp("An XLSForm (.xlsx, .csv) or a bilan survey (.yaml).", valueName: "file"))
    var input: String

    @Option(
      help: "What to write: yaml (from an XLSForm) or xlsform (from a survey); from the input by default.")
    var to: Target?

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp(
        "Where to write (default: the input's name with .yaml or .xlsx; - for standard output).",
        valueName: "path"))
    var output: String?

    @Option(
      help: ArgumentHelp(
        "The language of texts the form does not tag with one (default fr).", valueName: "lang"))
    var language = "fr"

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    private var inputIsSurvey: Bool {
      ["yaml", "yml"].contains(URL(fileURLWithPath: input).pathExtension.lowercased())
    }

    func validate() throws {
      let target = to ?? (inputIsSurvey ? .xlsform : .yaml)
      if target == .xlsform && !inputIsSurvey {
        throw ValidationError("--to xlsform converts a survey (.yaml).")
      }
      if target == .yaml && inputIsSurvey {
        throw ValidationError("\(input) is already a survey; --to xlsform converts it.")
      }
      if target == .xlsform && output == "-" {
        throw ValidationError("a workbook cannot go to standard output; give --output FILE.")
      }
    }

    func run() async throws {
      let bytes: Data
      let extensionName: String
      do {
        if inputIsSurvey {
          let survey = try Survey.load(path: input)
          let source = try String(contentsOfFile: input, encoding: .utf8)
          bytes = try XLSFormExport.workbook(for: survey, sourceYAML: source)
          extensionName = "xlsx"
        } else {
          let result = try XLSFormImport.convert(path: input, language: language)
          report(result.warnings)
          bytes = Data(result.yaml.utf8)
          extensionName = "yaml"
        }
      } catch let error as XLSFormError where !error.diagnostics.isEmpty {
        report(error.diagnostics)
        throw ExitCode(ExitStatus.input.rawValue)
      }
      if output == "-" {
        FileHandle.standardOutput.write(bytes)
        return
      }
      let destination =
        output
        ?? URL(fileURLWithPath: input).deletingPathExtension().appendingPathExtension(extensionName).path
      if FileManager.default.fileExists(atPath: destination) && !force {
        throw CommandFailure(.input, "\(destination) exists; nothing was written (add --force to replace it)")
      }
      try AtomicFile.write(bytes, to: destination)
      Diagnostics.note("\(destination): written")
    }

    private func report(_ diagnostics: [XLSFormDiagnostic]) {
      guard !diagnostics.isEmpty else { return }
      let errors = diagnostics.filter(\.isError).count
      let lines = diagnostics.map { Lint.displayable($0.description) }
      let summary =
        "\(errors) error\(errors == 1 ? "" : "s") and \(diagnostics.count - errors) warning"
        + (diagnostics.count - errors == 1 ? "" : "s")
      for line in lines + [summary] { Diagnostics.note(line) }
    }
  }
}
