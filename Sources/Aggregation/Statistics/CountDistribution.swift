/// How many times each value occurred: exact medians, means and SDs from
/// counts alone (a scale has a handful of points, so memory stays tiny).
public struct CountDistribution: Sendable, Equatable {
  public private(set) var counts: [Double: Int] = [:]
  public private(set) var n = 0

  public init() {}

  public init(_ values: some Sequence<Double>) {
    for value in values { add(value) }
  }

  public mutating func add(_ value: Double, count: Int = 1) {
    counts[value, default: 0] += count
    n += count
  }

  /// The count of `value`.
  public func count(_ value: Double) -> Int { counts[value] ?? 0 }

  /// The median: the middle value, or the midpoint of the two middle values
  /// for an even n; `nil` when empty.
  public var median: Double? {
    guard n > 0 else { return nil }
    let sorted = counts.keys.sorted()
    // 1-based positions of the middle value(s).
    let lowPosition = (n + 1) / 2
    let highPosition = n / 2 + 1
    var low: Double?
    var high: Double?
    var seen = 0
    for value in sorted {
      seen += counts[value]!
      if low == nil, seen >= lowPosition { low = value }
      if high == nil, seen >= highPosition {
        high = value
        break
      }
    }
    guard let low, let high else { return nil }
    return n % 2 == 1 ? low : (low + high) / 2
  }

  /// Mean, variance and SD, from the counts (sorted for reproducible sums).
  public var moments: RunningMoments {
    var moments = RunningMoments()
    for value in counts.keys.sorted() {
      for _ in 0..<counts[value]! { moments.add(value) }
    }
    return moments
  }

  public var minimum: Double? { counts.keys.min() }
  public var maximum: Double? { counts.keys.max() }
}
