/// The language a synthesis is written in: its prose, its typography and its
/// chart labels.
///
/// Survey content (labels, verbatims) stays in the survey's own words; only
/// the text the report writes around it is French or English. A survey in
/// another language gets English prose.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
  case french = "fr"
  case english = "en"

  /// `fr` (or `fr-…`) is French; every other code is English.
  public init(code: String) {
    self = code.lowercased().hasPrefix("fr") ? .french : .english
  }

  /// The language code labels are looked up with.
  public var code: String { rawValue }

  /// The synthesis file name, without extension: `synthese` or `synthesis`.
  public var baseName: String {
    switch self {
    case .french: "synthese"
    case .english: "synthesis"
    }
  }
}
