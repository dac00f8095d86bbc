/// How many times each value occurred: exact medians, means and SDs from
/// counts alone (a scale has a handful of points, so memory stays tiny; a
/// number question holds one count per distinct answer).
public struct CountDistribution: Sendable, Equatable {
  /// Counts of the whole values 0…`smallLimit - 1` (scale points, nps scores),
  /// kept by index so the common answers are counted without hashing.
  private var small: [Int] = []
  /// Counts of every other value.
  private var others: [Double: Int] = [:]
  public private(set) var n = 0

  private static let smallLimit = 32

  public init() {}

  public init(_ values: some Sequence<Double>) {
    for value in values { add(value) }
  }

  /// Count per value (every value added, in no order).
  public var counts: [Double: Int] {
    var result = others
    for (value, count) in small.enumerated() where count > 0 { result[Double(value), default: 0] += count }
    return result
  }

  /// The index in `small` of `value`, when it is a whole number in range.
  private static func smallIndex(_ value: Double) -> Int? {
    guard value >= 0, value < Double(smallLimit) else { return nil }
    let index = Int(value)
    return Double(index) == value ? index : nil
  }

  public mutating func add(_ value: Double, count: Int = 1) {
    if count > 0, let index = Self.smallIndex(value) {
      if small.isEmpty { small = Array(repeating: 0, count: Self.smallLimit) }
      small[index] += count
    } else {
      others[value, default: 0] += count
    }
    n += count
  }

  /// The count of `value`.
  public func count(_ value: Double) -> Int {
    let fromSmall = Self.smallIndex(value).map { small.isEmpty ? 0 : small[$0] } ?? 0
    return fromSmall + (others[value] ?? 0)
  }

  /// Every value with its count, smallest first.
  private var sorted: [(value: Double, count: Int)] {
    counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// The median: the middle value, or the midpoint of the two middle values
  /// for an even n; `nil` when empty.
  public var median: Double? {
    guard n > 0 else { return nil }
    // 1-based positions of the middle value(s).
    let lowPosition = (n + 1) / 2
    let highPosition = n / 2 + 1
    var low: Double?
    var high: Double?
    var seen = 0
    for entry in sorted {
      seen += entry.count
      if low == nil, seen >= lowPosition { low = entry.value }
      if high == nil, seen >= highPosition {
        high = entry.value
        break
      }
    }
    guard let low, let high else { return nil }
    return n % 2 == 1 ? low : (low + high) / 2
  }

  /// Mean, variance and SD, from the counts (sorted for reproducible sums).
  public var moments: RunningMoments {
    var moments = RunningMoments()
    for entry in sorted {
      for _ in 0..<entry.count { moments.add(entry.value) }
    }
    return moments
  }

  public var minimum: Double? { sorted.first?.value }
  public var maximum: Double? { sorted.last?.value }
}
