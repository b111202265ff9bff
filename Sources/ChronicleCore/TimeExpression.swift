import ChronicleCalendar

/// A time expression found in a document, with its TimeML TIMEX3 normalisation.
public struct TimeExpression: Hashable, Sendable, Codable {
    /// The four TIMEX3 types.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case date = "DATE"
        case time = "TIME"
        case duration = "DURATION"
        case set = "SET"
    }

    /// TIMEX3 `mod` values.
    public enum Modifier: String, Hashable, Sendable, Codable, CaseIterable {
        case before = "BEFORE", after = "AFTER"
        case onOrBefore = "ON_OR_BEFORE", onOrAfter = "ON_OR_AFTER"
        case lessThan = "LESS_THAN", moreThan = "MORE_THAN"
        case equalOrLess = "EQUAL_OR_LESS", equalOrMore = "EQUAL_OR_MORE"
        case start = "START", mid = "MID", end = "END"
        case approximately = "APPROX"
    }

    /// What a relative expression was resolved against.
    public enum Anchor: Hashable, Sendable, Codable {
        /// The document creation time.
        case creationTime(String)
        /// An earlier expression of the same document that a relative expression counts from ("the next
        /// day", "twelve days later", "that year"); its id and value.
        case expression(id: String, value: String)
        /// The narrative time: the latest explicit date the text has moved to, far from the creation time,
        /// which gives an underspecified expression ("On 14 September", "in June", "the summer") its year;
        /// the id and value of the expression that set it.
        case narrative(id: String, value: String)
    }

    /// Identifier within the document (`t1`, `t2`, ...; TimeML `tid`).
    public var id: String
    public var span: TextSpan
    /// The covered text, exactly as it is in the document.
    public var text: String
    public var kind: Kind
    /// The TIMEX3 `value` (`2015-10-13`, `P2Y`, `PRESENT_REF`, `XXXX-WXX-1`, ...).
    public var value: String
    public var modifier: Modifier?
    /// For sets: `freq` ("2X") and `quant` ("EVERY", "EACH").
    public var frequency: String?
    public var quantifier: String?
    /// Set when the value depends on something other than the expression itself.
    public var anchor: Anchor?
    /// When the year was not given and there was no creation time: what the text allowed.
    public var yearInference: YearInference?

    public init(
        id: String, span: TextSpan, text: String, kind: Kind, value: String,
        modifier: Modifier? = nil, frequency: String? = nil, quantifier: String? = nil,
        anchor: Anchor? = nil, yearInference: YearInference? = nil
    ) {
        self.id = id
        self.span = span
        self.text = text
        self.kind = kind
        self.value = value
        self.modifier = modifier
        self.frequency = frequency
        self.quantifier = quantifier
        self.anchor = anchor
        self.yearInference = yearInference
    }

    /// TimeML's `temporalFunction`: true when the value was computed from an anchor.
    public var isTemporalFunction: Bool { anchor != nil }
}

/// The years a date without a year can have, given its weekday, when no creation time says which.
public struct YearInference: Hashable, Sendable, Codable {
    /// Candidate years, nearest to the reference first... see ``rule``.
    public var candidates: [Int]
    /// The year chosen, if the stated rule allowed a choice.
    public var chosen: Int?
    /// The rule that produced `chosen` (or explains why none was chosen), in words.
    public var rule: String

    public init(candidates: [Int], chosen: Int?, rule: String) {
        self.candidates = candidates
        self.chosen = chosen
        self.rule = rule
    }
}
