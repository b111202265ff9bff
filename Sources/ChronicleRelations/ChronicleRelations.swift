import ChronicleCore
import ChronicleLanguage

/// Finds temporal relations (TimeML TLINKs): event–creation time, event–time, event–event.
///
/// The recogniser links, in TempEval-3 style:
/// - every event to the creation time (`t0`) where its tense, aspect and class (and the time expressions
///   around it) say how they stand;
/// - events to the time expressions of their sentence (IS_INCLUDED for "on Oct. 13", BEFORE for
///   "before Friday", DURING-like SIMULTANEOUS for durations, ...);
/// - events of one sentence to each other, and the main events of consecutive sentences, with the words
///   that signal an order ("before", "after", "since", "until", "following", ...);
/// - time expressions to the creation time and to each other by comparing their calendar values
///   (``Options/timeLinks``).
///
/// The relation types come from averaged-perceptron classifiers trained on TimeBank (``RelationModel``);
/// whether a pair is linked at all depends on how sure the classifier is, as TimeBank's annotators linked
/// only some pairs. Relations are added from the most certain (those computed from calendar values) to
/// the least, and one that contradicts those before it is dropped, so the result is always consistent:
/// `TemporalGraph(document.relations).isConsistent` holds.
///
/// A recogniser holds only immutable tables and models: create one and share it across threads.
public struct RelationRecognizer: Sendable {
    /// What to link besides what the classifiers find.
    public struct Options: Hashable, Sendable {
        /// Whether to write the relations between time expressions (and between them and the creation
        /// time) that their calendar values give. They are always used to keep the other relations
        /// consistent with the calendar; this says whether they are part of the output too.
        public var timeLinks: Bool
        /// Whether the relations may chain through time expressions the classifiers did not link (keeps
        /// only time–time links that connect two time expressions some event is linked to, or one and the
        /// creation time). Used with ``timeLinks``.
        public var onlyConnectingTimeLinks: Bool

        /// Whether every event is linked to the creation time, as TempEval-3 annotates (AQUAINT has an
        /// event–DCT relation for every event), rather than only those the classifier is sure of.
        public var everyEventToCreationTime: Bool

        /// Whether to add the relations that signal words state outright ("done before Odom's hospitalization",
        /// "the post-hospitalization quotes", "hospitalized after being found unconscious on Oct. 13"; see
        /// ``SignalRelations``) ahead of the classifiers' guesses.
        public var signalRelations: Bool

        public init(timeLinks: Bool = true, onlyConnectingTimeLinks: Bool = true, everyEventToCreationTime: Bool = true, signalRelations: Bool = true) {
            self.signalRelations = signalRelations
            self.timeLinks = timeLinks
            self.onlyConnectingTimeLinks = onlyConnectingTimeLinks
            self.everyEventToCreationTime = everyEventToCreationTime
        }
    }

    /// The model: the given one, or the one that ships with Chronicle (decoded once, when first needed, so that
    /// a pipeline that does not link events does not pay for it).
    public var model: RelationModel { customModel ?? .shipped }
    public let options: Options
    private let customModel: RelationModel?

    /// A recogniser with the model that ships with Chronicle.
    public init() {
        customModel = nil
        options = Options()
    }

    /// A recogniser with the given model and options.
    public init(model: RelationModel, options: Options = Options()) {
        customModel = model
        self.options = options
    }

    /// Adds ``Document/relations`` from the document's events and time expressions (after any relations it
    /// already has, which are kept and take precedence). Tags the words first when the document has none.
    public func annotate(_ document: inout Document) {
        if document.words.isEmpty, !document.events.isEmpty || !document.timeExpressions.isEmpty {
            LanguageAnnotator().annotate(&document)
        }
        let context = RelationContext(document)
        let scored = model.score(PairFeatureExtractor(context), options: options)
        let rules = timeRelations(context)
        let signalled = options.signalRelations ? SignalRelations.relations(document, context) : (relations: [], blocked: [])
        let numbering = EndpointNumbering(context)
        // The event–time pairs the signal words rule out are not linked.
        var blocked = Set<UInt64>()
        for (e, t) in signalled.blocked {
            let (event, time) = (numbering.interval(ofEvent: e), numbering.interval(ofTimex: t))
            blocked.insert(RelationSelection.key(event, time))
            blocked.insert(RelationSelection.key(time, event))
        }
        // "now", "currently" (PRESENT_REF) are the time of writing, as the timeline reads them: a constraint on
        // the relations chosen, not written out (TimeBank does not link them so).
        var constraints: [TemporalRelation] = []
        if context.hasCreationTime {
            for timex in context.timeExpressions where timex.value == "PRESENT_REF" && timex.kind == .date && timex.modifier == nil {
                constraints.append(TemporalRelation(id: "", source: .time(id: timex.id), target: .creationTime, type: .simultaneous))
            }
        }
        let selected = RelationSelection.select(
            scored, thresholds: model.thresholds, rules: rules, signalled: signalled.relations, existing: document.relations + constraints,
            options: options,
            numbering: numbering, blocked: blocked, blocks: RelationSelection.blocks(context, numbering: numbering))
        var next = RelationSelection.firstFreeNumber(in: document.relations)
        for var relation in selected {
            relation.id = "l\(next)"
            next += 1
            document.relations.append(relation)
        }
    }

    /// The candidate pairs that may be linked, with the classifiers' label and margins.
    func score(_ context: RelationContext) -> [ScoredPair] {
        let extractor = PairFeatureExtractor(context)
        return model.score(extractor.candidates(), extractor: extractor, options: options)
    }

    /// The relations that calendar values give: each dated time expression against the creation time, and
    /// the time expressions of a sentence and of the next against each other.
    func timeRelations(_ context: RelationContext) -> [TemporalRelation] {
        var result: [TemporalRelation] = []
        let timexes = context.timeExpressions
        func usable(_ t: Int) -> TimeValueInterval? {
            guard let interval = context.timexInterval[t] else { return nil }
            switch timexes[t].modifier {
            case nil, .start?, .mid?, .end?: return interval
            default: return nil
            }
        }
        func relation(_ a: Int, _ b: TimeValueInterval, bounded: Bool) -> TemporalRelation.RelationType? {
            guard let interval = usable(a), let type = interval.relation(to: b) else { return nil }
            // A START/MID/END part of an interval keeps only the orders that hold for every part.
            if timexes[a].modifier != nil, type != .before, type != .after, type != .isIncluded { return nil }
            return type
        }
        if let dct = context.creationInterval {
            for t in timexes.indices {
                if let type = relation(t, dct, bounded: true) {
                    result.append(TemporalRelation(id: "", source: .time(id: timexes[t].id), target: .creationTime, type: type))
                }
            }
        }
        for (s, list) in context.sentenceTimexes.enumerated() {
            let next = s + 1 < context.sentenceTimexes.count ? context.sentenceTimexes[s + 1] : []
            for (i, a) in list.enumerated() {
                for b in list[(i + 1)...] + next {
                    guard let other = usable(b), timexes[b].modifier == nil, let type = relation(a, other, bounded: true) else { continue }
                    if timexes[a].id == timexes[b].id { continue }
                    result.append(TemporalRelation(id: "", source: .time(id: timexes[a].id), target: .time(id: timexes[b].id), type: type))
                }
            }
        }
        return result
    }
}

/// A candidate pair with the classifier's choice.
struct ScoredPair: Sendable {
    var category: PairCategory
    var source: TemporalRelation.Endpoint
    var target: TemporalRelation.Endpoint
    var type: TemporalRelation.RelationType
    /// The "link" score minus the "no link" score.
    var margin: Float
    /// The label's score minus the next best label's.
    var typeMargin: Float
    /// The candidate's members (``Candidate/first``, ``Candidate/second``), or -1.
    var first: Int = -1
    var second: Int = -1
}

/// Numbers the endpoints of a document's relations as the intervals of an ``IntervalClosure``: equal
/// endpoints get equal numbers. With the ``RelationContext`` the pairs were found in, the endpoints of scored
/// pairs are numbered without hashing.
struct EndpointNumbering {
    private var eventIndex = IdentifierTable()
    private var timeIndex = IdentifierTable()
    /// Per interval: whether it is a time (a time expression or the creation time).
    private(set) var isTime: [Bool] = []
    /// Per event of the context: its interval (-1 without an instance id).
    private var eventInterval: [Int] = []
    /// Per time expression of the context: its interval.
    private var timexInterval: [Int] = []
    private var creationInterval = -1

    /// A numbering with no endpoint known in advance.
    init() {}

    /// A numbering of the events, time expressions and creation time of `context`.
    init(_ context: RelationContext) {
        eventIndex = IdentifierTable(capacity: context.events.count)
        timeIndex = IdentifierTable(capacity: context.timeExpressions.count + 1)
        isTime.reserveCapacity(context.events.count + context.timeExpressions.count + 1)
        eventInterval.reserveCapacity(context.events.count)
        for (e, event) in context.events.enumerated() {
            eventInterval.append(context.hasInstanceID[e] ? number(event: event.instanceID) : -1)
        }
        timexInterval.reserveCapacity(context.timeExpressions.count)
        for timex in context.timeExpressions { timexInterval.append(number(time: timex.id)) }
        creationInterval = number(.creationTime)
    }

    /// The number of intervals numbered.
    var count: Int { isTime.count }

    /// The interval of event `e` of the context (which must have an instance id).
    func interval(ofEvent e: Int) -> Int { eventInterval[e] }

    /// The interval of time expression `t` of the context.
    func interval(ofTimex t: Int) -> Int { timexInterval[t] }

    /// The interval of `endpoint`, numbered now if it is new.
    mutating func number(_ endpoint: TemporalRelation.Endpoint) -> Int {
        switch endpoint {
        case .event(let id): return number(event: id)
        case .time(let id): return number(time: id)
        }
    }

    private mutating func number(event id: String) -> Int {
        let n = eventIndex.value(of: id, inserting: isTime.count)
        if n == isTime.count { isTime.append(false) }
        return n
    }

    private mutating func number(time id: String) -> Int {
        let n = timeIndex.value(of: id, inserting: isTime.count)
        if n == isTime.count { isTime.append(true) }
        return n
    }

    /// The intervals of a scored pair's source and target.
    mutating func intervals(of pair: ScoredPair) -> (source: Int, target: Int) {
        if pair.first >= 0, pair.first < eventInterval.count, eventInterval[pair.first] >= 0 {
            let source = eventInterval[pair.first]
            switch pair.category {
            case .eventCreationTime:
                if creationInterval >= 0, pair.second == -1 { return (source, creationInterval) }
            case .eventTime:
                if pair.second >= 0, pair.second < timexInterval.count { return (source, timexInterval[pair.second]) }
            case .eventEvent, .mainEvents, .sameLemma:
                if pair.second >= 0, pair.second < eventInterval.count, eventInterval[pair.second] >= 0 { return (source, eventInterval[pair.second]) }
            }
        }
        return (number(pair.source), number(pair.target))
    }
}

/// A map from identifiers to numbers, by their FNV-1a hash (cheaper than `String` hashing for the short ids
/// of events and times; equal hashes are told apart by comparing the ids).
struct IdentifierTable {
    private var hashes: [UInt64] = []
    private var ids: [String] = []
    private var values: [Int] = []
    private var mask = -1
    private var count = 0

    init() {}

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        hashes = Array(repeating: 0, count: size)
        ids = Array(repeating: "", count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The value of `id`, or `value` after storing it as the value of `id` when it has none.
    mutating func value(of id: String, inserting value: Int) -> Int {
        if 2 * (count + 1) > mask + 1 { grow() }
        let hash = FeatureHash.of(id)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while values[slot] >= 0 {
            if hashes[slot] == hash, ids[slot] == id { return values[slot] }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        ids[slot] = id
        values[slot] = value
        count += 1
        return value
    }

    private mutating func grow() {
        let old = (hashes, ids, values)
        self = IdentifierTable(capacity: max(8, 2 * count))
        for slot in old.2.indices where old.2[slot] >= 0 {
            var target = Int(truncatingIfNeeded: old.0[slot]) & mask
            while values[target] >= 0 { target = (target + 1) & mask }
            hashes[target] = old.0[slot]
            ids[target] = old.1[slot]
            values[target] = old.2[slot]
            count += 1
        }
    }
}

/// Chooses the relations to keep from scored pairs: those over their category's threshold, most certain
/// first, each added only when consistent with those before it.
enum RelationSelection {
    /// `numbering` numbers the endpoints (``EndpointNumbering/init(_:)`` with the context the pairs were
    /// found in saves hashing them); the result does not depend on it. The scored pairs whose intervals are in
    /// `blocked` (``key(_:_:)`` of the source's and the target's, in `numbering`) are left out.
    static func select(
        _ scored: [ScoredPair], thresholds: [Float], rules: [TemporalRelation], signalled: [TemporalRelation] = [],
        existing: [TemporalRelation], options: RelationRecognizer.Options, numbering: EndpointNumbering = EndpointNumbering(),
        blocked: Set<UInt64> = [], blocks: [Int]? = nil
    ) -> [TemporalRelation] {
        var numbering = numbering
        var signalledPairs = Set<UInt64>()
        for relation in signalled {
            let (a, b) = (numbering.number(relation.source), numbering.number(relation.target))
            signalledPairs.insert(key(a, b))
            signalledPairs.insert(key(b, a))
        }
        var kept: [(confidence: Float, index: Int)] = []
        for (index, pair) in scored.enumerated() {
            if !signalledPairs.isEmpty || !blocked.isEmpty {
                let (a, b) = numbering.intervals(of: pair)
                if blocked.contains(key(a, b)) || signalledPairs.contains(key(a, b)) { continue }
            }
            var threshold = thresholds[pair.category.rawValue]
            if options.everyEventToCreationTime, pair.category == .eventCreationTime { threshold = min(threshold, pair.margin - 1) }
            guard pair.margin > threshold else { continue }
            // How sure the classifiers are: of linking the pair, and of its type.
            let confidence = pair.typeMargin + (pair.margin - threshold)
            kept.append((confidence, index))
        }
        kept.sort { ($0.confidence, -$0.index) > ($1.confidence, -$1.index) }
        // The relations in order: existing, rules, signalled, then the classifiers' from the most certain.
        let firstRule = existing.count, firstFound = existing.count + rules.count, firstKept = firstFound + signalled.count
        let total = firstKept + kept.count
        var intervals: [Int] = []
        intervals.reserveCapacity(2 * total)
        for relation in existing { intervals.append(numbering.number(relation.source)); intervals.append(numbering.number(relation.target)) }
        for relation in rules { intervals.append(numbering.number(relation.source)); intervals.append(numbering.number(relation.target)) }
        for relation in signalled { intervals.append(numbering.number(relation.source)); intervals.append(numbering.number(relation.target)) }
        for (_, index) in kept {
            let (a, b) = numbering.intervals(of: scored[index])
            intervals.append(a)
            intervals.append(b)
        }
        let creationTime = numbering.number(.creationTime)
        func type(_ index: Int) -> TemporalRelation.RelationType {
            if index < firstRule { return existing[index].type }
            if index < firstFound { return rules[index - firstRule].type }
            if index < firstKept { return signalled[index - firstFound].type }
            return scored[kept[index - firstKept].index].type
        }
        var closure = BlockClosure(intervals: numbering.count, blocks: blocks, shared: creationTime)
        var accepted = [Bool](repeating: true, count: total)
        for index in 0..<total where !closure.add(type(index), intervals[2 * index], intervals[2 * index + 1]) { accepted[index] = false }
        var linkedTimes = [Bool](repeating: false, count: numbering.count)
        linkedTimes[creationTime] = true
        for index in firstFound..<total where accepted[index] {
            for n in [intervals[2 * index], intervals[2 * index + 1]] where numbering.isTime[n] { linkedTimes[n] = true }
        }
        var result: [TemporalRelation] = []
        result.reserveCapacity(total - firstRule)
        for index in firstRule..<total where accepted[index] {
            if index < firstFound {
                guard options.timeLinks else { continue }
                if options.onlyConnectingTimeLinks, !(linkedTimes[intervals[2 * index]] && linkedTimes[intervals[2 * index + 1]]) { continue }
                result.append(rules[index - firstRule])
            } else if index < firstKept {
                result.append(signalled[index - firstFound])
            } else {
                let pair = scored[kept[index - firstKept].index]
                result.append(TemporalRelation(id: "", source: pair.source, target: pair.target, type: pair.type))
            }
        }
        return result
    }

    /// The most intervals whose relations are kept consistent in one closure. Its three bit matrices take
    /// 3 × (2n)² bits (gigabytes for the 30,000 events of a book-length text), and adding a relation costs up
    /// to (2n)² / 64 word operations, so the closure of a long document is kept per block.
    static let closureLimit = 1_000

    /// The intervals of a block, about.
    static let blockIntervals = 500

    /// For a document with more than ``closureLimit`` events and time expressions: per interval, its block of
    /// consecutive sentences (about ``blockIntervals`` intervals each; the creation time belongs to all).
    /// `nil` otherwise.
    static func blocks(_ context: RelationContext, numbering: EndpointNumbering) -> [Int]? {
        guard numbering.count > closureLimit else { return nil }
        let sentences = max(1, context.sentenceWords.count)
        let perBlock = max(1, sentences * blockIntervals / numbering.count)
        var blocks = [Int](repeating: 0, count: numbering.count)
        for e in context.events.indices where context.hasInstanceID[e] {
            blocks[numbering.interval(ofEvent: e)] = context.eventSentence[e] / perBlock
        }
        for t in context.timeExpressions.indices { blocks[numbering.interval(ofTimex: t)] = context.timexSentence[t] / perBlock }
        return blocks
    }

    /// A pair of intervals as one number.
    static func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(truncatingIfNeeded: a) << 32 | UInt64(truncatingIfNeeded: b) }

    /// The lowest `n` such that no relation is called `l<m>` for any `m >= n`.
    static func firstFreeNumber(in relations: [TemporalRelation]) -> Int {
        var next = 1
        for relation in relations where relation.id.hasPrefix("l") {
            if let n = Int(relation.id.dropFirst()), n >= next { next = n + 1 }
        }
        return next
    }
}

/// The consistency check of ``RelationSelection``: one ``IntervalClosure`` over every interval, or, for a very
/// long document, one per block of sentences. Blocks share only the creation time, so relations consistent
/// within each block are consistent together (a cycle would need a relation between two blocks); a relation
/// between two blocks (event–event or time–time links across a block boundary) is left out.
struct BlockClosure {
    private var whole: IntervalClosure?
    private var parts: [IntervalClosure] = []
    /// Per interval: its block and its number within the block (the shared interval has one in every block).
    private var block: [Int] = []
    private var local: [Int] = []
    private let shared: Int

    init(intervals: Int, blocks: [Int]?, shared: Int) {
        self.shared = shared
        guard let blocks else {
            whole = IntervalClosure(intervals: intervals)
            return
        }
        // Intervals numbered after the blocks were made (endpoints of relations the document already had) go to block 0.
        block = (0..<intervals).map { $0 < blocks.count ? blocks[$0] : 0 }
        let count = (block.max() ?? 0) + 1
        var sizes = [Int](repeating: 1, count: count)  // number 0 is the shared interval in every block
        local = [Int](repeating: 0, count: intervals)
        for interval in 0..<intervals where interval != shared {
            local[interval] = sizes[block[interval]]
            sizes[block[interval]] += 1
        }
        parts = sizes.map { IntervalClosure(intervals: $0) }
    }

    /// Adds `x TYPE y` if it is consistent with what was added before (and, with blocks, within one block).
    mutating func add(_ type: TemporalRelation.RelationType, _ x: Int, _ y: Int) -> Bool {
        if whole != nil { return whole!.add(type, x, y) }
        let b: Int
        switch (x == shared, y == shared) {
        case (true, true): b = 0
        case (true, false): b = block[y]
        case (false, true): b = block[x]
        case (false, false):
            guard block[x] == block[y] else { return false }
            b = block[x]
        }
        return parts[b].add(type, x == shared ? 0 : local[x], y == shared ? 0 : local[y])
    }
}
