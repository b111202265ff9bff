import ChronicleCalendar
import Foundation

/// The timeline of a story: every event of its documents placed on one calendar axis, merged across
/// documents, ordered, with the statements, participants and sources of each entry, and the warnings
/// the documents raise. Built by `TimelineBuilder`; written by `TimelineJSONWriter`,
/// `TimelineTextRenderer` and `TimelineHTMLRenderer`.
///
/// See `TimelineJSONWriter` for the JSON contract (`chronicle.timeline/1`), which mirrors these types.
public struct Timeline: Hashable, Sendable {
    /// The version of the JSON contract this model is written as.
    public static let schema = "chronicle.timeline/1"

    public var documents: [DocumentInfo]
    /// The entries in timeline order (see `TimelineBuilder` for the order).
    public var entries: [Entry]
    /// The temporal relations between entries that the documents state or entail, without redundant ones.
    public var relations: [Relation]
    public var warnings: [Warning]
    /// The entities of the story, each with the variants its documents use (merged across documents by
    /// canonical name): what ``entries(about:)`` resolves a name against. Not written to JSON.
    public var entities: [EntityInfo]

    public init(documents: [DocumentInfo], entries: [Entry], relations: [Relation], warnings: [Warning], entities: [EntityInfo] = []) {
        self.documents = documents
        self.entries = entries
        self.relations = relations
        self.warnings = warnings
        self.entities = entities
    }

    /// The entry with identifier `id`.
    public func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }

    /// The entries in which the entity called `name` takes part (as a participant or the speaker: see
    /// ``Entry/roles``), in timeline order: the timeline of one entity (`chronicle timeline --about NAME`).
    ///
    /// `name` is resolved against every variant of the story's ``entities`` ("GM" for General Motors, "Beatles
    /// Apple Corps" for "the Beatles' Apple Corps", "the Dow"): the words of a variant, folding case and
    /// diacritics and leaving out possessive marks and a leading "the", are the words of `name`, or, for a name
    /// of two words or more, all of them and at most one other ("iTunes store" for "iTunes Music Store", "iPhone
    /// 3G" for "3G iPhone"). A one-word name also matches the people whose surname or first name it is.
    public func entries(about name: String) -> [Entry] {
        let wanted = Self.words(of: name)
        guard !wanted.isEmpty else { return [] }
        var names: Set<[String]> = [wanted]
        for entity in entities where ([entity.name] + entity.variants).contains(where: { Self.matches(wanted, Self.words(of: $0)) }) {
            names.insert(Self.words(of: entity.name))
        }
        // A one-word name is a surname or first name only of people ("iPod" is not "iPod nano").
        let others = Set(entities.filter { $0.kind != .person }.map { Self.words(of: $0.name) })
        func matches(_ participant: String) -> Bool {
            let words = Self.words(of: participant)
            if names.contains(words) { return true }
            return wanted.count == 1 && !others.contains(words) && (words.last == wanted[0] || words.first == wanted[0])
        }
        return entries.filter { entry in
            entry.participants.contains(where: matches) || entry.statement?.speaker.map(matches) == true
        }
    }

    /// Whether the words of a variant stand for the words wanted (see ``entries(about:)``).
    private static func matches(_ wanted: [String], _ variant: [String]) -> Bool {
        if wanted == variant { return true }
        guard wanted.count >= 2, variant.count <= wanted.count + 1 else { return false }
        return Set(wanted).isSubset(of: variant)
    }

    /// The words of a name, case and diacritics folded, possessive marks and a leading "the" left out.
    private static func words(of name: String) -> [String] {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words = folded.replacingOccurrences(of: "’", with: "'").split(whereSeparator: { $0.isWhitespace }).flatMap { word -> [String] in
            var word = String(word)
            if word.hasSuffix("'s") { word.removeLast(2) }
            return word.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "." && $0 != "&" }).map(String.init)
        }
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        return words
    }

    /// An entity of the story.
    public struct EntityInfo: Hashable, Sendable {
        /// The canonical name (the fullest the documents give).
        public var name: String
        public var kind: Entity.Kind
        /// Every name the documents use for it, the canonical one first.
        public var variants: [String]

        public init(name: String, kind: Entity.Kind, variants: [String]) {
            self.name = name
            self.kind = kind
            self.variants = variants
        }
    }

    /// An entity taking part in an entry's event, and how.
    public struct Participant: Hashable, Sendable {
        /// The canonical name.
        public var name: String
        public var role: Entity.Role

        public init(name: String, role: Entity.Role) {
            self.name = name
            self.role = role
        }
    }

    /// One document of the story.
    public struct DocumentInfo: Hashable, Sendable {
        /// The document's identifier, unique within the timeline.
        public var id: String
        public var title: String?
        /// The creation time, and whether it was given or inferred.
        public var creationTime: CreationTime?
        /// The document's text (for views that show it; not written to JSON).
        public var text: String
        /// Its time expressions (for views that highlight them).
        public var timeExpressions: [TimeExpression]
        /// Its event mentions (for views that highlight them).
        public var events: [Event]
        /// Its sentences (for views that quote them).
        public var sentences: [TextSpan]

        public init(id: String, title: String?, creationTime: CreationTime?, text: String = "",
                    timeExpressions: [TimeExpression] = [], events: [Event] = [], sentences: [TextSpan] = []) {
            self.id = id
            self.title = title
            self.creationTime = creationTime
            self.text = text
            self.timeExpressions = timeExpressions
            self.events = events
            self.sentences = sentences
        }
    }

    /// How precisely an entry's time is known.
    public enum Granularity: String, Hashable, Sendable, CaseIterable {
        /// A clock time or part of a day ("7:30 p.m.", "Friday night"): the interval is its day.
        case time, day, weekend, week, month, season, quarter, half, year, decade, century
        /// Bounded on both sides by different anchors ("after Oct. 13 and before Oct. 28").
        case range
        /// Bounded on one side only ("before the hospitalization").
        case open
        case unknown

        /// The granularity of a time value.
        public init(_ granularity: TimeValue.Granularity) {
            self = Granularity(rawValue: granularity.rawValue) ?? .unknown
        }
    }

    /// How an entry stands to its anchor.
    public enum PlacementRelation: String, Hashable, Sendable, CaseIterable {
        /// Within (or simultaneous with) the anchor: TimeML IS_INCLUDED, DURING, SIMULTANEOUS, IDENTITY, BEGINS, ENDS.
        case on = "ON"
        /// Before it: BEFORE, IBEFORE.
        case before = "BEFORE"
        /// After it: AFTER, IAFTER.
        case after = "AFTER"
        /// Around it: INCLUDES, DURING_INV, BEGUN_BY, ENDED_BY.
        case overlap = "OVERLAP"
        /// No relation places the entry.
        case unknown = "UNKNOWN"

        /// The placement a TimeML relation type gives.
        public init(_ type: TemporalRelation.RelationType) {
            switch type {
            case .isIncluded, .during, .simultaneous, .identity, .begins, .ends: self = .on
            case .before, .immediatelyBefore: self = .before
            case .after, .immediatelyAfter: self = .after
            case .includes, .duringInverse, .begunBy, .endedBy: self = .overlap
            }
        }
    }

    /// What an entry is placed against.
    public enum Anchor: Hashable, Sendable {
        /// A time expression of a document.
        case time(document: String, id: String, text: String, value: String)
        /// A document's creation time.
        case creationTime(document: String, value: String)
        /// Another entry ("before the hospitalization").
        case entry(id: String)
    }

    /// How an entry's time was found: the evidence its `value` and bounds rest on, strongest first.
    public enum Basis: String, Hashable, Sendable, CaseIterable {
        /// A time expression of its own clause, or one a relation of its document ties it to ("on Oct. 13").
        case explicit
        /// The time the narrative had moved to when the event was told: the last date before it in its
        /// document ("The fire began on July 14. ... was not reported until 5:40 a.m.").
        case narrative
        /// A relation to another entry ("before the hospitalization").
        case relation
        /// The document's creation time, by default: a past event of a news report with nothing else to place it
        /// is dated to the report's day or the day before; a future one is after it.
        case documentDate = "document-date"
        /// Nothing places it.
        case unknown

        /// Whether the time was inferred rather than written (views mark such dates).
        public var isInferred: Bool { self == .narrative || self == .documentDate }
    }

    /// Where an entry is on the calendar.
    public struct Placement: Hashable, Sendable {
        /// The TIMEX3 value of the time the entry is on, when it is on one (`2015-10-13`, `2015-W44`, `XXXX-10-28`).
        public var value: String?
        /// The first and last calendar day the entry can occupy (inclusive); `nil` when open on that side.
        public var start: CalendarDate?
        public var end: CalendarDate?
        public var granularity: Granularity
        public var relation: PlacementRelation
        public var anchor: Anchor?
        /// How the time was found.
        public var basis: Basis

        public init(value: String? = nil, start: CalendarDate? = nil, end: CalendarDate? = nil, granularity: Granularity = .unknown,
                    relation: PlacementRelation = .unknown, anchor: Anchor? = nil, basis: Basis = .unknown) {
            self.value = value
            self.start = start
            self.end = end
            self.granularity = granularity
            self.relation = relation
            self.anchor = anchor
            self.basis = basis
        }
    }

    /// A stretch of one document's text.
    public struct SourceSpan: Hashable, Sendable {
        public var document: String
        public var span: TextSpan
        /// The index of the sentence (in ``Document/sentences``) the span starts in, when the document has sentences.
        public var sentence: Int?

        public init(document: String, span: TextSpan, sentence: Int? = nil) {
            self.document = document
            self.span = span
            self.sentence = sentence
        }
    }

    /// The event of an entry, as its representative mention gives it.
    public struct EventInfo: Hashable, Sendable {
        public var text: String
        public var lemma: String
        /// The TimeML class; `REPORTING` for a statement whose verb the event stage did not mark.
        public var eventClass: Event.Class
        public var source: SourceSpan

        public init(text: String, lemma: String, eventClass: Event.Class, source: SourceSpan) {
            self.text = text
            self.lemma = lemma
            self.eventClass = eventClass
            self.source = source
        }
    }

    /// The statement an entry's event makes (its event is the reporting event).
    public struct StatementInfo: Hashable, Sendable {
        /// The resolved speaker's name, if the text names one.
        public var speaker: String?
        /// The words that refer to the speaker in the statement's sentence ("she", "the magazine").
        public var speakerMention: String?
        public var verb: String
        public var channel: String?
        public var stance: Statement.Stance
        /// The content span (what was said).
        public var content: SourceSpan?
        /// The content's text.
        public var contentText: String?

        public init(speaker: String?, speakerMention: String?, verb: String, channel: String?, stance: Statement.Stance,
                    content: SourceSpan?, contentText: String?) {
            self.speaker = speaker
            self.speakerMention = speakerMention
            self.verb = verb
            self.channel = channel
            self.stance = stance
            self.content = content
            self.contentText = contentText
        }
    }

    /// How the story vouches for an entry's event.
    public enum Attribution: String, Hashable, Sendable, CaseIterable {
        /// Told by the story itself (at least one mention lies outside every statement's content).
        case narrated
        /// Only inside what a named speaker says.
        case asserted
        /// Only inside hearsay ("reportedly", "reports that").
        case reported
        /// Only inside a denial.
        case denied
    }

    /// One event of the story.
    public struct Entry: Hashable, Sendable {
        /// `E1`, `E2`, ... in timeline order.
        public var id: String
        public var event: EventInfo
        public var time: Placement
        public var statement: StatementInfo?
        /// The entities taking part in the event (canonical names): the speaker, then its subject, possessor,
        /// object, agent and complements as ``roles`` gives them.
        public var participants: [String]
        /// ``participants`` with their roles.
        public var roles: [Participant]
        /// Every mention of the event, in document order.
        public var sources: [SourceSpan]
        public var attribution: Attribution
        /// The entries whose statements contain this event in their content (innermost first).
        public var attributedTo: [String]
        /// Whether a statement of the story denies the event.
        public var isDenied: Bool
        /// How much the entry matters to the story, from 0 to 1 (see `TimelineSalience`).
        public var salience: Double
        /// Whether the entry is one of the story's key entries, which the views show by default.
        public var isKey: Bool

        public init(id: String, event: EventInfo, time: Placement, statement: StatementInfo?, participants: [String], roles: [Participant] = [],
                    sources: [SourceSpan], attribution: Attribution = .narrated, attributedTo: [String] = [], isDenied: Bool = false,
                    salience: Double = 0, isKey: Bool = true) {
            self.id = id
            self.event = event
            self.time = time
            self.statement = statement
            self.participants = participants
            self.roles = roles
            self.sources = sources
            self.attribution = attribution
            self.attributedTo = attributedTo
            self.isDenied = isDenied
            self.salience = salience
            self.isKey = isKey
        }
    }

    /// A relation between two entries.
    public struct Relation: Hashable, Sendable {
        public var source: String
        public var target: String
        public var type: TemporalRelation.RelationType
        /// The documents that state it.
        public var documents: [String]

        public init(source: String, target: String, type: TemporalRelation.RelationType, documents: [String]) {
            self.source = source
            self.target = target
            self.type = type
            self.documents = documents
        }
    }

    /// A consistency problem.
    public struct Warning: Hashable, Sendable {
        /// Codes of the timeline's own warnings; document diagnostics keep their codes (`weekday-mismatch`, `ambiguous-year`, ...).
        public static let conflictingTimes: Diagnostic.Code = "conflicting-times"
        public static let orderingCycle: Diagnostic.Code = "ordering-cycle"

        public var severity: Diagnostic.Severity
        public var code: Diagnostic.Code
        public var message: String
        /// The document and span it concerns, if one.
        public var document: String?
        public var span: TextSpan?
        /// For `ambiguous-year`: the candidate years.
        public var candidates: [Int]
        /// The entries it concerns.
        public var entries: [String]

        public init(severity: Diagnostic.Severity, code: Diagnostic.Code, message: String, document: String? = nil,
                    span: TextSpan? = nil, candidates: [Int] = [], entries: [String] = []) {
            self.severity = severity
            self.code = code
            self.message = message
            self.document = document
            self.span = span
            self.candidates = candidates
            self.entries = entries
        }
    }
}

/// A document given to `TimelineBuilder`: an annotated ``Document`` and its title.
public struct StoryDocument: Hashable, Sendable {
    public var document: Document
    public var title: String?

    public init(_ document: Document, title: String? = nil) {
        self.document = document
        self.title = title
    }
}
