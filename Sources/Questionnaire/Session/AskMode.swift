import Foundation
import ResponseStore
import SurveyDefinition

/// How `bilan ask` puts its questions: full screen on a terminal, or a line
/// at a time (screen readers, pipes, `TERM=dumb`).
public enum AskMode: Sendable, Equatable {
  case fullScreen
  case plain

  /// Plain when asked for, or when standard input or output is not a
  /// terminal, or the terminal cannot move its cursor (`TERM=dumb`).
  public static func chosen(plain: Bool, environment: [String: String]) -> AskMode {
    let terminalBothEnds = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    return plain || !terminalBothEnds || environment["TERM"] == "dumb" ? .plain : .fullScreen
  }

  /// Asks one participant (or, in a kiosk, one after another) on this
  /// process's terminal or standard input and output.
  public func run(
    survey: Survey, repository: any ResponseRepository, options: AskOptions, environment: [String: String]
  ) throws -> AskOutcome {
    switch self {
    case .plain:
      let questionnaire = PlainQuestionnaire(
        survey: survey, repository: repository, options: options,
        readLine: { Swift.readLine(strippingNewline: true) },
        write: { text in FileHandle.standardOutput.write(Data(text.utf8)) })
      return try questionnaire.run()
    case .fullScreen:
      let device: TerminalDevice = try LocalTerminal()
      var environment = environment
      environment["TERM"] = environment["TERM"] ?? "xterm"
      let questionnaire = InteractiveQuestionnaire(
        survey: survey, repository: repository, options: options, device: device, environment: environment)
      do {
        return try questionnaire.run()
      } catch {
        device.leave()
        throw error
      }
    }
  }
}
