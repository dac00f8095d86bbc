import CSV
import Foundation

/// Reads a form saved as CSV, in either layout people export:
///
/// - pyxform's single file, where a row whose first cell names a sheet
///   (`survey`, `choices`, `settings`) starts that sheet and the sheet's own
///   rows follow with an empty first cell;
/// - one file per sheet: `FORM.csv` (or `FORM-survey.csv`) is the survey,
///   with `FORM-choices.csv` / `FORM_choices.csv` / `choices.csv` and the
///   same for `settings` beside it.
///
/// Commas, semicolons (French spreadsheets) and tabs are recognised from the
/// first line; a byte-order mark is skipped. Row numbers count lines.
enum CSVFormReader {
  static let sheetNames: Set<String> = [
    "survey", "choices", "settings", "bilan", "external_choices", "entities",
  ]

  static func sheets(of url: URL) throws(ReadFailure) -> [SheetTable] {
    let rows = try records(of: url)
    let first = rows.first { !$0.cells.allSatisfy(\.isEmpty) }
    if let first, sheetNames.contains(first[0].lowercased()), first.cells.dropFirst().allSatisfy(\.isEmpty) {
      return multiSheet(rows)
    }
    var tables = [SheetTable(name: "survey", rows: rows.filter(\.hasContent))]
    let folder = url.deletingLastPathComponent()
    var base = url.deletingPathExtension().lastPathComponent
    for suffix in ["-survey", "_survey", ".survey"] where base.lowercased().hasSuffix(suffix) {
      base = String(base.dropLast(suffix.count))
    }
    for sheet in ["choices", "settings", "bilan"] {
      let candidates = [
        "\(base)-\(sheet).csv", "\(base)_\(sheet).csv", "\(base).\(sheet).csv", "\(sheet).csv",
      ]
      for name in candidates {
        let sibling = folder.appendingPathComponent(name)
        guard sibling.path != url.path, FileManager.default.fileExists(atPath: sibling.path) else { continue }
        tables.append(SheetTable(name: sheet, rows: try records(of: sibling).filter(\.hasContent)))
        break
      }
    }
    return tables
  }

  private static func multiSheet(_ rows: [SheetRow]) -> [SheetTable] {
    var tables: [SheetTable] = []
    for row in rows where row.hasContent {
      let head = row[0].trimmingCharacters(in: .whitespaces)
      if !head.isEmpty {
        tables.append(SheetTable(name: head, rows: []))
        let rest = Array(row.cells.dropFirst())
        if rest.contains(where: { !$0.isEmpty }) {
          tables[tables.count - 1].rows.append(SheetRow(number: row.number, cells: rest))
        }
      } else if !tables.isEmpty {
        tables[tables.count - 1].rows.append(
          SheetRow(number: row.number, cells: Array(row.cells.dropFirst())))
      }
    }
    return tables
  }

  private static func records(of url: URL) throws(ReadFailure) -> [SheetRow] {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ReadFailure("cannot be read: \(error.localizedDescription)")
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw ReadFailure("\(url.lastPathComponent) is not UTF-8 text; save it as “CSV UTF-8”")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
    let delimiter: UnicodeScalar =
      [";", "\t", ","].max { a, b in
        firstLine.filter { $0 == Character(a) }.count < firstLine.filter { $0 == Character(b) }.count
      } ?? ","
    var rows: [SheetRow] = []
    do {
      let reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
      var line = 1
      while let record = reader.next() {
        rows.append(SheetRow(number: line, cells: record))
        line += 1 + record.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
      }
      if let error = reader.error { throw error }
    } catch {
      throw ReadFailure("\(url.lastPathComponent) is not valid CSV (\(error))")
    }
    return rows
  }
}

extension SheetRow {
  var hasContent: Bool { cells.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
}
