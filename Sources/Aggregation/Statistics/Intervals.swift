import Foundation

/// A two-sided confidence interval.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
  public var low: Double
  public var high: Double

  public init(low: Double, high: Double) {
    self.low = low
    self.high = high
  }

  /// Whether `value` lies inside (ends included).
  public func contains(_ value: Double) -> Bool { low <= value && value <= high }

  /// The interval cut to `bounds`: an interval never leaves the range its
  /// values can take (a mean on a 1–5 scale, an index on 0–100).
  public func clamped(to bounds: ValueBounds) -> ConfidenceInterval {
    var result = self
    if let lower = bounds.lower {
      result.low = max(result.low, lower)
      result.high = max(result.high, lower)
    }
    if let upper = bounds.upper {
      result.low = min(result.low, upper)
      result.high = min(result.high, upper)
    }
    return result
  }
}

/// The range a figure's values can take: a scale's points, 0–100 for an
/// index, 0–1 for a proportion, ±100 for an NPS, 0…pick for Borda points.
/// A missing end is unbounded (a number question without `min` or `max`).
public struct ValueBounds: Sendable, Equatable, Hashable, Codable {
  public var lower: Double?
  public var upper: Double?

  public init(lower: Double?, upper: Double?) {
    self.lower = lower
    self.upper = upper
  }

  public static let unbounded = ValueBounds(lower: nil, upper: nil)
  public static let proportion = ValueBounds(lower: 0, upper: 1)
  public static let index = ValueBounds(lower: 0, upper: 100)
  public static let netPromoter = ValueBounds(lower: -100, upper: 100)

  /// Whether `value` lies within the bounds (ends included).
  public func contains(_ value: Double) -> Bool {
    (lower.map { value >= $0 } ?? true) && (upper.map { value <= $0 } ?? true)
  }
}

/// The 95 % Wilson score interval of a proportion.
public enum WilsonInterval {
  /// z₀.₉₇₅ of the standard normal: scipy.stats.norm.ppf(0.975) = 1.959963984540054.
  public static let z95 = 1.959963984540054

  /// The interval for `successes` out of `n` (n ≥ 1), at the normal quantile `z`.
  ///
  /// centre = (p̂ + z²/2n) / (1 + z²/n),
  /// half-width = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)
  /// (Wilson 1927; Newcombe 1998, method 3). Clamped to [0, 1] against rounding.
  public static func interval(successes: Int, n: Int, z: Double = z95) -> ConfidenceInterval {
    precondition(n > 0 && successes >= 0 && successes <= n, "need 0 ≤ successes ≤ n, n ≥ 1")
    let nn = Double(n)
    let p = Double(successes) / nn
    let z2 = z * z
    let denominator = 1 + z2 / nn
    let centre = (p + z2 / (2 * nn)) / denominator
    let half = z / denominator * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
    var low = max(0, centre - half)
    var high = min(1, centre + half)
    if successes == 0 { low = 0 }
    if successes == n { high = 1 }
    return ConfidenceInterval(low: low, high: high)
  }
}

/// The t-interval of a mean.
public enum MeanInterval {
  /// mean ± t₀.₉₇₅,n−1 · s/√n for `n` ≥ 2 answers with sample SD `sd`; `nil` below 2.
  public static func interval(
    mean: Double, standardDeviation sd: Double, n: Int, level: Double = 0.95
  )
    -> ConfidenceInterval?
  {
    guard n >= 2 else { return nil }
    let t = StudentT.critical(level: level, degreesOfFreedom: Double(n - 1))
    let half = t * sd / Double(n).squareRoot()
    return ConfidenceInterval(low: mean - half, high: mean + half)
  }

  /// The 95 % interval of the mean of `n` ≥ 2 values lying within `bounds`.
  ///
  /// Student's t-interval, clamped to the bounds. When every value is the
  /// same (`sd` = 0: the t-interval shrinks to a point, which would claim a
  /// certainty 14 answers cannot give) and both bounds are known, the
  /// interval is carried over from the Wilson interval of "n out of n gave
  /// this value": with w = n / (n + z²) its lower end, the mean lies in
  /// [v − (v − min)(1 − w), v + (max − v)(1 − w)] — at worst, the people not
  /// covered by w would all answer at the far end of the scale. `nil` below
  /// two values.
  public static func bounded(
    mean: Double, standardDeviation sd: Double, n: Int, bounds: ValueBounds
  ) -> ConfidenceInterval? {
    guard n >= 2 else { return nil }
    if sd == 0, let lower = bounds.lower, let upper = bounds.upper {
      let z = WilsonInterval.z95
      let uncovered = 1 - Double(n) / (Double(n) + z * z)
      return ConfidenceInterval(
        low: mean - (mean - lower) * uncovered, high: mean + (upper - mean) * uncovered
      ).clamped(to: bounds)
    }
    return interval(mean: mean, standardDeviation: sd, n: n)?.clamped(to: bounds)
  }
}

/// The Net Promoter Score and its interval, as the format defines them.
public struct NetPromoterScore: Sendable, Equatable {
  public var n: Int
  public var promoters: Int
  public var detractors: Int

  public init(n: Int, promoters: Int, detractors: Int) {
    self.n = n
    self.promoters = promoters
    self.detractors = detractors
  }

  /// Counts promoters (9–10) and detractors (0–6) among `scores`.
  public init(scores: some Sequence<Int>) {
    var n = 0
    var promoters = 0
    var detractors = 0
    for score in scores {
      n += 1
      if score >= 9 { promoters += 1 } else if score <= 6 { detractors += 1 }
    }
    self.init(n: n, promoters: promoters, detractors: detractors)
  }

  public var passives: Int { n - promoters - detractors }

  /// %promoters − %detractors in points; `nil` when n = 0.
  public var score: Double? {
    guard n > 0 else { return nil }
    return 100 * (Double(promoters) - Double(detractors)) / Double(n)
  }

  /// SE in points = 100·√((p + d − (p − d)²) / n), p and d the proportions.
  public var standardError: Double? {
    guard n > 0 else { return nil }
    let p = Double(promoters) / Double(n)
    let d = Double(detractors) / Double(n)
    return 100 * (max(0, p + d - (p - d) * (p - d)) / Double(n)).squareRoot()
  }

  /// score ± 1.96·SE, clamped to [−100, 100] (the format's rule).
  public var interval: ConfidenceInterval? {
    guard let score, let standardError else { return nil }
    return ConfidenceInterval(
      low: max(-100, score - 1.96 * standardError), high: min(100, score + 1.96 * standardError))
  }
}
