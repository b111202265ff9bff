/// A temporal relation between two events, two times, or an event and a time (TimeML TLINK).
public struct TemporalRelation: Hashable, Sendable, Codable {
    /// TimeML TLINK relation types. Each has an inverse (``inverse``); `during` is TimeML's name for a
    /// relation that TempEval-3 scores as `simultaneous`.
    public enum RelationType: String, Hashable, Sendable, Codable, CaseIterable {
        case before = "BEFORE", after = "AFTER", immediatelyBefore = "IBEFORE", immediatelyAfter = "IAFTER"
        case includes = "INCLUDES", isIncluded = "IS_INCLUDED", during = "DURING", duringInverse = "DURING_INV"
        case simultaneous = "SIMULTANEOUS", identity = "IDENTITY"
        case begins = "BEGINS", begunBy = "BEGUN_BY", ends = "ENDS", endedBy = "ENDED_BY"

        /// The relation read the other way round (`a BEFORE b` is `b AFTER a`).
        public var inverse: RelationType {
            switch self {
            case .before: return .after
            case .after: return .before
            case .immediatelyBefore: return .immediatelyAfter
            case .immediatelyAfter: return .immediatelyBefore
            case .includes: return .isIncluded
            case .isIncluded: return .includes
            case .during: return .duringInverse
            case .duringInverse: return .during
            case .simultaneous: return .simultaneous
            case .identity: return .identity
            case .begins: return .begunBy
            case .begunBy: return .begins
            case .ends: return .endedBy
            case .endedBy: return .ends
            }
        }
    }

    /// One end of a relation: an event instance (`ei3`) or a time expression (`t2`; `t0` is the DCT).
    public enum Endpoint: Hashable, Sendable, Codable, CustomStringConvertible {
        case event(instanceID: String)
        case time(id: String)

        public var description: String {
            switch self {
            case .event(let id), .time(let id): return id
            }
        }
    }

    /// Identifier within the document (`l1`; TimeML `lid`).
    public var id: String
    public var source: Endpoint
    public var target: Endpoint
    public var type: RelationType
    /// The words that signal the relation ("before", "after", "since"), if any.
    public var signal: TextSpan?

    public init(id: String, source: Endpoint, target: Endpoint, type: RelationType, signal: TextSpan? = nil) {
        self.id = id
        self.source = source
        self.target = target
        self.type = type
        self.signal = signal
    }
}
