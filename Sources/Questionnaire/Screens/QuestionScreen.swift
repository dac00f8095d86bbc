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

  public func render(width: Int, height: Int) -> ScreenFrame {
    let words = editor.words
    let language = editor.language
    let content = Margin.content(width)
    // Header: where we are, left; the bar and the count, right.
    let cells = width >= 60 ? 10 : 5
    let right = progress.bar(cells: cells) + " \(progress.index)/\(progress.count)"
    let rightWidth = DisplayWidth.width(of: right)
    // When the header is too narrow, the loop item matters more than the section title.
    var location = location(language: language)
    let room = max(4, content - rightWidth - 2)
    if DisplayWidth.width(of: location) > room, let item = editor.instance.item,
      let index = editor.instance.itemIndex
    {
      let rank = " (\(index + 1)/\(editor.instance.section.items.count))"
      let label = TextSanitizer.clean(item.label.text(language))
      location = TextLayout.truncate(label, width: room - DisplayWidth.width(of: rank)) + rank
    }
    let left = TextLayout.truncate(location, width: room)
    let gap = max(1, content - DisplayWidth.width(of: left) - rightWidth)
    var lines: [StyledLine] = [
      StyledLine(),
      StyledLine(spans: [
        (Margin.indent + left, .accent), (String(repeating: " ", count: gap), .plain), (right, .accent),
      ]),
    ]
    var status = words.questionOf(progress.index, progress.count)
    if !editor.instance.question.required { status += " · " + words.optional }
    lines.append(StyledLine(Margin.indent + status, .dim))
    lines.append(StyledLine())
    lines.append(
      contentsOf: paragraph(
        TextSanitizer.clean(editor.instance.label.text(language)), width: width, style: .bold))
    if let help = editor.instance.help {
      lines.append(
        contentsOf: paragraph(TextSanitizer.clean(help.text(language)), width: width, style: .dim))
    }
    lines.append(StyledLine())

    var bottom: [StyledLine] = [StyledLine()]
    if let message = editor.message {
      bottom = paragraph(message, width: width, style: .error)
    }
    bottom.append(contentsOf: footerLines(hints, width: width))
    // The widget gets what is left; it scrolls around its focus.
    let body = editor.body(width: width)
    let available = max(1, height - lines.count - bottom.count)
    let window = scrolled(
      body.lines, focus: body.focus, height: available, words: words, width: width, items: body.items)
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

  /// The keys of this question, in the order a participant needs them.
  var hints: [KeyHint] {
    let words = editor.words
    let question = editor.instance.question
    var hints: [KeyHint] = []
    let skip = question.required ? [] : [KeyHint(words.escapeKey, words.skip)]
    let back = KeyHint("←", words.back)
    let help = KeyHint("?", words.help)
    let enter = KeyHint(words.enterKey, words.validate)
    switch editor.state {
    case .single(let options, _, _, _, let editing):
      if editing {
        return [
          enter, KeyHint("↑", words.language == "fr" ? "liste" : "list"),
          KeyHint(words.shiftTabKey, words.back),
        ]
      }
      let numbers = options.count <= 9 ? "1–\(options.count)" : "↑↓"
      hints = [KeyHint(numbers, words.answer), KeyHint("↑↓", words.move), enter, back] + skip + [help]
    case .multiple(let options, _, _, _, let editing):
      if editing {
        return [
          KeyHint(words.enterKey, words.language == "fr" ? "fin du texte" : "done"),
          KeyHint("↑↓", words.language == "fr" ? "liste" : "list"),
        ]
      }
      hints = [KeyHint(words.spaceKey, words.toggle)]
      if options.count <= 9 { hints.append(KeyHint("1–\(options.count)", words.toggle)) }
      hints += [KeyHint("↑↓", words.move), enter, back] + skip + [help]
    case .scale(let scale, _, _):
      hints = [KeyHint("\(scale.min)–\(min(scale.max, 9))", words.answer)]
      if scale.max == 10 { hints.append(KeyHint(words.tenHint, "")) }
      if scale.notApplicable != nil {
        hints.append(
          KeyHint("N", TextSanitizer.clean(scale.notApplicable!.text(editor.language))))
      }
      hints += [KeyHint("↑↓", words.move), back, help, enter] + skip
    case .matrix(_, let scale, _, _, _):
      hints = [
        KeyHint(
          "\(scale.min)–\(min(scale.max, 9))",
          words.language == "fr" ? "noter la ligne et descendre" : "rate the row and go down"),
        KeyHint("↑↓", words.language == "fr" ? "ligne" : "row"),
      ]
      if scale.notApplicable != nil {
        hints.append(KeyHint("N", TextSanitizer.clean(scale.notApplicable!.text(editor.language))))
      }
      hints += [enter, back] + skip + [help]
    case .ranking:
      hints =
        [
          KeyHint(words.spaceKey, words.pick),
          KeyHint("+/-", words.language == "fr" ? "monter/descendre" : "up/down"), enter, back,
        ] + skip + [help]
    case .text(let lineEditor):
      if lineEditor.multiline {
        hints =
          [
            KeyHint("Tab", words.validate),
            KeyHint(words.enterKey, words.language == "fr" ? "à la ligne" : "new line"),
            KeyHint(words.shiftTabKey, words.back),
          ] + skip
      } else {
        hints = [enter, KeyHint(words.shiftTabKey, words.back)] + skip
      }
    }
    return hints
  }
}
