import Yams

extension SurveyReader {
  /// `synthesis:`: which questions the synthesis tells the day's story with.
  func readSynthesis(_ node: Node) -> SynthesisRoles? {
    guard let mapping = mapping(node, "'synthesis'") else { return nil }
    let fields = entries(
      mapping, allowed: ["discovered", "limits", "territory", "improve", "next_steps"], in: "'synthesis'")
    var roles = SynthesisRoles()
    if let discovered = fields["discovered"]?.value {
      roles.discovered = readDiscovered(discovered)
    }
    if let node = fields["limits"]?.value {
      roles.limits = synthesisQuestion(node, "'limits' of 'synthesis'", types: ["multiple"])
    }
    if let node = fields["territory"]?.value {
      roles.territory = synthesisQuestion(
        node, "'territory' of 'synthesis'", types: ["text", "single"], outsideLoops: true)
    }
    if let node = fields["improve"]?.value, let elements = sequence(node, "'improve' of 'synthesis'") {
      roles.improve = elements.compactMap {
        synthesisQuestion($0, "'improve' of 'synthesis'", types: ["text", "long_text"])
      }
    }
    if let node = fields["next_steps"]?.value, let elements = sequence(node, "'next_steps' of 'synthesis'") {
      roles.nextSteps = elements.compactMap {
        synthesisQuestion(
          $0, "'next_steps' of 'synthesis'",
          types: ["single", "multiple", "boolean", "text", "long_text", "scale", "nps", "number"])
      }
    }
    return roles
  }

  /// `discovered: {question: connaissance, values: [inconnu]}`.
  private func readDiscovered(_ node: Node) -> AnswerSet? {
    let what = "'discovered' of 'synthesis'"
    guard let mapping = mapping(node, what) else { return nil }
    let fields = entries(mapping, allowed: ["question", "values"], in: what)
    requireKeys(["question", "values"], in: fields, of: node, what)
    guard let questionNode = fields["question"]?.value,
      let id = synthesisQuestion(questionNode, what, types: ["single", "multiple"]),
      let valuesNode = fields["values"]?.value, let elements = sequence(valuesNode, "the values of \(what)")
    else { return nil }
    let codes = questions[id]?.question.kind.choices?.map(\.code) ?? []
    var values: [String] = []
    for element in elements {
      guard let value = string(element, "a value of \(what)") else { continue }
      guard codes.contains(value) else {
        error(
          element,
          "'\(value)' in \(what) is not a code of question '\(id)'\(EditDistance.hint(for: value, among: codes))"
        )
        continue
      }
      values.append(value)
    }
    return values.isEmpty ? nil : AnswerSet(question: id, values: values)
  }

  /// A question id of `synthesis:`, checked: known, of one of `types`.
  private func synthesisQuestion(
    _ node: Node, _ what: String, types: [String], outsideLoops: Bool = false
  ) -> String? {
    guard let id = string(node, "a question of \(what)") else { return nil }
    guard let record = questions[id] else {
      error(node, "unknown question '\(id)' in \(what)\(EditDistance.hint(for: id, among: questionOrder))")
      return nil
    }
    let type = record.question.kind.typeName
    guard types.contains(type) else {
      error(
        node,
        "question '\(id)' in \(what) is \(Self.article(type)) \(type) question; \(what) takes \(types.dropLast().joined(separator: ", ") + (types.count > 1 ? " or " : "") + (types.last ?? "")) questions"
      )
      return nil
    }
    if outsideLoops, let loop = record.loop {
      error(
        node,
        "question '\(id)' in \(what) is asked once per item of '\(loop)'; it must be asked once per response")
      return nil
    }
    return id
  }
}
