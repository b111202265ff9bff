import ChronicleService
import Foundation
import GRDB
import XCTest

@testable import ChronicleStorePostgres
@testable import ChronicleStoreSQLite

/// `kill -9` in the middle of writing: a child process (ChronicleStoreWriter) adds documents from four tasks and
/// prints each document's id once its write has returned; the test kills it with SIGKILL after some ids, reopens
/// the store and checks that every acknowledged document is there with its analysis intact, and that no
/// document is half there (a document without its analysis, or a revision that does not count the documents).
/// Eight rounds on the same story, killed after 5, 10, … 40 acknowledgements (a write that is not atomic is caught
/// when a kill lands inside it: with the SQLite store's transactions removed, 3 runs of this test in 4 failed).
final class CrashDurabilityTests: XCTestCase {
    static let rounds = [5, 10, 15, 20, 25, 30, 35, 40]

    func testSQLiteKeepsEveryAcknowledgedWriteThroughSIGKILL() async throws {
        try await SQLiteHarness().withDirectory { directory in
            let story = try await SQLiteStoryStore(directory: directory).createStory(title: "Crash")
            var acknowledged: Set<Int64> = []
            for count in Self.rounds {
                acknowledged.formUnion(try Self.runWriterAndKill([directory.path, "\(story.id)"], after: count))
                try await Self.check(SQLiteStoryStore(directory: directory), story: story.id, acknowledged: acknowledged)
            }
            let reopened = try SQLiteStoryStore(directory: directory)
            let integrity = try await DatabaseQueue(path: reopened.path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
            XCTAssertEqual(integrity, "ok")
        }
    }

    func testPostgresKeepsEveryAcknowledgedWriteThroughSIGKILL() async throws {
        let harness = try PostgresHarness()
        try await harness.withSchema { schema in
            let story = try await Self.withRunning(PostgresStoryStore.open(url: harness.url, schema: schema)) { store in
                try await store.createStory(title: "Crash")
            }
            var acknowledged: Set<Int64> = []
            for count in Self.rounds {
                acknowledged.formUnion(try Self.runWriterAndKill([harness.url, "\(story.id)", schema], after: count))
                let known = acknowledged
                try await Self.withRunning(PostgresStoryStore.open(url: harness.url, schema: schema)) { store in
                    try await Self.check(store, story: story.id, acknowledged: known)
                }
            }
        }
    }

    private static func withRunning<T: Sendable>(
        _ store: PostgresStoryStore, _ body: @Sendable (PostgresStoryStore) async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            return try await body(store)
        }
    }

    /// Checks the story after the crash: every acknowledged document present, each whole, the revision counting them.
    private static func check(_ store: any StoryStore, story: Int64, acknowledged: Set<Int64>) async throws {
        let documents = try await store.documents(of: story) ?? []
        let analyses = try await store.analyses(of: story)
        let record = try await store.story(story)
        let ids = Set(documents.map(\.id))
        XCTAssertTrue(acknowledged.isSubset(of: ids), "acknowledged but lost: \(acknowledged.subtracting(ids).sorted())")
        XCTAssertEqual(analyses.map { Set($0.analyses.map(\.documentID)) }, ids, "every document has its analysis, and no more")
        XCTAssertEqual(record?.revision, Int64(documents.count), "the revision counts the documents added")
        XCTAssertEqual(analyses?.revision, Int64(documents.count))
        XCTAssertEqual(record?.documentCount, documents.count)
        XCTAssertEqual(Set(documents.map(\.position)).count, documents.count, "positions are unique")
        let texts = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0.document.text) })
        for analysis in analyses?.analyses ?? [] {
            let text = texts[analysis.documentID] ?? ""
            XCTAssertTrue(text.hasSuffix(String(repeating: "x", count: 20_000)), "document \(analysis.documentID) has its whole text")
            XCTAssertEqual(analysis.analysis, Data((text + "|analysis|" + text).utf8), "document \(analysis.documentID)'s analysis is intact")
        }
        let text = "after the crash " + String(repeating: "x", count: 20_000)
        let after = try await store.addDocument(NewDocument(text: text), analysis: Data((text + "|analysis|" + text).utf8), to: story, limit: nil)
        XCTAssertEqual(after.position, (documents.map(\.position).max() ?? 0) + 1, "the store takes writes again")
    }

    /// Runs the writer with `arguments`, kills it with SIGKILL once it has acknowledged `count` documents, and
    /// returns every id it printed.
    private static func runWriterAndKill(_ arguments: [String], after count: Int) throws -> Set<Int64> {
        let process = Process()
        process.executableURL = try writerExecutable()
        process.arguments = arguments
        let output = Pipe()
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-writer-\(UUID().uuidString).err")
        try Data().write(to: errors)
        defer { try? FileManager.default.removeItem(at: errors) }
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        var printed = Data()
        var lines = 0
        while lines < count {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
            lines = printed.count(where: { $0 == UInt8(ascii: "\n") })
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        printed.append(output.fileHandleForReading.readDataToEndOfFile())
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the writer was still writing when killed; its errors: \(stderr)")
        XCTAssertEqual(process.terminationStatus, SIGKILL)
        XCTAssertGreaterThanOrEqual(lines, count, "the writer acknowledged writes before the kill; its errors: \(stderr)")
        // Only complete lines: a line cut by the kill was not acknowledged.
        guard let end = printed.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        let complete = printed[...end]
        return Set(complete.split(separator: UInt8(ascii: "\n")).compactMap { Int64(String(decoding: $0, as: UTF8.self)) })
    }

    /// The ChronicleStoreWriter built next to the test bundle (SwiftPM builds every executable into one directory).
    private static func writerExecutable() throws -> URL {
        var directories = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.insert(URL(fileURLWithPath: running).deletingLastPathComponent(), at: 0)
        }
        for directory in directories {
            let candidate = directory.appendingPathComponent("ChronicleStoreWriter")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw HarnessFailure(description: "ChronicleStoreWriter not found in \(directories.map(\.path)): build it with `swift build`")
    }
}
