/// What a synthesis template receives: the data dictionary of
/// `docs/templates.md`, field for field.
///
/// Every string is already safe Markdown in the report's language: labels
/// and participant text escaped, numbers written with the language's
/// typography, sentences whole. `{{field}}` and `{{{field}}}` render the same.
struct SynthesisContext {
  var language: String
  var title: String
  /// Said when the figures rest on synthetic responses (`bilan demo`).
  var rehearsal: String?
  var event: EventContext?
  /// The day recalled: when, where, by whom, its objectives and programme.
  var day: DayContext?
  /// Who answered: the response rate and the profiles, within the k rule.
  var attendance: AttendanceContext?
  /// The key findings, 3 to 5 sentences chosen by the rules of `docs/templates.md`.
  var keyFindings: [String]
  /// The same sentences as one paragraph.
  var keyFindingsParagraph: String
  var figures: [FigureRow]
  var sectionsBefore: [SectionContext]
  var tools: [ToolsContext]
  var rankings: [RankingContext]
  /// What participants would improve, quoted (`synthesis: improve`).
  var improvements: [VerbatimGroup]
  /// The next steps, counted or quoted (`synthesis: next_steps`).
  var nextSteps: [NextStepContext]
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
  var hasImprovements = false
  var hasNextSteps = false

  /// The context with its `has…` flags set from its lists.
  func withFlags() -> SynthesisContext {
    var context = self
    context.hasKeyFindings = !keyFindings.isEmpty
    context.hasFigures = !figures.isEmpty
    context.hasBreakdowns = !breakdowns.isEmpty
    context.hasVerbatims = !verbatims.isEmpty
    context.hasImprovements = !improvements.isEmpty
    context.hasNextSteps = !nextSteps.isEmpty
    return context
  }
}

struct EventContext {
  var name: String?
  var date: String?
  var place: String?
  var organiser: String?
}

/// The day as a facilitator recalls it.
struct DayContext {
  /// When, where, who organised and ran it, what it was called.
  var paragraph: String
  /// “Ses objectifs étaient de :” / “Its objectives were to:”, or `nil` without objectives.
  var objectivesIntro: String?
  var objectives: [String]
  /// “Le programme comportait trois temps :”, or `nil` without a programme.
  var programmeIntro: String?
  var programme: [ProgrammeContext]
}

struct ProgrammeContext {
  var title: String
  var summary: String?
}

/// Who answered.
struct AttendanceContext {
  /// The response rate and the responses left out, as sentences.
  var sentences: [String]
  /// One table per question describing who answered (role, structure, how
  /// they came), values under k pooled.
  var tables: [CaptionedTable]
  /// Where they came from (`synthesis: territory`), within the k rule.
  var territory: String?
}

struct CaptionedTable {
  var caption: String
  var table: TableContext
  /// Said under the table (what was pooled), or `nil`.
  var note: String?
}

/// One row of the key figures table.
struct FigureRow {
  var indicator: String
  /// The figure as a reader weighs it: the count first below 30
  /// respondents (“9 sur 14 (64 %)”), a mean with its scale (“4,0 sur 5”).
  var result: String
  var value: String
  var interval: String
  var n: String
  var target: String
  /// The target verdict in three states: atteint, non atteint, non concluant.
  var verdict: String
  /// The same as `verdict` (earlier templates' name).
  var met: String
}

/// A non-loop section of the survey and its questions' summaries.
struct SectionContext {
  var title: String
  var questions: [QuestionContext]
}

struct QuestionContext {
  var label: String
  /// One or two sentences: mean and top box, most ticked answers, distribution.
  var summary: String
  /// Lines of a list under the summary (a matrix's rows), each a whole phrase.
  var lines: [String]
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
  /// “Les trois outils comparés” / “The three tools compared”.
  var comparisonTitle: String
  var comparison: TableContext?
  /// One sentence per indicator computed per item: which come first, at which n,
  /// or that there is no clear difference.
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
  /// How the score is counted, in words.
  var explanation: String
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
  /// The groups left out because every figure of theirs is withheld, and
  /// how many people they hold, or `nil`.
  var note: String?
}

struct VerbatimGroup {
  var question: String
  /// “Trois participants ont répondu :” — how many answered, in words.
  var intro: String?
  var quotes: [String]
  /// Said when the quotations come from the first answers only (the engine
  /// keeps a bounded number per question): `nil` otherwise.
  var cut: String?
}

/// One next step: a question counted (`summary`) or quoted (`quotes`).
struct NextStepContext {
  var label: String
  var summary: String?
  var quotes: [String]
}

struct MethodContext {
  var responses: String
  var partial: String?
  var rehearsal: String?
  var intervals: String
  var targets: String
  var comparisons: String
  var rounding: String
  var index: String?
  var suppression: String
  var surveyID: String
  var version: String
  var lastResponse: String?
}
