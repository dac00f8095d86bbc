import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition

/// Plausible synthetic responses to a survey, for rehearsals and benchmarks.
///
/// Participants come in pairs and trios per territory (some alone), with a
/// realistic mix of roles and of structures that fit them. Each participant
/// has a latent satisfaction that moves all their ratings together (a
/// satisfied participant rates the day's parts higher), each tool has its own
/// appeal, elected officials value political backing, some optional questions
/// are skipped, free text comes from a phrase bank, and a few responses stop
/// half-way (partial). The same seed always gives the same responses.
public struct SyntheticResponses: Sequence, Sendable {
  public let survey: Survey
  public let count: Int
  public let seed: UInt64
  public let language: String

  public init(survey: Survey, count: Int, seed: UInt64, language: String? = nil) {
    self.survey = survey
    self.count = count
    self.seed = seed
    self.language = language ?? survey.defaultLanguage
  }

  public func makeIterator() -> Iterator {
    Iterator(plan: Plan(survey: survey, language: language), count: count, seed: seed)
  }

  /// Produces the responses one at a time: memory does not grow with `count`.
  public struct Iterator: IteratorProtocol {
    let plan: Plan
    let count: Int
    var produced = 0
    var random: SeededGenerator
    var group: [Participant] = []

    init(plan: Plan, count: Int, seed: UInt64) {
      self.plan = plan
      self.count = count
      self.random = SeededGenerator(seed: seed)
    }

    public mutating func next() -> Response? {
      guard produced < count else { return nil }
      if group.isEmpty { group = plan.makeGroup(&random) }
      let participant = group.removeFirst()
      let response = plan.makeResponse(for: participant, index: produced, random: &random)
      produced += 1
      return response
    }
  }
}

/// One synthetic participant: who they are and how they feel about the day.
struct Participant: Sendable {
  var role: String?
  var structure: String?
  var territory: String
  var groupSize: Int
  /// Standard-normal latent satisfaction: moves every rating together.
  var mood: Double
  var name: (first: String, last: String)
}

/// What the generator knows of the survey, computed once.
struct Plan: Sendable {
  let survey: Survey
  let language: String
  let instances: [QuestionInstance]
  let flow: SurveyFlow
  let bank: PhraseBank
  let schemaHash: String
  let startDate: Date
  /// The role and structure questions: the first two `breakdowns`.
  let roleQuestion: String?
  let structureQuestion: String?
  /// Appeal of each loop item (a tool), from −0.6 to +0.6, fixed by position.
  let itemAppeal: [String: Double]

  init(survey: Survey, language: String) {
    self.survey = survey
    self.language = language
    self.instances = survey.instances
    self.flow = survey.flow
    self.bank = PhraseBank.forLanguage(language)
    self.schemaHash = survey.schemaHash
    self.roleQuestion = survey.breakdowns.first
    self.structureQuestion = survey.breakdowns.dropFirst().first
    var appeal: [String: Double] = [:]
    let pattern = [0.25, -0.35, 0.45, -0.1, 0.1, -0.5]
    for list in survey.itemLists {
      for (index, item) in list.choices.enumerated() { appeal[item.code] = pattern[index % pattern.count] }
    }
    self.itemAppeal = appeal
    self.startDate = Plan.eventStart(survey.event?.date)
  }

  /// 16:40 UTC on the event's date (the end of the day), or 2020-01-01.
  static func eventStart(_ date: String?) -> Date {
    let day = date.flatMap(CalendarDay.init) ?? CalendarDay("2020-01-01")!
    return day.date(hour: 16, minute: 40)
  }

  // MARK: Participants

  /// A pair, a trio, or someone alone, from one territory.
  func makeGroup(_ random: inout SeededGenerator) -> [Participant] {
    let size = [1, 2, 2, 3, 3, 2][random.weightedIndex([0.2, 0.25, 0.2, 0.15, 0.1, 0.1])]
    let territory = bank.territories[Int(random.next() % UInt64(bank.territories.count))]
    return (0..<size).map { _ in
      let role = pickRole(&random)
      return Participant(
        role: role, structure: pickStructure(for: role, &random), territory: territory, groupSize: size,
        mood: random.normal(), name: Plan.names[Int(random.next() % UInt64(Plan.names.count))])
    }
  }

  private func pickRole(_ random: inout SeededGenerator) -> String? {
    guard let id = roleQuestion, let choices = survey.question(id)?.question.kind.choices else { return nil }
    let weights = choices.map { Plan.roleWeights[$0.code] ?? 0.1 }
    return choices[random.weightedIndex(weights)].code
  }

  private func pickStructure(for role: String?, _ random: inout SeededGenerator) -> String? {
    guard let id = structureQuestion, let question = survey.question(id)?.question,
      let choices = question.kind.choices
    else { return nil }
    let preferred = Plan.structuresByRole[role ?? ""] ?? []
    var weights = choices.map { preferred.contains($0.code) ? 3.0 : 0.6 }
    if question.kind.hasOther { weights.append(0.25) }
    let index = random.weightedIndex(weights)
    return index < choices.count ? choices[index].code : "other"
  }

  static let roleWeights: [String: Double] = [
    "elu": 0.34, "agent": 0.40, "societe_civile": 0.21, "autre": 0.05,
  ]
  static let structuresByRole: [String: Set<String>] = [
    "elu": ["commune", "intercommunalite", "pays_petr", "departement_region"],
    "agent": ["intercommunalite", "pays_petr", "pnr", "gal"],
    "societe_civile": ["cld", "association", "gal"],
    "autre": ["association", "departement_region"],
  ]
  static let names: [(first: String, last: String)] = [
    ("claire", "martin"), ("jean", "dupuis"), ("sophie", "bernard"), ("marc", "rousset"),
    ("anne", "faure"), ("pierre", "chol"), ("lucie", "gaillard"), ("olivier", "brunel"),
    ("nadia", "benali"), ("thomas", "vial"), ("helene", "perrin"), ("karim", "mansour"),
  ]

  // MARK: Responses

  func makeResponse(for participant: Participant, index: Int, random: inout SeededGenerator) -> Response {
    var bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let id = UUID(
      uuid: (
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
      ))
    let started = startDate.addingTimeInterval(Double(index) * 41 + Double(random.next() % 30))
    // About one response in fourteen stops half-way.
    let stopAfter: Int? =
      random.chance(1.0 / 14) ? 2 + Int(random.next() % UInt64(max(1, instances.count - 3))) : nil
    var answers: Answers = [:]
    var contacts: [String: String] = [:]
    var shown = 0
    for instance in instances {
      if let stopAfter, shown >= stopAfter { break }
      guard flow.isShown(instance, answers: answers) else { continue }
      shown += 1
      answer(instance, participant: participant, answers: &answers, contacts: &contacts, random: &random)
    }
    let complete = stopAfter == nil
    return Response(
      id: id, surveyID: survey.id, surveyVersion: survey.version, schemaHash: schemaHash,
      status: complete ? .complete : .partial, language: language, startedAt: started,
      submittedAt: complete ? started.addingTimeInterval(360 + Double(random.next() % 540)) : nil,
      source: .synthetic, answers: answers, contacts: contacts)
  }

  /// Fills the answer(s) of one question occurrence.
  func answer(
    _ instance: QuestionInstance, participant: Participant, answers: inout Answers,
    contacts: inout [String: String], random: inout SeededGenerator
  ) {
    let question = instance.question
    let key = instance.key
    let appeal = instance.item.flatMap { itemAppeal[$0.code] } ?? 0
    let skipRate: Double
    switch question.kind {
    case .text: skipRate = 0.3
    case .longText: skipRate = 0.5
    default: skipRate = 0.04
    }
    if !question.required && random.chance(skipRate) { return }
    switch question.kind {
    case .single(let choices, let other):
      let code = single(
        question, choices: choices, other: other, participant: participant, appeal: appeal, &random)
      answers[key] = .code(code)
      if code == "other" { answers[key + ".other"] = .text(pick(bank.otherAnswers, &random)) }
    case .multiple(let choices, let other, let min, let max, let exclusive):
      var codes = multiple(
        question, choices: choices, min: min, max: max, exclusive: exclusive, participant: participant,
        &random)
      if other && codes.count < (max ?? Int.max) && !codes.contains(where: exclusive.contains)
        && random.chance(0.08)
      {
        codes.append("other")
        answers[key + ".other"] = .text(pick(bank.otherAnswers, &random))
      }
      if codes.isEmpty { return }
      answers[key] = .codes(codes)
    case .scale(let scale):
      answers[key] = rating(scale, participant: participant, shift: appeal, &random)
    case .nps:
      let score = 8.2 + 1.3 * participant.mood + 1.0 * random.normal()
      answers[key] = .integer(Swift.min(10, Swift.max(0, Int(score.rounded()))))
    case .matrix(let rows, let scale):
      for (index, row) in rows.enumerated() {
        let rowShift = appeal + [0.2, -0.15, 0.05, -0.3, 0.1][index % 5]
        answers["\(key).\(row.code)"] = rating(scale, participant: participant, shift: rowShift, &random)
      }
    case .ranking(let choices, let pick):
      answers[key] = .codes(ranking(choices: choices, pick: pick, participant: participant, &random))
    case .text(let maxLength), .longText(let maxLength):
      let text =
        question.id.contains("territ")
        ? participant.territory
        : pick(bank.phrases(forQuestion: question.id, isLong: false, isOther: false), &random)
      answers[key] = .text(String(text.prefix(maxLength)))
    case .number(let min, let max, let integer):
      let low = min ?? 0
      let high = max ?? low + 100
      let value = low + random.unit() * (high - low)
      answers[key] = integer ? .integer(Int(value.rounded())) : .number((value * 10).rounded() / 10)
    case .boolean:
      answers[key] = .boolean(random.chance(0.55 + 0.1 * participant.mood))
    case .email:
      contacts[key] = "\(participant.name.first).\(participant.name.last)@example.org"
    }
  }

  private func pick(_ list: [String], _ random: inout SeededGenerator) -> String {
    list[Int(random.next() % UInt64(list.count))]
  }

  /// A scale answer pulled up by mood and appeal, around 78 % of the range.
  private func rating(
    _ scale: Scale, participant: Participant, shift: Double, _ random: inout SeededGenerator
  )
    -> AnswerValue
  {
    if scale.notApplicable != nil && random.chance(0.04) { return .notApplicable }
    let span = Double(scale.max - scale.min)
    let center = Double(scale.min) + 0.78 * span
    let value = center + span / 4 * (0.6 * participant.mood + shift + 0.55 * random.normal())
    return .integer(Swift.min(scale.max, Swift.max(scale.min, Int(value.rounded()))))
  }

  private func single(
    _ question: Question, choices: [Choice], other: Bool, participant: Participant, appeal: Double,
    _ random: inout SeededGenerator
  ) -> String {
    if question.id == roleQuestion, let role = participant.role { return role }
    if question.id == structureQuestion, let structure = participant.structure { return structure }
    let codes = Set(choices.map(\.code))
    if codes.isSuperset(of: ["seul", "binome", "trio"]) {
      return ["seul", "binome", "trio"][Swift.min(2, participant.groupSize - 1)]
    }
    // Ordered lists (intention, knowledge): a more appealing tool and a happier
    // participant lean to the later, more committed answers.
    let lean = participant.mood * 0.5 + appeal
    var weights = choices.indices.map { index -> Double in
      let position = choices.count > 1 ? Double(index) / Double(choices.count - 1) - 0.5 : 0
      return Swift.max(0.05, 1 + lean * position * 2)
    }
    if other { weights.append(0.05) }
    let index = random.weightedIndex(weights)
    return index < choices.count ? choices[index].code : "other"
  }

  private func multiple(
    _ question: Question, choices: [Choice], min: Int?, max: Int?, exclusive: [String],
    participant: Participant, _ random: inout SeededGenerator
  ) -> [String] {
    if let only = exclusive.first, random.chance(0.08) { return [only] }
    var chosen: [String] = []
    for (index, choice) in choices.enumerated() where !exclusive.contains(choice.code) {
      var p = 0.22 + 0.18 * Double((index * 7) % 3)
      if choice.code == "portage_elus" && participant.role == "elu" { p = 0.85 }
      if choice.code == "portage_politique" && participant.role == "agent" { p = 0.6 }
      if random.chance(p) { chosen.append(choice.code) }
    }
    let candidates = choices.map(\.code).filter { !exclusive.contains($0) }
    while chosen.count < Swift.max(min ?? 0, 0) && chosen.count < candidates.count {
      let code = candidates[Int(random.next() % UInt64(candidates.count))]
      if !chosen.contains(code) { chosen.append(code) }
    }
    if let max, chosen.count > max { chosen = Array(chosen.prefix(max)) }
    return candidates.filter(chosen.contains)
  }

  private func ranking(
    choices: [Choice], pick: Int, participant: Participant, _ random: inout SeededGenerator
  )
    -> [String]
  {
    var pool = choices.enumerated().map { index, choice -> (String, Double) in
      var weight = 1 + 0.9 * sin(Double(index) * 1.7 + 0.4)
      if choice.code == "concurrence_territoires" && participant.role == "elu" { weight += 1.2 }
      if choice.code == "temps_moyens" && participant.role == "agent" { weight += 1.2 }
      return (choice.code, Swift.max(0.1, weight))
    }
    var ranked: [String] = []
    while ranked.count < Swift.min(pick, choices.count) {
      let index = random.weightedIndex(pool.map(\.1))
      ranked.append(pool.remove(at: index).0)
    }
    return ranked
  }
}
