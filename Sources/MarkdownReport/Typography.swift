import Aggregation
import Foundation

/// Numbers, percentages, intervals and quotations written the way a reader
/// of the report's language expects.
///
/// French follows the Imprimerie nationale's rules as CLDR encodes them: a
/// decimal comma; a narrow no-break space (U+202F) as thousands separator and
/// before `%`, `;`, `!` and `?`; a no-break space (U+00A0) before `:` and
/// inside « ». English uses a decimal point, a comma between thousands, no
/// space before `%`, and “ ”. Negative numbers take the minus sign U+2212.
///
/// Every formatter rounds by the reports' one rule (`Rounding`: half away
/// from zero on the decimal digits of the value), so the same figure always
/// gives the same characters, whatever the machine's locale.
public struct Typography: Sendable, Hashable {
  public let language: ReportLanguage

  /// No-break space (U+00A0): before a French colon and inside « ».
  public static let noBreakSpace = "\u{00A0}"
  /// Narrow no-break space (U+202F): French thousands, and before `%` `;` `!` `?`.
  public static let narrowNoBreakSpace = "\u{202F}"
  /// The minus sign (U+2212).
  public static let minus = "\u{2212}"

  public init(_ language: ReportLanguage) {
    self.language = language
  }

  var isFrench: Bool { language == .french }

  // MARK: Numbers

  /// `value` with exactly `decimals` digits after the separator and grouped
  /// thousands: `1 234,5` or `1,234.5`.
  public func number(_ value: Double, decimals: Int = 0, signed: Bool = false) -> String {
    guard value.isFinite else { return "–" }
    let (negative, integerPart, fraction) = Self.digits(of: value, decimals: decimals)
    var result = group(integerPart)
    if decimals > 0 { result += (isFrench ? "," : ".") + fraction }
    if negative {
      result = Self.minus + result
    } else if signed && (integerPart != "0" || fraction.contains { $0 != "0" }) {
      result = "+" + result
    }
    return result
  }

  /// A whole number with grouped thousands.
  public func integer(_ value: Int) -> String {
    number(Double(value))
  }

  /// A proportion (0–1) as a percentage: `80 %` or `80%`.
  public func percent(_ proportion: Double, decimals: Int = 0) -> String {
    number(proportion * 100, decimals: decimals) + percentSign
  }

  /// The `%` sign with the space the language puts before it.
  public var percentSign: String { isFrench ? Self.narrowNoBreakSpace + "%" : "%" }

  /// A 95 % interval: `[52 % ; 92 %]` or `[52%, 92%]`.
  public func interval(_ low: String, _ high: String) -> String {
    isFrench ? "[\(low)\(Self.narrowNoBreakSpace); \(high)]" : "[\(low), \(high)]"
  }

  // MARK: Punctuation

  /// Text between quotation marks: `« text »` or `“text”`.
  public func quoted(_ text: String) -> String {
    isFrench ? "«\(Self.noBreakSpace)\(text)\(Self.noBreakSpace)»" : "“\(text)”"
  }

  /// `: ` with the French no-break space before it.
  public var colon: String { isFrench ? Self.noBreakSpace + ": " : ": " }

  /// ` ; ` (French, narrow no-break space before) or `; `.
  public var semicolon: String { isFrench ? Self.narrowNoBreakSpace + "; " : "; " }

  /// The apostrophe of generated prose: ’ (U+2019).
  public static let apostrophe = "\u{2019}"

  /// Puts the French spaces before `;`, `:`, `!`, `?` and `%` of a generated
  /// phrase, and turns its straight apostrophes into ’. English text is
  /// returned unchanged. Meant for text the report writes, not survey content.
  public func punctuate(_ text: String) -> String {
    guard isFrench else { return text }
    var result = ""
    for character in text {
      switch character {
      case ";", "!", "?", ":", "%":
        while result.last == " " || result.last == "\u{00A0}" || result.last == "\u{202F}" {
          result.removeLast()
        }
        result += (character == ":" ? Self.noBreakSpace : Self.narrowNoBreakSpace) + String(character)
      case "'":
        result += Self.apostrophe
      default:
        result.append(character)
      }
    }
    return result
  }

  /// A participant's words as a publication prints them: straight
  /// apostrophes curled (’), and in French the plain space a writer left
  /// before `:` `;` `!` `?` `%` `»` (or after `«`) made the no-break space
  /// that belongs there. Words, spelling and punctuation are left as written.
  public func tidy(_ text: String) -> String {
    var result = text.replacingOccurrences(of: "'", with: Self.apostrophe)
    guard isFrench else { return result }
    result = result.replacingOccurrences(of: " :", with: Self.noBreakSpace + ":")
      .replacingOccurrences(of: " »", with: Self.noBreakSpace + "»")
      .replacingOccurrences(of: "« ", with: "«" + Self.noBreakSpace)
    for mark in [";", "!", "?", "%"] {
      result = result.replacingOccurrences(of: " " + mark, with: Self.narrowNoBreakSpace + mark)
    }
    return result
  }

  // MARK: Internals

  private func group(_ digits: String) -> String {
    let separator = isFrench ? Self.narrowNoBreakSpace : ","
    guard digits.count > 3 else { return digits }
    var groups: [Substring] = []
    var end = digits.endIndex
    while end > digits.startIndex {
      let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
      groups.insert(digits[start..<end], at: 0)
      end = start
    }
    return groups.joined(separator: separator)
  }

  /// Sign, integer digits and `decimals` fraction digits of `value`, by the
  /// reports' one rounding rule (`Rounding`).
  static func digits(of value: Double, decimals: Int) -> (negative: Bool, integer: String, fraction: String) {
    Rounding.digits(of: value, decimals: decimals)
  }
}
