import ChronicleService
import Foundation
import XCTest

@testable import ChronicleStorePostgres

/// What only the PostgreSQL store has: URLs, migrations from an older schema, rollback of a failed write.
final class PostgresStoreTests: XCTestCase {
    /// The v1 schema as it was released (a frozen copy: it must not follow later changes to PostgresSchema).
    static let schemaV1 = [
        "CREATE TABLE chronicle_schema_migrations (version TEXT PRIMARY KEY, applied TIMESTAMPTZ NOT NULL DEFAULT now())",
        "INSERT INTO chronicle_schema_migrations (version) VALUES ('v1')",
        """
        CREATE TABLE chronicle_stories (id BIGSERIAL PRIMARY KEY, title BYTEA NOT NULL, created TIMESTAMPTZ NOT NULL DEFAULT now(),
            revision BIGINT NOT NULL DEFAULT 0)
        """,
        """
        CREATE TABLE chronicle_documents (id BIGSERIAL PRIMARY KEY,
            story_id BIGINT NOT NULL REFERENCES chronicle_stories (id) ON DELETE CASCADE, position BIGINT NOT NULL,
            added TIMESTAMPTZ NOT NULL DEFAULT now(), title BYTEA, published BYTEA, url BYTEA, text BYTEA NOT NULL, source BYTEA,
            format BYTEA NOT NULL, UNIQUE (story_id, position))
        """,
        """
        CREATE TABLE chronicle_analyses (document_id BIGINT PRIMARY KEY REFERENCES chronicle_documents (id) ON DELETE CASCADE,
            analysis BYTEA NOT NULL)
        """,
    ]

    func testURLsAreReadAsLibpqReadsThem() throws {
        let full = try PostgresLocation(url: "postgres://ann:s%40cret@db.example.org:6543/news?sslmode=require")
        XCTAssertEqual(full.host, "db.example.org")
        XCTAssertEqual(full.port, 6543)
        XCTAssertEqual(full.username, "ann")
        XCTAssertEqual(full.password, "s@cret")
        XCTAssertEqual(full.database, "news")
        XCTAssertEqual(full.tls, .require)
        XCTAssertEqual(full.description, "postgres://ann@db.example.org:6543/news")
        var dumped = ""
        dump(full, to: &dumped)
        XCTAssertFalse("\(full) \(String(reflecting: full)) \(dumped)".contains("s@cret"), "the password is not shown")
        let local = try PostgresLocation(url: "postgresql://ann@localhost")
        XCTAssertEqual(local.port, 5432)
        XCTAssertEqual(local.database, "ann")
        XCTAssertEqual(local.tls, .disable, "no TLS to a loopback address unless asked")
        XCTAssertNil(local.password)
        XCTAssertEqual(try PostgresLocation(url: "postgres://ann@db.example.org/news").tls, .prefer)
        let socket = try PostgresLocation(url: "postgres://ann@/news?host=/var/run/postgresql")
        XCTAssertEqual(socket.socketDirectory, "/var/run/postgresql")
        for invalid in ["http://ann:pw@host/db", "not a url", "postgres://ann:pw@host/db?sslmode=sometimes", "postgres://ann:pw@host:0/db"] {
            XCTAssertThrowsError(try PostgresLocation(url: invalid)) { error in
                XCTAssertFalse("\(error)".contains("pw@"), "the password is not shown: \(error)")
            }
        }
        XCTAssertEqual(PostgresLocation.redacted("postgres://ann:pw@host/db"), "postgres://ann:***@host/db")
        XCTAssertEqual(PostgresLocation.redacted("postgres://ann@host/db"), "postgres://ann@host/db")
    }

    func testSchemaNamesAreCheckedBeforeUse() async throws {
        for name in ["", "1abc", "Upper", "a-b", "a;drop", String(repeating: "a", count: 64)] {
            XCTAssertFalse(PostgresSchema.isValidSchemaName(name), name)
        }
        XCTAssertTrue(PostgresSchema.isValidSchemaName("chronicle_test_01"))
        do {
            _ = try await PostgresStoryStore.open(url: "postgres://nobody@localhost:1/none", schema: "x; DROP TABLE y")
            XCTFail("an invalid schema name is refused")
        } catch let error as PostgresOpenFailure {
            XCTAssertTrue(error.description.contains("invalid schema name"))
        }
    }

    func testUnreachableServerIsAClearErrorWithoutThePassword() async throws {
        do {
            _ = try await PostgresStoryStore.open(url: "postgres://nobody:secret-pw@127.0.0.1:1/none")
            XCTFail("nothing listens on port 1")
        } catch {
            XCTAssertTrue("\(error)".contains("127.0.0.1:1"), "\(error)")
            XCTAssertFalse("\(error)".contains("secret-pw"), "\(error)")
        }
    }

    func testDatabaseWithTheV1SchemaMigratesAndKeepsItsData() async throws {
        let harness = try PostgresHarness()
        try await harness.withSchema { schema in
            try await harness.execute(["CREATE SCHEMA \(schema)"])
            try await harness.execute(
                Self.schemaV1 + [
                    "INSERT INTO chronicle_stories (id, title, created, revision) VALUES (7, 'Floods'::bytea, '2023-11-14T22:13:20Z', 1)",
                    """
                    INSERT INTO chronicle_documents (id, story_id, position, added, title, text, format)
                    VALUES (3, 7, 1, '2023-11-14T22:15:00Z', 'Rain'::bytea, 'It rained.'::bytea, 'text'::bytea)
                    """,
                    "INSERT INTO chronicle_analyses VALUES (3, '\\x00ff'::bytea)",
                ],
                schema: schema
            )
            let store = try await PostgresStoryStore.open(url: harness.url, schema: schema)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await store.run() }
                defer { group.cancelAll() }
                let story = try await store.story(7)
                XCTAssertEqual(story, StoryRecord(id: 7, title: "Floods", created: Date(timeIntervalSince1970: 1_700_000_000), documentCount: 1, revision: 1))
                let documents = try await store.documents(of: 7)
                XCTAssertEqual(documents?.map(\.document), [NewDocument(title: "Rain", text: "It rained.")])
                XCTAssertEqual(documents?.map(\.added), [Date(timeIntervalSince1970: 1_700_000_100)])
                let analyses = try await store.analyses(of: 7)
                XCTAssertEqual(analyses?.analyses.map(\.analysis), [Data([0, 255])])
                try await store.cacheTimeline(Data("timeline".utf8), of: 7, revision: 1)
                let cached = try await store.cachedTimeline(of: 7, revision: 1)
                XCTAssertEqual(cached, Data("timeline".utf8), "v2's timeline table exists")
            }
            let applied = try await harness.integers("SELECT count(*) FROM chronicle_schema_migrations WHERE version IN ('v1', 'v2')", schema: schema)
            XCTAssertEqual(applied, [2])
        }
    }

    /// A write that fails half-way (the analysis insert, refused by a trigger) leaves no document and no revision change.
    func testWriteFailingHalfWayChangesNothing() async throws {
        let harness = try PostgresHarness()
        try await harness.withStore { store in
            let story = try await store.createStory(title: "Floods")
            _ = try await store.addDocument(NewDocument(text: "One."), analysis: Data("ok".utf8), to: story.id, limit: nil)
            guard let schema = (store as? PostgresStoryStore)?.schema else { return XCTFail("a PostgresStoryStore in a schema") }
            try await harness.execute(
                [
                    """
                    CREATE FUNCTION \(schema).refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW.analysis = 'refuse'::bytea THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$
                    """,
                    "CREATE TRIGGER refuse BEFORE INSERT ON \(schema).chronicle_analyses FOR EACH ROW EXECUTE FUNCTION \(schema).refuse()",
                ]
            )
            do {
                _ = try await store.addDocument(NewDocument(text: "Two."), analysis: Data("refuse".utf8), to: story.id, limit: nil)
                XCTFail("the trigger refuses the analysis")
            } catch {}
            let after = try await store.story(story.id)
            let documents = try await store.documents(of: story.id)
            XCTAssertEqual(after?.revision, 1)
            XCTAssertEqual(documents?.map(\.document.text), ["One."])
            let rows = try await harness.integers("SELECT count(*) FROM chronicle_documents", schema: schema)
            XCTAssertEqual(rows, [1])
        }
    }
}
