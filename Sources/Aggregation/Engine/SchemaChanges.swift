import ResponseStore
import SurveyDefinition

/// Notes, in the report language, on stored responses answered with another
/// answer schema than the current definition's: which keys a change affects,
/// and for how many responses.
///
/// The analysis itself is the store's (`SurveyChanges.check(survey:store:)`,
/// which reads the stored answers to count exactly the responses a change
/// touches); this only words it for people, in French or English.
public enum SchemaChanges {
  /// One warning per change, plus one for responses whose schema the store did not keep.
  public static func warnings(from changes: SurveyChanges, language: String) -> [SchemaWarning] {
    let french = language.hasPrefix("fr")
    var warnings: [SchemaWarning] = changes.changes.map { change in
      SchemaWarning(
        key: change.key, message: message(change.kind, french: french), responses: change.affectedResponses)
    }
    if changes.unrecordedResponses > 0 {
      warnings.append(
        SchemaWarning(
          key: nil,
          message: french
            ? "réponses saisies avec une autre version du questionnaire, dont le schéma n’a pas été conservé"
            : "responses answered with another version of the survey, whose schema was not kept",
          responses: changes.unrecordedResponses))
    }
    return warnings
  }

  private static func message(_ kind: SurveyChanges.Change.Kind, french: Bool) -> String {
    func bounds(_ range: ClosedRange<Double>?) -> String {
      guard let range else { return "…" }
      func number(_ value: Double) -> String {
        value.isInfinite
          ? "…" : value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
      }
      return "\(number(range.lowerBound))–\(number(range.upperBound))"
    }
    switch kind {
    case .keyRemoved:
      return french
        ? "clé absente du questionnaire actuel : ses réponses ne sont pas comptées"
        : "key no longer in the survey: its answers are not counted"
    case .typeChanged(let from, let to):
      return french
        ? "type changé de \(from.rawValue) à \(to.rawValue)"
        : "type changed from \(from.rawValue) to \(to.rawValue)"
    case .codesRemoved(let codes):
      let list = codes.joined(separator: ", ")
      return french ? "codes retirés de la liste : \(list)" : "codes no longer in the list: \(list)"
    case .rangeNarrowed(let from, let to):
      return french
        ? "échelle réduite de \(bounds(from)) à \(bounds(to))"
        : "range narrowed from \(bounds(from)) to \(bounds(to))"
    case .notApplicableRemoved:
      return french
        ? "la réponse « sans objet » n’est plus proposée" : "the not-applicable answer is no longer offered"
    case .maxLengthReduced(let from, let to):
      return french
        ? "textes limités à \(to) caractères (au lieu de \(from.map(String.init) ?? "sans limite"))"
        : "texts limited to \(to) characters (was \(from.map(String.init) ?? "unlimited"))"
    }
  }
}
