import Foundation
import Testing

/// Serialized: each bench run makes a temporary directory, which another test's check for leftovers would see.
@Suite("chronicle bench", .serialized)
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
        // The full pipeline in batches and one document per call, the timeline per document, and pipeline and
        // timeline in a row, over the whole (small) corpus.
        let pipeline = try #require(report["pipeline"] as? [String: Any])
        let sampled = try #require(pipeline["corpus"] as? [String: Any])
        #expect(sampled["sample"] as? Bool == false)
        #expect(sampled["documents"] as? Int == 2)
        #expect(sampled["textBytes"] as? Int == (report["corpus"] as? [String: Any])?["textBytes"] as? Int)
        let stages = try #require(pipeline["oneCore"] as? [[String: Any]])
        #expect(stages.map { $0["unit"] as? String } == ["events", "events", "entries", "entries"])
        #expect(stages[0]["name"] as? String == "full pipeline: time, words, events, relations, statements")
        #expect(stages[1]["name"] as? String == "full pipeline, one document per call")
        #expect(stages[0]["count"] as? Int == stages[1]["count"] as? Int, "the same events, in batches or one by one")
        for stage in stages {
            for key in ["seconds", "megabytesPerSecond", "ratioToBaseline", "documentsPerSecond"] {
                #expect((stage[key] as? Double ?? 0) > 0, "\(stage["name"] ?? "?"): \(key)")
            }
            #expect((stage["count"] as? Int ?? 0) > 0, "\(stage["name"] ?? "?"): something found")
        }
        #expect(stages[2]["count"] as? Int == stages[3]["count"] as? Int, "the same timelines, with or without the pipeline timed")
        let floor = try #require(pipeline["floor"] as? [String: Any])
        #expect(floor["megabytesPerSecond"] as? Double == 2)
        #expect(floor["measured"] as? Double == stages[0]["megabytesPerSecond"] as? Double)
        #expect(floor["met"] is Bool)

        let runs = try #require(report["tagJSONL"] as? [[String: Any]])
        #expect(runs.map { $0["scale"] as? Int }.contains(4))
        #expect(runs.allSatisfy { ($0["peakResidentBytes"] as? Int ?? 0) > 1_000_000 })
        let temporary = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
        #expect(!temporary.contains { $0.hasPrefix("chronicle-bench-") }, "temporary JSONL files removed")
    }

    @Test func pipelineRunsOnASampleAndIsInTheTable() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        for name in ["a", "b", "c"] {
            try directory.write("corpus/\(name).tml", TagCommandTests.timeML.replacingOccurrences(of: "APW_TEST_1", with: "APW_TEST_\(name)"))
        }
        // Three documents of 40 bytes, about 60 bytes wanted: every 2nd document, the first and the third.
        let outcome = try directory.run(["bench", "--corpus", "corpus", "--runs", "1", "--pipeline-megabytes", "0.00006"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.output.split(separator: "\n").map(String.init)
        let heading = try #require(lines.first { $0.hasPrefix("Full pipeline, one core, in memory") })
        #expect(heading.contains("on a sample: every 2nd document of corpus"), "\(heading)")
        #expect(heading.hasSuffix(": 2 documents, 0.0 MB of text"), "\(heading)")
        for name in ["full pipeline: time, words, events, relations, statements", "full pipeline, one document per call",
                     "timeline per document, from the pipeline's output",
                     "pipeline + timeline per document"] {
            let row = try #require(lines.first { $0.hasPrefix("  \(name)  ") }, "a row for \(name)")
            // MB/s, then the ratio to the baseline (positivity is checked on the JSON, which is not rounded).
            let figures = row.dropFirst(name.count + 2).split(separator: " ")
            #expect(figures.count >= 2 && Double(figures[0]) != nil && Double(figures[1]) != nil, "\(row)")
        }
        #expect(lines.contains("Floor: full pipeline ≥ 2 MB/s of news text on one core (release build)"))
        #expect(lines.last?.hasPrefix("  full pipeline: time, words, events, relations, statements: ") == true)
    }

    @Test func pipelineSampleSizeMustBePositive() throws {
        let directory = try TemporaryDirectory()
        let outcome = try directory.run(["bench", "--pipeline-megabytes", "0"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--pipeline-megabytes must be more than 0"))
    }

    @Test func missingCorpusIsAnError() throws {
        let directory = try TemporaryDirectory()
        let outcome = try directory.run(["bench", "--corpus", "nowhere", "--runs", "1"])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.last == "error: the corpus directory nowhere does not exist")
    }
}
