/// The answer rules of `spec/survey-format.md`, one value at a time.
extension AnswerField {
  /// The longest "Other (specify)" text accepted, in characters (a `text` default).
  public static let otherTextMaxLength = 500

  /// Checks that `value` may be stored under this field, or throws why not.
  ///
  /// - code (single): a code of the choices, or `"other"` when other is offered.
  /// - codes (multiple): known codes, no duplicates, in choice order with `"other"`
  ///   last, an `exclusive` code alone, between `min` and `max` selections (an
  ///   exclusive code alone satisfies `min`). An empty list is "nothing chosen".
  /// - codes (ranking): known, distinct codes, exactly `pick` of them (all the
  ///   choices when there are fewer), best first.
  /// - integer (scale, matrix row, nps): a point of the scale; null only when the
  ///   scale offers not-applicable (nps never does).
  /// - integer or number (number): within `min`/`max`, whole when `integer: true`
  ///   (then stored as `.integer`), finite; a non-integer number question stores `.number`.
  /// - text (text, long_text, other text): at most `max_length` characters
  ///   (grapheme clusters, as a participant counts), no NUL, and no line break
  ///   except in long_text.
  /// - contact (email): a text that ``AnswerField/isValidEmail(_:)`` accepts.
  /// - boolean: `.boolean`.
  ///
  /// Conditions, required questions and the `.other` pairing depend on the other
  /// answers: ``Survey/checkResponse(answers:contacts:complete:)`` checks those.
  public func check(_ value: AnswerValue) throws(AnswerError) {
    if isOther {
      guard case .text(let text) = value else { throw wrongType(value) }
      try checkText(text, maxLength: Self.otherTextMaxLength, multiline: false)
      return
    }
    switch instance.question.kind {
    case .single(let choices, let other):
      guard case .code(let code) = value else { throw notApplicableOrWrongType(value) }
      guard choices.choice(code) != nil || (other && code == "other") else {
        throw .unknownCode(key: key, code: code, allowed: allowedCodes(choices, other: other))
      }
    case .multiple(let choices, let other, let min, let max, let exclusive):
      guard case .codes(let codes) = value else { throw notApplicableOrWrongType(value) }
      try checkMultiple(codes, choices: choices, other: other, min: min, max: max, exclusive: exclusive)
    case .ranking(let choices, let pick):
      guard case .codes(let codes) = value else { throw notApplicableOrWrongType(value) }
      try checkRanking(codes, choices: choices, pick: pick)
    case .scale(let scale), .matrix(_, let scale):
      try checkPoint(value, scale: scale)
    case .nps:
      try checkPoint(value, scale: .nps)
    case .number(let min, let max, let integer):
      try checkNumber(value, min: min, max: max, integer: integer)
    case .text(let maxLength):
      guard case .text(let text) = value else { throw notApplicableOrWrongType(value) }
      try checkText(text, maxLength: maxLength, multiline: false)
    case .longText(let maxLength):
      guard case .text(let text) = value else { throw notApplicableOrWrongType(value) }
      try checkText(text, maxLength: maxLength, multiline: true)
    case .email:
      guard case .text(let text) = value else { throw notApplicableOrWrongType(value) }
      guard Self.isValidEmail(text) else { throw .invalidEmail(key: key) }
    case .boolean:
      guard case .boolean = value else { throw notApplicableOrWrongType(value) }
    }
  }

  private func wrongType(_ value: AnswerValue) -> AnswerError {
    .wrongType(key: key, expected: valueType, found: value.summary)
  }

  private func notApplicableOrWrongType(_ value: AnswerValue) -> AnswerError {
    value == .notApplicable ? .notApplicableNotOffered(key: key) : wrongType(value)
  }

  private func allowedCodes(_ choices: [Choice], other: Bool) -> [String] {
    choices.map(\.code) + (other ? ["other"] : [])
  }

  private func checkMultiple(
    _ codes: [String], choices: [Choice], other: Bool, min: Int?, max: Int?, exclusive: [String]
  ) throws(AnswerError) {
    var seen: Set<String> = []
    var previous = -1
    var ordered = true
    for code in codes {
      let position: Int
      if let index = choices.firstIndex(where: { $0.code == code }) {
        position = index
      } else if other && code == "other" {
        position = choices.count
      } else {
        throw .unknownCode(key: key, code: code, allowed: allowedCodes(choices, other: other))
      }
      guard seen.insert(code).inserted else { throw .duplicateCode(key: key, code: code) }
      if position < previous { ordered = false }
      previous = position
    }
    guard ordered else { throw .codesOutOfOrder(key: key) }
    if codes.count > 1, let code = codes.first(where: exclusive.contains) {
      throw .exclusiveNotAlone(key: key, code: code)
    }
    let exclusiveAlone = codes.count == 1 && exclusive.contains(codes[0])
    if let min, codes.count < min, !exclusiveAlone {
      throw .tooFewSelections(key: key, minimum: min, count: codes.count)
    }
    if let max, codes.count > max {
      throw .tooManySelections(key: key, maximum: max, count: codes.count)
    }
  }

  private func checkRanking(_ codes: [String], choices: [Choice], pick: Int) throws(AnswerError) {
    var seen: Set<String> = []
    for code in codes {
      guard choices.choice(code) != nil else {
        throw .unknownCode(key: key, code: code, allowed: choices.map(\.code))
      }
      guard seen.insert(code).inserted else { throw .duplicateCode(key: key, code: code) }
    }
    let expected = Swift.min(pick, choices.count)
    guard codes.count == expected else {
      throw .wrongRankingLength(key: key, expected: expected, count: codes.count)
    }
  }

  private func checkPoint(_ value: AnswerValue, scale: Scale) throws(AnswerError) {
    switch value {
    case .integer(let point):
      guard point >= scale.min && point <= scale.max else {
        throw .outOfScale(key: key, value: point, min: scale.min, max: scale.max)
      }
    case .notApplicable:
      guard scale.notApplicable != nil else { throw .notApplicableNotOffered(key: key) }
    case .number(let number) where number.isFinite && number.rounded() != number:
      throw .notWholeNumber(key: key, value: number)
    default:
      throw wrongType(value)
    }
  }

  private func checkNumber(
    _ value: AnswerValue, min: Double?, max: Double?, integer: Bool
  ) throws(AnswerError) {
    let number: Double
    switch value {
    case .integer(let whole) where integer:
      number = Double(whole)
    case .number(let fraction) where integer && fraction.isFinite && fraction.rounded() != fraction:
      throw .notWholeNumber(key: key, value: fraction)
    case .number(let real) where !integer && real.isFinite:
      number = real
    default:
      throw notApplicableOrWrongType(value)
    }
    if let min, number < min { throw .outOfRange(key: key, value: number, min: min, max: max) }
    if let max, number > max { throw .outOfRange(key: key, value: number, min: min, max: max) }
  }

  private func checkText(_ text: String, maxLength: Int, multiline: Bool) throws(AnswerError) {
    if text.unicodeScalars.contains("\u{0}") { throw .containsNul(key: key) }
    if !multiline && text.contains(where: \.isNewline) { throw .containsNewline(key: key) }
    let length = text.count
    if length > maxLength { throw .tooLong(key: key, length: length, maxLength: maxLength) }
  }

  /// Whether `text` is an email address, by a pragmatic subset of RFC 5322
  /// (the dot-atom form that people actually type):
  ///
  /// - at most 254 UTF-8 bytes (RFC 5321's path limit), no space or control character;
  /// - `local@domain`, one `@`;
  /// - local part of 1–64 bytes: letters (any script), digits and
  ///   ``!#$%&'*+/=?^_`{|}~-``, in dot-separated non-empty atoms (no leading,
  ///   trailing or doubled dot); quoted local parts are refused;
  /// - domain: at least two dot-separated labels of 1–63 characters, letters (any
  ///   script), digits and inner hyphens; the last label (the TLD) has at least two
  ///   characters and is not all digits. IP-literal domains are refused.
  public static func isValidEmail(_ text: String) -> Bool {
    guard text.utf8.count <= 254, let at = text.lastIndex(of: "@") else { return false }
    let local = text[..<at]
    let domain = text[text.index(after: at)...]
    guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty else { return false }
    let atomSymbols = Set("!#$%&'*+/=?^_`{|}~-".unicodeScalars)
    func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
      scalar.isASCII
        ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
          || scalar.properties.generalCategory == .nonspacingMark
          || scalar.properties.generalCategory == .spacingMark
    }
    let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
    for atom in atoms {
      guard !atom.isEmpty,
        atom.unicodeScalars.allSatisfy({ isWordScalar($0) || atomSymbols.contains($0) })
      else { return false }
    }
    let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return false }
    for label in labels {
      guard !label.isEmpty, label.count <= 63, label.first != "-", label.last != "-",
        label.unicodeScalars.allSatisfy({ isWordScalar($0) || $0 == "-" })
      else { return false }
    }
    let tld = labels[labels.count - 1]
    return tld.count >= 2 && !tld.allSatisfy(\.isNumber)
  }
}

/// Checks that `value` may be stored under `field` (``AnswerField/check(_:)``).
public func check(_ value: AnswerValue, for field: AnswerField) throws(AnswerError) {
  try field.check(value)
}

extension AnswerValue {
  /// A short rendering of the value for error messages (texts cut at 40 characters).
  var summary: String {
    switch self {
    case .code(let code): return "code '\(code)'"
    case .text(let text):
      let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
      return
        "text \"\(cut.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : String($0) }.joined())\""
    case .integer(let value): return "integer \(value)"
    case .number(let value): return "number \(value)"
    case .boolean(let value): return "boolean \(value)"
    case .codes(let codes): return "codes [\(codes.joined(separator: ", "))]"
    case .notApplicable: return "null"
    }
  }
}
