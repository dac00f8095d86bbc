/// Cronbach's α of a set of items (matrix rows), accumulated one respondent at
/// a time over respondents who answered every item.
///
/// α = k/(k − 1) · (1 − Σ s²ᵢ / s²ₜ), with sᵢ² the sample variance of item i and
/// s²ₜ that of each respondent's total (Cronbach 1951). Only sums are kept.
public struct CronbachAlpha: Sendable, Equatable {
  public let itemCount: Int
  private var items: [RunningMoments]
  private var total = RunningMoments()

  public init(itemCount: Int) {
    self.itemCount = itemCount
    items = Array(repeating: RunningMoments(), count: itemCount)
  }

  /// Accumulates every row of `answers` (one array per respondent).
  public init(rows answers: [[Double]]) {
    self.init(itemCount: answers.first?.count ?? 0)
    for row in answers { add(row) }
  }

  /// Adds one respondent's answers, one per item, in item order.
  public mutating func add(_ answers: [Double]) {
    precondition(answers.count == itemCount, "one answer per item")
    for (index, value) in answers.enumerated() { items[index].add(value) }
    total.add(answers.reduce(0, +))
  }

  /// Respondents accumulated.
  public var n: Int { total.n }

  /// α, or `nil` with fewer than two items, fewer than two respondents, or a
  /// total without variance.
  public var value: Double? {
    guard itemCount >= 2, let totalVariance = total.variance, totalVariance > 0 else { return nil }
    let itemVariance = items.reduce(0.0) { $0 + ($1.variance ?? 0) }
    let k = Double(itemCount)
    return k / (k - 1) * (1 - itemVariance / totalVariance)
  }
}
