import BilanBase
import Foundation
import SurveyDefinition

/// Which stored responses `bilan delete` erases.
public enum ResponseSelection: Sendable, Hashable {
  /// These responses, by id.
  case ids([UUID])
  /// The responses whose contact answer (an `email` question) is this address,
  /// compared without case and surrounding spaces: a participant's own request.
  case contact(String)
  /// The responses started before this time.
  case startedBefore(Date)
  /// Test answers: those started before `eventDay` (the first moment of the
  /// survey's `event.date`), and every synthetic response (`bilan demo`).
  case rehearsal(eventDay: Date)
  /// The responses holding a contact answer (what `purge-contacts` touches).
  case withContacts

  /// How the responses were chosen, for the audit trail. It never holds
  /// what it would erase: no id, no address.
  public var criterion: String {
    switch self {
    case .ids(let ids): ids.count == 1 ? "by id" : "by id (\(ids.count) given)"
    case .contact: "by contact address"
    case .startedBefore(let date): "started before \(Timestamp.string(from: date))"
    case .rehearsal(let day): "rehearsal (started before \(Timestamp.string(from: day)), or synthetic)"
    case .withContacts: "all"
    }
  }

  /// The rehearsal selection of `survey`: before the first moment of its
  /// event's day, in `timeZone`. `nil` when the survey gives no event date.
  public static func rehearsal(of survey: Survey, timeZone: TimeZone = .current) -> ResponseSelection? {
    guard let date = survey.event?.date, let day = moment(date, timeZone: timeZone) else { return nil }
    return .rehearsal(eventDay: day)
  }

  /// A moment as a facilitator writes it: `2015-03-05` (the start of that day),
  /// `2015-03-05T09:30` or `2015-03-05 09:30:00` in `timeZone`, or with a
  /// `Z` or `±HH:MM` offset. `nil` for anything else.
  public static func moment(_ text: String, timeZone: TimeZone = .current) -> Date? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let exact = Timestamp.date(from: trimmed) { return exact }
    let parts = trimmed.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
    guard (1...2).contains(parts.count) else { return nil }
    let day = parts[0].split(separator: "-", omittingEmptySubsequences: false)
    guard day.count == 3, day[0].count == 4, day[1].count == 2, day[2].count == 2,
      let year = Int(day[0]), let month = Int(day[1]), let dayOfMonth = Int(day[2])
    else { return nil }
    var time = [0, 0, 0]
    if parts.count == 2 {
      let fields = parts[1].split(separator: ":", omittingEmptySubsequences: false)
      guard (2...3).contains(fields.count), fields.allSatisfy({ $0.count == 2 }) else { return nil }
      for (index, field) in fields.enumerated() {
        guard let value = Int(field) else { return nil }
        time[index] = value
      }
    }
    guard (1...12).contains(month), (1...31).contains(dayOfMonth), time[0] < 24, time[1] < 60, time[2] < 60
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let components = DateComponents(
      year: year, month: month, day: dayOfMonth, hour: time[0], minute: time[1], second: time[2])
    guard let date = calendar.date(from: components),
      calendar.component(.day, from: date) == dayOfMonth
    else { return nil }
    return date
  }
}

/// A stored response as `bilan delete` lists it: never its answers.
public struct ResponseSummary: Sendable, Hashable, CustomStringConvertible {
  public var id: UUID
  public var status: Response.Status
  public var startedAt: Date
  public var submittedAt: Date?
  public var source: Response.Source
  /// How many answers and contact answers it holds.
  public var answerCount: Int
  public var contactCount: Int

  public init(
    id: UUID, status: Response.Status, startedAt: Date, submittedAt: Date?, source: Response.Source,
    answerCount: Int, contactCount: Int
  ) {
    self.id = id
    self.status = status
    self.startedAt = startedAt
    self.submittedAt = submittedAt
    self.source = source
    self.answerCount = answerCount
    self.contactCount = contactCount
  }
}

extension ResponseSummary {
  /// `ID  complete  started 2015-03-05T16:41:07Z  from forms.csv  12 answers, 1 contact`.
  public var description: String {
    let origin =
      switch source {
      case .terminal: "answered here"
      case .file(let name, _): "imported from \(name)"
      case .synthetic: "synthetic"
      }
    return [
      id.uuidString.lowercased(), status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0),
      "started \(Timestamp.string(from: startedAt))", origin,
      "\(answerCount) answer\(answerCount == 1 ? "" : "s"), \(contactCount) contact\(contactCount == 1 ? "" : "s")",
    ].joined(separator: "  ")
  }
}
