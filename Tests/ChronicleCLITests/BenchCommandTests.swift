import Foundation
import Testing

@Suite("chronicle bench")
struct BenchCommandTests {
    @Test func measuresASmallCorpusAsJSON() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try directory.write("corpus/a.tml", TagCommandTests.timeML)
        try directory.write("corpus/b.tml", TagCommandTests.timeML.replacingOccurrences(of: "APW_TEST_1", with: "APW_TEST_2"))
        let outcome = try directory.run(["bench", "--corpus", "corpus", "--runs", "1", "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try #require(try jsonObject(outcome.standardOutput) as? [String: Any])
        #expect((report["corpus"] as? [String: Any])?["documents"] as? Int == 2)
        let oneCore = try #require(report["oneCore"] as? [[String: Any]])
        #expect(oneCore.count == 4)
        #expect(oneCore[0]["ratioToBaseline"] as? Double == 1)
        #expect(oneCore[2]["count"] as? Int == 2, "one time expression per document")
        let runs = try #require(report["tagJSONL"] as? [[String: Any]])
        #expect(runs.map { $0["scale"] as? Int }.contains(4))
        #expect(runs.allSatisfy { ($0["peakResidentBytes"] as? Int ?? 0) > 1_000_000 })
        let temporary = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
        #expect(!temporary.contains { $0.hasPrefix("chronicle-bench-") }, "temporary JSONL files removed")
    }

    @Test func missingCorpusIsAnError() throws {
        let directory = try TemporaryDirectory()
        let outcome = try directory.run(["bench", "--corpus", "nowhere", "--runs", "1"])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.last == "error: the corpus directory nowhere does not exist")
    }
}
