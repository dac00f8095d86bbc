import Foundation

/// Why an answer is not taken, as the participant reads it under the
/// question (in the survey's language): the answer is asked again.
struct AnswerRejection: Error, LocalizedError, Equatable {
  /// The explanation, already in the participant's language.
  var message: String

  init(_ message: String) { self.message = message }

  var errorDescription: String? { message }
}
