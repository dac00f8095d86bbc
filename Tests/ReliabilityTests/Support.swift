import Foundation
import GRDB
import ResponseStore
import TestSupport

/// Files of this test target.
enum Fixture {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// Every response of the store at `path` (partial ones and contacts
/// included), or none when the file does not exist.
func storedResponses(_ path: String, survey: String) throws -> [Response] {
  guard FileManager.default.fileExists(atPath: path) else { return [] }
  let store = try SQLiteResponseStore(path: path, surveyID: survey, create: false)
  var responses: [Response] = []
  try store.forEachResponse(survey: survey, includePartial: true, includeContacts: true) {
    responses.append($0)
  }
  return responses
}

/// `PRAGMA integrity_check` of the SQLite file at `path` ("ok" when sound).
func integrityCheck(_ path: String) throws -> String {
  let database = try DatabaseQueue(path: path)
  defer { try? database.close() }
  return try database.read { db in
    try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
  }
}

/// The names of the files in `directory`, sorted.
func fileNames(in directory: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
}

/// The bytes of every file in `directory`, by name.
func snapshot(of directory: String) -> [String: Data] {
  var result: [String: Data] = [:]
  for name in fileNames(in: directory) {
    result[name] = FileManager.default.contents(atPath: directory + "/" + name)
  }
  return result
}

/// Runs `python3 -c script arguments…` and returns its standard output.
func python(_ script: String, _ arguments: [String] = []) throws -> CommandResult {
  try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
}
