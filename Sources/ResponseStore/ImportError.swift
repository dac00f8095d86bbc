import Foundation

/// Why a file could not be imported. A rejected file is rejected whole:
/// nothing of it is stored.
public enum ImportError: Error, LocalizedError, Equatable, Sendable {
  /// The file has problems; every one found, in file order, each as `FILE:LINE: MESSAGE`.
  case rejected(file: String, problems: [ImportProblem])
  /// The file could not be read at all (missing, a directory, no permission).
  case unreadable(file: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .rejected(let file, let problems):
      problems.map { $0.description(file: file) }.joined(separator: "\n")
    case .unreadable(let file, let reason):
      "\(file): cannot read the file: \(reason)"
    }
  }

  /// How many lines of the file have problems (0 when the problems are
  /// about the file as a whole), for the summary of a rejected file.
  public var linesWithProblems: Int {
    guard case .rejected(_, let problems) = self else { return 0 }
    return Set(problems.compactMap(\.line)).count
  }

  /// Every problem, as `FILE:LINE: MESSAGE` lines.
  public var lines: [String] {
    switch self {
    case .rejected(let file, let problems): problems.map { $0.description(file: file) }
    case .unreadable: [errorDescription ?? ""]
    }
  }
}

/// One thing wrong in an imported file: where, and what.
public struct ImportProblem: Sendable, Hashable {
  /// 1-based line of the file (the line a CSV record or JSON object starts
  /// on); `nil` when the problem is about the whole file.
  public var line: Int?
  public var message: String

  public init(line: Int?, _ message: String) {
    self.line = line
    self.message = message
  }

  /// `FILE:LINE: MESSAGE`, or `FILE: MESSAGE` for the whole file.
  public func description(file: String) -> String {
    if let line { return "\(file):\(line): \(message)" }
    return "\(file): \(message)"
  }
}
