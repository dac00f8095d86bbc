import Foundation

/// A day of the Gregorian calendar in UTC, written `yyyy-MM-dd`: an event's
/// date, the day of the last response.
package struct CalendarDay: Equatable, Comparable, Sendable {
  package let year: Int
  /// 1 to 12.
  package let month: Int
  /// 1 to 31.
  package let day: Int

  /// The UTC day of `date`.
  package init(_ date: Date) {
    let parts = Timestamp.utcParts(of: date)
    year = Int(parts.tm_year) + 1900
    month = Int(parts.tm_mon) + 1
    day = Int(parts.tm_mday)
  }

  /// The day of `date` in the time zone `identifier` (an IANA name such as
  /// `Europe/Paris`): an event's own day, so that an answer given at 0:30 in
  /// Paris is dated that day, not the day before. UTC when `identifier` is
  /// nil or unknown.
  package init(_ date: Date, timeZone identifier: String?) {
    guard let identifier, let zone = TimeZone(identifier: identifier) else {
      self.init(date)
      return
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
  }

  private init(year: Int, month: Int, day: Int) {
    (self.year, self.month, self.day) = (year, month, day)
  }

  /// The day `yyyy-MM-dd` (ASCII digits), or nil when the text is not one or
  /// the day does not exist (2015-02-30).
  package init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year)
    else { return nil }
    (self.year, self.month, self.day) = (year, month, day)
  }

  /// The day of the week, 1 = Monday … 7 = Sunday (ISO 8601), by Zeller's
  /// congruence for the Gregorian calendar.
  package var weekday: Int {
    var y = year
    var m = month
    if m < 3 {
      m += 12
      y -= 1
    }
    // h: 0 = Saturday, 1 = Sunday, … 6 = Friday.
    let h = (day + (13 * (m + 1)) / 5 + y + y / 4 - y / 100 + y / 400) % 7
    return (h + 5) % 7 + 1
  }

  /// The day as people write it: « 5 mars 2015 », « jeudi 5 mars 2015 »,
  /// “Thursday 5 March 2015”.
  package func written(_ words: ToolWords.Dates, weekday: Bool = false) -> String {
    words.long(day, words.months[month - 1], year, weekday ? words.weekdays[self.weekday - 1] : nil)
  }

  /// `yyyy-MM-dd`.
  package var text: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// Midnight UTC of the day, plus `hour` and `minute`.
  package func date(hour: Int = 0, minute: Int = 0) -> Date {
    // The day exists (both initialisers check it), so the time does.
    Timestamp.utcDate(year: year, month: month, day: day, hour: hour, minute: minute, second: 0)!
  }

  package static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  private static func days(inMonth month: Int, of year: Int) -> Int {
    let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    return [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }
}
