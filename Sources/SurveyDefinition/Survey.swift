/// A survey definition, loaded from one YAML file of `Surveys/`.
///
/// The model is fully resolved: choice lists, scales and item lists named by
/// id are copied into the questions and sections that use them, so that a
/// consumer never has to look them up again.
public struct Survey: Sendable, Hashable {
  /// `[a-z0-9-]+`; names the store and the report folder.
  public var id: String
  /// Bumped by the author on a change of meaning.
  public var version: Int
  public var title: LocalizedText
  public var description: LocalizedText?
  /// The first is the default.
  public var languages: [String]
  public var event: Event?
  public var privacy: Privacy
  /// Reusable choice lists (`choices:`), in file order.
  public var choiceLists: [ChoiceList]
  /// Reusable scales (`scales:`), in file order.
  public var scales: [Scale]
  /// Item lists (`items:`) that sections loop over, in file order.
  public var itemLists: [ChoiceList]
  public var sections: [Section]
  public var indicators: [Indicator]
  /// Single-choice question ids every indicator is crossed with.
  public var breakdowns: [String]
  /// What the synthesis draws its story from (`synthesis:`); `nil` when absent.
  public var synthesis: SynthesisRoles?
  /// The earlier survey this one follows up (`follows: SURVEY_ID`): its
  /// responses are linked to that survey's by a pseudonymous token.
  public var follows: FollowedSurvey?
  /// `follow_up_token: true`: the end of the questionnaire shows the
  /// participant the token a later follow-up survey asks for.
  public var showsFollowUpToken: Bool
  /// The file it was loaded from, as given.
  public var sourcePath: String

  public init(
    id: String, version: Int, title: LocalizedText, description: LocalizedText? = nil,
    languages: [String], event: Event? = nil, privacy: Privacy = Privacy(),
    choiceLists: [ChoiceList] = [], scales: [Scale] = [], itemLists: [ChoiceList] = [], sections: [Section],
    indicators: [Indicator] = [],
    breakdowns: [String] = [], synthesis: SynthesisRoles? = nil, follows: FollowedSurvey? = nil,
    showsFollowUpToken: Bool = false, sourcePath: String = ""
  ) {
    self.id = id
    self.version = version
    self.title = title
    self.description = description
    self.languages = languages
    self.event = event
    self.privacy = privacy
    self.choiceLists = choiceLists
    self.scales = scales
    self.itemLists = itemLists
    self.sections = sections
    self.indicators = indicators
    self.breakdowns = breakdowns
    self.synthesis = synthesis
    self.follows = follows
    self.showsFollowUpToken = showsFollowUpToken
    self.sourcePath = sourcePath
  }

  /// The default language (the first of `languages`).
  public var defaultLanguage: String { languages.first ?? "fr" }

  /// The question with `id`, with its section.
  public func question(_ id: String) -> (question: Question, section: Section)? {
    for section in sections {
      if let question = section.questions.first(where: { $0.id == id }) { return (question, section) }
    }
    return nil
  }

  /// Every question, in order, with its section.
  public var allQuestions: [(question: Question, section: Section)] {
    sections.flatMap { section in section.questions.map { ($0, section) } }
  }
}

/// The event a survey evaluates, printed on reports.
public struct Event: Sendable, Hashable {
  public var name: LocalizedText?
  /// ISO date `YYYY-MM-DD`, as written.
  public var date: String?
  public var place: String?
  public var organiser: String?
  /// People registered, for the response rate.
  public var registered: Int?
  /// Who ran the day, as a sentence fragment (“la directrice de Cap Rural et
  /// son chargé de mission”).
  public var facilitators: LocalizedText?
  /// The day's stated objectives, in order.
  public var objectives: [LocalizedText]
  /// The programme: its parts in order, each with an optional one-line summary.
  public var programme: [ProgrammePart]
  /// The IANA time zone the event took place in (`Europe/Paris`): the dates
  /// reports print are this zone's days. `nil`: UTC.
  public var timeZone: String?

  public init(
    name: LocalizedText? = nil, date: String? = nil, place: String? = nil, organiser: String? = nil,
    registered: Int? = nil, facilitators: LocalizedText? = nil, objectives: [LocalizedText] = [],
    programme: [ProgrammePart] = [], timeZone: String? = nil
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

/// One part of an event's programme.
public struct ProgrammePart: Sendable, Hashable {
  public var title: LocalizedText
  public var summary: LocalizedText?

  public init(title: LocalizedText, summary: LocalizedText? = nil) {
    self.title = title
    self.summary = summary
  }
}

/// Some answers of one question: `{question: connaissance, values: [inconnu]}`.
public struct AnswerSet: Sendable, Hashable {
  public var question: String
  public var values: [String]

  public init(question: String, values: [String]) {
    self.question = question
    self.values = values
  }
}

/// Which questions the synthesis tells the day's story with (`synthesis:`).
/// Every entry is optional; without one, the synthesis leaves that part out.
public struct SynthesisRoles: Sendable, Hashable {
  /// A single or multiple question (usually inside a loop) and the answers
  /// meaning “I did not know it before the day”: what most people discovered.
  public var discovered: AnswerSet?
  /// A multiple question of limits (usually inside a loop): the limit cited
  /// most across the items.
  public var limits: String?
  /// A text or single question naming where a respondent comes from: who came.
  public var territory: String?
  /// Free-text questions quoted under “what to improve”.
  public var improve: [String]
  /// Questions counted (choices, yes/no) or quoted (text) under “next steps”.
  public var nextSteps: [String]

  public init(
    discovered: AnswerSet? = nil, limits: String? = nil, territory: String? = nil,
    improve: [String] = [], nextSteps: [String] = []
  ) {
    self.discovered = discovered
    self.limits = limits
    self.territory = territory
    self.improve = improve
    self.nextSteps = nextSteps
  }
}

/// Privacy settings: the smallest group a report may publish, and the notice.
public struct Privacy: Sendable, Hashable {
  /// No breakdown cell below this count is published (default 3).
  public var minGroupSize: Int
  public var notice: LocalizedText?

  public init(minGroupSize: Int = 3, notice: LocalizedText? = nil) {
    self.minGroupSize = minGroupSize
    self.notice = notice
  }
}

/// The survey a follow-up survey follows (`follows:`), as written.
public struct FollowedSurvey: Sendable, Hashable {
  /// The followed survey's id.
  public var id: String
  /// Where `follows:` is written, for lint.
  public var location: SourceLocation

  public init(id: String, location: SourceLocation) {
    self.id = id
    self.location = location
  }
}
