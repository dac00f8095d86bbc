import ArgumentParser
import BilanBase
import Foundation
import PostgresStore
import Questionnaire
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan ask SURVEY.yaml`: the questionnaire, on a terminal or a line at a time.
  struct Ask: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run the questionnaire: one response, or one participant after another with --kiosk.",
      discussion: """
        On a terminal the questionnaire is drawn full screen: arrows or j/k to move (← → along a \
        scale), number keys to answer at once (on a 0–10 score, 1 waits for a second digit), Enter \
        to confirm (or to skip an optional question left empty), Shift-Tab to go back, ? for help, \
        Esc to skip (it asks before erasing an answer), Ctrl-C to quit. Nothing is chosen until \
        the participant chooses it. Every confirmed answer is saved at once; starting again on the \
        same computer offers to resume an unfinished response (--resume or --new decide without \
        asking).

        --plain (or standard input or output not a terminal, or TERM=dumb) asks a line at a time: \
        choices by number or code, several separated by commas, `na` for no opinion, an empty line \
        skips an optional question, `<` goes back, `?` prints help; long texts end with a line \
        holding only ".". An unfinished response begun on this computer is offered first: r \
        resumes it, n starts a new one (scripts: --resume or --new). End of input before the \
        last question keeps a partial response (exit 1).

        --answers FILE fills the questionnaire from a JSON or YAML map of answer key to value, as \
        in the export, with every rule enforced; nothing is stored when any answer is refused.

        Exit status: 0 submitted, 1 wrong input (survey, answers file, or input ended early), \
        2 usage error, 3 the store failed, 124 idle timeout, 130 interrupted (answers kept).

        Example:
          $ bilan ask Surveys/cooperation-pelussin-2015.yaml --store /tmp/essai.sqlite
        """
    )

    @Argument(help: ArgumentHelp("The survey file.", valueName: "survey.yaml"))
    var survey: String

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite).",
        valueName: "path|url"))
    var store: String?

    @Option(help: "The participant's language (fr or en; default: the survey's first language).")
    var lang: String?

    @Flag(help: "Ask a line at a time, without colours or cursor movement (screen readers, pipes).")
    var plain = false

    @Flag(help: "One participant after another on this terminal; the screen is wiped between them.")
    var kiosk = false

    @Option(
      help: ArgumentHelp(
        "Fill the response from this JSON or YAML file (- for standard input).", valueName: "file"))
    var answers: String?

    @Option(
      help: ArgumentHelp(
        "A follow-up survey: the participant's follow-up code (asked for at the start otherwise).",
        valueName: "code"))
    var token: String?

    @Flag(help: "Resume the unfinished response begun on this computer without asking.")
    var resume = false

    @Flag(
      name: .customLong("new"), help: "Start a new response without offering to resume an unfinished one.")
    var startAfresh = false

    @Option(
      name: .customLong("idle-timeout"),
      help: ArgumentHelp(
        "Seconds without a key before an idle response is kept as partial (kiosk default 300; exit 124 outside kiosk).",
        valueName: "seconds"))
    var idleTimeout: Double?

    func validate() throws {
      if let lang, !["fr", "en"].contains(lang) {
        throw ValidationError("--lang must be fr or en, not '\(lang)'.")
      }
      if let idleTimeout, !(idleTimeout > 0) {
        throw ValidationError("--idle-timeout must be a positive number of seconds.")
      }
      if kiosk && answers != nil { throw ValidationError("--kiosk and --answers cannot be used together.") }
      if resume && startAfresh { throw ValidationError("--resume and --new cannot be used together.") }
      if resume && (kiosk || answers != nil) {
        throw ValidationError(
          "--resume applies to one participant's questionnaire, not --kiosk or --answers.")
      }
      if kiosk && plain {
        throw ValidationError("--kiosk needs the full-screen questionnaire; drop --plain.")
      }
    }

    func run() async throws {
      // Before loading: an edit made from now on is noticed by the kiosk.
      let watch = SurveyFileWatch(path: survey)
      let definition = try Survey.load(path: survey)
      if let lang, !definition.languages.contains(lang) {
        throw ValidationError(
          "--lang \(lang): the survey is written in \(definition.languages.joined(separator: ", ")) only.")
      }
      var followedToken: String?
      if let token {
        guard definition.follows != nil else {
          throw ValidationError(
            "--token: \(survey) follows no survey ('follows:' in the format); drop --token.")
        }
        guard let normalized = FollowUpToken.normalized(token) else {
          throw CommandFailure(
            .input,
            "--token \(TextSanitizer.clean(token)): not a follow-up code (9 characters, like K7Q-M4T-ZP7; "
              + "a mistyped character is caught by the last one)")
        }
        followedToken = normalized
      }
      if definition.follows != nil && kiosk {
        throw ValidationError(
          "--kiosk: \(survey) is a follow-up survey, whose participants each give their own code; "
            + "run one questionnaire per participant (or --token CODE).")
      }
      let address = try StoreAddress.resolve(option: store, surveyID: definition.id)
      let path = address.description
      // A file that is not this survey's store is wrong input (1), left untouched.
      let repository = try address.open(surveyID: definition.id, create: true)
      let environment = ProcessInfo.processInfo.environment
      var options = AskOptions(
        language: lang, kiosk: kiosk, idleTimeout: idleTimeout ?? (kiosk ? 300 : nil),
        device: AskOptions.currentDevice(), surveyWatch: kiosk ? watch : nil,
        resume: resume ? .resume : startAfresh ? .startAfresh : .ask)
      options.followedToken = followedToken

      if let answers {
        let json =
          answers == "-"
          ? try ScriptedAnswers.parse(FileHandle.standardInput.readDataToEndOfFile(), path: answers)
          : try ScriptedAnswers.read(path: answers)
        let response = try ScriptedAnswers.fill(
          survey: definition, answers: json, path: answers, repository: repository, options: options)
        Diagnostics.note("response \(response.id.uuidString.lowercased()) stored in \(path)")
        return
      }

      let mode = AskMode.chosen(plain: plain, environment: environment)
      if kiosk && mode == .plain {
        throw ValidationError("--kiosk needs a terminal on standard input and output.")
      }
      if mode != .plain && definition.follows != nil && followedToken == nil {
        // The full-screen questionnaire starts once the code is asked on the terminal's line.
        options.followedToken = Bilan.askFollowedToken(language: lang ?? definition.defaultLanguage)
      }
      let outcome: AskOutcome
      do {
        outcome = try mode.run(
          survey: definition, repository: repository, options: options, environment: environment)
      } catch StoreError.serverUnavailable(let server, let detail) {
        // The database went away mid-questionnaire: what was confirmed is in it.
        throw CommandFailure(
          .io,
          "\(server): \(detail). The answers confirmed before are kept in the database: once it is back, "
            + "`bilan ask \(survey)` with the same --store offers to resume this response on this computer.")
      }
      switch outcome {
      case .completed: return
      case .interrupted, .terminated: throw ExitCode(ExitStatus.interrupted.rawValue)
      case .timedOut: throw ExitCode(ExitStatus.timedOut.rawValue)
      case .inputEnded: throw ExitCode(ExitStatus.input.rawValue)
      case .surveyChanged(let change):
        let count = (try? repository.count(survey: definition.id, includePartial: true)) ?? 0
        throw CommandFailure(
          .input,
          """
          \(change) while the kiosk was running: the next participant was not asked. The \(count) \
          response(s) in \(path) keep the version they were given on (schema \(definition.schemaHash.prefix(12))). \
          Check the survey with `bilan lint \(survey)`, then start `bilan ask \(survey) --kiosk` again.
          """)
      }
    }
  }

  /// The follow-up code typed on the terminal before the full-screen
  /// questionnaire; `nil` for an empty line or the end of input.
  private static func askFollowedToken(language: String) -> String? {
    let words = ToolText(language: language)
    FileHandle.standardOutput.write(Data((words.followedTokenPrompt + "\n> ").utf8))
    while let line = Swift.readLine() {
      if line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
      if let token = FollowUpToken.normalized(line) { return token }
      FileHandle.standardOutput.write(Data((words.followedTokenInvalid + "\n> ").utf8))
    }
    return nil
  }
}
