import ChronicleCalendar
import ChronicleCore

/// The stretch of calendar time a TIMEX3 value names, in minutes since 1970-01-01T00:00, end exclusive.
///
/// Only values that name one definite stretch have an interval (``TimeValue/minutes``): years, decades,
/// centuries, seasons, halves, quarters, months, ISO weeks, weekends and days, parts of days and clock
/// times. Durations, sets, references (`PRESENT_REF`) and values with unknown digits (`XXXX-10-13`) have none.
struct TimeValueInterval: Hashable, Sendable {
    var start: Int
    var end: Int

    static let minutesPerDay = 1440

    init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The day `date`.
    init(day date: CalendarDate) {
        start = date.dayNumber * Self.minutesPerDay
        end = start + Self.minutesPerDay
    }

    /// The days `first...last`.
    init(days first: CalendarDate, through last: CalendarDate) {
        start = first.dayNumber * Self.minutesPerDay
        end = (last.dayNumber + 1) * Self.minutesPerDay
    }

    /// The interval a TIMEX3 value names (``TimeValue/minutes``), or `nil` (see the type's documentation).
    init?(value: String) {
        guard let minutes = TimeValue(value)?.minutes else { return nil }
        self.init(start: minutes.lowerBound, end: minutes.upperBound)
    }

    /// The creation time as an interval: its day, or its minute when it has a clock time.
    init(_ creationTime: CreationTime) {
        if let time = creationTime.time {
            let minute = creationTime.date.dayNumber * Self.minutesPerDay + time.hour * 60 + time.minute
            self.init(start: minute, end: minute + 1)
        } else {
            self.init(day: creationTime.date)
        }
    }

    /// The granularity, in minutes (the length of the interval).
    var length: Int { end - start }

    /// How this interval stands to `other`, as a TimeML relation, or `nil` when they overlap without one
    /// containing the other. Intervals that merely touch (`Oct. 12` and `Oct. 13`) count as BEFORE/AFTER,
    /// as annotators write them.
    func relation(to other: TimeValueInterval) -> TemporalRelation.RelationType? {
        if end <= other.start { return .before }
        if other.end <= start { return .after }
        if start == other.start, end == other.end { return .simultaneous }
        if start == other.start { return end < other.end ? .begins : .begunBy }
        if end == other.end { return start > other.start ? .ends : .endedBy }
        if start < other.start, other.end < end { return .includes }
        if other.start < start, end < other.end { return .isIncluded }
        return nil
    }
}

/// How a time expression stands to the creation time, coarsely, for features and rules.
enum CreationTimeOrder: UInt8, Hashable, Sendable {
    case unknown = 0, before, after, includes, isIncluded, same, overlaps, pastReference, presentReference, futureReference, duration, set

    init(_ timex: TimeExpression, creationTime: TimeValueInterval?) {
        switch timex.kind {
        case .duration: self = .duration; return
        case .set: self = .set; return
        default: break
        }
        switch timex.value {
        case "PAST_REF": self = .pastReference; return
        case "PRESENT_REF": self = .presentReference; return
        case "FUTURE_REF": self = .futureReference; return
        default: break
        }
        guard let creationTime, let interval = TimeValueInterval(value: timex.value) else { self = .unknown; return }
        switch interval.relation(to: creationTime) {
        case .before?: self = .before
        case .after?: self = .after
        case .simultaneous?: self = .same
        case .includes?, .begunBy?, .endedBy?: self = .includes
        case .isIncluded?, .begins?, .ends?: self = .isIncluded
        default: self = .overlaps
        }
    }
}
