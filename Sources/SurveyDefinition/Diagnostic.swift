/// One problem found in a survey file: where it is, how bad, and what to do.
///
/// Rendered as `FILE:LINE:COLUMN: error: MESSAGE` (or `warning:`), the format
/// compilers use, so editors and CI logs link straight to the spot.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: String

  public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  /// `FILE:LINE:COLUMN: error: MESSAGE`.
  public var description: String { "\(location): \(severity.rawValue): \(message)" }

  /// `true` for an error (a warning does not stop a survey from loading).
  public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
  /// Diagnostics in reading order: by line, then column, then message.
  func sortedByPosition() -> [Diagnostic] {
    enumerated().sorted { lhs, rhs in
      let (left, right) = (lhs.element.location, rhs.element.location)
      if left.line != right.line { return left.line < right.line }
      if left.column != right.column { return left.column < right.column }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}
