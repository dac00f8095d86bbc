/// The free-text answers synthetic participants give, in French and English.
///
/// Written to read like what people write at the end of a long day: short,
/// concrete, sometimes with a phone number or an address that the reports
/// must mask.
struct PhraseBank: Sendable {
  var territories: [String]
  var firstActions: [String]
  var comments: [String]
  var otherAnswers: [String]
  var generic: [String]

  static func forLanguage(_ language: String) -> PhraseBank {
    language == "en" ? english : french
  }

  /// The answer for a text question, chosen by what the question is about.
  func phrases(forQuestion id: String, isLong: Bool, isOther: Bool) -> [String] {
    if isOther { return otherAnswers }
    if id.contains("territ") { return territories }
    if id.contains("action") { return firstActions }
    if isLong || id.contains("comment") || id.contains("remarque") { return comments }
    return generic
  }

  static let french = PhraseBank(
    territories: [
      "Parc naturel régional du Pilat", "Communauté de communes des Monts du Pilat",
      "Pays du Gier", "Monts du Lyonnais", "Pays roannais", "Forez-Est", "Pays de Saint-Bonnet-le-Château",
      "Haut-Beaujolais", "Pays d’Ardèche verte", "Vallée du Gier", "Pays Beaujolais",
      "Loire Forez agglomération",
      "Pays du Haut-Vivarais", "Roannais agglomération",
    ],
    firstActions: [
      "Présenter la démarche au prochain bureau communautaire.",
      "Réunir les techniciens du Pays et de l’intercommunalité pour faire l’inventaire de nos conventions.",
      "Proposer au président une rencontre avec le parc sur une convention d’articulation.",
      "Partager le compte rendu de la journée avec mon équipe.",
      "Relancer le groupe de travail sur la coopération avec le territoire voisin.",
      "Recenser qui fait quoi sur l’accueil d’entreprises dans notre bassin de vie.",
      "Inscrire la coopération à l’ordre du jour du conseil local de développement.",
      "Prendre contact avec le GAL voisin pour un projet commun LEADER.",
      "Rédiger une note d’opportunité pour les élus avant l’été.",
      "Organiser une demi-journée d’échange entre agents des deux communautés de communes.",
      "Revoir avec la Région notre contrat de territoire à la lumière de la journée.",
      "Rien dans l’immédiat : attendre la réforme territoriale.",
    ],
    comments: [
      "Journée très riche, merci pour la qualité de l’animation.",
      "Les témoignages des territoires étaient concrets : c’est ce qui manque le plus souvent.",
      "Un peu dense l’après-midi ; la partie projection aurait mérité plus de temps.",
      "Il faudrait une suite sur le volet juridique des conventions.",
      "Très bon format en binôme élu-technicien, à refaire.",
      "La salle était un peu petite pour le travail en sous-groupes.",
      "Merci ! Je suis joignable au 06 12 34 56 78 pour la suite.",
      "J’aurais aimé entendre davantage la Région sur les financements.",
      "Bonne idée d’avoir mélangé élus, agents et société civile.",
      "Pour les documents, écrivez-moi : claire.martin@exemple.fr",
      "Les exemples de conventions de partenariat étaient éclairants.\nÀ diffuser largement.",
      "Le repas sur place a beaucoup aidé aux échanges informels.",
      "Trop de sigles au début, un glossaire aurait aidé les nouveaux élus.",
      "Pouvez-vous envoyer les diaporamas ?",
    ],
    otherAnswers: [
      "Syndicat mixte", "Chambre d’agriculture", "Office de tourisme", "Lourdeurs administratives",
      "Turn-over des agents", "Manque de suivi dans la durée", "Centre social", "Agence d’urbanisme",
    ],
    generic: [
      "Mieux connaître les partenaires du territoire.", "Des exemples concrets.",
      "Le temps d’échange entre participants.", "Une méthode pour démarrer.",
      "La rencontre avec d’autres territoires.",
    ])

  static let english = PhraseBank(
    territories: [
      "Pilat regional nature park", "Monts du Pilat community of municipalities", "Gier valley",
      "Monts du Lyonnais", "Roanne area", "East Forez", "Haut-Beaujolais", "Green Ardèche",
      "Loire Forez urban community", "Haut-Vivarais",
    ],
    firstActions: [
      "Present the approach at the next inter-municipal board meeting.",
      "Bring the Pays and inter-municipal staff together to list our agreements.",
      "Suggest a meeting with the nature park about a coordination agreement.",
      "Share the notes of the day with my team.",
      "Restart the working group on cooperation with the neighbouring area.",
      "Map who does what on business support in our area.",
      "Put cooperation on the agenda of the local development council.",
      "Contact the neighbouring LEADER group about a joint project.",
      "Write a briefing note for the elected officials before the summer.",
      "Nothing for now: wait for the territorial reform.",
    ],
    comments: [
      "A very rich day, thank you for the facilitation.",
      "The testimonies from other areas were concrete: that is what is usually missing.",
      "A bit dense in the afternoon; the looking-ahead part needed more time.",
      "A follow-up on the legal side of agreements would help.",
      "The elected official + staff pairs worked well, do it again.",
      "Thanks! You can reach me on +44 20 7946 0958 for what comes next.",
      "I would have liked to hear more from the Region about funding.",
      "For the documents, write to me: claire.martin@example.org",
      "The partnership agreement examples were eye-opening.\nWorth sharing widely.",
      "Too many acronyms at the start; a glossary would help new councillors.",
      "Could you send the slides?",
    ],
    otherAnswers: [
      "Joint syndicate", "Chamber of agriculture", "Tourist office", "Red tape", "Staff turnover",
      "No follow-up over time", "Community centre",
    ],
    generic: [
      "Knowing the area's partners better.", "Concrete examples.", "Time to talk with other participants.",
      "A method to get started.",
    ])
}
