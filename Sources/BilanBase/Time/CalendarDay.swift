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
