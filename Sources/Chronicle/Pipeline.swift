import Dispatch

/// Runs Chronicle's stages over a text in order: words and tags, time expressions, events, temporal
/// relations, entities, statements. Each stage adds its layer to the one ``Document``.
///
/// ```swift
/// let pipeline = Pipeline()                              // every stage
/// let document = pipeline.run(text, creationTime: CreationTime(parsing: "2015-10-29"))
/// ```
///
/// A pipeline holds only immutable stages: share it across threads.
public struct Pipeline: Sendable {
    /// The stages to run; later stages need the earlier ones and bring them along.
    public struct Stages: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Time expressions (TIMEX3).
        public static let time = Stages(rawValue: 1)
        /// Words, part-of-speech tags and lemmas.
        public static let language = Stages(rawValue: 2)
        /// Event mentions (needs words).
        public static let events: Stages = [.eventsAlone, .language]
        /// Temporal relations (needs events and time expressions).
        public static let relations: Stages = [.relationsAlone, .events, .time]
        /// Entities: names, their variants and mentions (needs words).
        public static let entities: Stages = [.entitiesAlone, .language]
        /// Statements (needs events and entities).
        public static let statements: Stages = [.statementsAlone, .events, .entities]
        public static let all: Stages = [.time, .language, .events, .relations, .entities, .statements]

        /// Each stage's own bit, without the stages it needs.
        static let eventsAlone = Stages(rawValue: 4)
        static let relationsAlone = Stages(rawValue: 8)
        static let statementsAlone = Stages(rawValue: 16)
        static let entitiesAlone = Stages(rawValue: 32)
    }

    public let stages: Stages
    public let temporalTagger: TemporalTagger
    /// `nil` when the stages need no words (the part-of-speech model is then never loaded).
    public let languageAnnotator: LanguageAnnotator?
    public let eventRecognizer: EventRecognizer
    public let relationRecognizer: RelationRecognizer
    public let entityRecognizer: EntityRecognizer
    public let statementRecognizer: StatementRecognizer

    public init(
        stages: Stages = .all, temporalTagger: TemporalTagger = TemporalTagger(), languageAnnotator: LanguageAnnotator? = nil,
        eventRecognizer: EventRecognizer = EventRecognizer(), relationRecognizer: RelationRecognizer = RelationRecognizer(),
        entityRecognizer: EntityRecognizer = EntityRecognizer(), statementRecognizer: StatementRecognizer = StatementRecognizer()
    ) {
        self.stages = stages
        self.temporalTagger = temporalTagger
        // The shipped models the stages use, decoded together on as many threads (each takes tens of milliseconds; one
        // after the other, on first use, they made the start-up of a run the sum of them).
        var loads: [@Sendable () -> Void] = []
        if stages.contains(.language), languageAnnotator == nil { loads.append { _ = POSModel.shipped } }
        if stages.contains(.eventsAlone) { loads.append { _ = eventRecognizer.model } }
        if stages.contains(.relationsAlone) { loads.append { _ = relationRecognizer.model } }
        if loads.count > 1 {
            let all = loads
            DispatchQueue.concurrentPerform(iterations: all.count) { all[$0]() }
        }
        self.languageAnnotator = stages.contains(.language) ? languageAnnotator ?? LanguageAnnotator() : nil
        self.eventRecognizer = eventRecognizer
        self.relationRecognizer = relationRecognizer
        self.entityRecognizer = entityRecognizer
        self.statementRecognizer = statementRecognizer
    }

    /// Runs the stages over `text`.
    public func run(_ text: String, creationTime: CreationTime? = nil, id: String = "") -> Document {
        var document = Document(id: id, text: text, creationTime: creationTime)
        run(&document)
        return document
    }

    /// Runs the stages over several documents, stage by stage: every document gets its words, then every
    /// document its time expressions, and so on. The result is the same as running each document on its own,
    /// but each stage's model stays in the processor's caches while it works through the documents, where one
    /// document at a time makes each stage evict the others' models: on a corpus of short news articles this
    /// is about a tenth faster. Give it a few hundred kilobytes of text at a time (see ``batchBytes`` and
    /// ``batches(byteCounts:limit:)``): all the documents' layers stay in memory until the last stage is done.
    public func run<Documents: MutableCollection<Document>>(_ documents: inout Documents) {
        // Words first when they are wanted, so that the time stage reuses their tags instead of tagging the
        // sentences it needs again.
        if let languageAnnotator {
            for index in documents.indices where documents[index].words.isEmpty { languageAnnotator.annotate(&documents[index]) }
        }
        if stages.contains(.time) {
            for index in documents.indices { temporalTagger.annotate(&documents[index]) }
        }
        if stages.contains(.eventsAlone) {
            for index in documents.indices { eventRecognizer.annotate(&documents[index]) }
        }
        if stages.contains(.relationsAlone) {
            for index in documents.indices { relationRecognizer.annotate(&documents[index]) }
        }
        // Entities, then statements, from one analysis of each document's words (neither stage changes what it
        // reads: the words, sentences and time expressions).
        let (entities, statements) = (stages.contains(.entitiesAlone), stages.contains(.statementsAlone))
        guard entities || statements else { return }
        for index in documents.indices {
            guard !documents[index].words.isEmpty else {
                if entities { entityRecognizer.annotate(&documents[index]) }
                if statements { statementRecognizer.annotate(&documents[index]) }
                continue
            }
            let analysis = DocumentAnalysis(documents[index])
            if entities { documents[index].entities = entityRecognizer.entities(in: analysis) }
            if statements { documents[index].statements = statementRecognizer.statements(in: documents[index], analysis: analysis) }
        }
    }

    /// About how much text (UTF-8 bytes) to give the pipeline at a time when running it over several
    /// documents: enough for the stages' models to stay in cache, little enough for the layers to stay small.
    public static let batchBytes = 256 * 1024

    /// Consecutive ranges of items whose sizes (`byteCounts`, the UTF-8 bytes of each document's text) add up
    /// to about `limit` each (at least one item per range): how to cut a corpus into batches. With `workers`,
    /// the batches are also small enough for each worker to get one (`limit` is lowered to a `workers`-th of
    /// the whole).
    public static func batches(byteCounts: [Int], limit: Int = batchBytes, workers: Int = 1) -> [Range<Int>] {
        let limit = min(limit, max(1, byteCounts.reduce(0, +) / max(1, workers)))
        var ranges: [Range<Int>] = []
        var start = 0, bytes = 0
        for (index, count) in byteCounts.enumerated() {
            if index > start, bytes + count > limit {
                ranges.append(start..<index)
                (start, bytes) = (index, 0)
            }
            bytes += count
        }
        if start < byteCounts.count { ranges.append(start..<byteCounts.count) }
        return ranges
    }

    /// Runs the stages over a document, adding their layers.
    public func run(_ document: inout Document) {
        var one = CollectionOfOne(consume document)
        run(&one)
        document = one[0]
    }
}
