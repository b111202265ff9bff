/// An event mention in the TimeML sense (EVENT plus its MAKEINSTANCE attributes): something that
/// happens or holds ("hospitalized", "interview", "divorce", "said", "unconscious").
public struct Event: Hashable, Sendable, Codable {
    /// TimeML event classes.
    public enum Class: String, Hashable, Sendable, Codable, CaseIterable {
        case occurrence = "OCCURRENCE", reporting = "REPORTING", state = "STATE", intensionalAction = "I_ACTION",
             intensionalState = "I_STATE", aspectual = "ASPECTUAL", perception = "PERCEPTION"
    }

    /// TimeML tense (of the event's verb group; `none` for most nouns).
    public enum Tense: String, Hashable, Sendable, Codable, CaseIterable {
        case past = "PAST", present = "PRESENT", future = "FUTURE", infinitive = "INFINITIVE",
             presentParticiple = "PRESPART", pastParticiple = "PASTPART", none = "NONE"
    }

    public enum Aspect: String, Hashable, Sendable, Codable, CaseIterable {
        case progressive = "PROGRESSIVE", perfective = "PERFECTIVE", perfectiveProgressive = "PERFECTIVE_PROGRESSIVE", none = "NONE"
    }

    public enum Polarity: String, Hashable, Sendable, Codable, CaseIterable {
        case positive = "POS", negative = "NEG"
    }

    /// TimeML's coarse part of speech of the event word.
    public enum PartOfSpeech: String, Hashable, Sendable, Codable, CaseIterable {
        case verb = "VERB", noun = "NOUN", adjective = "ADJECTIVE", preposition = "PREPOSITION", other = "OTHER"
        /// TBAQ writes `UNKNOWN` for 2,590 instances; kept so that gold round-trips exactly.
        case unknown = "UNKNOWN"
    }

    /// Identifier within the document (`e1`; TimeML `eid`).
    public var id: String
    /// The instance identifier TLINKs refer to (`ei1`; TimeML `eiid`).
    public var instanceID: String
    public var span: TextSpan
    public var text: String
    public var lemma: String
    public var eventClass: Class
    public var tense: Tense
    public var aspect: Aspect
    public var polarity: Polarity
    /// The modal that qualifies the event ("would", "may", "could"), if any.
    public var modality: String?
    public var partOfSpeech: PartOfSpeech

    public init(
        id: String, instanceID: String, span: TextSpan, text: String, lemma: String, eventClass: Class,
        tense: Tense = .none, aspect: Aspect = .none, polarity: Polarity = .positive, modality: String? = nil,
        partOfSpeech: PartOfSpeech = .other
    ) {
        self.id = id
        self.instanceID = instanceID
        self.span = span
        self.text = text
        self.lemma = lemma
        self.eventClass = eventClass
        self.tense = tense
        self.aspect = aspect
        self.polarity = polarity
        self.modality = modality
        self.partOfSpeech = partOfSpeech
    }
}
