import Foundation

@testable import MarkdownReport

/// Reads a synthesis as a careful editor would, through a real Markdown
/// parser (markdown-it-py): every sentence, table cell, heading and image
/// text, and lists what a person would not have written — a placeholder left
/// in, a straight apostrophe, a sentence opening with a digit, a missing
/// no-break space (French spacing, “n = 14” held together), an interval
/// outside its scale or not around its value.
struct Proofreader {
  let language: ReportLanguage

  /// One piece of text and where it sits.
  struct Unit {
    enum Kind { case prose, cell, heading, alt }
    var kind: Kind
    var text: String
    /// For a cell: its row's first cell and its column's header, which say its scale.
    var context: String
  }

  func problems(in markdown: String) throws -> [String] {
    try units(markdown).flatMap(problems(in:))
  }

  /// The text units of `markdown`, as the parser reads them.
  func units(_ markdown: String) throws -> [Unit] {
    let tokens = try parseMarkdown(markdown)
    var units: [Unit] = []
    var header: [String] = []
    var row: [String] = []
    var lastProse = ""
    for (index, token) in tokens.enumerated() where token.type == "inline" {
      var text = ""
      for child in tokens[(index + 1)...].prefix(while: { $0.parent == index }) {
        switch child.type {
        case "text": text += child.content
        case "softbreak", "hardbreak": text += " "
        case "code_inline": text += "CODE"
        case "image": units.append(Unit(kind: .alt, text: child.content, context: ""))
        default: break
        }
      }
      let opening = index >= 1 ? tokens[index - 1].type : ""
      switch opening {
      case "th_open":
        if index >= 2, tokens[index - 2].type == "tr_open" { header = [] }
        header.append(text)
      case "td_open":
        if index >= 2, tokens[index - 2].type == "tr_open" { row = [] }
        let column = row.count < header.count ? header[row.count] : ""
        units.append(Unit(kind: .cell, text: text, context: (row.first ?? text) + " | " + column))
        row.append(text)
      case "heading_open": units.append(Unit(kind: .heading, text: text, context: ""))
      default:
        // A list item reads with the sentence that introduces it.
        let isListItem = index >= 2 && tokens[index - 2].type == "list_item_open"
        units.append(Unit(kind: .prose, text: text, context: isListItem ? lastProse : ""))
        if !isListItem { lastProse = text }
      }
    }
    return units
  }

  var isFrench: Bool { language == .french }

  func problems(in unit: Unit) -> [String] {
    var found: [String] = []
    let text = unit.text
    func report(_ what: String) { found.append("\(what): \(text)") }
    if text.contains("'") { report("straight apostrophe") }
    for placeholder in ["{item}", "{{", "}}", "« … »", "«\u{00A0}…\u{00A0}»", "“…”", "TODO", "XXX"]
    where text.contains(placeholder) {
      report("placeholder \(placeholder)")
    }
    if text.range(of: #"\bn = |n =\x{00A0}|n\x{00A0}= "#, options: .regularExpression) != nil {
      report("n = without no-break spaces")
    }
    if isFrench {
      if text.range(of: #" [:;!?%»]"#, options: .regularExpression) != nil {
        report("missing no-break space")
      }
      if text.range(of: #"« "#, options: .regularExpression) != nil {
        report("missing no-break space after «")
      }
      if text.range(of: #"\d%"#, options: .regularExpression) != nil {
        report("missing no-break space before %")
      }
    } else if text.range(of: #" %|“ | ”"#, options: .regularExpression) != nil {
      report("space in English typography")
    }
    if unit.kind == .prose {
      for sentence in sentences(text) where sentence.first?.isNumber == true {
        report("sentence opening with a digit «\(sentence.prefix(30))»")
      }
    }
    for interval in intervals(text) {
      if interval.low > interval.high { report("interval upside down") }
      if let bounds = bounds(of: interval, in: text + " " + unit.context),
        interval.low < bounds.lowerBound || interval.high > bounds.upperBound
      {
        report("interval outside its scale \(bounds)")
      }
      if let value = interval.value, value < interval.low || value > interval.high {
        report("value outside its interval")
      }
    }
    return found
  }

  /// The sentences of a text: split after `.`, `!` or `?` and a plain space.
  func sentences(_ text: String) -> [String] {
    text.replacingOccurrences(of: #"([.!?]) +"#, with: "$1\n", options: .regularExpression)
      .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  struct Interval {
    var value: Double?
    var low: Double
    var high: Double
    var percent: Bool
    var signed: Bool
  }

  /// Every interval written in `text`: `[3,5 ; 4,5]`, `(de 3,5 à 4,5)`,
  /// `intervalle à 95 % : de 3,5 à 4,5` — or `[3.5, 4.5]`, `3.5 to 4.5` —
  /// with the value printed just before it, when there is one.
  func intervals(_ text: String) -> [Interval] {
    let number = #"([+\-−]?\d[\d\x{202F},.]*)(\x{202F}?%)?"#
    let patterns =
      isFrench
      ? [
        #"(?:"# + number + #" )?\["# + number + #"\x{202F}; "# + number + #"\]"#,
        #"(?:(?<![\d,.])(?<!à )"# + number + #" )?(?:\(|: )de "# + number + #" à "# + number,
      ]
      : [
        #"(?:"# + number + #" )?\["# + number + #", "# + number + #"\]"#,
        #"(?:(?<![\d,.])"# + number + #" )?(?:\(|: )"# + number + #" to "# + number,
      ]
    var result: [Interval] = []
    for pattern in patterns {
      guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
      let range = NSRange(text.startIndex..., in: text)
      for match in expression.matches(in: text, range: range) {
        func group(_ index: Int) -> String? {
          Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
        guard let lowText = group(3), let highText = group(5), let low = parse(lowText),
          let high = parse(highText)
        else { continue }
        let signed = [lowText, highText].contains {
          $0.hasPrefix("+") || $0.hasPrefix("−") || $0.hasPrefix("-")
        }
        result.append(
          Interval(
            value: group(1).flatMap(parse), low: low, high: high, percent: group(4) != nil || group(6) != nil,
            signed: signed))
      }
    }
    return result
  }

  func parse(_ text: String) -> Double? {
    var cleaned = text.replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "−", with: "-")
    cleaned =
      isFrench
      ? cleaned.replacingOccurrences(of: ",", with: ".") : cleaned.replacingOccurrences(of: ",", with: "")
    if cleaned.hasSuffix(".") { cleaned.removeLast() }
    return Double(cleaned)
  }

  /// The scale an interval belongs to, from its unit or its context.
  func bounds(of interval: Interval, in context: String) -> ClosedRange<Double>? {
    if interval.percent { return 0...100 }
    if interval.signed { return -100...100 }
    // The phrases the synthesis names a scale with: “(sur 5)”, “note
    // moyenne de 4,0 sur 5”, “notes moyennes sur 5”, “76 sur 100”.
    let phrases =
      isFrench
      ? [
        #"\(sur (\d+)\)"#, #"[Nn]otes? moyennes? (?:de [\d,]+ )?sur (\d+)"#, #"indice sur (\d+)"#,
        #"\d sur (100)\b"#,
      ]
      : [
        #"\(out of (\d+)\)"#, #"[Aa]verage scores? (?:[\d.]+ )?out of (\d+)"#, #"index out of (\d+)"#,
        #"\d out of (100)\b"#,
      ]
    for phrase in phrases {
      guard let expression = try? NSRegularExpression(pattern: phrase),
        let match = expression.firstMatch(in: context, range: NSRange(context.startIndex..., in: context)),
        let range = Range(match.range(at: 1), in: context), let maximum = Double(context[range])
      else { continue }
      return (maximum == 100 ? 0 : 1)...maximum
    }
    return nil
  }
}
