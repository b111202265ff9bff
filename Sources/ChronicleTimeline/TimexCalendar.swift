import ChronicleCalendar
import ChronicleCore

/// The calendar days a time expression covers: day numbers (``CalendarDate/dayNumber``), first and last
/// inclusive; `nil` on a side that is open.
struct DayInterval: Hashable, Sendable {
    var first: Int?
    var last: Int?
    var granularity: Timeline.Granularity

    var isBounded: Bool { first != nil || last != nil }
}

enum TimexCalendar {
    /// The days of a time expression, its granularity, and whether it can place an event. Durations and
    /// sets place nothing; values with an unknown year (`XXXX-10-28`) have a granularity but no days, unless
    /// the tagger chose a year (``TimeExpression/yearInference``).
    static func interval(of timex: TimeExpression, creationTime: CreationTime?) -> DayInterval? {
        guard timex.kind == .date || timex.kind == .time else { return nil }
        var interval: DayInterval
        switch timex.value {
        case "PRESENT_REF":
            guard let creationTime else { return DayInterval(first: nil, last: nil, granularity: .day) }
            let day = creationTime.date.dayNumber
            interval = DayInterval(first: day, last: day, granularity: .day)
        case "PAST_REF":
            return DayInterval(first: nil, last: creationTime.map { $0.date.dayNumber - 1 }, granularity: .open)
        case "FUTURE_REF":
            return DayInterval(first: creationTime.map { $0.date.dayNumber + 1 }, last: nil, granularity: .open)
        default:
            guard let parsed = parse(timex.value, chosenYear: timex.yearInference?.chosen) else { return nil }
            interval = parsed
        }
        switch timex.modifier {
        case .before?:
            return DayInterval(first: nil, last: interval.first.map { $0 - 1 }, granularity: .open)
        case .onOrBefore?:
            return DayInterval(first: nil, last: interval.last, granularity: .open)
        case .after?:
            return DayInterval(first: interval.last.map { $0 + 1 }, last: nil, granularity: .open)
        case .onOrAfter?:
            return DayInterval(first: interval.first, last: nil, granularity: .open)
        default:
            return interval
        }
    }

    /// Parses a TIMEX3 date value: `2015`, `201` (decade), `20` (century), `2015-10`, `2015-10-13`, `2015-10-13T19:30`,
    /// `2015-10-13TNI`, `2015-W43`, `2015-W43-WE`, `2015-W43-3`, `2015-Q3`, `2015-H1`, `2015-SU`. An unknown year
    /// (`XXXX`) gives the granularity without days, unless `chosenYear` fills it in.
    static func parse(_ value: String, chosenYear: Int? = nil) -> DayInterval? {
        var datePart = Substring(value)
        var hasTime = false
        if let t = value.firstIndex(of: "T") {
            datePart = value[..<t]
            hasTime = true
        }
        let fields = datePart.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let yearField = fields.first, !yearField.isEmpty else { return nil }
        var year: Int?
        switch yearField.count {
        case 4:
            if let y = Int(yearField) { year = y } else if yearField.allSatisfy({ $0 == "X" }) { year = chosenYear } else { return nil }
        case 3:
            guard fields.count == 1, let decade = Int(yearField) else { return nil }
            return days(CalendarDate(year: decade * 10, month: 1, day: 1), CalendarDate(year: decade * 10 + 9, month: 12, day: 31), .decade)
        case 2:
            guard fields.count == 1, let century = Int(yearField) else { return nil }
            return days(CalendarDate(year: century * 100, month: 1, day: 1), CalendarDate(year: century * 100 + 99, month: 12, day: 31), .century)
        default:
            return nil
        }
        if fields.count == 1 {
            guard let year else { return DayInterval(first: nil, last: nil, granularity: .year) }
            return days(CalendarDate(year: year, month: 1, day: 1), CalendarDate(year: year, month: 12, day: 31), .year)
        }
        let second = fields[1]
        if ["SP", "SU", "FA", "WI"].contains(second) {
            guard let year else { return DayInterval(first: nil, last: nil, granularity: .season) }
            switch second {
            case "SP": return days(CalendarDate(year: year, month: 3, day: 1), CalendarDate(year: year, month: 5, day: 31), .season)
            case "SU": return days(CalendarDate(year: year, month: 6, day: 1), CalendarDate(year: year, month: 8, day: 31), .season)
            case "FA": return days(CalendarDate(year: year, month: 9, day: 1), CalendarDate(year: year, month: 11, day: 30), .season)
            default:
                // The winter of year Y: December Y-1 to February Y, as the temporal tagger writes it.
                return days(CalendarDate(year: year - 1, month: 12, day: 1),
                            CalendarDate(year: year, month: 2, day: CalendarDate.daysIn(month: 2, year: year)), .season)
            }
        }
        if second.hasPrefix("W") {
            let granularity: Timeline.Granularity = fields.count >= 3 ? (fields[2] == "WE" ? .weekend : .day) : .week
            guard let year, let number = Int(second.dropFirst()), (1...ISOWeek.weeksIn(year: year)).contains(number) else {
                return DayInterval(first: nil, last: nil, granularity: hasTime ? .time : granularity)
            }
            let monday = ISOWeek(year: year, week: number).monday.dayNumber
            if fields.count >= 3 {
                if fields[2] == "WE" { return DayInterval(first: monday + 5, last: monday + 6, granularity: .weekend) }
                guard let weekday = Int(fields[2]), (1...7).contains(weekday) else { return nil }
                return DayInterval(first: monday + weekday - 1, last: monday + weekday - 1, granularity: hasTime ? .time : .day)
            }
            return DayInterval(first: monday, last: monday + 6, granularity: .week)
        }
        if second.hasPrefix("Q") || second.hasPrefix("H") {
            let isQuarter = second.hasPrefix("Q")
            guard let number = Int(second.dropFirst()), (1...(isQuarter ? 4 : 2)).contains(number) else { return nil }
            let months = isQuarter ? 3 : 6
            guard let year else { return DayInterval(first: nil, last: nil, granularity: isQuarter ? .quarter : .half) }
            let firstMonth = (number - 1) * months + 1
            let lastMonth = firstMonth + months - 1
            return days(CalendarDate(year: year, month: firstMonth, day: 1),
                        CalendarDate(year: year, month: lastMonth, day: CalendarDate.daysIn(month: lastMonth, year: year)),
                        isQuarter ? .quarter : .half)
        }
        guard second.count == 2 else { return nil }
        if fields.count == 2 {
            guard let month = Int(second), (1...12).contains(month) else {
                return second == "XX" ? DayInterval(first: nil, last: nil, granularity: .month) : nil
            }
            guard let year else { return DayInterval(first: nil, last: nil, granularity: .month) }
            return days(CalendarDate(year: year, month: month, day: 1),
                        CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)), .month)
        }
        let third = fields[2]
        let granularity: Timeline.Granularity = hasTime ? .time : .day
        guard let year, let month = Int(second), let day = Int(third), let date = CalendarDate(year: year, month: month, day: day) else {
            return third.count == 2 ? DayInterval(first: nil, last: nil, granularity: granularity) : nil
        }
        return DayInterval(first: date.dayNumber, last: date.dayNumber, granularity: granularity)
    }

    /// The month and day of a value with an unknown year (`XXXX-10-28` → (10, 28)), for ordering only.
    static func monthAndDay(_ value: String) -> (month: Int, day: Int)? {
        let fields = value.prefix(while: { $0 != "T" }).split(separator: "-")
        guard fields.count >= 2, fields[0].allSatisfy({ $0 == "X" }), let month = Int(fields[1]), (1...12).contains(month) else { return nil }
        let day = fields.count >= 3 ? Int(fields[2]) ?? 1 : 1
        return (month, day)
    }

    private static func days(_ first: CalendarDate?, _ last: CalendarDate?, _ granularity: Timeline.Granularity) -> DayInterval? {
        guard let first, let last else { return nil }
        return DayInterval(first: first.dayNumber, last: last.dayNumber, granularity: granularity)
    }
}
