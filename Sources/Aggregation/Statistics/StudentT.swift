import Foundation

/// Student's t distribution: its CDF through the regularized incomplete beta
/// function, and its quantile by inverting the CDF (bracketing, then bisection
/// polished by Newton steps) — exact to double precision, no table, no 1.96.
public enum StudentT {
  /// P(T ≤ t) for `degreesOfFreedom` > 0.
  ///
  /// For t ≥ 0, F(t) = 1 − ½·I_x(ν/2, ½) with x = ν / (ν + t²) (Abramowitz &
  /// Stegun 26.7.1 with 26.5.27); by symmetry F(−t) = 1 − F(t).
  public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    precondition(nu > 0, "degrees of freedom must be positive")
    if t.isNaN { return .nan }
    if t == .infinity { return 1 }
    if t == -.infinity { return 0 }
    let x = nu / (nu + t * t)
    let tail = 0.5 * IncompleteBeta.regularized(x, a: nu / 2, b: 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  /// The density of the t distribution at `t`.
  public static func pdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    let logC = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
    return exp(logC - (nu + 1) / 2 * log1p(t * t / nu))
  }

  /// The `p`-quantile: the t with P(T ≤ t) = p, for 0 < p < 1.
  ///
  /// The upper tail is solved on the small side (1 − p) so that quantiles such
  /// as 0.975 keep full precision.
  public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
    precondition(p > 0 && p < 1, "p must be in (0, 1)")
    precondition(nu > 0, "degrees of freedom must be positive")
    if p == 0.5 { return 0 }
    if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: nu) }
    // Solve upperTail(t) = 1 − p for t > 0, where upperTail is decreasing.
    let q = 1 - p
    func upperTail(_ t: Double) -> Double {
      0.5 * IncompleteBeta.regularized(nu / (nu + t * t), a: nu / 2, b: 0.5)
    }
    var low = 0.0
    var high = 1.0
    while upperTail(high) > q {
      low = high
      high *= 2
      if high > 1e300 { return .infinity }
    }
    var t = 0.5 * (low + high)
    for _ in 0..<200 {
      let f = upperTail(t) - q
      if f == 0 { return t }
      if f > 0 { low = t } else { high = t }
      // Newton step on the tail (its derivative is −pdf); keep it inside the bracket.
      let density = pdf(t, degreesOfFreedom: nu)
      var next = density > 0 ? t + f / density : 0.5 * (low + high)
      if !(next > low && next < high) { next = 0.5 * (low + high) }
      if abs(next - t) <= 1e-15 * max(1, abs(t)) { return next }
      t = next
    }
    return t
  }

  /// The two-sided critical value for a `level` interval (0.95 → t₀.₉₇₅,ν).
  public static func critical(level: Double = 0.95, degreesOfFreedom nu: Double) -> Double {
    quantile(1 - (1 - level) / 2, degreesOfFreedom: nu)
  }
}

/// The regularized incomplete beta function I_x(a, b).
public enum IncompleteBeta {
  /// I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0, by the continued fraction of
  /// Abramowitz & Stegun 26.5.8 evaluated with the modified Lentz method
  /// (Numerical Recipes, 3rd ed., §6.4), using the symmetry
  /// I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges faster.
  public static func regularized(_ x: Double, a: Double, b: Double) -> Double {
    precondition(a > 0 && b > 0, "a and b must be positive")
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    let front = exp(logFront)
    if x < (a + 1) / (a + b + 2) {
      return front * continuedFraction(x, a: a, b: b) / a
    }
    return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
  }

  private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    let epsilon = 1e-16
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...10_000 {
      let m = Double(m)
      let m2 = 2 * m
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < epsilon { break }
    }
    return h
  }
}
