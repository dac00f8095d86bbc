import Foundation
import Yams

/// The type a condition operand has, for checking comparisons at lint time.
enum OperandType {
  /// A single answer: one code of `codes`.
  case code(question: String, codes: [String])
  /// A multiple or ranking answer.
  case codes(question: String, codes: [String], typeName: String)
  /// A scale, nps, matrix row or number answer; `range` for scales.
  case numeric(question: String, range: ClosedRange<Int>?)
  case boolean(question: String)
  case text(question: String)
  case literalNumber(Double, offset: Int)
  case literalString(String, offset: Int)
  case literalBoolean(Bool, offset: Int)
  /// `answered(q)` or a parenthesised condition.
  case truth
  /// Already reported, or not checkable.
  case unknown

  var description: String {
    switch self {
    case .code(let question, _): "question '\(question)', a choice code,"
    case .codes(let question, _, let typeName):
      "question '\(question)', a \(typeName) answer (a list of codes),"
    case .numeric(let question, _): "question '\(question)', a number,"
    case .boolean(let question): "question '\(question)', true or false,"
    case .text(let question): "question '\(question)', a text,"
    case .literalNumber(let value, _): "the number \(SurveyReader.format(value))"
    case .literalString(let value, _): "the text '\(value)'"
    case .literalBoolean(let value, _): value ? "true" : "false"
    case .truth: "a condition"
    case .unknown: "a value"
    }
  }

  /// The broad family used for compatibility: 0 code/text, 1 number, 2 boolean, 3 codes.
  var family: Int? {
    switch self {
    case .code, .text, .literalString: 0
    case .numeric, .literalNumber: 1
    case .boolean, .literalBoolean, .truth: 2
    case .codes: 3
    case .unknown: nil
    }
  }

  var literalOffset: Int? {
    switch self {
    case .literalNumber(_, let offset), .literalString(_, let offset), .literalBoolean(_, let offset): offset
    default: nil
    }
  }

  var isReference: Bool {
    switch self {
    case .code, .codes, .numeric, .boolean, .text: true
    default: false
    }
  }
}

/// Checks one parsed condition against the questions asked before it.
final class ConditionChecker {
  let reader: SurveyReader
  let parsed: ParsedCondition
  /// Questions at this flow position or later cannot be referred to.
  let flowIndex: Int
  let questionId: String?
  let loop: String?
  /// "the condition of question 'x'".
  let what: String
  private var literalIndex = 0

  init(
    reader: SurveyReader, parsed: ParsedCondition, flowIndex: Int, questionId: String?, loop: String?,
    what: String
  ) {
    self.reader = reader
    self.parsed = parsed
    self.flowIndex = flowIndex
    self.questionId = questionId
    self.loop = loop
    self.what = what
  }

  private func report(_ offset: Int, _ message: String, severity: Diagnostic.Severity = .error) {
    reader.diagnostics.append(
      Diagnostic(severity, at: reader.conditionLocation(parsed.node, offset: offset), message))
  }

  func check() { check(parsed.condition) }

  private func check(_ condition: Condition) {
    switch condition {
    case .or(let left, let right), .and(let left, let right):
      check(left)
      check(right)
    case .not(let inner):
      check(inner)
    case .comparison(let left, let comparison, let right):
      let leftType = type(of: left)
      let rightType = type(of: right)
      compare(leftType, comparison, rightType, rightOperand: right)
    case .membership(let left, let values):
      let leftType = type(of: left)
      for value in values {
        compare(leftType, .equal, type(of: value), rightOperand: value, keyword: "in")
      }
    case .contains(let left, let right):
      let leftType = type(of: left)
      let rightType = type(of: right)
      checkContains(leftType, rightType, left: left)
    case .value(let operand):
      let valueType = type(of: operand)
      switch valueType {
      case .code, .codes, .numeric, .text:
        if case .reference(let name, let range) = operand {
          report(
            range.offset,
            "\(what) uses question '\(name)' as true or false, but it is not a yes/no question; compare it (as in \(name) == …) or write answered(\(name))"
          )
        }
      case .literalNumber(_, let offset), .literalString(_, let offset):
        report(offset, "\(what) is \(valueType.description), which is not true or false")
      default:
        break
      }
    }
  }

  /// The type of an operand, reporting unknown or misplaced references.
  private func type(of operand: ConditionOperand) -> OperandType {
    switch operand {
    case .number(let value):
      return .literalNumber(value, offset: nextLiteralOffset())
    case .string(let value):
      return .literalString(value, offset: nextLiteralOffset())
    case .boolean(let value):
      return .literalBoolean(value, offset: nextLiteralOffset())
    case .group(let condition):
      check(condition)
      return .truth
    case .answered(let name, let range):
      _ = resolve(name, range)
      return .truth
    case .reference(let name, let range):
      return resolve(name, range)
    }
  }

  private func nextLiteralOffset() -> Int {
    defer { literalIndex += 1 }
    return literalIndex < parsed.literalOffsets.count ? parsed.literalOffsets[literalIndex] : 0
  }

  /// The answer key a reference names, as the evaluator resolves it, and its type.
  private func resolve(_ name: String, _ range: SourceRange) -> OperandType {
    let parts = name.split(separator: ".").map(String.init)
    guard let record = reader.questions[parts[0]] else {
      report(
        range.offset,
        "unknown question '\(parts[0])' in \(what)\(EditDistance.hint(for: parts[0], among: reader.questionOrder))"
      )
      return .unknown
    }
    let question = record.question
    if question.id == questionId {
      report(range.offset, "\(what) refers to the question itself")
      return .unknown
    }
    if record.flowIndex >= flowIndex {
      report(
        range.offset,
        "\(what) refers to question '\(question.id)', which is asked later (line \(question.location.line))")
      return .unknown
    }
    guard record.isComplete else { return .unknown }
    var rest = Array(parts.dropFirst())
    if let questionLoop = record.loop {
      let items = reader.itemLists[questionLoop]?.choices.map(\.code) ?? []
      if let first = rest.first, items.contains(first) {
        rest.removeFirst()
      } else if questionLoop != loop {
        if rest.isEmpty || !(isRow(rest[0], of: question) || rest[0] == "other") {
          if rest.isEmpty {
            report(
              range.offset,
              "\(what) refers to question '\(question.id)', asked once per item of '\(questionLoop)': name the item, as in '\(question.id).\(items.first ?? "item")'"
            )
          } else {
            unknownKey(name, range, record)
          }
          return .unknown
        }
        report(
          range.offset,
          "\(what) refers to question '\(question.id)', asked once per item of '\(questionLoop)': name the item, as in '\(question.id).\(items.first ?? "item").\(rest.joined(separator: "."))'"
        )
        return .unknown
      }
    }
    switch question.kind {
    case .matrix(let rows, let scale):
      guard let row = rest.first else {
        report(
          range.offset,
          "\(what) refers to matrix '\(question.id)' as a whole: name a row, as in '\(name).\(rows.first?.code ?? "row")'"
        )
        return .unknown
      }
      guard rest.count == 1, rows.contains(where: { $0.code == row }) else {
        unknownKey(name, range, record)
        return .unknown
      }
      return .numeric(question: name, range: scale.min...scale.max)
    default:
      if rest == ["other"], question.kind.hasOther { return .text(question: name) }
      guard rest.isEmpty else {
        unknownKey(name, range, record)
        return .unknown
      }
    }
    switch question.kind {
    case .single(let choices, let other):
      return .code(question: name, codes: choices.map(\.code) + (other ? ["other"] : []))
    case .multiple(let choices, let other, _, _, _):
      return .codes(
        question: name, codes: choices.map(\.code) + (other ? ["other"] : []), typeName: "multiple")
    case .ranking(let choices, _):
      return .codes(question: name, codes: choices.map(\.code), typeName: "ranking")
    case .scale(let scale):
      return .numeric(question: name, range: scale.min...scale.max)
    case .nps:
      return .numeric(question: name, range: 0...10)
    case .number:
      return .numeric(question: name, range: nil)
    case .boolean:
      return .boolean(question: name)
    case .text, .longText, .email:
      return .text(question: name)
    case .matrix:
      return .unknown
    }
  }

  private func isRow(_ code: String, of question: Question) -> Bool {
    if case .matrix(let rows, _) = question.kind { return rows.contains { $0.code == code } }
    return false
  }

  private func unknownKey(_ name: String, _ range: SourceRange, _ record: QuestionRecord) {
    let question = record.question
    var keys = [question.id]
    let items = record.loop.flatMap { reader.itemLists[$0]?.choices.map(\.code) } ?? []
    let prefixes = [question.id] + items.map { "\(question.id).\($0)" }
    for prefix in prefixes {
      keys.append(prefix)
      if case .matrix(let rows, _) = question.kind { keys += rows.map { "\(prefix).\($0.code)" } }
      if question.kind.hasOther { keys.append("\(prefix).other") }
    }
    report(
      range.offset, "unknown answer key '\(name)' in \(what)\(EditDistance.hint(for: name, among: keys))")
  }

  private func offset(of operand: ConditionOperand, _ type: OperandType) -> Int {
    if let offset = type.literalOffset { return offset }
    if case .reference(_, let range) = operand { return range.offset }
    if case .answered(_, let range) = operand { return range.offset }
    return 0
  }

  private func compare(
    _ left: OperandType, _ comparison: ComparisonOperator, _ right: OperandType,
    rightOperand: ConditionOperand,
    keyword: String? = nil
  ) {
    guard let leftFamily = left.family, let rightFamily = right.family else { return }
    let operatorName = keyword ?? comparison.rawValue
    // Point at the literal when there is one (the value to fix), else at the right operand.
    let (reference, other) = left.literalOffset != nil && right.isReference ? (right, left) : (left, right)
    let target = other.literalOffset ?? offset(of: rightOperand, right)
    if case .codes(let question, _, let typeName) = reference {
      report(
        target,
        "\(what) uses '\(operatorName)' on question '\(question)', a \(typeName) answer; test it with 'contains', as in \(question) contains 'code'"
      )
      return
    }
    if case .codes = other {
      report(
        target, "\(what) compares \(reference.description) with \(other.description) which needs 'contains'")
      return
    }
    guard leftFamily == rightFamily else {
      report(target, "\(what) compares \(reference.description) with \(other.description)")
      return
    }
    let ordering = [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(comparison)
    if ordering, leftFamily != 1 {
      report(
        target,
        "\(what) uses '\(comparison.rawValue)' on \(reference.description) but '\(comparison.rawValue)' compares numbers"
      )
      return
    }
    switch (reference, other) {
    case (.code(let question, let codes), .literalString(let value, let offset)):
      if !codes.contains(value) {
        let hint = EditDistance.hint(for: value, among: codes)
        let list = hint.isEmpty ? " (its codes: \(codes.joined(separator: ", ")))" : hint
        report(offset, "'\(value)' in \(what) is not a code of question '\(question)'\(list)")
      }
    case (.numeric(let question, let range?), .literalNumber(let value, let offset)):
      if value < Double(range.lowerBound) || value > Double(range.upperBound) {
        report(
          offset,
          "\(what) compares question '\(question)', answered from \(range.lowerBound) to \(range.upperBound), with \(SurveyReader.format(value)), outside that range",
          severity: .warning)
      }
    default:
      break
    }
  }

  private func checkContains(_ left: OperandType, _ right: OperandType, left leftOperand: ConditionOperand) {
    guard left.family != nil else { return }
    guard case .codes(let question, let codes, _) = left else {
      let typeName: String
      if case .code = left { typeName = "single" } else { typeName = "" }
      let offset = offset(of: leftOperand, left)
      if typeName == "single" {
        report(
          offset,
          "\(what) uses 'contains' on \(left.description) but 'contains' needs a multiple or ranking question; use == or in"
        )
      } else {
        report(
          offset,
          "\(what) uses 'contains' on \(left.description) but 'contains' needs a multiple or ranking question"
        )
      }
      return
    }
    switch right {
    case .literalString(let value, let offset):
      if !codes.contains(value) {
        let hint = EditDistance.hint(for: value, among: codes)
        let list = hint.isEmpty ? " (its codes: \(codes.joined(separator: ", ")))" : hint
        report(offset, "'\(value)' in \(what) is not a code of question '\(question)'\(list)")
      }
    case .literalNumber(_, let offset), .literalBoolean(_, let offset):
      report(
        offset,
        "\(what) tests whether question '\(question)' contains \(right.description), which is not a code")
    default:
      break
    }
  }
}

extension SurveyReader {
  /// Checks every section and question condition once all questions are known.
  func checkConditions() {
    for record in sectionRecords {
      guard let parsed = record.condition else { continue }
      ConditionChecker(
        reader: self, parsed: parsed, flowIndex: record.firstFlowIndex, questionId: nil,
        loop: record.section.forEach, what: "the condition of section '\(record.section.id)'"
      ).check()
    }
    for id in questionOrder {
      guard let record = questions[id], let parsed = record.condition else { continue }
      ConditionChecker(
        reader: self, parsed: parsed, flowIndex: record.flowIndex, questionId: id, loop: record.loop,
        what: "the condition of question '\(id)'"
      ).check()
    }
  }
}
