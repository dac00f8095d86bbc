/// What the room says to a participant outside the questionnaire's screens
/// (before it starts and after it ends), in the survey's language. Lines end
/// with CR LF: the participant's terminal is in raw mode.
struct ParticipantText {
  let french: Bool

  init(language: String) { french = language == "fr" }

  func sent() -> String {
    french ? "Merci ! Vos réponses sont envoyées." : "Thank you! Your answers have been sent."
  }

  func kept(_ command: String) -> String {
    french
      ? "Vos réponses sont enregistrées. Pour reprendre où vous en étiez, tapez :\r\n    \(command)"
      : "Your answers are saved. To resume where you stopped, type:\r\n    \(command)"
  }

  func timedOut(seconds: Double, _ command: String) -> String {
    let minutes = Int((seconds / 60).rounded())
    let span =
      seconds < 120
      ? (french ? "\(Int(seconds.rounded())) s" : "\(Int(seconds.rounded())) s")
      : (french ? "\(minutes) min" : "\(minutes) min")
    return
      (french
      ? "Questionnaire fermé après \(span) sans activité. "
      : "Questionnaire closed after \(span) without a key. ") + kept(command)
  }

  func stopping(_ command: String) -> String {
    (french ? "Le questionnaire s’arrête : la séance est close. " : "The session is over. ") + kept(command)
  }

  func unknownCode(_ code: String, newCommand: String) -> String {
    french
      ? "Aucun questionnaire en cours pour le code « \(code) » (déjà envoyé, ou code mal tapé).\r\n"
        + "Pour répondre, tapez :\r\n    \(newCommand)"
      : "No questionnaire under way for the code “\(code)” (already sent, or mistyped).\r\n"
        + "To answer, type:\r\n    \(newCommand)"
  }

  func noTerminal(_ command: String) -> String {
    french
      ? "Ce questionnaire a besoin d’un terminal. Tapez :\r\n    \(command)"
      : "This questionnaire needs a terminal. Type:\r\n    \(command)"
  }

  func notAShell(_ command: String) -> String {
    french
      ? "Ce serveur ne propose qu’un questionnaire (ni commande, ni transfert de fichiers). Tapez :\r\n    \(command)"
      : "This server offers a questionnaire only (no commands, no file transfer). Type:\r\n    \(command)"
  }

  func storeFailed() -> String {
    french
      ? "Le questionnaire ne peut plus enregistrer vos réponses. Prévenez l’animateur ou l’animatrice."
      : "The questionnaire can no longer save your answers. Please tell the facilitator."
  }
}
