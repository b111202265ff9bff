import Foundation
import PostgresNIO

/// The schema of Chronicle's tables in a PostgreSQL database, as named migrations applied in order and recorded in
/// `chronicle_schema_migrations`.
///
/// A migration, once released, never changes: a database written by an older version of Chronicle opens in a
/// newer one, which applies only the migrations the database lacks. Migrating takes a transaction-scoped advisory
/// lock, so that servers starting together migrate one after the other. Every table's name starts with
/// `chronicle_`, so the tables can share a database (or a schema) with others. Every string a client sends is kept
/// as its UTF-8 bytes (`BYTEA`): PostgreSQL's `TEXT` cannot hold a NUL character, and a store never loses data.
///
/// - `v1`: stories, their documents (unique positions within a story) and each document's analysis.
/// - `v2`: the cached timeline of a story, with the revision it was built for.
enum PostgresSchema {
    /// The migrations, oldest first: a name and its statements (one statement each: the extended query
    /// protocol runs one at a time).
    static let migrations: [(name: String, statements: [String])] = [
        (
            "v1",
            [
                """
                CREATE TABLE chronicle_stories (
                    id BIGSERIAL PRIMARY KEY,
                    title BYTEA NOT NULL,
                    created TIMESTAMPTZ NOT NULL DEFAULT now(),
                    revision BIGINT NOT NULL DEFAULT 0
                )
                """,
                """
                CREATE TABLE chronicle_documents (
                    id BIGSERIAL PRIMARY KEY,
                    story_id BIGINT NOT NULL REFERENCES chronicle_stories (id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    added TIMESTAMPTZ NOT NULL DEFAULT now(),
                    title BYTEA,
                    published BYTEA,
                    url BYTEA,
                    text BYTEA NOT NULL,
                    source BYTEA,
                    format BYTEA NOT NULL,
                    UNIQUE (story_id, position)
                )
                """,
                """
                CREATE TABLE chronicle_analyses (
                    document_id BIGINT PRIMARY KEY REFERENCES chronicle_documents (id) ON DELETE CASCADE,
                    analysis BYTEA NOT NULL
                )
                """,
            ]
        ),
        (
            "v2",
            [
                """
                CREATE TABLE chronicle_timelines (
                    story_id BIGINT PRIMARY KEY REFERENCES chronicle_stories (id) ON DELETE CASCADE,
                    revision BIGINT NOT NULL,
                    timeline BYTEA NOT NULL
                )
                """
            ]
        ),
    ]

    /// Whether `name` may name a schema here: lower-case ASCII letters, digits and `_`, not starting with a
    /// digit, at most 63 bytes (so it never needs quoting).
    static func isValidSchemaName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }

    /// Brings the database that `connection` is connected to up to the current schema, in one transaction;
    /// creates `schema` first when one is given (the connection's `search_path` must name it).
    static func migrate(on connection: PostgresConnection, schema: String?, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext('chronicle_schema_migrations'))", logger: logger)
            if let schema { try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger) }
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS chronicle_schema_migrations (
                    version TEXT PRIMARY KEY, applied TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """,
                logger: logger
            )
            var applied: Set<String> = []
            for try await version in try await connection.query("SELECT version FROM chronicle_schema_migrations", logger: logger)
                .decode(String.self)
            {
                applied.insert(version)
            }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO chronicle_schema_migrations (version) VALUES (\(migration.name))", logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
