extension ToolWords {
  /// The tool's words in French.
  package static let french = ToolWords(
    engine: Engine(
      other: "Autre",
      yes: "Oui",
      no: "Non",
      responseRate: "Taux de réponse",
      keyRemoved: "clé absente du questionnaire actuel : ses réponses ne sont pas comptées",
      typeChanged: { "type changé de \($0) à \($1)" },
      codesRemoved: { "codes retirés de la liste : \($0)" },
      rangeNarrowed: { "échelle réduite de \($0) à \($1)" },
      notApplicableRemoved: "la réponse « sans objet » n’est plus proposée",
      maxLengthReduced: {
        "textes limités à \($1) caractères (au lieu de \($0.map(String.init) ?? "sans limite"))"
      },
      unrecordedSchema:
        "réponses saisies avec une autre version du questionnaire, dont le schéma n’a pas été conservé"
    ),
    stats: Stats(
      complete: "Réponses complètes",
      partial: "partielles",
      partialIncluded: "incluses dans les chiffres",
      partialExcluded: "non comptées",
      registered: "inscrits",
      lastResponse: "Dernière réponse",
      confidence: "intervalles de confiance à 95 %",
      minimum: { "aucun groupe de moins de \($0) personnes publié" },
      target: "cible",
      item: "Élément",
      group: "Groupe",
      value: "Valeur",
      interval: "IC 95 %",
      met: "Cible",
      rank: "Rang",
      everyone: "Ensemble",
      noClearDifference: {
        "Pas de différence nette entre les éléments à n = \($0) : leurs intervalles se recouvrent."
      },
      clearlyFirst: { "Nettement en tête à n = \($1) : \($0) (intervalle au-dessus d’au moins un autre)." },
      verdictMet: "atteinte",
      verdictNotMet: "non atteinte",
      verdictNotConclusive: "non concluant",
      changes: "Changements du questionnaire",
      hidden: { "masqué (< \($0))" }
    ),
    headlines: Headlines(
      responses: { "Réponses\u{00A0}: \($0) complètes" },
      ofRegistered: { " sur \($0) inscrits (\($1))" },
      target: { "objectif \($0) \($1)" },
      met: "atteint",
      notMet: "non atteint",
      notConclusive: "non concluant"
    ),
    dates: Dates(
      months: [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre",
      ],
      weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
      long: { day, month, year, weekday in
        (weekday.map { $0 + " " } ?? "") + (day == 1 ? "1er" : String(day)) + " " + month + " " + String(year)
      }
    )
  )
}
