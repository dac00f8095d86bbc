import Foundation
import SurveyDefinition

/// The columns of the wide CSV export, and how the CSV importer reads them
/// back (`spec/cli.md`, "Export, CSV").
///
/// First the response's own columns (`id`, `survey`, `survey_version`,
/// `status`, `language`, `started_at`, `submitted_at`), then one column per
/// answer key in the survey's order, except: a `multiple` question has one
/// 0/1 column per choice (`KEY/CODE`, `other` last), a `ranking` one column
/// per rank (`KEY/1`, `KEY/2`…), and email questions appear only with contacts.
struct CSVLayout {
  enum Column: Hashable {
    case meta(String)
    /// A one-value key (single code, scale point, number, text, boolean, "other" text, contact).
    case value(key: String)
    /// One choice of a multiple answer: 1 when chosen, 0 when not.
    case choice(key: String, code: String)
    /// One rank (1-based) of a ranking answer.
    case rank(key: String, rank: Int)

    var header: String {
      switch self {
      case .meta(let name): name
      case .value(let key): key
      case .choice(let key, let code): "\(key)/\(code)"
      case .rank(let key, let rank): "\(key)/\(rank)"
      }
    }

    var key: String? {
      switch self {
      case .meta: nil
      case .value(let key), .choice(let key, _), .rank(let key, _): key
      }
    }
  }

  static let metaColumns = [
    "id", "survey", "survey_version", "status", "language", "started_at", "submitted_at",
  ]

  var columns: [Column]

  /// The columns for `flow`'s survey. `extraCodes`, `extraRanks` and
  /// `extraKeys` add columns for stored answers the current definition no
  /// longer has (so an export after a survey change drops nothing).
  init(
    flow: SurveyFlow, includeContacts: Bool, extraCodes: [String: [String]] = [:],
    extraRanks: [String: Int] = [:], extraKeys: [String] = []
  ) {
    var columns = Self.metaColumns.map(Column.meta)
    for field in flow.fields {
      let key = field.key
      if field.valueType == .contact && !includeContacts { continue }
      switch (field.isOther, field.question.kind) {
      case (false, .multiple(let choices, let other, _, _, _)):
        let codes = choices.map(\.code) + (other ? ["other"] : []) + (extraCodes[key] ?? [])
        columns += codes.map { Column.choice(key: key, code: $0) }
      case (false, .ranking(let choices, let pick)):
        let count = max(min(pick, choices.count), extraRanks[key] ?? 0)
        columns += (1...max(count, 1)).map { Column.rank(key: key, rank: $0) }
      default:
        columns.append(.value(key: key))
      }
    }
    columns += extraKeys.map(Column.value)
    self.columns = columns
  }

  /// The column a header names (for reading a CSV), if `flow` has it.
  static func column(header: String, flow: SurveyFlow) -> Column? {
    if metaColumns.contains(header) { return .meta(header) }
    if let field = flow.field(forKey: header) {
      switch (field.isOther, field.question.kind) {
      case (false, .multiple), (false, .ranking): return nil
      default: return .value(key: header)
      }
    }
    guard let slash = header.lastIndex(of: "/") else { return nil }
    let key = String(header[..<slash])
    let suffix = String(header[header.index(after: slash)...])
    guard let field = flow.field(forKey: key), !field.isOther else { return nil }
    switch field.question.kind {
    case .multiple(let choices, let other, _, _, _):
      guard choices.choice(suffix) != nil || (other && suffix == "other") else { return nil }
      return .choice(key: key, code: suffix)
    case .ranking(let choices, let pick):
      guard let rank = Int(suffix), rank >= 1, rank <= min(pick, choices.count), String(rank) == suffix else {
        return nil
      }
      return .rank(key: key, rank: rank)
    default:
      return nil
    }
  }
}

/// Spreadsheet safety: a text cell that a spreadsheet would read as a
/// formula (`= + - @`, tab, carriage return) is written with a leading `'`,
/// and the importer removes it again, so a round trip is exact.
///
/// A text that already starts with `'`s before such a character gets one
/// more, so that removing one on import always gives back the original.
enum FormulaGuard {
  static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

  static func needsGuard(_ text: String) -> Bool {
    guard let first = text.first(where: { $0 != "'" }) else { return false }
    return triggers.contains(first)
  }

  static func guarded(_ text: String) -> String { needsGuard(text) ? "'" + text : text }

  static func unguarded(_ cell: String) -> String {
    guard cell.hasPrefix("'") else { return cell }
    let rest = String(cell.dropFirst())
    return needsGuard(rest) ? rest : cell
  }
}
