import Foundation
import Yams

extension SurveyReader {
  static let indicatorKeys = ["id", "label", "kind", "question", "questions", "values", "target", "among"]

  /// The question types each kind fits (the format's table); matrix rows are checked apart.
  static let kindFits: [IndicatorKind: [String]] = [
    .mean: ["scale", "nps", "number"],
    .topBox: ["scale"],
    .share: ["single", "multiple", "boolean"],
    .nps: ["nps"],
    .borda: ["ranking"],
  ]

  func readIndicators(_ node: Node, event: Event?, eventKey: (key: Node, value: Node)?) -> [Indicator] {
    guard let elements = sequence(node, "'indicators'") else { return [] }
    var result: [Indicator] = []
    var firstLine: [String: Int] = [:]
    for element in elements {
      guard let mapping = mapping(element, "an indicator") else { continue }
      var id = ""
      var idNode = element
      var kind: IndicatorKind?
      for (key, value) in mapping {
        if key.string == "id", let value = code(value, "the indicator id") {
          id = value
          idNode = mapping["id"] ?? element
        }
      }
      let context = id.isEmpty ? "an indicator" : "indicator '\(id)'"
      var misplaced: [String: String] = [:]
      if let kindNode = mapping["kind"], let name = string(kindNode, "the kind of \(context)") {
        kind = IndicatorKind(rawValue: name)
        if kind == nil {
          let names = IndicatorKind.allCases.map(\.rawValue)
          let hint = EditDistance.hint(for: name, among: names)
          error(
            kindNode,
            "unknown indicator kind '\(name)'\(hint.isEmpty ? " (\(names.joined(separator: ", ")))" : hint)")
        }
      }
      var allowed = ["id", "label", "kind", "target"]
      if let kind {
        switch kind {
        case .index: allowed.append("questions")
        case .responseRate: break
        case .share: allowed += ["question", "values", "among"]
        default: allowed.append("question")
        }
        for key in Self.indicatorKeys where !allowed.contains(key) {
          let owners: String =
            switch key {
            case "questions": "only to index"
            case "values", "among": "only to share"
            default: "to every kind but index and response_rate"
            }
          misplaced[key] = "key '\(key)' does not apply to an indicator of kind \(kind.rawValue) (\(owners))"
        }
      } else {
        allowed = Self.indicatorKeys
      }
      let fields = entries(mapping, allowed: allowed, in: context, misplaced: misplaced)
      requireKeys(["id", "kind"], in: fields, of: element, context)
      if !id.isEmpty {
        if let line = firstLine[id] {
          error(idNode, "duplicate indicator id '\(id)' (first at line \(line))")
        } else {
          firstLine[id] = location(idNode).line
        }
      }
      let label = fields["label"].flatMap { localizedText($0.value, "the label of \(context)") }
      guard let kind else { continue }
      var indicator = Indicator(id: id, label: label, kind: kind, location: location(idNode))
      var scaleRange: ClosedRange<Int>?
      switch kind {
      case .index:
        requireKeys(["questions"], in: fields, of: element, context)
        if let node = fields["questions"]?.value { indicator.questions = readIndexKeys(node, context) }
      case .responseRate:
        if event?.registered == nil, !registeredIsWritten {
          let kindNode = fields["kind"]?.value
          let place = eventKey == nil ? "the survey has no 'event'" : "'event' has no 'registered' count"
          error(kindNode, "\(context) is a response rate, but \(place) (the number of people registered)")
        }
      default:
        requireKeys(["question"], in: fields, of: element, context)
        if let node = fields["question"]?.value, let key = string(node, "'question' of \(context)") {
          indicator.question = key
          if let target = indicatorTarget(key, node: node, kind: kind, context: context) {
            scaleRange = target.question.kind.scale.map { $0.min...$0.max }
            if case .number = target.question.kind { scaleRange = nil }
            if kind == .share {
              if let valuesNode = fields["values"]?.value {
                indicator.values = readShareValues(valuesNode, question: target.question, context: context)
              } else {
                error(element, "missing key 'values' in \(context) (the answers that count)")
              }
            }
          }
        }
      }
      if let amongNode = fields["among"]?.value {
        indicator.among = readAmong(amongNode, context: context)
      }
      if let targetNode = fields["target"]?.value {
        indicator.target = readTarget(targetNode, kind: kind, scaleRange: scaleRange, context: context)
      }
      result.append(indicator)
    }
    return result
  }

  /// Resolves an indicator's `question` (`q`, `q.item`, `q.row`, `q.item.row`)
  /// and checks that its type fits the kind.
  private func indicatorTarget(
    _ key: String, node: Node, kind: IndicatorKind, context: String
  ) -> (
    question: Question, row: String?
  )? {
    guard let (record, row) = resolveKey(key, node: node, context: context) else { return nil }
    let question = record.question
    let typeName = question.kind.typeName
    let fits = Self.kindFits[kind] ?? []
    if case .matrix(let rows, _) = question.kind {
      if row != nil, kind == .mean || kind == .topBox { return (question, row) }
      let suffix =
        kind == .mean || kind == .topBox
        ? "; name a row, as in '\(key).\(rows.first?.code ?? "row")', or use kind index for the whole matrix"
        : ""
      error(
        node,
        "indicator kind '\(kind.rawValue)' does not fit matrix '\(key)' in \(context) (\(kind.rawValue) fits \(Self.fitsDescription(kind)))\(suffix)"
      )
      return nil
    }
    guard fits.contains(typeName) else {
      error(
        node,
        "indicator kind '\(kind.rawValue)' does not fit question '\(question.id)', \(Self.article(typeName)) \(typeName) question, in \(context) (\(kind.rawValue) fits \(Self.fitsDescription(kind)))"
      )
      return nil
    }
    return (question, row)
  }

  static func fitsDescription(_ kind: IndicatorKind) -> String {
    var names = kindFits[kind] ?? []
    if kind == .mean || kind == .topBox { names.append("matrix rows") }
    return list(names)
  }

  /// Resolves an answer key of a question: the question, then an item of its
  /// loop and a matrix row, both optional. Reports an unknown key.
  private func resolveKey(_ key: String, node: Node, context: String) -> (QuestionRecord, row: String?)? {
    let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard let record = questions[parts[0]] else {
      error(
        node,
        "unknown question '\(parts[0])' in \(context)\(EditDistance.hint(for: parts[0], among: questionOrder))"
      )
      return nil
    }
    guard record.isComplete else { return nil }
    var rest = Array(parts.dropFirst())
    var itemCodes: [String] = []
    if let loop = record.loop {
      itemCodes = itemLists[loop]?.choices.map(\.code) ?? []
      if let first = rest.first, itemCodes.contains(first) { rest.removeFirst() }
    }
    var row: String?
    if case .matrix(let rows, _) = record.question.kind, let first = rest.first,
      rows.contains(where: { $0.code == first })
    {
      row = first
      rest.removeFirst()
    }
    guard rest.isEmpty else {
      var candidates: [String] = []
      for prefix in [record.question.id] + itemCodes.map({ "\(record.question.id).\($0)" }) {
        candidates.append(prefix)
        if case .matrix(let rows, _) = record.question.kind {
          candidates += rows.map { "\(prefix).\($0.code)" }
        }
      }
      error(
        node, "unknown answer key '\(key)' in \(context)\(EditDistance.hint(for: key, among: candidates))")
      return nil
    }
    return (record, row)
  }

  private func readIndexKeys(_ node: Node, _ context: String) -> [String] {
    guard let elements = sequence(node, "'questions' of \(context)") else { return [] }
    if elements.isEmpty { error(node, "'questions' of \(context) is empty") }
    var keys: [String] = []
    var firstLine: [String: Int] = [:]
    for element in elements {
      guard let key = string(element, "a question of \(context)") else { continue }
      if let line = firstLine[key] {
        error(element, "'\(key)' appears twice in \(context) (first at line \(line))")
        continue
      }
      firstLine[key] = location(element).line
      guard let (record, _) = resolveKey(key, node: element, context: context) else { continue }
      switch record.question.kind {
      case .scale, .matrix:
        keys.append(key)
      default:
        error(
          element,
          "'\(key)' in \(context) is \(Self.article(record.question.kind.typeName)) \(record.question.kind.typeName) question; an index averages scale questions and matrix rows"
        )
      }
    }
    return keys
  }

  /// `among: {question: KEY, values: [CODE…]}`: read as written; the
  /// followed survey's definition checks it (`FollowUpCheck`).
  private func readAmong(_ node: Node, context: String) -> OriginalAnswers? {
    guard let mapping = mapping(node, "'among' of \(context)") else { return nil }
    let fields = entries(mapping, allowed: ["question", "values"], in: "'among' of \(context)")
    requireKeys(["question", "values"], in: fields, of: node, "'among' of \(context)")
    guard let questionNode = fields["question"]?.value,
      let question = string(questionNode, "the question of 'among' of \(context)"),
      let valuesNode = fields["values"]?.value,
      let elements = sequence(valuesNode, "'values' of 'among' of \(context)")
    else { return nil }
    if elements.isEmpty { error(valuesNode, "'values' of 'among' of \(context) is empty") }
    var values: [AnswerValue] = []
    var locations: [SourceLocation] = []
    for element in elements {
      if isPlain(element), tagName(element) == .bool, let flag = element.bool {
        values.append(.boolean(flag))
      } else if let code = string(element, "a value of 'among' of \(context)") {
        values.append(.code(code))
      } else {
        continue
      }
      locations.append(location(element))
    }
    return OriginalAnswers(
      question: question, values: values, location: location(questionNode), valueLocations: locations)
  }

  private func readShareValues(_ node: Node, question: Question, context: String) -> [AnswerValue] {
    guard let elements = sequence(node, "'values' of \(context)") else { return [] }
    if elements.isEmpty { error(node, "'values' of \(context) is empty") }
    var values: [AnswerValue] = []
    if case .boolean = question.kind {
      for element in elements {
        guard isPlain(element), tagName(element) == .bool, let value = element.bool else {
          error(
            element,
            "'values' of \(context) must be true or false for the yes/no question '\(question.id)', not \(describe(element))"
          )
          continue
        }
        values.append(.boolean(value))
      }
      return values
    }
    let codes = (question.kind.choices ?? []).map(\.code) + (question.kind.hasOther ? ["other"] : [])
    for element in elements {
      guard let code = string(element, "a value of \(context)") else { continue }
      guard codes.contains(code) else {
        let hint = EditDistance.hint(for: code, among: codes)
        let list = hint.isEmpty ? " (its codes: \(codes.joined(separator: ", ")))" : hint
        error(
          element, "'\(code)' in 'values' of \(context) is not a code of question '\(question.id)'\(list)")
        continue
      }
      values.append(.code(code))
    }
    return values
  }

  private func readTarget(
    _ node: Node, kind: IndicatorKind, scaleRange: ClosedRange<Int>?, context: String
  )
    -> Target?
  {
    guard let text = string(node, "the target of \(context)") else { return nil }
    guard let target = Target(parsing: text) else {
      error(
        node, "the target '\(text)' of \(context) must be a comparison and a number, as in '>= 0.80'")
      return nil
    }
    let value = target.value
    switch kind {
    case .topBox, .share, .responseRate:
      if value < 0 || value > 1 {
        let hint = value > 1 && value <= 100 ? " (did you mean \(Self.format(value / 100))?)" : ""
        error(node, "the target \(Self.format(value)) of \(context) is a proportion between 0 and 1\(hint)")
        return nil
      }
    case .nps:
      if value < -100 || value > 100 {
        error(node, "the target \(Self.format(value)) of \(context) is an NPS, between -100 and 100")
        return nil
      }
    case .index:
      if value < 0 || value > 100 {
        error(node, "the target \(Self.format(value)) of \(context) is an index, between 0 and 100")
        return nil
      }
    case .mean:
      if let scaleRange, value < Double(scaleRange.lowerBound) || value > Double(scaleRange.upperBound) {
        warning(
          node,
          "the target \(Self.format(value)) of \(context) is outside its scale (\(scaleRange.lowerBound) to \(scaleRange.upperBound))"
        )
      }
    case .borda:
      error(node, "\(context) is a Borda score, one per choice, and takes no target")
      return nil
    }
    return target
  }

  func readBreakdowns(_ node: Node) -> [String] {
    guard let elements = sequence(node, "'breakdowns'") else { return [] }
    var result: [String] = []
    var firstLine: [String: Int] = [:]
    for element in elements {
      guard let id = string(element, "a breakdown") else { continue }
      if let line = firstLine[id] {
        error(element, "duplicate breakdown '\(id)' (first at line \(line))")
        continue
      }
      firstLine[id] = location(element).line
      guard let record = questions[id] else {
        error(
          element,
          "unknown question '\(id)' in 'breakdowns'\(EditDistance.hint(for: id, among: questionOrder))")
        continue
      }
      guard record.isComplete else { continue }
      guard case .single = record.question.kind else {
        error(
          element,
          "breakdown '\(id)' is \(Self.article(record.question.kind.typeName)) \(record.question.kind.typeName) question; breakdowns are single-choice questions"
        )
        continue
      }
      if let loop = record.loop {
        error(
          element,
          "breakdown '\(id)' is asked once per item of '\(loop)'; a breakdown must be asked once per response"
        )
        continue
      }
      result.append(id)
    }
    return result
  }
}
