import Foundation
import MarkdownReport

/// What to report on and what to write: the options of `bilan report`.
public struct ReportRequest: Sendable, Equatable {
  /// The survey definitions; several make one consolidated report (editions of an event).
  public var surveys: [String]
  /// The response store (a file, or a `postgres://` URL), or nil for `BILAN_STORE`, else each
  /// survey's own (`Reports/SURVEY_ID/responses.sqlite`).
  public var store: String?
  /// The folder the reports go to, or nil for `Reports/ID1+ID2…/`.
  public var output: String?
  /// What to write, in a fixed order, without repeats. The internal
  /// workbook (row-level data) only when `.internal` is named.
  public var formats: [ReportFormat]
  /// A Mustache template for the synthesis instead of the one shipped.
  public var template: String?
  /// Count partial responses in the figures (the reports say so).
  public var includePartial: Bool
  /// The report's language, or nil for the first survey's first.
  public var language: String?
  /// For a follow-up survey: the store of the survey it follows, or nil for
  /// the same database (a server) or that survey's own file (`FollowUpSource`).
  public var followedStore: String?

  public init(
    surveys: [String], store: String? = nil, output: String? = nil,
    formats: [ReportFormat] = [.xlsx, .md], template: String? = nil, includePartial: Bool = false,
    language: String? = nil, followedStore: String? = nil
  ) {
    self.surveys = surveys
    self.store = store
    self.output = output
    self.formats = ReportFormat.allCases.filter(formats.contains)
    self.template = template
    self.includePartial = includePartial
    self.language = language
    self.followedStore = followedStore
  }

  /// The formats pandoc makes from the synthesis.
  var documents: [DocumentFormat] { formats.compactMap { DocumentFormat(rawValue: $0.rawValue) } }
}

/// The files a report can be.
public enum ReportFormat: String, CaseIterable, Sendable {
  /// The funder workbook: aggregates only (`synthese.xlsx`).
  case xlsx
  /// The Markdown synthesis and its figures.
  case md
  /// The synthesis rendered by pandoc.
  case html
  case pdf
  /// The internal workbook: one row per response, for the facilitator
  /// only (`donnees-internes.xlsx`); never written unless named.
  case `internal`

  /// The formats named in `list` (`xlsx,md`), or an error naming the first unknown one.
  public static func parse(_ list: String) throws(ReportError) -> [ReportFormat] {
    var result: [ReportFormat] = []
    for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
      guard let value = ReportFormat(rawValue: name) else { throw .unknownFormat(name) }
      if !result.contains(value) { result.append(value) }
    }
    if result.isEmpty { throw .noFormat }
    return allCases.filter(result.contains)
  }
}
