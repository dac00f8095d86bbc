import Foundation
import ResponseStore
import SurveyDefinition

/// A follow-up survey's responses joined with the responses of the survey
/// they follow (`follows:`), by the token each follow-up response gave:
/// never by the email, which the join does not read.
///
/// Only the answers the follow-up's `among:` clauses read are kept, for the
/// complete followed responses that a follow-up response names: memory grows
/// with the follow-up, not with the followed survey.
public struct FollowUpJoin: Sendable, Equatable {
  /// The followed survey's id and title (in its first language).
  public let followed: Survey
  /// The followed response's answers (the keys `among:` reads), by follow-up response id.
  var originals: [UUID: Answers]
  /// Follow-up responses that gave a token no complete followed response has.
  var unknownTokens: Set<UUID>

  public init(followed: Survey, originals: [UUID: Answers], unknownTokens: Set<UUID> = []) {
    self.followed = followed
    self.originals = originals
    self.unknownTokens = unknownTokens
  }

  /// The answers of the followed response that follow-up response `id` names.
  public func original(of id: UUID) -> Answers? { originals[id] }

  /// Reads the tokens of `survey`'s responses in `store`, those issued to the
  /// responses of `followed` in `followedStore` (the same store on a server),
  /// and the followed answers the indicators' `among:` read.
  public static func prepare(
    survey: Survey, store: any ResponseRepository, followed: Survey, followedStore: any ResponseRepository
  ) throws -> FollowUpJoin {
    let given = try store.followUpTokens(survey: survey.id).given
    let issued = try followedStore.followUpTokens(survey: followed.id).issued
    var byToken: [String: UUID] = [:]
    for (id, token) in issued { byToken[token] = id }
    var wanted: [UUID: [UUID]] = [:]
    for (followUp, token) in given {
      if let original = byToken[token] { wanted[original, default: []].append(followUp) }
    }
    let keys = Set(survey.indicators.compactMap(\.among).flatMap { Self.keys(of: $0, in: followed) })
    var originals: [UUID: Answers] = [:]
    try followedStore.forEachResponse(survey: followed.id, includePartial: false) { response in
      guard let followUps = wanted[response.id] else { return }
      let kept = response.answers.filter { keys.contains($0.key) }
      for followUp in followUps { originals[followUp] = kept }
    }
    let unknown = Set(given.keys.filter { originals[$0] == nil })
    return FollowUpJoin(followed: followed, originals: originals, unknownTokens: unknown)
  }

  /// The answer keys of `followed` an `among:` reads: the key, or one per
  /// item when it names a question asked once per item.
  static func keys(of among: OriginalAnswers, in followed: Survey) -> [String] {
    let parts = among.question.split(separator: ".")
    guard parts.count == 1, let (_, section) = followed.question(among.question), section.forEach != nil
    else {
      return [among.question]
    }
    return section.items.map { "\(among.question).\($0.code)" }
  }

  /// The slot key under which a followed answer is read by the engine:
  /// `follows:KEY` (no answer key of a survey has a colon).
  static func slotKey(_ key: String) -> String { "follows:" + key }
}

/// How many follow-up responses the figures could join to the survey they follow.
public struct FollowUpSummary: Sendable, Equatable, Codable {
  /// The followed survey.
  public var survey: String
  public var title: String
  /// Included follow-up responses joined to a complete followed response.
  public var linked: Int
  /// Included follow-up responses that gave no token.
  public var withoutToken: Int
  /// Included follow-up responses whose token matches no complete followed response.
  public var unknownToken: Int

  public init(survey: String, title: String, linked: Int, withoutToken: Int, unknownToken: Int) {
    self.survey = survey
    self.title = title
    self.linked = linked
    self.withoutToken = withoutToken
    self.unknownToken = unknownToken
  }
}

extension FollowUpSummary {
  /// What the method notes say of the join, in `language` (French or English).
  public func sentence(language: String) -> String {
    let space = "\u{00A0}"
    if language == "fr" {
      let plural = linked > 1 ? "s" : ""
      return "Ce questionnaire de suivi est relié aux réponses du questionnaire «\(space)\(title)\(space)» "
        + "par le code de suivi de chaque participant, jamais par son adresse\(space): "
        + "\(linked) réponse\(plural) reliée\(plural), \(withoutToken) sans code, \(unknownToken) dont le code "
        + "ne correspond à aucune réponse complète. Les indicateurs qui portent sur les réponses d’origine ne "
        + "comptent que les réponses reliées."
    }
    return "This follow-up questionnaire is linked to the responses to “\(title)” by each participant’s "
      + "follow-up code, never by their address: \(linked) response\(linked == 1 ? "" : "s") linked, "
      + "\(withoutToken) without a code, \(unknownToken) whose code matches no complete response. "
      + "The indicators that rest on the earlier answers count the linked responses only."
  }
}
