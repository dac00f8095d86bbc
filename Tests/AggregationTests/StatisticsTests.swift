import Aggregation
import SurveyDefinition
import Testing

/// Reference values computed independently with scipy 1.x / numpy in python3
/// (the one-liners are given beside each value), then written here.
@Suite struct StatisticsTests {
  /// python3 -c "from scipy import stats; print(stats.t.ppf(0.975, df))"
  @Test(arguments: [
    (1.0, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078), (4, 2.7764451051977934),
    (5, 2.5705818356363146), (9, 2.262157162798205), (10, 2.228138851986274), (29, 2.045229642132703),
    (30, 2.0422724563012378), (100, 1.9839715185235518), (1000, 1.9623390808264083),
  ])
  func tQuantile975(degreesOfFreedom: Double, expected: Double) {
    let value = StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom)
    #expect(abs(value - expected) < 1e-9 * max(1, expected))
  }

  /// stats.t.ppf(0.995, 3), ppf(0.9, 7), ppf(0.025, 12), ppf(0.999999, 2), ppf(0.975, 2.5)
  @Test(arguments: [
    (0.995, 3.0, 5.840909309733355), (0.9, 7, 1.4149239276505086), (0.025, 12, -2.1788128296672293),
    (0.999999, 2, 707.1057205157672), (0.975, 2.5, 3.5746548420036817), (0.5, 6, 0),
  ])
  func tQuantileOtherLevels(p: Double, degreesOfFreedom: Double, expected: Double) {
    let value = StudentT.quantile(p, degreesOfFreedom: degreesOfFreedom)
    #expect(abs(value - expected) < 1e-8 * max(1, abs(expected)))
  }

  /// stats.t.cdf(1.5, 4) = 0.896; stats.t.cdf(-2.2, 11) = 0.02504305549090214;
  /// scipy.special.betainc(2.5, 0.5, 0.3) = 0.018927124071945658, betainc(10, 3, 0.9) = 0.889130022255
  @Test func cdfAndIncompleteBeta() {
    #expect(abs(StudentT.cdf(1.5, degreesOfFreedom: 4) - 0.896) < 1e-12)
    #expect(abs(StudentT.cdf(-2.2, degreesOfFreedom: 11) - 0.02504305549090214) < 1e-12)
    #expect(abs(IncompleteBeta.regularized(0.3, a: 2.5, b: 0.5) - 0.018927124071945658) < 1e-12)
    #expect(abs(IncompleteBeta.regularized(0.9, a: 10, b: 3) - 0.889130022255) < 1e-11)
  }

  /// Wilson by hand in numpy with z = stats.norm.ppf(0.975):
  /// c = (p + z²/2n)/(1 + z²/n), h = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²).
  @Test func wilsonReferenceValues() {
    let seven = WilsonInterval.interval(successes: 7, n: 12)
    #expect(abs(seven.low - 0.31951131254954973) < 1e-12)
    #expect(abs(seven.high - 0.8067396863412435) < 1e-12)
    let zero = WilsonInterval.interval(successes: 0, n: 5)
    #expect(zero.low == 0)
    #expect(abs(zero.high - 0.43448246478317476) < 1e-12)
    // The example of spec/cli.md: 11 of 14.
    let eleven = WilsonInterval.interval(successes: 11, n: 14)
    #expect(abs(eleven.low - 0.524107694133997) < 1e-12)
    #expect(abs(eleven.high - 0.9242861328730683) < 1e-12)
  }

  /// numpy: x.mean() = 3.9, np.median(x) = 4.0, x.std(ddof=1) = 0.9944289260117534,
  /// stats.t.interval(0.95, 9, loc=3.9, scale=s/√10) = (3.188628400280501, 4.611371599719499).
  @Test func likertSeries() {
    let answers: [Double] = [5, 4, 4, 3, 5, 2, 4, 5, 3, 4]
    let counts = CountDistribution(answers)
    let moments = counts.moments
    #expect(abs(moments.mean - 3.9) < 1e-12)
    #expect(counts.median == 4)
    #expect(abs(moments.standardDeviation! - 0.9944289260117534) < 1e-12)
    let interval = try! #require(moments.interval)
    #expect(abs(interval.low - 3.188628400280501) < 1e-9)
    #expect(abs(interval.high - 4.611371599719499) < 1e-9)
    let scale = Scale(min: 1, max: 5)
    #expect(answers.filter { scale.topPoints.contains(Int($0)) }.count == 7)
  }

  /// Median from counts: middle value for odd n, midpoint of the two middle ones for even n
  /// (numpy.median([1, 2, 4, 5]) = 3.0, numpy.median([2, 2, 3]) = 2.0).
  @Test func medianFromCounts() {
    #expect(CountDistribution([1, 2, 4, 5]).median == 3)
    #expect(CountDistribution([2, 3, 2]).median == 2)
    #expect(CountDistribution([5]).median == 5)
    #expect(CountDistribution([Double]()).median == nil)
  }

  /// By hand: 11 promoters, 4 detractors of 20 → 55 % − 20 % = +35;
  /// SE = 100·√((0.55 + 0.2 − 0.35²)/20) = 17.71298958391835 (numpy).
  @Test func npsSeries() {
    let scores = [10, 9, 9, 8, 7, 10, 6, 9, 3, 8, 10, 7, 9, 5, 10, 8, 9, 10, 6, 9]
    let nps = NetPromoterScore(scores: scores)
    #expect(nps.promoters == 11 && nps.detractors == 4 && nps.passives == 5)
    #expect(abs(nps.score! - 35) < 1e-12)
    #expect(abs(nps.standardError! - 17.71298958391835) < 1e-10)
    let interval = try! #require(nps.interval)
    #expect(abs(interval.low - (35 - 1.96 * 17.71298958391835)) < 1e-9)
    #expect(abs(interval.high - (35 + 1.96 * 17.71298958391835)) < 1e-9)
    // Clamped: everyone a promoter gives SE 0 and [100, 100]; a tiny sample stays within ±100.
    #expect(NetPromoterScore(scores: [10, 10]).interval == ConfidenceInterval(low: 100, high: 100))
    let two = NetPromoterScore(scores: [10, 0]).interval!
    #expect(two.low >= -100 && two.high <= 100)
  }

  /// numpy: k/(k−1)·(1 − X.var(axis=0, ddof=1).sum()/X.sum(axis=1).var(ddof=1)) = 0.9049180327868853
  @Test func cronbachAlpha() {
    let rows: [[Double]] = [[4, 5, 4], [3, 3, 2], [5, 5, 5], [2, 3, 3], [4, 4, 5], [3, 2, 3]]
    let alpha = CronbachAlpha(rows: rows)
    #expect(abs(alpha.value! - 0.9049180327868853) < 1e-12)
    #expect(CronbachAlpha(rows: [[3, 3], [3, 3]]).value == nil)
  }

  /// By hand: each share on its own, half up on the exact fraction; the
  /// example's 4 of 14 (28.57 %) is 29 %, as a reader dividing gets it.
  @Test func percentagesRoundEachShareOnItsOwn() {
    #expect(Rounding.percent(4, of: 14) == 29)
    #expect([1, 1, 1].map { Rounding.percent($0, of: 3) } == [33, 33, 33])
    // 1/8 = 12.5 % exactly: half up.
    #expect(Rounding.percent(1, of: 8) == 13)
    #expect(Rounding.percent(0, of: 0) == 0)
  }

  /// The decimal a person would write decides, not its binary neighbour:
  /// 0.285 → 0.29, 2.675 → 2.68, −4.45 → −4.5, 4.46 → 4.5 (one decimal).
  @Test func roundingIsHalfAwayFromZeroOnTheDecimal() {
    #expect(Rounding.rounded(0.285, decimals: 2) == 0.29)
    #expect(Rounding.rounded(2.675, decimals: 2) == 2.68)
    #expect(Rounding.rounded(-4.45, decimals: 1) == -4.5)
    #expect(Rounding.rounded(4.46, decimals: 1) == 4.5)
    #expect(IndicatorUnit.proportion.reported(0.642857) == 0.64)
    #expect(IndicatorUnit.index.reported(75.5) == 76)
    #expect(IndicatorUnit.bordaPoints.reported(1.166666) == 1.17)
  }

  /// By hand, pick 3: A first twice (3+3), B second twice (2+2) and first once (3), C third once (1),
  /// over 3 respondents → A 2, B 7/3, C 1/3; D never ranked → 0.
  @Test func bordaScores() {
    var borda = BordaCount(choices: ["a", "b", "c", "d"], pick: 3)
    borda.add(["a", "b"])
    borda.add(["a", "b", "c"])
    borda.add(["b"])
    borda.add([])
    #expect(borda.respondents == 3)
    let scores = borda.scores!
    #expect(abs(scores[0] - 2) < 1e-12)
    #expect(abs(scores[1] - 7.0 / 3) < 1e-12)
    #expect(abs(scores[2] - 1.0 / 3) < 1e-12)
    #expect(scores[3] == 0)
    #expect(borda.rankCounts[1] == [1, 2, 0])
  }

  @Test func competitionRanks() {
    #expect(CompetitionRanking.ranks([3, 5, 5, nil, 1]) == [3, 1, 1, nil, 4])
  }
}
