import Foundation
import SWXMLHash
import ZIPFoundation

/// Reads the sheets of an xlsx file as text: ZIPFoundation opens the
/// archive, SWXMLHash parses its parts (workbook, relationships, shared
/// strings, sheets).
///
/// Numbers come back as a spreadsheet shows them without a format (`1`, not
/// `1.0`); booleans as `TRUE`/`FALSE`; formulas as their cached value.
enum WorkbookReader {
  /// An xlsx part larger than this, uncompressed, is refused (a form is a few hundred rows).
  static let maximumPartSize: UInt64 = 64 << 20

  /// The sheets, in workbook order.
  ///
  /// - Throws: a `String` reason when the file is not a readable xlsx workbook.
  static func sheets(of url: URL) throws(ReadFailure) -> [SheetTable] {
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw ReadFailure(
        "it is not an xlsx workbook (not a zip archive); save it from your spreadsheet as .xlsx")
    }
    let workbook = try xml(archive, "xl/workbook.xml")
    let relations = try xml(archive, "xl/_rels/workbook.xml.rels")
    var targets: [String: String] = [:]
    for relation in relations["Relationships"]["Relationship"].all {
      guard let element = relation.element, let id = element.attribute(by: "Id")?.text,
        let target = element.attribute(by: "Target")?.text
      else { continue }
      targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }
    let shared =
      archive["xl/sharedStrings.xml"] == nil ? [] : try sharedStrings(xml(archive, "xl/sharedStrings.xml"))
    var tables: [SheetTable] = []
    for sheet in workbook["workbook"]["sheets"]["sheet"].all {
      guard let element = sheet.element, let name = element.attribute(by: "name")?.text else { continue }
      let relation = element.allAttributes.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value.text
      guard let relation, let path = targets[relation] else {
        throw ReadFailure("sheet “\(name)” has no part in the workbook (is the file damaged?)")
      }
      tables.append(SheetTable(name: name, rows: try rows(xml(archive, path), shared: shared)))
    }
    return tables
  }

  private static func xml(_ archive: Archive, _ path: String) throws(ReadFailure) -> XMLIndexer {
    guard let entry = archive[path] else {
      throw ReadFailure("it is a zip archive but not an xlsx workbook (no \(path)); save it as .xlsx")
    }
    guard entry.uncompressedSize <= maximumPartSize else {
      throw ReadFailure(
        "\(path) is larger than \(maximumPartSize >> 20) MiB uncompressed; a form is far smaller")
    }
    var data = Data()
    do {
      _ = try archive.extract(entry) { data.append($0) }
    } catch {
      throw ReadFailure("\(path) cannot be read from the archive (\(error)); is the file damaged?")
    }
    let document = XMLHash.config {
      $0.shouldProcessNamespaces = true
      $0.detectParsingErrors = true
    }.parse(data)
    if case .parsingError(let failure) = document {
      throw ReadFailure("\(path) is not well-formed XML (line \(failure.line), column \(failure.column))")
    }
    return document
  }

  private static func sharedStrings(_ document: XMLIndexer) -> [String] {
    document["sst"]["si"].all.map { item in
      guard let element = item.element else { return "" }
      return text(of: element)
    }
  }

  /// The text of a string item: its `t` children, and those of its rich-text runs (`r`), not phonetic runs.
  private static func text(of element: XMLElement) -> String {
    var result = ""
    for child in element.children {
      guard let child = child as? XMLElement else { continue }
      switch child.name {
      case "t": result += child.text
      case "r":
        result += child.children.compactMap { ($0 as? XMLElement).flatMap { $0.name == "t" ? $0.text : nil } }
          .joined()
      default: break
      }
    }
    return result
  }

  private static func rows(_ document: XMLIndexer, shared: [String]) throws(ReadFailure) -> [SheetRow] {
    var rows: [SheetRow] = []
    var nextRow = 1
    for row in document["worksheet"]["sheetData"]["row"].all {
      guard let element = row.element else { continue }
      let number = element.attribute(by: "r").flatMap { Int($0.text) } ?? nextRow
      nextRow = number + 1
      var cells: [String] = []
      var nextColumn = 0
      for cell in row["c"].all {
        guard let cellElement = cell.element else { continue }
        let column = cellElement.attribute(by: "r").flatMap { columnIndex($0.text) } ?? nextColumn
        nextColumn = column + 1
        guard column < 16_384 else { continue }
        let value = try cellText(cell, cellElement, shared: shared)
        if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
        cells[column] = value
      }
      if cells.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
        rows.append(SheetRow(number: number, cells: cells))
      }
    }
    return rows
  }

  private static func cellText(
    _ cell: XMLIndexer, _ element: XMLElement, shared: [String]
  ) throws(ReadFailure) -> String {
    let type = element.attribute(by: "t")?.text ?? "n"
    let value = cell["v"].element?.text ?? ""
    switch type {
    case "s":
      guard let index = Int(value), shared.indices.contains(index) else {
        throw ReadFailure("a cell refers to shared string \(value), which the workbook does not have")
      }
      return shared[index]
    case "inlineStr":
      return cell["is"].element.map(text(of:)) ?? ""
    case "b":
      return value == "1" ? "TRUE" : "FALSE"
    case "str", "e":
      return value
    default:
      return displayedNumber(value)
    }
  }

  /// `1` for "1" or "1.0", the value as stored otherwise.
  static func displayedNumber(_ value: String) -> String {
    guard let number = Double(value), number.isFinite else { return value }
    if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
    return value
  }

  /// `0` for `A1`, `27` for `AB3`.
  static func columnIndex(_ reference: String) -> Int? {
    var index = 0
    var letters = 0
    for scalar in reference.unicodeScalars {
      guard ("A"..."Z").contains(scalar) else { break }
      index = index * 26 + Int(scalar.value - 64)
      letters += 1
    }
    return letters == 0 ? nil : index - 1
  }
}

/// Why a file could not be read as a form; the caller adds the file name.
struct ReadFailure: Error {
  var reason: String
  init(_ reason: String) { self.reason = reason }
}
