import SurveyDefinition

/// Whether a figure meets its target, said only as far as the figure's
/// 95 % interval supports it.
///
/// - `met`: the whole interval meets the target (≥ 80 % with [82 % ; 97 %]);
/// - `notMet`: none of it does ([39 % ; 78 %] against ≥ 80 %);
/// - `notConclusive`: the interval straddles the target — at this n the
///   figure may lie on either side ([39 % ; 84 %] against ≥ 80 %), or there
///   is no interval to tell (a mean of one answer).
///
/// A figure that is not an estimate (the response rate counts everyone
/// registered) is met or not by its value alone. The decision is taken on the
/// reported values (`IndicatorUnit.reported`): the verdict agrees with the
/// interval printed beside it.
public enum TargetVerdict: String, Sendable, Equatable, Codable {
  case met
  case notMet = "not_met"
  case notConclusive = "not_conclusive"

  /// The verdict of `value` and its interval against `target`.
  ///
  /// - Parameter isEstimate: `false` for figures without sampling
  ///   uncertainty (response rate): the value decides.
  public static func decide(
    target: Target, value: Double, interval: ConfidenceInterval?, unit: IndicatorUnit, isEstimate: Bool
  ) -> TargetVerdict {
    let shown = unit.reported(value)
    guard isEstimate else { return target.isMet(by: shown) ? .met : .notMet }
    guard let interval else { return .notConclusive }
    let low = unit.reported(interval.low)
    let high = unit.reported(interval.high)
    let lowMeets = target.isMet(by: low)
    let highMeets = target.isMet(by: high)
    switch target.comparison {
    case .atLeast, .greater, .atMost, .less:
      // The condition is monotone in the value: both ends decide.
      if lowMeets && highMeets { return .met }
      if !lowMeets && !highMeets { return .notMet }
      return .notConclusive
    case .equal:
      if low == high && lowMeets { return .met }
      return interval.contains(target.value) || (low <= target.value && target.value <= high)
        ? .notConclusive : .notMet
    }
  }
}
