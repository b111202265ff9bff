import ChronicleCore
import ChronicleEvents
import ChronicleFormats
import ChronicleTime
import Foundation
import Testing

@testable import ChronicleRelations

/// The relation stage on hand-written sentences: what signal words state, what the calendar gives, and that
/// the output is always consistent.
@Suite("Relation recogniser")
struct RelationRecognizerTests {
    static func annotated(_ text: String, dct: String? = "2015-10-29") -> Document {
        var document = TemporalTagger().tag(text, creationTime: dct.flatMap { CreationTime(parsing: $0) })
        EventRecognizer().annotate(&document)
        RelationRecognizer().annotate(&document)
        return document
    }

    /// The relation between the events (or event and time expression) with these texts, read from `a` to `b`.
    static func relation(_ a: String, _ b: String, in document: Document) -> TemporalRelation.RelationType? {
        func endpoint(_ text: String) -> TemporalRelation.Endpoint? {
            if let event = document.events.first(where: { $0.text == text }) { return .event(instanceID: event.instanceID) }
            if let timex = document.timeExpressions.first(where: { $0.text == text }) { return .time(id: timex.id) }
            return nil
        }
        guard let source = endpoint(a), let target = endpoint(b) else { return nil }
        for relation in document.relations {
            if relation.source == source, relation.target == target { return relation.type }
            if relation.source == target, relation.target == source { return relation.type.inverse }
        }
        return nil
    }

    @Test("A temporal preposition orders the governing event and its object", arguments: [
        ("The interview was done before Odom's hospitalization.", "done", "hospitalization", TemporalRelation.RelationType.before),
        ("The family was filming during Odom's hospitalization.", "filming", "hospitalization", .isIncluded),
        ("Prices rose sharply after the announcement.", "rose", "announcement", .after),
        ("The deal collapsed prior to the merger.", "collapsed", "merger", .before),
        ("The interview was recorded before Lamar Odom was found unconscious.", "recorded", "found", .before),
        ("The guests left after the police arrived.", "left", "arrived", .after),
    ])
    func prepositions(text: String, a: String, b: String, type: TemporalRelation.RelationType) {
        let document = Self.annotated(text)
        #expect(Self.relation(a, b, in: document) == type, "\(document.relations)")
    }

    @Test("post-X places a noun after the X the document mentions")
    func postCompound() {
        let document = Self.annotated("Fans worried during Odom's hospitalization. Kardashian provided the post-hospitalization quotes.")
        #expect(Self.relation("quotes", "hospitalization", in: document) == .after)
    }

    @Test("A date closing a clause holds the event and the one it follows")
    func dateClosingAClause() {
        let document = Self.annotated("He was hospitalized after being found unconscious on Oct. 13.")
        #expect(Self.relation("found", "Oct. 13", in: document) == .isIncluded)
        #expect(Self.relation("hospitalized", "Oct. 13", in: document) == .isIncluded)
        #expect(Self.relation("hospitalized", "found", in: document) == .after)
    }

    @Test("The calendar orders time expressions and the creation time")
    func calendarLinks() {
        let document = Self.annotated("He was found on Oct. 13 and she spoke on Wednesday, Oct. 28.")
        let oct13 = document.timeExpressions.first { $0.text == "Oct. 13" }
        #expect(oct13 != nil)
        #expect(document.relations.contains { $0.source == .time(id: oct13?.id ?? "") && $0.target == .creationTime && $0.type == .before })
        #expect(Self.relation("Oct. 13", "Wednesday, Oct. 28", in: document) == .before)
    }

    @Test("Every event is related to the creation time, and the relations are consistent")
    func everyEventToCreationTimeAndConsistent() {
        let document = Self.annotated("""
            Khloé Kardashian said on Wednesday that she did not seek publicity. The interview was done before his \
            hospitalization, which the magazine points out. She will speak again next week.
            """)
        #expect(!document.events.isEmpty)
        for event in document.events {
            #expect(document.relations.contains { $0.source == .event(instanceID: event.instanceID) && $0.target == .creationTime }
                || document.relations.contains { $0.target == .event(instanceID: event.instanceID) && $0.source == .creationTime },
                "\(event.text)")
        }
        #expect(TemporalGraph(document.relations).isConsistent)
        #expect(Set(document.relations.map(\.id)).count == document.relations.count)
    }

    @Test("Without a creation time nothing is linked to it")
    func noCreationTime() {
        let document = Self.annotated("The interview was done before his hospitalization.", dct: nil)
        #expect(!document.relations.contains { $0.target == .creationTime || $0.source == .creationTime })
        #expect(Self.relation("done", "hospitalization", in: document) == .before)
    }

    @Test("Rules can be switched off")
    func optionsSwitchRulesOff() {
        var document = TemporalTagger().tag("The interview was done before Odom's hospitalization.", creationTime: CreationTime(parsing: "2015-10-29"))
        EventRecognizer().annotate(&document)
        var plain = document
        RelationRecognizer(model: .empty, options: .init(signalRelations: false)).annotate(&plain)
        RelationRecognizer(model: .empty, options: .init(signalRelations: true)).annotate(&document)
        #expect(Self.relation("done", "hospitalization", in: plain) == nil)
        #expect(Self.relation("done", "hospitalization", in: document) == .before)
    }
}

/// Training on gold TimeBank files: deterministic, and a trained model finds relations on held-out files.
enum RelationData {
    static let timeBank = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/tbaq-cleaned/TimeBank").standardizedFileURL
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: timeBank.path) }
}

@Suite("Relation training", .enabled(if: RelationData.isAvailable, "needs ../shared/data/tbaq-cleaned"))
struct RelationTrainingTests {
    static let timeBank = RelationData.timeBank

    static func documents(_ count: Int) throws -> [Document] {
        let files = try FileManager.default.contentsOfDirectory(at: timeBank, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "tml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }.prefix(count)
        return try files.map { url in
            let gold = try TimeMLReader().read(contentsOf: url)
            return Document(id: gold.id, text: gold.text, creationTime: gold.creationTime, timeExpressions: gold.timeExpressions,
                            events: gold.events, relations: gold.relations)
        }
    }

    @Test func sameDataSameModelBytesAndTheModelLinks() throws {
        let documents = try Self.documents(12)
        let options = RelationTrainer.Options(iterations: 3, seed: 3, folds: 2)
        let first = RelationTrainer(options: options).train(Array(documents.prefix(10))).model
        let second = RelationTrainer(options: options).train(Array(documents.prefix(10))).model
        #expect(first.serialized() == second.serialized())
        #expect(first.featureCount > 0)
        let reloaded = try RelationModel(serialized: first.serialized())
        #expect(reloaded.serialized() == first.serialized())
        // Held out: the two last files, gold events and times given, gold relations dropped.
        for var document in documents.suffix(2) {
            document.relations = []
            RelationRecognizer(model: first).annotate(&document)
            #expect(!document.relations.isEmpty)
            #expect(TemporalGraph(document.relations).isConsistent)
        }
    }
}

/// Very long documents: the consistency check works per block of sentences, in bounded memory.
@Suite("Relation selection in blocks")
struct BlockClosureTests {
    @Test func oneClosureBehavesLikeIntervalClosure() {
        var blocked = BlockClosure(intervals: 4, blocks: nil, shared: 3)
        do { let added = blocked.add(.before, 0, 1); #expect(added) }
        do { let added = blocked.add(.before, 1, 2); #expect(added) }
        do { let added = blocked.add(.before, 2, 0); #expect(!added, "a cycle") }
    }

    @Test func blocksShareTheCreationTimeOnly() {
        // Intervals 0, 1 in block 0; 2, 3 in block 1; 4 is the creation time.
        var closure = BlockClosure(intervals: 5, blocks: [0, 0, 1, 1, 0], shared: 4)
        do { let added = closure.add(.before, 0, 4); #expect(added) }
        do { let added = closure.add(.after, 1, 4); #expect(added) }
        do { let added = closure.add(.after, 0, 1); #expect(!added, "contradicts 0 < t0 < 1 within block 0") }
        do { let added = closure.add(.before, 2, 4); #expect(added) }
        do { let added = closure.add(.after, 2, 4); #expect(!added, "contradicts within block 1") }
        do { let added = closure.add(.before, 0, 2); #expect(!added, "relations across blocks are left out") }
        do { let added = closure.add(.includes, 4, 3); #expect(added) }
    }

    @Test func aLongDocumentGetsConsistentRelationsInBoundedBlocks() {
        let sentence = "The minister said on Monday that the talks had collapsed after the vote, and officials will meet again next week. "
        let text = String(repeating: sentence, count: 700)
        let document = RelationRecognizerTests.annotated(text)
        #expect(document.events.count > RelationSelection.closureLimit / 2)
        #expect(!document.relations.isEmpty)
        #expect(TemporalGraph(document.relations).isConsistent)
    }
}
