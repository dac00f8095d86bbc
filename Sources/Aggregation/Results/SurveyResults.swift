import Foundation
import SurveyDefinition

/// Everything the engine computes for one survey: what the workbook, the
/// synthesis and `bilan stats` render.
///
/// Plain values only: labels are already resolved in the report's language,
/// numbers are unrounded (renderers round them by `Rounding`'s one rule;
/// `DistributionEntry.percent` is the one pre-rounded figure). A suppressed
/// figure is absent (`nil`), never merely flagged, so no renderer can leak it.
public struct SurveyResults: Sendable, Equatable, Codable {
  /// Which survey, which event, in which language the labels are.
  public var survey: SurveyIdentity
  /// How many responses there are and which ones the figures rest on.
  public var counts: ResponseCounts
  /// When the last included response was submitted (started, for a partial one):
  /// the reports' fixed date, never the wall clock. `nil` without responses.
  public var lastResponseDate: Date?
  /// No breakdown cell resting on fewer respondents than this is published
  /// (`privacy.min_group_size`).
  public var minGroupSize: Int
  /// Confidence level of every interval (0.95).
  public var confidenceLevel: Double
  /// One entry per indicator of the survey, in survey order.
  public var indicators: [IndicatorResult]
  /// One entry per question instance (loops unrolled item by item), in asking
  /// order; `email` questions are left out (contact data is never reported).
  public var questions: [QuestionSummary]
  /// One entry per `for_each` section: its items and the indicators computed
  /// (and ranked) per item.
  public var items: [ItemSection]
  /// The breakdown questions used, in survey order (only the `--by` one when given).
  public var breakdowns: [BreakdownSummary]
  /// Free-text answers (text, long_text and "other" texts), masked, per answer key.
  public var freeText: [FreeTextSummary]
  /// Notes about responses answered with another version of the definition
  /// (keys removed, codes renamed, scales narrowed), as the store reports them.
  public var schemaWarnings: [SchemaWarning]
  /// For a follow-up survey: how many of its responses were joined to the
  /// survey they follow (`nil` otherwise).
  public var followUp: FollowUpSummary?

  public init(
    survey: SurveyIdentity, counts: ResponseCounts, lastResponseDate: Date?, minGroupSize: Int,
    confidenceLevel: Double = 0.95, indicators: [IndicatorResult], questions: [QuestionSummary],
    items: [ItemSection], breakdowns: [BreakdownSummary], freeText: [FreeTextSummary],
    schemaWarnings: [SchemaWarning], followUp: FollowUpSummary? = nil
  ) {
    self.survey = survey
    self.counts = counts
    self.lastResponseDate = lastResponseDate
    self.minGroupSize = minGroupSize
    self.confidenceLevel = confidenceLevel
    self.indicators = indicators
    self.questions = questions
    self.items = items
    self.breakdowns = breakdowns
    self.freeText = freeText
    self.schemaWarnings = schemaWarnings
    self.followUp = followUp
  }

  /// The indicator with `id`, if any.
  public func indicator(_ id: String) -> IndicatorResult? { indicators.first { $0.id == id } }

  /// The summary of the question instance with answer key `key` (`q` or `q.ITEM`).
  public func question(_ key: String) -> QuestionSummary? { questions.first { $0.key == key } }
}

/// The survey and its event, labels resolved in the report's language.
public struct SurveyIdentity: Sendable, Equatable, Codable {
  public var id: String
  public var version: Int
  /// The survey's title in `language`.
  public var title: String
  /// The survey's languages, default first.
  public var languages: [String]
  /// The language every label of the results is in (the survey's first, or `--lang`).
  public var language: String
  public var event: EventSummary?

  public init(
    id: String, version: Int, title: String, languages: [String], language: String, event: EventSummary?
  ) {
    self.id = id
    self.version = version
    self.title = title
    self.languages = languages
    self.language = language
    self.event = event
  }
}

/// The event a survey evaluates, as printed on reports.
public struct EventSummary: Sendable, Equatable, Codable {
  /// The event's name in the report language.
  public var name: String?
  /// ISO date `YYYY-MM-DD` as written in the survey.
  public var date: String?
  public var place: String?
  public var organiser: String?
  /// People registered (`event.registered`), the response rate's denominator.
  public var registered: Int?
  /// Who ran the day, in the report language.
  public var facilitators: String?
  /// The day's objectives, in order, in the report language.
  public var objectives: [String]
  /// The programme's parts, in order.
  public var programme: [ProgrammeEntry]
  /// The IANA time zone of the event (`Europe/Paris`); `nil`: UTC.
  public var timeZone: String?

  public init(
    name: String?, date: String?, place: String?, organiser: String?, registered: Int?,
    facilitators: String? = nil, objectives: [String] = [], programme: [ProgrammeEntry] = [],
    timeZone: String? = nil
  ) {
    self.name = name
    self.date = date
    self.place = place
    self.organiser = organiser
    self.registered = registered
    self.facilitators = facilitators
    self.objectives = objectives
    self.programme = programme
    self.timeZone = timeZone
  }
}

/// One part of the event's programme, in the report language.
public struct ProgrammeEntry: Sendable, Equatable, Codable {
  public var title: String
  public var summary: String?

  public init(title: String, summary: String?) {
    self.title = title
    self.summary = summary
  }
}

/// Response counts, and which responses the figures rest on.
public struct ResponseCounts: Sendable, Equatable, Codable {
  /// Submitted responses.
  public var complete: Int
  /// Begun but not submitted.
  public var partial: Int
  /// `true` when partial responses were included (`--include-partial`);
  /// every output must then say so.
  public var includesPartial: Bool
  /// The responses every figure rests on: `complete`, plus `partial` when included.
  public var included: Int
  /// `event.registered`, if given.
  public var registered: Int?
  /// `complete / registered` (a proportion; may exceed 1), `nil` without `registered`.
  public var responseRate: Double?
  /// How many of the `included` responses are synthetic (`bilan demo`): a
  /// report resting on them says it shows rehearsal data.
  public var synthetic: Int

  /// `true` when some of the figures rest on synthetic responses.
  public var isRehearsal: Bool { synthetic > 0 }

  public init(
    complete: Int, partial: Int, includesPartial: Bool, included: Int, registered: Int?,
    responseRate: Double?, synthetic: Int = 0
  ) {
    self.complete = complete
    self.partial = partial
    self.includesPartial = includesPartial
    self.included = included
    self.registered = registered
    self.responseRate = responseRate
    self.synthetic = synthetic
  }
}

/// A code and its label in the report language: a choice, an item, a matrix row.
public struct CodeLabel: Sendable, Equatable, Hashable, Codable {
  public var code: String
  public var label: String

  public init(code: String, label: String) {
    self.code = code
    self.label = label
  }
}

/// A note on responses that do not fit the current definition (from the store).
public struct SchemaWarning: Sendable, Equatable, Codable {
  /// The answer key affected, when the note is about one key.
  public var key: String?
  /// What changed, in words (e.g. "code `autre` no longer in the list").
  public var message: String
  /// How many stored responses are affected.
  public var responses: Int

  public init(key: String?, message: String, responses: Int) {
    self.key = key
    self.message = message
    self.responses = responses
  }
}
