import Foundation
import ResponseStore
import SurveyDefinition

/// Fills a store with synthetic responses, in batches so that a million
/// responses neither hold the whole set in memory nor make one huge transaction.
public enum RehearsalStore {
  /// Responses written per transaction.
  public static let batchSize = 5_000

  /// Whether the store at `path` holds only synthetic responses (or none):
  /// only such a store may be replaced by a new rehearsal.
  public static func holdsOnlySyntheticResponses(path: String, survey: Survey) throws -> Bool {
    guard FileManager.default.fileExists(atPath: path) else { return true }
    let store = try SQLiteResponseStore(path: path, surveyID: survey.id, create: false)
    var onlySynthetic = true
    try store.forEachResponse(survey: survey.id, includePartial: true) { response in
      if response.source != .synthetic { onlySynthetic = false }
    }
    return onlySynthetic
  }

  /// Replaces the store at `path` (only if it holds synthetic responses or
  /// none) with `count` synthetic responses to `survey`, drawn with `seed`;
  /// calls `progress(done)` after each batch.
  ///
  /// - Throws: ``RehearsalError`` when the store is not one to replace, or
  ///   what the store throws while it is written (`StoreError`).
  public static func replace(
    path: String, survey: Survey, count: Int, seed: UInt64, language: String,
    progress: (Int) -> Void = { _ in }
  ) throws -> (complete: Int, partial: Int) {
    do {
      guard try holdsOnlySyntheticResponses(path: path, survey: survey) else {
        throw RehearsalError.realResponses(path: path)
      }
    } catch let error as StoreError {
      throw RehearsalError.notReplaceable(error)
    }
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(
      atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let store = try SQLiteResponseStore(path: path, surveyID: survey.id)
    let generated = SyntheticResponses(survey: survey, count: count, seed: seed, language: language)
    return try fill(store, survey: survey, responses: generated, progress: progress)
  }

  /// Writes `responses` into `store`, calling `progress(done)` after each batch.
  /// Returns how many complete and partial responses were written.
  @discardableResult
  public static func fill(
    _ store: any ResponseRepository, survey: Survey, responses: SyntheticResponses,
    progress: (Int) -> Void = { _ in }
  ) throws -> (complete: Int, partial: Int) {
    let schema = SchemaRecord(survey)
    var batch: [Response] = []
    batch.reserveCapacity(batchSize)
    var complete = 0
    var partial = 0
    var done = 0
    func flush() throws {
      guard !batch.isEmpty else { return }
      _ = try store.insert(batch, schemas: [schema], source: nil)
      done += batch.count
      batch.removeAll(keepingCapacity: true)
      progress(done)
    }
    for response in responses {
      if response.status == .complete { complete += 1 } else { partial += 1 }
      batch.append(response)
      if batch.count == batchSize { try flush() }
    }
    try flush()
    return (complete, partial)
  }
}
