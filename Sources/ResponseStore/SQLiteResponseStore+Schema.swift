import GRDB

extension SQLiteResponseStore {
  /// The value of `store_info.format` that marks a file as a bilan store.
  static let formatMark = "bilan-responses"

  /// The store's tables. Migrations are only ever added, never edited: a
  /// store written by this version opens in every later one.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-responses") { db in
      try db.execute(
        sql: """
          CREATE TABLE store_info (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
          );
          INSERT INTO store_info (key, value) VALUES ('format', '\(formatMark)');

          -- The answer schema (keys, types, codes) of each survey version responses were answered with.
          CREATE TABLE schemas (
            hash TEXT PRIMARY KEY NOT NULL,
            survey_version INTEGER NOT NULL,
            fields TEXT NOT NULL,
            recorded_at TEXT NOT NULL
          );

          -- Files imported, by the SHA-256 of their bytes: the same file twice adds nothing.
          CREATE TABLE imports (
            hash TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            added INTEGER NOT NULL
          );

          CREATE TABLE responses (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            survey_id TEXT NOT NULL,
            survey_version INTEGER NOT NULL,
            schema_hash TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('partial', 'complete')),
            language TEXT NOT NULL,
            started_at TEXT NOT NULL,
            submitted_at TEXT,
            updated_at TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('terminal', 'file', 'synthetic')),
            source_name TEXT,
            source_hash TEXT,
            device TEXT
          );
          CREATE INDEX responses_in_order ON responses (survey_id, started_at, uuid);
          CREATE INDEX responses_by_device ON responses (device, status, updated_at);

          -- One row per answer key; `value` holds TEXT, INTEGER, REAL or NULL as `type` says.
          CREATE TABLE answers (
            response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            type TEXT NOT NULL
              CHECK (type IN ('code', 'text', 'integer', 'number', 'boolean', 'codes', 'na')),
            value,
            PRIMARY KEY (response_id, key)
          ) WITHOUT ROWID;

          -- Contact data (email questions), kept apart from the answers.
          CREATE TABLE contacts (
            response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (response_id, key)
          ) WITHOUT ROWID;
          """)
    }
    migrator.registerMigration("v2-data-management") { db in
      try db.execute(
        sql: """
          -- Who erased, purged or corrected how many responses, and when; never the content.
          CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('delete', 'purge-contacts', 'amend')),
            survey_id TEXT NOT NULL,
            criterion TEXT NOT NULL,
            responses INTEGER NOT NULL
          );

          -- The ids of erased responses, so that no later import brings them back.
          CREATE TABLE erased (
            uuid TEXT PRIMARY KEY NOT NULL
          ) WITHOUT ROWID;

          -- Corrections of stored answers (bilan amend), the previous value kept; types and
          -- values as in `answers`, NULL type for "not answered". Contacts: no values.
          CREATE TABLE amendments (
            id INTEGER PRIMARY KEY,
            response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            contact INTEGER NOT NULL CHECK (contact IN (0, 1)),
            previous_type TEXT,
            previous_value,
            new_type TEXT,
            new_value,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT
          );
          CREATE INDEX amendments_of_response ON amendments (response_id);
          """)
    }
    migrator.registerMigration("v3-follow-up") { db in
      try db.execute(
        sql: """
          -- The follow-up token issued to a response (shown at the end of the questionnaire, or
          -- mailed by the facilitator): random, never derived from the contact data.
          CREATE TABLE follow_up_tokens (
            response_id INTEGER PRIMARY KEY NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
            token TEXT NOT NULL UNIQUE
          );

          -- The token a follow-up response gave: that of the response it follows (in another survey).
          CREATE TABLE follow_up_links (
            response_id INTEGER PRIMARY KEY NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
            token TEXT NOT NULL
          );
          """)
    }
    return migrator
  }
}
