import ChronicleCore

/// The counts the temporal-awareness score is computed from; they add up over documents.
public struct TemporalAwarenessCounts: Hashable, Sendable {
    /// The precision denominator: the relations of the reduced system graph (|Sys⁻|) plus the unaligned system relations.
    public var system: Int
    /// The relations of the reduced system graph that the gold closure entails (|Sys⁻ ∩ Ref⁺|).
    public var verified: Int
    /// The recall denominator: the relations of the reduced gold graph (|Ref⁻|).
    public var gold: Int
    /// The relations of the reduced gold graph that the system closure entails (|Ref⁻ ∩ Sys⁺|).
    public var recovered: Int
    /// System relations with an endpoint that has no gold counterpart (counted in ``system``, never verified).
    public var unaligned: Int
    /// System relations left out because they contradict earlier ones (counted nowhere else).
    public var systemInconsistent: Int
    /// Gold relations left out because they contradict earlier ones (counted nowhere else).
    public var goldInconsistent: Int

    /// Creates counts.
    public init(
        system: Int = 0, verified: Int = 0, gold: Int = 0, recovered: Int = 0, unaligned: Int = 0,
        systemInconsistent: Int = 0, goldInconsistent: Int = 0
    ) {
        self.system = system
        self.verified = verified
        self.gold = gold
        self.recovered = recovered
        self.unaligned = unaligned
        self.systemInconsistent = systemInconsistent
        self.goldInconsistent = goldInconsistent
    }

    /// The sum of two sets of counts.
    public static func + (lhs: Self, rhs: Self) -> Self {
        Self(
            system: lhs.system + rhs.system, verified: lhs.verified + rhs.verified, gold: lhs.gold + rhs.gold,
            recovered: lhs.recovered + rhs.recovered, unaligned: lhs.unaligned + rhs.unaligned,
            systemInconsistent: lhs.systemInconsistent + rhs.systemInconsistent,
            goldInconsistent: lhs.goldInconsistent + rhs.goldInconsistent)
    }

    /// Adds `rhs` to `lhs`.
    public static func += (lhs: inout Self, rhs: Self) {
        lhs = lhs + rhs
    }

    /// Precision `verified / system`, recall `recovered / gold`, and their F1: the temporal-awareness score.
    public var scores: PrecisionRecall {
        PrecisionRecall(precisionCorrect: verified, system: system, recallCorrect: recovered, gold: gold)
    }
}

/// One relation that cost precision or recall, or that had to be left out.
public struct RelationError: Hashable, Sendable {
    /// The kinds of problem.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A relation of the reduced gold graph that the system closure does not entail.
        case missed
        /// A relation of the reduced system graph that the gold closure does not entail.
        case unverified
        /// A system relation with an endpoint that has no gold counterpart.
        case unaligned
        /// A relation that contradicts the relations before it, left out of its graph.
        case inconsistent
    }

    /// Whose relation it is.
    public enum Annotator: String, Hashable, Sendable {
        case gold, system
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// The document name.
    public var document: String
    /// Whose relation it is.
    public var annotator: Annotator
    /// The relation, as that annotator wrote it (with its own ids).
    public var relation: TemporalRelation
    /// The text of the relation's source (`DCT` for the creation time, `?` for an endpoint the annotation lacks).
    public var sourceText: String
    /// The text of the relation's target (`DCT` for the creation time, `?` for an endpoint the annotation lacks).
    public var targetText: String
    /// For ``Kind/missed`` and ``Kind/unverified``: the basic relation the other annotation's closure entails
    /// between the same endpoints, or `nil` when it entails none.
    public var counterpart: TemporalRelation.RelationType?

    /// Creates an error record.
    public init(
        kind: Kind, document: String, annotator: Annotator, relation: TemporalRelation, sourceText: String, targetText: String,
        counterpart: TemporalRelation.RelationType? = nil
    ) {
        self.kind = kind
        self.document = document
        self.annotator = annotator
        self.relation = relation
        self.sourceText = sourceText
        self.targetText = targetText
        self.counterpart = counterpart
    }
}

/// The temporal-awareness result of one document.
public struct TemporalAwarenessDocumentEvaluation: Hashable, Sendable {
    /// The document name.
    public var name: String
    /// The document's counts.
    public var counts: TemporalAwarenessCounts
    /// Every relation that cost precision or recall or was left out: missed, unverified, unaligned, inconsistent.
    public var errors: [RelationError]

    /// Creates a document evaluation.
    public init(name: String, counts: TemporalAwarenessCounts, errors: [RelationError]) {
        self.name = name
        self.counts = counts
        self.errors = errors
    }
}

/// The temporal-awareness result of a corpus.
public struct TemporalAwarenessEvaluation: Hashable, Sendable {
    /// The scored documents, in the order given.
    public var documents: [TemporalAwarenessDocumentEvaluation]
    /// The documents that could not be scored; they count nowhere in ``counts``.
    public var failures: [DocumentFailure]

    /// Creates an evaluation.
    public init(documents: [TemporalAwarenessDocumentEvaluation], failures: [DocumentFailure]) {
        self.documents = documents
        self.failures = failures
    }

    /// The corpus counts: the sum over scored documents. Its scores are the corpus scores (micro-averaged).
    public var counts: TemporalAwarenessCounts {
        documents.reduce(TemporalAwarenessCounts()) { $0 + $1.counts }
    }

    /// Every error of every scored document, document by document.
    public var errors: [RelationError] {
        documents.flatMap(\.errors)
    }
}

/// Scores temporal relations by temporal awareness (UzZaman & Allen 2011), the TLINK score of
/// TempEval-3 Tasks C and ABC:
///
/// - precision = |Sys⁻ ∩ Ref⁺| / |Sys⁻|: the share of the system's non-redundant relations that the
///   closure of the gold relations entails;
/// - recall = |Ref⁻ ∩ Sys⁺| / |Ref⁻|: the share of the gold's non-redundant relations that the closure of
///   the system relations entails;
///
/// where ⁺ is the closure and ⁻ the reduced graph of a ``TemporalGraph`` (DURING, DURING_INV and IDENTITY
/// read as SIMULTANEOUS). Counts add up over documents before the ratios are taken.
///
/// End to end, the system's events and times are not the gold ones, so first every system endpoint is
/// aligned with a gold one, as the TempEval-3 toolkit does, by extent: time expressions and `EVENT`s are
/// matched one-to-one exactly as Tasks A and B match them (strict matches first, then overlaps from left to
/// right); the instances of matched `EVENT`s are paired in order; the system's creation time is the gold's.
/// System relations are renamed to the gold ids. A relation with an endpoint that has no gold counterpart
/// cannot be verified: it is left out of the system graph but still counts in the precision denominator
/// (``TemporalAwarenessCounts/unaligned``). With the gold entities as system entities (Task C), the alignment
/// is the identity.
///
/// A relation that contradicts the relations before it (in the order given) is left out of its graph and
/// of every count, and reported (``RelationError/Kind/inconsistent``); the TimeBank gold has a few
/// (`x AFTER x`, say), so that the gold scored against itself is 1.
///
/// A document whose gold and system texts differ is not scored: it becomes a ``DocumentFailure``.
public struct TemporalAwarenessEvaluator: Sendable {
    /// Creates an evaluator.
    public init() {}

    /// Scores every pair and adds the counts up.
    public func evaluate(_ pairs: [EvaluationPair]) -> TemporalAwarenessEvaluation {
        let results = pairs.map(evaluate)
        return TemporalAwarenessEvaluation(
            documents: results.compactMap { try? $0.get() },
            failures: results.compactMap { if case .failure(let failure) = $0 { failure } else { nil } })
    }

    /// Scores one document, or explains why it cannot be scored.
    public func evaluate(_ pair: EvaluationPair) -> Result<TemporalAwarenessDocumentEvaluation, DocumentFailure> {
        if let failure = EvaluationText.textMismatch(pair) { return .failure(failure) }
        let alignment = EndpointAlignment(gold: pair.gold, system: pair.system)

        var original: [TemporalRelation: TemporalRelation] = [:]
        var aligned: [TemporalRelation] = []
        var unaligned: [TemporalRelation] = []
        for relation in pair.system.relations {
            guard let source = alignment.goldEndpoint(for: relation.source), let target = alignment.goldEndpoint(for: relation.target) else {
                unaligned.append(relation)
                continue
            }
            var renamed = relation
            renamed.source = source
            renamed.target = target
            if original[renamed] == nil { original[renamed] = relation }
            aligned.append(renamed)
        }

        let comparison = AwarenessComparison(gold: pair.gold.relations, system: aligned)
        let (goldGraph, systemGraph) = (comparison.goldGraph, comparison.systemGraph)
        let counts = comparison.counts(unaligned: unaligned.count)

        let goldTexts = EndpointTexts(pair.gold), systemTexts = EndpointTexts(pair.system)
        func error(_ kind: RelationError.Kind, _ annotator: RelationError.Annotator, _ relation: TemporalRelation, against graph: TemporalGraph?) -> RelationError {
            let written = annotator == .system ? original[relation] ?? relation : relation
            let texts = annotator == .system ? systemTexts : goldTexts
            return RelationError(
                kind: kind, document: pair.name, annotator: annotator, relation: written,
                sourceText: texts[written.source], targetText: texts[written.target],
                counterpart: graph?.relation(from: relation.source, to: relation.target))
        }
        var errors = comparison.missed.map { error(.missed, .gold, $0, against: systemGraph) }
        errors += comparison.unverified.map { error(.unverified, .system, $0, against: goldGraph) }
        errors += unaligned.map { error(.unaligned, .system, $0, against: nil) }
        errors += goldGraph.inconsistencies.map { error(.inconsistent, .gold, $0.relation, against: nil) }
        errors += systemGraph.inconsistencies.map { error(.inconsistent, .system, $0.relation, against: nil) }
        return .success(TemporalAwarenessDocumentEvaluation(name: pair.name, counts: counts, errors: errors))
    }
}

/// The core of temporal awareness: each side's reduced graph checked against the other side's closure.
struct AwarenessComparison {
    let goldGraph: TemporalGraph
    let systemGraph: TemporalGraph
    /// |Sys⁻| and |Ref⁻|.
    let systemReducedCount: Int
    let goldReducedCount: Int
    /// The relations of the reduced system graph the gold closure does not entail (Sys⁻ minus Ref⁺).
    let unverified: [TemporalRelation]
    /// The relations of the reduced gold graph the system closure does not entail (Ref⁻ minus Sys⁺).
    let missed: [TemporalRelation]

    init(gold: [TemporalRelation], system: [TemporalRelation]) {
        let goldGraph = TemporalGraph(gold), systemGraph = TemporalGraph(system)
        let goldReduced = goldGraph.reduced(), systemReduced = systemGraph.reduced()
        (self.goldGraph, self.systemGraph) = (goldGraph, systemGraph)
        (goldReducedCount, systemReducedCount) = (goldReduced.count, systemReduced.count)
        unverified = systemReduced.filter { !goldGraph.entails($0) }
        missed = goldReduced.filter { !systemGraph.entails($0) }
    }

    /// The counts, with `unaligned` system relations left out of the system graph but counted against precision.
    func counts(unaligned: Int = 0) -> TemporalAwarenessCounts {
        TemporalAwarenessCounts(
            system: systemReducedCount + unaligned, verified: systemReducedCount - unverified.count,
            gold: goldReducedCount, recovered: goldReducedCount - missed.count, unaligned: unaligned,
            systemInconsistent: systemGraph.inconsistencies.count, goldInconsistent: goldGraph.inconsistencies.count)
    }
}

/// Which gold endpoint each system endpoint stands for (see ``TemporalAwarenessEvaluator``).
struct EndpointAlignment {
    private var goldBySystem: [TemporalRelation.Endpoint: TemporalRelation.Endpoint] = [:]

    init(gold: AnnotatedText, system: AnnotatedText) {
        let scalars = Array(gold.text.unicodeScalars)
        if let systemDCT = system.creationTimeID, let goldDCT = gold.creationTimeID {
            link(.time(id: systemDCT), .time(id: goldDCT))
        }
        let times = ExtentMatching(gold: gold.timeExpressions.map(\.span), system: system.timeExpressions.map(\.span), in: scalars)
        for (s, g) in times.systemPartner.enumerated() {
            guard let g else { continue }
            link(.time(id: system.timeExpressions[s].id), .time(id: gold.timeExpressions[g].id))
        }
        let goldEvents = EventMention.mentions(of: gold.events), systemEvents = EventMention.mentions(of: system.events)
        let events = ExtentMatching(gold: goldEvents.map(\.event.span), system: systemEvents.map(\.event.span), in: scalars)
        for (s, g) in events.systemPartner.enumerated() {
            guard let g else { continue }
            for (systemID, goldID) in zip(systemEvents[s].instanceIDs, goldEvents[g].instanceIDs) {
                link(.event(instanceID: systemID), .event(instanceID: goldID))
            }
        }
    }

    /// The gold endpoint `endpoint` stands for, if it has one.
    func goldEndpoint(for endpoint: TemporalRelation.Endpoint) -> TemporalRelation.Endpoint? {
        goldBySystem[endpoint]
    }

    /// Links the two, unless the system endpoint is unnamed or already linked (the first one with a name wins).
    private mutating func link(_ system: TemporalRelation.Endpoint, _ gold: TemporalRelation.Endpoint) {
        guard !system.description.isEmpty, !gold.description.isEmpty, goldBySystem[system] == nil else { return }
        goldBySystem[system] = gold
    }
}

/// The text of each endpoint of an annotation, for error listings.
private struct EndpointTexts {
    private var texts: [TemporalRelation.Endpoint: String] = [:]

    init(_ annotation: AnnotatedText) {
        for event in annotation.events where texts[.event(instanceID: event.instanceID)] == nil {
            texts[.event(instanceID: event.instanceID)] = event.text
        }
        for timex in annotation.timeExpressions where texts[.time(id: timex.id)] == nil {
            texts[.time(id: timex.id)] = timex.text
        }
        if let id = annotation.creationTimeID { texts[.time(id: id)] = "DCT" }
    }

    subscript(endpoint: TemporalRelation.Endpoint) -> String {
        texts[endpoint] ?? "?"
    }
}
