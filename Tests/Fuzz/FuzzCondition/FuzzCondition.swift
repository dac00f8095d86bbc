import SurveyDefinition

/// libFuzzer target: arbitrary bytes (decoded as UTF-8, bad bytes replaced)
/// as a `when:` expression.
///
/// The parser must answer every input with a condition or a syntax error
/// whose offset lies inside the text (never crash or overflow the stack); a
/// condition must print (`description`) as text that parses back to a
/// condition printing the same way.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCondition(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes =
    start.map { UnsafeBufferPointer(start: $0, count: count) } ?? UnsafeBufferPointer(start: nil, count: 0)
  let text = String(decoding: bytes, as: UTF8.self)
  let length = text.unicodeScalars.count
  do {
    let condition = try Condition.parse(text)
    for reference in condition.references {
      precondition(
        reference.range.offset >= 0 && reference.range.offset + reference.range.length <= length,
        "reference \(reference.name) outside the condition")
    }
    let printed = condition.description
    do {
      let reparsed = try Condition.parse(printed)
      precondition(
        reparsed.description == printed,
        "'\(printed)' parses back as '\(reparsed.description)'")
    } catch {
      preconditionFailure("'\(text)' prints as '\(printed)', which does not parse: \(error)")
    }
  } catch {
    precondition(error.offset >= 0 && error.offset <= length, "error offset outside the condition: \(error)")
    precondition(!error.message.isEmpty, "a syntax error without a message")
  }
  return 0
}
