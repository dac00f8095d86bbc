import Foundation
import ResponseStore
import SurveyDefinition

/// The store tests' survey: every question type, a loop, a matrix, a condition.
let survey: Survey = {
  let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../ResponseStoreTests/Fixtures/atelier-test.yaml").standardized.path
  do {
    return try Survey.load(path: path)
  } catch {
    fatalError("cannot load the fuzzing survey \(path): \(error)")
  }
}()

let importer = ResponseImporter(survey: survey, now: Date(timeIntervalSince1970: 1_425_573_667))

/// Called by libFuzzer once, before any input: the survey is loaded here so
/// that its memory, kept for the whole run, is not taken for a leak of the
/// first input.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(
  _ argc: UnsafeMutablePointer<CInt>?,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
  _ = importer
  return 0
}

/// libFuzzer target: arbitrary bytes as a JSONL file to import, read into
/// memory against the survey (nothing is stored).
///
/// Every input must give responses or a rejection listing at least one
/// problem, each on a line of the file (never a crash or a hang); accepted
/// responses must have distinct ids and belong to the survey.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLImport(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = start.map { Data(bytes: $0, count: count) } ?? Data()
  // At most: a line break may be LF, CRLF or a lone CR.
  let lineCount = data.reduce(1) { $1 == 0x0A || $1 == 0x0D ? $0 + 1 : $0 }
  do {
    let batch = try importer.read(data, name: "fuzz.jsonl", format: .jsonl)
    precondition(!batch.responses.isEmpty, "a file accepted without responses")
    precondition(Set(batch.responses.map(\.id)).count == batch.responses.count, "duplicate ids accepted")
    for response in batch.responses {
      precondition(response.surveyID == survey.id, "a response to another survey accepted")
    }
  } catch {
    guard case .rejected(_, let problems) = error else {
      preconditionFailure("reading bytes in memory failed to read: \(error)")
    }
    precondition(!problems.isEmpty, "a file rejected without saying why")
    for problem in problems {
      precondition(!problem.message.isEmpty, "a problem without a message")
      if let line = problem.line {
        precondition(line >= 1 && line <= lineCount, "problem on line \(line) of a \(lineCount)-line file")
      }
    }
  }
  return 0
}
