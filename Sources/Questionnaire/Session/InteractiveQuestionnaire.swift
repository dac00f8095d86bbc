import BilanBase
import Foundation
import ResponseStore
import SurveyDefinition

/// The questionnaire on a terminal: screens, keys, signals, the store.
///
/// The loop is: draw the current screen, wait for a key, a signal or the
/// idle timeout, act. Every confirmed answer is in the store before the next
/// screen is drawn.
public final class InteractiveQuestionnaire {
  let survey: Survey
  let repository: any ResponseRepository
  let options: AskOptions
  let language: String
  let words: ToolText
  let device: TerminalDevice
  let painter: Painter

  var session: QuestionnaireSession
  var recorder: ResponseRecorder
  /// The follow-up token the thanks screen shows (`follow_up_token: true`).
  var issuedToken: String?
  var phase: Phase = .welcome
  /// A screen shown over the phase (help, quit question) until a key.
  var overlay: Overlay?
  /// After changing an answer from the review, go back to the review.
  var returnToReview = false
  /// The facilitator's exit sequence being typed (kiosk): Ctrl-X, then the word.
  var exitSequence: String?
  /// The clock of timers (monotonic seconds): replaced in tests.
  var now: () -> Double = monotonicSeconds
  lazy var lastKeyTime = now()
  /// When the waiting first digit of a possible 10 was typed.
  var digitTime = 0.0
  /// The idle timeout is near and the screen says so; a key cancels it.
  var idleWarning = false
  /// The welcome's page, when it takes more than one in this window.
  var welcomePage = 0

  enum Phase {
    case resumeOffer(Response)
    case welcome
    /// A section's intro, before `instance`, its first question.
    case intro(QuestionInstance, notice: String?)
    case question(QuestionEditor)
    /// `notice`: what was just saved, until the next key.
    case review(cursor: Int, notice: String?)
    case thanks
  }

  enum Overlay {
    /// The keys, on pages when the window is small.
    case help(page: Int)
    case quitQuestion
  }

  public init(
    survey: Survey, repository: any ResponseRepository, options: AskOptions, device: TerminalDevice,
    environment: [String: String]
  ) {
    self.survey = survey
    self.repository = repository
    self.options = options
    self.language = options.language ?? survey.defaultLanguage
    self.words = ToolText(language: language)
    self.device = device
    self.painter = Painter(device: device, palette: .fromEnvironment(environment))
    self.session = QuestionnaireSession(survey: survey, language: language)
    self.recorder = ResponseRecorder(
      repository: repository, survey: survey, language: language, device: options.device,
      followedToken: options.followedToken)
  }

  /// Goes on with `partial` where it stopped (the review when every shown
  /// question is answered).
  private func resume(_ partial: Response) {
    session = QuestionnaireSession(
      survey: survey, language: language, answers: partial.answers, contacts: partial.contacts)
    recorder = ResponseRecorder(
      repository: repository, survey: survey, language: language, device: options.device,
      resuming: partial.id, followedToken: options.followedToken)
    if let instance = session.resumePoint() {
      phase = .question(editor(for: instance))
    } else {
      phase = .review(cursor: session.shown.count, notice: nil)
    }
  }

  /// Runs until the participant is done (or, in kiosk mode, until the
  /// facilitator leaves). The terminal is restored before returning.
  public func run() throws(StoreError) -> AskOutcome {
    device.enter()
    defer { device.leave() }
    if !options.kiosk, options.resume != .startAfresh,
      let partial = try repository.latestPartialResponse(survey: survey.id, device: options.device),
      !partial.answers.isEmpty || !partial.contacts.isEmpty
    {
      if options.resume == .resume {
        resume(partial)
      } else {
        phase = .resumeOffer(partial)
      }
    }
    while true {
      draw()
      let timer = nextTimer()
      let event = device.nextEvent(timeout: timer.map { max(0, $0.at - now()) })
      switch event {
      case .timeout:
        guard let timer, now() >= timer.at - 0.001 else { continue }
        if let outcome = try fire(timer.kind) { return outcome }
      case .signal(.resize), .signal(.resumed):
        painter.invalidate()
      case .signal(.interrupt):
        return .interrupted
      case .signal(.terminate(let number)):
        return .terminated(number)
      case .key(let key):
        lastKeyTime = now()
        if idleWarning {
          // The participant is back: the key only cancels the warning.
          idleWarning = false
          continue
        }
        if let outcome = try handle(key) { return outcome }
      }
    }
  }

  /// What the loop waits for besides keys, the soonest first.
  enum TimerKind {
    /// No second digit came after the 1 of a possible 10.
    case secondDigit
    /// The idle timeout is near: warn (and count down).
    case idleWarning
    /// A second of the warning's countdown.
    case countdown
    case idleTimeout
  }

  private func nextTimer() -> (at: Double, kind: TimerKind)? {
    var timers: [(at: Double, kind: TimerKind)] = []
    if case .question(let editor) = phase, editor.pendingDigit != nil, overlay == nil {
      timers.append((digitTime + options.secondDigitWait, .secondDigit))
    }
    if let timeout = idleTimeout {
      let deadline = lastKeyTime + timeout
      if idleWarning {
        timers.append((deadline, .idleTimeout))
        if now() + 1 < deadline { timers.append((now() + 1, .countdown)) }
      } else {
        timers.append((deadline - Self.warningLead(timeout: timeout, options: options), .idleWarning))
      }
    }
    return timers.min { $0.at < $1.at }
  }

  /// How long before the idle timeout the warning shows: `idleWarning`
  /// seconds (30), or half the timeout when it is shorter than twice that.
  static func warningLead(timeout: Double, options: AskOptions) -> Double {
    min(options.idleWarning, timeout / 2)
  }

  private func fire(_ kind: TimerKind) throws(StoreError) -> AskOutcome? {
    switch kind {
    case .secondDigit:
      guard case .question(var editor) = phase else { return nil }
      let outcome = editor.resolvePendingDigit()
      phase = .question(editor)
      try act(on: outcome, editor: editor)
      return nil
    case .idleWarning:
      idleWarning = true
      return nil
    case .countdown:
      return nil
    case .idleTimeout:
      if now() < lastKeyTime + (idleTimeout ?? 0) { return nil }
      idleWarning = false
      return try idle()
    }
  }

  /// The idle timeout of this screen, when it applies.
  private var idleTimeout: Double? {
    guard let timeout = options.idleTimeout else { return nil }
    switch phase {
    case .welcome where options.kiosk, .resumeOffer where options.kiosk: return nil
    default: return timeout
    }
  }

  /// Seconds left before the idle timeout (for the warning's countdown).
  private var idleSecondsLeft: Int {
    guard let timeout = idleTimeout else { return 0 }
    return max(0, Int((lastKeyTime + timeout - now()).rounded(.up)))
  }

  /// The participant left: the answers are already stored as partial.
  private func idle() throws(StoreError) -> AskOutcome? {
    if case .thanks = phase, !options.kiosk { return .completed }  // already sent
    guard options.kiosk else { return .timedOut }
    nextParticipant()
    return nil
  }

  /// Kiosk: forget the previous participant entirely, screen and scrollback included.
  private func nextParticipant() {
    session = QuestionnaireSession(survey: survey, language: language)
    recorder = ResponseRecorder(
      repository: repository, survey: survey, language: language, device: options.device,
      followedToken: options.followedToken)
    phase = .welcome
    issuedToken = nil
    welcomePage = 0
    overlay = nil
    returnToReview = false
    idleWarning = false
    painter.wipe()
  }

  // MARK: Drawing

  /// The screen with `overlay` over the phase.
  private func currentScreenWith(overlay shown: Overlay) -> any Screen {
    let saved = overlay
    overlay = shown
    defer { overlay = saved }
    return currentScreen()
  }

  func currentScreen() -> any Screen {
    if idleWarning {
      return MessageScreen(
        title: words.idleWarningTitle,
        paragraphs: [words.idleWarning(seconds: idleSecondsLeft, kiosk: options.kiosk)],
        hints: [(words.anyKeyToGoOn, "")],
        language: language)
    }
    if let overlay {
      switch overlay {
      case .help(let page):
        var paragraphs = words.helpLines
        if case .question(let editor) = phase, let help = editor.instance.help {
          paragraphs.insert(TextSanitizer.clean(help.text(language)), at: 0)
        }
        if let reconnection = options.reconnection {
          paragraphs += [words.reconnection(reconnection), "    " + reconnection.command]
        }
        return MessageScreen(
          title: words.helpTitle, paragraphs: paragraphs, hints: [(words.anyKey, "")], language: language,
          page: page)
      case .quitQuestion:
        return MessageScreen(
          title: options.kiosk
            ? (language == "fr"
              ? "Abandonner ce questionnaire ? Vos réponses sont enregistrées."
              : "Leave this questionnaire? Your answers are saved.")
            : words.quitQuestion,
          paragraphs: options.reconnection.map { [words.reconnection($0), "    " + $0.command] } ?? [],
          hints: language == "fr"
            ? [("O", "quitter"), ("N", "continuer")] : [("Y", "quit"), ("N", "go on")],
          language: language)
      }
    }
    switch phase {
    case .resumeOffer(let partial):
      return MessageScreen(
        title: TextSanitizer.clean(survey.title.text(language)),
        paragraphs: [
          words.resumeQuestion, resumeProgress(of: partial),
        ],
        hints: language == "fr"
          ? [("R", "reprendre où j’en étais"), ("N", "recommencer à zéro")]
          : [("R", "resume where I stopped"), ("N", "start afresh")],
        language: language)
    case .welcome:
      let count =
        options.kiosk ? ((try? repository.count(survey: survey.id, includePartial: false)) ?? 0) : nil
      return WelcomeScreen(
        survey: survey, language: language, path: session.pathLength(), responsesIn: count, page: welcomePage,
        reconnection: options.reconnection.map { (words.reconnection($0), $0.command) })
    case .intro(let instance, let notice):
      let part = (survey.sections.firstIndex { $0.id == instance.section.id } ?? 0) + 1
      return IntroScreen(
        instance: instance, part: (part, survey.sections.count), progress: session.progress(of: instance.key),
        language: language, notice: notice)
    case .question(let editor):
      return QuestionScreen(editor: editor, progress: session.progress(of: editor.instance.key))
    case .review(let cursor, let notice):
      return ReviewScreen(
        entries: ReviewScreen.entries(of: session), cursor: cursor, language: language, notice: notice)
    case .thanks:
      return MessageScreen(
        title: words.thanks, paragraphs: issuedToken.map { [words.followUpToken($0)] } ?? [],
        hints: [
          (
            words.enterKey,
            options.kiosk ? (language == "fr" ? "participant suivant" : "next participant") : words.quit
          )
        ],
        language: language)
    }
  }

  private func draw() {
    let size = device.size()
    let frame = currentScreen().render(width: size.columns, height: size.rows)
    painter.draw(frame.lines, size: size, cursor: frame.cursor.map { ($0.row, $0.column) })
  }

  // MARK: Keys

  private func handle(_ key: Key) throws(StoreError) -> AskOutcome? {
    // The facilitator's sequence (kiosk): Ctrl-X, then "quitter" or "quit", then Enter.
    if options.kiosk {
      if key == .control("x") {
        exitSequence = ""
        return nil
      }
      if var typed = exitSequence {
        switch key {
        case .character(let character):
          typed.append(character)
          exitSequence = typed.count > 12 ? nil : typed
        case .enter:
          exitSequence = nil
          if typed.lowercased() == "quitter" || typed.lowercased() == "quit" { return .completed }
        default:
          exitSequence = nil
        }
        return nil
      }
    }
    if key == .control("l") {
      painter.invalidate()
      return nil
    }
    if key == .control("z") && !options.kiosk {
      device.suspend()
      painter.invalidate()
      return nil
    }
    if let current = overlay {
      overlay = nil
      if case .help(let page) = current {
        // ↓ (Space, Enter) turns the pages, ↑ turns back; on the last page, or any other key, closes.
        let size = device.size()
        let pages =
          (currentScreenWith(overlay: current) as? MessageScreen)?.pageCount(
            width: size.columns, height: size.rows) ?? 1
        switch key {
        case .down, .pageDown, .character(" "), .enter, .right:
          if page < pages - 1 { overlay = .help(page: page + 1) }
        case .up, .pageUp, .left:
          if page > 0 { overlay = .help(page: page - 1) }
        default: break
        }
        return nil
      }
      if case .quitQuestion = current {
        switch key {
        case .character("o"), .character("O"), .character("y"), .character("Y"), .control("c"):
          if options.kiosk {
            nextParticipant()
            return nil
          }
          return .interrupted
        default: return nil
        }
      }
      return nil
    }
    if key == .control("c") {
      overlay = .quitQuestion
      return nil
    }
    switch phase {
    case .resumeOffer(let partial):
      switch key {
      case .character("r"), .character("R"), .enter:
        resume(partial)
      case .character("n"), .character("N"):
        phase = .welcome
      default: break
      }
    case .welcome:
      let size = device.size()
      let pages =
        (currentScreen() as? WelcomeScreen)?.pages(width: size.columns, height: size.rows).count ?? 1
      switch key {
      case .enter where welcomePage < pages - 1, .character(" ") where welcomePage < pages - 1:
        welcomePage += 1
      case .left where welcomePage > 0, .backTab where welcomePage > 0, .up where welcomePage > 0:
        welcomePage -= 1
      case .enter, .character(" "):
        // A new participant: never on a survey that changed since it was loaded.
        if options.kiosk, let change = options.surveyWatch?.change() { return .surveyChanged(change) }
        if let first = session.shown.first {
          show(first)
        } else {
          phase = .review(cursor: 0, notice: nil)
        }
      // A `where` guards only the pattern it follows: each pattern has its own,
      // or `q` would leave kiosk mode and give the next person the shell.
      case .character("q") where !options.kiosk, .character("Q") where !options.kiosk:
        return .interrupted
      case .control("d") where !options.kiosk:
        return .interrupted
      case .character("?"):
        overlay = .help(page: 0)
      default: break
      }
    case .intro(let instance, _):
      switch key {
      case .enter, .character(" "), .tab, .right, .controlEnter:
        phase = .question(editor(for: instance))
      case .left, .backTab:
        if let previous = session.previous(before: instance.key) {
          phase = .question(editor(for: previous))
        } else {
          phase = .welcome
        }
      case .character("?"):
        overlay = .help(page: 0)
      default: break
      }
    case .question(var editor):
      editor.width = device.size().columns
      let outcome = editor.handle(key)
      if editor.pendingDigit != nil { digitTime = now() }
      phase = .question(editor)
      try act(on: outcome, editor: editor)
    case .review(let cursor, _):
      try handleReview(key, cursor: cursor)
    case .thanks:
      switch key {
      case .enter, .character(" "), .character("q"), .character("Q"), .escape:
        if options.kiosk {
          nextParticipant()
        } else {
          return .completed
        }
      default: break
      }
    }
    return nil
  }

  /// Goes to `instance`, through its section's intro when it opens one
  /// (not on the way back to the review).
  private func show(_ instance: QuestionInstance, notice: String? = nil) {
    if !returnToReview, session.intro(before: instance) != nil {
      phase = .intro(instance, notice: notice)
      return
    }
    var editor = editor(for: instance)
    editor.notice = notice
    phase = .question(editor)
  }

  /// "Vous aviez répondu à 5 questions sur 32.": questions, not answer keys.
  private func resumeProgress(of partial: Response) -> String {
    let resumed = QuestionnaireSession(
      survey: survey, language: language, answers: partial.answers, contacts: partial.contacts)
    return words.resumeProgress(answered: resumed.answeredCount, of: resumed.shown.count)
  }

  func editor(for instance: QuestionInstance) -> QuestionEditor {
    QuestionEditor(
      instance: instance, answers: session.answers, contacts: session.contacts, language: language)
  }

  private func act(on outcome: EditorOutcome, editor: QuestionEditor) throws(StoreError) {
    let instance = editor.instance
    let number = session.progress(of: instance.key).index
    switch outcome {
    case .stay: return
    case .help: overlay = .help(page: 0)
    case .back:
      if returnToReview {
        returnToReview = false
        phase = .review(cursor: (session.index(of: instance.key) ?? 0), notice: nil)
      } else if session.intro(before: instance) != nil {
        phase = .intro(instance, notice: nil)
      } else if let previous = session.previous(before: instance.key) {
        phase = .question(self.editor(for: previous))
      } else {
        phase = .welcome
      }
    case .confirm, .skip, .erase:
      let changes: [String: AnswerValue?]
      if outcome == .confirm {
        switch checkedChanges(of: editor) {
        case .success(let checked): changes = checked
        case .failure(let problem):
          var shown = editor
          shown.message = problem.message
          phase = .question(shown)
          return
        }
      } else {
        changes = Dictionary(uniqueKeysWithValues: instance.fields.map { ($0.key, AnswerValue?.none) })
      }
      // Stored before anything else is drawn.
      try recorder.record(changes, contactKeys: contactKeys(of: instance))
      let shownBefore = Set(session.shown.map(\.key))
      session.apply(changes, for: instance)
      try deleteWithdrawnContacts()
      if outcome == .erase && instance.question.required {
        // A required question stays on screen, empty, until it is answered.
        var fresh = self.editor(for: instance)
        fresh.notice = words.erased(question: number)
        phase = .question(fresh)
        return
      }
      let notice: String =
        switch outcome {
        case .confirm: words.saved(session.summary(of: instance, compact: true) ?? "", question: number)
        case .erase: words.erased(question: number)
        default: words.skipped(question: number)
        }
      advance(from: instance, shownBefore: shownBefore, notice: notice)
    }
  }

  /// The widget's values checked by the survey's rules, or the message saying why not.
  private func checkedChanges(of editor: QuestionEditor) -> Result<[String: AnswerValue?], AnswerRejection> {
    do {
      let values = try editor.values()
      do {
        return .success(try session.validate(values, for: editor.instance))
      } catch {
        return .failure(AnswerRejection(error.message))
      }
    } catch {
      return .failure(AnswerRejection(error.message(words)))
    }
  }

  private func contactKeys(of instance: QuestionInstance) -> Set<String> {
    Set(instance.fields.filter { $0.valueType == .contact }.map(\.key))
  }

  /// The next screen after `instance` was answered, passed or erased;
  /// `notice` (what was just saved) is shown on it until the next key.
  private func advance(from instance: QuestionInstance, shownBefore: Set<String>, notice: String) {
    let next = session.next(after: instance.key)
    if returnToReview {
      // A question the change has just opened is asked before going back to the review.
      if let next, !session.isAnswered(next), !shownBefore.contains(next.key) {
        var editor = editor(for: next)
        editor.notice = notice
        phase = .question(editor)
        return
      }
      returnToReview = false
      phase = .review(cursor: session.index(of: instance.key) ?? 0, notice: notice)
      return
    }
    if let next {
      show(next, notice: notice)
    } else {
      phase = .review(cursor: session.shown.count, notice: notice)
    }
  }

  /// An email the participant withdrew (the follow-up answer changed) is
  /// deleted from the store now, not at submission.
  private func deleteWithdrawnContacts() throws(StoreError) {
    let withdrawn = session.withdrawnContactKeys()
    guard !withdrawn.isEmpty else { return }
    try recorder.record(
      Dictionary(uniqueKeysWithValues: withdrawn.map { ($0, AnswerValue?.none) }), contactKeys: Set(withdrawn)
    )
    session.forgetContacts(withdrawn)
  }

  private func handleReview(_ key: Key, cursor: Int) throws(StoreError) {
    let count = session.shown.count
    var cursor = min(cursor, count)
    switch key {
    case .up, .character("k"): cursor = max(0, cursor - 1)
    case .down, .character("j"), .tab: cursor = min(count, cursor + 1)
    case .home, .pageUp: cursor = 0
    case .end, .pageDown: cursor = count
    case .left, .backTab:
      if let last = session.shown.last {
        phase = .question(editor(for: last))
        return
      }
    case .character("?"):
      overlay = .help(page: 0)
    case .enter where cursor < count:
      returnToReview = true
      phase = .question(editor(for: session.shown[cursor]))
      return
    case .enter, .character(words.sendKey), .character(Character(words.sendKey.uppercased())):
      if let missing = session.missingRequired() {
        var editor = editor(for: missing)
        editor.message = words.required
        returnToReview = true
        phase = .question(editor)
        return
      }
      let hidden = session.hiddenKeys()
      let contactKeys = Set(survey.fields.filter { $0.valueType == .contact }.map(\.key))
      issuedToken = try recorder.submit(removing: hidden, contactKeys: contactKeys)
      session.dropHidden()
      phase = .thanks
      return
    default: break
    }
    phase = .review(cursor: cursor, notice: nil)
  }
}
