import BilanBase
import SurveyDefinition

/// Before the first question of a section with an `intro`, and before each
/// pass through a `for_each` section: what the section is about and, for a
/// loop, the items it comes back for with the current one marked.
public struct IntroScreen: Screen {
  /// The question the intro leads to.
  public var instance: QuestionInstance
  /// The section's place among the survey's: (1-based, count).
  public var part: (index: Int, count: Int)
  public var progress: Progress
  public var language: String
  /// What was just saved, until the next key.
  public var notice: String?

  public init(
    instance: QuestionInstance, part: (index: Int, count: Int), progress: Progress, language: String,
    notice: String? = nil
  ) {
    self.instance = instance
    self.part = part
    self.progress = progress
    self.language = language
    self.notice = notice
  }

  public func render(width: Int, height: Int) -> ScreenFrame {
    let words = ToolText(language: language)
    let content = Margin.content(width)
    let section = instance.section
    var location = words.part(part.index, part.count)
    if let item = instance.item, let index = instance.itemIndex {
      // The item too when it fits whole beside the progress (the title below names it anyway).
      let withItem =
        location + " · " + TextSanitizer.clean(item.label.text(language))
        + " (\(index + 1)/\(section.items.count))"
      let bar = (width >= 60 ? 10 : 5) + 2 + String(progress.index).count + String(progress.count).count + 1
      if DisplayWidth.width(of: withItem) + bar + 2 <= content { location = withItem }
    }
    var lines = QuestionScreen.header(
      location: location, item: nil, progress: progress, width: width, language: language)
    lines.append(StyledLine())
    var title = TextSanitizer.clean(instance.sectionTitle.text(language))
    if let item = instance.item.map({ TextSanitizer.clean($0.label.text(language)) }),
      !title.contains(item)
    {
      title += " · " + item
    }
    lines += paragraph(title, width: width, style: .bold)
    if let intro = section.intro {
      let text = instance.item.map { intro.substituting(item: $0.label) } ?? intro
      lines.append(StyledLine())
      lines += paragraph(TextSanitizer.clean(text.text(language)), width: width)
    }
    if section.forEach != nil, let current = instance.itemIndex {
      lines.append(StyledLine())
      lines += paragraph(
        words.loopComesBack(section.items.count, afterIntro: section.intro != nil), width: width, style: .hint
      )
      let numberWidth = String(section.items.count).count
      for (index, item) in section.items.enumerated() {
        let marker = index == current ? "› " : (index < current ? "✓ " : "  ")
        let number = String(repeating: " ", count: numberWidth - String(index + 1).count) + "\(index + 1) "
        var label = TextSanitizer.clean(item.label.text(language))
        if index == current { label += " " + words.now }
        let prefix = Margin.indent + "  " + marker + number
        let wrapped = TextLayout.wrap(
          label, width: max(4, content - 2 - DisplayWidth.width(of: marker + number)))
        for (row, text) in wrapped.enumerated() {
          var line = StyledLine()
          if row == 0 {
            line.append(Margin.indent + "  ")
            line.append(marker, index == current ? .accent : .chosen)
            line.append(number, .hint)
          } else {
            line.append(String(repeating: " ", count: DisplayWidth.width(of: prefix)))
          }
          line.append(text, index == current ? .bold : .plain)
          lines.append(line)
        }
      }
    }
    var bottom: [StyledLine] = [StyledLine()]
    if let notice {
      bottom = [StyledLine(Margin.indent + TextLayout.truncate(notice, width: content), .notice)]
    }
    bottom += footerLines(
      [KeyHint(words.enterKey, words.goOn), KeyHint("←", words.back), KeyHint("?", words.help)], width: width)
    lines = Array(lines.prefix(max(0, height - bottom.count)))
    while lines.count < height - bottom.count { lines.append(StyledLine()) }
    return ScreenFrame(lines: lines + bottom)
  }
}
