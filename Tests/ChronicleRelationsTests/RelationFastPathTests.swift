import ChronicleCore
import ChronicleEvents
import ChronicleLanguage
import ChronicleTime
import Foundation
import Testing

@testable import ChronicleRelations

/// The relation stage's fast paths give exactly what the plain ones give: the batched scorer and the
/// candidate-by-candidate one, 16-bit and float scoring tables, endpoint numbering with and without a context,
/// and ``IntervalClosure`` against ``TemporalGraph``.
@Suite("Relation fast paths")
struct RelationFastPathTests {
    static let texts = [
        "The interview was recorded before Lamar Odom was found unconscious on Oct. 13, and he was hospitalized after being found.",
        "Shares rose 5% on Tuesday after the company said it would buy its rival. Analysts expected the deal to close in March.",
        "The family was filming during Odom's hospitalization, a spokesman said Wednesday, but the post-hospitalization quotes were old.",
    ]

    static func prepared(_ text: String) -> Document {
        var document = TemporalTagger().tag(text, creationTime: CreationTime(parsing: "2015-10-29"))
        EventRecognizer().annotate(&document)
        if document.words.isEmpty { LanguageAnnotator().annotate(&document) }
        return document
    }

    static func documents() throws -> [Document] {
        var documents = texts.map(prepared)
        if RelationData.isAvailable {
            // Gold events and times of a few TimeBank files, tagged.
            for var document in try RelationTrainingTests.documents(3) {
                document.relations = []
                LanguageAnnotator().annotate(&document)
                documents.append(document)
            }
        }
        return documents
    }

    @Test func batchedScoringMatchesPairByPair() throws {
        let model = RelationModel.shipped
        let options = RelationRecognizer.Options()
        for document in try Self.documents() {
            let extractor = PairFeatureExtractor(RelationContext(document))
            let batched = model.score(extractor, options: options)
            let plain = model.score(extractor.candidates(), extractor: extractor, options: options)
            #expect(batched.count == plain.count)
            for (a, b) in zip(batched, plain) {
                #expect(a.category == b.category && a.source == b.source && a.target == b.target && a.type == b.type)
                #expect(a.margin.bitPattern == b.margin.bitPattern && a.typeMargin.bitPattern == b.typeMargin.bitPattern)
            }
        }
    }

    @Test func numberingDoesNotChangeTheSelection() throws {
        let recognizer = RelationRecognizer()
        for document in try Self.documents() {
            let context = RelationContext(document)
            let scored = recognizer.model.score(PairFeatureExtractor(context), options: recognizer.options)
            let rules = recognizer.timeRelations(context)
            let signalled = SignalRelations.relations(document, context).relations
            let withContext = RelationSelection.select(
                scored, thresholds: recognizer.model.thresholds, rules: rules, signalled: signalled, existing: [], options: recognizer.options,
                numbering: EndpointNumbering(context))
            let without = RelationSelection.select(
                scored, thresholds: recognizer.model.thresholds, rules: rules, signalled: signalled, existing: [], options: recognizer.options)
            #expect(withContext == without)
            #expect(TemporalGraph(withContext).isConsistent)
        }
    }

    @Test func sixteenBitTablesScoreLikeFloatTables() {
        var generator = SplitMix64(seed: 7)
        let scale: Float = 0.000_731
        for classes in [2, 5, 9, 12] {
            var index: [UInt64: Int32] = [:]
            var weights: [Float] = []
            var keys: [UInt64] = [0]
            for _ in 0..<300 {
                let key = generator.next() | 2
                index[key] = Int32(weights.count)
                keys.append(key)
                for _ in 0..<classes { weights.append(Float(Int(generator.next() % 65535) - 32767) * scale) }
            }
            for _ in 0..<100 { keys.append(generator.next()) }  // absent keys
            keys.shuffle(using: &generator)
            let columns = Array(0..<classes)
            let quantized = ScoringTable(LinearModel(classes: classes, index: index, weights: weights, quantizationScale: scale), columns: columns)
            let float = ScoringTable(LinearModel(classes: classes, index: index, weights: weights), columns: columns)
            let plain = LinearModel(classes: classes, index: index, weights: weights)
            // Sums from the same start, in the same order, as the plain model's.
            var a = [Float](repeating: 0.25, count: classes), b = a
            var expected = a
            let rows = keys.compactMap { index[$0] }
            for row in rows { for k in 0..<classes { expected[k] += weights[Int(row) + k] } }
            keys.withUnsafeBufferPointer { keys in
                a.withUnsafeMutableBufferPointer { quantized.accumulate(keys, into: $0.baseAddress!, adding: true) }
                b.withUnsafeMutableBufferPointer { float.accumulate(keys, into: $0.baseAddress!, adding: true) }
            }
            #expect(a.map(\.bitPattern) == expected.map(\.bitPattern))
            #expect(b.map(\.bitPattern) == expected.map(\.bitPattern))
            #expect(plain.featureCount == 300)
        }
    }

    @Test func intervalClosureAgreesWithTemporalGraph() {
        var generator = SplitMix64(seed: 11)
        let types = TemporalRelation.RelationType.allCases
        for _ in 0..<150 {
            let count = 2 + Int(generator.next() % 6)
            let endpoints = (0..<count).map { TemporalRelation.Endpoint.event(instanceID: "e\($0)") }
            var triples: [(Int, Int, TemporalRelation.RelationType)] = []
            for _ in 0..<(1 + Int(generator.next() % 10)) {
                triples.append((Int(generator.next() % UInt64(count)), Int(generator.next() % UInt64(count)), types[Int(generator.next() % UInt64(types.count))]))
            }
            let relations = triples.enumerated().map { index, triple in
                TemporalRelation(id: "l\(index)", source: endpoints[triple.0], target: endpoints[triple.1], type: triple.2)
            }
            let graph = TemporalGraph(relations)
            var closure = IntervalClosure(intervals: count)
            var rejected: [Int] = []
            for (index, triple) in triples.enumerated() where !closure.add(triple.2, triple.0, triple.1) { rejected.append(index) }
            #expect(rejected == graph.inconsistencies.map(\.index))
            for x in 0..<count {
                for y in 0..<count where x != y {
                    for type in types {
                        #expect(closure.entails(type, x, y) == graph.entails(type, from: endpoints[x], to: endpoints[y]))
                    }
                }
            }
            let accepted = triples.indices.filter { !rejected.contains($0) }
            let kept = IntervalClosure.reduced(intervals: count, count: accepted.count) { triples[accepted[$0]] }
            #expect(kept.map { relations[accepted[$0]] } == graph.reduced())
        }
    }
}

/// One very long sentence (a list of dates, text without punctuation) costs the relation stage time linear in its
/// length: it is taken in pieces of ``RelationContext/maximumSentenceWords`` words, and a long document's
/// relations are kept consistent per block.
@Suite("Relation stage on one long sentence")
struct LongSentenceRelationTests {
    static func listOfDates(_ count: Int) -> String {
        let dates = ["the 1990s", "March 3", "2004", "last week", "Friday", "May 2010"]
        return (0..<count).map { dates[$0 % dates.count] }.joined(separator: " and ") + "."
    }

    @Test func aLongSentenceIsTakenInPieces() {
        let document = RelationFastPathTests.prepared(Self.listOfDates(400))
        #expect(document.sentences.count == 1)
        let context = RelationContext(document)
        #expect(context.sentenceWords.count > 1)
        #expect(context.sentenceWords.allSatisfy { $0.count <= RelationContext.maximumSentenceWords })
        // The pieces cover the words once, in order.
        #expect(context.sentenceWords.first?.lowerBound == 0 && context.sentenceWords.last?.upperBound == document.words.count)
        #expect(zip(context.sentenceWords, context.sentenceWords.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        // Every time expression has its piece.
        #expect(context.sentenceTimexes.map(\.count).reduce(0, +) == document.timeExpressions.count)
    }

    @Test func longDocumentsAreClosedPerBlock() {
        let document = RelationFastPathTests.prepared(Self.listOfDates(1_500))
        let context = RelationContext(document)
        let numbering = EndpointNumbering(context)
        let count = numbering.count
        #expect(count > RelationSelection.closureLimit)
        let blocks = RelationSelection.blocks(context, numbering: numbering) ?? []
        #expect(Set(blocks).count > 1, "one block for \(count) intervals")
        var relations = document
        RelationRecognizer().annotate(&relations)
        #expect(TemporalGraph(relations.relations).isConsistent)
    }
}
