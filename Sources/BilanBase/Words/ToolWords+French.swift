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
    room: Room(
      reconnection: { "Votre code : \($0). Si la connexion coupe, reprenez où vous en étiez en tapant :" },
      sent: "Merci ! Vos réponses sont envoyées.",
      kept: { "Vos réponses sont enregistrées. Pour reprendre où vous en étiez, tapez :\r\n    \($0)" },
      timedOut: {
        "Questionnaire fermé après \($0) sans activité. Vos réponses sont enregistrées. "
          + "Pour reprendre où vous en étiez, tapez :\r\n    \($1)"
      },
      stopping: {
        "La séance est close : le questionnaire s’arrête. Vos réponses sont enregistrées. "
          + "Pour reprendre où vous en étiez, tapez :\r\n    \($0)"
      },
      unknownCode: {
        "Aucun questionnaire en cours pour le code « \($0) » (déjà envoyé, ou code mal tapé).\r\n"
          + "Pour répondre, tapez :\r\n    \($1)"
      },
      noTerminal: { "Ce questionnaire a besoin d’un terminal. Tapez :\r\n    \($0)" },
      notAShell: {
        "Ce serveur ne propose qu’un questionnaire (ni commande, ni transfert de fichiers). Tapez :\r\n    \($0)"
      },
      storeFailed:
        "Le questionnaire ne peut plus enregistrer vos réponses. Prévenez l’animateur ou l’animatrice.",
      toAnswer: "Pour répondre, ouvrez un terminal et tapez :",
      password: "Mot de passe (code de la séance) : ",
      noPassword: "Pas de mot de passe (salle ouverte, --open).",
      fingerprint: "Empreinte du serveur, à comparer : ",
      clients:
        "Windows : PowerShell · macOS : Terminal · Linux : un terminal. « yes » à la question sur l’empreinte.",
      status: {
        "En cours : \($0) · envoyées depuis l’ouverture : \($1) · réponses complètes dans le fichier : \($2)"
          + " · connexions : \($3)"
      },
      stopHint: "Ctrl-C  arrêter le serveur",
      stopQuestion: {
        "Arrêter le serveur ? \($0) questionnaire\($0 > 1 ? "s" : "") en cours, réponses enregistrées.  O oui · N non"
      },
      yesKeys: "oO"
    ),
    live: Live(
      responses: { $0 > 1 ? "réponses complètes" : "réponse complète" },
      underWay: { " (\($0) en cours)" },
      waiting: {
        "Les résultats s’affichent à partir de \($0) réponses complètes (\($1) pour l’instant) : "
          + "en dessous, personne ne doit pouvoir être reconnu."
      },
      keyIndicators: "Indicateurs clés",
      quotes: "Verbatims",
      points: "pts",
      noClearDifference: "Pas de différence nette entre eux : leurs intervalles se recouvrent.",
      clearlyAhead: { "Nettement en tête : \($0)" },
      updated: { "Mis à jour à \($0) · n = \($1)" },
      intervals: "intervalles à 95 %",
      nothingBelow: { "rien sous \($0) réponses" },
      quit: "Q : quitter",
      colon: "\u{00A0}: "
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
