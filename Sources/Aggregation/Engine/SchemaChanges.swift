import BilanBase
import ResponseStore
import SurveyDefinition

/// Notes, in the report language, on stored responses answered with another
/// answer schema than the current definition's: which keys a change affects,
/// and for how many responses.
///
/// The analysis itself is the store's (`SurveyChanges.check(survey:store:)`,
/// which reads the stored answers to count exactly the responses a change
/// touches); this only words it for people, in the report language.
public enum SchemaChanges {
  /// One warning per change, plus one for responses whose schema the store did not keep.
  public static func warnings(from changes: SurveyChanges, language: String) -> [SchemaWarning] {
    let words = ToolWords.resolved(language).engine
    var warnings: [SchemaWarning] = changes.changes.map { change in
      SchemaWarning(
        key: change.key, message: message(change.kind, words), responses: change.affectedResponses)
    }
    if changes.unrecordedResponses > 0 {
      warnings.append(
        SchemaWarning(key: nil, message: words.unrecordedSchema, responses: changes.unrecordedResponses))
    }
    return warnings
  }

  private static func message(_ kind: SurveyChanges.Change.Kind, _ words: ToolWords.Engine) -> String {
    func bounds(_ range: ClosedRange<Double>?) -> String {
      guard let range else { return "…" }
      func number(_ value: Double) -> String {
        value.isInfinite
          ? "…" : value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
      }
      return "\(number(range.lowerBound))–\(number(range.upperBound))"
    }
    return switch kind {
    case .keyRemoved: words.keyRemoved
    case .typeChanged(let from, let to): words.typeChanged(from.rawValue, to.rawValue)
    case .codesRemoved(let codes): words.codesRemoved(codes.joined(separator: ", "))
    case .rangeNarrowed(let from, let to): words.rangeNarrowed(bounds(from), bounds(to))
    case .notApplicableRemoved: words.notApplicableRemoved
    case .maxLengthReduced(let from, let to): words.maxLengthReduced(from, to)
    }
  }
}
