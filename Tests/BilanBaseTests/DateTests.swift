import Foundation
import Testing

@testable import BilanBase

@Suite struct DateTests {
  @Test func timestampsAreUTCToTheSecond() {
    let date = Date(timeIntervalSince1970: 1_425_573_667.9)
    #expect(Timestamp.string(from: date) == "2015-03-05T16:41:07Z")
    #expect(Timestamp.minuteString(from: date) == "2015-03-05 16:41 UTC")
    #expect(Timestamp.date(from: "2015-03-05T16:41:07Z") == Date(timeIntervalSince1970: 1_425_573_667))
    #expect(Timestamp.date(from: "2015-03-05T17:41:07+01:00") == Date(timeIntervalSince1970: 1_425_573_667))
    #expect(Timestamp.date(from: "2015-03-05 16:41:07.250Z") == Date(timeIntervalSince1970: 1_425_573_667))
    for bad in [
      "2015-02-30T10:00:00Z", "2015-03-05T16:41:07", "2015-03-05", "5/3/2015 16:41:07",
      "2015-13-01T00:00:00Z",
    ] {
      #expect(Timestamp.date(from: bad) == nil, "\(bad)")
    }
  }

  @Test(arguments: [
    ("2015-03-05", true), ("2016-02-29", true), ("2015-02-29", false), ("2000-02-29", true),
    ("1900-02-29", false), ("2015-13-01", false), ("2015-00-10", false), ("2015-04-31", false),
    ("2015-04-00", false), ("2015-4-05", false), ("2015-04-05T10:00", false), ("２０１５-03-05", false),
    ("20150305", false), ("", false),
  ])
  func calendarDaysExist(_ text: String, _ valid: Bool) {
    #expect((CalendarDay(text) != nil) == valid)
    if valid { #expect(CalendarDay(text)?.text == text) }
  }

  @Test func aDayIsReadFromAndWrittenAsUTC() throws {
    let day = try #require(CalendarDay("2015-03-05"))
    #expect(day.date() == Date(timeIntervalSince1970: 1_425_513_600))
    #expect(day.date(hour: 16, minute: 40) == Date(timeIntervalSince1970: 1_425_573_600))
    #expect(CalendarDay(Date(timeIntervalSince1970: 1_425_599_999)) == day)
    #expect(CalendarDay(Date(timeIntervalSince1970: 1_425_600_000)).text == "2015-03-06")
    #expect(try #require(CalendarDay("2015-03-04")) < day)
  }

  /// An event's day in its own time zone: 23:30 UTC on 5 March is 0:30 on
  /// 6 March in Paris (UTC+1 in winter), 22:30 UTC in July already the next
  /// day there (UTC+2); an unknown zone falls back on UTC.
  @Test func aDayCanBeTheEventsLocalDay() throws {
    let lateWinter = try #require(Timestamp.date(from: "2015-03-05T23:30:00Z"))
    #expect(CalendarDay(lateWinter, timeZone: "Europe/Paris").text == "2015-03-06")
    #expect(CalendarDay(lateWinter, timeZone: nil).text == "2015-03-05")
    #expect(CalendarDay(lateWinter, timeZone: "Mars/Olympus").text == "2015-03-05")
    let lateSummer = try #require(Timestamp.date(from: "2015-07-01T22:30:00Z"))
    #expect(CalendarDay(lateSummer, timeZone: "Europe/Paris").text == "2015-07-02")
  }

  /// ISO weekdays (1 = Monday), checked against `date +%u` on each day.
  @Test(arguments: [
    ("2015-03-05", 4), ("2000-01-01", 6), ("2024-02-29", 4), ("2026-12-06", 7), ("1900-03-05", 1),
  ])
  func weekdays(_ text: String, _ weekday: Int) throws {
    #expect(try #require(CalendarDay(text)).weekday == weekday)
  }
}
