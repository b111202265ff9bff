import ChronicleService
import ChronicleStores
import Foundation
import XCTest

/// `openStoryStore` and the default data directory: what the server and the CLI call.
final class StoreLocationTests: XCTestCase {
    func testDefaultDataDirectoryFollowsXDG() {
        let home = URL(fileURLWithPath: "/home/ann", isDirectory: true)
        #if os(macOS)
            XCTAssertEqual(StoreLocation.defaultDataDirectory(environment: [:], home: home).path, "/home/ann/Library/Application Support/Chronicle")
        #else
            XCTAssertEqual(StoreLocation.defaultDataDirectory(environment: [:], home: home).path, "/home/ann/.local/share/chronicle")
            XCTAssertEqual(StoreLocation.defaultDataDirectory(environment: ["XDG_DATA_HOME": "/data/ann"], home: home).path, "/data/ann/chronicle")
            XCTAssertEqual(
                StoreLocation.defaultDataDirectory(environment: ["XDG_DATA_HOME": "relative"], home: home).path,
                "/home/ann/.local/share/chronicle",
                "a relative XDG_DATA_HOME is ignored, as the XDG specification says"
            )
        #endif
    }

    func testOpeningADataDirectoryGivesASQLiteStore() async throws {
        try await SQLiteHarness().withDirectory { directory in
            let opened = try await openStoryStore(.dataDirectory(directory))
            try await opened.run()  // returns at once for SQLite
            XCTAssertEqual(opened.description, "SQLite at \(directory.appendingPathComponent("chronicle.sqlite").path)")
            let story = try await opened.store.createStory(title: "Floods")
            let reopened = try await openStoryStore(.dataDirectory(directory))
            let stories = try await reopened.store.stories()
            XCTAssertEqual(stories, [story])
        }
    }

    func testOpeningPostgresDescribesItWithoutThePassword() async throws {
        let harness = try PostgresHarness()
        let opened = try await openStoryStore(.postgres(harness.url))
        XCTAssertTrue(opened.description.hasPrefix("PostgreSQL at postgres://"), opened.description)
        if let password = URLComponents(string: harness.url)?.password, !password.isEmpty {
            XCTAssertFalse(opened.description.contains(":\(password)@"), opened.description)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await opened.run() }
            defer { group.cancelAll() }
            // The database's default schema: the story is deleted again.
            let story = try await opened.store.createStory(title: "openStoryStore")
            let stories = try await opened.store.stories()
            XCTAssertTrue(stories.contains(story))
            let deleted = try await opened.store.deleteStory(story.id)
            XCTAssertTrue(deleted)
        }
    }

    func testOpeningAnInvalidPostgresURLFails() async {
        do {
            _ = try await openStoryStore(.postgres("mysql://ann:pw@host/db"))
            XCTFail("not a postgres URL")
        } catch {
            XCTAssertFalse("\(error)".contains(":pw@"), "\(error)")
        }
    }
}
