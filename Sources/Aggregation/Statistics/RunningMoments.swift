/// Count, mean and variance of a stream of numbers in one pass (Welford's
/// algorithm, numerically stable), without keeping the numbers.
public struct RunningMoments: Sendable, Equatable {
  public private(set) var n = 0
  public private(set) var mean = 0.0
  /// Sum of squared deviations from the running mean.
  private var m2 = 0.0

  public init() {}

  public init(_ values: some Sequence<Double>) {
    for value in values { add(value) }
  }

  public mutating func add(_ value: Double) {
    n += 1
    let delta = value - mean
    mean += delta / Double(n)
    m2 += delta * (value - mean)
  }

  /// The mean, or `nil` when empty.
  public var meanValue: Double? { n > 0 ? mean : nil }

  /// Sample variance (n − 1 denominator); `nil` below two values.
  public var variance: Double? { n >= 2 ? max(0, m2 / Double(n - 1)) : nil }

  /// Sample standard deviation (n − 1 denominator); `nil` below two values.
  public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

  /// The 95 % t-interval of the mean; `nil` below two values.
  public var interval: ConfidenceInterval? {
    guard let sd = standardDeviation else { return nil }
    return MeanInterval.interval(mean: mean, standardDeviation: sd, n: n)
  }

  /// The 95 % interval of the mean of values within `bounds` (see
  /// `MeanInterval.bounded`); `nil` below two values.
  public func interval(within bounds: ValueBounds) -> ConfidenceInterval? {
    guard let sd = standardDeviation else { return nil }
    return MeanInterval.bounded(mean: mean, standardDeviation: sd, n: n, bounds: bounds)
  }
}
