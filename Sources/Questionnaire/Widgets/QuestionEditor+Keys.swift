import SurveyDefinition

extension QuestionEditor {
  /// Applies one key. Keys common to every question (Ctrl-C, resize) are the
  /// session's; everything else is decided here.
  public mutating func handle(_ key: Key) -> EditorOutcome {
    message = nil
    // Keys with the same meaning on every question.
    switch key {
    case .backTab: return .back
    case .escape:
      if case .single(let options, let cursor, let chosen, let other, true) = state {
        state = .single(options: options, cursor: cursor, chosen: chosen, other: other, editingOther: false)
        return .stay
      }
      if case .multiple(let options, let cursor, let ticked, let other, true) = state {
        state = .multiple(options: options, cursor: cursor, ticked: ticked, other: other, editingOther: false)
        return .stay
      }
      if instance.question.required {
        message = words.required
        return .stay
      }
      return .skip
    default: break
    }
    if !isTyping {
      switch key {
      case .left: return .back
      case .character("?"): return .help
      case .tab: return confirmIfAnswered()
      default: break
      }
    }
    switch state {
    case .single(var options, var cursor, var chosen, var other, var editing):
      let outcome = handleSingle(
        key, options: &options, cursor: &cursor, chosen: &chosen, other: &other, editing: &editing)
      state = .single(options: options, cursor: cursor, chosen: chosen, other: other, editingOther: editing)
      return outcome
    case .multiple(let options, var cursor, var ticked, var other, var editing):
      let outcome = handleMultiple(
        key, options: options, cursor: &cursor, ticked: &ticked, other: &other, editing: &editing)
      state = .multiple(options: options, cursor: cursor, ticked: ticked, other: other, editingOther: editing)
      return outcome
    case .scale(let scale, var cursor, var chosen):
      let outcome = handleScale(key, scale: scale, cursor: &cursor, chosen: &chosen)
      state = .scale(scale: scale, cursor: cursor, chosen: chosen)
      return outcome
    case .matrix(let rows, let scale, var row, var cursor, var values):
      let outcome = handleMatrix(key, rows: rows, scale: scale, row: &row, cursor: &cursor, values: &values)
      state = .matrix(rows: rows, scale: scale, row: row, cursor: cursor, values: values)
      return outcome
    case .ranking(let options, var cursor, var order, let pick):
      let outcome = handleRanking(key, options: options, cursor: &cursor, order: &order, pick: pick)
      state = .ranking(options: options, cursor: cursor, order: order, pick: pick)
      return outcome
    case .text(var editor):
      let outcome = handleText(key, editor: &editor)
      state = .text(editor)
      return outcome
    }
  }

  private mutating func confirmIfAnswered() -> EditorOutcome {
    if hasAnswer { return .confirm }
    message = instance.question.required ? words.required : skipHint
    return .stay
  }

  var skipHint: String {
    words.language == "fr"
      ? "Aucune réponse : \(words.escapeKey) pour passer cette question."
      : "No answer: \(words.escapeKey) skips this question."
  }

  /// Whether the widget holds an answer to store.
  public var hasAnswer: Bool {
    switch state {
    case .single(_, _, let chosen, _, _): chosen != nil
    case .multiple(_, _, let ticked, _, _): !ticked.isEmpty
    case .scale(_, _, let chosen): chosen != nil
    case .matrix(_, _, _, _, let values): values.contains { $0 != nil }
    case .ranking(_, _, let order, _): !order.isEmpty
    case .text(let editor): !editor.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
  }

  private func move(_ cursor: inout Int, count: Int, key: Key) -> Bool {
    switch key {
    case .up, .character("k"): cursor = max(0, cursor - 1)
    case .down, .character("j"): cursor = min(count - 1, cursor + 1)
    case .home, .pageUp: cursor = 0
    case .end, .pageDown: cursor = count - 1
    default: return false
    }
    return true
  }

  private mutating func handleSingle(
    _ key: Key, options: inout [Option], cursor: inout Int, chosen: inout Int?, other: inout LineEditor?,
    editing: inout Bool
  ) -> EditorOutcome {
    if editing, var editor = other {
      defer { other = editor }
      switch key {
      case .enter, .tab:
        if editor.text.trimmingCharacters(in: .whitespaces).isEmpty {
          message = words.otherPrompt + "…"
          return .stay
        }
        return .confirm
      case .up:
        editing = false
        return .stay
      default:
        if !editor.handle(key) { return .stay }
        if editor.count >= editor.maxLength { message = words.characters(editor.count, editor.maxLength) }
        return .stay
      }
    }
    if move(&cursor, count: options.count, key: key) { return .stay }
    var pickIndex: Int? = nil
    switch key {
    case .enter, .character(" "), .right: pickIndex = cursor
    default:
      if let digit = Self.digit(key), digit >= 1, digit <= options.count { pickIndex = digit - 1 }
      if case .character(let character) = key, options.count == 2, options[0].code == "true" {
        switch character.lowercased() {
        case "o", "y": pickIndex = 0
        case "n": pickIndex = 1
        default: break
        }
      }
    }
    guard let index = pickIndex else { return .stay }
    cursor = index
    chosen = index
    if options[index].code == "other", other != nil {
      editing = true
      return .stay
    }
    if key == .character(" ") { return .stay }
    return .confirm
  }

  private mutating func handleMultiple(
    _ key: Key, options: [Option], cursor: inout Int, ticked: inout Set<Int>, other: inout LineEditor?,
    editing: inout Bool
  ) -> EditorOutcome {
    if editing, var editor = other {
      defer { other = editor }
      switch key {
      case .enter, .tab:
        if editor.text.trimmingCharacters(in: .whitespaces).isEmpty {
          message = words.otherPrompt + "…"
          return .stay
        }
        editing = false
        return .stay
      case .up, .down:
        editing = false
        return .stay
      default:
        _ = editor.handle(key)
        return .stay
      }
    }
    if move(&cursor, count: options.count, key: key) { return .stay }
    var toggleIndex: Int? = nil
    switch key {
    case .character(" "): toggleIndex = cursor
    case .enter:
      if ticked.contains(where: { options[$0].code == "other" }),
        other?.text.trimmingCharacters(in: .whitespaces).isEmpty ?? false
      {
        message = words.otherPrompt + "…"
        editing = true
        return .stay
      }
      return confirmIfAnswered()
    default:
      if let digit = Self.digit(key), digit >= 1, digit <= options.count { toggleIndex = digit - 1 }
    }
    guard let index = toggleIndex else { return .stay }
    cursor = index
    guard case .multiple(_, _, _, let maximum, let exclusive) = instance.question.kind else { return .stay }
    if ticked.contains(index) {
      ticked.remove(index)
      return .stay
    }
    if exclusive.contains(options[index].code) {
      ticked = [index]
    } else {
      ticked = ticked.filter { !exclusive.contains(options[$0].code) }
      if let maximum, ticked.count >= maximum {
        message = words.maximumReached(maximum)
        return .stay
      }
      ticked.insert(index)
    }
    if options[index].code == "other", other != nil { editing = true }
    return .stay
  }

  /// The positions of a scale in order: its points, then not-applicable (`nil`) when offered.
  static func positions(of scale: Scale) -> [Int?] {
    scale.points.map { Optional($0) } + (scale.notApplicable != nil ? [nil] : [])
  }

  private mutating func handleScale(
    _ key: Key, scale: Scale, cursor: inout Int?, chosen: inout Int??
  ) -> EditorOutcome {
    let positions = Self.positions(of: scale)
    var index = positions.firstIndex(of: cursor) ?? 0
    switch key {
    case .right, .down, .character("j"), .character("l"):
      index = min(positions.count - 1, index + 1)
      cursor = positions[index]
      return .stay
    case .up, .character("k"):
      index = max(0, index - 1)
      cursor = positions[index]
      return .stay
    case .home: cursor = positions[0]; return .stay
    case .end: cursor = positions[positions.count - 1]; return .stay
    case .character(" "):
      chosen = .some(cursor)
      return .stay
    case .enter:
      chosen = .some(cursor)
      return .confirm
    case .character("n") where scale.notApplicable != nil, .character("N") where scale.notApplicable != nil:
      cursor = nil
      chosen = .some(nil)
      return .confirm
    default: break
    }
    if case .character(let character) = key, scale.max == 10,
      character.lowercased() == String(words.tenKey) || character == "=" || character == "t"
    {
      cursor = 10
      chosen = .some(10)
      return .confirm
    }
    if let digit = Self.digit(key), scale.points.contains(digit) {
      cursor = digit
      chosen = .some(digit)
      return .confirm
    }
    return .stay
  }

  private mutating func handleMatrix(
    _ key: Key, rows: [Choice], scale: Scale, row: inout Int, cursor: inout Int?, values: inout [Int??]
  ) -> EditorOutcome {
    let positions = Self.positions(of: scale)
    var index = positions.firstIndex(of: cursor) ?? 0
    func set(_ value: Int?) {
      values[row] = .some(value)
      if row < rows.count - 1 {
        row += 1
        if let next = values[row] { cursor = next }
      }
    }
    switch key {
    case .up, .character("k"): row = max(0, row - 1)
    case .down, .character("j"): row = min(rows.count - 1, row + 1)
    case .right, .character("l"):
      index = (index + 1) % positions.count
      cursor = positions[index]
    case .character(" "): set(cursor)
    case .character("n") where scale.notApplicable != nil, .character("N") where scale.notApplicable != nil:
      cursor = nil
      set(nil)
    case .enter: return confirmIfAnswered()
    default:
      if let digit = Self.digit(key), scale.points.contains(digit) {
        cursor = digit
        set(digit)
      }
    }
    return .stay
  }

  private mutating func handleRanking(
    _ key: Key, options: [Option], cursor: inout Int, order: inout [Int], pick: Int
  ) -> EditorOutcome {
    if move(&cursor, count: options.count, key: key) { return .stay }
    func toggle(_ index: Int) {
      if let position = order.firstIndex(of: index) {
        order.remove(at: position)
      } else if order.count < pick {
        order.append(index)
      } else {
        message =
          words.language == "fr"
          ? "Déjà \(pick) classés : retirez-en un d’abord." : "Already \(pick) ranked: remove one first."
      }
    }
    switch key {
    case .character(" "), .right: toggle(cursor)
    case .character("+"), .character("-"):
      guard let position = order.firstIndex(of: cursor) else { return .stay }
      let target = key == .character("+") ? position - 1 : position + 1
      guard order.indices.contains(target) else { return .stay }
      order.swapAt(position, target)
    case .enter: return confirmIfAnswered()
    default:
      if let digit = Self.digit(key, azerty: false), digit >= 1, digit <= options.count {
        cursor = digit - 1
        toggle(digit - 1)
      }
    }
    return .stay
  }

  private mutating func handleText(_ key: Key, editor: inout LineEditor) -> EditorOutcome {
    switch key {
    case .enter where !editor.multiline, .tab, .control("d"):
      return confirmIfAnswered()
    case .enter:
      if !editor.insert("\n") { message = words.characters(editor.count, editor.maxLength) }
    default:
      let before = editor.count
      _ = editor.handle(key)
      if case .character = key, editor.count == before, editor.count >= editor.maxLength {
        message = words.characters(editor.count, editor.maxLength)
      }
      if case .paste = key, editor.count >= editor.maxLength {
        message = words.characters(editor.count, editor.maxLength)
      }
    }
    return .stay
  }
}
