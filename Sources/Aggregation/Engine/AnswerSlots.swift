import SurveyDefinition

/// The answer keys the accumulators read, each given a slot: a response's
/// answers are looked up once per key, into `AnswerSlots.Values`, and every
/// accumulator reads its slots from there (no key hashed twice per response).
struct AnswerSlots: Sendable {
  /// The keys, in slot order.
  private(set) var keys: [String] = []
  private var index: [String: Int] = [:]

  /// The slot of `key`, made on first use.
  mutating func slot(_ key: String) -> Int {
    if let slot = index[key] { return slot }
    index[key] = keys.count
    keys.append(key)
    return keys.count - 1
  }
}

/// One response's answers by slot (`nil`: not answered).
typealias SlotValues = [AnswerValue?]
