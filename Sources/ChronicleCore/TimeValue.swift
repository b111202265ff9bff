import ChronicleCalendar

/// A TIMEX3 date or time value with its fields: `2015`, `201` (a decade), `20` (a century), `2015-SU`,
/// `2015-H1`, `2015-Q3`, `2015-10`, `2015-W43`, `2015-W43-WE`, `2015-W43-3`, `2015-10-13`,
/// `2015-10-13TNI` (a part of the day), `2015-10-13T19:30`, and the same with an unknown year (`XXXX-10-28`)
/// or unknown digits (`2015-10-XX`). Durations, sets and references (`PRESENT_REF`) are not calendar values.
///
/// The stages that place events on the calendar read values through this type, so that one parser decides
/// what a value means:
///
/// ```swift
/// let value = TimeValue("2015-W44")!
/// value.granularity          // .week
/// value.days                 // 2015-10-26 ... 2015-11-01 as day numbers
/// TimeValue("XXXX-10-28")!.days(inYear: 2015)  // the day 2015-10-28
/// ```
public struct TimeValue: Hashable, Sendable {
    /// How precise a value is.
    public enum Granularity: String, Hashable, Sendable, CaseIterable {
        /// A clock time or a part of a day.
        case time, day, weekend, week, month, season, quarter, half, year, decade, century
    }

    /// The meteorological seasons (TIMEX3 `SP`, `SU`, `FA`, `WI`).
    public enum Season: String, Hashable, Sendable, CaseIterable {
        case spring = "SP", summer = "SU", fall = "FA", winter = "WI"
    }

    public var granularity: Granularity
    /// The year; `nil` when the value leaves it unknown (`XXXX`). For a decade, its first year; for a century,
    /// its first year.
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// The ISO week, and the day of that week (1 is Monday).
    public var week: Int?
    public var weekday: Int?
    public var season: Season?
    public var quarter: Int?
    public var half: Int?
    /// A part of the day (`MO`, `MI`, `AF`, `EV`, `NI`, `DT`), or the hour and minute of a clock time.
    public var partOfDay: String?
    public var hour: Int?
    public var minute: Int?

    /// Parses a TIMEX3 value; `nil` for durations, sets, references and anything malformed or impossible.
    public init?(_ value: String) {
        var bytes = Array(value.utf8)
        var clock: [UInt8] = []
        if let t = bytes.firstIndex(of: UInt8(ascii: "T")) {
            clock = Array(bytes[(t + 1)...])
            bytes = Array(bytes[..<t])
        }
        let fields = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false).map(Array.init)
        guard let yearField = fields.first, !yearField.isEmpty else { return nil }
        granularity = .year
        switch yearField.count {
        case 4:
            if let y = Self.number(yearField) { year = y } else if !yearField.allSatisfy({ $0 == UInt8(ascii: "X") }) { return nil }
        case 3, 2:
            guard fields.count == 1, clock.isEmpty, let n = Self.number(yearField) else { return nil }
            year = yearField.count == 3 ? n * 10 : n * 100
            granularity = yearField.count == 3 ? .decade : .century
            return
        default:
            return nil
        }
        if fields.count == 1 {
            guard clock.isEmpty else { return nil }
            return
        }
        let second = fields[1]
        guard let lead = second.first else { return nil }
        if second.count == 2, let season = Season(rawValue: String(decoding: second, as: UTF8.self)) {
            guard fields.count == 2, clock.isEmpty else { return nil }
            self.season = season
            granularity = .season
            return
        }
        if second == Array("WE".utf8) {
            guard fields.count == 2, clock.isEmpty else { return nil }
            granularity = .weekend
            return
        } else if lead == UInt8(ascii: "W") {
            // "W43", "W7", or "WXX" (some week: "XXXX-WXX-1" is a Monday).
            if second != Array("WXX".utf8) {
                guard let week = Self.number(second.dropFirst()), week >= 1, week <= 53 else { return nil }
                if let year, week > ISOWeek.weeksIn(year: year) { return nil }
                self.week = week
            }
            granularity = .week
            if fields.count >= 3 {
                if fields[2] == Array("WE".utf8) {
                    granularity = .weekend
                } else {
                    guard let weekday = Self.number(fields[2]), (1...7).contains(weekday) else { return nil }
                    self.weekday = weekday
                    granularity = .day
                }
            }
        } else if lead == UInt8(ascii: "Q") || lead == UInt8(ascii: "H") {
            guard fields.count == 2, clock.isEmpty, second.count == 2, let number = Self.number(second.dropFirst()) else { return nil }
            if lead == UInt8(ascii: "Q") {
                guard (1...4).contains(number) else { return nil }
                quarter = number
                granularity = .quarter
            } else {
                guard (1...2).contains(number) else { return nil }
                half = number
                granularity = .half
            }
            return
        } else {
            guard second.count == 2 else { return nil }
            granularity = .month
            if let month = Self.number(second) {
                guard (1...12).contains(month) else { return nil }
                self.month = month
            } else if second != Array("XX".utf8) {
                return nil
            }
            if fields.count >= 3 {
                // Trailing fields after the day ("2012-02-24-WXX-5", written by some annotators) are ignored.
                guard fields[2].count == 2 else { return nil }
                granularity = .day
                if let day = Self.number(fields[2]) {
                    self.day = day
                    if let year, let month, CalendarDate(year: year, month: month, day: day) == nil { return nil }
                    if year == nil, let month, day > CalendarDate.daysIn(month: month, year: 2000) { return nil }
                } else if fields[2] != Array("XX".utf8) {
                    return nil
                }
            }
        }
        guard !clock.isEmpty else { return }
        guard granularity == .day else { return nil }
        // A time of the day; a clock the value does not spell as HH:MM ("T7:30", "T24:00") keeps the day.
        granularity = .time
        if clock.count == 2, Self.number(clock) == nil {
            partOfDay = String(decoding: clock, as: UTF8.self)
            return
        }
        guard clock.count >= 2, let hour = Self.number(clock[0..<2]), hour < 24 else { return }
        self.hour = hour
        if clock.count >= 5, clock[2] == UInt8(ascii: ":"), let minute = Self.number(clock[3..<5]), minute < 60 {
            self.minute = minute
        }
    }

    /// The calendar days the value covers (day numbers, inclusive), when its year is known.
    public var days: ClosedRange<Int>? { days(inYear: year) }

    /// The calendar days the value covers in `year` (a value with an unknown year placed in a chosen year).
    /// `nil` when the value has unknown digits other than the year (`2015-10-XX`) or no year is given.
    public func days(inYear year: Int?) -> ClosedRange<Int>? {
        guard let year else { return nil }
        func span(_ first: CalendarDate?, _ last: CalendarDate?) -> ClosedRange<Int>? {
            guard let first, let last else { return nil }
            return first.dayNumber...last.dayNumber
        }
        func months(_ first: Int, _ count: Int) -> ClosedRange<Int>? {
            let last = first + count - 1
            return span(CalendarDate(year: year, month: first, day: 1), CalendarDate(year: year, month: last, day: CalendarDate.daysIn(month: last, year: year)))
        }
        switch granularity {
        case .century: return span(CalendarDate(year: year, month: 1, day: 1), CalendarDate(year: year + 99, month: 12, day: 31))
        case .decade: return span(CalendarDate(year: year, month: 1, day: 1), CalendarDate(year: year + 9, month: 12, day: 31))
        case .year: return months(1, 12)
        case .half: return half.flatMap { months(($0 - 1) * 6 + 1, 6) }
        case .quarter: return quarter.flatMap { months(($0 - 1) * 3 + 1, 3) }
        case .season:
            switch season {
            case .spring?: return months(3, 3)
            case .summer?: return months(6, 3)
            case .fall?: return months(9, 3)
            case .winter?:
                // The winter of year Y runs from December Y-1 to February Y, as the temporal tagger writes it.
                return span(CalendarDate(year: year - 1, month: 12, day: 1), CalendarDate(year: year, month: 2, day: CalendarDate.daysIn(month: 2, year: year)))
            case nil: return nil
            }
        case .week, .weekend, .day, .time:
            if let week {
                guard week <= ISOWeek.weeksIn(year: year) else { return nil }
                let monday = ISOWeek(year: year, week: week).monday.dayNumber
                if let weekday { return (monday + weekday - 1)...(monday + weekday - 1) }
                return granularity == .weekend ? (monday + 5)...(monday + 6) : monday...(monday + 6)
            }
            guard let month else { return nil }
            if granularity == .week || granularity == .weekend { return nil }
            guard let day else { return granularity == .month ? months(month, 1) : nil }
            return CalendarDate(year: year, month: month, day: day).map { $0.dayNumber...$0.dayNumber }
        case .month:
            return month.flatMap { months($0, 1) }
        }
    }

    /// The minutes the value covers, counted from the start of day number 0 (end exclusive), when its year is
    /// known: a day is 1,440 minutes, a clock time one minute, an hour ("T19") sixty, a part of the day its
    /// hours as TimeML reads them (morning 0–12, midday 11–13, afternoon 12–18, evening 17–24, night 19–24,
    /// daytime 8–19). A time whose clock is unreadable has none.
    public var minutes: Range<Int>? {
        guard let days else { return nil }
        let dayStart = days.lowerBound * 1440
        guard granularity == .time else { return dayStart..<((days.upperBound + 1) * 1440) }
        if let partOfDay {
            let hours: (Int, Int)
            switch partOfDay {
            case "MO": hours = (0, 12)
            case "MI": hours = (11, 13)
            case "AF": hours = (12, 18)
            case "EV": hours = (17, 24)
            case "NI": hours = (19, 24)
            case "DT": hours = (8, 19)
            default: return nil
            }
            return (dayStart + hours.0 * 60)..<(dayStart + hours.1 * 60)
        }
        guard let hour else { return nil }
        guard let minute else { return (dayStart + hour * 60)..<(dayStart + hour * 60 + 60) }
        return (dayStart + hour * 60 + minute)..<(dayStart + hour * 60 + minute + 1)
    }

    private static func number<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var n = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            n = n * 10 + Int(byte - 0x30)
        }
        return n
    }
}
