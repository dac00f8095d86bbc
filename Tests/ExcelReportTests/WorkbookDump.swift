import Foundation
import TestSupport
import Testing

/// A workbook as openpyxl (a reader independent of libxlsxwriter) sees it.
struct WorkbookDump: Decodable {
  struct Sheet: Decodable {
    /// Cell coordinate (`B3`) → value as text and openpyxl's data type
    /// (`s` string, `n` number, `f` formula, `b` boolean).
    var cells: [String: Cell]
    var tables: [String: String]
    var charts: Int
    var freeze: String?
    var autofilter: String?
    var orientation: String?
    /// Pages across when the sheet is fitted to pages (`nil` when not fitted).
    var fitToWidth: Int?
    var printTitleRows: String?
    var conditionalRanges: [String]
    var maxRow: Int
    var widths: [String: Double]
  }

  struct Cell: Decodable, Equatable {
    var value: String
    var type: String
    var number: Double?
    var numberFormat: String
  }

  var sheets: [String]
  var properties: [String: String]
  var content: [String: Sheet]
  /// `xl/charts/chartN.xml` → its XML.
  var chartXML: [String: String]

  subscript(sheet: String) -> Sheet? { content[sheet] }

  static let script = #"""
    import sys, json, zipfile, openpyxl
    path = sys.argv[1]
    wb = openpyxl.load_workbook(path)
    p = wb.properties
    out = {"sheets": wb.sheetnames, "content": {}, "chartXML": {},
           "properties": {k: str(getattr(p, k)) for k in
             ["title", "subject", "creator", "keywords", "created", "modified", "description"]
             if getattr(p, k) is not None}}
    z = zipfile.ZipFile(path)
    app = z.read("docProps/app.xml").decode()
    if "<Company>" in app:
        out["properties"]["company"] = app.split("<Company>")[1].split("</Company>")[0]
    for name in z.namelist():
        if name.startswith("xl/charts/chart"):
            out["chartXML"][name] = z.read(name).decode()
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                number = c.value if isinstance(c.value, (int, float)) and not isinstance(c.value, bool) else None
                cells[c.coordinate] = {"value": str(c.value), "type": c.data_type, "number": number,
                                       "numberFormat": c.number_format}
        conditional = [str(r.sqref) for r in ws.conditional_formatting]
        widths = {k: v.width for k, v in ws.column_dimensions.items() if v.width}
        out["content"][ws.title] = {
            "cells": cells, "tables": {t.name: t.ref for t in ws.tables.values()},
            "charts": len(ws._charts), "freeze": ws.freeze_panes, "autofilter": ws.auto_filter.ref,
            "orientation": ws.page_setup.orientation,
            "fitToWidth": (int(ws.page_setup.fitToWidth or 1)
                           if ws.sheet_properties.pageSetUpPr is not None
                           and ws.sheet_properties.pageSetUpPr.fitToPage else None),
            "printTitleRows": ws.print_title_rows, "conditionalRanges": conditional,
            "maxRow": ws.max_row, "widths": widths}
    json.dump(out, sys.stdout)
    """#

  /// Reads `path` with openpyxl.
  static func read(_ path: String) throws -> WorkbookDump {
    let result = try runProcess(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, path])
    guard result.status == 0 else {
      Issue.record("openpyxl could not read \(path): \(result.stderr)")
      throw DumpError.unreadable(result.stderr)
    }
    return try JSONDecoder().decode(WorkbookDump.self, from: Data(result.stdout.utf8))
  }

  enum DumpError: Error { case unreadable(String) }
}

/// LibreOffice, when installed: converts a workbook to prove it opens.
enum LibreOffice {
  static var executable: String? {
    ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// Converts `path` to `format` (`csv` in UTF-8, first sheet; `pdf`) into `directory`; returns the output file.
  static func convert(_ path: String, to format: String, in directory: URL) throws -> URL? {
    let filter = format == "csv" ? "csv:Text - txt - csv (StarCalc):44,34,76" : format
    guard let executable else { return nil }
    let profile = directory.appendingPathComponent("lo-profile")
    let result = try runProcess(
      URL(fileURLWithPath: executable),
      [
        "-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", filter, "--outdir",
        directory.path, path,
      ])
    let output = directory.appendingPathComponent(
      URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + "." + format)
    guard result.status == 0, FileManager.default.fileExists(atPath: output.path) else {
      Issue.record("LibreOffice could not convert \(path): \(result.stdout) \(result.stderr)")
      return nil
    }
    return output
  }
}
