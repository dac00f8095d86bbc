import Aggregation
import SurveyDefinition

extension SynthesisBuilder {
  // MARK: Method

  /// The method note, in plain words: what the figures rest on, what an
  /// interval says and how it is computed, when a target is met and when two
  /// items are told apart, how figures are rounded, what is withheld.
  func methodContext() -> MethodContext {
    let counts = results.counts
    var responses: String
    let rate = counts.registered.map { registered in
      word(
        ", pour \(prose.people(registered)) inscrite\(registered > 1 ? "s" : "") (taux de réponse de \(typography.percent(counts.responseRate ?? 0)))",
        ", for \(prose.people(registered)) registered (a response rate of \(typography.percent(counts.responseRate ?? 0)))"
      )
    }
    if counts.includesPartial {
      responses = word(
        "Les chiffres portent sur les \(typography.integer(counts.included)) questionnaires, dont \(typography.integer(counts.partial)) commencé\(counts.partial > 1 ? "s" : "") mais non terminé\(counts.partial > 1 ? "s" : ""), compté\(counts.partial > 1 ? "s" : "") question par question",
        "The figures rest on the \(typography.integer(counts.included)) questionnaires, \(typography.integer(counts.partial)) of them begun but not finished, counted question by question"
      )
    } else {
      responses = word(
        counts.complete == 1
          ? "Les chiffres portent sur le seul questionnaire complet"
          : "Les chiffres portent sur les \(typography.integer(counts.complete)) questionnaires complets",
        counts.complete == 1
          ? "The figures rest on the only complete questionnaire"
          : "The figures rest on the \(typography.integer(counts.complete)) complete questionnaires")
    }
    responses += (rate ?? "") + "."
    if let followUp = results.followUp { responses += " " + md(followUp.sentence(language: language.code)) }
    if !counts.includesPartial, let partial = partialSentence() { responses += " " + partial }
    let partial: String? =
      counts.includesPartial
      ? word(
        "Les réponses partielles sont incluses : chaque question compte ceux qui y ont répondu.",
        "Partial responses are included: each question counts those who answered it."
      ).replacingOccurrences(of: " : ", with: typography.colon) : nil
    let rehearsal: String? =
      counts.isRehearsal
      ? word(
        "Les réponses sont fictives" + typography.colon
          + "produites par `bilan demo` pour répéter avant une vraie journée, elles ne décrivent personne.",
        "The responses are fictitious: made up by `bilan demo` to rehearse before a real day, they describe no one."
      )
      : nil
    let n = prose.respondents(counts.included)
    let percent = typography.percentSign
    let intervals = word(
      "Chaque chiffre est donné avec son intervalle à 95\(percent)" + typography.colon
        + "la fourchette dans laquelle il se situerait très probablement si d’autres participants comparables avaient répondu. Avec \(n), ces fourchettes sont larges. Pour une part, c’est l’intervalle de Wilson"
        + typography.semicolon
        + "pour une moyenne ou un indice, l’intervalle de Student, ramené aux bornes de l’échelle quand il les dépasse"
        + typography.semicolon
        + "quand tous les répondants donnent la même note, il est déduit de l’intervalle de Wilson de cette unanimité (la part de ceux qui auraient pu répondre autrement). Pour le score de recommandation, c’est le score plus ou moins 1,96 erreur type.",
      "Every figure comes with its 95\(percent) interval: the range it would most likely fall in had other, comparable participants answered. With \(n), these ranges are wide. For a share it is the Wilson interval; for a mean or an index, Student’s t-interval, cut at the ends of the scale when it goes past them; when every respondent gives the same answer, it is derived from the Wilson interval of that unanimity (the share who might have answered otherwise). For the recommendation score it is the score plus or minus 1.96 standard errors."
    )
    let targets = word(
      "Un objectif est dit atteint quand toute la fourchette l’atteint, non atteint quand aucune partie ne l’atteint, et non concluant quand elle le contient"
        + typography.colon
        + "le nombre de réponses ne permet alors pas de trancher.",
      "A target is said to be met when the whole range meets it, not met when none of it does, and not conclusive when the range contains it: the number of answers then cannot settle it."
    )
    var comparisons = word(
      "Deux éléments ne sont dits l’un devant l’autre que si leurs fourchettes ne se recouvrent pas"
        + typography.semicolon
        + "sinon, la différence n’est pas nette à ce nombre de réponses. Des valeurs égales une fois arrondies sont à égalité.",
      "One item is said to be ahead of another only when their ranges do not overlap; otherwise the difference is not clear at this number of answers. Values equal once rounded are level."
    )
    if results.questions.contains(where: { $0.type == "ranking" }) {
      comparisons += word(
        " Pour un classement, la fourchette est celle des points de chaque réponse.",
        " For a ranking, the range is that of each answer’s points.")
    }
    let rounding = word(
      "Les pourcentages sont arrondis à l’unité, chacun pour lui-même" + typography.colon
        + "une répartition peut totaliser 99 ou 101\(percent). Sous \(Rounding.countsLeadBelow) répondants, le nombre de personnes est donné avant le pourcentage.",
      "Percentages are rounded to the nearest whole number, each on its own: a distribution may add up to 99 or 101\(percent). Below \(Rounding.countsLeadBelow) respondents, the number of people comes before the percentage."
    )
    let index: String? =
      results.indicators.contains { $0.kind == .index }
      ? word(
        "Un indice sur 100 ramène chaque note à une échelle de 0 à 100 (la note la plus basse vaut 0, la plus haute 100), en fait la moyenne pour chaque répondant, puis la moyenne des répondants.",
        "An index out of 100 puts each answer on a 0 to 100 scale (the lowest point is 0, the highest 100), averages them for each respondent, then averages the respondents."
      )
      : nil
    let k = typography.integer(results.minGroupSize)
    let suppression = word(
      "Aucun chiffre n’est publié pour un groupe de moins de \(k) répondants («\(Typography.noBreakSpace)< \(k)\(Typography.noBreakSpace)» dans les tableaux)"
        + typography.semicolon
        + "lorsqu’un tel chiffre pourrait se déduire des autres, un second est masqué («\(Typography.noBreakSpace)masqué\(Typography.noBreakSpace)»). Aucune citation ne provient d’un groupe de moins de \(k) personnes, et les adresses électroniques et numéros de téléphone sont masqués.",
      "No figure is published for a group of fewer than \(k) respondents (“< \(k)” in the tables); where such a figure could be worked out from the others, a second one is withheld (“withheld”). No quotation comes from a group of fewer than \(k) people, and email addresses and phone numbers are masked."
    )
    return MethodContext(
      responses: md(responses), partial: partial.map(md), rehearsal: rehearsal, intervals: md(intervals),
      targets: md(targets), comparisons: md(comparisons), rounding: md(rounding), index: index.map(md),
      suppression: md(suppression),
      surveyID: md(results.survey.id), version: typography.integer(results.survey.version),
      lastResponse: results.lastResponseDate.map { md(formatDate($0)) })
  }
}
