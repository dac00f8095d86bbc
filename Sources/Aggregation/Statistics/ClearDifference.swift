/// When two figures of the same block (the tools of one group, the obstacles
/// of a ranking) differ clearly enough to be ranked.
///
/// One figure is *clearly ahead* of another when its 95 % interval lies
/// wholly above the other's: the reported low end of the first is above the
/// reported high end of the second. Overlapping intervals are "no clear
/// difference at this n", however far apart the values look; equal reported
/// values are a tie. Non-overlap is a conservative test (two intervals may
/// overlap a little and the difference still be significant), which is the
/// right side to err on in a report to a funder. A figure without an interval
/// (a single answer) is never clearly apart from anything.
public enum ClearDifference {
  /// For each figure, the positions of the figures it is clearly ahead of.
  public static func aheadOf(_ intervals: [ConfidenceInterval?], unit: IndicatorUnit) -> [[Int]] {
    intervals.map { interval in
      guard let interval else { return [] }
      let low = unit.reported(interval.low)
      return intervals.indices.filter { other in
        guard let second = intervals[other] else { return false }
        return low > unit.reported(second.high)
      }
    }
  }
}
