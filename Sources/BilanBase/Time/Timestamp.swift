import Foundation

/// The one way bilan writes and reads times: ISO 8601 in UTC to the second,
/// `2015-03-05T16:41:07Z`.
///
/// Times are kept to the whole second everywhere (store, exports), so that
/// the order "started_at, then id" is the same in every copy of a response
/// and a round trip through an export gives identical bytes. Fixed width,
/// so the text sorts chronologically.
package enum Timestamp {
  /// `date` truncated to the whole second.
  package static func truncated(_ date: Date) -> Date {
    Date(timeIntervalSince1970: floor(date.timeIntervalSince1970))
  }

  /// `yyyy-MM-ddTHH:mm:ssZ` in UTC.
  package static func string(from date: Date) -> String {
    let parts = utcParts(of: date)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
  }

  /// `yyyy-MM-dd HH:mm UTC`, for a reader: "2015-03-05 16:49 UTC".
  package static func minuteString(from date: Date) -> String {
    let parts = utcParts(of: date)
    return String(
      format: "%04d-%02d-%02d %02d:%02d UTC", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min))
  }

  /// Reads `yyyy-MM-ddTHH:mm:ss` with an optional fraction and a `Z` or
  /// `±HH:MM` offset (a space may replace the `T`). `nil` when it is not
  /// such a time or a field is out of range. Fractions are dropped.
  package static func date(from text: String) -> Date? {
    var text = text
    return text.withUTF8 { date(utf8: $0) }
  }

  /// `date(from:)` on the UTF-8 bytes of the text.
  package static func date(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    var index = 0
    func number(_ digits: Int) -> Int? {
      guard index + digits <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[index..<index + digits] {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      index += digits
      return value
    }
    func expect(_ characters: String) -> Bool {
      guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
      index += 1
      return true
    }
    guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
      expect("T "), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
      let second = number(2)
    else { return nil }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let start = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
      guard index > start else { return nil }
    }
    var offset = 0
    if expect("Z") {
      offset = 0
    } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
      let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
      index += 1
      guard let hours = number(2), expect(":"), let minutes = number(2), hours < 24, minutes < 60 else {
        return nil
      }
      offset = sign * (hours * 3600 + minutes * 60)
    } else {
      return nil
    }
    guard index == bytes.count, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
      second < 61
    else { return nil }
    let time = utcDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    return time.map { $0.addingTimeInterval(TimeInterval(-offset)) }
  }

  /// The calendar fields of `date` in UTC (`tm_year` counts from 1900, `tm_mon` from 0).
  package static func utcParts(of date: Date) -> tm {
    var seconds = time_t(floor(date.timeIntervalSince1970))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return parts
  }

  /// The time of these UTC fields (month 1–12), or nil for a day that does
  /// not exist (31 February).
  package static func utcDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
    var parts = tm()
    parts.tm_year = Int32(year - 1900)
    parts.tm_mon = Int32(month - 1)
    parts.tm_mday = Int32(day)
    parts.tm_hour = Int32(hour)
    parts.tm_min = Int32(minute)
    parts.tm_sec = Int32(second)
    let seconds = timegm(&parts)
    // timegm normalises 31 February into March: refuse dates that do not exist.
    guard parts.tm_mday == Int32(day), parts.tm_mon == Int32(month - 1) else { return nil }
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }
}
