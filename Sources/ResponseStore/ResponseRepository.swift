import Foundation
import SurveyDefinition

/// Where responses live, as the questionnaire and the engine see it.
///
/// Two implementations: `SQLiteResponseStore` (one file, the embedded
/// default) and `PostgresResponseStore` (module PostgresStore: a database a
/// network shares); callers see no difference. Every method is synchronous and
/// durable on return: once it returns, a killed process loses nothing of it.
public protocol ResponseRepository: Sendable {
  /// Keeps the answer schema a survey version was answered with, so later
  /// changes of the definition can be explained. Recording the same hash
  /// again changes nothing.
  func recordSchema(_ schema: SchemaRecord) throws(StoreError)

  /// Stores a new response (usually `partial` with no answers yet) with
  /// whatever answers and contacts it already holds.
  func begin(_ response: Response) throws(StoreError)

  /// Sets (or, for `nil`, removes) answers and contacts of a response in one
  /// short transaction. Saving one answer is `update(response:answers:[key: value])`.
  func update(
    response id: UUID, answers: [String: AnswerValue?], contacts: [String: String?]
  ) throws(StoreError)

  /// Marks a response partial or complete; `submittedAt` is kept to the second.
  func setStatus(_ status: Response.Status, submittedAt: Date?, response id: UUID) throws(StoreError)

  /// The response with `id`, contacts included, or `nil`.
  func response(_ id: UUID) throws(StoreError) -> Response?

  /// The partial response most recently changed on `device`, for resuming it.
  func latestPartialResponse(survey: String, device: String) throws(StoreError) -> Response?

  /// Calls `body` with each response of `survey`, ordered by start time then
  /// id, reading them one at a time (memory does not grow with the store).
  /// Contacts are filled only with `includeContacts`. Rethrows what `body` throws.
  func forEachResponse(
    survey: String, includePartial: Bool, includeContacts: Bool, _ body: (Response) throws -> Void
  ) throws

  /// How many responses `survey` has (complete only, or all).
  func count(survey: String, includePartial: Bool) throws(StoreError) -> Int

  /// Adds whole responses in one transaction: all or none. Responses whose id
  /// is already stored are left as they are and counted as already present.
  /// With `source`, the file is recorded; a file recorded before adds nothing.
  /// `tokens` (another store's, copied with its responses) are added in the
  /// same transaction to the responses that lack one.
  func insert(
    _ responses: [Response], schemas: [SchemaRecord], source: ImportRecord?, tokens: FollowUpTokens
  ) throws(StoreError) -> InsertOutcome

  // MARK: Follow-up tokens (`follows:` in the survey format)

  /// The follow-up token of response `id`, issued the first time it is asked
  /// for (random, unique in the store: `FollowUpToken.random()`), in one
  /// transaction; the same token every later time.
  func followUpToken(response id: UUID) throws(StoreError) -> String

  /// Records the token a follow-up response gives (that of the response it
  /// follows), or removes it with `nil`.
  func setFollowedToken(_ token: String?, response id: UUID) throws(StoreError)

  /// The tokens issued to, and given by, the responses of `survey`.
  func followUpTokens(survey: String) throws(StoreError) -> FollowUpTokens

  /// Every answer schema the stored responses of `survey` were answered
  /// with, with how many responses each, most used first.
  func storedSchemas(survey: String) throws(StoreError) -> [StoredSchema]

  /// The files imported so far, oldest first.
  func imports() throws(StoreError) -> [ImportRecord]

  // MARK: Managing stored data (`bilan delete`, `amend`, `purge-contacts`)

  /// The responses of `survey` that `selection` names, oldest first, without
  /// their answers: what `bilan delete` shows before it erases anything.
  func summaries(of selection: ResponseSelection, survey: String) throws(StoreError) -> [ResponseSummary]

  /// Erases the responses with these ids, with their answers, contacts and
  /// correction history, in one transaction that also writes `audit` (its
  /// count set to the responses erased) and remembers the ids, so that no
  /// later import brings them back (`InsertOutcome.erased`). Then compacts
  /// the store so that nothing of them remains in its files (SQLite: free
  /// pages zeroed, `VACUUM`, the WAL checkpointed and truncated). All or
  /// nothing: an id that is not a stored response of `survey` throws
  /// `unknownResponse` and erases nothing.
  func erase(_ ids: [UUID], survey: String, audit: AuditEntry) throws(StoreError) -> ErasureOutcome

  /// Removes every contact answer (emails) of `survey`'s responses, the
  /// answers staying, in one transaction with `audit`; then compacts like `erase`.
  func purgeContacts(survey: String, audit: AuditEntry) throws(StoreError) -> ErasureOutcome

  /// Corrects answers of one stored response in one transaction: sets (or,
  /// for `nil`, removes) `answers` and `contacts`, keeps one history row per
  /// changed key (`amendments(of:)`; for a contact, that it changed, not the
  /// address) and writes `audit`. `check` gets the response before and after
  /// the change, read inside the transaction; whatever it throws is
  /// rethrown and nothing changes. Returns the history rows written (none
  /// when every value was already the one given).
  func amend(
    response id: UUID, answers: [String: AnswerValue?], contacts: [String: String?], audit: AuditEntry,
    reason: String?, check: (_ before: Response, _ after: Response) throws -> Void
  ) throws -> [Amendment]

  /// The corrections of a response, oldest first.
  func amendments(of id: UUID) throws(StoreError) -> [Amendment]

  /// Every erasure, purge and correction made on the store, oldest first.
  func auditTrail() throws(StoreError) -> [AuditEntry]
}

extension ResponseRepository {
  /// Adds whole responses in one transaction, without tokens (see
  /// `insert(_:schemas:source:tokens:)`).
  public func insert(
    _ responses: [Response], schemas: [SchemaRecord], source: ImportRecord?
  ) throws(StoreError) -> InsertOutcome {
    try insert(responses, schemas: schemas, source: source, tokens: FollowUpTokens())
  }

  /// Saves one answer (or removes it with `nil`): one short, durable transaction.
  public func save(_ value: AnswerValue?, forKey key: String, response id: UUID) throws(StoreError) {
    try update(response: id, answers: [key: value], contacts: [:])
  }

  /// Saves one contact answer (an `email` question), kept apart from the answers.
  public func saveContact(_ value: String?, forKey key: String, response id: UUID) throws(StoreError) {
    try update(response: id, answers: [:], contacts: [key: value])
  }

  /// Records the current answer schema of `survey` (see `recordSchema(_:)`).
  public func recordSchema(of survey: Survey) throws(StoreError) {
    try recordSchema(SchemaRecord(survey))
  }

  /// Marks a response complete, submitted at `date`.
  public func submit(response id: UUID, at date: Date = Date()) throws(StoreError) {
    try setStatus(.complete, submittedAt: date, response: id)
  }

  /// Each response of `survey` without its contacts (what the engine reads).
  public func forEachResponse(
    survey: String, includePartial: Bool, _ body: (Response) throws -> Void
  ) throws {
    try forEachResponse(survey: survey, includePartial: includePartial, includeContacts: false, body)
  }
}

/// The answer schema of one version of a survey, as stored beside its responses.
public struct SchemaRecord: Sendable, Hashable {
  /// `Survey.schemaHash` of the definition.
  public var hash: String
  public var surveyVersion: Int
  /// The schema's fields (keys, types, codes, scale bounds) as JSON, in the
  /// survey's order; decoded by the survey-change report.
  public var fieldsJSON: String

  public init(hash: String, surveyVersion: Int, fieldsJSON: String) {
    self.hash = hash
    self.surveyVersion = surveyVersion
    self.fieldsJSON = fieldsJSON
  }

  /// The schema of `survey` as it is now: `Survey.schemaHash` and `Survey.answerSchema`.
  public init(_ survey: Survey) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(survey.answerSchema)) ?? Data("[]".utf8)
    self.init(
      hash: survey.schemaHash, surveyVersion: survey.version,
      fieldsJSON: String(decoding: data, as: UTF8.self))
  }

  /// The recorded fields, in the survey's order; `nil` if the JSON cannot be read.
  public var fields: [FieldSchema]? {
    try? JSONDecoder().decode([FieldSchema].self, from: Data(fieldsJSON.utf8))
  }
}

/// A schema hash found in the store, with how many responses used it.
public struct StoredSchema: Sendable, Hashable {
  public var hash: String
  /// `nil` when responses name a hash whose schema was never recorded.
  public var record: SchemaRecord?
  public var responseCount: Int

  public init(hash: String, record: SchemaRecord?, responseCount: Int) {
    self.hash = hash
    self.record = record
    self.responseCount = responseCount
  }
}

/// A file whose responses were imported.
public struct ImportRecord: Sendable, Hashable {
  /// SHA-256 of the file's bytes, lowercase hex.
  public var hash: String
  /// The file as given on the command line (`-` for standard input).
  public var name: String
  public var importedAt: Date
  /// Responses the import added.
  public var added: Int

  public init(hash: String, name: String, importedAt: Date, added: Int = 0) {
    self.hash = hash
    self.name = name
    self.importedAt = importedAt
    self.added = added
  }
}

/// What an insertion did.
public struct InsertOutcome: Sendable, Hashable {
  public var added: Int
  /// Responses whose id was already stored (left as stored).
  public var alreadyPresent: Int
  /// Among those, how many differ from the stored copy.
  public var differing: Int
  /// `true` when the file's hash had been imported before (nothing read from it).
  public var fileAlreadyImported: Bool
  /// Responses left out because they were erased from the store before
  /// (`bilan delete`): an erasure is not undone by importing the file again.
  public var erased: Int

  public init(
    added: Int, alreadyPresent: Int, differing: Int = 0, fileAlreadyImported: Bool = false, erased: Int = 0
  ) {
    self.added = added
    self.alreadyPresent = alreadyPresent
    self.differing = differing
    self.fileAlreadyImported = fileAlreadyImported
    self.erased = erased
  }
}

/// What an erasure or a purge did.
public struct ErasureOutcome: Sendable, Hashable {
  /// Responses erased (`erase`) or whose contacts were removed (`purgeContacts`).
  public var responses: Int
  /// Contact answers removed.
  public var contacts: Int
  /// `false` when the store's files could not be compacted at once (another
  /// process kept reading the store longer than the busy timeout): the
  /// erased content may stay in the files until the last process using the
  /// store closes it (SQLite then checkpoints the log into the file).
  public var compacted: Bool
  /// When `compacted` is `false`: what remains of the erased data, and
  /// until when, as the store can tell (it differs between SQLite and PostgreSQL).
  public var note: String?

  public init(responses: Int, contacts: Int, compacted: Bool, note: String? = nil) {
    self.responses = responses
    self.contacts = contacts
    self.compacted = compacted
    self.note =
      note
      ?? (compacted
        ? nil
        : "another process kept reading the store, so the erased data stay in its files until the last "
          + "process using the store closes it (stop the questionnaires on it)")
  }
}
