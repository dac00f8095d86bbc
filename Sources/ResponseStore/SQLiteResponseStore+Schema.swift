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
    return migrator
  }
}
