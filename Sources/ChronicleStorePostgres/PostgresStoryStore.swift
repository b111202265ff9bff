import ChronicleService
import Foundation
import Logging
import PostgresNIO

/// A ``ChronicleService/StoryStore`` in a PostgreSQL database (tables `chronicle_…`, see the migrations in
/// `chronicle_schema_migrations`).
///
/// Open one with ``open(url:schema:logger:)``, which checks the server can be reached and brings the schema up
/// to date, then **call ``run()`` in a long-running task** (a task group, or a ServiceLifecycle service group):
/// it runs the connection pool, and every method waits for a connection until it runs. Cancelling that task
/// closes the pool.
///
/// Every method is one transaction on one connection (a single statement, or `BEGIN` … `COMMIT`). A write locks its story's row first
/// (`SELECT … FOR UPDATE`), so that concurrent writers to one story, from any number of processes, are
/// serialised: each document gets its own position and the revision counts every change. Reads that return
/// more than one row set run in a `REPEATABLE READ` transaction, so they see one state.
public final class PostgresStoryStore: StoryStore {
    /// The database, without its password in ``PostgresLocation/description``.
    public let location: PostgresLocation
    /// The schema the tables are in (`nil`: the first of the server's default `search_path`, usually `public`).
    public let schema: String?
    private let client: PostgresClient
    private let logger: Logger

    /// A logger that drops everything.
    public static let silentLogger = Logger(label: "chronicle.store.postgres") { _ in SwiftLogNoOpLogHandler() }

    private init(location: PostgresLocation, schema: String?, logger: Logger) {
        self.location = location
        self.schema = schema
        self.logger = logger
        client = PostgresClient(configuration: location.clientConfiguration(searchPath: schema), backgroundLogger: logger)
    }

    /// Connects once to the database `url` names (see ``PostgresLocation``), creates `schema` when one is given
    /// and absent (a lower-case SQL name), applies the migrations the database lacks, and returns the store, whose
    /// ``run()`` must then be running for it to serve. Throws when the URL is invalid, the server cannot be reached
    /// or refuses the credentials, or a migration fails (the schema is then unchanged).
    public static func open(url: String, schema: String? = nil, logger: Logger = silentLogger) async throws -> PostgresStoryStore {
        let location = try PostgresLocation(url: url)
        if let schema, !PostgresSchema.isValidSchemaName(schema) {
            throw PostgresOpenFailure(description: "invalid schema name '\(schema)' (lower-case letters, digits and _, at most 63)")
        }
        do {
            let connection = try await PostgresConnection.connect(
                configuration: location.connectionConfiguration(searchPath: schema), id: 0, logger: logger
            )
            do {
                try await PostgresSchema.migrate(on: connection, schema: schema, logger: logger)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw PostgresOpenFailure(description: "cannot open PostgreSQL at \(location.description): \(String(reflecting: error))")
        }
        return PostgresStoryStore(location: location, schema: schema, logger: logger)
    }

    /// Runs the connection pool until the calling task is cancelled (or a ServiceLifecycle graceful shutdown);
    /// call it exactly once, in a task that lives as long as the store is used.
    public func run() async {
        await client.run()
    }

    // MARK: Transactions

    /// Runs `body` between `BEGIN` and `COMMIT` on one connection; a throw rolls the transaction back and is
    /// rethrown as it was (a connection whose rollback fails is closed, and the pool replaces it).
    private func transaction<T: Sendable>(
        _ begin: PostgresQuery = "BEGIN",
        _ body: (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        let logger = logger
        return try await client.withConnection { connection in
            try await connection.query(begin, logger: logger)
            do {
                let value = try await body(connection, logger)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                do { try await connection.query("ROLLBACK", logger: logger) } catch { try? await connection.close() }
                throw error
            }
        }
    }

    /// Runs `body`, which runs one statement (a transaction of its own), on one connection.
    private func statement<T: Sendable>(_ body: (PostgresConnection, Logger) async throws -> T) async throws -> T {
        let logger = logger
        return try await client.withConnection { connection in try await body(connection, logger) }
    }

    /// A read-only transaction that sees one snapshot of the database.
    private func snapshot<T: Sendable>(_ body: (PostgresConnection, Logger) async throws -> T) async throws -> T {
        try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    // MARK: Stories

    public func createStory(title: String) async throws -> StoryRecord {
        try await statement { connection, logger in
            let rows = try await connection.query(
                "INSERT INTO chronicle_stories (title) VALUES (\(Data(title.utf8))) RETURNING id, created", logger: logger
            )
            for try await (id, created) in rows.decode((Int64, Date).self) {
                return StoryRecord(id: id, title: title, created: created, documentCount: 0, revision: 0)
            }
            throw PostgresStoreFailure.noRowReturned
        }
    }

    public func stories() async throws -> [StoryRecord] {
        try await statement { connection, logger in
            try await Self.stories(connection.query("\(unescaped: Self.storyColumns) ORDER BY s.id", logger: logger))
        }
    }

    public func story(_ id: Int64) async throws -> StoryRecord? {
        try await statement { connection, logger in
            try await Self.stories(connection.query("\(unescaped: Self.storyColumns) WHERE s.id = \(id)", logger: logger)).first
        }
    }

    public func deleteStory(_ id: Int64) async throws -> Bool {
        try await statement { connection, logger in
            try await Self.exists(connection.query("DELETE FROM chronicle_stories WHERE id = \(id) RETURNING id", logger: logger))
        }
    }

    // MARK: Documents

    public func addDocument(_ document: NewDocument, analysis: Data, to story: Int64, limit: Int?) async throws -> DocumentRecord {
        try await transaction { connection, logger in
            guard try await Self.lock(story, on: connection, logger: logger) else { throw StoryStoreError.storyNotFound(story) }
            let rows = try await connection.query(
                "SELECT count(*), coalesce(max(position), 0) FROM chronicle_documents WHERE story_id = \(story)", logger: logger
            )
            var count: Int64 = 0
            var last: Int64 = 0
            for try await (rowCount, rowLast) in rows.decode((Int64, Int64).self) { (count, last) = (rowCount, rowLast) }
            if let limit, count >= limit { throw StoryStoreError.storyFull(limit: limit) }
            // One statement adds the document and its analysis, raises the revision and drops the cached timeline.
            let inserted = try await connection.query(
                """
                WITH document AS (
                    INSERT INTO chronicle_documents (story_id, position, title, published, url, text, source, format)
                    VALUES (\(story), \(last + 1), \(Self.bytes(document.title)), \(Self.bytes(document.published)), \
                    \(Self.bytes(document.url)), \(Data(document.text.utf8)), \(Self.bytes(document.source)), \(Data(document.format.utf8)))
                    RETURNING id, added, story_id
                ),
                analysis AS (INSERT INTO chronicle_analyses (document_id, analysis) SELECT id, \(analysis) FROM document),
                \(unescaped: Self.recordChange)
                SELECT id, added FROM document
                """,
                logger: logger
            )
            var record: DocumentRecord?
            for try await (id, added) in inserted.decode((Int64, Date).self) {
                record = DocumentRecord(id: id, storyID: story, position: last + 1, added: added, document: document)
            }
            guard let record else { throw PostgresStoreFailure.noRowReturned }
            return record
        }
    }

    public func documents(of story: Int64) async throws -> [DocumentRecord]? {
        try await snapshot { connection, logger in
            guard try await Self.exists(connection.query("SELECT id FROM chronicle_stories WHERE id = \(story)", logger: logger)) else {
                return nil
            }
            return try await Self.documents(
                connection.query("\(unescaped: Self.documentColumns) WHERE story_id = \(story) ORDER BY position", logger: logger)
            )
        }
    }

    public func document(_ id: Int64, of story: Int64) async throws -> DocumentRecord? {
        try await statement { connection, logger in
            try await Self.documents(
                connection.query("\(unescaped: Self.documentColumns) WHERE id = \(id) AND story_id = \(story)", logger: logger)
            ).first
        }
    }

    public func deleteDocument(_ id: Int64, of story: Int64) async throws -> Bool {
        try await transaction { connection, logger in
            guard try await Self.lock(story, on: connection, logger: logger) else { return false }
            return try await Self.exists(
                connection.query(
                    """
                    WITH document AS (DELETE FROM chronicle_documents WHERE id = \(id) AND story_id = \(story) RETURNING story_id),
                    \(unescaped: Self.recordChange)
                    SELECT story_id FROM document
                    """,
                    logger: logger
                )
            )
        }
    }

    // MARK: Analyses and the timeline

    public func analyses(of story: Int64) async throws -> (revision: Int64, analyses: [StoredAnalysis])? {
        let found: (Int64, [StoredAnalysis])? = try await snapshot { connection, logger in
            var revision: Int64?
            for try await value in try await connection.query("SELECT revision FROM chronicle_stories WHERE id = \(story)", logger: logger)
                .decode(Int64.self)
            {
                revision = value
            }
            guard let revision else { return nil }
            let rows = try await connection.query(
                """
                SELECT d.id, d.position, d.title, a.analysis FROM chronicle_documents d
                JOIN chronicle_analyses a ON a.document_id = d.id WHERE d.story_id = \(story) ORDER BY d.position
                """,
                logger: logger
            )
            var analyses: [StoredAnalysis] = []
            for try await (id, position, title, analysis) in rows.decode((Int64, Int64, Data?, Data).self) {
                analyses.append(StoredAnalysis(documentID: id, position: position, title: Self.string(title), analysis: analysis))
            }
            return (revision, analyses)
        }
        return found.map { (revision: $0.0, analyses: $0.1) }
    }

    public func cachedTimeline(of story: Int64, revision: Int64) async throws -> Data? {
        try await statement { connection, logger in
            let rows = try await connection.query(
                "SELECT timeline FROM chronicle_timelines WHERE story_id = \(story) AND revision = \(revision)", logger: logger
            )
            for try await timeline in rows.decode(Data.self) { return timeline }
            return nil
        }
    }

    public func cacheTimeline(_ timeline: Data, of story: Int64, revision: Int64) async throws {
        try await statement { connection, logger -> Void in
            try await connection.query(
                """
                INSERT INTO chronicle_timelines (story_id, revision, timeline)
                SELECT id, revision, \(timeline) FROM chronicle_stories WHERE id = \(story) AND revision = \(revision)
                ON CONFLICT (story_id) DO UPDATE SET revision = EXCLUDED.revision, timeline = EXCLUDED.timeline
                """,
                logger: logger
            )
        }
    }

    // MARK: Rows

    private static let storyColumns = """
        SELECT s.id, s.title, s.created, s.revision, (SELECT count(*) FROM chronicle_documents d WHERE d.story_id = s.id)
        FROM chronicle_stories s
        """

    private static let documentColumns = """
        SELECT id, story_id, position, added, title, published, url, text, source, format FROM chronicle_documents
        """

    /// Locks the story's row until the transaction ends; `false` when there is no such story.
    private static func lock(_ story: Int64, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await exists(connection.query("SELECT id FROM chronicle_stories WHERE id = \(story) FOR UPDATE", logger: logger))
    }

    /// The common table expressions, after one named `document` that adds or deletes a document (and returns its
    /// story's id as `story_id`), that raise the story's revision and drop its cached timeline, which no longer
    /// matches it; they change nothing when `document` changed nothing.
    private static let recordChange = """
        revision AS (UPDATE chronicle_stories SET revision = revision + 1 WHERE id IN (SELECT story_id FROM document)),
        timeline AS (DELETE FROM chronicle_timelines WHERE story_id IN (SELECT story_id FROM document))
        """

    private static func exists(_ rows: PostgresRowSequence) async throws -> Bool {
        var found = false
        for try await _ in rows { found = true }
        return found
    }

    private static func stories(_ rows: PostgresRowSequence) async throws -> [StoryRecord] {
        var stories: [StoryRecord] = []
        for try await (id, title, created, revision, count) in rows.decode((Int64, Data, Date, Int64, Int64).self) {
            stories.append(StoryRecord(id: id, title: string(title) ?? "", created: created, documentCount: Int(count), revision: revision))
        }
        return stories
    }

    private static func documents(_ rows: PostgresRowSequence) async throws -> [DocumentRecord] {
        var documents: [DocumentRecord] = []
        let columns = (Int64, Int64, Int64, Date, Data?, Data?, Data?, Data, Data?, Data).self
        for try await (id, story, position, added, title, published, url, text, source, format) in rows.decode(columns) {
            let document = NewDocument(
                title: string(title), published: string(published), url: string(url), text: string(text) ?? "",
                source: string(source), format: string(format) ?? ""
            )
            documents.append(DocumentRecord(id: id, storyID: story, position: position, added: added, document: document))
        }
        return documents
    }

    private static func bytes(_ string: String?) -> Data? {
        string.map { Data($0.utf8) }
    }

    private static func string(_ bytes: Data?) -> String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Why a PostgreSQL store could not be opened: an invalid schema name, a server that cannot be reached or refuses
/// the credentials, a failed migration. The description names the database without its password.
public struct PostgresOpenFailure: Error, CustomStringConvertible, Sendable {
    /// What failed, naming the database without its password.
    public var description: String
}

/// A PostgreSQL answer that breaks the store's expectations (an internal failure).
enum PostgresStoreFailure: Error {
    case noRowReturned
}
