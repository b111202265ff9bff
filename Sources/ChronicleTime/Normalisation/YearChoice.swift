import ChronicleCalendar
import ChronicleCore

// Which occurrence of a named day, month, season or holiday a text means: the year nearest the anchor
// that the tense and the written weekday allow.

extension Resolver {
    /// The year of a month-and-day (or holiday) nearest the anchor that the tense and weekday allow.
    func chooseYear(base b: CalendarDate, tense: Tense, occurrence: Occurrence, weekday: Int?,
                            _ make: (Int) -> CalendarDate?) -> Int? {
        let candidates = [b.year - 1, b.year, b.year + 1].compactMap { y in make(y).map { (y, $0) } }
        guard !candidates.isEmpty else { return nil }
        // A weekday written with the date decides when exactly one nearby year fits.
        if let weekday {
            let fitting = candidates.filter { $0.1.weekday.rawValue == weekday }
            if fitting.count == 1 { return fitting[0].0 }
        }
        switch occurrence {
        case .last: return candidates.last { $0.1 < b }?.0 ?? candidates.first?.0
        case .next: return candidates.first { $0.1 > b }?.0 ?? candidates.last?.0
        case .this: return candidates.first { $0.0 == b.year }?.0 ?? candidates[0].0
        case .nearest: return candidates.min { abs(b.days(to: $0.1)) < abs(b.days(to: $1.1)) }?.0
        case .byTense: break
        }
        let past = candidates.last { $0.1 <= b }
        let future = candidates.first { $0.1 > b }
        func distance(_ d: CalendarDate) -> Int { abs(b.days(to: d)) }
        switch tense {
        case .past:
            if let past, let future, distance(past.1) > 240, distance(future.1) < 60 { return future.0 }
            return (past ?? future)?.0
        case .future:
            if let past, let future, distance(future.1) > 240, distance(past.1) < 60 { return past.0 }
            return (future ?? past)?.0
        case .present, .unknown, .scheduled:
            // News mostly reports what happened: the past one unless the future one is clearly nearer.
            if let past, let future { return distance(future.1) + 30 < distance(past.1) ? future.0 : past.0 }
            return (past ?? future)?.0
        }
    }

    func chooseMonthYear(_ m: Int, base b: CalendarDate, tense: Tense, occurrence: Occurrence) -> Int {
        switch occurrence {
        // "last February" said in March: the month just gone would be "last month", so a year earlier.
        case .last: return m < b.month - 1 ? b.year : b.year - 1
        case .next: return m > b.month ? b.year : b.year + 1
        case .this, .nearest: return b.year
        case .byTense:
            // Months from the anchor's month to this month in the anchor's year.
            let diff = m - b.month
            switch tense {
            // Past tense: a month more than two months ahead is last year's; future tense mirrors it.
            case .past: return diff <= 1 ? b.year : b.year - 1
            case .future: return diff >= -2 ? b.year : b.year + 1
            case .present, .unknown, .scheduled:
                // News reports the past: a month well ahead is last year's, unless it is nearly a year back.
                if diff > 4 { return b.year - 1 }
                if diff < -8 { return b.year + 1 }
                return b.year
            }
        }
    }

    func chooseSeasonYear(_ season: Season, base b: CalendarDate, tense: Tense, occurrence: Occurrence) -> Int {
        let (currentYear, current) = CalendarValue.season(of: b)
        let index = currentYear * 4 + CalendarValue.order(of: current)
        // Instances of the season around the anchor, numbered in time.
        let sameYear = currentYear * 4 + CalendarValue.order(of: season)
        let instances = [sameYear - 4, sameYear, sameYear + 4]
        func year(_ k: Int) -> Int { CalendarValue.floorDiv(k + 1, 4) }
        switch occurrence {
        case .last: return year(instances.last { $0 < index } ?? sameYear - 4)
        case .next: return year(instances.first { $0 > index } ?? sameYear + 4)
        case .this, .nearest:
            return season == .winter ? Self.winterYear(around: b) : b.year
        case .byTense:
            switch tense {
            case .past: return year(instances.last { $0 <= index } ?? sameYear)
            case .future: return year(instances.first { $0 >= index } ?? sameYear)
            case .present, .unknown, .scheduled: return season == .winter ? Self.winterYear(around: b) : b.year
            }
        }
    }

    /// The weekend a holiday belongs to: its own for a Friday to a Sunday, the one before a Monday holiday.
    static func weekend(of date: CalendarDate) -> CalendarValue {
        CalendarValue(date: date.weekday == .monday ? date.adding(days: -2) : date, granularity: .weekend)
    }

    static func date(of holiday: Holiday, in year: Int) -> CalendarDate? {
        switch holiday {
        case .fixed(let m, let d): return CalendarDate(year: year, month: m, day: d)
        case .easter(let offset): return Holidays.easter(year: year).adding(days: offset)
        case .nthWeekday(let n, let wd, let m): return Holidays.nthWeekday(n, wd, month: m, year: year)
        case .electionDay:
            return Holidays.nthWeekday(1, .monday, month: 11, year: year)?.adding(days: 1)
        }
    }

    /// The year of the winter a text means by "winter" said without more on day `b` ("this winter", a
    /// narrative's "the winter"): until May the one in progress or just past, from June the coming one.
    static func winterYear(around b: CalendarDate) -> Int { b.month <= 5 ? b.year : b.year + 1 }
}
