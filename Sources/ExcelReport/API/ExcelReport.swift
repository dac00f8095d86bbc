import Aggregation
import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition
import XLSXWriter

/// The two Excel workbooks of a report.
///
/// - The funder workbook (`synthese.xlsx`), what a director sends to
///   funders: synthesis, indicators, per-tool comparison, questions with
///   native charts, breakdowns, the quotes the synthesis publishes and the
///   codebook. Aggregates only: no row per response, no submission time, no
///   free text that is not a published quote.
/// - The internal workbook (`donnees-internes.xlsx`), for the facilitator:
///   a first sheet saying it must not leave the organisation, then the raw
///   data (one row per response, codes and labels, with submission times and
///   every free text) and the codebook.
///
/// ```swift
/// let results = try Aggregator.results(survey: survey, repository: store)
/// try ExcelReport.write(results: results, survey: survey, to: funderURL)
/// try ExcelReport.writeInternal(results: results, survey: survey, to: internalURL) { body in
///   try store.forEachResponse(survey: survey.id, includePartial: true, body)
/// }
/// ```
///
/// Each file is written to a temporary file beside `url` and renamed over it
/// only once complete: a failure leaves no file (and any previous one intact).
/// The same results and responses give byte-identical files: the document
/// date is the last response's, never the clock.
public enum ExcelReport {
  /// Calls its argument with each stored response of the survey, one at a
  /// time (e.g. `store.forEachResponse(survey:includePartial:_:)`). The
  /// internal workbook keeps the responses the results were computed on
  /// (complete ones, and partial ones when the results include them).
  public typealias ResponseFeed = (_ body: (Response) throws -> Void) throws -> Void

  /// How the workbooks are written; the defaults are Excel's limits.
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

  /// The funder workbook's file name in `language`: `synthese.xlsx`, or
  /// `synthesis.xlsx` for a report that is not in French.
  public static func fileName(language: String) -> String { ReportText(language: language).fileName }

  /// The internal workbook's file name in `language`: `donnees-internes.xlsx`,
  /// or `internal-data.xlsx` for a report that is not in French.
  public static func internalFileName(language: String) -> String {
    ReportText(language: language).internalFileName
  }

  /// Writes the funder workbook of one survey, from its results alone.
  ///
  /// - Parameters:
  ///   - results: the engine's results, labels in the report's language.
  ///   - survey: the definition the results were computed with (for the codebook).
  /// - Throws: `ExcelReportError`; no file is left behind.
  public static func write(
    results: SurveyResults, survey: Survey, to url: URL, options: Options = Options()
  ) throws {
    try writeWorkbook(to: url, constantMemory: false, language: results.survey.language, options: options) {
      try $0.writeSurvey(results: results, survey: survey)
    }
  }

  /// Writes the funder workbook of several editions, side by side.
  ///
  /// - Parameter surveys: the editions' definitions, in the order of `consolidated.editions`.
  public static func write(
    consolidated: ConsolidatedResults, surveys: [Survey], to url: URL, options: Options = Options()
  ) throws {
    try check(consolidated, surveys, feeds: surveys.count)
    try writeWorkbook(
      to: url, constantMemory: false, language: consolidated.editions[0].survey.language, options: options
    ) { try $0.writeConsolidated(consolidated, surveys: surveys) }
  }

  /// Writes the internal workbook of one survey from results computed
  /// beforehand; `responses` are read for the raw data.
  ///
  /// - Throws: `ExcelReportError`, or what `responses` throws; no file is left behind.
  public static func writeInternal(
    results: SurveyResults, survey: Survey, to url: URL, options: Options = Options(),
    responses: ResponseFeed
  ) throws {
    try writeWorkbook(
      to: url, constantMemory: results.counts.included > options.constantMemoryThreshold,
      language: results.survey.language, options: options
    ) { writer in
      let sheets = try writer.addInternalSheets(survey: survey, expectedRows: results.counts.included)
      try sheets.data.write(
        survey: survey, edition: nil, includePartial: results.counts.includesPartial, responses)
      try writer.fillInternal(sheets, results: [results], surveys: [survey])
    }
  }

  /// Writes the internal workbook of one survey in a single pass over its
  /// responses: each response is added to `aggregator` and to the raw-data
  /// sheets as it comes. The funder workbook is then written from the
  /// returned results (`write(results:survey:to:options:)`).
  ///
  /// - Parameters:
  ///   - aggregator: prepared for `survey`, with no responses added yet; it
  ///     holds every response of the feed afterwards.
  ///   - expectedResponses: how many responses the results will include
  ///     (e.g. `store.count(survey:includePartial:)`): it decides the
  ///     constant-memory mode and the number of raw-data sheets. More are
  ///     added if the feed yields more.
  /// - Returns: the results of every response of the feed (`aggregator.results()`).
  /// - Throws: `ExcelReportError`, or what `responses` throws; no file is left behind.
  public static func writeInternal(
    survey: Survey, aggregator: inout Aggregator, expectedResponses: Int, to url: URL,
    options: Options = Options(), responses: ResponseFeed
  ) throws -> SurveyResults {
    var results: SurveyResults?
    try writeWorkbook(
      to: url, constantMemory: expectedResponses > options.constantMemoryThreshold,
      language: aggregator.language, options: options
    ) { writer in
      let sheets = try writer.addInternalSheets(survey: survey, expectedRows: expectedResponses)
      let includePartial = aggregator.options.includePartial
      try sheets.data.write(survey: survey, edition: nil, includePartial: includePartial) { body in
        try withoutActuallyEscaping(body) { body in
          try responses { response in
            aggregator.add(response)
            try body(response)
          }
        }
      }
      let computed = aggregator.results()
      try writer.fillInternal(sheets, results: [computed], surveys: [survey])
      results = computed
    }
    guard let results else { preconditionFailure("writeWorkbook returned without running its body") }
    return results
  }

  /// Writes the internal workbook of several editions: the raw data of all
  /// (their shared keys, an edition column first) and the codebook.
  ///
  /// - Parameters:
  ///   - surveys: the editions' definitions, in the order of `consolidated.editions`.
  ///   - responses: one feed per edition, same order.
  public static func writeInternal(
    consolidated: ConsolidatedResults, surveys: [Survey], to url: URL, options: Options = Options(),
    responses: [ResponseFeed]
  ) throws {
    try check(consolidated, surveys, feeds: responses.count)
    let editions = consolidated.editions
    let included = editions.reduce(0) { $0 + $1.counts.included }
    try writeWorkbook(
      to: url, constantMemory: included > options.constantMemoryThreshold,
      language: editions[0].survey.language, options: options
    ) { writer in
      let sheets = try writer.addInternalSheets(
        survey: surveys[0], expectedRows: included, keys: consolidated.sharedKeys)
      for (index, survey) in surveys.enumerated() {
        try sheets.data.write(
          survey: survey, edition: editions[index].survey.id,
          includePartial: editions[index].counts.includesPartial, responses[index])
      }
      try writer.fillInternal(sheets, results: editions, surveys: surveys)
    }
  }

  /// One definition (and one feed) per edition.
  private static func check(_ consolidated: ConsolidatedResults, _ surveys: [Survey], feeds: Int) throws {
    guard !consolidated.editions.isEmpty, consolidated.editions.count == surveys.count, surveys.count == feeds
    else {
      throw ExcelReportError.invalidInput(
        "a consolidated workbook needs one definition and one response feed per edition "
          + "(\(consolidated.editions.count) editions, \(surveys.count) definitions, \(feeds) feeds)")
    }
  }

  /// Opens a workbook at a temporary path, lets `body` fill it, closes it
  /// and renames it over `url`; on failure the workbook is abandoned.
  private static func writeWorkbook(
    to url: URL, constantMemory: Bool, language: String, options: Options,
    _ body: (ReportWriter) throws -> Void
  ) throws {
    try writeAtomically(to: url) { temporary in
      let workbook = try Workbook(
        path: temporary, constantMemory: constantMemory, temporaryDirectory: options.temporaryDirectory)
      do {
        try body(ReportWriter(workbook: workbook, language: language, options: options))
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
