/// A rating scale: integer points from `min` to `max`.
public struct Scale: Sendable, Hashable, Codable {
  /// Id in `scales:`, or `nil` for a scale written inline in a question.
  public var id: String?
  public var min: Int
  public var max: Int
  /// Labels by point; every point, only the two ends, or none.
  public var labels: [Int: LocalizedText]
  /// How many top points count as favourable (default 2).
  public var topBox: Int
  /// The label of the extra "no opinion" answer (stored as null), if offered.
  public var notApplicable: LocalizedText?

  public init(
    id: String? = nil, min: Int, max: Int, labels: [Int: LocalizedText] = [:], topBox: Int = 2,
    notApplicable: LocalizedText? = nil
  ) {
    self.id = id
    self.min = min
    self.max = max
    self.labels = labels
    self.topBox = topBox
    self.notApplicable = notApplicable
  }

  /// Every point, lowest first.
  public var points: ClosedRange<Int> { min...Swift.max(min, max) }

  /// The points counted as favourable: the `topBox` highest.
  public var topPoints: ClosedRange<Int> { Swift.max(min, max - topBox + 1)...max }

  /// The points counted as unfavourable: the `topBox` lowest.
  public var bottomPoints: ClosedRange<Int> { min...Swift.min(max, min + topBox - 1) }

  /// The 0–10 scale of a net promoter question.
  public static let nps = Scale(id: nil, min: 0, max: 10, labels: [:], topBox: 2, notApplicable: nil)
}
