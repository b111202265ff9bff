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

    public let model: RelationModel
    public let options: Options

    /// A recogniser with the model that ships with Chronicle.
    public init() {
        self.init(model: .shipped)
    }

    /// A recogniser with the given model and options.
    public init(model: RelationModel, options: Options = Options()) {
        self.model = model
        self.options = options
    }

    /// Adds ``Document/relations`` from the document's events and time expressions (after any relations it
    /// already has, which are kept and take precedence). Tags the words first when the document has none.
    public func annotate(_ document: inout Document) {
        if document.words.isEmpty, !document.events.isEmpty || !document.timeExpressions.isEmpty {
            LanguageAnnotator().annotate(&document)
        }
        let context = RelationContext(document)
        let scored = score(context)
        let rules = timeRelations(context)
        let signalled = options.signalRelations ? SignalRelations.relations(document, context) : (relations: [], blocked: [])
        let selected = RelationSelection.select(
            scored.filter { !signalled.blocked.contains([$0.source, $0.target]) }, thresholds: model.thresholds, rules: rules,
            signalled: signalled.relations, existing: document.relations, options: options)
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
}

/// Chooses the relations to keep from scored pairs: those over their category's threshold, most certain
/// first, each added only when consistent with those before it.
enum RelationSelection {
    static func select(
        _ scored: [ScoredPair], thresholds: [Float], rules: [TemporalRelation], signalled: [TemporalRelation] = [],
        existing: [TemporalRelation], options: RelationRecognizer.Options
    ) -> [TemporalRelation] {
        var kept: [(relation: TemporalRelation, confidence: Float, index: Int)] = []
        let signalledPairs = Set(signalled.flatMap { [[$0.source, $0.target], [$0.target, $0.source]] })
        for (index, pair) in scored.enumerated() where !signalledPairs.contains([pair.source, pair.target]) {
            var threshold = thresholds[pair.category.rawValue]
            if options.everyEventToCreationTime, pair.category == .eventCreationTime { threshold = min(threshold, pair.margin - 1) }
            guard pair.margin > threshold else { continue }
            // How sure the classifiers are: of linking the pair, and of its type.
            let confidence = pair.typeMargin + (pair.margin - threshold)
            kept.append((TemporalRelation(id: "", source: pair.source, target: pair.target, type: pair.type), confidence, index))
        }
        kept.sort { ($0.confidence, -$0.index) > ($1.confidence, -$1.index) }
        let ordered = existing + rules + signalled + kept.map(\.relation)
        let graph = TemporalGraph(ordered)
        var accepted = [Bool](repeating: true, count: ordered.count)
        for inconsistency in graph.inconsistencies { accepted[inconsistency.index] = false }
        let firstRule = existing.count, firstFound = existing.count + rules.count
        var linkedTimes: Set<TemporalRelation.Endpoint> = [.creationTime]
        for index in firstFound..<ordered.count where accepted[index] {
            for endpoint in [ordered[index].source, ordered[index].target] {
                if case .time = endpoint { linkedTimes.insert(endpoint) }
            }
        }
        var result: [TemporalRelation] = []
        result.reserveCapacity(ordered.count - firstRule)
        for index in firstRule..<ordered.count where accepted[index] {
            let relation = ordered[index]
            if index < firstFound {
                guard options.timeLinks else { continue }
                if options.onlyConnectingTimeLinks, !(linkedTimes.contains(relation.source) && linkedTimes.contains(relation.target)) { continue }
            }
            result.append(relation)
        }
        return result
    }

    /// The lowest `n` such that no relation is called `l<m>` for any `m >= n`.
    static func firstFreeNumber(in relations: [TemporalRelation]) -> Int {
        var next = 1
        for relation in relations where relation.id.hasPrefix("l") {
            if let n = Int(relation.id.dropFirst()), n >= next { next = n + 1 }
        }
        return next
    }
}
