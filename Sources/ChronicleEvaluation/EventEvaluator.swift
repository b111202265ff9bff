import ChronicleCore

/// An event attribute TempEval-3 Task B scores; the raw value is its TimeML attribute name.
public enum EventAttribute: String, Hashable, Sendable, CaseIterable {
    case eventClass = "class", tense, aspect, polarity, modality, partOfSpeech = "pos"

    /// The attribute's value on `event`, as TimeML writes it (`nil` for an event without modality).
    public func value(of event: Event) -> String? {
        switch self {
        case .eventClass: event.eventClass.rawValue
        case .tense: event.tense.rawValue
        case .aspect: event.aspect.rawValue
        case .polarity: event.polarity.rawValue
        case .modality: event.modality
        case .partOfSpeech: event.partOfSpeech.rawValue
        }
    }
}

/// The counts TempEval-3 Task B scores are computed from; they add up over documents.
public struct EventCounts: Hashable, Sendable {
    /// Gold events (`EVENT` elements, not instances).
    public var gold: Int
    /// System events.
    public var system: Int
    /// Gold/system pairs with identical extents (after trimming surrounding white space).
    public var strictMatches: Int
    /// Gold/system pairs with overlapping extents (one-to-one; includes the strict matches).
    public var relaxedMatches: Int
    /// For every attribute, the relaxed matches that agree on it (every attribute has an entry).
    public var correct: [EventAttribute: Int]

    /// Creates counts; attributes missing from `correct` count 0.
    public init(gold: Int = 0, system: Int = 0, strictMatches: Int = 0, relaxedMatches: Int = 0, correct: [EventAttribute: Int] = [:]) {
        self.gold = gold
        self.system = system
        self.strictMatches = strictMatches
        self.relaxedMatches = relaxedMatches
        self.correct = Dictionary(uniqueKeysWithValues: EventAttribute.allCases.map { ($0, correct[$0] ?? 0) })
    }

    /// The sum of two sets of counts.
    public static func + (lhs: EventCounts, rhs: EventCounts) -> EventCounts {
        EventCounts(
            gold: lhs.gold + rhs.gold, system: lhs.system + rhs.system,
            strictMatches: lhs.strictMatches + rhs.strictMatches, relaxedMatches: lhs.relaxedMatches + rhs.relaxedMatches,
            correct: lhs.correct.merging(rhs.correct, uniquingKeysWith: +))
    }

    /// Adds `rhs` to `lhs`.
    public static func += (lhs: inout EventCounts, rhs: EventCounts) {
        lhs = lhs + rhs
    }

    /// Strict-match precision, recall and F1.
    public var strict: PrecisionRecall { PrecisionRecall(correct: strictMatches, system: system, gold: gold) }
    /// Relaxed-match precision, recall and F1.
    public var relaxed: PrecisionRecall { PrecisionRecall(correct: relaxedMatches, system: system, gold: gold) }

    /// Attribute scores: correct values on relaxed matches over system (precision) and gold (recall) events.
    public func scores(for attribute: EventAttribute) -> PrecisionRecall {
        PrecisionRecall(correct: correct[attribute] ?? 0, system: system, gold: gold)
    }

    /// Correct values over relaxed matches (0 without matches).
    public func accuracy(of attribute: EventAttribute) -> Double {
        relaxedMatches == 0 ? 0 : Double(correct[attribute] ?? 0) / Double(relaxedMatches)
    }
}

/// One disagreement between the gold events and the system's.
public struct EventError: Hashable, Sendable {
    /// The kinds of disagreement; the attribute kinds have the raw values of ``EventAttribute``.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A gold event no system event overlaps.
        case missed
        /// A system event no gold event overlaps.
        case spurious
        /// A relaxed match whose extents differ.
        case extent
        /// A relaxed match that disagrees on an attribute.
        case eventClass = "class", tense, aspect, polarity, modality, partOfSpeech = "pos"

        /// The kind of a disagreement on `attribute`.
        public init(_ attribute: EventAttribute) {
            self.init(rawValue: attribute.rawValue)!
        }
    }

    /// What kind of disagreement this is.
    public var kind: Kind
    /// The document name.
    public var document: String
    /// The gold event (`nil` for ``Kind/spurious``).
    public var gold: Event?
    /// The system event (`nil` for ``Kind/missed``).
    public var system: Event?
    /// A little of the text around the event(s), the event in brackets, on one line.
    public var context: String

    /// Creates an error record.
    public init(kind: Kind, document: String, gold: Event?, system: Event?, context: String) {
        self.kind = kind
        self.document = document
        self.gold = gold
        self.system = system
        self.context = context
    }
}

/// The event scores of one document.
public struct EventDocumentEvaluation: Hashable, Sendable {
    /// The document name.
    public var name: String
    /// The document's counts.
    public var counts: EventCounts
    /// Every disagreement, in text order.
    public var errors: [EventError]

    /// Creates a document evaluation.
    public init(name: String, counts: EventCounts, errors: [EventError]) {
        self.name = name
        self.counts = counts
        self.errors = errors
    }
}

/// The result of scoring the events of a corpus.
public struct EventEvaluation: Hashable, Sendable {
    /// The scored documents, in the order given.
    public var documents: [EventDocumentEvaluation]
    /// The documents that could not be scored; they count nowhere in ``counts``.
    public var failures: [DocumentFailure]

    /// Creates an evaluation.
    public init(documents: [EventDocumentEvaluation], failures: [DocumentFailure]) {
        self.documents = documents
        self.failures = failures
    }

    /// The corpus counts: the sum over scored documents. Its scores are the corpus scores (micro-averaged).
    public var counts: EventCounts {
        documents.reduce(EventCounts()) { $0 + $1.counts }
    }

    /// Every error of every scored document, document by document.
    public var errors: [EventError] {
        documents.flatMap(\.errors)
    }
}

/// Scores events the way TempEval-3 Task B does (UzZaman et al. 2013).
///
/// An event is an `EVENT` element: the instances of one `EVENT` (``Event``s with the same non-empty id and
/// span) count once, with the attributes of the first. Extents are matched exactly as time expressions
/// are (see ``TimexEvaluator``): trimmed of white space, one-to-one, strict (identical) matches first,
/// then relaxed (overlapping) ones from left to right. Strict and relaxed precision divide the matches by
/// the number of system events, recall by the number of gold events. An attribute (``EventAttribute``) is
/// correct when a relaxed pair has the same TimeML value for it (modality compared as written, none equal
/// only to none); its precision and recall use the same denominators, as the TempEval-3 toolkit does, and
/// its accuracy divides by the relaxed matches. Counts add up over documents before any ratio is taken.
///
/// A document whose gold and system texts differ is not scored: it becomes a ``DocumentFailure``.
public struct EventEvaluator: Sendable {
    /// How many scalars of context to show on each side of an error.
    public var contextWidth: Int

    /// Creates an evaluator.
    public init(contextWidth: Int = 30) {
        self.contextWidth = contextWidth
    }

    /// Scores every pair and adds the counts up.
    public func evaluate(_ pairs: [EvaluationPair]) -> EventEvaluation {
        let results = pairs.map(evaluate)
        return EventEvaluation(
            documents: results.compactMap { try? $0.get() },
            failures: results.compactMap { if case .failure(let failure) = $0 { failure } else { nil } })
    }

    /// Scores one document, or explains why it cannot be scored.
    public func evaluate(_ pair: EvaluationPair) -> Result<EventDocumentEvaluation, DocumentFailure> {
        if let failure = EvaluationText.textMismatch(pair) { return .failure(failure) }
        let scalars = Array(pair.gold.text.unicodeScalars)
        let gold = EventMention.mentions(of: pair.gold.events).map(\.event)
        let system = EventMention.mentions(of: pair.system.events).map(\.event)
        let matching = ExtentMatching(gold: gold.map(\.span), system: system.map(\.span), in: scalars)

        var counts = EventCounts(gold: gold.count, system: system.count)
        var located: [(position: Int, kindOrder: Int, error: EventError)] = []
        func record(_ kind: EventError.Kind, gold g: Int?, system s: Int?) {
            let spans = [g.map { matching.goldExtents[$0] }, s.map { matching.systemExtents[$0] }].compactMap { $0 }
            let error = EventError(
                kind: kind, document: pair.name, gold: g.map { gold[$0] }, system: s.map { system[$0] },
                context: EvaluationText.context(of: spans, in: scalars, width: contextWidth))
            located.append((spans.map(\.start).min() ?? 0, EventError.Kind.allCases.firstIndex(of: kind)!, error))
        }
        for g in matching.goldOrder {
            guard let s = matching.goldPartner[g] else {
                record(.missed, gold: g, system: nil)
                continue
            }
            counts.relaxedMatches += 1
            if matching.isStrict[g] { counts.strictMatches += 1 } else { record(.extent, gold: g, system: s) }
            for attribute in EventAttribute.allCases {
                if attribute.value(of: gold[g]) == attribute.value(of: system[s]) {
                    counts.correct[attribute, default: 0] += 1
                } else {
                    record(EventError.Kind(attribute), gold: g, system: s)
                }
            }
        }
        for s in matching.systemOrder where matching.systemPartner[s] == nil {
            record(.spurious, gold: nil, system: s)
        }
        return .success(EventDocumentEvaluation(name: pair.name, counts: counts, errors: EvaluationText.sorted(located)))
    }
}

/// An `EVENT` element: the events (instances) that share a non-empty id and a span. An event with an empty
/// id is a mention of its own.
struct EventMention {
    /// The first instance.
    var event: Event
    /// The non-empty instance ids, in the order given.
    var instanceIDs: [String]

    /// The mentions of `events`, in the order of their first instance.
    static func mentions(of events: [Event]) -> [EventMention] {
        struct Key: Hashable {
            var id: String
            var span: TextSpan
        }
        var mentions: [EventMention] = []
        var index: [Key: Int] = [:]
        for event in events {
            let instanceIDs = event.instanceID.isEmpty ? [] : [event.instanceID]
            let key = Key(id: event.id, span: event.span)
            if !event.id.isEmpty, let existing = index[key] {
                mentions[existing].instanceIDs += instanceIDs
            } else {
                if !event.id.isEmpty { index[key] = mentions.count }
                mentions.append(EventMention(event: event, instanceIDs: instanceIDs))
            }
        }
        return mentions
    }
}
