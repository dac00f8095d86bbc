import Foundation
import TestSupport
import Testing

@testable import MarkdownReport

@Suite struct PandocConversionTests {
  @Test func withoutPandocTheMessageSaysWhatToInstall() throws {
    #expect(PandocConversion.locate(path: "/nonexistent") == nil)
    let error = #expect(throws: MarkdownReportError.self) {
      try PandocConversion.convert(
        markdown: URL(fileURLWithPath: "/tmp/synthese.md"), to: URL(fileURLWithPath: "/tmp/synthese.pdf"),
        format: .pdf, title: "t", language: .french, sourceDate: nil, searchPath: "/nonexistent")
    }
    #expect(error == .pandocMissing(format: "pdf", install: DocumentFormat.pdf.requirements))
    #expect(error?.errorDescription?.contains("apt-get install pandoc") == true)
  }

  /// A stand-in for pandoc that writes its arguments and SOURCE_DATE_EPOCH
  /// into the output file: checks what bilan asks of pandoc.
  @Test func pandocIsAskedForAStandaloneDocumentDatedByTheLastResponse() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fake = directory.url.appendingPathComponent("pandoc")
    try """
    #!/bin/sh
    if [ "$1" = "--version" ]; then echo "pandoc 3.1.3"; exit 0; fi
    for argument in "$@"; do
      case "$argument" in --output=*) out="${argument#--output=}";; esac
    done
    echo "$SOURCE_DATE_EPOCH $*" > "$out"
    """.write(to: fake, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
    let markdown = directory.url.appendingPathComponent("synthese.md")
    try "# Titre\n".write(to: markdown, atomically: true, encoding: .utf8)
    let output = directory.url.appendingPathComponent("synthese.html")
    try PandocConversion.convert(
      markdown: markdown, to: output, format: .html, title: "Bilan", language: .french,
      sourceDate: Date(timeIntervalSince1970: 1_425_575_520), pandoc: fake)
    let recorded = try String(contentsOf: output, encoding: .utf8)
    #expect(recorded.hasPrefix("1425575520 --from=gfm --standalone"))
    #expect(recorded.contains("--to=html5 --embed-resources"))
    #expect(recorded.contains("--metadata=lang:fr"))
    #expect(recorded.contains("--resource-path=\(directory.url.path)"))
  }
}

@Suite struct SynthesisOutputTests {
  @Test func theMarkdownAndItsFiguresAreWrittenTogether() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let files = ["synthese.md": Data("# T\n".utf8), "figures/a.svg": Data("<svg/>".utf8)]
    let written = try SynthesisOutput.write(
      files, into: directory.url, markdown: true, documents: [], title: "T", language: .french,
      sourceDate: nil)
    #expect(written == ["figures", "synthese.md"])
    #expect(FileManager.default.fileExists(atPath: directory.path("figures/a.svg")))
  }

  @Test func withoutPandocNothingIsWritten() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    #expect(
      throws: MarkdownReportError.pandocMissing(format: "html", install: DocumentFormat.html.requirements)
    ) {
      try SynthesisOutput.write(
        ["synthese.md": Data("# T\n".utf8)], into: directory.url, markdown: true, documents: [.html],
        title: "T",
        language: .french, sourceDate: nil, searchPath: "/nonexistent")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
  }
}
