/// What a synthesis template receives: the data dictionary of
/// `docs/templates.md`, field for field.
///
/// Every string is already safe Markdown in the report's language: labels
/// and participant text escaped, numbers written with the language's
/// typography. `{{field}}` and `{{{field}}}` render the same.
struct SynthesisContext {
  var language: String
  var title: String
  var event: EventContext?
  /// The key findings, one sentence each.
  var keyFindings: [String]
  /// The same sentences as one paragraph.
  var keyFindingsParagraph: String
  var figures: [FigureRow]
  var sectionsBefore: [SectionContext]
  var tools: [ToolsContext]
  var rankings: [RankingContext]
  var breakdowns: [BreakdownContext]
  var verbatims: [VerbatimGroup]
  var sectionsAfter: [SectionContext]
  var method: MethodContext
  /// Warnings about responses given to another version of the survey.
  var schemaWarnings: [String]
  // Flags for sections printed once when a list is not empty (Mustache
  // reads stored properties only, so they are set by `withFlags()`).
  var hasKeyFindings = false
  var hasFigures = false
  var hasBreakdowns = false
  var hasVerbatims = false

  /// The context with its `has…` flags set from its lists.
  func withFlags() -> SynthesisContext {
    var context = self
    context.hasKeyFindings = !keyFindings.isEmpty
    context.hasFigures = !figures.isEmpty
    context.hasBreakdowns = !breakdowns.isEmpty
    context.hasVerbatims = !verbatims.isEmpty
    return context
  }
}

struct EventContext {
  var name: String?
  var date: String?
  var place: String?
  var organiser: String?
}

/// One row of the key figures table.
struct FigureRow {
  var indicator: String
  var value: String
  var interval: String
  var n: String
  var target: String
  var met: String
}

/// A non-loop section of the survey and its questions' summaries.
struct SectionContext {
  var title: String
  var questions: [QuestionContext]
}

struct QuestionContext {
  var label: String
  /// One or two sentences: mean and top box, most cited answers, distribution.
  var summary: String
  var chart: ChartContext?
}

/// A chart file, relative to the synthesis, and its alternative text.
struct ChartContext {
  var file: String
  var alt: String
}

/// A `for_each` section: each item, then the items compared.
struct ToolsContext {
  var title: String
  var items: [ItemContext]
  var comparison: TableContext?
  /// One ranking sentence per indicator computed per item.
  var rankingSentences: [String]
  var charts: [ChartContext]
}

struct ItemContext {
  var label: String
  var questions: [QuestionContext]
}

/// A Markdown table: every row has as many cells as the header.
struct TableContext {
  var header: [String]
  var rows: [RowContext]
}

struct RowContext {
  var cells: [String]
}

/// A ranking question (obstacles) scored by Borda.
struct RankingContext {
  var title: String
  var question: String
  var respondents: String
  var rows: [RankingRow]
  var sentence: String
  var chart: ChartContext?
}

struct RankingRow {
  var rank: String
  var label: String
  var score: String
  var first: String
}

struct BreakdownContext {
  var label: String
  var table: TableContext
}

struct VerbatimGroup {
  var question: String
  var quotes: [String]
  /// Said when the quotations come from the first answers only (the engine
  /// keeps a bounded number per question): `nil` otherwise.
  var cut: String?
}

struct MethodContext {
  var responses: String
  var partial: String?
  var intervals: String
  var suppression: String
  var surveyID: String
  var version: String
  var lastResponse: String?
}
