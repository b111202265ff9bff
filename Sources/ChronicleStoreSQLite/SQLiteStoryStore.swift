import ChronicleService
import Foundation
import GRDB

/// A ``ChronicleService/StoryStore`` in an embedded SQLite database, `chronicle.sqlite` in a data directory.
///
/// The database runs in WAL mode with `synchronous = FULL`, so that a write acknowledged to the caller has reached
/// the disk. Every method is one SQLite transaction; writes take the database's write lock at their start
/// (`BEGIN IMMEDIATE`), which serialises writers within the process and across processes, so that each document
/// gets its own position and the revision counts every change. Readers see the last committed state and never
/// wait for a writer. The data directory is created with mode 0700 and the database file with mode 0600.
public final class SQLiteStoryStore: StoryStore {
    private let pool: DatabasePool

    /// The database file.
    public let path: String

    /// Opens (creating it when absent) the database in `directory`, creating the directory when absent, and
    /// brings its schema up to date (see the migrations "v1", "v2"…).
    public init(directory: URL) throws {
        path = try SQLiteSchema.prepareFiles(in: directory)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try SQLiteSchema.migrator.migrate(pool)
    }

    /// Runs `body` in one write transaction that holds the write lock from its start; a throw rolls it back.
    private func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "a committed transaction gave no result") }
            return result
        }
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(body)
    }

    public func createStory(title: String) async throws -> StoryRecord {
        try await write { db in
            let created = Date().timeIntervalSince1970
            try db.execute(sql: "INSERT INTO story (title, created, revision) VALUES (?, ?, 0)", arguments: [Data(title.utf8), created])
            return StoryRecord(
                id: db.lastInsertedRowID, title: title, created: Date(timeIntervalSince1970: created), documentCount: 0, revision: 0
            )
        }
    }

    public func stories() async throws -> [StoryRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "\(Self.storyColumns) ORDER BY id").map(Self.story(from:))
        }
    }

    public func story(_ id: Int64) async throws -> StoryRecord? {
        try await read { db in try Self.story(id, in: db) }
    }

    public func deleteStory(_ id: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM story WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func addDocument(_ document: NewDocument, analysis: Data, to story: Int64, limit: Int?) async throws -> DocumentRecord {
        try await write { db in
            guard let record = try Self.story(story, in: db) else { throw StoryStoreError.storyNotFound(story) }
            if let limit, record.documentCount >= limit { throw StoryStoreError.storyFull(limit: limit) }
            let last = try Int64.fetchOne(db, sql: "SELECT MAX(position) FROM document WHERE storyID = ?", arguments: [story]) ?? 0
            let added = Date().timeIntervalSince1970
            try db.execute(
                sql: """
                    INSERT INTO document (storyID, position, added, title, published, url, text, source, format)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    story, last + 1, added, Self.bytes(document.title), Self.bytes(document.published), Self.bytes(document.url),
                    Data(document.text.utf8), Self.bytes(document.source), Data(document.format.utf8),
                ]
            )
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO analysis (documentID, data) VALUES (?, ?)", arguments: [id, analysis])
            try Self.recordChange(of: story, in: db)
            return DocumentRecord(id: id, storyID: story, position: last + 1, added: Date(timeIntervalSince1970: added), document: document)
        }
    }

    public func documents(of story: Int64) async throws -> [DocumentRecord]? {
        try await read { db in
            guard try Self.exists(story, in: db) else { return nil }
            return try Row.fetchAll(db, sql: "\(Self.documentColumns) WHERE storyID = ? ORDER BY position", arguments: [story])
                .map(Self.document(from:))
        }
    }

    public func document(_ id: Int64, of story: Int64) async throws -> DocumentRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "\(Self.documentColumns) WHERE id = ? AND storyID = ?", arguments: [id, story]).map(Self.document(from:))
        }
    }

    public func deleteDocument(_ id: Int64, of story: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM document WHERE id = ? AND storyID = ?", arguments: [id, story])
            guard db.changesCount > 0 else { return false }
            try Self.recordChange(of: story, in: db)
            return true
        }
    }

    public func analyses(of story: Int64) async throws -> (revision: Int64, analyses: [StoredAnalysis])? {
        let found: (Int64, [StoredAnalysis])? = try await read { db in
            guard let revision = try Int64.fetchOne(db, sql: "SELECT revision FROM story WHERE id = ?", arguments: [story]) else { return nil }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT document.id, document.position, document.title, analysis.data FROM document
                    JOIN analysis ON analysis.documentID = document.id
                    WHERE document.storyID = ? ORDER BY document.position
                    """,
                arguments: [story]
            )
            let analyses = rows.map { row in
                StoredAnalysis(documentID: row[0], position: row[1], title: Self.string(row[2]), analysis: row[3] ?? Data())
            }
            return (revision, analyses)
        }
        return found.map { (revision: $0.0, analyses: $0.1) }
    }

    public func cachedTimeline(of story: Int64, revision: Int64) async throws -> Data? {
        try await read { db in
            try Data.fetchOne(db, sql: "SELECT data FROM timeline WHERE storyID = ? AND revision = ?", arguments: [story, revision])
        }
    }

    public func cacheTimeline(_ timeline: Data, of story: Int64, revision: Int64) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO timeline (storyID, revision, data) SELECT id, revision, ? FROM story WHERE id = ? AND revision = ?
                    ON CONFLICT (storyID) DO UPDATE SET revision = excluded.revision, data = excluded.data
                    """,
                arguments: [timeline, story, revision]
            )
        }
    }

    // MARK: Rows

    private static let storyColumns = """
        SELECT id, title, created, revision, (SELECT COUNT(*) FROM document WHERE document.storyID = story.id) FROM story
        """

    private static let documentColumns = """
        SELECT id, storyID, position, added, title, published, url, text, source, format FROM document
        """

    /// Raises the story's revision and drops its cached timeline, which no longer matches it.
    private static func recordChange(of story: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE story SET revision = revision + 1 WHERE id = ?", arguments: [story])
        try db.execute(sql: "DELETE FROM timeline WHERE storyID = ?", arguments: [story])
    }

    private static func exists(_ story: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM story WHERE id = ?)", arguments: [story]) ?? false
    }

    private static func story(_ id: Int64, in db: Database) throws -> StoryRecord? {
        try Row.fetchOne(db, sql: "\(storyColumns) WHERE id = ?", arguments: [id]).map(story(from:))
    }

    private static func story(from row: Row) -> StoryRecord {
        StoryRecord(
            id: row[0], title: string(row[1]) ?? "", created: Date(timeIntervalSince1970: row[2]), documentCount: row[4], revision: row[3]
        )
    }

    private static func document(from row: Row) -> DocumentRecord {
        let document = NewDocument(
            title: string(row[4]), published: string(row[5]), url: string(row[6]), text: string(row[7]) ?? "",
            source: string(row[8]), format: string(row[9]) ?? ""
        )
        return DocumentRecord(id: row[0], storyID: row[1], position: row[2], added: Date(timeIntervalSince1970: row[3]), document: document)
    }

    private static func bytes(_ string: String?) -> Data? {
        string.map { Data($0.utf8) }
    }

    /// A string kept as UTF-8 bytes (a BLOB; older rows or hand edits may hold TEXT, which reads the same).
    private static func string(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .blob(let data): String(decoding: data, as: UTF8.self)
        case .string(let string): string
        default: nil
        }
    }
}
