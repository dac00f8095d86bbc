import Foundation

/// One sheet of a form as text cells: what the xlsx and CSV readers give.
struct SheetTable: Sendable {
  /// The sheet's name as written in the file.
  var name: String
  /// Rows that hold at least one non-blank cell, in order, with the row
  /// number a spreadsheet shows (1-based).
  var rows: [SheetRow]
}

struct SheetRow: Sendable {
  var number: Int
  var cells: [String]

  subscript(column: Int) -> String {
    column < cells.count ? cells[column] : ""
  }
}

/// A sheet whose first row names its columns (`type`, `name`, `label::French (fr)`…).
struct HeaderedSheet {
  var name: String
  /// Column names as written (trimmed), by index.
  var columns: [String]
  var rows: [SheetRow]
  /// The header row's number.
  var headerRow: Int

  init(_ table: SheetTable) {
    name = table.name
    let header = table.rows.first
    headerRow = header?.number ?? 1
    columns = header?.cells.map { $0.trimmingCharacters(in: .whitespaces) } ?? []
    rows = Array(table.rows.dropFirst())
  }

  /// The index of the column named `name` (case-insensitive; `list name` = `list_name`).
  func column(_ name: String) -> Int? {
    columns.firstIndex { Self.normalized($0) == Self.normalized(name) }
  }

  /// The trimmed value of column `name` in `row`, empty when absent.
  func value(_ row: SheetRow, _ name: String) -> String {
    guard let index = column(name) else { return "" }
    return row[index].trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Columns `BASE` and `BASE::LANGUAGE` (`label`, `label::French (fr)`): the
  /// language part (nil for the plain column) and the index.
  func localizedColumns(_ base: String) -> [(language: String?, index: Int)] {
    columns.enumerated().compactMap { index, column in
      let normalized = Self.normalized(column)
      if normalized == Self.normalized(base) { return (nil, index) }
      let prefix = Self.normalized(base) + "::"
      guard normalized.hasPrefix(prefix) else { return nil }
      return (String(column.dropFirst(base.count + 2)).trimmingCharacters(in: .whitespaces), index)
    }
  }

  static func normalized(_ name: String) -> String {
    name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
  }
}
