import Foundation
import SurveyDefinition

/// libFuzzer target: arbitrary bytes as a survey file.
///
/// Lint must answer every input with diagnostics (never crash, hang or
/// overflow the stack), every diagnostic must point inside the file, and
/// `Survey.load` must agree with lint: it loads exactly when lint finds no
/// error. A survey that loads must also build its flow and answer schema.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSurvey(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = start.map { Data(bytes: $0, count: count) } ?? Data()
  let file = "fuzz.yaml"
  let diagnostics = SurveyLinter.lint(data: data, file: file)
  for diagnostic in diagnostics {
    precondition(!diagnostic.message.isEmpty, "a diagnostic without a message")
    precondition(
      diagnostic.location.line >= 1 && diagnostic.location.column >= 1,
      "a diagnostic outside the file: \(diagnostic)")
  }
  let linted = !diagnostics.contains(where: \.isError)
  guard let text = String(validating: data, as: UTF8.self) else {
    precondition(!linted, "bytes that are not UTF-8 passed lint")
    return 0
  }
  do {
    let survey = try Survey.load(yaml: text, file: file)
    precondition(linted, "Survey.load accepted a file lint rejects")
    let flow = SurveyFlow(survey)
    _ = flow.visibility(answers: [:])
    _ = survey.schemaHash
  } catch {
    precondition(!linted, "Survey.load refused a file lint accepts: \(error)")
    precondition(!error.diagnostics.isEmpty, "Survey.load refused a file without saying why")
  }
  return 0
}
