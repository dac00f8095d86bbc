import Foundation
import ResponseStore
import SurveyDefinition
import TestSupport
import Testing

/// What the store and the reports reveal about participants.
@Suite struct PrivacyTests {
  static let everyType = BadInputTests.everyType

  /// The store and its WAL companions are readable by their owner only, and
  /// the email given is in the `contacts` table alone.
  @Test func storeIsPrivateAndEmailsOnlyInContacts() throws {
    let directory = try TemporaryDirectory("bilan-privacy")
    defer { directory.remove() }
    let store = directory.path("store.sqlite")
    var answers = BadInputTests.validAnswers
    answers["email"] = #""claire.martin@example.org""#
    answers["commentaires"] = #""rien à signaler""#
    let result = try runBilan(
      ["ask", Self.everyType, "--store", store, "--answers", "-"], input: BadInputTests.json(answers))
    try #require(result.status == 0, "\(result.stderr)")
    for name in fileNames(in: directory.path(".")) {
      let attributes = try FileManager.default.attributesOfItem(atPath: directory.path(name))
      let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
      #expect(mode & 0o077 == 0, "\(name) has mode \(String(mode, radix: 8))")
    }
    // Every table, every column: the address appears in `contacts` only.
    let dump = try python(
      """
      import sqlite3, sys
      c = sqlite3.connect(sys.argv[1])
      for (t,) in c.execute("select name from sqlite_master where type='table'"):
          for row in c.execute(f'select * from "{t}"'):
              if any('claire.martin@example.org' in str(v) for v in row):
                  print(t)
      """, [store])
    #expect(dump.status == 0, "\(dump.stderr)")
    #expect(dump.stdout.split(separator: "\n") == ["contacts"], "\(dump.stdout)")
  }
}
