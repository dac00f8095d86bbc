import BilanBase
import SurveyDefinition

/// The questionnaire's own words, in French and English. The survey's texts
/// come from the survey; these are the tool's (buttons, hints, progress).
public struct ToolText: Sendable {
  /// `fr` or `en`; any other language gets English.
  public let language: String

  public init(language: String) {
    self.language = language == "fr" ? "fr" : "en"
  }

  private var french: Bool { language == "fr" }

  public func questionOf(_ index: Int, _ count: Int) -> String {
    french ? "Question \(index) sur \(count)" : "Question \(index) of \(count)"
  }
  public func minutes(_ count: Int) -> String {
    french ? "Environ \(count) minute\(count > 1 ? "s" : "")" : "About \(count) minute\(count > 1 ? "s" : "")"
  }
  public func questions(_ count: Int) -> String {
    french ? "\(count) question\(count > 1 ? "s" : "")" : "\(count) question\(count > 1 ? "s" : "")"
  }
  public var canGoBack: String { french ? "vous pouvez revenir en arrière" : "you can go back" }
  public var start: String { french ? "commencer" : "start" }
  public var quit: String { french ? "quitter" : "quit" }
  public var back: String { french ? "retour" : "back" }
  public var validate: String { french ? "valider" : "confirm" }
  public var help: String { french ? "aide" : "help" }
  public var skip: String { french ? "passer" : "skip" }
  public var toggle: String { french ? "cocher" : "tick" }
  public var answer: String { french ? "répondre" : "answer" }
  public var move: String { french ? "choisir" : "move" }
  public var enterKey: String { french ? "Entrée" : "Enter" }
  public var spaceKey: String { french ? "Espace" : "Space" }
  public var escapeKey: String { french ? "Échap" : "Esc" }
  public var shiftTabKey: String { french ? "Maj-Tab" : "Shift-Tab" }
  public var optional: String { french ? "facultative" : "optional" }
  public var required: String { french ? "Réponse obligatoire." : "An answer is required." }
  /// Enter or Esc on a required choice question with nothing chosen.
  public var chooseAnAnswer: String {
    french
      ? "Choisissez une réponse : cette question est obligatoire."
      : "Choose an answer: this question is required."
  }
  /// Enter or Esc on a required text field left empty.
  public var typeAnAnswer: String {
    french
      ? "Écrivez une réponse : cette question est obligatoire." : "Type an answer: this question is required."
  }
  /// Space on a list where nothing is highlighted yet.
  public var moveFirst: String {
    french
      ? "Allez d’abord sur un choix avec ↑ ↓ (ou tapez son numéro)."
      : "Move to a choice first with ↑ ↓ (or type its number)."
  }
  public var erase: String { french ? "effacer" : "erase" }
  /// Esc on an answer: the question asked before erasing it.
  public func eraseQuestion(required: Bool) -> String {
    switch (french, required) {
    case (true, true): "Effacer votre réponse à cette question ? O pour effacer, N pour la garder."
    case (true, false): "Effacer votre réponse et passer cette question ? O pour effacer, N pour la garder."
    case (false, true): "Erase your answer to this question? Y to erase, N to keep it."
    case (false, false): "Erase your answer and skip this question? Y to erase, N to keep it."
    }
  }
  /// The first digit of a two-digit point, waiting: "1… 0 pour 10, ou Entrée pour 1".
  public func waitingForSecondDigit(_ digit: Int, _ scale: Scale) -> String {
    let completions = scale.points.filter { $0 >= 10 && $0 / 10 == digit }
    let second =
      completions.count == 1
      ? (french
        ? "\(completions[0] % 10) pour \(completions[0])" : "\(completions[0] % 10) for \(completions[0])")
      : (french
        ? "un second chiffre (\(completions.first!) à \(completions.last!))"
        : "a second digit (\(completions.first!) to \(completions.last!))")
    return french
      ? "\(digit)… \(second), ou Entrée pour \(digit)" : "\(digit)… \(second), or Enter for \(digit)"
  }
  /// Two digits that are not a point of the scale.
  public func pointOutOfScale(_ value: Int, _ scale: Scale) -> String {
    french
      ? "« \(value) » n’est pas sur l’échelle : tapez une valeur de \(scale.min) à \(scale.max)."
      : "“\(value)” is not on the scale: type a value from \(scale.min) to \(scale.max)."
  }
  /// After an answer is stored: what was recorded, on the next screen, so a double press is noticed.
  public func saved(_ summary: String, question number: Int) -> String {
    french ? "✓ Question \(number) : \(summary)" : "✓ Question \(number): \(summary)"
  }
  public func skipped(question number: Int) -> String {
    french ? "Question \(number) passée, sans réponse." : "Question \(number) skipped, no answer."
  }
  public func erased(question number: Int) -> String {
    french ? "Réponse à la question \(number) effacée." : "Answer to question \(number) erased."
  }
  /// The keys that confirm a long text, where Enter starts a new line.
  public var multilineConfirmKey: String { french ? "Tab ou Ctrl-Entrée" : "Tab or Ctrl-Enter" }
  public var other: String { french ? "Autre (précisez)" : "Other (specify)" }
  public var otherPrompt: String { french ? "Précisez" : "Please specify" }
  public var yes: String { french ? "Oui" : "Yes" }
  public var no: String { french ? "Non" : "No" }
  public var notApplicable: String { french ? "Sans avis" : "No opinion" }
  public var npsLow: String { french ? "Pas du tout probable" : "Not at all likely" }
  public var npsHigh: String { french ? "Très probable" : "Extremely likely" }
  /// The key that types 10 on an nps question (besides `=`).
  public var tenKey: Character { french ? "d" : "t" }
  public var tenHint: String { french ? "D = 10" : "T = 10" }
  public func selections(min: Int?, max: Int?) -> String? {
    switch (min, max) {
    case (let low?, let high?) where low == high:
      return french ? "\(low) choix exactement" : "exactly \(low) choice\(low > 1 ? "s" : "")"
    case (let low?, let high?):
      return french ? "de \(low) à \(high) choix" : "\(low) to \(high) choices"
    case (let low?, nil) where low > 1:
      return french ? "au moins \(low) choix" : "at least \(low) choices"
    case (nil, let high?):
      return french ? "\(high) choix au plus" : "at most \(high) choice\(high > 1 ? "s" : "")"
    default: return nil
    }
  }
  public func selected(_ count: Int) -> String {
    french ? "\(count) coché\(count > 1 ? "s" : "")" : "\(count) ticked"
  }
  public func maximumReached(_ max: Int) -> String {
    french ? "Déjà \(max) choix : décochez-en un d’abord." : "Already \(max) choices: untick one first."
  }
  public func rankTop(_ pick: Int) -> String {
    french
      ? "Classez les \(pick) premiers, du plus au moins important."
      : "Rank the top \(pick), most important first."
  }
  public var reorder: String { french ? "+/- déplacer" : "+/- move" }
  public var pick: String { french ? "classer" : "rank" }
  public func characters(_ count: Int, _ max: Int) -> String {
    french ? "\(count) / \(max) caractères" : "\(count) / \(max) characters"
  }
  public var newLine: String { french ? "Entrée à la ligne" : "Enter new line" }
  public var tabConfirm: String { french ? "Tab valider" : "Tab confirm" }
  public var shiftTabBack: String { french ? "Maj-Tab retour" : "Shift-Tab back" }
  public func numberRange(_ min: Double?, _ max: Double?) -> String? {
    func format(_ value: Double) -> String {
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
    switch (min, max) {
    case (let low?, let high?):
      return french ? "entre \(format(low)) et \(format(high))" : "between \(format(low)) and \(format(high))"
    case (let low?, nil): return french ? "au moins \(format(low))" : "at least \(format(low))"
    case (nil, let high?): return french ? "au plus \(format(high))" : "at most \(format(high))"
    default: return nil
    }
  }
  public var reviewTitle: String {
    french ? "Avant d’envoyer : vos réponses" : "Before sending: your answers"
  }
  public var notAnswered: String { french ? "(sans réponse)" : "(not answered)" }
  public var change: String { french ? "modifier" : "change" }
  public var send: String { french ? "envoyer" : "send" }
  public var sendKey: Character { french ? "e" : "s" }
  public func moreAbove(_ count: Int) -> String {
    french ? "↑ \(count) de plus au-dessus" : "↑ \(count) more above"
  }
  public func moreBelow(_ count: Int) -> String {
    french ? "↓ \(count) de plus en dessous" : "↓ \(count) more below"
  }
  public var textAbove: String { french ? "↑ suite au-dessus" : "↑ more above" }
  public var textBelow: String { french ? "↓ suite en dessous" : "↓ more below" }
  public var thanks: String {
    french ? "Merci ! Vos réponses sont enregistrées." : "Thank you! Your answers are saved."
  }
  public var thanksNext: String {
    french ? "Entrée : participant suivant" : "Enter: next participant"
  }
  public var thanksQuit: String { french ? "Entrée ou Q pour fermer" : "Enter or Q to close" }
  public var quitQuestion: String {
    french ? "Quitter ? Vos réponses sont enregistrées." : "Quit? Your answers are saved."
  }
  public var quitChoices: String { french ? "O quitter · N continuer" : "Y quit · N go on" }
  /// The participant's own code over SSH, and what resumes their response
  /// (the command itself goes on a line of its own).
  public func reconnection(_ reconnection: AskOptions.Reconnection) -> String {
    ToolWords.resolved(language).room.reconnection(reconnection.code)
  }
  public var resumeQuestion: String {
    french
      ? "Un questionnaire commencé sur ce poste n’a pas été envoyé."
      : "A questionnaire begun on this computer was not sent."
  }
  public func resumeDetail(_ answered: Int) -> String {
    french
      ? "\(answered) réponse\(answered > 1 ? "s" : "") déjà donnée\(answered > 1 ? "s" : "")."
      : "\(answered) answer\(answered > 1 ? "s" : "") already given."
  }
  public var resumeChoices: String {
    french ? "R reprendre · N nouveau questionnaire" : "R resume · N new questionnaire"
  }
  public func responsesIn(_ count: Int) -> String {
    french
      ? (count == 0
        ? "Aucune réponse reçue sur ce poste"
        : "\(count) réponse\(count > 1 ? "s" : "") reçue\(count > 1 ? "s" : "") sur ce poste")
      : "\(count) response\(count == 1 ? "" : "s") received on this computer"
  }
  public var helpTitle: String { french ? "Aide" : "Help" }
  public var helpLines: [String] {
    french
      ? [
        "↑ ↓ ou j k : se déplacer dans une liste ; rien n’est choisi avant que vous ne le choisissiez",
        "← → : se déplacer sur une échelle ou une grille présentée en largeur",
        "1 à 9 : répondre directement (sur un clavier AZERTY, & é \" ' ( … marchent aussi) ; sur une note de 0 à 10, 1 attend un second chiffre (1 puis 0 : 10), D tape 10",
        "Espace : cocher ou décocher",
        "Entrée : valider ; sans réponse, passer une question facultative",
        "Tab ou Ctrl-Entrée : valider un texte long (Entrée y passe à la ligne)",
        "Maj-Tab, ou ← dans une liste : revenir à la question précédente (vos réponses sont gardées)",
        "Échap : passer une question facultative ; sur une réponse, demande avant de l’effacer",
        "Ctrl-C : quitter (vos réponses sont enregistrées)",
        "Chaque réponse validée est enregistrée aussitôt, et l’écran suivant la rappelle (✓).",
      ]
      : [
        "↑ ↓ or j k: move through a list; nothing is chosen until you choose it",
        "← →: move along a scale or a grid drawn across the window",
        "1 to 9: answer at once; on a 0 to 10 score, 1 waits for a second digit (1 then 0: 10), T types 10",
        "Space: tick or untick",
        "Enter: confirm; with no answer, skip an optional question",
        "Tab or Ctrl-Enter: confirm a long text (Enter starts a new line there)",
        "Shift-Tab, or ← in a list: back to the previous question (your answers are kept)",
        "Esc: skip an optional question; on an answer, asks before erasing it",
        "Ctrl-C: quit (your answers are saved)",
        "Each confirmed answer is saved at once, and the next screen recalls it (✓).",
      ]
  }
  public func part(_ index: Int, _ count: Int) -> String {
    french ? "Partie \(index) sur \(count)" : "Part \(index) of \(count)"
  }
  public func nextPage(_ index: Int, _ count: Int) -> String {
    french ? "suite (\(index)/\(count))" : "more (\(index)/\(count))"
  }
  public var close: String { french ? "fermer" : "close" }
  public var previousPage: String { french ? "page précédente" : "previous page" }
  public var goOn: String { french ? "continuer" : "go on" }
  public var now: String { french ? "(maintenant)" : "(now)" }
  /// Before a pass through a `for_each` section: what the list of items
  /// means (shorter when the section's intro already says it).
  public func loopComesBack(_ count: Int, afterIntro: Bool = false) -> String {
    if afterIntro { return french ? "L’un après l’autre :" : "One after the other:" }
    return french
      ? "Ces questions reviennent pour chacun des \(count) sujets ci-dessous, l’un après l’autre :"
      : "These questions come back for each of the \(count) topics below, one after the other:"
  }
  /// The welcome's line: how many questions (a range when conditions open
  /// some), about how long (left out when the description already says).
  public func pathLine(_ path: PathLength, withMinutes: Bool) -> String {
    var parts: [String] = []
    if withMinutes {
      let minutes = path.minutes
      parts.append(
        minutes.lowerBound == minutes.upperBound
          ? self.minutes(minutes.lowerBound)
          : (french
            ? "Environ \(minutes.lowerBound) à \(minutes.upperBound) minutes"
            : "About \(minutes.lowerBound) to \(minutes.upperBound) minutes"))
    }
    let questions = path.questions
    parts.append(
      questions.lowerBound == questions.upperBound
        ? self.questions(questions.lowerBound)
        : (french
          ? "\(questions.lowerBound) à \(questions.upperBound) questions selon vos réponses"
          : "\(questions.lowerBound) to \(questions.upperBound) questions depending on your answers"))
    parts.append(canGoBack)
    var line = parts.joined(separator: " · ") + "."
    if !withMinutes, let first = line.first { line = first.uppercased() + line.dropFirst() }
    return line
  }
  /// The resume screen: questions answered out of those shown.
  public func resumeProgress(answered: Int, of count: Int) -> String {
    french
      ? "Vous aviez répondu à \(answered) question\(answered > 1 ? "s" : "") sur \(count)."
      : "You had answered \(answered) question\(answered == 1 ? "" : "s") of \(count)."
  }
  public var idleWarningTitle: String { french ? "Toujours là ?" : "Still there?" }
  /// The warning before the idle timeout, with the seconds left.
  public func idleWarning(seconds: Int, kiosk: Bool) -> String {
    switch (french, kiosk) {
    case (true, true):
      "Sans touche d’ici \(seconds) s, vos réponses sont gardées et le questionnaire revient à l’accueil pour la personne suivante."
    case (true, false):
      "Sans touche d’ici \(seconds) s, vos réponses sont gardées et le questionnaire se ferme ; vous pourrez le reprendre plus tard."
    case (false, true):
      "Without a key within \(seconds) s, your answers are kept and the questionnaire returns to the welcome screen for the next person."
    case (false, false):
      "Without a key within \(seconds) s, your answers are kept and the questionnaire closes; you can resume it later."
    }
  }
  public var anyKeyToGoOn: String { french ? "Une touche pour continuer" : "Any key to go on" }
  public var anyKey: String { french ? "Une touche pour revenir" : "Any key to go back" }
  public var section: String { french ? "Section" : "Section" }
  public var invalidNumber: String { french ? "Ce n’est pas un nombre." : "That is not a number." }
  public var integerExpected: String {
    french ? "Un nombre entier est attendu." : "A whole number is expected."
  }
  public var invalidEmail: String {
    french ? "Cette adresse électronique n’est pas valide." : "This email address is not valid."
  }
  public var end: String { french ? "Fin" : "End" }
}

// MARK: Follow-up tokens (`follows:` and `follow_up_token:` in the survey format)

extension ToolText {
  /// What the end of a questionnaire with `follow_up_token: true` says.
  public func followUpToken(_ token: String) -> String {
    language == "fr"
      ? "Votre code de suivi : \(token). Notez-le : le questionnaire de suivi vous le demandera, pour relier vos réponses sans votre adresse."
      : "Your follow-up code: \(token). Write it down: the follow-up questionnaire will ask for it, to link your answers without your address."
  }
  /// The prompt of a follow-up questionnaire for the participant's code.
  public var followedTokenPrompt: String {
    language == "fr"
      ? "Votre code de suivi (reçu par courriel, ou noté à la fin du premier questionnaire) ; ligne vide si vous ne l’avez pas :"
      : "Your follow-up code (received by email, or written down at the end of the first questionnaire); an empty line if you do not have it:"
  }
  /// A code that is not one.
  public var followedTokenInvalid: String {
    language == "fr"
      ? "Ce n’est pas un code de suivi (9 caractères, comme K7Q-M4T-ZP7) : vérifiez-le, ou laissez la ligne vide."
      : "This is not a follow-up code (9 characters, like K7Q-M4T-ZP7): check it, or leave the line empty."
  }
  /// No code given.
  public var followedTokenSkipped: String {
    language == "fr"
      ? "Sans code, vos réponses comptent dans le suivi sans être reliées à vos premières réponses."
      : "Without a code, your answers count in the follow-up without being linked to your first answers."
  }
}
