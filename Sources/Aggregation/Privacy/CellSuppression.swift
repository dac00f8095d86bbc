/// Which cells of one breakdown are withheld, so that no published cell and no
/// difference of published cells describes fewer than `minimum` respondents.
///
/// The rule, for one indicator (one item) crossed with one breakdown:
/// 1. **Primary.** A group whose cell rests on fewer than `minimum`
///    respondents (`n < minimum`, empty groups included) is withheld.
/// 2. **Complementary.** The overall figure is published, so the withheld
///    groups together — plus the respondents who gave no answer to the
///    breakdown question (the *residual*, never published on its own) — can be
///    recovered as "overall minus the published groups". If that hidden
///    remainder rests on more than 0 but fewer than `minimum` respondents, the
///    published group with the smallest n (the earliest on a tie) is withheld
///    too. Every published group has n ≥ `minimum`, so one extra cell always
///    brings the remainder to `minimum` or more; if no group is left to
///    withhold, the remainder is the overall figure itself, which is published
///    anyway.
///
/// After this, any sum or difference of published cells either is a published
/// cell (n ≥ `minimum`), the overall figure, or covers the hidden remainder
/// (0 or ≥ `minimum` respondents). Crossing two breakdowns is not audited (the
/// cells of different breakdowns overlap in ways a subtraction cannot isolate
/// in general); reports cross one breakdown at a time.
public enum CellSuppression {
  /// For each group's cell `n` (in group order), `nil` when published or the
  /// reason it is withheld. `overall` is the n of the overall figure (≥ Σ n:
  /// the difference is the residual).
  public static func decide(groupCounts: [Int], overall: Int, minimum: Int) -> [SuppressionReason?] {
    var decisions: [SuppressionReason?] = groupCounts.map { $0 < minimum ? .belowMinimum : nil }
    let published = groupCounts.indices.filter { decisions[$0] == nil }
    let publishedTotal = published.reduce(0) { $0 + groupCounts[$1] }
    let hidden = overall - publishedTotal
    if hidden > 0, hidden < minimum {
      let smallest = published.min { a, b in
        groupCounts[a] != groupCounts[b] ? groupCounts[a] < groupCounts[b] : a < b
      }
      if let smallest { decisions[smallest] = .complementary }
    }
    return decisions
  }
}
