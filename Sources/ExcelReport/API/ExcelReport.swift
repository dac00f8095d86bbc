import Aggregation
import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition
import XLSXWriter

/// The Excel workbook a director sends to funders: synthesis, indicators,
/// per-tool comparison, questions with native charts, breakdowns, comments,
/// raw data and codebook.
///
/// ```swift
/// let results = try Aggregator.results(survey: survey, repository: store)
/// try ExcelReport.write(results: results, survey: survey, to: url) { body in
///   try store.forEachResponse(survey: survey.id, includePartial: true, body)
/// }
/// ```
///
/// The file is written to a temporary file beside `url` and renamed over it
/// only once complete: a failure leaves no file (and any previous one intact).
/// The same results and responses give byte-identical files: the document
/// date is the last response's, never the clock.
public enum ExcelReport {
  /// Calls its argument with each stored response of the survey, one at a
  /// time (e.g. `store.forEachResponse(survey:includePartial:_:)`). The
  /// workbook keeps the responses the results were computed on (complete
  /// ones, and partial ones when the results include them).
  public typealias ResponseFeed = (_ body: (Response) throws -> Void) throws -> Void

  /// How the workbook is written; the defaults are Excel's limits.
  public struct Options: Sendable {
    /// Above this many responses the raw-data sheets are written in
    /// libxlsxwriter's constant-memory mode (no Excel table there: an
    /// autofilter and frozen panes instead).
    public var constantMemoryThreshold: Int
    /// Data rows per raw-data sheet before "Données (2)"… (Excel: 1,048,575
    /// under the header).
    public var rowsPerSheet: Int
    /// Where libxlsxwriter keeps its temporary files; the system's by default.
    public var temporaryDirectory: String?

    public init(
      constantMemoryThreshold: Int = 10_000, rowsPerSheet: Int = 1_048_575, temporaryDirectory: String? = nil
    ) {
      self.constantMemoryThreshold = constantMemoryThreshold
      self.rowsPerSheet = max(1, min(rowsPerSheet, 1_048_575))
      self.temporaryDirectory = temporaryDirectory
    }
  }

  /// The workbook's file name in `language`: `synthese.xlsx`, or
  /// `synthesis.xlsx` for a report that is not in French.
  public static func fileName(language: String) -> String { ReportText(language: language).fileName }

  /// Writes the workbook of one survey.
  ///
  /// - Parameters:
  ///   - results: the engine's results, labels in the report's language.
  ///   - survey: the definition the results were computed with (for the codebook and raw data).
  ///   - responses: the stored responses, streamed for the raw-data sheets.
  /// - Throws: `ExcelReportError`, or what `responses` throws; no file is left behind.
  public static func write(
    results: SurveyResults, survey: Survey, to url: URL, options: Options = Options(),
    responses: ResponseFeed
  ) throws {
    try writeAtomically(to: url) { temporary in
      let workbook = try Workbook(
        path: temporary, constantMemory: results.counts.included > options.constantMemoryThreshold,
        temporaryDirectory: options.temporaryDirectory)
      do {
        let writer = ReportWriter(workbook: workbook, language: results.survey.language, options: options)
        try writer.writeSurvey(results: results, survey: survey, responses: responses)
        try workbook.close()
      } catch {
        workbook.abandon()
        throw error
      }
    }
  }

  /// Writes the workbook of one survey in a single pass over its responses:
  /// each response is added to `aggregator` and to the raw-data sheets as it
  /// comes, then the other sheets are written from the results.
  ///
  /// - Parameters:
  ///   - aggregator: prepared for `survey`, with no responses added yet; it
  ///     holds every response of the feed afterwards.
  ///   - expectedResponses: how many responses the results will include
  ///     (e.g. `store.count(survey:includePartial:)`): it decides the
  ///     constant-memory mode and the number of raw-data sheets. More are
  ///     added if the feed yields more.
  /// - Returns: the results the workbook shows (`aggregator.results()`).
  /// - Throws: `ExcelReportError`, or what `responses` throws; no file is left behind.
  public static func write(
    survey: Survey, aggregator: inout Aggregator, expectedResponses: Int, to url: URL,
    options: Options = Options(), responses: ResponseFeed
  ) throws -> SurveyResults {
    var results: SurveyResults?
    try writeAtomically(to: url) { temporary in
      let workbook = try Workbook(
        path: temporary, constantMemory: expectedResponses > options.constantMemoryThreshold,
        temporaryDirectory: options.temporaryDirectory)
      do {
        let writer = ReportWriter(workbook: workbook, language: aggregator.language, options: options)
        results = try writer.writeSurvey(
          survey: survey, aggregator: &aggregator, expectedRows: expectedResponses, responses: responses)
        try workbook.close()
      } catch {
        workbook.abandon()
        throw error
      }
    }
    guard let results else { preconditionFailure("writeAtomically returned without running its body") }
    return results
  }

  /// Writes the consolidated workbook of several editions, side by side.
  ///
  /// - Parameters:
  ///   - surveys: the editions' definitions, in the order of `consolidated.editions`.
  ///   - responses: one feed per edition, same order.
  public static func write(
    consolidated: ConsolidatedResults, surveys: [Survey], to url: URL, options: Options = Options(),
    responses: [ResponseFeed]
  ) throws {
    guard !consolidated.editions.isEmpty, consolidated.editions.count == surveys.count,
      surveys.count == responses.count
    else {
      throw ExcelReportError.invalidInput(
        "a consolidated workbook needs one definition and one response feed per edition "
          + "(\(consolidated.editions.count) editions, \(surveys.count) definitions, \(responses.count) feeds)"
      )
    }
    let included = consolidated.editions.reduce(0) { $0 + $1.counts.included }
    try writeAtomically(to: url) { temporary in
      let workbook = try Workbook(
        path: temporary, constantMemory: included > options.constantMemoryThreshold,
        temporaryDirectory: options.temporaryDirectory)
      do {
        let writer = ReportWriter(
          workbook: workbook, language: consolidated.editions[0].survey.language, options: options)
        try writer.writeConsolidated(consolidated, surveys: surveys, responses: responses)
        try workbook.close()
      } catch {
        workbook.abandon()
        throw error
      }
    }
  }

  /// `AtomicFile.write` with the wrapper's errors as this module's.
  private static func writeAtomically(to url: URL, _ body: (_ temporaryPath: String) throws -> Void) throws {
    try AtomicFile.write(to: url.path) { temporary in
      do {
        try body(temporary)
      } catch let error as XLSXWriterError {
        throw ExcelReportError(error)
      }
    }
  }
}
