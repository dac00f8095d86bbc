import BilanBase
import SurveyDefinition

/// The first screen: what the survey is, for which event, what happens to
/// the answers, how long it takes.
public struct WelcomeScreen: Screen {
  public var survey: Survey
  public var language: String
  public var questionCount: Int
  public var minutes: Int
  /// In kiosk mode, how many responses this store holds already.
  public var responsesIn: Int?

  public init(survey: Survey, language: String, questionCount: Int, minutes: Int, responsesIn: Int? = nil) {
    self.survey = survey
    self.language = language
    self.questionCount = questionCount
    self.minutes = minutes
    self.responsesIn = responsesIn
  }

  public func render(width: Int, height: Int) -> ScreenFrame {
    let words = ToolText(language: language)
    var lines: [StyledLine] = [StyledLine()]
    lines += paragraph(TextSanitizer.clean(survey.title.text(language)), width: width, style: .bold)
    var event: [String] = []
    if let name = survey.event?.name?.text(language) { event.append(name) }
    if let place = survey.event?.place { event.append(place) }
    if let date = survey.event?.date { event.append(EventDate.long(date, language: language)) }
    if let organiser = survey.event?.organiser { event.append(organiser) }
    if !event.isEmpty {
      lines += paragraph(TextSanitizer.clean(event.joined(separator: " · ")), width: width, style: .accent)
    }
    // What matters most comes first, so that a small window still shows it:
    // how long, how many questions, going back; then the privacy notice; the
    // description only when there is room for it.
    lines += paragraph(
      [words.minutes(minutes), words.questions(questionCount), words.canGoBack].joined(separator: " · ")
        + ".",
      width: width, style: .dim)
    if let responsesIn {
      lines += paragraph(words.responsesIn(responsesIn), width: width, style: .dim)
    }
    if let notice = survey.privacy.notice?.text(language) {
      lines.append(StyledLine())
      lines += paragraph(TextSanitizer.clean(notice), width: width)
    }
    if let description = survey.description?.text(language) {
      let described = [StyledLine()] + paragraph(TextSanitizer.clean(description), width: width)
      if lines.count + described.count + 3 <= height { lines += described }
    }
    lines.append(StyledLine())
    var hints = [KeyHint(words.enterKey, words.start)]
    if responsesIn == nil { hints.append(KeyHint("Q", words.quit)) }
    let footer = footerLines(hints, width: width)
    lines = Array(lines.prefix(max(0, height - footer.count)))
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
