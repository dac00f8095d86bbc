import BilanBase
import Foundation

/// Writes a rendered synthesis into a folder: the Markdown with its figures,
/// and the HTML or PDF documents pandoc makes of it.
public enum SynthesisOutput {
  /// Writes `files` (from `MarkdownReport.render`) into `folder`.
  ///
  /// - Parameters:
  ///   - markdown: write the Markdown and its `figures/` (`--format md`).
  ///   - documents: also render these with pandoc, as `synthese.html` /
  ///     `synthese.pdf` beside it. Checked first: without pandoc nothing is
  ///     written and the error says what to install.
  ///   - title, language, sourceDate: the document's metadata; `sourceDate`
  ///     (the last response) stands in for the clock.
  /// - Returns: the names written in `folder`, sorted.
  @discardableResult
  public static func write(
    _ files: [String: Data], into folder: URL, markdown: Bool, documents: [DocumentFormat], title: String,
    language: ReportLanguage, sourceDate: Date?,
    searchPath: String? = ProcessInfo.processInfo.environment["PATH"]
  ) throws(MarkdownReportError) -> [String] {
    var pandoc: URL?
    if let first = documents.first {
      guard let found = PandocConversion.locate(path: searchPath) else {
        throw .pandocMissing(format: first.rawValue, install: first.requirements)
      }
      pandoc = found
    }
    var written: [String] = []
    if markdown {
      try store(files, in: folder)
      written += Set(files.keys.map { String($0.split(separator: "/").first ?? "") }).sorted()
    }
    guard let pandoc, !documents.isEmpty else { return written }
    // pandoc reads the Markdown and its figures from a folder of their own.
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bilan-synthesis-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: work) }
    try store(files, in: work)
    guard let markdownName = files.keys.first(where: { $0.hasSuffix(".md") && !$0.contains("/") }) else {
      return written
    }
    let baseName = String(markdownName.dropLast(3))
    for format in documents {
      let name = "\(baseName).\(format.rawValue)"
      try PandocConversion.convert(
        markdown: work.appendingPathComponent(markdownName), to: folder.appendingPathComponent(name),
        format: format, title: title, language: language, sourceDate: sourceDate, pandoc: pandoc)
      written.append(name)
    }
    return written
  }

  /// Writes every file under `folder`, creating `figures/`.
  static func store(_ files: [String: Data], in folder: URL) throws(MarkdownReportError) {
    for (name, data) in files.sorted(by: { $0.key < $1.key }) {
      let url = folder.appendingPathComponent(name)
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(data, to: url.path)
      } catch let error as FileWriteError {
        throw .writeFailed(path: url.path, reason: error.reason)
      } catch {
        throw .writeFailed(path: url.path, reason: error.localizedDescription)
      }
    }
  }
}
