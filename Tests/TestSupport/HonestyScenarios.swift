import SurveyDefinition

/// Crafted answers to `Tests/AggregationTests/Fixtures/honesty.yaml`, each
/// scenario putting statistical-honesty rules on trial. The engine's tests
/// check the figures against scipy; the reports' tests check the sentences.
public enum HonestyScenarios {
  public static var surveyPath: String { Repository.path("Tests/AggregationTests/Fixtures/honesty.yaml") }

  /// One respondent. `temps` holds the three rows (matin, après-midi,
  /// visite), `nil` for a row not answered; `valeur` and `intention` one entry
  /// per tool (plan, convention, charte), `nil` when not answered.
  public static func respondent(
    role: String, satisfaction: Int, temps: [Int?], valeur: [Int?], intention: [String?]
  ) -> Answers {
    var answers: Answers = ["role": .code(role), "satisfaction": .integer(satisfaction)]
    for (row, value) in zip(["matin", "apres_midi", "visite"], temps) {
      if let value { answers["temps.\(row)"] = .integer(value) }
    }
    for (tool, value) in zip(["plan", "convention", "charte"], valeur) {
      if let value { answers["valeur.\(tool)"] = .integer(value) }
    }
    for (tool, code) in zip(["plan", "convention", "charte"], intention) {
      if let code { answers["intention.\(tool)"] = .code(code) }
    }
    return answers
  }

  /// 14 respondents. Satisfaction: 9 of 14 in the top box (64 %, Wilson
  /// [39 % ; 84 %]) against a ≥ 80 % target: not conclusive. Added value:
  /// plan 4.5 (n = 14) and convention 4.46 (n = 13) both reported 4,5 — a tie —
  /// and charte 3.93, whose interval overlaps theirs: no clear difference. The
  /// site-visit row of the matrix is answered by 10 people only.
  public static var overlapping: [Answers] {
    let satisfaction = [5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 2, 2, 1]
    let plan = [5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4]
    let convention: [Int?] = [5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, nil]
    let charte = [5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 3, 4, 4, 4]
    let intention: [[String?]] = (0..<14).map { index in
      [index < 2 ? "oui_annee" : index < 7 ? "en_cours" : "non", index < 4 ? "oui_annee" : "non", nil]
    }
    return (0..<14).map { index in
      respondent(
        role: index < 8 ? "elu" : "agent", satisfaction: satisfaction[index],
        temps: [4 + index % 2, 3 + index % 3, index < 10 ? 4 : nil],
        valeur: [plan[index], convention[index], charte[index]], intention: intention[index])
    }
  }

  /// 14 respondents. Satisfaction: 3 of 14 in the top box (21 %, Wilson
  /// [8 % ; 48 %]): the ≥ 80 % target is not met. Added value: plan and
  /// convention both 4.5, far above charte at 1.5: the two lead, tied, and
  /// both are clearly ahead of charte. The index of the parts of the day is
  /// near 0 (every row 1 but for two respondents): its interval stops at 0.
  public static var separated: [Answers] {
    let satisfaction = [5, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1]
    return (0..<14).map { index in
      let low = index < 2 ? 2 : 1
      return respondent(
        role: index < 8 ? "elu" : "agent", satisfaction: satisfaction[index], temps: [low, low, low],
        valeur: [index % 2 == 0 ? 5 : 4, index % 2 == 0 ? 4 : 5, index % 2 == 0 ? 1 : 2],
        intention: ["oui_annee", "non", "non"])
    }
  }

  /// 30 respondents, all very satisfied: satisfaction 5 for everyone (mean 5,
  /// no spread; 30 of 30 in the top box, Wilson [89 % ; 100 %]: the target is
  /// met). The parts of the day are all 5 but for two respondents at 4: the
  /// index is near 100, its t-interval would pass 100. Every tool scores 5.
  public static var unanimous: [Answers] {
    (0..<30).map { index in
      let part = index < 2 ? 4 : 5
      return respondent(
        role: index < 15 ? "elu" : "agent", satisfaction: 5, temps: [part, part, part], valeur: [5, 5, 5],
        intention: ["en_cours", "en_cours", "oui_annee"])
    }
  }
}
