import CYaml
import Foundation

extension SurveyReader {
  /// A YAML text too big to build a tree of.
  enum Oversize: Equatable {
    /// More than `maximumNodes` values once every alias is replaced by what its anchor names.
    case expansion
    /// Collections nested more than `maximumDepth` deep.
    case depth
  }

  /// The first place where the YAML nests deeper than `maximumDepth` or grows
  /// past `maximumNodes` values once every alias is replaced by what its
  /// anchor names; `nil` when it stays within (or when libyaml finds a syntax
  /// error first, which composing then reports).
  ///
  /// Run on libyaml's events before Yams builds its tree: Yams shares an
  /// anchor's node between its aliases, so the tree itself stays small, but
  /// comparing or hashing it (Yams does, for mapping keys, to find duplicates)
  /// walks every expansion: a "billion laughs" key takes hours, not bytes.
  /// Counting here costs one pass over the events, whatever the aliases.
  static func oversize(of text: String) -> (problem: Oversize, line: Int, column: Int)? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer -> (problem: Oversize, line: Int, column: Int)? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      /// The expanded size of each anchor's value.
      var anchors: [String: Int] = [:]
      /// Open collections: their anchor and the count when they started.
      var open: [(anchor: String?, start: Int)] = []
      var total = 0
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
          anchor.map { String(cString: $0) }
        }
        let at = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
          // A value's depth as `checkSize` counts it: the root is 1.
          if open.count + 1 > maximumDepth { return (.depth, at.line, at.column) }
        default:
          break
        }
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return nil
        case YAML_SCALAR_EVENT:
          total += 1
          if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = 1 }
        case YAML_ALIAS_EVENT:
          total += name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
        case YAML_SEQUENCE_START_EVENT:
          open.append((name(event.data.sequence_start.anchor), total))
          total += 1
        case YAML_MAPPING_START_EVENT:
          open.append((name(event.data.mapping_start.anchor), total))
          total += 1
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          if let (anchor, start) = open.popLast(), let anchor { anchors[anchor] = total - start }
        default:
          break
        }
        if total > maximumNodes { return (.expansion, at.line, at.column) }
      }
    }
  }
}
