import Aggregation
import SurveyDefinition

/// The sentences of the key findings paragraph, built from the figures in
/// correct French or English: agreement of verb and noun with the count,
/// “none” and “all” said as such, the target said met or not met.
///
/// Every text argument (labels, question wordings) must already be safe
/// Markdown; the builder only adds its own words, numbers and punctuation.
public struct FindingSentence: Sendable {
  public let typography: Typography

  public init(_ language: ReportLanguage) {
    self.typography = Typography(language)
  }

  private var isFrench: Bool { typography.language == .french }
  private var nbsp: String { Typography.noBreakSpace }
  private var apostrophe: String { Typography.apostrophe }

  /// What a finding is about: the indicator's own label, or the question it
  /// is computed on when the indicator has none.
  public enum Subject: Sendable, Hashable {
    case label(String)
    case question(String)
  }

  // MARK: Sentences

  /// “12 des 15 personnes inscrites ont répondu au questionnaire (80 %).”
  public func responseRate(responses: Int, registered: Int, target: TargetClause? = nil) -> String {
    let rate = registered > 0 ? Double(responses) / Double(registered) : 0
    let share = typography.percent(rate)
    var text: String
    if isFrench {
      switch (responses, registered) {
      case (0, _):
        text = "aucune des \(people(registered)) inscrites n\(apostrophe)a répondu au questionnaire"
      case (1, 1): text = "la seule personne inscrite a répondu au questionnaire (\(share))"
      case (1, _):
        text = "l\(apostrophe)une des \(people(registered)) inscrites a répondu au questionnaire (\(share))"
      case let (r, n) where r == n:
        text = "les \(people(n)) inscrites ont toutes répondu au questionnaire (\(share))"
      case let (r, n) where r > n:
        text =
          "\(typography.integer(r)) personnes ont répondu au questionnaire pour \(typography.integer(n)) "
          + (n == 1 ? "inscrite" : "inscrites") + " (\(share))"
      default:
        text =
          "\(typography.integer(responses)) des \(people(registered)) inscrites ont répondu au questionnaire (\(share))"
      }
    } else {
      let noun = registered == 1 ? "person" : "people"
      switch (responses, registered) {
      case (0, _):
        text = "none of the \(typography.integer(registered)) \(noun) registered answered the survey"
      case (1, 1): text = "the only person registered answered the survey (\(share))"
      case let (r, n) where r == n:
        text = "all \(typography.integer(n)) people registered answered the survey (\(share))"
      case let (r, n) where r > n:
        text =
          "\(typography.integer(r)) people answered the survey for \(typography.integer(n)) registered (\(share))"
      default:
        text =
          "\(typography.integer(responses)) of the \(typography.integer(registered)) \(noun) registered answered the survey (\(share))"
      }
    }
    return finish(text, target: target)
  }

  /// Top box and share: “12 des 15 répondants (80 %) choisissent « A » ou « B »”.
  ///
  /// - Parameters:
  ///   - count: respondents whose answer counts (rounded from value × n when
  ///     the engine gives only the proportion).
  ///   - n: respondents who answered.
  ///   - answers: the labels of the answers that count, already quoted-safe.
  public func proportion(
    subject: Subject, count: Int, of n: Int, answers: [String], target: TargetClause? = nil
  ) -> String {
    let share = typography.percent(n > 0 ? Double(count) / Double(n) : 0)
    let quotedAnswers = answers.map(typography.quoted)
    var text: String
    if isFrench {
      let alternatives = list(quotedAnswers, conjunction: "ou")
      let negated =
        quotedAnswers.count > 1 ? "ni " + quotedAnswers.joined(separator: " ni ") : alternatives
      let verbNegated = quotedAnswers.count > 1 ? "ne choisit" : "ne choisit pas"
      switch (count, n) {
      case (0, 1): text = "le seul répondant (\(share)) \(verbNegated) \(negated)"
      case (0, _): text = "aucun des \(respondents(n)) (\(share)) ne choisit \(negated)"
      case (1, 1): text = "le seul répondant (\(share)) choisit \(alternatives)"
      case (1, _): text = "l\(apostrophe)un des \(respondents(n)) (\(share)) choisit \(alternatives)"
      case let (c, m) where c == m: text = "les \(respondents(m)) (\(share)) choisissent \(alternatives)"
      default:
        text = "\(typography.integer(count)) des \(respondents(n)) (\(share)) choisissent \(alternatives)"
      }
    } else {
      let alternatives = list(quotedAnswers, conjunction: "or")
      switch (count, n) {
      case (0, 1): text = "the only respondent (\(share)) did not choose \(alternatives)"
      case (0, _): text = "none of the \(respondents(n)) (\(share)) chose \(alternatives)"
      case (1, 1): text = "the only respondent (\(share)) chose \(alternatives)"
      case let (c, m) where c == m: text = "all \(respondents(m)) (\(share)) chose \(alternatives)"
      default: text = "\(typography.integer(count)) of the \(respondents(n)) (\(share)) chose \(alternatives)"
      }
    }
    return finish(text, subject: subject, target: target)
  }

  /// “Note moyenne de 3,8 sur 5 (15 réponses)”.
  public func mean(
    subject: Subject, value: String, scaleMaximum: Int?, n: Int, target: TargetClause? = nil
  )
    -> String
  {
    let outOf = scaleMaximum.map { isFrench ? " sur \($0)" : " out of \($0)" } ?? ""
    let text =
      isFrench
      ? "note moyenne de \(value)\(outOf) (\(answersCount(n)))"
      : "average score \(value)\(outOf) (\(answersCount(n)))"
    return finish(text, subject: subject, target: target)
  }

  /// “Indice de 78 sur 100 (15 répondants)”.
  public func index(subject: Subject, value: String, n: Int, target: TargetClause? = nil) -> String {
    let text =
      isFrench
      ? "indice de \(value) sur 100 (\(respondents(n)))"
      : "index \(value) out of 100 (\(respondents(n)))"
    return finish(text, subject: subject, target: target)
  }

  /// “Score de +35, sur une échelle de −100 à +100 (20 réponses)”.
  public func netPromoter(subject: Subject, value: String, n: Int, target: TargetClause? = nil) -> String {
    let range = "\(Typography.minus)100"
    let text =
      isFrench
      ? "score de \(value), sur une échelle de \(range) à +100 (\(answersCount(n)))"
      : "a score of \(value), on a scale from \(range) to +100 (\(answersCount(n)))"
    return finish(text, subject: subject, target: target)
  }

  /// “« Plan de coopération » arrive en tête (4,1), devant « A » (3,6) et « B » (3,2)”.
  ///
  /// `ranked` is best first: (label, formatted value). The first `tiedFirst`
  /// entries share the first place (same value): “« A » et « B » arrivent en
  /// tête à égalité (58 %), devant « C » (42 %)”.
  public func ranking(
    subject: Subject?, ranked: [(label: String, value: String)], tiedFirst: Int = 1
  ) -> String {
    guard let first = ranked.first else { return "" }
    let leaders = ranked.prefix(max(1, min(tiedFirst, ranked.count))).map { typography.quoted($0.label) }
    let rest = ranked.dropFirst(leaders.count).map { "\(typography.quoted($0.label)) (\($0.value))" }
    var text: String
    if isFrench {
      text =
        leaders.count == 1
        ? "\(leaders[0]) arrive en tête (\(first.value))"
        : "\(list(leaders, conjunction: "et")) arrivent en tête à égalité (\(first.value))"
      if !rest.isEmpty { text += ", devant " + list(rest, conjunction: "et") }
    } else {
      text =
        leaders.count == 1
        ? "\(leaders[0]) comes first (\(first.value))"
        : "\(list(leaders, conjunction: "and")) share first place (\(first.value))"
      if !rest.isEmpty { text += ", ahead of " + list(rest, conjunction: "and") }
    }
    return finish(text, subject: subject, target: nil)
  }

  // MARK: Targets

  /// The end of a sentence about a target: “l’objectif de 80 % est atteint”.
  public struct TargetClause: Sendable, Hashable {
    public var comparison: Target.Comparison
    /// The target value, formatted like the figure it is compared with.
    public var value: String
    public var verdict: TargetVerdict

    public init(comparison: Target.Comparison, value: String, verdict: TargetVerdict) {
      self.comparison = comparison
      self.value = value
      self.verdict = verdict
    }
  }

  /// `l’objectif de 80 % est atteint` / `the 80% target is met`; a target
  /// the interval straddles is “not conclusive at this n”.
  public func clause(_ target: TargetClause) -> String {
    if isFrench {
      let goal: String
      switch target.comparison {
      case .atLeast: goal = "l\(apostrophe)objectif de \(target.value)"
      case .atMost: goal = "l\(apostrophe)objectif d\(apostrophe)au plus \(target.value)"
      case .greater: goal = "l\(apostrophe)objectif de plus de \(target.value)"
      case .less: goal = "l\(apostrophe)objectif de moins de \(target.value)"
      case .equal: goal = "l\(apostrophe)objectif d\(apostrophe)exactement \(target.value)"
      }
      switch target.verdict {
      case .met: return goal + " est atteint"
      case .notMet: return goal + " n\(apostrophe)est pas atteint"
      case .notConclusive:
        return "on ne peut pas dire, avec si peu de réponses, si " + goal + " est atteint"
      }
    } else {
      let goal: String
      switch target.comparison {
      case .atLeast: goal = "the target of \(target.value)"
      case .atMost: goal = "the target of at most \(target.value)"
      case .greater: goal = "the target of more than \(target.value)"
      case .less: goal = "the target of less than \(target.value)"
      case .equal: goal = "the target of exactly \(target.value)"
      }
      switch target.verdict {
      case .met: return goal + " is met"
      case .notMet: return goal + " is not met"
      case .notConclusive: return "with so few answers, whether " + goal + " is met cannot be told"
      }
    }
  }

  // MARK: Pieces

  /// `15 répondants`, `1 répondant`; `15 respondents`.
  public func respondents(_ n: Int) -> String {
    let count = typography.integer(n)
    if isFrench { return n == 1 || n == 0 ? "\(count) répondant" : "\(count) répondants" }
    return n == 1 ? "\(count) respondent" : "\(count) respondents"
  }

  /// `15 réponses`, `1 réponse`; `15 answers`.
  public func answersCount(_ n: Int) -> String {
    let count = typography.integer(n)
    if isFrench { return n == 1 || n == 0 ? "\(count) réponse" : "\(count) réponses" }
    return n == 1 ? "\(count) answer" : "\(count) answers"
  }

  private func people(_ n: Int) -> String {
    n == 1 ? "\(typography.integer(n)) personne" : "\(typography.integer(n)) personnes"
  }

  /// `a`, `a ou b`, `a, b ou c`.
  public func list(_ items: [String], conjunction: String) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
    }
  }

  /// Adds the subject before, the target clause after, capitalises and ends
  /// with a full stop.
  private func finish(_ body: String, subject: Subject? = nil, target: TargetClause?) -> String {
    var text = body
    if let subject {
      switch subject {
      case .label(let label): text = label + typography.colon + text
      case .question(let question):
        text =
          isFrench
          ? "à la question \(typography.quoted(question)), " + text
          : "asked \(typography.quoted(question)), " + text
      }
    }
    if let target { text += typography.semicolon + clause(target) }
    return capitalised(text) + "."
  }

  private func capitalised(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }
}
