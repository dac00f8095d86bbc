import SurveyDefinition

/// One indicator of the survey, computed overall and per breakdown group.
public struct IndicatorResult: Sendable, Equatable, Codable {
  /// The indicator's id in the survey.
  public var id: String
  public var kind: IndicatorKind
  /// The indicator's label (or its question's) in the report language.
  public var label: String
  /// The question id (or matrix row key `q.row`) it rests on; `nil` for index
  /// and response_rate.
  public var question: String?
  /// For `index`: the keys averaged, as written (scale keys, matrix-row keys or matrix ids).
  public var questions: [String]
  /// The unit of `value`, `ciLow`, `ciHigh` and `target`.
  public var unit: IndicatorUnit
  /// The target as written (`">= 0.80"`), `nil` without one.
  public var target: String?
  /// The target's threshold in the indicator's unit.
  public var targetValue: Double?
  /// `true` when computed per item of a `for_each` section (rows carry `item` and `rank`).
  public var perItem: Bool
  /// The range every value and interval of this indicator lies within: the
  /// question's scale for a mean, 0–100 for an index, 0–1 for a proportion,
  /// ±100 for an NPS, 0…pick for Borda points (a number question's own
  /// `min`/`max`, unbounded where it has none).
  public var bounds: ValueBounds
  /// The rows, in the order of `bilan stats --format json`: overall rows first
  /// (items, or borda choices, in order), then each breakdown in survey order,
  /// its groups in choice order with `other` last, and within a group the items
  /// in order.
  public var rows: [IndicatorRow]

  public init(
    id: String, kind: IndicatorKind, label: String, question: String?, questions: [String],
    unit: IndicatorUnit, target: String?, targetValue: Double?, perItem: Bool,
    bounds: ValueBounds = .unbounded, rows: [IndicatorRow]
  ) {
    self.id = id
    self.kind = kind
    self.label = label
    self.question = question
    self.questions = questions
    self.unit = unit
    self.target = target
    self.targetValue = targetValue
    self.perItem = perItem
    self.bounds = bounds
    self.rows = rows
  }

  /// The overall rows (no breakdown group).
  public var overall: [IndicatorRow] { rows.filter { $0.group == nil } }

  /// The rows of breakdown question `question`.
  public func rows(breakdown question: String) -> [IndicatorRow] {
    rows.filter { $0.group?.question == question }
  }
}

/// What an indicator's value measures.
public enum IndicatorUnit: String, Sendable, Equatable, Codable {
  /// A proportion 0–1 (top_box, share, response_rate).
  case proportion
  /// Points −100…+100 (nps).
  case points
  /// The question's own scale units (mean).
  case scaleUnits = "scale_units"
  /// 0–100 (index).
  case index
  /// Mean Borda points per respondent, 0…pick (borda).
  case bordaPoints = "borda_points"
}

/// One figure of an indicator: overall or for one breakdown group, for one
/// item (or borda choice) or the whole question.
///
/// A suppressed row has `suppressed == true` and `n`, `value`, `ciLow`,
/// `ciHigh`, `met`, `verdict`, `count`, `parts`, `rank` and `clearlyAheadOf` all `nil`.
public struct IndicatorRow: Sendable, Equatable, Codable {
  /// The `for_each` item, or for a borda indicator the choice the row scores;
  /// `nil` for a whole-question row.
  public var item: CodeLabel?
  /// The breakdown group; `nil` for an overall row.
  public var group: GroupRef?
  /// What the value rests on (see the format's table of kinds); `nil` when suppressed.
  public var n: Int?
  /// The unrounded value in the indicator's unit; `nil` when suppressed or when
  /// nothing was answered (`n == 0`).
  public var value: Double?
  /// Lower end of the 95 % interval; `nil` for kinds without one (borda,
  /// response_rate), when suppressed, or when it cannot be computed (a t-interval needs n ≥ 2).
  public var ciLow: Double?
  /// Upper end of the 95 % interval.
  public var ciHigh: Double?
  /// Whether the value itself meets the indicator's target; `nil` without a
  /// target or a value. Reports say `verdict`, which weighs the interval.
  public var met: Bool?
  /// The target verdict as the interval supports it: met, not met, or not
  /// conclusive at this n (see `TargetVerdict`); `nil` without a target or a value.
  public var verdict: TargetVerdict?
  /// For a proportion (top_box, share): how many of the `n` respondents count.
  public var count: Int?
  /// For a share counting several answers: each answer's own count, in the
  /// indicator's order (“new intention” and “already under way” apart).
  public var parts: [SharePart]?
  /// 1 = highest reported value among the items (or borda choices) of the
  /// same group (or overall); equal reported values are a tie and share a
  /// rank (1, 2, 2, 4). `nil` outside loops and borda, and for rows without a value.
  public var rank: Int?
  /// For ranked rows: the item (or borda choice) codes of the same block
  /// whose 95 % interval lies wholly below this row's (see `ClearDifference`).
  public var clearlyAheadOf: [String]?
  /// `true` when the cell is withheld (below `minGroupSize`, or complementary).
  public var suppressed: Bool
  /// Why the cell is withheld; `nil` when published.
  public var suppression: SuppressionReason?

  public init(
    item: CodeLabel?, group: GroupRef?, n: Int?, value: Double?, ciLow: Double?, ciHigh: Double?,
    met: Bool?, verdict: TargetVerdict? = nil, count: Int? = nil, parts: [SharePart]? = nil, rank: Int?,
    clearlyAheadOf: [String]? = nil, suppressed: Bool, suppression: SuppressionReason?
  ) {
    self.item = item
    self.group = group
    self.n = n
    self.value = value
    self.ciLow = ciLow
    self.ciHigh = ciHigh
    self.met = met
    self.verdict = verdict
    self.count = count
    self.parts = parts
    self.rank = rank
    self.clearlyAheadOf = clearlyAheadOf
    self.suppressed = suppressed
    self.suppression = suppression
  }

  /// A withheld cell: no value, n, interval, verdict or rank.
  public static func suppressed(item: CodeLabel?, group: GroupRef, reason: SuppressionReason) -> IndicatorRow
  {
    IndicatorRow(
      item: item, group: group, n: nil, value: nil, ciLow: nil, ciHigh: nil, met: nil, rank: nil,
      suppressed: true, suppression: reason)
  }
}

/// One answer counted by a share indicator, on its own.
public struct SharePart: Sendable, Equatable, Codable {
  /// The answer (a choice code, or `true`/`false`) and its label.
  public var answer: CodeLabel
  /// Respondents whose answer is (or, for a multiple question, contains) it.
  public var count: Int
  /// `count / n` of the row.
  public var share: Double
  /// Its 95 % Wilson interval.
  public var ciLow: Double
  public var ciHigh: Double

  public init(answer: CodeLabel, count: Int, share: Double, ciLow: Double, ciHigh: Double) {
    self.answer = answer
    self.count = count
    self.share = share
    self.ciLow = ciLow
    self.ciHigh = ciHigh
  }
}

/// A breakdown group: the breakdown question and one of its answers.
public struct GroupRef: Sendable, Equatable, Hashable, Codable {
  /// The breakdown question's id (`role`).
  public var question: String
  /// The answer code (`elu`), or `other` for "Other (specify)".
  public var code: String
  /// The answer's label in the report language.
  public var label: String

  public init(question: String, code: String, label: String) {
    self.question = question
    self.code = code
    self.label = label
  }
}

/// Why a breakdown cell is withheld.
public enum SuppressionReason: String, Sendable, Equatable, Codable {
  /// The cell rests on fewer respondents than `privacy.min_group_size`.
  case belowMinimum = "below_minimum"
  /// Withheld so that a small cell cannot be recovered by subtracting the
  /// published groups from the overall figure.
  case complementary
}
