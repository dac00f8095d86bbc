import Aggregation
import Foundation
internal import Mustache
import SurveyDefinition

/// The Markdown synthesis of one survey, or of several editions consolidated,
/// with its SVG charts.
///
/// The output is a map from file name to bytes: `synthese.md` (`synthesis.md`
/// in English) and `figures/*.svg`, relative to the report folder. The same
/// results give the same bytes: no wall clock, no path, fixed number formats.
public enum MarkdownReport {
  /// Renders the synthesis of one survey.
  ///
  /// - Parameters:
  ///   - results: the engine's results, labels in the report's language.
  ///   - survey: the definition the results were computed with (scales,
  ///     choices, targets, section order).
  ///   - language: the prose's language; by default the results' language.
  ///   - template: an organisation's own layout; by default the template
  ///     shipped for `language`.
  public static func render(
    results: SurveyResults, survey: Survey, language: ReportLanguage? = nil,
    template: SynthesisTemplate? = nil
  ) throws(MarkdownReportError) -> [String: Data] {
    let language = language ?? ReportLanguage(code: results.survey.language)
    var builder = SynthesisBuilder(results: results, survey: survey, language: language)
    let context = builder.build()
    let chosen: SynthesisTemplate
    if let template { chosen = template } else { chosen = try SynthesisTemplate.default(language) }
    var files = builder.charts.mapValues { Data($0.utf8) }
    files["\(language.baseName).md"] = Data(chosen.render(context).utf8)
    return files
  }

  /// Renders the consolidated synthesis of several surveys (editions of an
  /// event): each edition's key findings, the indicators side by side, and
  /// the pooled figures when the editions share them.
  public static func render(
    consolidated: ConsolidatedResults, surveys: [Survey], language: ReportLanguage? = nil,
    template: SynthesisTemplate? = nil
  ) throws(MarkdownReportError) -> [String: Data] {
    guard consolidated.editions.map(\.survey.id) == surveys.map(\.id), let first = consolidated.editions.first
    else {
      throw .mismatchedSurveys(
        results: consolidated.editions.map(\.survey.id), surveys: surveys.map(\.id))
    }
    let language = language ?? ReportLanguage(code: first.survey.language)
    var builder = ConsolidatedBuilder(consolidated: consolidated, surveys: surveys, language: language)
    let context = builder.build()
    let chosen: SynthesisTemplate
    if let template {
      chosen = template
    } else {
      chosen = try SynthesisTemplate.defaultConsolidated(language)
    }
    var files = builder.charts.mapValues { Data($0.utf8) }
    files["\(language.baseName).md"] = Data(chosen.render(context).utf8)
    return files
  }
}

/// A parsed Mustache template for the synthesis.
///
/// Templates are rendered as plain text (no HTML escaping): every value they
/// receive is already safe Markdown (see `docs/templates.md`).
public struct SynthesisTemplate: Sendable {
  let template: MustacheTemplate
  /// Where the template came from, for messages.
  public let name: String

  /// Parses `text`; `name` (a file path) is used in error messages.
  public init(text: String, name: String) throws(MarkdownReportError) {
    self.name = name
    do {
      // The pragma makes `{{x}}` write the value as is, like `{{{x}}}`: the
      // values are Markdown already, and HTML entities would show as text in
      // some renderers. It stands on its own line, which Mustache removes.
      template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}\n" + text)
    } catch let error as MustacheTemplate.ParserError {
      throw .invalidTemplate(
        file: name, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
        reason: Self.describe(error.error))
    } catch {
      throw .invalidTemplate(file: name, line: 1, column: 1, reason: String(describing: error))
    }
  }

  /// Reads and parses the template file at `path`.
  public init(path: String) throws(MarkdownReportError) {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .unreadableTemplate(file: path, reason: error.localizedDescription)
    }
    try self.init(text: text, name: path)
  }

  /// The template shipped for one survey's synthesis.
  public static func `default`(_ language: ReportLanguage) throws(MarkdownReportError) -> SynthesisTemplate {
    try SynthesisTemplate(text: DefaultTemplates.synthesis(language), name: "\(language.baseName).mustache")
  }

  /// The template shipped for a consolidated synthesis.
  public static func defaultConsolidated(
    _ language: ReportLanguage
  ) throws(MarkdownReportError)
    -> SynthesisTemplate
  {
    try SynthesisTemplate(
      text: DefaultTemplates.consolidated(language), name: "\(language.baseName)-consolidated.mustache")
  }

  /// Renders `context` and tidies the blank lines the sections leave behind:
  /// never more than one blank line in a row, one newline at the end.
  func render(_ context: Any) -> String {
    let raw = template.render(context)
    var lines: [Substring] = []
    for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.last == " " && line.allSatisfy({ $0 == " " }) ? Substring("") : line
      if trimmed.isEmpty && (lines.last?.isEmpty ?? true) { continue }
      lines.append(trimmed)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func describe(_ error: Error) -> String {
    switch error as? MustacheTemplate.Error {
    case .sectionCloseNameIncorrect: "a section is closed with another name than it was opened with"
    case .unfinishedName: "a tag is not closed"
    case .expectedSectionEnd: "a section is never closed"
    case .invalidSetDelimiter: "a set-delimiter tag is malformed"
    case .transformAppliedToInheritanceSection: "a transform is applied to an inherited section"
    case .illegalTokenInsideInheritSection: "an inherited section holds a tag it cannot hold"
    case .textInsideInheritSection: "an inherited section holds text"
    case .invalidConfigVariableSyntax: "a pragma is malformed"
    case .unrecognisedConfigVariable: "a pragma is unknown"
    case nil: String(describing: error)
    }
  }
}
