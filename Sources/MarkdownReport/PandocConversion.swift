import Foundation

/// The formats pandoc can render the synthesis into.
public enum DocumentFormat: String, Sendable, CaseIterable {
  case html
  case pdf

  /// What to install for this format, for the message when it is missing.
  public var requirements: String {
    switch self {
    case .html: "pandoc (apt-get install pandoc)"
    case .pdf:
      "pandoc, a LaTeX engine and an SVG converter (apt-get install pandoc texlive-xetex librsvg2-bin)"
    }
  }
}

/// Renders a written synthesis (its charts beside it) into HTML or PDF with
/// pandoc, when pandoc is installed.
///
/// HTML is one self-contained file (charts embedded). The date pandoc may
/// stamp on a PDF is the last response's (`SOURCE_DATE_EPOCH`), so the same
/// store still gives the same document.
public enum PandocConversion {
  /// The `pandoc` executable on `PATH`, if any.
  public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
    for directory in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("pandoc")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// Converts `markdown` (a synthesis whose figures sit beside it) into
  /// `format`, written to `output`.
  ///
  /// - Parameters:
  ///   - title: the document title (HTML `<title>`, PDF metadata).
  ///   - sourceDate: the last response's date, stamped instead of the clock.
  ///   - pandoc: the executable; found on `searchPath` (`PATH`) when `nil`.
  public static func convert(
    markdown: URL, to output: URL, format: DocumentFormat, title: String, language: ReportLanguage,
    sourceDate: Date?, pandoc: URL? = nil, searchPath: String? = ProcessInfo.processInfo.environment["PATH"]
  ) throws(MarkdownReportError) {
    guard let executable = pandoc ?? locate(path: searchPath) else {
      throw .pandocMissing(format: format.rawValue, install: format.requirements)
    }
    let folder = markdown.deletingLastPathComponent()
    var arguments = [
      "--from=gfm", "--standalone", "--resource-path=\(folder.path)",
      "--metadata=title:\(title)", "--metadata=lang:\(language.code)",
    ]
    switch format {
    case .html:
      arguments += [
        "--to=html5", majorMinorVersion(executable) >= (2, 19) ? "--embed-resources" : "--self-contained",
      ]
    case .pdf:
      arguments += ["--pdf-engine=xelatex", "--variable=mainfont:DejaVu Sans"]
    }
    arguments += ["--output=\(output.path)", markdown.path]
    var environment = ProcessInfo.processInfo.environment
    environment["SOURCE_DATE_EPOCH"] = String(
      Int((sourceDate ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970))
    let (status, errors) = run(executable, arguments, in: folder, environment: environment)
    guard status == 0 else {
      throw .pandocFailed(
        format: format.rawValue, status: Int(status),
        message: MarkdownText.removingControlCharacters(errors).trimmingCharacters(
          in: .whitespacesAndNewlines)
          + (format == .pdf ? " (PDF needs \(format.requirements))" : ""))
    }
  }

  /// `pandoc --version`'s major and minor numbers, (0, 0) when unreadable.
  static func majorMinorVersion(_ executable: URL) -> (Int, Int) {
    let (status, output) = run(
      executable, ["--version"], in: nil, environment: nil, captureStandardOutput: true)
    guard status == 0, let line = output.split(separator: "\n").first,
      let version = line.split(separator: " ").last
    else { return (0, 0) }
    let parts = version.split(separator: ".").compactMap { Int($0) }
    return (parts.first ?? 0, parts.count > 1 ? parts[1] : 0)
  }

  /// Runs `executable` to completion; returns its status and its standard
  /// error (or output, when asked).
  private static func run(
    _ executable: URL, _ arguments: [String], in directory: URL?, environment: [String: String]?,
    captureStandardOutput: Bool = false
  ) -> (Int32, String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let pipe = Pipe()
    if captureStandardOutput {
      process.standardOutput = pipe
      process.standardError = FileHandle.nullDevice
    } else {
      process.standardOutput = FileHandle.nullDevice
      process.standardError = pipe
    }
    do {
      try process.run()
    } catch {
      return (127, error.localizedDescription)
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
