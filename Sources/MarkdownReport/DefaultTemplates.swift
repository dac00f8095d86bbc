/// The templates shipped with bilan, embedded in the binary from
/// `Templates/*.mustache` so the tool needs no resource files beside it.
enum DefaultTemplates {
  static func synthesis(_ language: ReportLanguage) -> String {
    switch language {
    case .french: String(decoding: PackageResources.synthese_fr_mustache, as: UTF8.self)
    case .english: String(decoding: PackageResources.synthesis_en_mustache, as: UTF8.self)
    }
  }

  static func consolidated(_ language: ReportLanguage) -> String {
    switch language {
    case .french: String(decoding: PackageResources.synthese_consolidee_fr_mustache, as: UTF8.self)
    case .english: String(decoding: PackageResources.consolidated_synthesis_en_mustache, as: UTF8.self)
    }
  }
}
