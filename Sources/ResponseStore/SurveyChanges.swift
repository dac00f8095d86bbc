import Foundation
import SurveyDefinition

/// What changed in a survey's definition since some stored responses were
/// answered, key by key, with how many stored responses each change touches.
///
/// Built by `SurveyChanges.check(survey:store:)` from the answer schemas the
/// store kept (`schemas` table) and the current `Survey.answerSchema`. `lint
/// --store`, `stats` and `report` show it, so that nothing is silently
/// dropped or misread.
public struct SurveyChanges: Sendable, Hashable {
  /// One change of one answer key.
  public struct Change: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
      /// The key no longer exists (question, loop item, matrix row or "other" removed).
      case keyRemoved
      /// The key now holds another type of value.
      case typeChanged(from: AnswerValueType, to: AnswerValueType)
      /// Codes no longer offered (removed, or renamed: the store cannot tell).
      case codesRemoved([String])
      /// The accepted range shrank (scale points, number bounds, how many
      /// selections or ranks).
      case rangeNarrowed(from: ClosedRange<Double>?, to: ClosedRange<Double>?)
      /// The not-applicable answer is no longer offered.
      case notApplicableRemoved
      /// Texts may now be shorter.
      case maxLengthReduced(from: Int?, to: Int)
    }

    public var key: String
    public var kind: Kind
    /// Stored responses answered with an earlier definition whose answer to
    /// `key` the change affects (a value it removes or no longer accepts).
    public var affectedResponses: Int

    public init(key: String, kind: Kind, affectedResponses: Int) {
      self.key = key
      self.kind = kind
      self.affectedResponses = affectedResponses
    }

    /// One line for people: `KEY: what changed (N responses affected)`.
    public var description: String {
      let what: String
      switch kind {
      case .keyRemoved: what = "no longer in the survey"
      case .typeChanged(let from, let to): what = "now holds \(to.rawValue) answers, was \(from.rawValue)"
      case .codesRemoved(let codes):
        what =
          "code\(codes.count == 1 ? "" : "s") \(codes.map { "'\($0)'" }.joined(separator: ", ")) no longer offered "
          + "(removed or renamed)"
      case .rangeNarrowed(let from, let to):
        what = "accepted range narrowed from \(Self.range(from)) to \(Self.range(to))"
      case .notApplicableRemoved: what = "the not-applicable answer is no longer offered"
      case .maxLengthReduced(let from, let to):
        what = "texts limited to \(to) characters (was \(from.map(String.init) ?? "unlimited"))"
      }
      let count = "\(affectedResponses) stored response\(affectedResponses == 1 ? "" : "s") affected"
      return "\(key): \(what) (\(count))"
    }

    private static func range(_ range: ClosedRange<Double>?) -> String {
      guard let range else { return "unbounded" }
      func number(_ value: Double) -> String {
        if value.isInfinite { return value < 0 ? "-∞" : "+∞" }
        return value.rounded() == value && abs(value) < 1e15
          ? String(Int64(value)) : String(describing: value)
      }
      return "\(number(range.lowerBound))–\(number(range.upperBound))"
    }
  }

  /// Schemas other than the current one that stored responses were answered
  /// with, most used first.
  public var earlierSchemas: [StoredSchema]
  /// Every change affecting stored answers, in the earlier schemas' key order.
  public var changes: [Change]
  /// Responses whose definition was not recorded, so they cannot be compared.
  public var unrecordedResponses: Int

  public init(earlierSchemas: [StoredSchema], changes: [Change], unrecordedResponses: Int) {
    self.earlierSchemas = earlierSchemas
    self.changes = changes
    self.unrecordedResponses = unrecordedResponses
  }

  /// `true` when every stored response was answered with the current definition.
  public var isEmpty: Bool { earlierSchemas.isEmpty }

  /// How many stored responses were answered with an earlier definition.
  public var earlierResponses: Int { earlierSchemas.reduce(0) { $0 + $1.responseCount } }

  /// The report for people, one line each: a summary, then one per change.
  public var lines: [String] {
    guard !isEmpty else { return [] }
    let versions = Set(earlierSchemas.compactMap { $0.record?.surveyVersion }).sorted().map(String.init)
    var lines = [
      "\(earlierResponses) stored response\(earlierResponses == 1 ? " was" : "s were") answered with an earlier "
        + "definition of the survey"
        + (versions.isEmpty ? "" : " (version \(versions.joined(separator: ", ")))")
        + (changes.isEmpty ? "; no stored answer is affected" : "; affected keys:")
    ]
    lines += changes.map { "  " + $0.description }
    if unrecordedResponses > 0 {
      lines.append(
        "  \(unrecordedResponses) response\(unrecordedResponses == 1 ? "" : "s") answered with a definition "
          + "the store did not record: their answers cannot be compared")
    }
    return lines
  }

  /// Compares the schemas the stored responses of `survey` were answered
  /// with to its current one. Reads the responses only when some were
  /// answered with another schema (to count the answers each change touches).
  public static func check(survey: Survey, store: any ResponseRepository) throws -> SurveyChanges {
    let current = survey.schemaHash
    let earlier = try store.storedSchemas(survey: survey.id).filter {
      $0.hash != current && $0.responseCount > 0
    }
    guard !earlier.isEmpty else {
      return SurveyChanges(earlierSchemas: [], changes: [], unrecordedResponses: 0)
    }
    let now = Dictionary(survey.answerSchema.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

    // The changes each earlier schema implies, by key, in the schema's order.
    var order: [String] = []
    var kinds: [String: [Change.Kind]] = [:]
    var byHash: [String: [String: [Change.Kind]]] = [:]
    var unrecordedHashes: Set<String> = []
    for schema in earlier {
      guard let fields = schema.record?.fields else {
        unrecordedHashes.insert(schema.hash)
        continue
      }
      var changes: [String: [Change.Kind]] = [:]
      for old in fields {
        let found = compare(old, now[old.key])
        guard !found.isEmpty else { continue }
        changes[old.key] = found
        if kinds[old.key] == nil { order.append(old.key) }
        for kind in found where !(kinds[old.key] ?? []).contains(kind) {
          kinds[old.key, default: []].append(kind)
        }
      }
      byHash[schema.hash] = changes
    }

    // Count, per change, the stored answers it touches.
    var counts: [String: [Int]] = [:]
    for (key, list) in kinds { counts[key] = Array(repeating: 0, count: list.count) }
    var unrecorded = 0
    if !kinds.isEmpty || !unrecordedHashes.isEmpty {
      try store.forEachResponse(survey: survey.id, includePartial: true, includeContacts: true) { response in
        guard response.schemaHash != current else { return }
        if unrecordedHashes.contains(response.schemaHash) {
          unrecorded += 1
          return
        }
        guard let changes = byHash[response.schemaHash] else { return }
        for (key, found) in changes {
          let value = response.answers[key] ?? response.contacts[key].map(AnswerValue.text)
          guard let value else { continue }
          for kind in found where affects(kind, value, now[key]) {
            if let index = kinds[key]?.firstIndex(of: kind) { counts[key]![index] += 1 }
          }
        }
      }
    }
    var changes: [Change] = []
    for key in order {
      for (index, kind) in (kinds[key] ?? []).enumerated() {
        changes.append(Change(key: key, kind: kind, affectedResponses: counts[key]?[index] ?? 0))
      }
    }
    return SurveyChanges(earlierSchemas: earlier, changes: changes, unrecordedResponses: unrecorded)
  }

  /// The changes from `old` to `new` (nil: the key is gone) that can make a
  /// stored answer wrong. Added codes and wider ranges are harmless.
  static func compare(_ old: FieldSchema, _ new: FieldSchema?) -> [Change.Kind] {
    guard let new else { return [.keyRemoved] }
    if old.type != new.type { return [.typeChanged(from: old.type, to: new.type)] }
    var kinds: [Change.Kind] = []
    if let codes = old.codes {
      let removed = codes.filter { !(new.codes ?? []).contains($0) }
      if !removed.isEmpty { kinds.append(.codesRemoved(removed)) }
    }
    let oldRange = range(old)
    let newRange = range(new)
    if let newRange,
      oldRange.map({ $0.lowerBound < newRange.lowerBound || $0.upperBound > newRange.upperBound })
        ?? true
    {
      kinds.append(.rangeNarrowed(from: oldRange, to: newRange))
    }
    if old.naAllowed && !new.naAllowed { kinds.append(.notApplicableRemoved) }
    if let newLength = new.maxLength, (old.maxLength ?? Int.max) > newLength {
      kinds.append(.maxLengthReduced(from: old.maxLength, to: newLength))
    }
    return kinds
  }

  private static func range(_ field: FieldSchema) -> ClosedRange<Double>? {
    guard field.min != nil || field.max != nil else { return nil }
    let low = field.min ?? -.infinity
    let high = field.max ?? .infinity
    return low <= high ? low...high : nil
  }

  /// Whether a stored `value` is one the change makes wrong.
  static func affects(_ kind: Change.Kind, _ value: AnswerValue, _ new: FieldSchema?) -> Bool {
    switch kind {
    case .keyRemoved, .typeChanged:
      return true
    case .codesRemoved(let codes):
      switch value {
      case .code(let code): return codes.contains(code)
      case .codes(let list): return list.contains(where: codes.contains)
      default: return false
      }
    case .rangeNarrowed(_, let to):
      guard let to else { return false }
      switch value {
      case .integer(let integer): return !to.contains(Double(integer))
      case .number(let number): return !to.contains(number)
      case .codes(let list): return !to.contains(Double(list.count))
      default: return false
      }
    case .notApplicableRemoved:
      return value == .notApplicable
    case .maxLengthReduced(_, let to):
      if case .text(let text) = value { return text.count > to }
      return false
    }
  }
}
