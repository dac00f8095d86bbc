/// Borda scores of a ranking question, as the format defines them: rank i of
/// `pick` earns pick − i + 1 points, an unranked choice 0, and a choice's score
/// is its mean points per respondent who answered.
public struct BordaCount: Sendable, Equatable {
  public let choices: [String]
  public let pick: Int
  /// Respondents who ranked at least one choice.
  public private(set) var respondents = 0
  /// Total points per choice, in choice order.
  public private(set) var points: [Int]
  /// Sum of squared points per choice (each respondent's points squared), for
  /// the spread of the scores.
  public private(set) var squares: [Int]
  /// `rankCounts[c][i]`: respondents who put choice c at rank i + 1.
  public private(set) var rankCounts: [[Int]]
  private let index: [String: Int]

  public init(choices: [String], pick: Int) {
    self.choices = choices
    self.pick = pick
    points = Array(repeating: 0, count: choices.count)
    squares = Array(repeating: 0, count: choices.count)
    rankCounts = Array(repeating: Array(repeating: 0, count: max(pick, 0)), count: choices.count)
    var index: [String: Int] = [:]
    for (position, code) in choices.enumerated() { index[code] = position }
    self.index = index
  }

  /// Adds one respondent's ranking, best first. Codes unknown to the list and
  /// ranks beyond `pick` earn nothing; an empty ranking is not counted.
  public mutating func add(_ ranking: [String]) {
    guard !ranking.isEmpty else { return }
    respondents += 1
    for (rank, code) in ranking.prefix(pick).enumerated() {
      guard let position = index[code] else { continue }
      points[position] += pick - rank
      squares[position] += (pick - rank) * (pick - rank)
      rankCounts[position][rank] += 1
    }
  }

  /// Mean points per respondent, in choice order; `nil` without respondents.
  public var scores: [Double]? {
    guard respondents > 0 else { return nil }
    return points.map { Double($0) / Double(respondents) }
  }

  /// The 95 % interval of each choice's score, a mean of per-respondent
  /// points between 0 and `pick` (`MeanInterval.bounded`); `nil` entries
  /// below two respondents. Used to say which choices are clearly apart;
  /// the format publishes no interval for Borda scores.
  public var intervals: [ConfidenceInterval?] {
    points.indices.map { index in
      guard respondents >= 2 else { return nil }
      let n = Double(respondents)
      let mean = Double(points[index]) / n
      // Exact sums of integers: s² = (Σx² − (Σx)²/n) / (n − 1).
      let variance = max(0, (Double(squares[index]) - Double(points[index]) * mean) / (n - 1))
      return MeanInterval.bounded(
        mean: mean, standardDeviation: variance.squareRoot(), n: respondents,
        bounds: ValueBounds(lower: 0, upper: Double(pick)))
    }
  }
}
