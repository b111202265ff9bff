import ChronicleCore

/// The counts the TimeLine score is computed from; they add up over entities.
public struct TimeLineCounts: Hashable, Sendable {
    /// The temporal-awareness counts of the timelines' graphs (see ``TimeLineEvaluator``).
    public var relations: TemporalAwarenessCounts
    /// Gold mentions (a mention written twice counts twice).
    public var goldMentions: Int
    /// System mentions.
    public var systemMentions: Int
    /// Gold mentions the system lists too.
    public var foundMentions: Int
    /// Found mentions whose gold and system dates agree (``EntityTimeline/normalizedDate(_:)``).
    public var sameDate: Int

    public init(relations: TemporalAwarenessCounts = TemporalAwarenessCounts(), goldMentions: Int = 0, systemMentions: Int = 0,
                foundMentions: Int = 0, sameDate: Int = 0) {
        self.relations = relations
        self.goldMentions = goldMentions
        self.systemMentions = systemMentions
        self.foundMentions = foundMentions
        self.sameDate = sameDate
    }

    /// The sum of two sets of counts.
    public static func + (lhs: Self, rhs: Self) -> Self {
        Self(relations: lhs.relations + rhs.relations, goldMentions: lhs.goldMentions + rhs.goldMentions,
             systemMentions: lhs.systemMentions + rhs.systemMentions, foundMentions: lhs.foundMentions + rhs.foundMentions,
             sameDate: lhs.sameDate + rhs.sameDate)
    }

    /// The TimeLine score: temporal-awareness precision, recall and F1 of the relations.
    public var scores: PrecisionRecall { relations.scores }
}

/// A mention the gold timeline and the system's disagree on.
public struct TimeLineError: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A gold mention the system timeline does not list.
        case missing
        /// A system mention the gold timeline does not list.
        case spurious
        /// A mention both list, with different dates.
        case date
    }

    public var kind: Kind
    /// The target entity of the timelines.
    public var entity: String
    /// The mention as its timeline writes it (the gold's, when both list it): `DOCID-SENTENCE-WORDS`, with `#2`
    /// for a repeat (``EntityTimeline/mentionNodes``).
    public var mention: String
    /// The gold line of the mention (`nil` for ``Kind/spurious``).
    public var gold: EntityTimeline.Event?
    /// The system line of the mention (`nil` for ``Kind/missing``).
    public var system: EntityTimeline.Event?

    public init(kind: Kind, entity: String, mention: String, gold: EntityTimeline.Event?, system: EntityTimeline.Event?) {
        self.kind = kind
        self.entity = entity
        self.mention = mention
        self.gold = gold
        self.system = system
    }
}

/// The TimeLine result of one target entity.
public struct TimeLineEntityEvaluation: Hashable, Sendable {
    public var entity: String
    public var counts: TimeLineCounts
    /// The missing and spurious mentions (in the order of their timelines), then those dated differently.
    public var errors: [TimeLineError]
    /// The relations that cost precision or recall: missed (gold) and unverified (system), with the entity as
    /// their document and the dates as their texts.
    public var relationErrors: [RelationError]

    public init(entity: String, counts: TimeLineCounts, errors: [TimeLineError], relationErrors: [RelationError]) {
        self.entity = entity
        self.counts = counts
        self.errors = errors
        self.relationErrors = relationErrors
    }
}

/// The TimeLine result of a corpus: every target entity's.
public struct TimeLineEvaluation: Hashable, Sendable {
    /// The entities, in the order given.
    public var entities: [TimeLineEntityEvaluation]

    public init(entities: [TimeLineEntityEvaluation]) {
        self.entities = entities
    }

    /// The sum over entities: its scores are the micro-average, the task's figure.
    public var counts: TimeLineCounts {
        entities.reduce(TimeLineCounts()) { $0 + $1.counts }
    }

    /// Every mention error, entity by entity.
    public var errors: [TimeLineError] { entities.flatMap(\.errors) }

    /// Every relation error, entity by entity.
    public var relationErrors: [RelationError] { entities.flatMap(\.relationErrors) }
}

/// Scores entity timelines as SemEval-2015 Task 4 (TimeLine: cross-document event ordering) does: each
/// timeline becomes a graph of BEFORE and SIMULTANEOUS relations between its event mentions
/// (``EntityTimeline/relations``: same ordinal, SIMULTANEOUS; a lower ordinal, BEFORE; ordinal 0, no
/// relation), and the system graph is scored against the gold one by temporal awareness (UzZaman & Allen 2011,
/// as ``TemporalAwarenessEvaluator`` does for TempEval-3):
///
/// - precision = |Sys⁻ ∩ Ref⁺| / |Sys⁻|,
/// - recall = |Ref⁻ ∩ Sys⁺| / |Ref⁻|,
///
/// where ⁻ is the reduced graph and ⁺ the closure (``TemporalGraph``). Mentions are the same when their
/// names are, ignoring case (`DOCID-SENTENCE-WORDS`; no alignment of extents): a system relation with a mention the gold
/// timeline lacks is in Sys⁻ and never verified. Counts add up over entities before the ratios are taken
/// (micro-average).
///
/// The mentions are compared too (``TimeLineCounts``, ``TimeLineError``): gold mentions the system lacks,
/// system mentions the gold lacks, and mentions both list with different dates.
public struct TimeLineEvaluator: Sendable {
    public init() {}

    /// Scores each system timeline against its gold timeline and adds the counts up.
    public func evaluate(_ pairs: [(gold: EntityTimeline, system: EntityTimeline)]) -> TimeLineEvaluation {
        TimeLineEvaluation(entities: pairs.map { evaluate(gold: $0.gold, system: $0.system) })
    }

    /// Scores one system timeline against the gold timeline of the same entity.
    public func evaluate(gold: EntityTimeline, system: EntityTimeline) -> TimeLineEntityEvaluation {
        let comparison = AwarenessComparison(gold: gold.relations, system: system.relations)
        let goldNodes = gold.mentionNodes, systemNodes = system.mentionNodes
        let goldEvents = Dictionary(goldNodes.map { ($0.node, $0.event) }, uniquingKeysWith: { first, _ in first })
        let systemEvents = Dictionary(systemNodes.map { ($0.node, $0.event) }, uniquingKeysWith: { first, _ in first })

        var counts = TimeLineCounts(relations: comparison.counts(), goldMentions: goldNodes.count, systemMentions: systemNodes.count)
        var errors: [TimeLineError] = []
        var dateErrors: [TimeLineError] = []
        for (node, mention, event) in goldNodes {
            guard let systemEvent = systemEvents[node] else {
                errors.append(TimeLineError(kind: .missing, entity: gold.entity, mention: mention, gold: event, system: nil))
                continue
            }
            counts.foundMentions += 1
            if EntityTimeline.normalizedDate(event.date) == EntityTimeline.normalizedDate(systemEvent.date) {
                counts.sameDate += 1
            } else {
                dateErrors.append(TimeLineError(kind: .date, entity: gold.entity, mention: mention, gold: event, system: systemEvent))
            }
        }
        for (node, mention, event) in systemNodes where goldEvents[node] == nil {
            errors.append(TimeLineError(kind: .spurious, entity: gold.entity, mention: mention, gold: nil, system: event))
        }

        func relationError(_ kind: RelationError.Kind, _ annotator: RelationError.Annotator, _ relation: TemporalRelation) -> RelationError {
            let (events, other) = annotator == .gold ? (goldEvents, comparison.systemGraph) : (systemEvents, comparison.goldGraph)
            return RelationError(
                kind: kind, document: gold.entity, annotator: annotator, relation: relation,
                sourceText: events[relation.source.description]?.date ?? "?", targetText: events[relation.target.description]?.date ?? "?",
                counterpart: other.relation(from: relation.source, to: relation.target))
        }
        let relationErrors = comparison.missed.map { relationError(.missed, .gold, $0) }
            + comparison.unverified.map { relationError(.unverified, .system, $0) }
        return TimeLineEntityEvaluation(entity: gold.entity, counts: counts, errors: errors + dateErrors, relationErrors: relationErrors)
    }
}
