import PostgresNIO
import ResponseStore

/// The store's tables in PostgreSQL: the concepts of the SQLite store
/// (`SQLiteResponseStore+Schema`), for a database that many surveys share.
///
/// - Everything lives in one schema (`bilan` unless the URL says
///   `schema=`), reached through the connection's `search_path`.
/// - The tables a survey owns rows of carry `survey_id`: schemas and
///   imports are keyed by survey (SQLite has one survey per file).
/// - Contact data stay in `contacts`, a table of their own, so that a
///   reporting role can be given every table but that one (docs/postgresql.md).
/// - Times are `timestamptz`, always written to the whole second as in
///   SQLite, so both stores order and report responses identically.
/// - Migrations are only ever added, never edited; each runs in one
///   transaction under an advisory lock, so computers opening a new
///   database at the same moment apply each exactly once.
extension PostgresResponseStore {
  /// The value of `store_info.format` that marks a schema as bilan's.
  static let formatMark = "bilan-responses"

  /// An arbitrary constant: the advisory lock migrations take.
  static let migrationLock: Int64 = 0x6269_6c61_6e00_0001

  /// The migrations, oldest first; `schema` is the (checked) name of bilan's schema.
  static func migrations(schema: String) -> [(identifier: String, sql: [String])] {
    [
      (
        "v1-responses",
        [
          """
          CREATE TABLE store_info (
            key text PRIMARY KEY,
            value text NOT NULL
          )
          """,
          "INSERT INTO store_info (key, value) VALUES ('format', '\(formatMark)')",
          """
          CREATE TABLE schemas (
            survey_id text NOT NULL,
            hash text NOT NULL,
            survey_version integer NOT NULL,
            fields text NOT NULL,
            recorded_at timestamptz NOT NULL,
            PRIMARY KEY (survey_id, hash)
          )
          """,
          """
          CREATE TABLE imports (
            survey_id text NOT NULL,
            hash text NOT NULL,
            name text NOT NULL,
            imported_at timestamptz NOT NULL,
            added integer NOT NULL,
            PRIMARY KEY (survey_id, hash)
          )
          """,
          """
          CREATE TABLE responses (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            uuid uuid NOT NULL UNIQUE,
            survey_id text NOT NULL,
            survey_version integer NOT NULL,
            schema_hash text NOT NULL,
            status text NOT NULL CHECK (status IN ('partial', 'complete')),
            language text NOT NULL,
            started_at timestamptz NOT NULL,
            submitted_at timestamptz,
            updated_at timestamptz NOT NULL,
            source text NOT NULL CHECK (source IN ('terminal', 'file', 'synthetic')),
            source_name text,
            source_hash text,
            device text
          )
          """,
          "CREATE INDEX responses_in_order ON responses (survey_id, started_at, uuid)",
          "CREATE INDEX responses_by_device ON responses (device, status, updated_at)",
          """
          CREATE TABLE answers (
            response_id bigint NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
            key text NOT NULL,
            type text NOT NULL CHECK (type IN ('code', 'text', 'integer', 'number', 'boolean', 'codes', 'na')),
            value text,
            PRIMARY KEY (response_id, key)
          )
          """,
          """
          CREATE TABLE contacts (
            response_id bigint NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
            key text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (response_id, key)
          )
          """,
          """
          CREATE TABLE audit (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            actor text NOT NULL,
            action text NOT NULL CHECK (action IN ('delete', 'purge-contacts', 'amend')),
            survey_id text NOT NULL,
            criterion text NOT NULL,
            responses integer NOT NULL
          )
          """,
          "CREATE TABLE erased (uuid uuid PRIMARY KEY)",
          """
          CREATE TABLE amendments (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            response_id bigint NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
            key text NOT NULL,
            contact boolean NOT NULL,
            previous_type text,
            previous_value text,
            new_type text,
            new_value text,
            at timestamptz NOT NULL,
            actor text NOT NULL,
            reason text
          )
          """,
          "CREATE INDEX amendments_of_response ON amendments (response_id)",
          grantRoles(schema: schema, version: 1),
          "SELECT grant_roles()",
        ]
      ),
      (
        "v2-follow-up",
        [
          // The token issued to a response (shown at the end of the questionnaire, or mailed by
          // the facilitator): random, never derived from the contact data.
          """
          CREATE TABLE follow_up_tokens (
            response_id bigint PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
            token text NOT NULL UNIQUE
          )
          """,
          // The token a follow-up response gave: that of the response it follows.
          """
          CREATE TABLE follow_up_links (
            response_id bigint PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
            token text NOT NULL
          )
          """,
          grantRoles(schema: schema, version: 2),
          "SELECT grant_roles()",
        ]
      ),
    ]
  }

  /// `grant_roles()`: gives the roles of docs/postgresql.md, where they
  /// exist, their privileges on bilan's tables. Run by each migration that
  /// adds tables (redefined with them), and by docs/postgresql-roles.sql
  /// when the roles come after the tables.
  ///
  /// - `bilan_report` (stats, report, export without contacts): reads the
  ///   responses, answers, schemas, imports, the audit trail and the
  ///   follow-up tokens (to join a follow-up survey with the one it follows;
  ///   a token names no one without the contacts), and nothing of `contacts`
  ///   (nor of `amendments` and `erased`).
  /// - `bilan_collect` (ask, import, export --include-contacts, delete,
  ///   amend, purge-contacts): reads and writes every table.
  static func grantRoles(schema: String, version: Int) -> String {
    """
    CREATE OR REPLACE FUNCTION grant_roles() RETURNS void LANGUAGE plpgsql AS $grant$
    BEGIN
      -- bilan \(version)
      IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'bilan_report') THEN
        GRANT USAGE ON SCHEMA \(schema) TO bilan_report;
        GRANT SELECT ON \(schema).bilan_migrations, \(schema).store_info, \(schema).schemas, \(schema).imports,
          \(schema).responses, \(schema).answers, \(schema).audit TO bilan_report;
        IF to_regclass('\(schema).follow_up_tokens') IS NOT NULL THEN
          GRANT SELECT ON \(schema).follow_up_tokens, \(schema).follow_up_links TO bilan_report;
        END IF;
      END IF;
      IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'bilan_collect') THEN
        GRANT USAGE ON SCHEMA \(schema) TO bilan_collect;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(schema) TO bilan_collect;
        GRANT USAGE ON ALL SEQUENCES IN SCHEMA \(schema) TO bilan_collect;
      END IF;
    END
    $grant$
    """
  }

  /// Checks that the schema is bilan's (or absent), and applies the
  /// migrations it lacks. A role that may not create tables can use a
  /// migrated schema; it is told to run bilan once as the owner otherwise.
  func migrate(create: Bool) throws(StoreError) {
    let schema = address.schema
    let applied = try appliedMigrations()
    let migrations = Self.migrations(schema: schema)
    let known = Set(migrations.map(\.identifier))
    if let applied {
      let unknown = applied.subtracting(known)
      guard unknown.isEmpty else { throw .newerFormat(path: path, migrations: unknown.sorted()) }
      if applied == known { return }
    } else if !create {
      throw .notFound(path: path)
    }
    do {
      try session.transaction { transaction in
        try transaction.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
        // Under the lock: another computer may have migrated meanwhile.
        let state = try transaction.query(
          """
          SELECT to_regnamespace(\(schema)) IS NOT NULL, to_regclass(\(schema + ".bilan_migrations")) IS NOT NULL,
            (SELECT count(*) FROM pg_tables WHERE schemaname = \(schema))::bigint
          """
        ).rows.first.map { try $0.decode((Bool, Bool, Int64).self) }
        if let state, !state.1, state.2 > 0 { throw notBilans() }
        if state?.0 != true {
          try transaction.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"))
        }
        // Tables belong to the schema's owner when this role may act as it (bilan_owner in
        // docs/postgresql.md), not to whichever login ran the migration.
        let owner = try transaction.query(
          """
          SELECT nspowner::regrole::text, pg_has_role(nspowner, 'MEMBER') FROM pg_namespace
          WHERE nspname = \(schema)
          """
        ).rows.first.map { try $0.decode((String, Bool).self) }
        if let owner, owner.1 {
          try transaction.query(PostgresQuery(unsafeSQL: "SET LOCAL ROLE \(owner.0)"))
        }
        try transaction.query(
          PostgresQuery(
            unsafeSQL: """
              CREATE TABLE IF NOT EXISTS \(schema).bilan_migrations (
                identifier text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
              )
              """))
        let done = Set(
          try transaction.query("SELECT identifier FROM bilan_migrations").rows.map {
            try $0.decode(String.self)
          })
        let unknown = done.subtracting(known)
        guard unknown.isEmpty else { throw StoreError.newerFormat(path: path, migrations: unknown.sorted()) }
        for migration in migrations where !done.contains(migration.identifier) {
          for statement in migration.sql { try transaction.query(PostgresQuery(unsafeSQL: statement)) }
          try transaction.query("INSERT INTO bilan_migrations (identifier) VALUES (\(migration.identifier))")
        }
      }
    } catch let error as StoreError {
      if case .permissionDenied = error {
        throw .permissionDenied(
          path: path,
          detail:
            "this role may not create bilan's tables in schema \(schema): run a bilan command once as the "
            + "role that owns them (docs/postgresql.md), then use this one")
      }
      throw error
    } catch {
      throw .io(path: path, detail: "\(error)")
    }
  }

  /// A schema holding tables of another program.
  private func notBilans() -> StoreError {
    .invalidAddress(
      address: path,
      reason:
        "schema \(address.schema) holds tables that are not bilan's; give bilan a schema of its own "
        + "(?schema=NAME in the URL)")
  }

  /// The migrations applied, or `nil` when the schema has no migration table.
  private func appliedMigrations() throws(StoreError) -> Set<String>? {
    let table = "\(address.schema).bilan_migrations"
    let exists = try session.query("SELECT to_regclass(\(table)) IS NOT NULL").rows.first
    guard (try? exists?.decode(Bool.self)) == true else { return nil }
    let rows = try session.query("SELECT identifier FROM bilan_migrations").rows
    var identifiers: Set<String> = []
    for row in rows {
      guard let identifier = try? row.decode(String.self) else { continue }
      identifiers.insert(identifier)
    }
    if !identifiers.isEmpty {
      let mark = try session.query("SELECT value FROM store_info WHERE key = 'format'").rows.first
      if (try? mark?.decode(String.self)) != Self.formatMark { throw notBilans() }
    }
    return identifiers
  }
}
