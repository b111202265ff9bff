import ChronicleCalendar

/// A text and everything Chronicle has found in it.
///
/// Like spaCy's `Doc`, one `Document` travels through the pipeline and each stage adds its
/// layer: the tokeniser fills ``tokens`` and ``sentences``, the linguistic layer fills ``words``
/// (with their tags and lemmas), the temporal tagger fills ``timeExpressions``, the entity stage
/// ``entities``, and any stage may
/// add ``diagnostics``. All offsets are Unicode scalar offsets into ``text``, which no stage ever
/// changes.
public struct Document: Hashable, Sendable, Codable {
    /// An identifier chosen by the caller (file name, JSONL `id`); empty when there is none.
    public var id: String
    public var text: String
    /// The document creation time, if one was given or could be inferred.
    public var creationTime: CreationTime?
    public var tokens: [Token]
    public var sentences: [Sentence]
    /// Syntactic words in UD conventions, in text order; empty until the linguistic layer has run.
    public var words: [Word]
    public var timeExpressions: [TimeExpression]
    /// Event mentions (TimeML EVENT + MAKEINSTANCE), in text order; empty until the event stage has run.
    public var events: [Event]
    /// Temporal relations (TimeML TLINK) between events, time expressions and the creation time (`t0`).
    public var relations: [TemporalRelation]
    /// Who said what: statements found in the text, each tied to its reporting event.
    public var statements: [Statement]
    /// The people, organisations, places and products named in the text, each with its variants and mentions
    /// (names, acronyms, surnames, pronouns, descriptions); empty until the entity stage has run.
    public var entities: [Entity]
    public var diagnostics: [Diagnostic]

    public init(
        id: String = "", text: String, creationTime: CreationTime? = nil,
        tokens: [Token] = [], sentences: [Sentence] = [], words: [Word] = [],
        timeExpressions: [TimeExpression] = [], events: [Event] = [], relations: [TemporalRelation] = [],
        statements: [Statement] = [], diagnostics: [Diagnostic] = [], entities: [Entity] = []
    ) {
        self.id = id
        self.text = text
        self.creationTime = creationTime
        self.tokens = tokens
        self.sentences = sentences
        self.words = words
        self.timeExpressions = timeExpressions
        self.events = events
        self.relations = relations
        self.statements = statements
        self.entities = entities
        self.diagnostics = diagnostics
    }

    /// The text a span covers. Spans outside the text are clamped.
    public func text(of span: TextSpan) -> String {
        let scalars = text.unicodeScalars
        let count = scalars.count
        let lower = scalars.index(scalars.startIndex, offsetBy: min(max(span.start, 0), count))
        let upper = scalars.index(lower, offsetBy: min(max(span.end, span.start), count) - min(max(span.start, 0), count))
        return String(scalars[lower..<upper])
    }
}
