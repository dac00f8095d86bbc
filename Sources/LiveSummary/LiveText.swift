import Foundation

/// The projector's own words, in the survey's language (French or English).
struct LiveText {
  let french: Bool

  init(language: String) { french = language.hasPrefix("fr") }

  func responses(_ count: Int, partial: Int) -> String {
    var text =
      french
      ? (count > 1 ? "réponses complètes" : "réponse complète")
      : (count == 1 ? "complete response" : "complete responses")
    if partial > 0 { text += french ? " (\(partial) en cours)" : " (\(partial) under way)" }
    return text
  }

  func waiting(k: Int, have: Int) -> String {
    french
      ? "Les résultats s’affichent à partir de \(k) réponses complètes (\(have) pour l’instant) : en dessous, personne ne doit pouvoir être reconnu."
      : "Results appear from \(k) complete responses (\(have) so far): below that, someone could be recognised."
  }

  var keyIndicators: String { french ? "Indicateurs clés" : "Key indicators" }
  var quotes: String { french ? "Verbatims" : "Quotes" }
  var points: String { french ? "pts" : "pts" }
  var noClearDifference: String {
    french
      ? "    Pas de différence nette entre eux : leurs intervalles se recouvrent."
      : "    No clear difference between them: their intervals overlap."
  }

  func clearlyAhead(_ leaders: [String]) -> String {
    (french ? "    Nettement en tête : " : "    Clearly ahead: ") + leaders.joined(separator: ", ")
  }

  func footer(updated: Date, n: Int, k: Int, figures: Bool) -> String {
    let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: updated)
    let clock = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    let intervals = figures ? (french ? " · intervalles à 95 %" : " · 95% intervals") : ""
    return french
      ? "Mis à jour à \(clock) · n = \(n)\(intervals) · rien sous \(k) réponses · Q : quitter"
      : "Updated at \(clock) · n = \(n)\(intervals) · nothing below \(k) responses · Q: quit"
  }

  /// French puts a space before a colon; English does not.
  func colon(_ text: String) -> String { french ? text : text.replacingOccurrences(of: " : ", with: ": ") }
}
