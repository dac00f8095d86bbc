import BilanBase
import SurveyDefinition

/// One line of the review: a shown question and its answer in words.
public struct ReviewEntry: Sendable, Equatable {
  public var number: Int
  public var key: String
  public var title: String
  public var answer: String?
  public var required: Bool
}

/// Before sending: every shown question with its answer; pick one to change
/// it, or send.
public struct ReviewScreen: Screen {
  public var entries: [ReviewEntry]
  /// The selected entry; `entries.count` is the "send" line.
  public var cursor: Int
  public var language: String
  /// A problem, shown above the footer.
  public var message: String?
  /// What was just saved, shown there when there is no problem.
  public var notice: String?

  public init(
    entries: [ReviewEntry], cursor: Int, language: String, message: String? = nil, notice: String? = nil
  ) {
    self.entries = entries
    self.cursor = cursor
    self.language = language
    self.message = message
    self.notice = notice
  }

  /// The entries of a session, in the order of the flow.
  public static func entries(of session: QuestionnaireSession) -> [ReviewEntry] {
    session.shown.enumerated().map { index, instance in
      var title = TextSanitizer.clean(instance.label.text(session.language))
      if let item = instance.item {
        let itemLabel = TextSanitizer.clean(item.label.text(session.language))
        if !title.contains(itemLabel) { title += " · " + itemLabel }
      }
      return ReviewEntry(
        number: index + 1, key: instance.key, title: title, answer: session.summary(of: instance),
        required: instance.question.required)
    }
  }

  public func render(width: Int, height: Int) -> ScreenFrame {
    let words = ToolText(language: language)
    let content = Margin.content(width)
    var top: [StyledLine] = [StyledLine()]
    top += paragraph(words.reviewTitle, width: width, style: .bold)
    top.append(StyledLine())
    var body: [StyledLine] = []
    var items: [Int] = []
    var focus = 0
    let numberWidth = String(entries.count).count
    let oneLine = width >= 70
    for (index, entry) in entries.enumerated() {
      let selected = index == cursor
      if selected { focus = body.count }
      let number =
        String(repeating: " ", count: numberWidth - String(entry.number).count) + String(entry.number)
      let marker = selected ? "› " : "  "
      let answer = entry.answer ?? words.notAnswered
      let answerStyle: TextStyle = entry.answer == nil ? (entry.required ? .error : .dim) : .chosen
      if oneLine {
        // The answer takes what the title leaves, and at least 45 % of the line.
        let available = content - 2 - numberWidth - 2 - 2
        let titleNeed = DisplayWidth.width(of: entry.title) + 3
        let answerWidth = min(
          DisplayWidth.width(of: answer), max(available * 45 / 100, available - titleNeed))
        let titleWidth = content - 2 - numberWidth - 2 - answerWidth - 2
        var title = TextLayout.truncate(entry.title, width: titleWidth)
        let dots = titleWidth - DisplayWidth.width(of: title)
        title +=
          dots > 1 ? " " + String(repeating: ".", count: dots - 1) : String(repeating: " ", count: dots)
        var line = StyledLine(Margin.indent)
        line.append(marker, .accent)
        line.append(number + "  ", .dim)
        line.append(title + "  ", selected ? .bold : .plain)
        line.append(TextLayout.truncate(answer, width: answerWidth), answerStyle)
        body.append(line)
        items.append(index)
      } else {
        var line = StyledLine(Margin.indent)
        line.append(marker, .accent)
        line.append(number + " ", .dim)
        line.append(
          TextLayout.truncate(entry.title, width: content - 3 - numberWidth), selected ? .bold : .plain)
        body.append(line)
        var answerLine = StyledLine(Margin.indent + String(repeating: " ", count: numberWidth + 3))
        answerLine.append(TextLayout.truncate(answer, width: content - numberWidth - 3), answerStyle)
        body.append(answerLine)
        items += [index, index]
      }
    }
    body.append(StyledLine())
    items += [entries.count, entries.count]
    if cursor == entries.count { focus = body.count }
    var send = StyledLine(Margin.indent)
    send.append(cursor == entries.count ? "› " : "  ", .accent)
    send.append(
      language == "fr" ? "▶ Envoyer mes réponses" : "▶ Send my answers",
      cursor == entries.count ? .cursor : .bold)
    body.append(send)

    var bottom: [StyledLine] = [StyledLine()]
    if let message {
      bottom = paragraph(message, width: width, style: .error)
    } else if let notice {
      bottom = [StyledLine(Margin.indent + TextLayout.truncate(notice, width: content), .notice)]
    }
    bottom += footerLines(
      [
        KeyHint("↑↓", words.move), KeyHint(words.enterKey, words.change),
        KeyHint(String(words.sendKey).uppercased(), words.send), KeyHint("←", words.back),
      ], width: width)
    let available = max(1, height - top.count - bottom.count)
    let window = scrolled(body, focus: focus, height: available, words: words, width: width, items: items)
    var lines = top + window.lines
    while lines.count < height - bottom.count { lines.append(StyledLine()) }
    return ScreenFrame(lines: Array((lines + bottom).prefix(height)))
  }
}

/// A screen of a few paragraphs and a footer: help, thanks, quit and resume
/// questions, errors.
public struct MessageScreen: Screen {
  public var title: String
  public var paragraphs: [String]
  public var hints: [(key: String, action: String)]
  public var language: String

  public init(title: String, paragraphs: [String], hints: [(key: String, action: String)], language: String) {
    self.title = title
    self.paragraphs = paragraphs
    self.hints = hints
    self.language = language
  }

  public func render(width: Int, height: Int) -> ScreenFrame {
    var lines: [StyledLine] = [StyledLine()]
    lines += paragraph(title, width: width, style: .bold)
    for text in paragraphs {
      lines.append(StyledLine())
      lines += paragraph(text, width: width)
    }
    let footer = footerLines(hints.map { KeyHint($0.key, $0.action) }, width: width)
    lines = Array(lines.prefix(max(0, height - footer.count - 1)))
    while lines.count < height - footer.count { lines.append(StyledLine()) }
    return ScreenFrame(lines: lines + footer)
  }
}
