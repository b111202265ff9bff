import ChronicleCalendar
import ChronicleCore

/// The stretch of calendar time a TIMEX3 value names, in minutes since 1970-01-01T00:00, end exclusive.
///
/// Only values that name one definite stretch have an interval: years (`2015`), decades (`201`),
/// centuries (`20`), seasons (`2015-SU`), halves (`2015-H1`), quarters (`2015-Q3`), months (`2015-10`),
/// ISO weeks and weekends (`2015-W43`, `2015-W43-WE`), days (`2015-10-13`), parts of days
/// (`2015-10-13TNI`) and clock times (`2015-10-13T19:30`). Durations, sets, references (`PRESENT_REF`)
/// and values with unknown digits (`XXXX-10-13`) have none.
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

    /// The interval a TIMEX3 value names, or `nil` (see the type's documentation).
    init?(value: String) {
        let bytes = Array(value.utf8)
        guard let interval = Self.parse(bytes) else { return nil }
        self = interval
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

    // MARK: Parsing

    private static func digits(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard range.upperBound <= bytes.count else { return nil }
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func parse(_ b: [UInt8]) -> TimeValueInterval? {
        let n = b.count
        guard n >= 2 else { return nil }
        // Centuries and decades: "19", "198".
        if n == 2, let century = digits(b, 0..<2) {
            return years(century * 100, count: 100)
        }
        if n == 3, let decade = digits(b, 0..<3) {
            return years(decade * 10, count: 10)
        }
        guard n >= 4, let year = digits(b, 0..<4) else { return nil }
        if n == 4 { return years(year, count: 1) }
        guard b[4] == UInt8(ascii: "-"), n >= 7 else { return nil }
        let rest = Array(b[5...])
        switch rest[0] {
        case UInt8(ascii: "Q"):
            guard rest.count == 2, let q = digits(rest, 1..<2), (1...4).contains(q) else { return nil }
            return months(year, from: 3 * (q - 1) + 1, count: 3)
        case UInt8(ascii: "H"):
            guard rest.count == 2, let h = digits(rest, 1..<2), (1...2).contains(h) else { return nil }
            return months(year, from: 6 * (h - 1) + 1, count: 6)
        case UInt8(ascii: "W"):
            if rest == Array("WI".utf8) { return seasonInterval(year, "WI") }
            // "W43", "W7" (unpadded), "W43-WE".
            let weekDigits = rest.count >= 3 && digits(rest, 2..<3) != nil ? 2 : 1
            guard let week = digits(rest, 1..<(1 + weekDigits)), (1...ISOWeek.weeksIn(year: year)).contains(week) else { return nil }
            let monday = ISOWeek(year: year, week: week).monday
            let suffix = Array(rest[(1 + weekDigits)...])
            if suffix.isEmpty { return TimeValueInterval(days: monday, through: monday.adding(days: 6)) }
            if suffix == Array("-WE".utf8) { return TimeValueInterval(days: monday.adding(days: 5), through: monday.adding(days: 6)) }
            return nil
        case UInt8(ascii: "S"), UInt8(ascii: "F"):
            guard rest.count == 2 else { return nil }
            return seasonInterval(year, String(decoding: rest, as: UTF8.self))
        default:
            break
        }
        guard let month = digits(rest, 0..<2), (1...12).contains(month) else { return nil }
        if rest.count == 2 { return months(year, from: month, count: 1) }
        guard rest.count >= 5, rest[2] == UInt8(ascii: "-"), let day = digits(rest, 3..<5),
              let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        if rest.count == 5 { return TimeValueInterval(day: date) }
        guard rest[5] == UInt8(ascii: "T") else { return nil }
        let clock = Array(rest[6...])
        let dayStart = date.dayNumber * minutesPerDay
        if clock.count == 2 {
            // Parts of the day, as TimeML writes them.
            let part = String(decoding: clock, as: UTF8.self)
            let hours: (Int, Int)
            switch part {
            case "MO": hours = (0, 12)
            case "MI": hours = (11, 13)
            case "AF": hours = (12, 18)
            case "EV": hours = (17, 24)
            case "NI": hours = (19, 24)
            case "DT": hours = (8, 19)
            default:
                guard let hour = digits(clock, 0..<2), hour < 24 else { return nil }
                hours = (hour, hour + 1)
            }
            return TimeValueInterval(start: dayStart + hours.0 * 60, end: dayStart + hours.1 * 60)
        }
        guard clock.count >= 5, clock[2] == UInt8(ascii: ":"), let hour = digits(clock, 0..<2), let minute = digits(clock, 3..<5),
              hour < 24, minute < 60 else { return nil }
        let minuteStart = dayStart + hour * 60 + minute
        return TimeValueInterval(start: minuteStart, end: minuteStart + 1)
    }

    private static func years(_ first: Int, count: Int) -> TimeValueInterval? {
        guard let start = CalendarDate(year: first, month: 1, day: 1), let last = CalendarDate(year: first + count - 1, month: 12, day: 31) else { return nil }
        return TimeValueInterval(days: start, through: last)
    }

    private static func months(_ year: Int, from month: Int, count: Int) -> TimeValueInterval? {
        guard let start = CalendarDate(year: year, month: month, day: 1) else { return nil }
        let next = start.adding(months: count)
        return TimeValueInterval(start: start.dayNumber * minutesPerDay, end: next.dayNumber * minutesPerDay)
    }

    /// Meteorological seasons (the winter of year Y runs from December Y-1 to February Y, as the temporal
    /// tagger writes it).
    private static func seasonInterval(_ year: Int, _ season: String) -> TimeValueInterval? {
        switch season {
        case "SP": return months(year, from: 3, count: 3)
        case "SU": return months(year, from: 6, count: 3)
        case "FA": return months(year, from: 9, count: 3)
        case "WI": return months(year - 1, from: 12, count: 3)
        default: return nil
        }
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
