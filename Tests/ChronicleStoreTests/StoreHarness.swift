import ChronicleService
import Foundation
import PostgresNIO
import XCTest

@testable import ChronicleStorePostgres
@testable import ChronicleStoreSQLite

/// Makes a fresh, empty store for one test, runs the test with it and removes it afterwards.
protocol StoreHarness: Sendable {
    func withStore(_ body: @Sendable (any StoryStore) async throws -> Void) async throws
}

struct InMemoryHarness: StoreHarness {
    func withStore(_ body: @Sendable (any StoryStore) async throws -> Void) async throws {
        try await body(InMemoryStoryStore())
    }
}

/// A SQLite store in a new temporary directory, removed afterwards.
struct SQLiteHarness: StoreHarness {
    func withStore(_ body: @Sendable (any StoryStore) async throws -> Void) async throws {
        try await withDirectory { directory in try await body(SQLiteStoryStore(directory: directory)) }
    }

    /// Runs `body` with a new temporary directory's path (the directory itself does not exist yet).
    func withDirectory(_ body: (URL) async throws -> Void) async throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        try await body(parent.appendingPathComponent("data"))
    }
}

/// A PostgreSQL store in a new schema of the database `CHRONICLE_TEST_POSTGRES_URL` names, dropped afterwards.
/// Without that variable the test is skipped, with a message saying so, except under CI (`CI=true`), where it fails:
/// CI must provide the database.
struct PostgresHarness: StoreHarness {
    static let variable = "CHRONICLE_TEST_POSTGRES_URL"

    let url: String

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment[Self.variable], !url.isEmpty else {
            let message = "\(Self.variable) is not set: the PostgreSQL store tests need a database, e.g. "
                + "\(Self.variable)=postgres://chronicle:chronicle@localhost:5432/chronicle_test (see README, Stores)"
            if environment["CI"] == "true" { throw HarnessFailure(description: "under CI, " + message) }
            throw XCTSkip(message)
        }
        self.url = url
    }

    func withStore(_ body: @Sendable (any StoryStore) async throws -> Void) async throws {
        try await withSchema { schema in
            let store = try await PostgresStoryStore.open(url: url, schema: schema)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await store.run() }
                defer { group.cancelAll() }
                try await body(store)
            }
        }
    }

    /// Runs `body` with the name of a new schema (not created yet), dropped with everything in it afterwards.
    func withSchema(_ body: (String) async throws -> Void) async throws {
        let schema = "chronicle_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        do {
            try await body(schema)
        } catch {
            try? await execute(["DROP SCHEMA IF EXISTS \(schema) CASCADE"])
            throw error
        }
        try await execute(["DROP SCHEMA IF EXISTS \(schema) CASCADE"])
    }

    /// Runs SQL statements, one at a time, on a new connection to the database (in `schema` when given).
    func execute(_ statements: [String], schema: String? = nil) async throws {
        try await withConnection(schema: schema) { connection in
            for statement in statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: PostgresStoryStore.silentLogger) }
        }
    }

    /// Runs `body` with a new connection to the database (in `schema` when given), closed afterwards.
    func withConnection(schema: String? = nil, _ body: (PostgresConnection) async throws -> Void) async throws {
        let location = try PostgresLocation(url: url)
        let connection = try await PostgresConnection.connect(
            configuration: location.connectionConfiguration(searchPath: schema), id: 1, logger: PostgresStoryStore.silentLogger
        )
        do {
            try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// The first column of every row `sql` returns, as 64-bit integers.
    func integers(_ sql: String, schema: String) async throws -> [Int64] {
        var values: [Int64] = []
        try await withConnection(schema: schema) { connection in
            for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: PostgresStoryStore.silentLogger)
                .decode(Int64.self)
            {
                values.append(value)
            }
        }
        return values
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
}
