import BilanBase
import SurveyDefinition

/// The first screen: what the survey is, for which event, what happens to
/// the answers, how many questions and about how long.
public struct WelcomeScreen: Screen {
  public var survey: Survey
  public var language: String
  /// The questions a participant may meet, and their time.
  public var path: PathLength
  /// In kiosk mode, how many responses this store holds already.
  public var responsesIn: Int?
  /// The page shown, when the welcome does not fit the window (`pages`).
  public var page: Int
  /// Over SSH: the participant's code and how to come back with it, and the
  /// command to type; on the first page, with how long the survey takes.
  public var reconnection: (text: String, command: String)?

  public init(
    survey: Survey, language: String, path: PathLength, responsesIn: Int? = nil, page: Int = 0,
    reconnection: (text: String, command: String)? = nil
  ) {
    self.survey = survey
    self.language = language
    self.path = path
    self.responsesIn = responsesIn
    self.page = page
    self.reconnection = reconnection
  }

  /// Whether the survey's description gives the time itself ("dix à quinze
  /// minutes"): then the welcome does not add a second figure.
  static func statesDuration(_ text: String) -> Bool {
    text.range(of: #"(?i)\bmin(ute)?s?\b"#, options: .regularExpression) != nil
  }

  /// The welcome's pages for a window: one when everything fits; else the
  /// first holds what matters most (the survey, the event, how many
  /// questions and how long) and the description and the privacy notice
  /// follow on the next pages, so that a small window still shows them whole.
  public func pages(width: Int, height: Int) -> [[StyledLine]] {
    let words = ToolText(language: language)
    var head: [StyledLine] = [StyledLine()]
    head += paragraph(TextSanitizer.clean(survey.title.text(language)), width: width, style: .bold)
    var event: [String] = []
    if let name = survey.event?.name?.text(language) { event.append(name) }
    if let place = survey.event?.place { event.append(place) }
    if let date = survey.event?.date { event.append(EventDate.long(date, language: language)) }
    if let organiser = survey.event?.organiser { event.append(organiser) }
    if !event.isEmpty {
      head += paragraph(TextSanitizer.clean(event.joined(separator: " · ")), width: width, style: .accent)
    }
    let description = survey.description.map { TextSanitizer.clean($0.text(language)) }
    func pathLines(withMinutes: Bool) -> [StyledLine] {
      var lines = [StyledLine()] + paragraph(words.pathLine(path, withMinutes: withMinutes), width: width)
      if let responsesIn { lines += paragraph(words.responsesIn(responsesIn), width: width, style: .hint) }
      if let reconnection {
        lines.append(StyledLine())
        lines += paragraph(reconnection.text, width: width, style: .accent)
        lines += paragraph(reconnection.command, width: width, style: .bold, extraIndent: 4)
      }
      return lines
    }
    var notice: [StyledLine] = []
    if let text = survey.privacy.notice?.text(language) {
      notice = [StyledLine()] + paragraph(TextSanitizer.clean(text), width: width)
    }
    let described = description.map { [StyledLine()] + paragraph($0, width: width) } ?? []
    let room = max(3, height - 3)  // the footer and the line above it
    // Everything at once, the time left to the description when it gives it.
    let whole =
      head + described + pathLines(withMinutes: !(description.map(Self.statesDuration) ?? false)) + notice
    if whole.count <= room { return [whole] }
    // What matters most first; a block that does not fit where the page
    // stands starts the next page, and one longer than a page is cut in pages.
    var pages: [[StyledLine]] = [[]]
    for var block in [head, pathLines(withMinutes: true), described, notice] where !block.isEmpty {
      if pages[pages.count - 1].count + block.count <= room {
        pages[pages.count - 1] += block
        continue
      }
      if block.first?.spans.isEmpty == false { block.insert(StyledLine(), at: 0) }
      while !block.isEmpty {
        if !pages[pages.count - 1].isEmpty { pages.append([]) }
        pages[pages.count - 1] = Array(block.prefix(room))
        block = Array(block.dropFirst(room))
      }
    }
    return pages.map { Array($0.prefix(room)) }
  }

  public func render(width: Int, height: Int) -> ScreenFrame {
    let words = ToolText(language: language)
    let all = pages(width: width, height: height)
    let index = min(max(0, page), all.count - 1)
    var hints: [KeyHint] = []
    if index < all.count - 1 {
      hints.append(KeyHint(words.enterKey, words.nextPage(index + 1, all.count)))
    } else {
      hints.append(KeyHint(words.enterKey, words.start))
    }
    if index > 0 { hints.append(KeyHint("←", words.previousPage)) }
    if responsesIn == nil { hints.append(KeyHint("Q", words.quit)) }
    let footer = [StyledLine()] + footerLines(hints, width: width)
    var lines = Array(all[index].prefix(max(0, height - footer.count)))
    while lines.count < height - footer.count { lines.append(StyledLine()) }
    return ScreenFrame(lines: lines + footer)
  }
}

/// Dates of the survey's `event.date` (`YYYY-MM-DD`) written out:
/// "jeudi 5 mars 2015", "Thursday 5 March 2015".
enum EventDate {
  static func long(_ iso: String, language: String) -> String {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return iso }
    let (year, month, day) = (parts[0], parts[1], parts[2])
    // Zeller's congruence (Gregorian): 0 = Saturday.
    let m = month < 3 ? month + 12 : month
    let y = month < 3 ? year - 1 : year
    let h = (day + (13 * (m + 1)) / 5 + y % 100 + (y % 100) / 4 + (y / 100) / 4 + 5 * (y / 100)) % 7
    if language == "fr" {
      let days = ["samedi", "dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi"]
      let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre",
      ]
      return "\(days[h]) \(day == 1 ? "1er" : String(day)) \(months[month - 1]) \(year)"
    }
    let days = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ]
    return "\(days[h]) \(day) \(months[month - 1]) \(year)"
  }
}
