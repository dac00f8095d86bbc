/// The one rounding rule of every report: the Markdown synthesis, the
/// workbook's number formats, the SVG charts and `bilan stats`.
///
/// A figure is rounded half away from zero on the decimal a person would
/// write for it (0.285, stored as 0.28499999…, rounds to 0.29), to the
/// number of decimals its unit is reported with (`IndicatorUnit.decimals`).
/// A percentage of a count is rounded on its own, from the exact fraction:
/// the shares of one distribution may therefore add up to 99 or 101 %, and
/// every one of them is the nearest whole percent of its count.
///
/// Ties, rankings and target verdicts are decided on reported values, so a
/// sentence never contradicts the figures printed beside it: two tools shown
/// at 4,5 are tied, whatever their third decimal.
public enum Rounding {
  /// Sign, integer digits and `decimals` fraction digits of `value`, rounded
  /// half away from zero.
  ///
  /// Works on the value nudged by a relative epsilon of a few ulps, so that
  /// binary artefacts of decimal halves (2.675 → 2.67499…) go the way a
  /// person expects.
  public static func digits(
    of value: Double, decimals: Int
  ) -> (negative: Bool, integer: String, fraction: String) {
    let decimals = max(0, decimals)
    let scaled = abs(value) * pow10(decimals)
    let rounded = (scaled * (1 + 4 * Double.ulpOfOne) + 0.5).rounded(.down)
    var text = rounded < 1e15 ? String(Int64(rounded)) : String(rounded.rounded())
    if text.hasSuffix(".0") { text.removeLast(2) }
    if text.count <= decimals { text = String(repeating: "0", count: decimals - text.count + 1) + text }
    let integer = String(text.dropLast(decimals))
    let fraction = String(text.suffix(decimals))
    let isZero = !text.contains { $0 != "0" }
    return (value < 0 && !isZero, integer, fraction)
  }

  /// `value` rounded by the rule to `decimals` places.
  public static func rounded(_ value: Double, decimals: Int) -> Double {
    guard value.isFinite else { return value }
    let (negative, integer, fraction) = digits(of: value, decimals: decimals)
    let magnitude = Double(integer + (fraction.isEmpty ? "" : "." + fraction)) ?? abs(value)
    return negative ? -magnitude : magnitude
  }

  /// `count` of `total` in whole percent, half up, from the exact fraction
  /// (integer arithmetic: 1 of 8 is 13 %, 4 of 14 is 29 %); 0 when `total` is 0.
  public static func percent(_ count: Int, of total: Int) -> Int {
    guard total > 0 else { return 0 }
    return (200 * count + total) / (2 * total)
  }

  /// Below this many respondents a share is written as a count first
  /// (“9 sur 14”), its percentage second and whole: a percentage of a handful
  /// of people suggests a precision the count does not have.
  public static let countsLeadBelow = 30

  /// Whether a share resting on `n` respondents is written count first.
  public static func countsLead(n: Int) -> Bool { n < countsLeadBelow }

  private static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<exponent { result *= 10 }
    return result
  }
}

extension IndicatorUnit {
  /// How many decimals a report shows a value of this unit with, in the way
  /// it is written: proportions in whole percent, NPS points and the 0–100
  /// index whole, scale means with one decimal, Borda points with two.
  public var decimals: Int {
    switch self {
    case .proportion, .points, .index: 0
    case .scaleUnits: 1
    case .bordaPoints: 2
    }
  }

  /// `value` as reports show it, in this unit (a proportion rounded to a
  /// whole percent stays a proportion: 0.642857 → 0.64).
  public func reported(_ value: Double) -> Double {
    switch self {
    case .proportion: Rounding.rounded(value * 100, decimals: 0) / 100
    default: Rounding.rounded(value, decimals: decimals)
    }
  }
}
