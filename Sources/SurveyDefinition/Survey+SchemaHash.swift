import BilanBase

/// The answer schema of a survey and its fingerprint, which every stored
/// response carries so that answers are never misread after the definition changes.
extension Survey {
  /// Every answer key in asking order with its type and what it accepts.
  public var answerSchema: [FieldSchema] {
    fields.map(FieldSchema.init)
  }

  /// SHA-256 (64 lowercase hex digits) of the canonical text of ``answerSchema``:
  /// `bilan-answer-schema 1` on the first line, then one line per field
  /// (``FieldSchema``: key, type, codes, bounds, not-applicable, max length).
  ///
  /// Stable: it depends on nothing but how answers are stored (not on labels,
  /// conditions, required flags, the survey's id or version), so two definitions
  /// that store the same keys the same way hash the same. A renamed or added
  /// code, a narrowed scale, a removed question or a reordered key changes it.
  public var schemaHash: String {
    var hasher = ContentHash()
    hasher.update("bilan-answer-schema 1\n")
    for field in answerSchema { hasher.update(field.canonicalLine) }
    return hasher.hex()
  }
}
