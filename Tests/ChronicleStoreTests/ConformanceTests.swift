import ChronicleService
import XCTest

// The conformance suite (StoreConformance) run against each store. XCTest finds a test by its method in the class
// itself, so each class names the checks; each method is one call.

/// InMemoryStoryStore.
final class InMemoryStoreConformanceTests: XCTestCase {
    func testStories() async throws { try await InMemoryHarness().withStore(StoreConformance.stories) }
    func testDocuments() async throws { try await InMemoryHarness().withStore(StoreConformance.documents) }
    func testAnalyses() async throws { try await InMemoryHarness().withStore(StoreConformance.analyses) }
    func testTimelineCache() async throws { try await InMemoryHarness().withStore(StoreConformance.timelineCache) }
    func testErrorsChangeNothing() async throws { try await InMemoryHarness().withStore(StoreConformance.errorsChangeNothing) }
    func testCascadeDelete() async throws { try await InMemoryHarness().withStore(StoreConformance.cascadeDelete) }
    func testConcurrentWriters() async throws { try await InMemoryHarness().withStore(StoreConformance.concurrentWriters) }
    func testRoundTrips() async throws { try await InMemoryHarness().withStore(StoreConformance.roundTrips) }
}

/// SQLiteStoryStore, in a temporary directory.
final class SQLiteStoreConformanceTests: XCTestCase {
    func testStories() async throws { try await SQLiteHarness().withStore(StoreConformance.stories) }
    func testDocuments() async throws { try await SQLiteHarness().withStore(StoreConformance.documents) }
    func testAnalyses() async throws { try await SQLiteHarness().withStore(StoreConformance.analyses) }
    func testTimelineCache() async throws { try await SQLiteHarness().withStore(StoreConformance.timelineCache) }
    func testErrorsChangeNothing() async throws { try await SQLiteHarness().withStore(StoreConformance.errorsChangeNothing) }
    func testCascadeDelete() async throws { try await SQLiteHarness().withStore(StoreConformance.cascadeDelete) }
    func testConcurrentWriters() async throws { try await SQLiteHarness().withStore(StoreConformance.concurrentWriters) }
    func testRoundTrips() async throws { try await SQLiteHarness().withStore(StoreConformance.roundTrips) }
}

/// PostgresStoryStore, in a fresh schema of CHRONICLE_TEST_POSTGRES_URL (skipped without it, failing under CI).
final class PostgresStoreConformanceTests: XCTestCase {
    func testStories() async throws { try await PostgresHarness().withStore(StoreConformance.stories) }
    func testDocuments() async throws { try await PostgresHarness().withStore(StoreConformance.documents) }
    func testAnalyses() async throws { try await PostgresHarness().withStore(StoreConformance.analyses) }
    func testTimelineCache() async throws { try await PostgresHarness().withStore(StoreConformance.timelineCache) }
    func testErrorsChangeNothing() async throws { try await PostgresHarness().withStore(StoreConformance.errorsChangeNothing) }
    func testCascadeDelete() async throws { try await PostgresHarness().withStore(StoreConformance.cascadeDelete) }
    func testConcurrentWriters() async throws { try await PostgresHarness().withStore(StoreConformance.concurrentWriters) }
    func testRoundTrips() async throws { try await PostgresHarness().withStore(StoreConformance.roundTrips) }
}
