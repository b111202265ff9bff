import ChronicleService
import Foundation
import XCTest

/// Micro figures, printed, not asserted (run with `CHRONICLE_STORE_BENCHMARK=1 swift test --filter StoreBenchmarkTests`):
/// the time to add a document with a 50 KB analysis, and to read the analyses of a 20-document story.
final class StoreBenchmarkTests: XCTestCase {
    static let variable = "CHRONICLE_STORE_BENCHMARK"

    override func setUpWithError() throws {
        guard ProcessInfo.processInfo.environment[Self.variable] == "1" else {
            throw XCTSkip("set \(Self.variable)=1 to measure the stores (the figures are printed, not checked)")
        }
    }

    func testSQLite() async throws {
        try await SQLiteHarness().withStore { store in try await Self.measure(store, name: "SQLite") }
    }

    func testPostgres() async throws {
        try await PostgresHarness().withStore { store in try await Self.measure(store, name: "PostgreSQL") }
    }

    func testInMemory() async throws {
        try await InMemoryHarness().withStore { store in try await Self.measure(store, name: "in memory") }
    }

    private static func measure(_ store: any StoryStore, name: String) async throws {
        let analysis = Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 13) })
        let text = String(repeating: "A sentence of the article. ", count: 200)
        var adds: [Double] = []
        var reads: [Double] = []
        for round in 0..<5 {
            let story = try await store.createStory(title: "benchmark \(round)")
            for index in 0..<20 {
                let start = ContinuousClock.now
                _ = try await store.addDocument(NewDocument(title: "\(index)", text: text), analysis: analysis, to: story.id, limit: nil)
                adds.append(milliseconds(ContinuousClock.now - start))
            }
            for _ in 0..<10 {
                let start = ContinuousClock.now
                let read = try await store.analyses(of: story.id)
                reads.append(milliseconds(ContinuousClock.now - start))
                XCTAssertEqual(read?.analyses.count, 20)
                XCTAssertEqual(read?.analyses.last?.analysis, analysis)
            }
        }
        print("\(name): add a document with a 50 KB analysis: median \(median(adds)) ms (\(adds.count) adds); "
            + "read the analyses of a 20-document story: median \(median(reads)) ms (\(reads.count) reads)")
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    private static func median(_ values: [Double]) -> String {
        String(format: "%.2f", values.sorted()[values.count / 2])
    }
}
