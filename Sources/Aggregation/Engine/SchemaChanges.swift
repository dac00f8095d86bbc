import ResponseStore
import SurveyDefinition

/// Notes on stored responses answered with another answer schema than the
/// current definition's: which keys a change affects, and for how many responses.
public enum SchemaChanges {
  /// One warning per changed key of each older schema found in the store,
  /// in the report `language` (French or English).
  ///
  /// Detected: a key no longer in the survey (its answers are not counted), a
  /// key whose type changed, codes no longer in a list (those answers are not
  /// counted in the distribution's known choices), a scale or range narrowed.
  public static func warnings(survey: Survey, stored: [StoredSchema], language: String) -> [SchemaWarning] {
    let french = language.hasPrefix("fr")
    let current = Dictionary(survey.answerSchema.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    var warnings: [SchemaWarning] = []
    for schema in stored where schema.hash != survey.schemaHash && schema.responseCount > 0 {
      let count = schema.responseCount
      guard let fields = schema.record?.fields else {
        warnings.append(
          SchemaWarning(
            key: nil,
            message: french
              ? "réponses saisies avec une autre version du questionnaire, dont le schéma n'a pas été conservé"
              : "responses answered with another version of the survey, whose schema was not kept",
            responses: count))
        continue
      }
      for old in fields {
        guard let new = current[old.key] else {
          warnings.append(
            SchemaWarning(
              key: old.key,
              message: french
                ? "clé absente du questionnaire actuel : ses réponses ne sont pas comptées"
                : "key no longer in the survey: its answers are not counted",
              responses: count))
          continue
        }
        if new.type != old.type {
          warnings.append(
            SchemaWarning(
              key: old.key,
              message: french
                ? "type changé de \(old.type.rawValue) à \(new.type.rawValue)"
                : "type changed from \(old.type.rawValue) to \(new.type.rawValue)",
              responses: count))
          continue
        }
        let removed = (old.codes ?? []).filter { !(new.codes ?? []).contains($0) }
        if !removed.isEmpty {
          let list = removed.joined(separator: ", ")
          warnings.append(
            SchemaWarning(
              key: old.key,
              message: french
                ? "codes retirés de la liste : \(list)" : "codes no longer in the list: \(list)",
              responses: count))
        }
        let narrowedLow = (old.min ?? -.infinity) < (new.min ?? -.infinity)
        let narrowedHigh = (old.max ?? .infinity) > (new.max ?? .infinity)
        if new.codes == nil, narrowedLow || narrowedHigh {
          func bound(_ value: Double?) -> String {
            value.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "…"
          }
          let before = "\(bound(old.min))–\(bound(old.max))"
          let after = "\(bound(new.min))–\(bound(new.max))"
          warnings.append(
            SchemaWarning(
              key: old.key,
              message: french
                ? "échelle réduite de \(before) à \(after)" : "range narrowed from \(before) to \(after)",
              responses: count))
        }
      }
    }
    return warnings
  }
}
