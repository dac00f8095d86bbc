import Foundation
import SurveyDefinition

extension ResponseImporter {
  /// Reads another bilan store (the laptops of an event merged into one).
  ///
  /// The bytes are copied to a private temporary folder (with the `-wal`
  /// file beside `path`, if any, so that changes not yet checkpointed are
  /// read too) and opened there: the other store is never written to.
  /// Responses answered with the current definition are checked with the
  /// answer rules; those answered with an earlier one keep their schema,
  /// which is copied too, so `bilan lint --store` can explain them.
  func readStore(_ data: Data, name: String, path: String?) throws(ImportError) -> Batch {
    let fileManager = FileManager.default
    let folder = fileManager.temporaryDirectory.appendingPathComponent("bilan-import-\(UUID().uuidString)")
    defer { try? fileManager.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("responses.sqlite").path
    do {
      try fileManager.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      guard fileManager.createFile(atPath: copy, contents: data, attributes: [.posixPermissions: 0o600])
      else {
        throw CocoaError(.fileWriteUnknown)
      }
      if let path, let wal = fileManager.contents(atPath: path + "-wal"), !wal.isEmpty {
        _ = fileManager.createFile(
          atPath: copy + "-wal", contents: wal, attributes: [.posixPermissions: 0o600])
      }
    } catch {
      throw .unreadable(
        file: name, reason: "cannot copy it to a temporary folder: \(error.localizedDescription)")
    }

    var problems: [ImportProblem] = []
    var responses: [Response] = []
    var schemas: [SchemaRecord] = [SchemaRecord(survey)]
    var earlier = 0
    var tokens = FollowUpTokens()
    do {
      let store = try SQLiteResponseStore(path: copy, surveyID: nil, create: false)
      if let other = store.surveyID, other != survey.id {
        throw ImportError.rejected(
          file: name, problems: [ImportProblem(line: nil, "a store of survey '\(other)', not '\(survey.id)'")]
        )
      }
      let stored = try store.storedSchemas(survey: survey.id)
      let records = Dictionary(uniqueKeysWithValues: stored.compactMap { $0.record.map { ($0.hash, $0) } })
      let current = survey.schemaHash
      try store.forEachResponse(survey: survey.id, includePartial: true, includeContacts: true) { response in
        let id = response.id.uuidString.lowercased()
        func problem(_ message: String) {
          problems.append(ImportProblem(line: nil, "response \(id): \(message)"))
        }
        if response.schemaHash == current {
          for answerProblem in flow.checkResponse(
            answers: response.answers, contacts: response.contacts, complete: response.status == .complete,
            requireContacts: false)
          {
            problem(answerProblem.description)
          }
        } else if let record = records[response.schemaHash] {
          if !schemas.contains(record) { schemas.append(record) }
          earlier += 1
        } else {
          problem(
            "answered with a definition whose schema (\(response.schemaHash.prefix(12))…) the store did not keep; "
              + "its answers cannot be checked")
        }
        if !survey.languages.contains(response.language) {
          problem("language '\(response.language)' is not one of the survey's")
        }
        responses.append(response)
      }
      tokens = try store.followUpTokens(survey: survey.id)
      if responses.isEmpty && problems.isEmpty {
        problems.append(ImportProblem(line: nil, "the store holds no responses to survey '\(survey.id)'"))
      }
    } catch let error as ImportError {
      throw error
    } catch let error as StoreError {
      throw .rejected(file: name, problems: [ImportProblem(line: nil, Self.describe(error, copy: copy))])
    } catch {
      throw .rejected(file: name, problems: [ImportProblem(line: nil, error.localizedDescription)])
    }
    guard problems.isEmpty else { throw .rejected(file: name, problems: problems) }
    return Batch(
      format: .store, responses: responses, schemas: schemas,
      source: ImportRecord(hash: "", name: name, importedAt: now), earlierSchemaCount: earlier, tokens: tokens
    )
  }

  /// A store error about the temporary copy, told without its path.
  private static func describe(_ error: StoreError, copy: String) -> String {
    let text = error.errorDescription ?? "\(error)"
    return text.hasPrefix(copy + ": ") ? String(text.dropFirst(copy.count + 2)) : text
  }
}
