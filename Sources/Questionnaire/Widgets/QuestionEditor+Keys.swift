import SurveyDefinition

extension QuestionEditor {
  /// Applies one key. Keys common to every question (Ctrl-C, resize) are the
  /// session's; everything else is decided here.
  ///
  /// Three rules keep a key from ever recording what the participant did not
  /// mean: the highlighted option is not an answer until chosen; the first
  /// digit of a possible two-digit point waits for the second; and Esc on an
  /// answer asks before erasing it.
  public mutating func handle(_ key: Key) -> EditorOutcome {
    message = nil
    notice = nil
    if confirmingErase {
      confirmingErase = false
      switch key {
      case .character("o"), .character("O"), .character("y"), .character("Y"): return .erase
      default: return .stay  // anything else keeps the answer
      }
    }
    if let pending = pendingDigit {
      pendingDigit = nil
      if let outcome = completePendingDigit(pending, with: key) { return outcome }
      // Any other key drops the waiting digit and does what it always does.
    }
    switch key {
    case .backTab: return .back
    case .escape: return escape()
    default: break
    }
    if !isTyping {
      switch key {
      case .left where !movesAcross: return .back
      case .character("?"): return .help
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

  /// The waiting first digit is taken as it is: called by the session when
  /// no second digit came in time. `.confirm` on a scale; on a grid the row
  /// is rated and the cursor goes down (`.stay`).
  public mutating func resolvePendingDigit() -> EditorOutcome {
    guard let pending = pendingDigit else { return .stay }
    pendingDigit = nil
    return choosePoint(pending) ?? .stay
  }

  /// Whether ← and → move the selection (a scale or a grid drawn across the
  /// window) rather than ← going back (a list drawn down it, a text field).
  public var movesAcross: Bool {
    switch state {
    case .scale(let scale, _, _): Self.scaleIsHorizontal(scale, width: width)
    case .matrix: true
    default: false
    }
  }

  // MARK: Digits

  /// Whether `digit` may begin a two-digit point of `scale` (the 1 of 10):
  /// then it waits for a second digit.
  static func mayBeginTwoDigits(_ digit: Int, in scale: Scale) -> Bool {
    guard digit > 0 else { return false }
    return scale.points.contains { $0 >= 10 && $0 / 10 == digit }
  }

  private var currentScale: Scale? {
    switch state {
    case .scale(let scale, _, _), .matrix(_, let scale, _, _, _): scale
    default: nil
    }
  }

  /// A second key after a waiting digit: a digit makes the two-digit point,
  /// Enter takes the first digit alone. `nil`: the key is handled as usual.
  private mutating func completePendingDigit(_ pending: Int, with key: Key) -> EditorOutcome? {
    guard let scale = currentScale else { return nil }
    if let digit = Self.digit(key) {
      let value = pending * 10 + digit
      guard scale.points.contains(value) else {
        message = words.pointOutOfScale(value, scale)
        return .stay
      }
      return choosePoint(value)
    }
    switch key {
    case .enter, .tab: return choosePoint(pending)
    case .escape: return .stay  // Esc only drops the waiting digit
    default: return nil
    }
  }

  /// A digit typed on a scale or a grid: answers at once, or waits for a
  /// second digit when it can begin one.
  private mutating func typed(_ digit: Int) -> EditorOutcome? {
    guard let scale = currentScale else { return nil }
    if Self.mayBeginTwoDigits(digit, in: scale) {
      guard let index = Self.positions(of: scale).firstIndex(of: digit) ?? nearest(digit, in: scale) else {
        return nil
      }
      pendingDigit = digit
      highlight(index)
      notice = words.waitingForSecondDigit(digit, scale)
      return .stay
    }
    guard scale.points.contains(digit) else { return nil }
    return choosePoint(digit)
  }

  private func nearest(_ digit: Int, in scale: Scale) -> Int? {
    Self.positions(of: scale).firstIndex { ($0 ?? -1) >= digit * 10 }
  }

  /// Moves the highlight of a scale or of the grid's current row.
  private mutating func highlight(_ index: Int) {
    switch state {
    case .scale(let scale, _, let chosen): state = .scale(scale: scale, cursor: index, chosen: chosen)
    case .matrix(let rows, let scale, let row, _, let values):
      state = .matrix(rows: rows, scale: scale, row: row, cursor: index, values: values)
    default: break
    }
  }

  /// Chooses `point` (`nil`: not-applicable) on a scale (`.confirm`) or on
  /// the grid's current row: the cursor goes down a row (`.stay`); after the
  /// last row, to the first row left without a rating, and when every row
  /// has one the grid is done (`.confirm`), as a scale is with one key.
  private mutating func choosePoint(_ point: Int?) -> EditorOutcome? {
    switch state {
    case .scale(let scale, _, _):
      state = .scale(
        scale: scale, cursor: Self.positions(of: scale).firstIndex(of: point), chosen: .some(point))
      return .confirm
    case .matrix(let rows, let scale, var row, _, var values):
      values[row] = .some(point)
      var cursor = Self.positions(of: scale).firstIndex(of: point)
      var outcome = EditorOutcome.stay
      if row < rows.count - 1 {
        row += 1
        cursor = values[row].flatMap { Self.positions(of: scale).firstIndex(of: $0) }
      } else if let open = values.firstIndex(where: { $0 == nil }) {
        row = open
        cursor = nil
      } else {
        outcome = .confirm
      }
      state = .matrix(rows: rows, scale: scale, row: row, cursor: cursor, values: values)
      return outcome
    default: return nil
    }
  }

  // MARK: Confirming, skipping, erasing

  /// Enter (or Tab) with nothing chosen: an optional question is passed, a
  /// required one says what it needs.
  private mutating func confirmOrSkip() -> EditorOutcome {
    if hasAnswer { return .confirm }
    if instance.question.required {
      message = isTyping ? words.typeAnAnswer : words.chooseAnAnswer
      return .stay
    }
    return .skip
  }

  /// Esc: leaves the "other" text; on an answer (stored, or chosen on
  /// screen) asks before erasing it; else passes an optional question.
  private mutating func escape() -> EditorOutcome {
    switch state {
    case .single(let options, let cursor, let chosen, let other, true):
      state = .single(options: options, cursor: cursor, chosen: chosen, other: other, editingOther: false)
      return .stay
    case .multiple(let options, let cursor, let ticked, let other, true):
      state = .multiple(options: options, cursor: cursor, ticked: ticked, other: other, editingOther: false)
      return .stay
    default: break
    }
    if hadStoredAnswer || hasAnswer {
      confirmingErase = true
      return .stay
    }
    if instance.question.required {
      message = isTyping ? words.typeAnAnswer : words.chooseAnAnswer
      return .stay
    }
    return .skip
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

  // MARK: Lists

  /// ↑ ↓ (j k), Home, End on a list of `count`; a first move from no
  /// highlight lands on the first option (the last one for ↑ and End).
  private func move(_ cursor: inout Int?, count: Int, key: Key) -> Bool {
    guard count > 0 else { return false }
    switch key {
    case .up, .character("k"): cursor = cursor.map { max(0, $0 - 1) } ?? count - 1
    case .down, .character("j"): cursor = cursor.map { min(count - 1, $0 + 1) } ?? 0
    case .home, .pageUp: cursor = 0
    case .end, .pageDown: cursor = count - 1
    default: return false
    }
    return true
  }

  private mutating func handleSingle(
    _ key: Key, options: inout [Option], cursor: inout Int?, chosen: inout Int?, other: inout LineEditor?,
    editing: inout Bool
  ) -> EditorOutcome {
    if editing, var editor = other {
      defer { other = editor }
      switch key {
      case .enter, .tab, .controlEnter:
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
    case .enter, .tab, .controlEnter:
      // The highlighted option is chosen only once the participant moved to it.
      guard let index = cursor ?? chosen else { return confirmOrSkip() }
      pickIndex = index
    case .character(" "), .right:
      guard let cursor else { return .stay }
      pickIndex = cursor
    default:
      if let digit = Self.digit(key), digit >= 1, digit <= options.count, options.count <= 9 {
        pickIndex = digit - 1
      }
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
    if key == .character(" ") || key == .right { return .stay }
    return .confirm
  }

  private mutating func handleMultiple(
    _ key: Key, options: [Option], cursor: inout Int?, ticked: inout Set<Int>, other: inout LineEditor?,
    editing: inout Bool
  ) -> EditorOutcome {
    if editing, var editor = other {
      defer { other = editor }
      switch key {
      case .enter, .tab, .controlEnter:
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
    case .character(" "), .right:
      guard let cursor else {
        message = words.moveFirst
        return .stay
      }
      toggleIndex = cursor
    case .enter, .tab, .controlEnter:
      if ticked.contains(where: { options[$0].code == "other" }),
        other?.text.trimmingCharacters(in: .whitespaces).isEmpty ?? false
      {
        message = words.otherPrompt + "…"
        editing = true
        return .stay
      }
      return confirmOrSkip()
    default:
      if let digit = Self.digit(key), digit >= 1, digit <= options.count, options.count <= 9 {
        toggleIndex = digit - 1
      }
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

  // MARK: Scales and grids

  /// The positions of a scale in order: its points, then not-applicable (`nil`) when offered.
  static func positions(of scale: Scale) -> [Int?] {
    scale.points.map { Optional($0) } + (scale.notApplicable != nil ? [nil] : [])
  }

  /// ← → (h l) across a scale or a grid row; from no highlight, → lands on
  /// the first point and ← on the last.
  private func moveAcross(_ cursor: inout Int?, positions: [Int?], key: Key) -> Bool {
    let last = positions.count - 1
    let lastPoint = positions.lastIndex { $0 != nil } ?? last
    switch key {
    case .right, .character("l"): cursor = cursor.map { min(last, $0 + 1) } ?? 0
    case .left, .character("h"): cursor = cursor.map { max(0, $0 - 1) } ?? lastPoint
    default: return false
    }
    return true
  }

  private mutating func handleScale(
    _ key: Key, scale: Scale, cursor: inout Int?, chosen: inout Int??
  ) -> EditorOutcome {
    let positions = Self.positions(of: scale)
    if movesAcross {
      if moveAcross(&cursor, positions: positions, key: key) { return .stay }
      switch key {
      case .up, .character("k"), .down, .character("j"):
        if moveAcross(
          &cursor, positions: positions, key: key == .up || key == .character("k") ? .left : .right)
        {
          return .stay
        }
      default: break
      }
    } else {
      if move(&cursor, count: positions.count, key: key) { return .stay }
      if key == .right, let index = cursor {
        chosen = .some(positions[index])
        return .stay
      }
    }
    switch key {
    case .home:
      cursor = 0
      return .stay
    case .end:
      cursor = positions.count - 1
      return .stay
    case .character(" "):
      guard let index = cursor else { return .stay }
      chosen = .some(positions[index])
      return .stay
    case .enter, .tab, .controlEnter:
      if let index = cursor {
        chosen = .some(positions[index])
        return .confirm
      }
      return confirmOrSkip()
    case .character("n") where scale.notApplicable != nil, .character("N") where scale.notApplicable != nil:
      cursor = positions.count - 1
      chosen = .some(nil)
      return .confirm
    default: break
    }
    if case .character(let character) = key, scale.max == 10,
      character.lowercased() == String(words.tenKey) || character == "=" || character.lowercased() == "t"
    {
      cursor = positions.firstIndex(of: 10)
      chosen = .some(10)
      return .confirm
    }
    if let digit = Self.digit(key), let outcome = typed(digit) {
      // `typed` chose on `self.state`: read it back.
      if case .scale(_, let newCursor, let newChosen) = state {
        cursor = newCursor
        chosen = newChosen
      }
      return outcome
    }
    return .stay
  }

  private mutating func handleMatrix(
    _ key: Key, rows: [Choice], scale: Scale, row: inout Int, cursor: inout Int?, values: inout [Int??]
  ) -> EditorOutcome {
    let positions = Self.positions(of: scale)
    /// Rates the current row through `choosePoint` (which works on `state`), then reads it back.
    func rate(_ point: Int?) -> EditorOutcome {
      state = .matrix(rows: rows, scale: scale, row: row, cursor: cursor, values: values)
      let outcome = choosePoint(point) ?? .stay
      sync()
      return outcome
    }
    func sync() {
      if case .matrix(_, _, let newRow, let newCursor, let newValues) = state {
        row = newRow
        cursor = newCursor
        values = newValues
      }
    }
    func goTo(_ newRow: Int) {
      row = newRow
      cursor = values[row].flatMap { positions.firstIndex(of: $0) }
    }
    if moveAcross(&cursor, positions: positions, key: key) { return .stay }
    switch key {
    case .up, .character("k"): goTo(max(0, row - 1))
    case .down, .character("j"): goTo(min(rows.count - 1, row + 1))
    case .home: goTo(0)
    case .end: goTo(rows.count - 1)
    case .character(" "):
      guard let index = cursor else { return .stay }
      return rate(positions[index])
    case .enter, .tab, .controlEnter:
      // A point highlighted on a row not rated with it yet: Enter rates the row.
      if let index = cursor, values[row] != .some(positions[index]) { return rate(positions[index]) }
      return confirmOrSkip()
    case .character("n") where scale.notApplicable != nil, .character("N") where scale.notApplicable != nil:
      return rate(nil)
    default:
      if let digit = Self.digit(key) {
        state = .matrix(rows: rows, scale: scale, row: row, cursor: cursor, values: values)
        let outcome = typed(digit)
        sync()
        return outcome ?? .stay
      }
    }
    return .stay
  }

  // MARK: Ranking and text

  private mutating func handleRanking(
    _ key: Key, options: [Option], cursor: inout Int?, order: inout [Int], pick: Int
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
    case .character(" "), .right:
      guard let cursor else {
        message = words.moveFirst
        return .stay
      }
      toggle(cursor)
    case .character("+"), .character("-"):
      guard let cursor, let position = order.firstIndex(of: cursor) else { return .stay }
      let target = key == .character("+") ? position - 1 : position + 1
      guard order.indices.contains(target) else { return .stay }
      order.swapAt(position, target)
    case .enter, .tab, .controlEnter: return confirmOrSkip()
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
    case .enter where !editor.multiline, .tab, .controlEnter, .control("d"):
      return confirmOrSkip()
    case .enter:
      if !editor.insert("\n") { message = words.characters(editor.count, editor.maxLength) }
    case .left where editor.text.isEmpty:
      return .back
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
