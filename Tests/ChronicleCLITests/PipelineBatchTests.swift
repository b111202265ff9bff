import Chronicle
import Foundation
import Testing

/// `Pipeline.run` over several documents (stage by stage) and `Pipeline.batches`.
@Suite("Pipeline batches")
struct PipelineBatchTests {
    /// Short documents written for this test: reported speech, dates relative to the creation time, events in
    /// order, a document without a creation time, an empty one.
    private static let texts: [(String, String?)] = [
        ("The council said on Monday that the bridge would reopen after repairs. Work began two weeks ago.", "2021-03-10"),
        ("Ms. Okafor told reporters she resigned before the audit was published. The board denied it on Friday.", "2019-11-22"),
        ("Rain is expected tomorrow. The match was postponed until next week, organisers announced.", nil),
        ("", "2020-01-01"),
        ("Shares fell 3% on Tuesday, Oct. 6, after the company warned that profits would drop in the fourth quarter.", "2015-10-08"),
    ]

    private func documents() -> [Document] {
        Self.texts.enumerated().map { index, item in
            Document(id: "d\(index)", text: item.0, creationTime: item.1.flatMap { CreationTime(parsing: $0) })
        }
    }

    @Test("Stage by stage over a batch gives what one document at a time gives")
    func batchEqualsOneAtATime() {
        let pipeline = Pipeline()
        var batch = documents()
        pipeline.run(&batch)
        let single = documents().map { document -> Document in
            var document = document
            pipeline.run(&document)
            return document
        }
        #expect(batch == single)
        // The comparison means something: the pipeline found events, relations and a statement.
        #expect(batch.reduce(0) { $0 + $1.events.count } >= 10)
        #expect(batch.reduce(0) { $0 + $1.relations.count } >= 5)
        #expect(batch.reduce(0) { $0 + $1.statements.count } >= 1)
    }

    @Test("A corpus runs in place, batch by batch, as the README shows")
    func corpusInBatches() {
        let pipeline = Pipeline()
        var corpus = documents()
        for batch in Pipeline.batches(byteCounts: corpus.map(\.text.utf8.count), limit: 150) {
            pipeline.run(&corpus[batch])
        }
        #expect(corpus == documents().map { pipeline.run($0.text, creationTime: $0.creationTime, id: $0.id) })
        #expect(Pipeline.batches(byteCounts: corpus.map(\.text.utf8.count), limit: 150).count > 1)
    }

    @Test("Only the stages asked for run over a batch")
    func batchKeepsTheStages() {
        var batch = documents()
        Pipeline(stages: .time).run(&batch)
        #expect(batch.allSatisfy { $0.events.isEmpty && $0.words.isEmpty && $0.relations.isEmpty })
        #expect(batch[0].timeExpressions.map(\.value).contains("2021-03-08"))
    }

    @Test("Batches cut a corpus into consecutive ranges of about the byte limit")
    func batchesCoverTheCorpusInOrder() {
        #expect(Pipeline.batches(byteCounts: [], limit: 10).isEmpty)
        #expect(Pipeline.batches(byteCounts: [4, 4, 4, 4, 4], limit: 10) == [0..<2, 2..<4, 4..<5])
        // A document larger than the limit is a batch of its own; empty documents join their neighbours.
        #expect(Pipeline.batches(byteCounts: [3, 25, 0, 3, 0], limit: 10) == [0..<1, 1..<2, 2..<5])
        #expect(Pipeline.batches(byteCounts: [10, 10], limit: 10) == [0..<1, 1..<2])
        // Enough batches for every worker to get one, when the text allows.
        #expect(Pipeline.batches(byteCounts: [4, 4, 4, 4], limit: 100, workers: 2) == [0..<2, 2..<4])
        #expect(Pipeline.batches(byteCounts: [4, 4], limit: 100, workers: 8) == [0..<1, 1..<2])
    }
}
