import ChronicleService
import Foundation
import GRDB
import XCTest

@testable import ChronicleStoreSQLite

/// What only the SQLite store has: files, migrations from an older schema, WAL, rollback of a failed write.
final class SQLiteStoreTests: XCTestCase {
    /// The v1 schema as it was released (a frozen copy: it must not follow later changes to SQLiteSchema).
    static let schemaV1 = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1');
        CREATE TABLE story (id INTEGER PRIMARY KEY AUTOINCREMENT, title BLOB NOT NULL, created REAL NOT NULL,
            revision INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE document (id INTEGER PRIMARY KEY AUTOINCREMENT,
            storyID INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE, position INTEGER NOT NULL, added REAL NOT NULL,
            title BLOB, published BLOB, url BLOB, text BLOB NOT NULL, source BLOB, format BLOB NOT NULL, UNIQUE (storyID, position));
        CREATE TABLE analysis (documentID INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE, data BLOB NOT NULL);
        """

    func testDatabaseWithTheV1SchemaMigratesAndKeepsItsData() async throws {
        try await SQLiteHarness().withDirectory { directory in
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("chronicle.sqlite").path
            let old = try DatabaseQueue(path: path)
            try await old.write { db in
                try db.execute(sql: Self.schemaV1)
                try db.execute(sql: "INSERT INTO story VALUES (7, CAST('Floods' AS BLOB), 1700000000, 1)")
                try db.execute(
                    sql: """
                        INSERT INTO document VALUES (3, 7, 1, 1700000100, CAST('Rain' AS BLOB), CAST('2023-11-14' AS BLOB), NULL,
                            CAST('It rained.' AS BLOB), NULL, CAST('text' AS BLOB))
                        """
                )
                try db.execute(sql: "INSERT INTO analysis VALUES (3, X'00FF')")
            }
            try old.close()

            let store = try SQLiteStoryStore(directory: directory)
            let story = try await store.story(7)
            XCTAssertEqual(story, StoryRecord(id: 7, title: "Floods", created: Date(timeIntervalSince1970: 1_700_000_000), documentCount: 1, revision: 1))
            let documents = try await store.documents(of: 7)
            XCTAssertEqual(
                documents,
                [
                    DocumentRecord(
                        id: 3, storyID: 7, position: 1, added: Date(timeIntervalSince1970: 1_700_000_100),
                        document: NewDocument(title: "Rain", published: "2023-11-14", text: "It rained.")
                    )
                ]
            )
            let analyses = try await store.analyses(of: 7)
            XCTAssertEqual(analyses?.analyses.map(\.analysis), [Data([0, 255])])
            try await store.cacheTimeline(Data("timeline".utf8), of: 7, revision: 1)
            let cached = try await store.cachedTimeline(of: 7, revision: 1)
            XCTAssertEqual(cached, Data("timeline".utf8), "v2's timeline table exists")
            let added = try await store.addDocument(NewDocument(text: "More rain."), analysis: Data(), to: 7, limit: nil)
            XCTAssertEqual(added.position, 2)
            XCTAssertGreaterThan(added.id, 3)
            let applied = try await DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY 1") }
            XCTAssertEqual(applied, ["v1", "v2"])
        }
    }

    func testFilesAreOwnerOnlyAndTheDatabaseIsInWALMode() async throws {
        try await SQLiteHarness().withDirectory { directory in
            let store = try SQLiteStoryStore(directory: directory)
            _ = try await store.createStory(title: "Floods")
            XCTAssertEqual(try permissions(directory.path), 0o700)
            XCTAssertEqual(store.path, directory.appendingPathComponent("chronicle.sqlite").path)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                XCTAssertEqual(try permissions(directory.appendingPathComponent(file).path), 0o600, file)
            }
            XCTAssertTrue(FileManager.default.fileExists(atPath: store.path + "-wal"))
            let mode = try await DatabaseQueue(path: store.path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
            XCTAssertEqual(mode, "wal")
        }
    }

    func testReopenedStoreKeepsEverything() async throws {
        try await SQLiteHarness().withDirectory { directory in
            let first = try SQLiteStoryStore(directory: directory)
            let story = try await first.createStory(title: "Floods")
            let document = try await first.addDocument(NewDocument(text: "Rain."), analysis: Data("a".utf8), to: story.id, limit: nil)
            try await first.cacheTimeline(Data("t".utf8), of: story.id, revision: 1)
            let second = try SQLiteStoryStore(directory: directory)
            let stories = try await second.stories()
            XCTAssertEqual(stories.map(\.id), [story.id])
            XCTAssertEqual(stories.first?.revision, 1)
            let documents = try await second.documents(of: story.id)
            XCTAssertEqual(documents, [document])
            let timeline = try await second.cachedTimeline(of: story.id, revision: 1)
            XCTAssertEqual(timeline, Data("t".utf8))
        }
    }

    /// A write that fails half-way (here the analysis insert, refused by a trigger) leaves no document, no
    /// revision change and the cached timeline in place.
    func testWriteFailingHalfWayChangesNothing() async throws {
        try await withStoryOfOneDocument { store, story in
            try await DatabaseQueue(path: store.path).write { db in
                try db.execute(
                    sql: """
                        CREATE TRIGGER refuse BEFORE INSERT ON analysis WHEN NEW.data = CAST('refuse' AS BLOB)
                        BEGIN SELECT RAISE(ABORT, 'refused'); END
                        """
                )
            }
            do {
                _ = try await store.addDocument(NewDocument(text: "Two."), analysis: Data("refuse".utf8), to: story.id, limit: nil)
                XCTFail("the trigger refuses the analysis")
            } catch let error as DatabaseError {
                XCTAssertEqual(error.message, "refused")
            }
            let after = try await store.story(story.id)
            let documents = try await store.documents(of: story.id)
            let timeline = try await store.cachedTimeline(of: story.id, revision: 1)
            XCTAssertEqual(after?.revision, 1)
            XCTAssertEqual(documents?.map(\.document.text), ["One."])
            XCTAssertEqual(timeline, Data("t".utf8))
            let rows = try await DatabaseQueue(path: store.path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") }
            XCTAssertEqual(rows, 1)
        }
    }

    func testDeletingAStoryDeletesItsRows() async throws {
        try await withStoryOfOneDocument { store, story in
            _ = try await store.deleteStory(story.id)
            let counts = try await DatabaseQueue(path: store.path).read { db in
                try ["story", "document", "analysis", "timeline"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") }
            }
            XCTAssertEqual(counts, [0, 0, 0, 0])
        }
    }

    func testUnusableDirectoryIsAClearError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-not-a-directory-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertThrowsError(try SQLiteStoryStore(directory: file))
    }

    /// Runs `body` with a new store holding one story ("Floods") with one document ("One.") and a timeline cached
    /// for its revision, 1.
    private func withStoryOfOneDocument(_ body: (SQLiteStoryStore, StoryRecord) async throws -> Void) async throws {
        try await SQLiteHarness().withDirectory { directory in
            let store = try SQLiteStoryStore(directory: directory)
            let story = try await store.createStory(title: "Floods")
            _ = try await store.addDocument(NewDocument(text: "One."), analysis: Data("ok".utf8), to: story.id, limit: nil)
            try await store.cacheTimeline(Data("t".utf8), of: story.id, revision: 1)
            try await body(store, story)
        }
    }

    private func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
