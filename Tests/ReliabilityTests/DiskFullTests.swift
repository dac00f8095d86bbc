import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A small tmpfs to fill up (root only: `mount -t tmpfs`).
enum SmallDisk {
  /// Whether this process may mount a tmpfs (tried once, on a scratch folder).
  static let permitted: Bool = {
    guard geteuid() == 0, let directory = try? TemporaryDirectory("bilan-mount-probe") else { return false }
    defer { directory.remove() }
    guard mount(directory.url.path, size: "16k") else { return false }
    unmount(directory.url.path)
    return true
  }()

  @discardableResult
  static func mount(_ path: String, size: String) -> Bool {
    (try? runProcess(
      URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path]))?
      .status == 0
  }

  static func unmount(_ path: String) {
    _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [path])
  }

  /// Bytes free on the file system holding `path`.
  static func free(_ path: String) -> Int {
    var stats = statvfs()
    guard statvfs(path, &stats) == 0 else { return 0 }
    return Int(stats.f_bavail) * Int(stats.f_frsize)
  }
}

@Suite struct DiskFullTests {
  /// `bilan report` on a full disk: exit 3 with a message that says so,
  /// the previous reports byte for byte as they were, no partial file of any
  /// format and no staging or temporary file left.
  @Test(.enabled(if: SmallDisk.permitted, "mounting a tmpfs needs root; run as root to try a full disk"))
  func reportOnAFullDisk() throws {
    let data = try HostileDataset()
    defer { data.directory.remove() }
    let disk = data.directory.path("disk")
    try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
    try #require(SmallDisk.mount(disk, size: "512k"))
    defer { SmallDisk.unmount(disk) }
    let output = disk + "/out"
    let first = try data.report(into: output)
    try #require(first.status == 0, "\(first.stderr)")
    let before = filesUnder(output)
    var bytes: [String: Data] = [:]
    for file in before { bytes[file] = FileManager.default.contents(atPath: output + "/" + file) }
    #expect(before.contains { $0.hasSuffix(".xlsx") })

    // Leave 4 KiB: less than any report file needs.
    let filler = disk + "/filler"
    let size = SmallDisk.free(disk) - 4096
    try #require(size > 0)
    try Data(count: size).write(to: URL(fileURLWithPath: filler))

    let second = try data.report(into: output)
    #expect(second.status == 3, "\(second.status): \(second.stderr)")
    // bilan's own message (not only libxlsxwriter's log lines) says the disk is full.
    let own = second.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") || $0.hasPrefix("bilan") }
    #expect(own.contains { $0.contains("disk is full") }, "\(second.stderr)")
    #expect(filesUnder(output) == before, "no partial or temporary file: \(filesUnder(output))")
    for file in before {
      #expect(FileManager.default.contents(atPath: output + "/" + file) == bytes[file], "\(file) changed")
    }
    #expect(fileNames(in: disk) == ["filler", "out"], "no staging folder left: \(fileNames(in: disk))")

    // Once there is room again, the report is written.
    try FileManager.default.removeItem(atPath: filler)
    let third = try data.report(into: output)
    #expect(third.status == 0, "\(third.stderr)")
    #expect(fileNames(in: disk) == ["out"])
  }

  /// The output folder's other files (the store, notes, another program's
  /// spreadsheet) are left as they were: the report replaces its own files only.
  @Test func reportLeavesOtherFilesAlone() throws {
    let data = try HostileDataset()
    defer { data.directory.remove() }
    let output = data.directory.path("out")
    try FileManager.default.createDirectory(atPath: output + "/annexes", withIntermediateDirectories: true)
    let others: [String: Data] = [
      "notes.txt": Data("mes notes\n".utf8), "budget.xlsx": Data("PK not really\n".utf8),
      "annexes/programme.md": Data("# Programme\n".utf8),
    ]
    for (name, content) in others { try content.write(to: URL(fileURLWithPath: output + "/" + name)) }
    try FileManager.default.copyItem(atPath: data.store, toPath: output + "/responses.sqlite")
    let storeBytes = FileManager.default.contents(atPath: output + "/responses.sqlite")
    let result = try data.report(into: output)
    #expect(result.status == 0, "\(result.stderr)")
    for (name, content) in others {
      #expect(FileManager.default.contents(atPath: output + "/" + name) == content, "\(name)")
    }
    #expect(FileManager.default.contents(atPath: output + "/responses.sqlite") == storeBytes)
    #expect(
      fileNames(in: data.directory.path(".")).allSatisfy { !$0.hasPrefix(".") }, "no staging folder left")
  }
}
