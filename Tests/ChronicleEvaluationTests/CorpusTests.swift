import ChronicleCore
import ChronicleFormats
import Foundation
import Testing

@testable import ChronicleEvaluation

/// The shared TempEval-3 data, found next to the package (`../shared/data` from the package root).
/// It is not part of the repository: when it is absent, the tests that need it are reported as skipped.
enum SharedData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ChronicleEvaluationTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
    static let directory = packageRoot.appendingPathComponent("../shared/data").standardizedFileURL
    static let tbaq = directory.appendingPathComponent("tbaq-cleaned")
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: tbaq.appendingPathComponent("TimeBank").path)
            && FileManager.default.fileExists(atPath: tbaq.appendingPathComponent("AQUAINT").path)
    }

    static func timeMLFiles(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "tml" && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

@Suite("TempEval-3 TBAQ-cleaned corpus")
struct CorpusTests {
    // Skipped (not silently passed) when ../shared/data is not next to the package.
    @Test(.enabled(if: SharedData.isAvailable, "needs the TempEval-3 data in ../shared/data next to the package"))
    func readsCountsAndScoresTheGoldAgainstItself() throws {
        let reader = TimeMLReader()
        var pairs: [EvaluationPair] = []
        for (part, expectedTimexes, expectedFiles) in [("TimeBank", 1243, 183), ("AQUAINT", 579, 73)] {
            let files = try SharedData.timeMLFiles(in: SharedData.tbaq.appendingPathComponent(part))
            #expect(files.count == expectedFiles, "\(part) files")
            var timexes = 0
            for file in files {
                let document = try reader.read(contentsOf: file)
                #expect(document.creationTime != nil, "\(file.lastPathComponent) has no usable DCT")
                #expect(!document.id.isEmpty)
                for timex in document.timeExpressions {
                    #expect(document.document.text(of: timex.span) == timex.text)
                }
                timexes += document.timeExpressions.count
                pairs.append(EvaluationPair(name: "\(part)/\(file.lastPathComponent)", gold: AnnotatedText(document), system: AnnotatedText(document)))
            }
            #expect(timexes == expectedTimexes, "TIMEX3 inside TEXT in \(part)")
        }

        let evaluation = TimexEvaluator().evaluate(pairs)
        #expect(evaluation.failures.isEmpty)
        #expect(evaluation.errors.isEmpty)
        let counts = evaluation.counts
        #expect(counts.gold == 1243 + 579)
        for scores in [counts.strict, counts.relaxed, counts.type, counts.value] {
            #expect(scores.precision == 1)
            #expect(scores.recall == 1)
            #expect(scores.f1 == 1)
        }
        #expect(counts.typeAccuracy == 1)
        #expect(counts.valueAccuracy == 1)
    }

    @Test(.enabled(if: SharedData.isAvailable, "needs the TempEval-3 data in ../shared/data next to the package"))
    func writerRoundTripsTheGoldCorpus() throws {
        let reader = TimeMLReader()
        let writer = TimeMLWriter()
        for part in ["TimeBank", "AQUAINT"] {
            for file in try SharedData.timeMLFiles(in: SharedData.tbaq.appendingPathComponent(part)) {
                let gold = try reader.read(contentsOf: file)
                let output = writer.write(gold.document)
                #expect(output.diagnostics.isEmpty, "\(file.lastPathComponent): \(output.diagnostics)")
                let again = try reader.read(output.xml)
                #expect(again.text == gold.text, "\(file.lastPathComponent)")
                #expect(again.creationTime == gold.creationTime)
                #expect(again.timeExpressions == gold.timeExpressions, "\(file.lastPathComponent)")
            }
        }
    }

    /// Every file scored against itself: events and temporal awareness are perfect. The gold has 87 TLINKs that
    /// contradict the ones before them (`x AFTER x`, cycles through BEFORE): they are left out on both sides.
    /// Not a timed test, but the whole corpus takes about a second in a debug build.
    @Test(.enabled(if: SharedData.isAvailable, "needs the TempEval-3 data in ../shared/data next to the package"))
    func scoresGoldEventsAndRelationsAgainstThemselves() throws {
        let reader = TimeMLReader()
        var pairs: [EvaluationPair] = []
        for part in ["TimeBank", "AQUAINT"] {
            for file in try SharedData.timeMLFiles(in: SharedData.tbaq.appendingPathComponent(part)) {
                let annotation = AnnotatedText(try reader.read(contentsOf: file))
                pairs.append(EvaluationPair(name: "\(part)/\(file.lastPathComponent)", gold: annotation, system: annotation))
            }
        }

        let events = EventEvaluator().evaluate(pairs)
        #expect(events.failures.isEmpty)
        #expect(events.errors.isEmpty)
        let counts = events.counts
        #expect(counts.gold == 11_129)
        for scores in [counts.strict, counts.relaxed] + EventAttribute.allCases.map(counts.scores(for:)) {
            #expect(scores.f1 == 1)
        }

        let awareness = TemporalAwarenessEvaluator().evaluate(pairs)
        #expect(awareness.failures.isEmpty)
        let relations = awareness.counts
        #expect(relations.scores.precision == 1)
        #expect(relations.scores.recall == 1)
        #expect(relations.unaligned == 0)
        #expect(relations.goldInconsistent == 87)
        #expect(relations.systemInconsistent == 87)
        #expect(relations.gold == relations.system)
        #expect(relations.gold == 10_168)  // of 11,115 TLINKs: 87 contradictions and 860 redundant ones left out
        #expect(awareness.errors.allSatisfy { $0.kind == .inconsistent })
    }
}
