import Aggregation
import ArgumentParser
import BilanBase
import ExcelReport
import Foundation
import MarkdownReport
import Questionnaire
import Rehearsal
import ReportPipeline
import ResponseStore
import Room
import SurveyDefinition
import XLSForm

/// The one way the executable speaks on standard error, as swift-format's
/// `DiagnosticsEngine` does: every problem is one line, `error: MESSAGE` or
/// `warning: MESSAGE`, after its place when it has one
/// (`FILE:LINE:COLUMN: error: MESSAGE`, as `bilan lint` prints); lines that
/// only say what was done carry no severity.
///
/// Subcommands throw; `Bilan.main` hands every error to ``report(_:)`` and
/// exits with ``exitCode(for:)``: the status of `docs/cli.md`, taken from the
/// error's type. Libraries never print and never exit.
enum Diagnostics {
  /// How bad a line is.
  enum Severity: String {
    case error
    case warning
  }

  /// Prints one problem, after its place when it has one.
  static func emit(_ severity: Severity, _ message: String, at place: String? = nil) {
    write((place.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)")
  }

  /// Prints a line that says what was done (a file written, a response stored).
  static func note(_ text: String) {
    write(text)
  }

  /// Prints what went wrong, in the one format.
  static func report(_ error: any Error) {
    switch error {
    case let error as SurveyLoadError:
      // Each problem already has its place and severity.
      for diagnostic in error.diagnostics { write(diagnostic.description) }
    case ImportError.rejected(let file, let problems):
      for problem in problems {
        emit(.error, problem.message, at: problem.line.map { "\(file):\($0)" } ?? file)
      }
    case AskError.invalidAnswers(let path, let problems):
      for problem in problems { emit(.error, problem, at: path) }
    case let error as XLSFormError where !error.diagnostics.isEmpty:
      for diagnostic in error.diagnostics where diagnostic.isError { write(diagnostic.description) }
    case let error as CocoaError:
      // Foundation's own description names neither the file nor the fix.
      let path = error.filePath ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? ""
      let reason =
        (error.underlying as? POSIXError).map { String(cString: strerror($0.code.rawValue)) }
        ?? error.localizedDescription
      emit(.error, path.isEmpty ? reason : "\(path): \(reason)")
    default:
      let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
      for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
        emit(.error, String(line))
      }
    }
  }

  /// The exit status of `error` (`docs/cli.md`): 1 the input is wrong, 3 an
  /// I/O or storage failure; a ``CommandFailure`` says its own.
  static func exitCode(for error: any Error) -> Int32 {
    switch error {
    case let failure as CommandFailure: failure.status.rawValue
    case let error as StoreError: error.isInputError ? ExitStatus.input.rawValue : ExitStatus.io.rawValue
    case AskError.store(let error): exitCode(for: error)
    case let error as AmendError: error.isInputError ? ExitStatus.input.rawValue : ExitStatus.io.rawValue
    case let error as RoomError: error.isInputError ? ExitStatus.input.rawValue : ExitStatus.io.rawValue
    case MarkdownReportError.writeFailed, MarkdownReportError.pandocFailed: ExitStatus.io.rawValue
    case ExcelReportError.invalidInput: ExitStatus.input.rawValue
    case XLSFormError.writeFailed, RehearsalError.cannotCopySurvey: ExitStatus.io.rawValue
    case is SurveyLoadError, is AggregationError, is MarkdownReportError, is ImportError, is AskError,
      is AnswerError, is XLSFormError, is ToolLanguageError, is RehearsalError, is ReportError:
      ExitStatus.input.rawValue
    default: ExitStatus.io.rawValue
    }
  }

  private static func write(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}

/// The exit statuses of `docs/cli.md`.
enum ExitStatus: Int32 {
  /// The input is wrong; the message says where and how to fix it.
  case input = 1
  /// The command line is wrong.
  case usage = 2
  /// An I/O or storage failure; nothing half written is left behind.
  case io = 3
  /// A questionnaire waited too long for an answer.
  case timedOut = 124
  /// Ctrl-C or a termination signal; the answers given so far are kept.
  case interrupted = 130
}

/// A failure a subcommand words itself, because only it knows the advice
/// (which option to give, what was left untouched).
struct CommandFailure: Error, LocalizedError {
  var status: ExitStatus
  var message: String

  init(_ status: ExitStatus, _ message: String) {
    self.status = status
    self.message = message
  }

  var errorDescription: String? { message }
}
