import ChronicleCore

/// A TempEval-3 TimeML document as ``TimeMLReader`` reads it.
///
/// Only the content of the `TEXT` element is ``text``; every span (of ``timeExpressions``, ``events``,
/// ``elements`` and ``diagnostics``) is a Unicode scalar offset into it, which is what
/// ChronicleCore's ``Document`` and the TempEval-3 scorer use.
public struct TimeMLDocument: Hashable, Sendable {
    /// The `TIMEX3` of the `DCT` element, kept as it was written.
    public struct CreationTimeExpression: Hashable, Sendable {
        /// The `tid` attribute (usually `t0`); empty when the tag has none.
        public var id: String
        /// The `type` attribute, or `nil` when it is missing or not one of the four TIMEX3 types.
        public var kind: TimeExpression.Kind?
        /// The `value` attribute, as written; empty when the tag has none.
        public var value: String
        /// The text inside the tag (entities decoded).
        public var text: String
        /// Every attribute of the tag, in the order written.
        public var attributes: [TimeMLAttribute]

        /// Creates a creation-time expression.
        public init(id: String, kind: TimeExpression.Kind?, value: String, text: String, attributes: [TimeMLAttribute] = []) {
            self.id = id
            self.kind = kind
            self.value = value
            self.text = text
            self.attributes = attributes
        }
    }

    /// The `DOCID` text, or the fallback name the caller gave when there is no (non-empty) `DOCID`.
    public var id: String
    /// The creation time parsed from the `DCT` `TIMEX3` `value`; `nil` without a `DCT` or when the value is not a date or date-time.
    public var creationTime: CreationTime?
    /// The `DCT`'s `TIMEX3` as written, if the document has one.
    public var creationTimeExpression: CreationTimeExpression?
    /// The character content of the `TEXT` element: markup removed, entities and character references decoded,
    /// everything else (white space, line ends) exactly as in the file.
    public var text: String
    /// The `TIMEX3` elements inside `TEXT`, in document order, with spans into ``text``.
    public var timeExpressions: [TimeExpression]
    /// The `EVENT` elements inside `TEXT`, each joined with its `MAKEINSTANCE`, in document order.
    ///
    /// The class (and the lemma, from `stem`) come from the `EVENT`; tense, aspect, polarity, modality and
    /// part of speech from the `MAKEINSTANCE` (or, where it lacks them, from the `EVENT`). An `EVENT` with
    /// several instances gives one ``Event`` per instance, in the order of the `MAKEINSTANCE` elements,
    /// all with the same ``Event/id`` and span; one without any gives one ``Event`` whose
    /// ``Event/instanceID`` is empty. Missing attributes take the TimeML defaults (tense and aspect `NONE`,
    /// polarity `POS`, no modality, part of speech `OTHER`); `pos="UNKNOWN"` is read as ``Event/PartOfSpeech/other``.
    /// `EVENT`s outside `TEXT` (in a headline, say) are not events of the document: they are in ``elements`` only,
    /// and their instances and the `TLINK`s that name them are left out without a diagnostic.
    public var events: [Event]
    /// The `TLINK` elements, in document order. A time endpoint is a `TIMEX3` of ``timeExpressions`` or the
    /// `DCT`'s (usually `t0`); an event endpoint is the `eiid` of an instance in ``events``. A `TLINK` whose
    /// endpoints or `relType` cannot be resolved is left out with a diagnostic.
    public var relations: [TemporalRelation]
    /// The annotation elements, in document order (of their start tags), with their raw attributes:
    /// every element inside `TEXT` (`EVENT`, `SIGNAL`, `TIMEX3`, ...; with a span into ``text``) and, outside `TEXT`,
    /// the elements named in ``TimeMLDocument/annotationElementNames`` (`MAKEINSTANCE`, `TLINK`, ...; without a span),
    /// except the `DCT`'s `TIMEX3`, which is ``creationTimeExpression``.
    public var elements: [TimeMLElement]
    /// Problems that did not prevent reading (an unparseable DCT value, an unknown `mod`, a stray `&`).
    public var diagnostics: [Diagnostic]

    /// Creates a document.
    public init(
        id: String, creationTime: CreationTime? = nil, creationTimeExpression: CreationTimeExpression? = nil,
        text: String, timeExpressions: [TimeExpression] = [], events: [Event] = [], relations: [TemporalRelation] = [],
        elements: [TimeMLElement] = [], diagnostics: [Diagnostic] = []
    ) {
        self.id = id
        self.creationTime = creationTime
        self.creationTimeExpression = creationTimeExpression
        self.text = text
        self.timeExpressions = timeExpressions
        self.events = events
        self.relations = relations
        self.elements = elements
        self.diagnostics = diagnostics
    }

    /// The names of the elements kept in ``elements`` when they appear outside `TEXT`.
    public static let annotationElementNames: Set<String> = ["EVENT", "MAKEINSTANCE", "TLINK", "SLINK", "ALINK", "SIGNAL", "TIMEX3"]

    /// The document as ChronicleCore sees it: id, text, creation time, time expressions, events, relations
    /// and diagnostics.
    public var document: Document {
        Document(
            id: id, text: text, creationTime: creationTime, timeExpressions: timeExpressions, events: events,
            relations: relations, diagnostics: diagnostics)
    }
}

/// One attribute of a TimeML element, its value decoded.
public struct TimeMLAttribute: Hashable, Sendable {
    /// The attribute name, as written (`tid`).
    public var name: String
    /// The value, with references decoded and literal tabs and line ends turned into spaces (as XML does).
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A TimeML element kept generically: `EVENT`, `MAKEINSTANCE`, `TLINK`, `SLINK`, `ALINK`, `SIGNAL`, `TIMEX3`, ...
public struct TimeMLElement: Hashable, Sendable {
    /// The element name, as written (`EVENT`).
    public var name: String
    /// The attributes, in the order written.
    public var attributes: [TimeMLAttribute]
    /// The text the element covers (scalar offsets into ``TimeMLDocument/text``); `nil` outside `TEXT`.
    /// Empty for an empty-element tag (`<SIGNAL sid="s1"/>`) inside `TEXT`.
    public var span: TextSpan?

    /// Creates an element.
    public init(name: String, attributes: [TimeMLAttribute] = [], span: TextSpan? = nil) {
        self.name = name
        self.attributes = attributes
        self.span = span
    }

    /// The value of the attribute with the given name, if the element has it.
    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}
