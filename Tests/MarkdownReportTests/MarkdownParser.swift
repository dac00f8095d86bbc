import Foundation
import TestSupport

/// One token of markdown-it-py's parse (block tokens, with inline children
/// flattened after their parent).
struct MarkdownToken: Decodable, Equatable {
  var type: String
  var tag: String
  var content: String
  var attrs: [String: String]
  /// For inline children: the index of the block token they belong to.
  var parent: Int?
}

/// Parses Markdown with markdown-it-py in its GFM-like mode (CommonMark,
/// tables, strikethrough, autolink literals through linkify-it-py): a real
/// parser, independent of the code under test.
func parseMarkdown(_ text: String) throws -> [MarkdownToken] {
  let script = """
    import json, sys
    from markdown_it import MarkdownIt
    md = MarkdownIt("gfm-like")
    out = []
    for token in md.parse(sys.stdin.read()):
        index = len(out)
        out.append({"type": token.type, "tag": token.tag, "content": token.content,
                     "attrs": {k: str(v) for k, v in (token.attrs or {}).items()}, "parent": None})
        for child in token.children or []:
            out.append({"type": child.type, "tag": child.tag, "content": child.content,
                         "attrs": {k: str(v) for k, v in (child.attrs or {}).items()}, "parent": index})
    json.dump(out, sys.stdout)
    """
  let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script], input: text)
  guard result.status == 0 else {
    throw ParserFailure(message: result.stderr)
  }
  return try JSONDecoder().decode([MarkdownToken].self, from: Data(result.stdout.utf8))
}

/// Renders Markdown to HTML with markdown-it-py (GFM-like).
func renderHTML(_ text: String) throws -> String {
  let script = """
    import sys
    from markdown_it import MarkdownIt
    sys.stdout.write(MarkdownIt("gfm-like").render(sys.stdin.read()))
    """
  let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script], input: text)
  guard result.status == 0 else { throw ParserFailure(message: result.stderr) }
  return result.stdout
}

/// Checks that `svg` is well-formed XML with Python's xml.etree and returns
/// the text of its `title` and `desc` children.
func parseSVG(_ svg: String) throws -> (title: String, desc: String) {
  let script = """
    import sys, json
    import xml.etree.ElementTree as ET
    root = ET.fromstring(sys.stdin.buffer.read())
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == ns + "svg", root.tag
    json.dump({"title": root.find(ns + "title").text, "desc": root.find(ns + "desc").text}, sys.stdout)
    """
  let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script], input: svg)
  guard result.status == 0 else { throw ParserFailure(message: result.stderr) }
  let decoded = try JSONDecoder().decode([String: String].self, from: Data(result.stdout.utf8))
  return (decoded["title"] ?? "", decoded["desc"] ?? "")
}

struct ParserFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
