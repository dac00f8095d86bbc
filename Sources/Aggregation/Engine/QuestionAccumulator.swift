import Foundation
import SurveyDefinition

/// The running counts of one question instance: counts per code or scale
/// point, never the answers themselves.
struct QuestionAccumulator: Sendable {
  let instance: QuestionInstance
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
  /// Matrix: the answer key of each row, built once.
  let rowKeys: [String]

  init(instance: QuestionInstance) {
    self.instance = instance
    if case .matrix(let rows, _) = instance.question.kind {
      rowKeys = rows.map { "\(instance.key).\($0.code)" }
    } else {
      rowKeys = []
    }
    switch instance.question.kind {
    case .ranking(let choices, let pick):
      borda = BordaCount(choices: choices.map(\.code), pick: pick)
    case .matrix(let rows, _):
      rowValues = Array(repeating: CountDistribution(), count: rows.count)
      rowNotApplicable = Array(repeating: 0, count: rows.count)
      alpha = CronbachAlpha(itemCount: rows.count)
    default:
      break
    }
  }

  mutating func add(_ answers: Answers) {
    let key = instance.key
    switch instance.question.kind {
    case .single:
      guard case .code(let code)? = answers[key] else { return }
      answered += 1
      codeCounts[code, default: 0] += 1
    case .multiple:
      guard case .codes(let codes)? = answers[key], !codes.isEmpty else { return }
      answered += 1
      for code in Set(codes) { codeCounts[code, default: 0] += 1 }
    case .ranking:
      guard case .codes(let codes)? = answers[key], !codes.isEmpty else { return }
      answered += 1
      for code in Set(codes) { codeCounts[code, default: 0] += 1 }
      borda?.add(codes)
    case .scale, .nps, .number:
      switch answers[key] {
      case .notApplicable?: notApplicable += 1
      case let answer?:
        guard let value = answer.numericValue else { return }
        answered += 1
        values.add(value)
      case nil: return
      }
    case .boolean:
      guard case .boolean(let value)? = answers[key] else { return }
      answered += 1
      if value { yes += 1 } else { no += 1 }
    case .text, .longText:
      guard let text = answers[key]?.stringValue,
        !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      else { return }
      answered += 1
    case .matrix(let rows, _):
      var given = 0
      var numbers: [Double] = []
      for index in rows.indices {
        switch answers[rowKeys[index]] {
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
      if numbers.count == rows.count { alpha?.add(numbers) }
    case .email:
      return
    }
  }
}
