import Foundation
import TestSupport
import Testing

@testable import BilanBase

@Suite struct AtomicFileTests {
  @Test func writesWholeOrNotAtAll() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("out.jsonl")
    try Data("previous".utf8).write(to: URL(fileURLWithPath: path))

    // Abandoned before commit: the previous file stays, no temporary file is left.
    do {
      let file = try AtomicFile(path: path)
      try file.write(Data("half".utf8))
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["out.jsonl"])

    let file = try AtomicFile(path: path)
    try file.write(Data("new ".utf8))
    try file.write(Data("content".utf8))
    try file.commit(mode: 0o600)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new content")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)

    try AtomicFile.write(Data("at once".utf8), to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "at once")
  }

  @Test func aWriterThatFailsLeavesNoFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("out.xlsx")
    struct Simulated: Error {}
    #expect(throws: Simulated.self) {
      try AtomicFile.write(to: path) { temporary in
        try Data("partial".utf8).write(to: URL(fileURLWithPath: temporary))
        throw Simulated()
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    #expect(throws: FileWriteError.cannotWrite(path: path, reason: "nothing was written")) {
      try AtomicFile.write(to: path) { _ in }
    }
    try AtomicFile.write(to: path) { temporary in
      try Data("whole".utf8).write(to: URL(fileURLWithPath: temporary))
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "whole")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["out.xlsx"])
  }

  @Test func aMissingFolderIsNamed() throws {
    #expect(throws: FileWriteError.self) { try AtomicFile(path: "/nonexistent/folder/x.csv") }
    do {
      try AtomicFile.write(Data(), to: "/nonexistent/folder/x.csv")
    } catch {
      #expect(
        error.errorDescription
          == "/nonexistent/folder/x.csv: cannot write the file: No such file or directory")
    }
  }

  @Test func stagedFilesAreAllPublishedOrNone() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let folder = directory.url.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("old workbook".utf8).write(to: folder.appendingPathComponent("synthese.xlsx"))
    try Data("store".utf8).write(to: folder.appendingPathComponent("responses.sqlite"))
    struct DiskFull: Error {}
    #expect(throws: DiskFull.self) {
      _ = try StagedOutput.publish(into: folder) { staging in
        try Data("new workbook".utf8).write(to: staging.appendingPathComponent("synthese.xlsx"))
        throw DiskFull()
      }
    }
    #expect(try Data(contentsOf: folder.appendingPathComponent("synthese.xlsx")) == Data("old workbook".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["out"])

    let written = try StagedOutput.publish(into: folder) { staging in
      try Data("new workbook".utf8).write(to: staging.appendingPathComponent("synthese.xlsx"))
      try Data("# Bilan".utf8).write(to: staging.appendingPathComponent("synthese.md"))
    }
    #expect(written.map { URL(fileURLWithPath: $0).lastPathComponent } == ["synthese.md", "synthese.xlsx"])
    #expect(try Data(contentsOf: folder.appendingPathComponent("synthese.xlsx")) == Data("new workbook".utf8))
    #expect(try Data(contentsOf: folder.appendingPathComponent("responses.sqlite")) == Data("store".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["out"])
  }

  @Test func aFolderThatCannotBeMadeIsAFileWriteError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = directory.url.appendingPathComponent("plain-file")
    try Data("x".utf8).write(to: file)
    #expect(throws: FileWriteError.self) {
      _ = try StagedOutput.publish(into: file.appendingPathComponent("reports")) { _ in }
    }
  }
}
