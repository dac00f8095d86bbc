import BilanBase
import Foundation
import SurveyDefinition

/// One line of the review: a shown question and its answer in words.
public struct ReviewEntry: Sendable, Equatable {
  public var number: Int
  public var key: String
  public var title: String
  /// The loop item the question is about ("Plan de coopération"): always
  /// shown, however much of the title has to be cut.
  public var item: String?
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
      let item = instance.item.map { TextSanitizer.clean($0.label.text(session.language)) }
      var title = TextSanitizer.clean(instance.label.text(session.language))
      if let item { title = removing(item, from: title) }
      return ReviewEntry(
        number: index + 1, key: instance.key, title: title, item: item, answer: session.summary(of: instance),
        required: instance.question.required)
    }
  }

  /// The question without the loop item it names (with its quotes), since
  /// the entry ends with " · ITEM": "Quelles limites voyez-vous à l’outil
  /// « Plan de coopération » ?" is "Quelles limites voyez-vous à l’outil ?".
  static func removing(_ item: String, from label: String) -> String {
    guard let range = label.range(of: item) else { return label }
    let before: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "«", "“", "\"", "‘"]
    let after: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "»", "”", "\"", "’"]
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower > label.startIndex, before.contains(label[label.index(before: lower)]) {
      lower = label.index(before: lower)
    }
    while upper < label.endIndex, after.contains(label[upper]) { upper = label.index(after: upper) }
    let head = label[..<lower]
    let tail = label[upper...]
    if head.isEmpty { return String(tail) }
    if tail.isEmpty { return String(head) }
    return head + " " + tail
  }

  /// The entry's title in `width` cells, ending with " · ITEM" inside a
  /// loop: the question is cut, never the item it is about.
  static func title(of entry: ReviewEntry, width: Int) -> String {
    guard let item = entry.item else { return TextLayout.truncate(entry.title, width: width) }
    let whole = entry.title + " · " + item
    if DisplayWidth.width(of: whole) <= width { return whole }
    let suffix = " · " + item
    let room = width - DisplayWidth.width(of: suffix)
    guard room >= 6 else { return TextLayout.truncate(item, width: width) }
    return TextLayout.truncate(entry.title, width: room) + suffix
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
      let answerStyle: TextStyle = entry.answer == nil ? (entry.required ? .error : .hint) : .chosen
      let titleRoom = content - 2 - numberWidth - 2
      var placed = false
      if oneLine {
        // One line when the answer leaves the title 40 % of the line (or all it needs).
        let available = titleRoom - 2
        let titleWidth = available - DisplayWidth.width(of: answer)
        let whole = DisplayWidth.width(of: Self.title(of: entry, width: available))
        if titleWidth >= min(whole, available * 40 / 100) {
          var title = Self.title(of: entry, width: titleWidth)
          let dots = titleWidth - DisplayWidth.width(of: title)
          title +=
            dots > 1 ? " " + String(repeating: ".", count: dots - 1) : String(repeating: " ", count: dots)
          var line = StyledLine(Margin.indent)
          line.append(marker, .accent)
          line.append(number + "  ", .hint)
          line.append(title + "  ", selected ? .bold : .plain)
          line.append(answer, answerStyle)
          body.append(line)
          items.append(index)
          placed = true
        }
      }
      if !placed {
        // The title on its line, the answer under it (up to three lines).
        var line = StyledLine(Margin.indent)
        line.append(marker, .accent)
        line.append(number + "  ", .hint)
        line.append(Self.title(of: entry, width: titleRoom), selected ? .bold : .plain)
        body.append(line)
        items.append(index)
        let indent = Margin.indent + String(repeating: " ", count: numberWidth + 4)
        var wrapped = TextLayout.wrap(answer, width: titleRoom)
        if wrapped.count > 3 {
          wrapped = Array(wrapped.prefix(3))
          wrapped[2] = TextLayout.truncate(wrapped[2] + " …", width: titleRoom)
        }
        for text in wrapped {
          var answerLine = StyledLine(indent)
          answerLine.append(text, answerStyle)
          body.append(answerLine)
          items.append(index)
        }
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
    let window = scrolled(
      body, focus: focus, height: available, words: words, width: width, items: items, wholeItems: true)
    var lines = top + window.lines
    while lines.count < height - bottom.count { lines.append(StyledLine()) }
    return ScreenFrame(lines: Array((lines + bottom).prefix(height)))
  }
}

/// A screen of a few paragraphs and a footer: help, thanks, quit and resume
/// questions, errors. Paragraphs are spaced by a blank line when they fit;
/// when they do not fit even without, they go on pages (`page`, `pageCount`).
public struct MessageScreen: Screen {
  public var title: String
  public var paragraphs: [String]
  public var hints: [(key: String, action: String)]
  public var language: String
  public var page: Int

  public init(
    title: String, paragraphs: [String], hints: [(key: String, action: String)], language: String,
    page: Int = 0
  ) {
    self.title = title
    self.paragraphs = paragraphs
    self.hints = hints
    self.language = language
    self.page = page
  }

  private func pages(width: Int, height: Int, footer: Int) -> [[StyledLine]] {
    let head = [StyledLine()] + paragraph(title, width: width, style: .bold)
    let blocks = paragraphs.map { paragraph($0, width: width) }
    let room = max(1, height - footer - 1)
    let spaced = blocks.reduce(head) { $0 + [StyledLine()] + $1 }
    if spaced.count <= room { return [spaced] }
    let tight = blocks.reduce(head + [StyledLine()]) { $0 + $1 }
    if tight.count <= room { return [tight] }
    // Pages of whole paragraphs (a paragraph longer than a page is cut).
    var pages: [[StyledLine]] = [head + [StyledLine()]]
    for block in blocks {
      if pages[pages.count - 1].count + block.count > room, pages[pages.count - 1].count > head.count + 1 {
        pages.append(head + [StyledLine()])
      }
      pages[pages.count - 1] += block
    }
    return pages.map { Array($0.prefix(room)) }
  }

  /// How many pages the paragraphs take in this window.
  public func pageCount(width: Int, height: Int) -> Int {
    pages(width: width, height: height, footer: 2).count
  }

  public func render(width: Int, height: Int) -> ScreenFrame {
    let words = ToolText(language: language)
    let all = pages(width: width, height: height, footer: 2)
    let index = min(max(0, page), all.count - 1)
    var keys = hints.map { KeyHint($0.key, $0.action) }
    if index < all.count - 1 {
      keys = [KeyHint("↓", words.nextPage(index + 1, all.count)), KeyHint(words.escapeKey, words.close)]
    } else if index > 0 {
      keys.insert(KeyHint("↑", words.previousPage), at: 0)
    }
    let footer = footerLines(keys, width: width, maxLines: 2)
    var lines = all[index]
    lines = Array(lines.prefix(max(0, height - footer.count - 1)))
    while lines.count < height - footer.count { lines.append(StyledLine()) }
    return ScreenFrame(lines: lines + footer)
  }
}
