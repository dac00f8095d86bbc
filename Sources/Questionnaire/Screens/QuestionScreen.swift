import BilanBase
import SurveyDefinition

/// Where a question stands in the flow of shown questions.
public struct Progress: Sendable, Equatable {
  /// 1-based position among the questions shown with the answers so far.
  public var index: Int
  public var count: Int

  public init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// `▰▰▰▱▱` with `cells` cells, filled in proportion.
  public func bar(cells: Int) -> String {
    let filled = count == 0 ? 0 : min(cells, Int((Double(index * cells) / Double(count)).rounded()))
    return String(repeating: "▰", count: filled) + String(repeating: "▱", count: cells - filled)
  }
}

/// One question: the progress line, the question, its widget, the footer.
public struct QuestionScreen: Screen {
  public var editor: QuestionEditor
  public var progress: Progress

  public init(editor: QuestionEditor, progress: Progress) {
    self.editor = editor
    self.progress = progress
  }

  /// "Section · Item (2/3)" for the header.
  func location(language: String) -> String {
    Self.location(of: editor.instance, language: language)
  }

  /// The section title (with `{item}` replaced), the loop item and its rank:
  /// "Les outils explorés · Convention de partenariat (2/3)".
  static func location(of instance: QuestionInstance, language: String) -> String {
    var text = TextSanitizer.clean(instance.sectionTitle.text(language))
    if let item = instance.item, let index = instance.itemIndex {
      let label = TextSanitizer.clean(item.label.text(language))
      if !text.contains(label) { text += " · " + label }
      text += " (\(index + 1)/\(instance.section.items.count))"
    }
    return text
  }

  /// The first lines of a question (and of its section's intro): a blank
  /// line, then where we are on the left and the progress on the right.
  static func header(
    of instance: QuestionInstance, progress: Progress, width: Int, language: String
  )
    -> [StyledLine]
  {
    let rank = instance.item.flatMap { item in
      instance.itemIndex.map { (item, " (\($0 + 1)/\(instance.section.items.count))") }
    }
    return header(
      location: location(of: instance, language: language), item: rank, progress: progress, width: width,
      language: language)
  }

  /// The header with `location` on the left; when it does not fit, the loop
  /// `item` and its rank take its place (the item matters more than the section).
  static func header(
    location full: String, item: (item: Choice, rank: String)?, progress: Progress, width: Int,
    language: String
  ) -> [StyledLine] {
    let content = Margin.content(width)
    let cells = width >= 60 ? 10 : 5
    let right = progress.bar(cells: cells) + " \(progress.index)/\(progress.count)"
    let rightWidth = DisplayWidth.width(of: right)
    var location = full
    let room = max(4, content - rightWidth - 2)
    if DisplayWidth.width(of: location) > room, let (item, rank) = item {
      let label = TextSanitizer.clean(item.label.text(language))
      location = TextLayout.truncate(label, width: room - DisplayWidth.width(of: rank)) + rank
    }
    let left = TextLayout.truncate(location, width: room)
    let gap = max(1, content - DisplayWidth.width(of: left) - rightWidth)
    return [
      StyledLine(),
      StyledLine(spans: [
        (Margin.indent + left, .accent), (String(repeating: " ", count: gap), .plain), (right, .accent),
      ]),
    ]
  }

  public func render(width: Int, height: Int) -> ScreenFrame {
    let words = editor.words
    let language = editor.language
    let content = Margin.content(width)
    var status = words.questionOf(progress.index, progress.count)
    if !editor.instance.question.required { status += " · " + words.optional }
    let label = paragraph(
      TextSanitizer.clean(editor.instance.label.text(language)), width: width, style: .bold)
    var help =
      editor.instance.help.map {
        paragraph(TextSanitizer.clean($0.text(language)), width: width, style: .hint)
      } ?? []

    var bottom: [StyledLine] = [StyledLine()]
    if editor.confirmingErase {
      bottom = paragraph(
        words.eraseQuestion(required: editor.instance.question.required), width: width, style: .error)
    } else if let message = editor.message {
      bottom = paragraph(message, width: width, style: .error)
    } else if let notice = editor.notice {
      bottom = [StyledLine(Margin.indent + TextLayout.truncate(notice, width: content), .notice)]
    }
    let footer = footerLines(hints, width: width, maxLines: height < 25 ? 2 : 3)
    let body = editor.body(width: width)
    // A small window keeps room for the answers (eight lines, or all of them,
    // or the lines of the first four choices when they are longer):
    // first the blank lines go, then the "Question N sur M" line (the header
    // has the count), then the help is cut to a line (? shows it whole).
    var need = min(body.lines.count, 8)
    if let items = body.items, let last = items.lastIndex(where: { (0...3).contains($0) }) {
      need = min(body.lines.count, max(need, last + 2))
    }
    var spacing = true
    var showsStatus = true
    func topCount() -> Int {
      (spacing ? 3 : 1) + (showsStatus ? 1 : 0) + label.count + help.count
    }
    func room() -> Int { height - topCount() - bottom.count - footer.count }
    if room() < need, bottom.count == 1, bottom[0].spans.isEmpty { bottom = [] }
    if room() < need { spacing = false }
    if room() < need { showsStatus = false }
    if room() < need, help.count > 1, let text = editor.instance.help?.text(language) {
      help = [
        StyledLine(Margin.indent + TextLayout.truncate(TextSanitizer.clean(text), width: content), .hint)
      ]
    }
    var lines = Self.header(of: editor.instance, progress: progress, width: width, language: language)
    if !spacing { lines.removeFirst() }
    if showsStatus { lines.append(StyledLine(Margin.indent + status, .hint)) }
    if spacing { lines.append(StyledLine()) }
    lines += label + help
    if spacing { lines.append(StyledLine()) }
    bottom += footer

    // The widget gets what is left; it scrolls around its focus.
    let available = max(1, height - lines.count - bottom.count)
    var window = scrolled(
      body.lines, focus: body.focus, height: available, words: words, width: width, items: body.items)
    if body.lines.count > available, body.pinned > 0, available >= body.pinned + 3 {
      // The column numbers stay on top while the rows scroll under them.
      let pinned = body.pinned
      let rest = scrolled(
        Array(body.lines.dropFirst(pinned)), focus: body.focus - pinned, height: available - pinned,
        words: words,
        width: width, items: body.items.map { Array($0.dropFirst(pinned)) })
      window = (Array(body.lines.prefix(pinned)) + rest.lines, rest.rowOfFirst)
    }
    var cursor: ScreenFrame.Cursor? = nil
    if let textCursor = body.cursor {
      let row = lines.count + window.rowOfFirst + textCursor.line
      if row >= lines.count && row < lines.count + window.lines.count {
        cursor = ScreenFrame.Cursor(row: row, column: textCursor.column)
      }
    }
    lines.append(contentsOf: window.lines)
    while lines.count < height - bottom.count { lines.append(StyledLine()) }
    lines.append(contentsOf: bottom)
    return ScreenFrame(lines: Array(lines.prefix(height)), cursor: cursor)
  }

  /// The keys of this question, in the order a participant needs them. They
  /// follow the state: Enter says "passer" on an optional question with
  /// nothing chosen, Esc "effacer" once there is an answer.
  var hints: [KeyHint] {
    let words = editor.words
    let question = editor.instance.question
    if editor.confirmingErase {
      return words.language == "fr"
        ? [KeyHint("O", "effacer"), KeyHint("N", "garder")] : [KeyHint("Y", "erase"), KeyHint("N", "keep")]
    }
    let answered = editor.hasAnswer || editor.hadStoredAnswer
    var escape: [KeyHint] = []
    if answered {
      escape = [KeyHint(words.escapeKey, words.erase, priority: 3)]
    } else if !question.required {
      escape = [KeyHint(words.escapeKey, words.skip, priority: 3)]
    }
    let back = KeyHint(editor.movesAcross ? words.shiftTabKey : "←", words.back)
    let help = KeyHint("?", words.help)
    let enter = KeyHint(
      words.enterKey, editor.hasAnswer || question.required || highlighted ? words.validate : words.skip)
    switch editor.state {
    case .single(let options, _, _, _, let editing):
      if editing {
        return [
          enter, KeyHint("↑", words.language == "fr" ? "liste" : "list"),
          KeyHint(words.shiftTabKey, words.back),
        ]
      }
      let numbers = options.count <= 9 ? "1–\(options.count)" : "↑↓"
      return [KeyHint(numbers, words.answer), KeyHint("↑↓", words.move, priority: 2), enter, back] + escape
        + [help]
    case .multiple(let options, _, _, _, let editing):
      if editing {
        return [
          KeyHint(words.enterKey, words.language == "fr" ? "fin du texte" : "done"),
          KeyHint("↑↓", words.language == "fr" ? "liste" : "list"),
        ]
      }
      var hints = [KeyHint(words.spaceKey, words.toggle, priority: 2)]
      if options.count <= 9 { hints.append(KeyHint("1–\(options.count)", words.toggle)) }
      return hints + [KeyHint("↑↓", words.move, priority: 2), enter, back] + escape + [help]
    case .scale(let scale, _, _):
      var hints = [KeyHint("\(scale.min)–\(min(scale.max, 9))", words.answer)]
      if scale.max == 10 { hints.append(KeyHint(words.tenHint, "")) }
      if let notApplicable = scale.notApplicable {
        hints.append(KeyHint("N", TextSanitizer.clean(notApplicable.text(editor.language)), priority: 2))
      }
      return hints + [KeyHint(editor.movesAcross ? "←→" : "↑↓", words.move, priority: 2), enter, back, help]
        + escape
    case .matrix(_, let scale, _, _, _):
      var hints = [
        KeyHint(
          "\(scale.min)–\(min(scale.max, 9))",
          words.language == "fr" ? "noter la ligne et descendre" : "rate the row and go down"),
        KeyHint("↑↓", words.language == "fr" ? "ligne" : "row", priority: 2),
        KeyHint("←→", words.move, priority: 3),
      ]
      if let notApplicable = scale.notApplicable {
        hints.append(KeyHint("N", TextSanitizer.clean(notApplicable.text(editor.language)), priority: 2))
      }
      return hints + [enter, back] + escape + [help]
    case .ranking(let options, _, _, _):
      var hints = [KeyHint(words.spaceKey, words.pick, priority: 2)]
      if options.count <= 9 { hints.append(KeyHint("1–\(options.count)", words.pick)) }
      return hints + [
        KeyHint("+/-", words.language == "fr" ? "monter/descendre" : "up/down", priority: 2),
        KeyHint("↑↓", words.move, priority: 2), enter, back,
      ] + escape + [help]
    case .text(let lineEditor):
      let textBack = KeyHint(lineEditor.text.isEmpty ? "←" : words.shiftTabKey, words.back)
      if lineEditor.multiline {
        return [
          KeyHint(words.multilineConfirmKey, enter.action),
          KeyHint(words.enterKey, words.language == "fr" ? "à la ligne" : "new line"), textBack,
        ] + escape
      }
      return [enter, textBack] + escape
    }
  }

  /// Whether a choice is highlighted that Enter would choose.
  private var highlighted: Bool {
    switch editor.state {
    case .single(_, let cursor, _, _, _): cursor != nil
    case .scale(_, let cursor, _): cursor != nil
    case .matrix(_, _, _, let cursor, _): cursor != nil
    default: false
    }
  }
}
