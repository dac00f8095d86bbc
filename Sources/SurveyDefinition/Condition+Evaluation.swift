/// Evaluating `when:` conditions on answers, with the rules of `spec/survey-format.md`:
///
/// - Inside a `for_each` section a bare id refers first to the same iteration's
///   answer (`valeur` is `valeur.ITEM`, `temps.row` is `temps.ITEM.row`), else to the
///   key itself (`Survey.resolve(reference:item:in:)`).
/// - An unanswered question, or a not-applicable (null) answer, compares false with
///   everything, `!=` included; so `not (q == 1)` is true when `q` is unanswered.
/// - `answered(q)` is true for any given answer, not-applicable included; for a
///   matrix id it is true when any of its rows is answered.
/// - `==` and `!=` compare numbers with numbers (integer and number answers, number
///   literals), strings with strings (code and text answers, string literals) and
///   booleans with booleans. Values of different kinds are neither equal nor
///   unequal: every comparison between them is false (lint rejects them).
/// - `<`, `<=`, `>`, `>=` hold only between two numbers.
/// - `lhs in [v1, v2, …]` holds when `lhs == vi` for some `vi`.
/// - `lhs contains v` holds when `lhs` is a multiple or ranking answer whose codes
///   include the string `v`.
/// - A lone value used as a truth value (`when: "suivi"`) holds iff it is
///   `true`: a `boolean` answer of yes, the literal `true`, `answered(q)` of a given
///   answer, or a parenthesised condition that holds. Any other answer (a code, a
///   number, a list) is not true.
extension Condition {
  /// Whether the condition holds on `answers`, evaluated at a point of the flow of
  /// `survey`: `item` is the code of the current `for_each` item, `nil` outside loops.
  ///
  /// Builds the survey's key set on every call; when evaluating many times, use
  /// ``evaluate(answers:item:in:keys:)`` or a ``SurveyFlow``.
  public func evaluate(answers: Answers, item: String?, in survey: Survey) -> Bool {
    evaluate(answers: answers, item: item, in: survey, keys: Set(survey.fields.map(\.key)))
  }

  /// Whether the condition holds on `answers`, with the survey's answer keys
  /// (`Set(survey.fields.map(\.key))`) computed once by the caller.
  public func evaluate(answers: Answers, item: String?, in survey: Survey, keys: Set<String>) -> Bool {
    CompiledCondition(self, item: item, survey: survey, keys: keys).evaluate { answers[$0] }
  }
}

/// A condition with every reference resolved to an answer key for one point of
/// the flow, so that evaluating it on many responses only looks answers up.
struct CompiledCondition: Sendable, Hashable {
  indirect enum Node: Sendable, Hashable {
    case or(Node, Node)
    case and(Node, Node)
    case not(Node)
    case comparison(Term, ComparisonOperator, Term)
    case membership(Term, [Term])
    case contains(Term, Term)
    case truth(Term)
  }

  indirect enum Term: Sendable, Hashable {
    /// The answer under this key; `nil` when the reference names no answer key.
    case answer(String?)
    /// `answered(q)`: true when any of these keys has an answer.
    case answered([String])
    case literal(Scalar)
    case group(Node)
  }

  /// A value as conditions see it: answers and literals reduced to comparable kinds.
  enum Scalar: Sendable, Hashable {
    /// Unanswered or not applicable: compares false with everything.
    case missing
    case number(Double)
    case string(String)
    case boolean(Bool)
    case codes([String])

    init(_ value: AnswerValue?) {
      switch value {
      case nil, .notApplicable?: self = .missing
      case .code(let text)?, .text(let text)?: self = .string(text)
      case .integer(let number)?: self = .number(Double(number))
      case .number(let number)?: self = .number(number)
      case .boolean(let flag)?: self = .boolean(flag)
      case .codes(let codes)?: self = .codes(codes)
      }
    }

    /// `true` or `false` when both are present and of the same kind, `nil` otherwise.
    func equals(_ other: Scalar) -> Bool? {
      switch (self, other) {
      case (.number(let a), .number(let b)): a == b
      case (.string(let a), .string(let b)): a == b
      case (.boolean(let a), .boolean(let b)): a == b
      case (.codes(let a), .codes(let b)): a == b
      default: nil
      }
    }
  }

  let root: Node

  init(_ condition: Condition, item: String?, survey: Survey, keys: Set<String>) {
    root = Self.compile(condition, item: item, survey: survey, keys: keys)
  }

  private static func compile(
    _ condition: Condition, item: String?, survey: Survey, keys: Set<String>
  ) -> Node {
    func node(_ condition: Condition) -> Node { compile(condition, item: item, survey: survey, keys: keys) }
    func term(_ operand: ConditionOperand) -> Term {
      switch operand {
      case .reference(let id, _):
        return .answer(survey.resolve(reference: id, item: item, in: keys))
      case .number(let value): return .literal(.number(value))
      case .string(let value): return .literal(.string(value))
      case .boolean(let value): return .literal(.boolean(value))
      case .group(let inner): return .group(node(inner))
      case .answered(let id, _):
        if let key = survey.resolve(reference: id, item: item, in: keys) { return .answered([key]) }
        // A matrix id: answered when any row is.
        if let (question, _) = survey.question(id), case .matrix(let rows, _) = question.kind {
          return .answered(
            rows.compactMap { survey.resolve(reference: "\(id).\($0.code)", item: item, in: keys) })
        }
        return .answered([])
      }
    }
    switch condition {
    case .or(let lhs, let rhs): return .or(node(lhs), node(rhs))
    case .and(let lhs, let rhs): return .and(node(lhs), node(rhs))
    case .not(let inner): return .not(node(inner))
    case .comparison(let lhs, let op, let rhs): return .comparison(term(lhs), op, term(rhs))
    case .membership(let lhs, let list): return .membership(term(lhs), list.map(term))
    case .contains(let lhs, let rhs): return .contains(term(lhs), term(rhs))
    case .value(let operand): return .truth(term(operand))
    }
  }

  /// Whether the condition holds, reading answers through `lookup` (answer key → value).
  func evaluate(_ lookup: (String) -> AnswerValue?) -> Bool {
    Self.evaluate(root, lookup)
  }

  private static func evaluate(_ node: Node, _ lookup: (String) -> AnswerValue?) -> Bool {
    switch node {
    case .or(let lhs, let rhs): return evaluate(lhs, lookup) || evaluate(rhs, lookup)
    case .and(let lhs, let rhs): return evaluate(lhs, lookup) && evaluate(rhs, lookup)
    case .not(let inner): return !evaluate(inner, lookup)
    case .comparison(let lhs, let op, let rhs):
      return compare(value(lhs, lookup), op, value(rhs, lookup))
    case .membership(let lhs, let list):
      let left = value(lhs, lookup)
      if case .missing = left { return false }
      return list.contains { left.equals(value($0, lookup)) == true }
    case .contains(let lhs, let rhs):
      guard case .codes(let codes) = value(lhs, lookup), case .string(let code) = value(rhs, lookup) else {
        return false
      }
      return codes.contains(code)
    case .truth(let term):
      return value(term, lookup) == .boolean(true)
    }
  }

  private static func value(_ term: Term, _ lookup: (String) -> AnswerValue?) -> Scalar {
    switch term {
    case .answer(let key?): Scalar(lookup(key))
    case .answer(nil): .missing
    case .answered(let keys): .boolean(keys.contains { lookup($0) != nil })
    case .literal(let scalar): scalar
    case .group(let node): .boolean(evaluate(node, lookup))
    }
  }

  private static func compare(_ lhs: Scalar, _ op: ComparisonOperator, _ rhs: Scalar) -> Bool {
    switch op {
    case .equal: return lhs.equals(rhs) == true
    case .notEqual: return lhs.equals(rhs) == false
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      guard case .number(let a) = lhs, case .number(let b) = rhs else { return false }
      switch op {
      case .less: return a < b
      case .lessOrEqual: return a <= b
      case .greater: return a > b
      default: return a >= b
      }
    }
  }
}
