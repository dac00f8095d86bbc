import Aggregation
import PropertyBased
import Testing

@Suite struct PropertyTests {
  @Test func wilsonContainsTheEstimateWithinZeroOne() async {
    await propertyCheck(count: 500, input: Gen.int(in: 1...500), Gen.int(in: 0...500)) { n, raw in
      let successes = raw % (n + 1)
      let interval = WilsonInterval.interval(successes: successes, n: n)
      let estimate = Double(successes) / Double(n)
      #expect(interval.low >= 0 && interval.high <= 1)
      #expect(interval.low <= estimate && estimate <= interval.high)
    }
  }

  @Test func tIntervalContainsTheMean() async {
    await propertyCheck(count: 200, input: Gen.int(in: 1...5).array(of: 2...40)) { answers in
      let moments = RunningMoments(answers.map(Double.init))
      let interval = moments.interval!
      #expect(interval.contains(moments.mean))
    }
  }

  @Test func npsIntervalContainsTheScoreWithinBounds() async {
    await propertyCheck(count: 300, input: Gen.int(in: 0...10).array(of: 1...60)) { scores in
      let nps = NetPromoterScore(scores: scores)
      let interval = nps.interval!
      #expect(interval.low >= -100 && interval.high <= 100)
      #expect(interval.contains(nps.score!))
    }
  }

  /// Each percentage is the nearest whole percent of its exact fraction
  /// (half up), so a distribution adds up to 100 give or take one point per
  /// answer rounded the same way.
  @Test func eachPercentageIsTheNearestWholePercent() async {
    await propertyCheck(count: 500, input: Gen.int(in: 0...1000).array(of: 1...12)) { counts in
      let total = counts.reduce(0, +)
      let percents = counts.map { Rounding.percent($0, of: total) }
      guard total > 0 else {
        #expect(percents.allSatisfy { $0 == 0 })
        return
      }
      for (count, percent) in zip(counts, percents) {
        let exact = 100 * Double(count) / Double(total)
        #expect(abs(Double(percent) - exact) <= 0.5)
        // Half up: exactly half a point goes up.
        if (200 * count) % (2 * total) == total { #expect(Double(percent) == exact + 0.5) }
      }
    }
  }

  /// No published cell, and no difference of published cells, covers between
  /// 1 and k − 1 respondents: every published group has n ≥ k, and for every
  /// subset S of the published groups, overall − Σ_S (what subtraction from
  /// the total reveals) is 0 or ≥ k, or contains a published group.
  @Test func suppressionLeavesNoSmallGroupRecoverable() async {
    await propertyCheck(
      count: 1000, input: Gen.int(in: 0...12).array(of: 1...6), Gen.int(in: 1...5), Gen.int(in: 0...4)
    ) { groups, k, residual in
      let overall = groups.reduce(0, +) + residual
      let decisions = CellSuppression.decide(groupCounts: groups, overall: overall, minimum: k)
      let published = groups.indices.filter { decisions[$0] == nil }
      for index in published { #expect(groups[index] >= k) }
      for index in groups.indices where groups[index] < k { #expect(decisions[index] == .belowMinimum) }
      // Every subset of the published groups subtracted from the overall figure.
      for mask in 0..<(1 << published.count) {
        let subtracted = published.indices.filter { mask & (1 << $0) != 0 }.map { published[$0] }
        let remainder = overall - subtracted.reduce(0) { $0 + groups[$1] }
        let containsPublished = subtracted.count < published.count
        #expect(remainder == 0 || remainder >= k || containsPublished || remainder == overall)
      }
      // At most one complementary cell, and only when needed.
      let complementary = decisions.filter { $0 == .complementary }.count
      #expect(complementary <= 1)
    }
  }
}
