import Aggregation
import Foundation
import SurveyDefinition
import XLSXWriter

/// Every word the workbook prints, in French or English.
///
/// French is used for a report in French, English for any other language
/// (the survey's own texts come already translated in the results).
struct ReportText {
  let french: Bool

  init(language: String) {
    french = language.hasPrefix("fr")
  }

  private func t(_ fr: String, _ en: String) -> String { french ? fr : en }

  // Sheet names (≤ 31 characters).
  var summarySheet: String { t("Synthèse", "Summary") }
  var indicatorsSheet: String { t("Indicateurs", "Indicators") }
  var itemsSheet: String { t("Par outil", "By tool") }
  var questionsSheet: String { t("Questions", "Questions") }
  var breakdownsSheet: String { t("Croisements", "Breakdowns") }
  var commentsSheet: String { t("Verbatims", "Comments") }
  var dataSheet: String { t("Données", "Data") }
  var labelledDataSheet: String { t("Données (libellés)", "Data (labels)") }
  var codebookSheet: String { t("Dictionnaire", "Codebook") }
  var editionsSheet: String { t("Éditions", "Editions") }

  /// The file name of the funder workbook.
  var fileName: String { t("synthese.xlsx", "synthesis.xlsx") }
  /// The file name of the internal workbook (row-level data).
  var internalFileName: String { t("donnees-internes.xlsx", "internal-data.xlsx") }
  /// The internal workbook's first sheet.
  var warningSheet: String { t("À lire d’abord", "Read first") }

  // Summary.
  var event: String { t("Événement", "Event") }
  var date: String { t("Date", "Date") }
  var place: String { t("Lieu", "Place") }
  var organiser: String { t("Organisateur", "Organiser") }
  var completeResponses: String { t("Réponses complètes", "Complete responses") }
  var partialResponses: String { t("Réponses partielles", "Partial responses") }
  var includedPartial: String { t("incluses dans les chiffres", "included in the figures") }
  var excludedPartial: String { t("non incluses", "not included") }
  var registered: String { t("Inscrits", "Registered") }
  var responseRate: String { t("Taux de réponse", "Response rate") }
  var keyFigures: String { t("Indicateurs clés", "Key figures") }
  var method: String { t("Méthode", "Method") }

  // Column headers.
  var indicator: String { t("Indicateur", "Indicator") }
  var indicatorID: String { t("Code indicateur", "Indicator id") }
  var kind: String { t("Type", "Kind") }
  var item: String { t("Élément", "Item") }
  var breakdown: String { t("Croisement", "Breakdown") }
  var group: String { t("Groupe", "Group") }
  var value: String { t("Valeur", "Value") }
  var ciLow: String { t("IC 95 % bas", "95% CI low") }
  var ciHigh: String { t("IC 95 % haut", "95% CI high") }
  var n: String { "n" }
  var target: String { t("Cible", "Target") }
  var verdict: String { t("Atteint ?", "Met?") }
  var rank: String { t("Rang", "Rank") }
  var withheld: String { t("Masqué", "Withheld") }
  var met: String { t("atteint", "met") }
  var notMet: String { t("non atteint", "not met") }
  var notConclusive: String { t("non concluant", "not conclusive") }
  var overall: String { t("Ensemble", "All") }
  var tool: String { t("Outil", "Tool") }
  var answer: String { t("Réponse", "Answer") }
  var count: String { t("Effectif", "Count") }
  var percent: String { "%" }
  var mean: String { t("Moyenne", "Mean") }
  var median: String { t("Médiane", "Median") }
  var standardDeviation: String { t("Écart-type", "Standard deviation") }
  var minimum: String { "Min" }
  var maximum: String { "Max" }
  var borda: String { t("Score (points moyens)", "Score (mean points)") }

  /// How a ranking's score is counted, in words.
  func rankingScore(pick: Int) -> String {
    let places = (1...max(1, pick)).map { rank in
      french
        ? "\(pick - rank + 1) pour une \(rank == 1 ? "1re" : "\(rank)e") place"
        : "\(pick - rank + 1) for a \(["1st", "2nd", "3rd"].indices.contains(rank - 1) ? ["1st", "2nd", "3rd"][rank - 1] : "\(rank)th") place"
    }
    return french
      ? "score : points moyens par répondant, " + places.joined(separator: ", ") + ", 0 sans place"
      : "score: mean points per respondent, " + places.joined(separator: ", ") + ", 0 unranked"
  }
  var rankedFirst: String { t("Classée 1re", "Ranked first") }
  var question: String { t("Question", "Question") }
  var key: String { t("Clé", "Key") }
  var questionText: String { t("Intitulé", "Question text") }
  var type: String { t("Type", "Type") }
  var scaleOrChoices: String { t("Échelle ou choix (code = libellé)", "Scale or choices (code = label)") }
  var condition: String { t("Condition", "Condition") }
  var section: String { t("Rubrique", "Section") }
  var comment: String { t("Verbatim", "Comment") }
  var responseID: String { t("Réponse (id)", "Response (id)") }
  var status: String { t("Statut", "Status") }
  var language: String { t("Langue", "Language") }
  var submitted: String { t("Envoyée le", "Submitted") }
  var topChoices: String { t("Réponses les plus cochées", "Most ticked answers") }
  var clearlyAheadOf: String { t("Nettement devant", "Clearly ahead of") }

  /// A chart's title with what it rests on: “… (n = 14)”, “… (n = 13 à 14)”,
  /// and its target when it has one.
  func chartTitle(_ title: String, n: [Int], target: String? = nil) -> String {
    guard let low = n.min(), let high = n.max() else { return title }
    let range = low == high ? integer(low) : integer(low) + (french ? " à " : "–") + integer(high)
    let target = target.map { (french ? " · cible " : " · target ") + $0 } ?? ""
    return title + " (n\u{00A0}=\u{00A0}" + range + target + ")"
  }
  /// The column of one answer a share counts: “« Oui, dans l’année » (nombre)”.
  func partCount(_ answer: String) -> String {
    french ? "«\u{00A0}\(answer)\u{00A0}» (nombre)" : "“\(answer)” (count)"
  }
  var promoters: String { t("Donnent 9 ou 10", "Give 9 or 10") }
  var passives: String { t("Donnent 7 ou 8", "Give 7 or 8") }
  var detractors: String { t("Donnent 0 à 6", "Give 0 to 6") }
  var npsScore: String {
    t(
      "Score de recommandation (% de 9-10 moins % de 0-6)",
      "Recommendation score (% giving 9-10 minus % giving 0-6)")
  }
  var cronbachAlpha: String {
    t(
      "Cohérence des réponses d’une ligne à l’autre (α de Cronbach, de 0 à 1)",
      "Consistency of the answers across rows (Cronbach’s α, 0 to 1)")
  }
  var topBoxShare: String { t("Part des réponses favorables", "Share of favourable answers") }
  var yes: String { t("Oui", "Yes") }
  var no: String { t("Non", "No") }
  var notApplicableCode: String { "na" }
  var edition: String { t("Édition", "Edition") }
  var pooled: String { t("Toutes éditions", "All editions") }
  var chartData: String { t("Données du graphique", "Chart data") }
  var offset: String { t("(décalage)", "(offset)") }

  func answeredLine(answered: Int, notApplicable: Int, missing: Int) -> String {
    french
      ? "\(answered) réponses · \(notApplicable) sans avis · \(missing) sans réponse"
      : "\(answered) answers · \(notApplicable) no opinion · \(missing) not answered"
  }

  func suppressed(_ minimum: Int) -> String { "< \(minimum)" }

  func withheldReason(_ complementary: Bool, minimum: Int) -> String {
    complementary
      ? t("oui (case complémentaire)", "yes (complementary cell)")
      : t("oui (groupe de moins de \(minimum))", "yes (group under \(minimum))")
  }

  func kindName(_ kind: String) -> String {
    switch kind {
    case "mean": t("moyenne", "mean")
    case "top_box": t("part des réponses favorables", "share of favourable answers")
    case "share": t("part", "share")
    case "nps": "NPS"
    case "borda": "Borda"
    case "index": t("indice 0-100", "index 0-100")
    case "response_rate": t("taux de réponse", "response rate")
    default: kind
    }
  }

  /// After the summary's title when the figures rest on synthetic responses.
  var rehearsalTitle: String {
    t("données de répétition (réponses fictives)", "rehearsal data (fictitious responses)")
  }

  func methodLines(
    included: Int, includesPartial: Bool, minimum: Int, truncated: Int, lastDate: String?,
    rehearsal: Bool = false
  ) -> [String] {
    var lines: [String] = []
    if rehearsal {
      lines.append(
        t(
          "Données fictives : ces réponses ont été produites par bilan demo pour répéter avant une vraie journée ; elles ne décrivent personne.",
          "Fictitious data: these responses were made up by bilan demo to rehearse before a real day; they describe no one."
        ))
    }
    lines.append(
      french
        ? "Chiffres calculés sur \(included) réponses \(includesPartial ? "(réponses partielles incluses)" : "complètes")."
        : "Figures computed over \(included) \(includesPartial ? "responses (partial responses included)" : "complete responses")."
    )
    lines.append(
      t(
        "Intervalles de confiance à 95 % : Wilson pour les proportions, t de Student pour les moyennes et les indices (ramené aux bornes de l’échelle ; quand tous donnent la même note, tiré de l’intervalle de Wilson de cette unanimité), ± 1,96 erreur type pour le NPS.",
        "95% confidence intervals: Wilson for proportions, Student's t for means and indices (cut at the ends of the scale; when everyone gives the same answer, taken from the Wilson interval of that unanimity), ± 1.96 standard errors for the NPS."
      ))
    lines.append(
      t(
        "Objectif atteint quand tout l’intervalle l’atteint, non atteint quand aucune partie ne l’atteint, non concluant sinon. Rang : ex æquo quand les valeurs affichées sont égales ; une différence n’est nette que si les intervalles ne se recouvrent pas.",
        "Target met when the whole interval meets it, not met when none of it does, not conclusive otherwise. Rank: tied when the figures as shown are equal; a difference is clear only when the intervals do not overlap."
      ))
    lines.append(
      french
        ? "Croisements : aucune case reposant sur moins de \(minimum) personnes n'est publiée (« < \(minimum) »), ni la case complémentaire qui permettrait de la retrouver."
        : "Breakdowns: no cell resting on fewer than \(minimum) people is published (\"< \(minimum)\"), nor the complementary cell that would reveal it."
    )
    lines.append(
      french
        ? "Verbatims : adresses électroniques et numéros de téléphone masqués ; aucune citation d’un groupe de moins de \(minimum) personnes. Les coordonnées ne figurent dans aucun rapport ; les réponses une à une, dans le seul classeur interne (\(internalFileName)), qui ne quitte pas l’organisation."
        : "Comments: email addresses and phone numbers masked; no quote from a group of fewer than \(minimum) people. Contact details appear in no report; the responses one by one, only in the internal workbook (\(internalFileName)), which does not leave the organisation."
    )
    lines.append(
      french
        ? "Textes coupés à la limite d'Excel (32 767 caractères, marqués « […] ») : \(truncated)."
        : "Texts cut at Excel's limit (32,767 characters, marked \"[…]\"): \(truncated)."
    )
    if let lastDate {
      lines.append(
        french
          ? "Date du document : celle de la dernière réponse (\(lastDate))."
          : "Document date: that of the last response (\(lastDate)).")
    }
    return lines
  }
}

extension ReportText {
  // The internal workbook's first sheet.
  var internalTitle: String {
    t(
      "Données internes — à ne pas diffuser hors de l’organisation",
      "Internal data — must not leave the organisation")
  }
  var internalContents: String { t("Contenu", "Contents") }

  /// Why the internal workbook stays inside: what it holds, who it is for,
  /// what may be sent instead.
  func internalWarning(organiser: String?, minimum: Int, rehearsal: Bool) -> [String] {
    let team = organiser.map { " (\($0))" } ?? ""
    var lines = [
      t(
        "Ce classeur contient une ligne par réponse : le profil de chaque personne (à quel titre elle est venue, sa structure, son territoire…), l’heure d’envoi de ses réponses et tout ce qu’elle a écrit. Réunies, ces informations permettent de reconnaître qui a répondu quoi.",
        "This workbook holds one row per response: each person's profile (in what capacity they came, their organisation, their area…), when they sent their answers and everything they wrote. Together, these let anyone recognise who answered what."
      ),
      t(
        "Il est réservé à l’équipe qui analyse l’enquête\(team) : il ne doit pas quitter l’organisation, ni être envoyé à un financeur, à un partenaire ou à un participant.",
        "It is for the team analysing the survey\(team) only: it must not leave the organisation, nor be sent to a funder, a partner or a participant."
      ),
      t(
        "Ce qui peut être transmis : \(fileName) et synthese.md, qui ne contiennent que des chiffres agrégés (aucune case reposant sur moins de \(minimum) personnes) et les citations publiées.",
        "What may be sent: \(fileName) and synthesis.md, which hold aggregates only (no cell resting on fewer than \(minimum) people) and the published quotes."
      ),
    ]
    if rehearsal {
      lines.append(
        t(
          "Données fictives : ces réponses ont été produites par bilan demo pour répéter ; elles ne décrivent personne.",
          "Fictitious data: these responses were made up by bilan demo to rehearse; they describe no one."))
    }
    lines.append(
      t(
        "Dans les textes, les adresses électroniques et les numéros de téléphone sont masqués ; les coordonnées des participants ne figurent dans aucun fichier.",
        "In the texts, email addresses and phone numbers are masked; participants' contact details appear in no file."
      ))
    return lines
  }

  /// What each sheet of the internal workbook holds.
  func internalSheets(rows: Int, truncated: Int) -> [String] {
    [
      french
        ? "\(dataSheet) : \(integer(rows)) réponse(s), une par ligne, en codes (identifiant, statut, langue, date et heure d’envoi, puis une colonne par question)."
        : "\(dataSheet): \(integer(rows)) response(s), one per row, as codes (id, status, language, date and time sent, then one column per question).",
      t(
        "\(labelledDataSheet) : les mêmes réponses, en clair.",
        "\(labelledDataSheet): the same responses, in words."),
      t(
        "\(codebookSheet) : chaque colonne, sa question, son type, ses codes et la condition sous laquelle elle est posée.",
        "\(codebookSheet): each column, its question, its type, its codes and the condition under which it is asked."
      ),
      french
        ? "Textes coupés à la limite d'Excel (32 767 caractères, marqués « […] ») : \(truncated)."
        : "Texts cut at Excel's limit (32,767 characters, marked \"[…]\"): \(truncated).",
    ]
  }

  /// Under a question asked of every item: which, side by side.
  func itemsSideBySide(_ items: [String]) -> String {
    t("Côte à côte\u{00A0}: ", "Side by side: ") + items.joined(separator: " · ")
  }
  var answeredCount: String { t("Réponses", "Answers") }
  var notApplicableCount: String { t("Sans avis", "No opinion") }
  var missingCount: String { t("Sans réponse", "Not answered") }

  /// Below the comments, for a question of which `shown` of `total`
  /// answers are quoted (the longest, as in the synthesis).
  func commentsCut(label: String, shown: Int, total: Int) -> String {
    french
      ? "«\u{00A0}\(label)\u{00A0}»\u{00A0}: \(integer(shown)) réponse(s) citée(s) sur \(integer(total)), les plus développées, comme dans la synthèse\u{00A0}; toutes figurent dans le classeur interne (\(internalFileName))."
      : "“\(label)”: \(integer(shown)) of \(integer(total)) answers quoted, the longest, as in the synthesis; all are in the internal workbook (\(internalFileName))."
  }

  /// A whole number with grouped thousands: `123 456` (no-break space) or `123,456`.
  func integer(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = value < 0 ? "-" : ""
    for (position, digit) in digits.enumerated() {
      if position > 0 && (digits.count - position) % 3 == 0 { result += french ? "\u{00A0}" : "," }
      result.append(digit)
    }
    return result
  }

  /// A target as a funder reads it: `≥ 80 %` rather than the survey's `>= 0.80`.
  func target(_ indicator: IndicatorResult) -> String? {
    guard let source = indicator.target else { return nil }
    guard let target = Target(parsing: source) else { return source }
    let symbol = (target.comparison).symbol
    let value: String
    switch indicator.unit {
    case .proportion: value = number(target.value * 100, decimals: 0) + (french ? "\u{00A0}%" : "%")
    case .points: value = (target.value > 0 ? "+" : "") + number(target.value, decimals: 0)
    case .index: value = number(target.value, decimals: 0)
    case .scaleUnits, .bordaPoints: value = number(target.value, decimals: 1)
    }
    return symbol + "\u{00A0}" + value
  }

  private func number(_ value: Double, decimals: Int) -> String {
    let text = String(format: "%.\(decimals)f", value)
    return french ? text.replacingOccurrences(of: ".", with: ",") : text
  }
}
