import ChronicleCalendar
import ChronicleCore

/// How precisely a date or time value is stated; also the unit a relative expression moves by.
enum Granularity: UInt8, Sendable, Comparable {
    case second, minute, hour, partOfDay, day, weekend, week, month, season, quarter, half, year, decade, century, millennium

    static func < (a: Granularity, b: Granularity) -> Bool { a.rawValue < b.rawValue }

    init(_ unit: TimeUnit) {
        switch unit {
        case .second: self = .second
        case .minute: self = .minute
        case .hour: self = .hour
        case .day: self = .day
        case .week, .fortnight: self = .week
        case .month: self = .month
        case .quarter: self = .quarter
        case .year: self = .year
        case .decade: self = .decade
        case .century: self = .century
        case .millennium: self = .millennium
        }
    }
}

/// Where a relative expression takes its starting point.
enum AnchorBase: Sendable {
    /// The document creation time ("yesterday", "last week", "two years ago").
    case creationTime
    /// The time the narrative has moved to, falling back to the creation time ("the next day", "that week").
    case reference
}

/// Which occurrence of a named day, month, season or holiday is meant.
enum Occurrence: Sendable {
    /// Decided from the tense of the sentence: past tense looks back, future tense looks ahead.
    case byTense
    /// "last Friday", "last March": the latest one strictly before the anchor's period.
    case last
    /// "next Friday": the first one strictly after.
    case next
    /// "this Friday", "this March": the one in the anchor's own week/year.
    case this
    /// "Wednesday's ruling": the one nearest the anchor, before or after.
    case nearest
}

/// A shift of the anchor by whole units: "last month" is (month, -1), "two years ago" (year, -2).
struct Shift: Sendable {
    var unit: TimeUnit
    /// `nil` when the amount is unstated ("a few years ago").
    var amount: Int?
}

/// Named holidays with fixed or computed dates.
enum Holiday: Sendable {
    case fixed(month: Int, day: Int)
    case easter(offset: Int)
    case nthWeekday(n: Int, weekday: Weekday, month: Int)
    /// US Election Day: the Tuesday after the first Monday of November.
    case electionDay
}

/// A date or time as the text states it, before anchoring.
struct DateSpec: Sendable {
    var year: Int?
    /// `199` for "the 1990s".
    var decade: Int?
    /// `19` for "the 20th century" or "the 1900s".
    var century: Int?
    /// A decade or century before Christ ("the 460s BC", "the 4th century BC").
    var beforeChrist = false
    /// "the nineties": the decade digit, century taken from the anchor.
    var decadeDigit: Int?
    var month: Int?
    var day: Int?
    var weekday: Int?
    var quarter: Int?
    var half: Int?
    var season: Season?
    var isWeekend = false
    var partOfDay: PartOfDay?
    var clock: ClockTime?
    /// The clock time's offset from UTC in minutes, where the text fixes it ("16:08 UTC" is 0).
    var zoneOffset: Int?
    var holiday: Holiday?
    var shift: Shift?
    var occurrence: Occurrence = .byTense
    var base: AnchorBase = .creationTime
    /// The granularity of the value to write.
    var granularity: Granularity
    /// "the latest quarter", "the quarter": the last finished quarter before the anchor unless the text names one.
    var latestFinished = false
    /// "the 1988 period", "the year-ago period": the reporting period in focus, a quarter if one was named,
    /// else the year.
    var vaguePeriod = false
    /// "the latest quarter": the last finished one before the creation time, whatever the text named before.
    var isLatest = false
    /// "the week of March 6", "Easter week": the week of the day the rest names.
    var asWeek = false
    /// "the day before Tuesday", "the day after Christmas": days added once the day is known.
    var offsetDays = 0
    /// "the quarter ended Sept. 30": the day a reporting period ends, which dates it.
    var endsOn: (month: Int, day: Int, year: Int?)?
    /// The year is unknown by nature ("each July" has no year).
    var yearless = false
    /// "the month", "the year", "the end of the decade": the period in focus, the current one in news and
    /// the narrative's own in a history.
    var inFocus = false
    /// "a year earlier", "the year-ago quarter": write the value at the granularity of the
    /// reference time (a quarter a year before the quarter in focus), not of the shift.
    var inheritsGranularity = false

    init(granularity: Granularity) {
        self.granularity = granularity
    }

    /// Whether the expression names a month, season, quarter, half or holiday: a part of the year, which needs
    /// only a year to be dated.
    var namesPartOfYear: Bool { month != nil || season != nil || quarter != nil || half != nil || holiday != nil }

    /// Whether the expression names its own year (or decade, century), so that it needs no anchor for it.
    var hasExplicitYear: Bool { year != nil || decade != nil || century != nil }
}

/// A length of time: amounts per unit; an amount of `nil` is written `X` ("several years" = `PXY`).
struct DurationSpec: Sendable {
    var parts: [(amount: Double?, unit: TimeUnit)]

    init(_ amount: Double?, _ unit: TimeUnit) {
        parts = [(amount, unit)]
    }

    init(parts: [(amount: Double?, unit: TimeUnit)]) {
        self.parts = parts
    }
}

/// The meaning of a recognised expression, to be turned into a TIMEX3 value.
indirect enum Meaning: Sendable {
    case date(DateSpec)
    case duration(DurationSpec)
    /// A recurrence: its value (a duration such as `P1W` or a date pattern such as `XXXX-WXX-1`).
    case set(SetSpec)
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    case reference(String)
    /// A value known as it stands.
    case literal(String)
}

enum SetSpec: Sendable {
    case every(DurationSpec)
    case pattern(DateSpec)
}

/// What the part of speech of one token must not be for a candidate to stand.
struct ReadingCheck: Sendable {
    enum Rule: Sendable {
        /// "march", "fall", "spring" as verbs.
        case notVerb
        /// "may" as a modal.
        case notModal
        /// "current" as a noun ("the current swept him away").
        case notNoun
    }

    var token: Int
    var rule: Rule

    /// Whether a Penn Treebank tag allows the time reading.
    func allows(pennTag tag: String) -> Bool {
        switch rule {
        case .notVerb: return !tag.hasPrefix("VB")
        case .notModal: return tag != "MD"
        case .notNoun: return !(tag == "NN" || tag == "NNS")
        }
    }
}

/// A time expression found by the recogniser, not yet normalised.
struct Candidate: Sendable {
    /// Token range.
    var first: Int
    var end: Int
    var kind: TimeExpression.Kind
    var meaning: Meaning
    var modifier: TimeExpression.Modifier?
    var quantifier: String?
    var frequency: String?
    /// A word whose part of speech decides whether this is a time expression at all ("may" the month or
    /// the modal, "fall" the season or the verb): checked with the part-of-speech tagger, and only then.
    var check: ReadingCheck?

    init(_ first: Int, _ end: Int, _ kind: TimeExpression.Kind, _ meaning: Meaning,
         modifier: TimeExpression.Modifier? = nil) {
        self.first = first
        self.end = end
        self.kind = kind
        self.meaning = meaning
        self.modifier = modifier
    }

    /// A weekday named without a date ("Friday", "9 a.m. Tuesday"), which can open a range of weekdays.
    var isWeekdayAlone: Bool {
        guard case .date(let spec) = meaning else { return false }
        return spec.weekday != nil && spec.month == nil && spec.day == nil
    }
}
