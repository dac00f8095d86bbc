/// Whole percentages that sum to exactly 100: the largest-remainder (Hamilton)
/// method.
public enum LargestRemainder {
  /// Each count's share of the total, in whole percent, summing to 100.
  ///
  /// Every share is floored, then the points still missing go one each to the
  /// largest remainders (ties: the earlier entry). All zeros when the counts sum to 0.
  public static func percentages(_ counts: [Int]) -> [Int] {
    precondition(counts.allSatisfy { $0 >= 0 }, "counts cannot be negative")
    let total = counts.reduce(0, +)
    guard total > 0 else { return counts.map { _ in 0 } }
    // Exact integer arithmetic: 100·c = q·total + r.
    var result = counts.map { 100 * $0 / total }
    let remainders = counts.map { 100 * $0 % total }
    let missing = 100 - result.reduce(0, +)
    let order = remainders.indices.sorted { a, b in
      remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b
    }
    for index in order.prefix(missing) { result[index] += 1 }
    return result
  }

  /// A share rounded half up to a whole percent, on its own (for shares that
  /// do not sum to 100, e.g. multiple choice over respondents).
  public static func percent(_ count: Int, of total: Int) -> Int {
    guard total > 0 else { return 0 }
    return (200 * count + total) / (2 * total)
  }
}
