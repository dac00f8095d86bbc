import CXLSXWriter
import Foundation
import TestSupport
import Testing

@Suite struct CXLSXWriterTests {
  @Test func writesAWorkbookThatIsAZipArchive() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("probe.xlsx")
    let workbook = try #require(workbook_new(path))
    let sheet = try #require(workbook_add_worksheet(workbook, "Synthèse"))
    #expect(worksheet_write_string(sheet, 0, 0, "Bonjour « monde »", nil) == LXW_NO_ERROR)
    #expect(worksheet_write_number(sheet, 1, 0, 0.8, nil) == LXW_NO_ERROR)
    #expect(workbook_close(workbook) == LXW_NO_ERROR)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(data.count > 1000)
    #expect(Array(data.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])  // "PK\3\4": a zip archive
  }
}
