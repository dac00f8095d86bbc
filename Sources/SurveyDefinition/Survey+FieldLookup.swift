/// Finding the answer field of a key without unrolling the whole survey.
extension Survey {
  /// The field stored under `key` (`q`, `q.ITEM`, `q.ROW`, `q.ITEM.ROW`, `KEY.other`),
  /// or `nil` when the survey has none.
  ///
  /// Reads the key apart (question id, then loop item, then matrix row or
  /// `other`), so it costs one question lookup; a ``SurveyFlow`` answers from a
  /// dictionary built once (``SurveyFlow/field(forKey:)``).
  public func field(forKey key: String) -> AnswerField? {
    var parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard let (question, section) = question(parts.removeFirst()) else { return nil }
    var item: Choice?
    var itemIndex: Int?
    if section.forEach != nil {
      guard !parts.isEmpty, let index = section.items.firstIndex(where: { $0.code == parts[0] }) else {
        return nil
      }
      item = section.items[index]
      itemIndex = index
      parts.removeFirst()
    }
    let instance = QuestionInstance(question: question, section: section, item: item, itemIndex: itemIndex)
    let field: AnswerField
    switch (question.kind, parts.count) {
    case (.matrix, _) where parts.isEmpty:
      return nil  // a matrix stores only its rows
    case (_, 0):
      field = AnswerField(instance: instance, row: nil, isOther: false)
    case (.matrix(let rows, _), 1):
      guard let row = rows.choice(parts[0]) else { return nil }
      field = AnswerField(instance: instance, row: row, isOther: false)
    case (_, 1) where question.kind.hasOther && parts[0] == "other":
      field = AnswerField(instance: instance, row: nil, isOther: true)
    default:
      return nil
    }
    return field.key == key ? field : nil
  }
}
