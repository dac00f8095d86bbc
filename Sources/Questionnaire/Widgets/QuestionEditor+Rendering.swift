import BilanBase
import SurveyDefinition

/// The widget part of a question screen, before it is placed in the window.
public struct WidgetBody: Sendable {
  public var lines: [StyledLine]
  /// The line to keep in view when the body scrolls.
  public var focus: Int
  /// The text cursor, as a line of `lines` and a column, when typing.
  public var cursor: (line: Int, column: Int)?
  /// The option each line belongs to (negative: none), so that scroll
  /// markers count choices, not lines.
  public var items: [Int]? = nil
  /// How many first lines stay in view when the body scrolls: the column
  /// numbers of a grid or of a scale drawn across.
  public var pinned = 0
}

extension QuestionEditor {
  /// Whether `scale` is drawn across a window `width` columns wide, its
  /// points in columns with their numbers above: from 3 cells a point (an
  /// 11-point 0–10 scale from 37 columns). Narrower, one point per line.
  static func scaleIsHorizontal(_ scale: Scale, width: Int) -> Bool {
    Margin.content(width) >= 3 * max(1, scale.points.count)
  }

  /// The widget drawn for `width` columns (margins included).
  public func body(width: Int) -> WidgetBody {
    let content = Margin.content(width)
    switch state {
    case .single(let options, let cursor, let chosen, let other, let editing):
      return listBody(
        options: options, cursor: cursor, content: content,
        marker: { index in index == chosen ? ("●", true) : ("○", false) },
        other: other.flatMap { options.last?.code == "other" && chosen == options.count - 1 ? $0 : nil },
        editing: editing)
    case .multiple(let options, let cursor, let ticked, let other, let editing):
      var body = listBody(
        options: options, cursor: cursor, content: content,
        marker: { index in ticked.contains(index) ? ("☑", true) : ("☐", false) },
        other: other.flatMap {
          ticked.contains(options.count - 1) && options.last?.code == "other" ? $0 : nil
        },
        editing: editing)
      if case .multiple(_, _, let minimum, let maximum, _) = instance.question.kind {
        var status = words.selected(ticked.count)
        if let rule = words.selections(min: minimum, max: maximum) { status = rule + " · " + status }
        body.lines.insert(StyledLine(Margin.indent + status, .hint), at: 0)
        body.items?.insert(-1, at: 0)
        body.focus += 1
        if let cursor = body.cursor { body.cursor = (cursor.line + 1, cursor.column) }
      }
      return body
    case .scale(let scale, let cursor, let chosen):
      if Self.scaleIsHorizontal(scale, width: width) {
        return scaleBody(scale: scale, highlight: cursor, chosen: chosen, content: content)
      }
      return verticalScale(scale: scale, highlight: cursor, chosen: chosen, content: content)
    case .matrix(let rows, let scale, let row, let cursor, let values):
      return matrixBody(rows: rows, scale: scale, row: row, cursor: cursor, values: values, content: content)
    case .ranking(let options, let cursor, let order, let pick):
      var lines = paragraph(words.rankTop(pick), width: width, style: .hint)
      var items = Array(repeating: -1, count: lines.count)
      var focus = 0
      for (index, option) in options.enumerated() {
        let rank = order.firstIndex(of: index).map { "[\($0 + 1)]" } ?? "[ ]"
        // The choice's number, for the digit keys, after its rank.
        let number = options.count <= 9 ? "\(index + 1) " : ""
        let prefix = (index == cursor ? "› " : "  ") + rank + " " + number
        let labelLines = TextLayout.wrap(option.label, width: content - DisplayWidth.width(of: prefix))
        if index == cursor { focus = lines.count }
        for (lineIndex, text) in labelLines.enumerated() {
          var line = StyledLine(Margin.indent)
          if lineIndex == 0 {
            line.append(
              (index == cursor ? "› " : "  ") + rank + " ",
              index == cursor ? .accent : (order.contains(index) ? .chosen : .plain))
            line.append(number, .hint)
          } else {
            line.append(String(repeating: " ", count: DisplayWidth.width(of: prefix)))
          }
          line.append(text, index == cursor ? .bold : .plain)
          lines.append(line)
          items.append(index)
        }
      }
      return WidgetBody(lines: lines, focus: focus, cursor: nil, items: items)
    case .text(let editor):
      return textBody(editor: editor, content: content)
    }
  }

  private func listBody(
    options: [Option], cursor: Int?, content: Int, marker: (Int) -> (String, Bool), other: LineEditor?,
    editing: Bool
  ) -> WidgetBody {
    var lines: [StyledLine] = []
    var items: [Int] = []
    var focus = 0
    var textCursor: (line: Int, column: Int)? = nil
    let numbered = options.count <= 9
    for (index, option) in options.enumerated() {
      let (symbol, isChosen) = marker(index)
      let isCursor = index == cursor && !editing
      let number = numbered ? "\(index + 1) " : ""
      let prefix = (isCursor ? "› " : "  ") + symbol + " " + number
      let prefixWidth = DisplayWidth.width(of: prefix)
      if index == cursor { focus = lines.count }
      for (lineIndex, text) in TextLayout.wrap(option.label, width: content - prefixWidth).enumerated() {
        var line = StyledLine(Margin.indent)
        if lineIndex == 0 {
          line.append(isCursor ? "› " : "  ", .accent)
          line.append(symbol + " ", isChosen ? .chosen : .plain)
          line.append(number, .hint)
        } else {
          line.append(String(repeating: " ", count: prefixWidth))
        }
        line.append(text, isChosen ? .chosen : (isCursor ? .bold : .plain))
        lines.append(line)
        items.append(index)
      }
      if option.code == "other", let other {
        let label = words.otherPrompt + (words.language == "fr" ? " : " : ": ")
        let indent = prefixWidth
        let fieldWidth = content - indent - DisplayWidth.width(of: label)
        let layout = other.layout(width: max(8, fieldWidth))
        for (rowIndex, row) in layout.rows.enumerated() {
          var line = StyledLine(Margin.indent + String(repeating: " ", count: indent))
          line.append(
            rowIndex == 0 ? label : String(repeating: " ", count: DisplayWidth.width(of: label)), .hint)
          line.append(row, editing ? .bold : .plain)
          if editing && rowIndex == layout.cursorRow {
            textCursor = (
              lines.count, Margin.left + indent + DisplayWidth.width(of: label) + layout.cursorColumn
            )
          }
          lines.append(line)
          items.append(index)
        }
        if editing { focus = lines.count - 1 }
      }
    }
    return WidgetBody(lines: lines, focus: focus, cursor: textCursor, items: items)
  }

  private func pointLabel(_ scale: Scale, _ point: Int?) -> String? {
    guard let point else { return scale.notApplicable.map { TextSanitizer.clean($0.text(language)) } }
    if scale == .nps {
      if point == 0 { return words.npsLow }
      if point == 10 { return words.npsHigh }
      return nil
    }
    return scale.labels[point].map { TextSanitizer.clean($0.text(language)) }
  }

  /// A scale across the window: the numbers, the markers under them (the
  /// highlighted one in brackets), the end labels, and what the highlighted
  /// point means. The not-applicable answer stands beside the points, or on
  /// its own line when there is no room for it there.
  private func scaleBody(scale: Scale, highlight: Int?, chosen: Int??, content: Int) -> WidgetBody {
    let points = Array(scale.points)
    let highlighted: Int?? = highlight.map { Self.positions(of: scale)[$0] }
    let notApplicable = scale.notApplicable.map { TextSanitizer.clean($0.text(language)) }
    let naWidth = notApplicable.map { DisplayWidth.width(of: $0) + 6 } ?? 0
    let besideCell = (content - naWidth) / max(1, points.count)
    let naBeside = notApplicable != nil && besideCell >= 3
    let cell = min(11, naBeside ? besideCell : content / max(1, points.count))
    var numbers = StyledLine(Margin.indent)
    var markers = StyledLine(Margin.indent)
    for point in points {
      let label = String(point)
      let leading = (cell - DisplayWidth.width(of: label)) / 2
      let isCursor = highlighted == .some(point)
      let isChosen = chosen == .some(point)
      numbers.append(String(repeating: " ", count: leading))
      numbers.append(label, isCursor || isChosen ? .bold : .hint)
      numbers.append(String(repeating: " ", count: cell - leading - DisplayWidth.width(of: label)))
      let symbol = isChosen ? "●" : "○"
      let markerLead = (cell - 1) / 2
      markers.append(String(repeating: " ", count: max(0, markerLead - 1)))
      markers.append(isCursor ? "[" : " ", .accent)
      markers.append(symbol, isChosen ? .chosen : (isCursor ? .bold : .plain))
      markers.append(isCursor ? "]" : " ", .accent)
      markers.append(String(repeating: " ", count: max(0, cell - markerLead - 2)))
    }
    var naLine: StyledLine? = nil
    if let notApplicable {
      let isCursor = highlighted == .some(nil)
      let isChosen = chosen == .some(nil)
      var line = naBeside ? markers : StyledLine(Margin.indent + " ")
      line.append(naBeside ? "  " : "")
      line.append(isCursor ? "[" : " ", .accent)
      line.append(isChosen ? "●" : "○", isChosen ? .chosen : .plain)
      line.append(isCursor ? "] " : "  ", .accent)
      line.append(
        TextLayout.truncate(notApplicable, width: max(4, content - 5)),
        isChosen ? .chosen : (isCursor ? .bold : .hint))
      if naBeside { markers = line } else { naLine = line }
    }
    var lines = [numbers, markers]
    // The labels: every point's in a line when each has one (so that 2, 3
    // and 4 are read too), else the end labels under the first and the last point.
    let low = pointLabel(scale, points.first)
    let high = pointLabel(scale, points.last)
    let rowWidth = cell * points.count
    let everyLabel = points.compactMap { point in pointLabel(scale, point).map { "\(point) \($0)" } }
    if points.count > 2, everyLabel.count == points.count {
      // A line breaks between labels, never inside one (no-break spaces within).
      let kept = everyLabel.map { $0.replacingOccurrences(of: " ", with: "\u{00A0}") }
      lines += paragraph(kept.joined(separator: "\u{00A0}· "), width: content + 2 * Margin.left, style: .hint)
    } else if low != nil || high != nil {
      let lowText = low ?? ""
      let highText = high ?? ""
      if DisplayWidth.width(of: lowText) + DisplayWidth.width(of: highText) + 2 <= rowWidth {
        let gap = rowWidth - DisplayWidth.width(of: lowText) - DisplayWidth.width(of: highText)
        lines.append(
          StyledLine(
            spans: [(Margin.indent + lowText, .hint), (String(repeating: " ", count: gap) + highText, .hint)])
        )
      } else {
        if let low { lines.append(StyledLine(Margin.indent + "\(points.first!) = " + low, .hint)) }
        if let high { lines.append(StyledLine(Margin.indent + "\(points.last!) = " + high, .hint)) }
      }
    }
    if let naLine { lines.append(naLine) }
    // What the highlighted point means, when it has a label of its own.
    if case .some(.some(let cursor)) = highlighted, let label = pointLabel(scale, cursor),
      cursor != points.first,
      cursor != points.last
    {
      lines.append(StyledLine(Margin.indent + "› \(cursor) — \(label)", .accent))
    } else {
      lines.append(StyledLine())
    }
    return WidgetBody(
      lines: lines, focus: 1, cursor: nil, items: Array(repeating: -1, count: lines.count), pinned: 1)
  }

  /// A scale too wide for the window: one point per line, like a list.
  private func verticalScale(scale: Scale, highlight: Int?, chosen: Int??, content: Int) -> WidgetBody {
    let positions = Self.positions(of: scale)
    var lines: [StyledLine] = []
    var focus = 0
    for (index, position) in positions.enumerated() {
      let isCursor = index == highlight
      let isChosen = chosen == .some(position)
      if isCursor { focus = lines.count }
      var line = StyledLine(Margin.indent)
      line.append(isCursor ? "› " : "  ", .accent)
      line.append(isChosen ? "● " : "○ ", isChosen ? .chosen : .plain)
      let text = [position.map(String.init), pointLabel(scale, position)].compactMap { $0 }.joined(
        separator: " ")
      line.append(
        TextLayout.truncate(text, width: content - 4), isChosen ? .chosen : (isCursor ? .bold : .plain))
      lines.append(line)
    }
    return WidgetBody(lines: lines, focus: focus, cursor: nil, items: Array(positions.indices))
  }

  private func matrixBody(
    rows: [Choice], scale: Scale, row current: Int, cursor: Int?, values: [Int??], content: Int
  ) -> WidgetBody {
    let positions = Self.positions(of: scale)
    let columnWidth = content >= 60 ? 5 : (content >= 44 ? 4 : 3)
    let naLabel = "N"
    let gridWidth = positions.count * columnWidth
    let labelWidth = max(6, content - 2 - gridWidth)
    func cell(_ text: String, style: TextStyle) -> [(String, TextStyle)] {
      let lead = (columnWidth - DisplayWidth.width(of: text)) / 2
      let trail = columnWidth - lead - DisplayWidth.width(of: text)
      return [
        (String(repeating: " ", count: max(0, lead)), .plain), (text, style),
        (String(repeating: " ", count: max(0, trail)), .plain),
      ]
    }
    var header = StyledLine(Margin.indent + String(repeating: " ", count: 2 + labelWidth))
    for position in positions {
      for span in cell(position.map(String.init) ?? naLabel, style: .hint) { header.append(span.0, span.1) }
    }
    var lines = [header]
    var items = [-1]
    var focus = 1
    for (index, row) in rows.enumerated() {
      let isRow = index == current
      if isRow { focus = lines.count }
      var line = StyledLine(Margin.indent)
      line.append(isRow ? "› " : "  ", .accent)
      line.append(
        TextLayout.pad(
          Self.rowLabel(TextSanitizer.clean(row.label.text(language)), width: labelWidth), width: labelWidth),
        isRow ? .bold : .plain)
      for (positionIndex, position) in positions.enumerated() {
        let isChosen = values[index] == .some(position)
        let isCursor = isRow && cursor == positionIndex
        let symbol = isChosen ? "●" : "○"
        let text = isCursor ? "[\(symbol)]" : symbol
        for span in cell(text, style: isChosen ? .chosen : (isCursor ? .accent : .plain)) {
          line.append(span.0, span.1)
        }
      }
      lines.append(line)
      items.append(index)
    }
    // The current row in full when its label had to be cut, and the meaning of the highlighted point.
    let fullLabel = TextSanitizer.clean(rows[current].label.text(language))
    if DisplayWidth.width(of: fullLabel) > labelWidth {
      let full = paragraph(fullLabel, width: content + 2 * Margin.left, style: .accent, extraIndent: 2)
      lines.append(contentsOf: full)
      items += Array(repeating: current, count: full.count)
    }
    var legend: [String] = []
    if let low = pointLabel(scale, scale.min) { legend.append("\(scale.min) = \(low)") }
    if let high = pointLabel(scale, scale.max) { legend.append("\(scale.max) = \(high)") }
    if let notApplicable = pointLabel(scale, nil) { legend.append("N = \(notApplicable)") }
    if !legend.isEmpty {
      let legendLines = paragraph(
        legend.joined(separator: " · "), width: content + 2 * Margin.left, style: .hint)
      lines.append(contentsOf: legendLines)
      items += Array(repeating: -1, count: legendLines.count)
    }
    return WidgetBody(lines: lines, focus: focus, cursor: nil, items: items, pinned: 1)
  }

  /// A grid row's label in `width` cells: whole when it fits, else the part
  /// before its colon ("Décryptage" for "Décryptage : qui fait quoi…"); the
  /// current row is shown whole under the grid.
  static func rowLabel(_ label: String, width: Int) -> String {
    if DisplayWidth.width(of: label) <= width { return label }
    return TextLayout.truncate(QuestionnaireSession.shortName(label), width: width)
  }

  private func textBody(editor: LineEditor, content: Int) -> WidgetBody {
    let layout = editor.layout(width: content - 2)
    var lines: [StyledLine] = []
    for row in layout.rows {
      lines.append(StyledLine(spans: [(Margin.indent, .plain), ("│ ", .accent), (row, .plain)]))
    }
    let cursorLine = layout.cursorRow
    var status: [String] = []
    switch instance.question.kind {
    case .text(let maxLength), .longText(let maxLength):
      status.append(words.characters(editor.count, maxLength))
    case .number(let minimum, let maximum, let integer):
      if let range = words.numberRange(minimum, maximum) { status.append(range) }
      if integer { status.append(words.language == "fr" ? "nombre entier" : "whole number") }
    default: break
    }
    if !status.isEmpty {
      lines.append(StyledLine(Margin.indent + "  " + status.joined(separator: " · "), .hint))
    }
    return WidgetBody(
      lines: lines, focus: cursorLine, cursor: (cursorLine, Margin.left + 2 + layout.cursorColumn))
  }
}
