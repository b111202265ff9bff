import ChronicleCore
@testable import ChronicleEvents
import Testing
import ChronicleLanguage

/// A hand-written corpus of 24 short news sentences: reporting verbs, occurrences (verbs and nouns), and
/// words around them that are never events.
enum TinyCorpus {
    static let subjects = ["The minister", "Officials", "The company", "Police", "The spokesman", "Witnesses"]
    static let reports = ["said", "reported", "announced", "told reporters"]
    static let occurrences = [("attacked", "attack"), ("captured", "capture"), ("destroyed", "destruction"), ("bombed", "bombing")]
    static let places = ["the town", "the bridge", "the airport", "the station"]

    static var documents: [Document] {
        var documents: [Document] = []
        for index in 0..<24 {
            let subject = subjects[index % subjects.count]
            let report = reports[index % reports.count]
            let (verb, noun) = occurrences[(index / 2) % occurrences.count]
            let place = places[(index / 3) % places.count]
            let reportMark = report.split(separator: " ").enumerated().map { $0.offset == 0 ? "[\($0.element)|R]" : String($0.element) }
                .joined(separator: " ")
            let sentence = index % 2 == 0
                ? "\(subject) \(reportMark) that the rebels [\(verb)|O] \(place) on Monday."
                : "\(subject) \(reportMark) that the [\(noun)|O] of \(place) was over."
            documents.append(Marked.document(sentence, id: "tiny\(index)"))
        }
        return documents
    }
}

@Suite("Training")
struct TrainingTests {
    let options = EventTrainer.Options(iterations: 20, seed: 7, pruningThreshold: 0.1, folds: 5, extraWeight: 0)

    @Test("The learner fits its training data and generalises to new subjects and frames")
    func learns() {
        let documents = TinyCorpus.documents
        let result = EventTrainer(options: options).train(on: documents)
        #expect(result.goldEvents == 48)
        #expect(result.uncoveredEvents == 0)
        #expect(result.inexactEvents == 0)
        let recognizer = EventRecognizer(model: result.model)
        for document in documents {
            var tagged = Document(text: document.text)
            recognizer.annotate(&tagged)
            #expect(tagged.events.map(\.span) == document.events.map(\.span), "\(document.text)")
            #expect(tagged.events.map(\.eventClass) == document.events.map(\.eventClass), "\(document.text)")
        }

        // An unseen subject, and words seen in training in a new sentence.
        var unseen = Document(text: "Analysts said the rebels captured the bridge.")
        recognizer.annotate(&unseen)
        // Twenty-four sentences cannot teach what an unseen capitalised subject is, so "Analysts" may go
        // either way; the verbs and the words seen as non-events must not.
        let found = Dictionary(unseen.events.map { ($0.text, $0.eventClass) }, uniquingKeysWith: { first, _ in first })
        #expect(found["said"] == .reporting)
        #expect(found["captured"] == .occurrence)
        #expect(found["rebels"] == nil && found["bridge"] == nil && found["the"] == nil)
    }

    @Test("The same data and seed give the same model bytes")
    func deterministic() {
        let documents = TinyCorpus.documents
        let first = EventTrainer(options: options).train(on: documents).model.serialized()
        let second = EventTrainer(options: options).train(on: documents).model.serialized()
        #expect(first == second)
        #expect(!first.isEmpty)
        let otherSeed = EventTrainer(options: EventTrainer.Options(iterations: 20, seed: 8, pruningThreshold: 0.1, folds: 5))
        #expect(otherSeed.train(on: documents).model.serialized().count > 0)
    }

    @Test("Extra documents feed the lexicon, and as examples when weighted")
    func extraDocuments() {
        let documents = TinyCorpus.documents
        let lexiconOnly = EventTrainer(options: options).train(on: Array(documents.prefix(12)), extra: Array(documents.suffix(12)))
        #expect(lexiconOnly.model.summary.contains("lexicon also from 12 extra documents"))
        var weighted = options
        weighted.extraWeight = 0.5
        let withExamples = EventTrainer(options: weighted).train(on: Array(documents.prefix(12)), extra: Array(documents.suffix(12)))
        #expect(withExamples.examples > lexiconOnly.examples)
    }

    @Test("Serialisation round-trips, and damaged models are refused")
    func serialisation() throws {
        let bytes = EventTrainer(options: options).train(on: TinyCorpus.documents).model.serialized()
        #expect(try EventModel(serialized: bytes).serialized() == bytes)
        #expect(throws: EventModelError.self) { try EventModel(serialized: Array(bytes.dropLast(5))) }
        #expect(throws: EventModelError.self) { try EventModel(serialized: Array("not a model".utf8)) }
        #expect(throws: EventModelError.self) { try EventModel(serialized: bytes + [0]) }
        let source = EventModel.swiftSource(embedding: bytes, comment: "test")
        #expect(source.contains("enum ShippedEventModel"))
        #expect(source.contains("// test"))
    }

    @Test("Derived nouns find their verbs")
    func derivation() {
        #expect(Derivation.verbStems(of: "hospitalization").contains(StableHash.folded("hospitalize")))
        #expect(Derivation.verbStems(of: "decision").contains(StableHash.folded("decide")))
        #expect(Derivation.verbStems(of: "agreement").contains(StableHash.folded("agree")))
        #expect(Derivation.verbStems(of: "shipping").contains(StableHash.folded("ship")))
        #expect(Derivation.verbStems(of: "table").isEmpty)
    }
}
