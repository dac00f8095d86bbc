import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition

/// The questionnaire a line at a time, for screen readers, pipes and tests
/// (`--plain`, or when standard input or output is not a terminal).
///
/// No colours and no cursor movement: each question is printed, then one
/// line is read. Each answer is in the store before the next prompt is
/// printed; the end of input before the last question keeps a partial
/// response.
public final class PlainQuestionnaire {
  let survey: Survey
  let language: String
  let words: ToolText
  var session: QuestionnaireSession
  var recorder: ResponseRecorder
  let repository: any ResponseRepository
  let options: AskOptions
  let readLine: () -> String?
  let write: (String) -> Void

  /// - Parameters:
  ///   - readLine: the next line of input without its newline, `nil` at the end.
  ///   - write: prints text (prompts, questions and messages) as given.
  public init(
    survey: Survey, repository: any ResponseRepository, options: AskOptions,
    readLine: @escaping () -> String?, write: @escaping (String) -> Void
  ) {
    self.survey = survey
    self.language = options.language ?? survey.defaultLanguage
    self.words = ToolText(language: language)
    self.session = QuestionnaireSession(survey: survey, language: language)
    self.recorder = ResponseRecorder(
      repository: repository, survey: survey, language: language, device: options.device)
    self.repository = repository
    self.options = options
    self.readLine = readLine
    self.write = write
  }

  /// What a line did.
  enum Reply {
    case answer([String: AnswerValue?])
    case back
    case end
  }

  public func run() throws(StoreError) -> AskOutcome {
    printWelcome()
    var current = session.shown.first
    var resumed: Response?
    switch try offerResume() {
    case .startAfresh: break
    case .inputEnded: return endOfInput()
    case .resume(let partial):
      resume(partial)
      resumed = partial
      current = session.resumePoint()
    }
    guard try askFollowedToken(resumed: resumed) else { return endOfInput() }
    // A resumed response may still lack a required answer before its last one.
    while let instance = current ?? session.missingRequired() {
      printQuestion(instance)
      switch try ask(instance) {
      case .end:
        return endOfInput()
      case .back:
        if let previous = session.previous(before: instance.key) {
          current = previous
        } else {
          write(language == "fr" ? "C’est la première question.\n" : "This is the first question.\n")
        }
      case .answer(let changes):
        try recorder.record(changes, contactKeys: contactKeys(of: instance))
        session.apply(changes, for: instance)
        // An email withdrawn by a changed follow-up answer is deleted now.
        let withdrawn = session.withdrawnContactKeys()
        if !withdrawn.isEmpty {
          try recorder.record(
            Dictionary(uniqueKeysWithValues: withdrawn.map { ($0, AnswerValue?.none) }),
            contactKeys: Set(withdrawn))
          session.forgetContacts(withdrawn)
        }
        current = session.next(after: instance.key)
      }
    }
    let contactKeys = Set(survey.fields.filter { $0.valueType == .contact }.map(\.key))
    let token = try recorder.submit(removing: session.hiddenKeys(), contactKeys: contactKeys)
    session.dropHidden()
    write("\n" + words.thanks + "\n" + (token.map { words.followUpToken($0) + "\n" } ?? ""))
    return .completed
  }

  /// A follow-up survey's first prompt: the participant's code, unless
  /// `--token` gave it or the resumed response has one. `false` at the end of input.
  private func askFollowedToken(resumed: Response?) throws(StoreError) -> Bool {
    guard survey.follows != nil else { return true }
    if let token = options.followedToken {
      recorder.followedToken = token
      return true
    }
    if let resumed, try repository.followUpTokens(survey: survey.id).given[resumed.id] != nil { return true }
    write("\n" + words.followedTokenPrompt + "\n")
    while true {
      prompt()
      guard let line = readLine() else { return false }
      if line.trimmingCharacters(in: .whitespaces).isEmpty {
        write(words.followedTokenSkipped + "\n")
        return true
      }
      if let token = FollowUpToken.normalized(line) {
        recorder.followedToken = token
        return true
      }
      refuse(words.followedTokenInvalid)
    }
  }

  private func endOfInput() -> AskOutcome {
    write(
      "\n"
        + (language == "fr"
          ? "Fin de l’entrée : vos réponses sont gardées comme réponse partielle.\n"
          : "End of input: your answers are kept as a partial response.\n"))
    return .inputEnded
  }

  // MARK: Resuming

  /// What to do about an unfinished response begun on this device.
  private enum ResumeDecision {
    case resume(Response)
    case startAfresh
    case inputEnded
  }

  /// Offers to resume the unfinished response begun on this device, if any
  /// (unless `--resume` or `--new` decided already): `r` or an empty line
  /// resumes, `n` starts a new response and leaves the other as it is.
  private func offerResume() throws(StoreError) -> ResumeDecision {
    guard options.resume != .startAfresh,
      let partial = try repository.latestPartialResponse(survey: survey.id, device: options.device),
      !partial.answers.isEmpty || !partial.contacts.isEmpty
    else { return .startAfresh }
    if options.resume == .resume { return .resume(partial) }
    write(
      "\n" + words.resumeQuestion + " " + words.resumeDetail(partial.answers.count + partial.contacts.count)
        + "\n"
        + (language == "fr"
          ? "r : reprendre où vous en étiez · n : commencer un nouveau questionnaire"
          : "r: resume where you stopped · n: start a new questionnaire") + "\n")
    while true {
      prompt()
      guard let line = readLine() else { return .inputEnded }
      switch line.trimmingCharacters(in: .whitespaces).lowercased() {
      case "r", "reprendre", "resume", "": return .resume(partial)
      case "n", "nouveau", "new": return .startAfresh
      default:
        refuse(language == "fr" ? "Répondez r (reprendre) ou n (nouveau)." : "Answer r (resume) or n (new).")
      }
    }
  }

  /// Goes on with `partial`: its answers, and its id for the next ones.
  private func resume(_ partial: Response) {
    session = QuestionnaireSession(
      survey: survey, language: language, answers: partial.answers, contacts: partial.contacts)
    recorder = ResponseRecorder(
      repository: repository, survey: survey, language: language, device: options.device,
      resuming: partial.id)
  }

  private func contactKeys(of instance: QuestionInstance) -> Set<String> {
    Set(instance.fields.filter { $0.valueType == .contact }.map(\.key))
  }

  private func text(_ localized: LocalizedText) -> String {
    TextSanitizer.clean(localized.text(language))
  }

  private func printWelcome() {
    var lines = [text(survey.title)]
    var event: [String] = []
    if let name = survey.event?.name { event.append(text(name)) }
    if let place = survey.event?.place { event.append(TextSanitizer.clean(place)) }
    if let date = survey.event?.date { event.append(EventDate.long(date, language: language)) }
    if !event.isEmpty { lines.append(event.joined(separator: " · ")) }
    if let notice = survey.privacy.notice { lines.append(text(notice)) }
    let description = survey.description.map(text)
    if let description { lines.append(description) }
    lines.append(
      words.pathLine(
        session.pathLength(), withMinutes: !(description.map(WelcomeScreen.statesDuration) ?? false)))
    lines.append(
      language == "fr"
        ? "Ligne vide : passer une question facultative · < : question précédente · ? : aide."
        : "Empty line: skip an optional question · <: previous question · ?: help.")
    write(lines.joined(separator: "\n") + "\n")
  }

  // MARK: Questions

  /// A section's intro, before its first question (and each loop pass).
  private func printIntro(_ intro: SectionIntro, before instance: QuestionInstance) {
    var lines = ["", "== " + text(instance.sectionTitle) + " =="]
    if let text = intro.section.intro {
      lines.append(self.text(intro.item.map { text.substituting(item: $0.label) } ?? text))
    }
    if intro.section.forEach != nil, let current = intro.itemIndex {
      lines.append(words.loopComesBack(intro.section.items.count, afterIntro: intro.section.intro != nil))
      for (index, item) in intro.section.items.enumerated() {
        lines.append("  \(index + 1). " + self.text(item.label) + (index == current ? " " + words.now : ""))
      }
    }
    write(lines.joined(separator: "\n") + "\n")
  }

  private func printQuestion(_ instance: QuestionInstance) {
    if let intro = session.intro(before: instance) { printIntro(intro, before: instance) }
    let progress = session.progress(of: instance.key)
    let header =
      words.questionOf(progress.index, progress.count) + " · "
      + QuestionScreen.location(of: instance, language: language)
    var lines = ["", header]
    let requirement =
      instance.question.required
      ? (language == "fr" ? " (obligatoire)" : " (required)")
      : (language == "fr" ? " (facultative)" : " (optional)")
    lines.append(text(instance.label) + requirement)
    if let help = instance.help { lines.append(text(help)) }
    lines += options(of: instance)
    if let hint = hint(for: instance) { lines.append(hint) }
    write(lines.joined(separator: "\n") + "\n")
  }

  /// The numbered options of a choice question, or the points of a scale.
  private func options(of instance: QuestionInstance) -> [String] {
    switch instance.question.kind {
    case .single(let choices, let other), .multiple(let choices, let other, _, _, _):
      var lines = choices.enumerated().map { "  \($0.offset + 1). " + text($0.element.label) }
      if other { lines.append("  \(choices.count + 1). " + words.other) }
      return lines
    case .ranking(let choices, _):
      return choices.enumerated().map { "  \($0.offset + 1). " + text($0.element.label) }
    case .boolean:
      return ["  1. " + words.yes, "  2. " + words.no]
    case .scale(let scale), .matrix(_, let scale):
      return scale.points.compactMap { point in scale.labels[point].map { "  \(point) = " + text($0) } }
        + (scale.notApplicable.map { ["  na = " + text($0)] } ?? [])
    case .nps:
      return ["  0 = " + words.npsLow, "  10 = " + words.npsHigh]
    default:
      return []
    }
  }

  private func hint(for instance: QuestionInstance) -> String? {
    let french = language == "fr"
    switch instance.question.kind {
    case .single: return french ? "Répondez par le numéro ou le code." : "Answer with the number or the code."
    case .multiple(_, _, let minimum, let maximum, _):
      let base =
        french
        ? "Numéros ou codes séparés par des virgules" : "Numbers or codes separated by commas"
      return base + (words.selections(min: minimum, max: maximum).map { " (\($0))" } ?? "") + "."
    case .ranking(_, let pick):
      return french
        ? "Classez les \(pick) premiers : numéros ou codes séparés par des virgules, le plus important d’abord."
        : "Rank the top \(pick): numbers or codes separated by commas, most important first."
    case .scale(let scale):
      return
        (french ? "Une valeur de \(scale.min) à \(scale.max)" : "A value from \(scale.min) to \(scale.max)")
        + (scale.notApplicable != nil ? (french ? ", ou na." : ", or na.") : ".")
    case .nps: return french ? "Une note de 0 à 10." : "A score from 0 to 10."
    case .matrix(_, let scale):
      return
        (french
        ? "Une ligne par rangée : une valeur de \(scale.min) à \(scale.max)"
        : "One line per row: a value from \(scale.min) to \(scale.max)")
        + (scale.notApplicable != nil ? (french ? ", ou na." : ", or na.") : ".")
    case .boolean: return french ? "oui ou non." : "yes or no."
    case .longText:
      return french
        ? "Plusieurs lignes possibles ; terminez par une ligne contenant seulement « . »."
        : "Several lines allowed; end with a line holding only \".\"."
    case .number(let minimum, let maximum, let integer):
      var parts = [
        integer ? (french ? "Un nombre entier" : "A whole number") : (french ? "Un nombre" : "A number")
      ]
      if let range = words.numberRange(minimum, maximum) { parts.append(range) }
      return parts.joined(separator: " ") + "."
    case .email: return french ? "Une adresse électronique." : "An email address."
    case .text: return nil
    }
  }

  private func prompt(_ label: String? = nil) {
    write((label.map { $0 + " " } ?? "") + "> ")
  }

  private func refuse(_ message: String) {
    write("! " + message + "\n")
  }

  /// Reads lines until a valid answer, `<`, or the end of input.
  private func ask(_ instance: QuestionInstance) throws(StoreError) -> Reply {
    if case .matrix(let rows, let scale) = instance.question.kind {
      return try askMatrix(instance, rows: rows, scale: scale)
    }
    while true {
      prompt()
      guard var line = readLine() else { return .end }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed == "<" { return .back }
      if trimmed == "?" {
        printHelp(instance)
        continue
      }
      if trimmed.isEmpty {
        if instance.question.required {
          refuse(words.required)
          continue
        }
        return .answer(Dictionary(uniqueKeysWithValues: instance.fields.map { ($0.key, AnswerValue?.none) }))
      }
      if case .longText = instance.question.kind {
        var lines = [line]
        if trimmed != "." {
          while let next = readLine() {
            if next.trimmingCharacters(in: .whitespaces) == "." { break }
            lines.append(next)
          }
        } else {
          lines = []
        }
        line = lines.joined(separator: "\n")
      }
      switch parse(line, for: instance) {
      case .failure(let problem):
        refuse(problem.message)
      case .success(var values):
        if values[instance.key] == .code("other")
          || (values[instance.key].flatMap(codes)?.contains("other") ?? false)
        {
          write(words.otherPrompt + "\n")
          prompt()
          guard let other = readLine() else { return .end }
          let text = other.trimmingCharacters(in: .whitespaces)
          if text.isEmpty {
            refuse(words.otherPrompt + "…")
            continue
          }
          values[instance.key + ".other"] = .text(text)
        }
        do {
          return .answer(try session.validate(values, for: instance))
        } catch {
          refuse(error.message)
        }
      }
    }
  }

  private func codes(_ value: AnswerValue) -> [String]? {
    if case .codes(let codes) = value { return codes }
    return nil
  }

  /// One prompt per row; `<` on a row goes back one row (or to the previous question).
  /// One prompt per row; each row's answer is stored before the next prompt
  /// (cli.md), so input ending half-way through a matrix keeps its rows.
  private func askMatrix(
    _ instance: QuestionInstance, rows: [Choice], scale: Scale
  ) throws(StoreError) -> Reply {
    var values: [String: AnswerValue] = [:]
    var index = 0
    while index < rows.count {
      let row = rows[index]
      let key = "\(instance.key).\(row.code)"
      prompt(text(row.label))
      guard let line = readLine() else { return .end }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed == "<" {
        if index == 0 { return .back }
        index -= 1
        values["\(instance.key).\(rows[index].code)"] = nil
        continue
      }
      if trimmed == "?" {
        printHelp(instance)
        continue
      }
      if trimmed.isEmpty {
        if instance.question.required {
          refuse(words.required)
          continue
        }
        index += 1
        continue
      }
      switch point(trimmed, scale: scale) {
      case .failure(let problem): refuse(problem.message)
      case .success(let value):
        if let field = instance.fields.first(where: { $0.key == key }),
          let message = SurveyRules.problem(with: value, for: field, language: language)
        {
          refuse(message)
          continue
        }
        values[key] = value
        try recorder.record([key: value], contactKeys: [])
        index += 1
      }
    }
    do {
      return .answer(try session.validate(values, for: instance))
    } catch {
      refuse(error.message)
      return try ask(instance)
    }
  }

  private func printHelp(_ instance: QuestionInstance) {
    var lines: [String] = []
    if let help = instance.help { lines.append(text(help)) }
    if let hint = hint(for: instance) { lines.append(hint) }
    lines.append(
      language == "fr"
        ? "Ligne vide : passer une question facultative. < : revenir à la question précédente. Chaque réponse est enregistrée aussitôt."
        : "Empty line: skip an optional question. <: back to the previous question. Each answer is saved at once."
    )
    write(lines.joined(separator: "\n") + "\n")
  }

  // MARK: Parsing a line

  private func failure(_ message: String) -> Result<[String: AnswerValue], AnswerRejection> {
    .failure(AnswerRejection(message))
  }

  /// The values a line gives, typed for the question (the survey's rules are checked after).
  private func parse(
    _ line: String, for instance: QuestionInstance
  ) -> Result<[String: AnswerValue], AnswerRejection> {
    let key = instance.key
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    let french = language == "fr"
    switch instance.question.kind {
    case .single(let choices, let other):
      guard let code = choiceCode(trimmed, choices: choices, other: other) else {
        let count = choices.count + (other ? 1 : 0)
        return failure(
          french
            ? "« \(TextSanitizer.clean(trimmed)) » n’est pas une des réponses : donnez un numéro de 1 à \(count) ou un code."
            : "“\(TextSanitizer.clean(trimmed))” is not one of the options: give a number from 1 to \(count) or a code."
        )
      }
      return .success([key: .code(code)])
    case .multiple, .ranking:
      let choices = instance.question.kind.choices ?? []
      let hasOther = instance.question.kind.hasOther
      var picked: [String] = []
      for part in trimmed.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
      where !part.isEmpty {
        guard let code = choiceCode(part, choices: choices, other: hasOther) else {
          let count = choices.count + (hasOther ? 1 : 0)
          return failure(
            french
              ? "« \(TextSanitizer.clean(part)) » n’est pas une des réponses : numéros de 1 à \(count) ou codes."
              : "“\(TextSanitizer.clean(part))” is not one of the options: numbers from 1 to \(count) or codes."
          )
        }
        if picked.contains(code) {
          return failure(french ? "« \(part) » est donné deux fois." : "“\(part)” is given twice.")
        }
        picked.append(code)
      }
      if case .multiple = instance.question.kind {
        // Stored in choice order, "other" last, whatever order they were typed in.
        let order = choices.map(\.code) + ["other"]
        picked.sort { (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0) }
      }
      return .success([key: .codes(picked)])
    case .scale(let scale):
      return point(trimmed, scale: scale).map { [key: $0] }
    case .nps:
      return point(trimmed, scale: .nps).map { [key: $0] }
    case .boolean:
      switch trimmed.lowercased() {
      case "oui", "o", "yes", "y", "1", "vrai", "true": return .success([key: .boolean(true)])
      case "non", "n", "no", "2", "faux", "false": return .success([key: .boolean(false)])
      default:
        return failure(french ? "Répondez par oui ou non (ou 1, 2)." : "Answer yes or no (or 1, 2).")
      }
    case .number(_, _, let integer):
      do {
        return .success([key: try QuestionEditor.parseNumber(trimmed, integer: integer)])
      } catch {
        return failure(error.message(words))
      }
    case .email:
      return .success([key: .text(trimmed)])
    case .text:
      return .success([key: .text(line)])
    case .longText:
      return .success([key: .text(line)])
    case .matrix:
      return .success([:])
    }
  }

  /// A choice by its number, its code or its label (case and accents as typed).
  private func choiceCode(_ text: String, choices: [Choice], other: Bool) -> String? {
    if let number = Int(text) {
      if number >= 1 && number <= choices.count { return choices[number - 1].code }
      if other && number == choices.count + 1 { return "other" }
      return nil
    }
    let lowered = text.lowercased()
    if let choice = choices.first(where: { $0.code == lowered }) { return choice.code }
    if let choice = choices.first(where: { $0.label.text(language).lowercased() == lowered }) {
      return choice.code
    }
    // "other", or its word as printed in the survey's language: "autre", "Autre (précisez)".
    if other && otherWords.contains(lowered) { return "other" }
    return nil
  }

  /// What names the "other" answer: its code, and its label in the
  /// participant's language with and without "(précisez)".
  private var otherWords: Set<String> {
    let label = words.other.lowercased()
    let word = label.components(separatedBy: " (").first ?? label
    return ["other", label, word]
  }

  /// A scale point, or `na` for not applicable.
  private func point(_ text: String, scale: Scale) -> Result<AnswerValue, AnswerRejection> {
    let french = language == "fr"
    let lowered = text.lowercased()
    if ["na", "n/a", "nsp"].contains(lowered) {
      guard scale.notApplicable != nil else {
        return .failure(
          AnswerRejection(
            french
              ? "Cette question n’a pas de réponse « sans avis »."
              : "This question has no “no opinion” answer."))
      }
      return .success(.notApplicable)
    }
    guard let value = Int(text), scale.points.contains(value) else {
      return .failure(
        AnswerRejection(
          (french
            ? "Donnez une valeur entière de \(scale.min) à \(scale.max)"
            : "Give a whole value from \(scale.min) to \(scale.max)")
            + (scale.notApplicable != nil ? (french ? ", ou na." : ", or na.") : ".")))
    }
    return .success(.integer(value))
  }
}
