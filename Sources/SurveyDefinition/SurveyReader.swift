import Foundation
import Yams

/// Reads a survey file into the resolved model, collecting every problem on
/// the way: the one code path behind `Survey.load` and `SurveyLinter.lint`.
///
/// Reading never stops at the first problem: a bad value is reported and
/// reading goes on with the rest, so one run lists everything to fix.
/// Something that depends on a broken part (a condition on a question whose
/// choice list is unknown) is not checked again, to avoid cascades.
final class SurveyReader {
  /// Files above this size are refused before parsing.
  static let maximumFileSize = 1 << 20
  /// Deeper YAML nesting is refused (a survey needs about 8 levels).
  static let maximumDepth = 64
  /// More YAML values than this, counting each alias expansion, is refused
  /// (a "billion laughs" file expands exponentially through aliases). A file
  /// within the size limit holds fewer (each value takes at least 2 bytes).
  static let maximumNodes = 600_000

  let file: String
  var diagnostics: [Diagnostic] = []
  /// The source lines, as Unicode scalars, to place columns inside conditions.
  var lines: [[Unicode.Scalar]] = []
  /// The survey's languages, once read; localized texts are checked against them.
  var languages: [String] = []
  var languagesAreKnown = false

  // Resolved definitions, by id, with where each was written.
  var choiceLists: [String: ChoiceList] = [:]
  var choiceListOrder: [String] = []
  var scales: [String: Scale] = [:]
  var scaleOrder: [String] = []
  var itemLists: [String: ChoiceList] = [:]
  var itemListOrder: [String] = []
  /// Ids written but whose definition has errors: references to them are not reported again.
  var brokenDefinitions: Set<String> = []

  var questions: [String: QuestionRecord] = [:]
  var questionOrder: [String] = []
  var sectionRecords: [SectionRecord] = []
  /// `event.registered` was given (valid or not: an invalid one is reported where it is).
  var registeredIsWritten = false
  /// Keys suggested for misspelt ones in the mapping read last.
  var suggestedKeys: Set<String> = []

  init(file: String) {
    self.file = file
  }

  // MARK: Reporting

  func location(_ node: Node?) -> SourceLocation {
    let mark = node?.mark
    return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  func error(_ node: Node?, _ message: String) {
    diagnostics.append(Diagnostic(.error, at: location(node), message))
  }

  func warning(_ node: Node?, _ message: String) {
    diagnostics.append(Diagnostic(.warning, at: location(node), message))
  }

  func error(at line: Int, _ column: Int, _ message: String) {
    diagnostics.append(
      Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message))
  }

  var hasErrors: Bool { diagnostics.contains(where: \.isError) }

  // MARK: Entry

  /// Reads `data`; returns the survey when no error was found, and every diagnostic in reading order.
  func read(data: Data) -> (survey: Survey?, diagnostics: [Diagnostic]) {
    let survey = readChecked(data: data)
    let sorted = diagnostics.sortedByPosition()
    return (sorted.contains(where: \.isError) ? nil : survey, sorted)
  }

  private func readChecked(data: Data) -> Survey? {
    if data.count > Self.maximumFileSize {
      error(
        at: 1, 1,
        "the file is \(data.count) bytes; a survey file is at most \(Self.maximumFileSize) bytes (1 MiB)")
      return nil
    }
    if let (line, column, byte) = Self.firstInvalidUTF8(in: data) {
      error(
        at: line, column,
        "the file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); save it as UTF-8")
      return nil
    }
    var text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    if text.allSatisfy(\.isWhitespace) {
      error(at: 1, 1, "the survey file is empty")
      return nil
    }
    if let (problem, line, column) = Self.oversize(of: text) {
      error(at: line, column, problem == .depth ? Self.tooDeepMessage : Self.tooLargeMessage)
      return nil
    }
    let root: Node?
    do {
      // Only the tags the reader asks about (null, bool, int, float) are
      // resolved: every plain scalar is matched against each rule's regular
      // expression, and timestamps, merge keys and `=` are plain text here.
      let resolver = Resolver.default.removing(.timestamp).removing(.merge).removing(.value)
      root = try Yams.compose(yaml: text, resolver)
    } catch let yamlError as YamlError {
      reportYAMLError(yamlError)
      return nil
    } catch {
      self.error(at: 1, 1, "YAML syntax error: \(error)")
      return nil
    }
    guard let root else {
      error(at: 1, 1, "the survey file is empty (only comments)")
      return nil
    }
    var budget = Self.maximumNodes
    guard checkSize(root, depth: 1, budget: &budget) else { return nil }
    return readSurvey(root)
  }

  static let tooLargeMessage =
    "the YAML expands to more than \(maximumNodes) values once its aliases are repeated (anchors and aliases nested too often)"
  static let tooDeepMessage = "the YAML is nested more than \(maximumDepth) levels deep"

  /// Refuses too deep or too large (alias-expanded) trees; reports once.
  private func checkSize(_ node: Node, depth: Int, budget: inout Int) -> Bool {
    budget -= 1
    if budget < 0 {
      error(node, Self.tooLargeMessage)
      return false
    }
    if depth > Self.maximumDepth {
      error(node, Self.tooDeepMessage)
      return false
    }
    switch node {
    case .mapping(let mapping):
      for (key, value) in mapping {
        guard checkSize(key, depth: depth + 1, budget: &budget),
          checkSize(value, depth: depth + 1, budget: &budget)
        else { return false }
      }
    case .sequence(let sequence):
      for element in sequence {
        guard checkSize(element, depth: depth + 1, budget: &budget) else { return false }
      }
    case .scalar, .alias:
      break
    }
    return true
  }

  /// The line, column and value of the first byte that is not UTF-8, if any.
  static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int, byte: UInt8)? {
    let bytes = [UInt8](data)
    var index = 0
    var line = 1
    var column = 1
    while index < bytes.count {
      let byte = bytes[index]
      var length = 0
      var minimum: UInt32 = 0
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: (length, minimum) = (2, 0x80)
      case 0xE0...0xEF: (length, minimum) = (3, 0x800)
      case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
      default: return (line, column, byte)
      }
      guard index + length <= bytes.count else { return (line, column, byte) }
      var value = UInt32(byte) & (length == 1 ? 0x7F : (0xFF >> (length + 1)))
      for offset in 1..<max(length, 1) where length > 1 {
        let continuation = bytes[index + offset]
        guard continuation & 0xC0 == 0x80 else { return (line, column, byte) }
        value = value << 6 | UInt32(continuation & 0x3F)
      }
      if length > 1, value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
        return (line, column, byte)
      }
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += length
    }
    return nil
  }

  private func reportYAMLError(_ yamlError: YamlError) {
    switch yamlError {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = "YAML syntax error: \(problem)"
      if let context { message += " (\(context.text) at line \(context.mark.line))" }
      if problem.hasPrefix("Maximum nesting level reached") {
        // libyaml's own limit (1000), met before ours when it scans a flow collection ahead.
        message = Self.tooDeepMessage
      } else if problem == "but found another document" {
        message = "the file holds several YAML documents (a second '---'); a survey is one document"
      } else if problem == "found undefined alias" {
        message =
          "YAML syntax error: undefined alias '\(sourceWord(at: mark))' (no anchor '&' of that name above it)"
      }
      if problem.contains("cannot start any token"), lineHasTab(mark.line) {
        message += "; YAML indentation uses spaces, not tabs"
      }
      error(at: mark.line, mark.column, message)
    case .reader(let problem, let offset, _, _):
      error(at: 1, 1, "YAML syntax error: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
    case .duplicatedKeysInMapping(let duplicates, let context):
      reportDuplicateKeys(duplicates, firstMark: context.mark)
    default:
      error(at: 1, 1, "YAML syntax error: \(yamlError)")
    }
  }

  /// The word written at a mark (an alias such as `*roles`).
  private func sourceWord(at mark: Mark) -> String {
    guard mark.line >= 1, mark.line <= lines.count else { return "" }
    let line = lines[mark.line - 1].dropFirst(mark.column - 1)
    var word = ""
    word.unicodeScalars.append(
      contentsOf: line.prefix { !$0.properties.isWhitespace && $0 != "," && $0 != "]" && $0 != "}" })
    return word
  }

  private func lineHasTab(_ line: Int) -> Bool {
    line >= 1 && line <= lines.count && lines[line - 1].contains("\t")
  }

  /// Yams stops at a mapping with a repeated key and gives the first one; the
  /// message points at the repetition, found below it at the same indentation.
  private func reportDuplicateKeys(_ duplicates: [String], firstMark: Mark) {
    let key = duplicates.first ?? ""
    var line = firstMark.line
    let column = firstMark.column
    if line >= 1, line <= lines.count {
      var candidate = line + 1
      while candidate <= lines.count {
        let text = lines[candidate - 1]
        let indentation = text.prefix(while: { $0 == " " || $0 == "-" }).count
        let isBlank = text.allSatisfy { $0 == " " } || text.first(where: { $0 != " " }) == "#"
        if !isBlank {
          if indentation < column - 1 { break }
          if indentation == column - 1 {
            var rest = ""
            rest.unicodeScalars.append(contentsOf: text.dropFirst(column - 1))
            if rest.hasPrefix("\(key):") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
              line = candidate
              break
            }
          }
        }
        candidate += 1
      }
    }
    let message =
      line == firstMark.line
      ? "duplicate key '\(key)'"
      : "duplicate key '\(key)' (first at line \(firstMark.line))"
    error(at: line, column, message)
  }
}
