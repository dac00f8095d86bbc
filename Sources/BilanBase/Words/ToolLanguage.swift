import Foundation

/// A language bilan writes its own words in: prompts and hints, report prose,
/// table headers. The survey's texts are the survey's, in any language it
/// defines; these are the tool's, and exist only where a table of
/// ``ToolWords`` does.
public enum ToolLanguage: String, CaseIterable, Sendable, Hashable {
  case french = "fr"
  case english = "en"

  /// The language of a code as surveys and `--lang` write them (`fr`, `en`,
  /// `fr-CA`, `en_GB`), or an error naming the languages bilan speaks.
  public init(code: String) throws(ToolLanguageError) {
    let base = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init)
    guard let base, let language = ToolLanguage(rawValue: base) else { throw .unsupported(code: code) }
    self = language
  }

  /// The tool's words in this language.
  package var words: ToolWords {
    switch self {
    case .french: .french
    case .english: .english
    }
  }
}

/// A language bilan has no words of its own in.
public enum ToolLanguageError: Error, LocalizedError, Equatable, Sendable {
  /// `code` is neither French nor English.
  case unsupported(code: String)

  public var errorDescription: String? {
    switch self {
    case .unsupported(let code):
      let known = ToolLanguage.allCases.map(\.rawValue).joined(separator: ", ")
      return
        "bilan has no words of its own in '\(code)' (its prompts, table headers and report prose exist in \(known)): "
        + "give --lang with one of these, or add the survey's texts in one of them"
    }
  }
}

extension ToolWords {
  /// The words of the language `code`, once a caller has checked it with
  /// ``ToolLanguage/init(code:)`` (the engine does, for every result it
  /// makes); English for a code that was not checked.
  package static func resolved(_ code: String) -> ToolWords {
    ((try? ToolLanguage(code: code)) ?? .english).words
  }
}
