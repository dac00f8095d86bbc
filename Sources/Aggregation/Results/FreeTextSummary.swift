/// The free-text answers of one answer key, masked, with their word frequencies.
public struct FreeTextSummary: Sendable, Equatable, Codable {
  /// The answer key (`q`, `q.ITEM`, or `KEY.other`).
  public var key: String
  /// The question's id.
  public var questionID: String
  /// The question's label in the report language (`{item}` replaced; for an
  /// "other" text, the label of the question it belongs to).
  public var label: String
  /// The loop item, inside a `for_each` section.
  public var item: CodeLabel?
  /// `true` for the "Other (specify)" text of a single or multiple question.
  public var isOther: Bool
  /// The non-blank answers, in response order, cleaned and masked: all of
  /// them, or the first `AggregationOptions.verbatimLimit` (see `total`).
  public var answers: [FreeTextAnswer]
  /// How many non-blank answers there are, `answers` or not.
  public var total: Int
  /// Words cited, most frequent first (ties alphabetical), stop words removed;
  /// counted over every answer (all `total` of them), at most 50 entries.
  public var wordFrequencies: [WordFrequency]

  /// `answers` holds only the first of the `total` answers.
  public var isTruncated: Bool { answers.count < total }

  /// `total` defaults to `answers.count` (every answer kept).
  public init(
    key: String, questionID: String, label: String, item: CodeLabel?, isOther: Bool,
    answers: [FreeTextAnswer], total: Int? = nil,
    wordFrequencies: [WordFrequency]
  ) {
    self.key = key
    self.questionID = questionID
    self.label = label
    self.item = item
    self.isOther = isOther
    self.answers = answers
    self.total = max(total ?? answers.count, answers.count)
    self.wordFrequencies = wordFrequencies
  }
}

/// One free-text answer, safe to print: control characters (other than newline
/// and tab) removed, email addresses and phone numbers replaced by "[masqué]" /
/// "[masked]". It is still participant text: renderers escape it for their format.
public struct FreeTextAnswer: Sendable, Equatable, Codable {
  public var text: String
  /// The respondent's breakdown groups (question id → code, `other` included);
  /// absent keys: not answered.
  public var groups: [String: String]
  /// `true` when the respondent belongs to a breakdown group with fewer
  /// included responses than `minGroupSize`: reports must not quote it.
  public var fromSmallGroup: Bool

  public init(text: String, groups: [String: String], fromSmallGroup: Bool) {
    self.text = text
    self.groups = groups
    self.fromSmallGroup = fromSmallGroup
  }
}

/// A word and how many times it occurs.
public struct WordFrequency: Sendable, Equatable, Codable {
  /// Lowercased, accents kept.
  public var word: String
  public var count: Int

  public init(word: String, count: Int) {
    self.word = word
    self.count = count
  }
}
