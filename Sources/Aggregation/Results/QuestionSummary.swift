/// The figures of one question instance (a question, or a question for one
/// `for_each` item), over the included responses.
public struct QuestionSummary: Sendable, Equatable, Codable {
  /// The answer key: `q`, or `q.ITEM` inside a loop.
  public var key: String
  /// The question's id.
  public var questionID: String
  /// The YAML type name (`single`, `scale`, `long_text`, …).
  public var type: String
  /// The question's label in the report language, `{item}` replaced.
  public var label: String
  /// The section's id.
  public var sectionID: String
  /// The section's title in the report language, `{item}` replaced.
  public var sectionTitle: String
  /// The loop item, inside a `for_each` section.
  public var item: CodeLabel?
  /// Responses with an answer, not-applicable excluded (for a matrix: with at
  /// least one row answered, N/A excluded).
  public var answered: Int
  /// Responses whose answer is the scale's not-applicable (for a matrix: every
  /// given row N/A).
  public var notApplicable: Int
  /// Included responses without any answer (skipped, or not shown by a condition).
  public var missing: Int
  /// The distribution of answers, in choice or scale order (`other` last).
  /// For single, scale, nps and boolean: over `answered`, percentages summing
  /// to 100; for multiple: over respondents, may sum over 100; for ranking:
  /// how often each choice was ranked at all. Empty for text, number and matrix
  /// (matrix rows carry their own).
  public var distribution: [DistributionEntry]
  /// `true` when `distribution` shares may sum over 100 % (multiple choice:
  /// each respondent may tick several). Reports say so.
  public var sharesMaySumOver100: Bool
  /// Scale and nps statistics (also for a number question: mean, SD, median).
  public var statistics: ScaleStatistics?
  /// NPS breakdown, for an nps question.
  public var nps: NPSSummary?
  /// Borda scores, for a ranking question.
  public var ranking: RankingSummary?
  /// Rows and reliability, for a matrix question.
  public var matrix: MatrixSummary?

  public init(
    key: String, questionID: String, type: String, label: String, sectionID: String, sectionTitle: String,
    item: CodeLabel?, answered: Int, notApplicable: Int, missing: Int, distribution: [DistributionEntry],
    sharesMaySumOver100: Bool, statistics: ScaleStatistics?, nps: NPSSummary?, ranking: RankingSummary?,
    matrix: MatrixSummary?
  ) {
    self.key = key
    self.questionID = questionID
    self.type = type
    self.label = label
    self.sectionID = sectionID
    self.sectionTitle = sectionTitle
    self.item = item
    self.answered = answered
    self.notApplicable = notApplicable
    self.missing = missing
    self.distribution = distribution
    self.sharesMaySumOver100 = sharesMaySumOver100
    self.statistics = statistics
    self.nps = nps
    self.ranking = ranking
    self.matrix = matrix
  }
}

/// One answer of a distribution: a choice, a scale point, yes or no.
public struct DistributionEntry: Sendable, Equatable, Codable {
  /// The stored value as text: the choice code, the scale point (`"4"`), `"true"`/`"false"`.
  public var value: String
  /// Its label in the report language (the point itself when the scale has no label for it).
  public var label: String
  public var count: Int
  /// `count / base`, unrounded (0–1).
  public var share: Double
  /// The share in whole percent, rounded on its own, half up, from the
  /// exact fraction (`Rounding.percent`): a distribution's percentages may
  /// add up to 99 or 101, and each is the nearest whole percent of its count.
  public var percent: Int

  public init(value: String, label: String, count: Int, share: Double, percent: Int) {
    self.value = value
    self.label = label
    self.count = count
    self.share = share
    self.percent = percent
  }
}

/// Descriptive statistics of numeric answers (scale points, nps scores, numbers).
public struct ScaleStatistics: Sendable, Equatable, Codable {
  /// Answers counted (N/A excluded).
  public var n: Int
  /// Arithmetic mean; `nil` when `n == 0`.
  public var mean: Double?
  /// Median (midpoint of the two middle answers for an even n); `nil` when `n == 0`.
  public var median: Double?
  /// Sample standard deviation (n − 1 denominator); `nil` when `n < 2`.
  public var standardDeviation: Double?
  /// 95 % t-interval of the mean; `nil` when `n < 2`.
  public var ciLow: Double?
  public var ciHigh: Double?
  public var minimum: Double?
  public var maximum: Double?
  /// Answers in the scale's `top_box` highest points (scales only).
  public var topBoxCount: Int?
  /// `topBoxCount / n`.
  public var topBox: Double?
  /// Answers in the scale's `top_box` lowest points (scales only).
  public var bottomBoxCount: Int?
  /// `bottomBoxCount / n`.
  public var bottomBox: Double?
  /// `topBox − bottomBox`, a proportion −1…1 (scales only).
  public var net: Double?

  public init(
    n: Int, mean: Double?, median: Double?, standardDeviation: Double?, ciLow: Double?, ciHigh: Double?,
    minimum: Double?, maximum: Double?, topBoxCount: Int?, topBox: Double?, bottomBoxCount: Int?,
    bottomBox: Double?, net: Double?
  ) {
    self.n = n
    self.mean = mean
    self.median = median
    self.standardDeviation = standardDeviation
    self.ciLow = ciLow
    self.ciHigh = ciHigh
    self.minimum = minimum
    self.maximum = maximum
    self.topBoxCount = topBoxCount
    self.topBox = topBox
    self.bottomBoxCount = bottomBoxCount
    self.bottomBox = bottomBox
    self.net = net
  }
}

/// Promoters, passives and detractors of an nps question.
public struct NPSSummary: Sendable, Equatable, Codable {
  /// Answers counted.
  public var n: Int
  /// Scores 9–10.
  public var promoters: Int
  /// Scores 7–8.
  public var passives: Int
  /// Scores 0–6.
  public var detractors: Int
  /// %promoters − %detractors in points (−100…100); `nil` when `n == 0`.
  public var score: Double?
  /// Standard error in points: 100·√((p + d − (p − d)²) / n).
  public var standardError: Double?
  /// score ± 1.96·SE, clamped to ±100.
  public var ciLow: Double?
  public var ciHigh: Double?

  public init(
    n: Int, promoters: Int, passives: Int, detractors: Int, score: Double?, standardError: Double?,
    ciLow: Double?, ciHigh: Double?
  ) {
    self.n = n
    self.promoters = promoters
    self.passives = passives
    self.detractors = detractors
    self.score = score
    self.standardError = standardError
    self.ciLow = ciLow
    self.ciHigh = ciHigh
  }
}

/// Borda scores of a ranking question.
public struct RankingSummary: Sendable, Equatable, Codable {
  /// How many choices each respondent ranks (`pick`).
  public var pick: Int
  /// Respondents who ranked at least one choice.
  public var respondents: Int
  /// One entry per choice, in choice order (sort by `rank` to list them best first).
  public var choices: [RankingEntry]

  public init(pick: Int, respondents: Int, choices: [RankingEntry]) {
    self.pick = pick
    self.respondents = respondents
    self.choices = choices
  }
}

/// One choice of a ranking question.
public struct RankingEntry: Sendable, Equatable, Codable {
  public var choice: CodeLabel
  /// Mean Borda points per respondent: rank i earns pick − i + 1, unranked 0.
  public var borda: Double
  /// Respondents who ranked it first.
  public var firstCount: Int
  /// `firstCount / respondents`.
  public var firstShare: Double
  /// How many respondents put it at rank 1, 2, … `pick` (index 0 = rank 1).
  public var rankCounts: [Int]
  /// 1 = highest Borda score; ties share a rank.
  public var rank: Int

  public init(
    choice: CodeLabel, borda: Double, firstCount: Int, firstShare: Double, rankCounts: [Int], rank: Int
  ) {
    self.choice = choice
    self.borda = borda
    self.firstCount = firstCount
    self.firstShare = firstShare
    self.rankCounts = rankCounts
    self.rank = rank
  }
}

/// The rows of a matrix question and their reliability.
public struct MatrixSummary: Sendable, Equatable, Codable {
  public var rows: [MatrixRowSummary]
  /// Respondents who answered every row (N/A counts as not answered): the
  /// base of Cronbach's α.
  public var completeRows: Int
  /// Cronbach's α over the rows; `nil` when `completeRows < 10`, with a single
  /// row, or when the total has no variance.
  public var cronbachAlpha: Double?

  public init(rows: [MatrixRowSummary], completeRows: Int, cronbachAlpha: Double?) {
    self.rows = rows
    self.completeRows = completeRows
    self.cronbachAlpha = cronbachAlpha
  }
}

/// One row of a matrix question, summarised like a scale question.
public struct MatrixRowSummary: Sendable, Equatable, Codable {
  /// The row (code and label).
  public var row: CodeLabel
  /// The answer key `q.ROW` or `q.ITEM.ROW`.
  public var key: String
  public var answered: Int
  public var notApplicable: Int
  public var missing: Int
  /// Over `answered`, percentages summing to 100.
  public var distribution: [DistributionEntry]
  public var statistics: ScaleStatistics

  public init(
    row: CodeLabel, key: String, answered: Int, notApplicable: Int, missing: Int,
    distribution: [DistributionEntry], statistics: ScaleStatistics
  ) {
    self.row = row
    self.key = key
    self.answered = answered
    self.notApplicable = notApplicable
    self.missing = missing
    self.distribution = distribution
    self.statistics = statistics
  }
}

/// A `for_each` section: its items and the indicators computed per item.
public struct ItemSection: Sendable, Equatable, Codable {
  public var sectionID: String
  /// The section's title in the report language (`{item}` left as is).
  public var title: String
  /// The item list id (`for_each`).
  public var itemList: String
  /// The items, in list order.
  public var items: [CodeLabel]
  /// Ids of the indicators computed per item in this section, in survey order;
  /// their rows carry the items' ranks.
  public var indicators: [String]

  public init(sectionID: String, title: String, itemList: String, items: [CodeLabel], indicators: [String]) {
    self.sectionID = sectionID
    self.title = title
    self.itemList = itemList
    self.items = items
    self.indicators = indicators
  }
}

/// A breakdown question and the size of each of its groups.
public struct BreakdownSummary: Sendable, Equatable, Codable {
  /// The breakdown question's id.
  public var question: String
  /// Its label in the report language.
  public var label: String
  /// The groups in choice order, `other` last.
  public var groups: [GroupSize]
  /// Included responses that did not answer the breakdown question.
  public var unanswered: Int

  public init(question: String, label: String, groups: [GroupSize], unanswered: Int) {
    self.question = question
    self.label = label
    self.groups = groups
    self.unanswered = unanswered
  }
}

/// One group of a breakdown and its number of included responses.
public struct GroupSize: Sendable, Equatable, Codable {
  public var group: GroupRef
  /// Included responses in the group.
  public var count: Int
  /// `true` when `0 < count < minGroupSize`: reports publish nothing of its
  /// members by group (no indicator cell, no quote).
  public var belowMinimum: Bool

  public init(group: GroupRef, count: Int, belowMinimum: Bool) {
    self.group = group
    self.count = count
    self.belowMinimum = belowMinimum
  }
}
