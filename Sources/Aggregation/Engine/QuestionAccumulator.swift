import SurveyDefinition

/// The running counts of one question instance: counts per code or scale
/// point, never the answers themselves.
struct QuestionAccumulator: Sendable {
  /// How an answer is read, decided once from the question's kind.
  enum Reading: Sendable {
    case single, multiple, ranking, numeric, boolean, text, matrix, none
  }

  let instance: QuestionInstance
  let reading: Reading
  /// The slot of the instance's key.
  let slot: Int
  /// Matrix: the slot of each row's key, in row order.
  let rowSlots: [Int]
  var answered = 0
  var notApplicable = 0
  /// Single, multiple (ticked), ranking (ranked at all): count per code.
  var codeCounts: [String: Int] = [:]
  /// Scale, nps, number: count per value.
  var values = CountDistribution()
  var yes = 0
  var no = 0
  var borda: BordaCount?
  /// Matrix: per row, its values and N/A count.
  var rowValues: [CountDistribution] = []
  var rowNotApplicable: [Int] = []
  var alpha: CronbachAlpha?
  /// Matrix: the numbers of the current response, reused from one response to the next.
  private var numbers: [Double] = []

  init(instance: QuestionInstance, slots: inout AnswerSlots) {
    self.instance = instance
    slot = slots.slot(instance.key)
    if case .matrix(let rows, _) = instance.question.kind {
      rowSlots = rows.map { slots.slot("\(instance.key).\($0.code)") }
    } else {
      rowSlots = []
    }
    switch instance.question.kind {
    case .single: reading = .single
    case .multiple: reading = .multiple
    case .ranking(let choices, let pick):
      reading = .ranking
      borda = BordaCount(choices: choices.map(\.code), pick: pick)
    case .scale, .nps, .number: reading = .numeric
    case .boolean: reading = .boolean
    case .text, .longText: reading = .text
    case .matrix(let rows, _):
      reading = .matrix
      rowValues = Array(repeating: CountDistribution(), count: rows.count)
      rowNotApplicable = Array(repeating: 0, count: rows.count)
      alpha = CronbachAlpha(itemCount: rows.count)
      numbers.reserveCapacity(rows.count)
    case .email: reading = .none
    }
  }

  mutating func add(_ answers: SlotValues) {
    switch reading {
    case .single:
      guard case .code(let code)? = answers[slot] else { return }
      answered += 1
      codeCounts[code, default: 0] += 1
    case .multiple:
      guard case .codes(let codes)? = answers[slot], !codes.isEmpty else { return }
      answered += 1
      countOnce(codes)
    case .ranking:
      guard case .codes(let codes)? = answers[slot], !codes.isEmpty else { return }
      answered += 1
      countOnce(codes)
      borda?.add(codes)
    case .numeric:
      switch answers[slot] {
      case .notApplicable?: notApplicable += 1
      case let answer?:
        guard let value = answer.numericValue else { return }
        answered += 1
        values.add(value)
      case nil: return
      }
    case .boolean:
      guard case .boolean(let value)? = answers[slot] else { return }
      answered += 1
      if value { yes += 1 } else { no += 1 }
    case .text:
      guard let text = answers[slot]?.stringValue, !Whitespace.isBlank(text) else { return }
      answered += 1
    case .matrix:
      var given = 0
      numbers.removeAll(keepingCapacity: true)
      for index in rowSlots.indices {
        switch answers[rowSlots[index]] {
        case .notApplicable?:
          given += 1
          rowNotApplicable[index] += 1
        case let answer?:
          guard let value = answer.numericValue else { continue }
          given += 1
          rowValues[index].add(value)
          numbers.append(value)
        case nil:
          continue
        }
      }
      if !numbers.isEmpty {
        answered += 1
      } else if given > 0 {
        notApplicable += 1
      }
      if numbers.count == rowSlots.count { alpha?.add(numbers) }
    case .none:
      return
    }
  }

  /// Counts each distinct code of `codes` once (a list holds a handful).
  private mutating func countOnce(_ codes: [String]) {
    for position in codes.indices where !codes[..<position].contains(codes[position]) {
      codeCounts[codes[position], default: 0] += 1
    }
  }
}
