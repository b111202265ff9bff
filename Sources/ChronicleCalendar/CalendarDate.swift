/// A day in the proleptic Gregorian calendar, as TimeML and ISO 8601 write it.
///
/// `CalendarDate` is a plain value with no time zone and no Foundation dependency.
/// All arithmetic goes through the day number (``dayNumber``, days since 1970-01-01), which
/// makes it exact across month ends, leap days and year boundaries.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1...12
    public let month: Int
    /// 1...daysInMonth
    public let day: Int

    /// Creates a date, or `nil` when the day does not exist ("February 30", month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private enum CodingKeys: String, CodingKey { case year, month, day }

    /// Decodes `{"year": …, "month": …, "day": …}`, rejecting days that do not exist
    /// (the synthesised decoder would accept "2015-02-30" or month 13).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let year = try container.decode(Int.self, forKey: .year)
        let month = try container.decode(Int.self, forKey: .month)
        let day = try container.decode(Int.self, forKey: .day)
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            throw DecodingError.dataCorruptedError(
                forKey: .day, in: container, debugDescription: "\(year)-\(month)-\(day) is not a day of the Gregorian calendar")
        }
        self = date
    }

    /// Creates the date with the given day number (see ``dayNumber``).
    public init(dayNumber: Int) {
        // Algorithm from Howard Hinnant's "chrono-compatible low-level date algorithms",
        // shifted so that day number 0 is 1970-01-01.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = m <= 2 ? y + 1 : y
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`, with at least four year digits.
    public var description: String { Self.dayText(year: year, month: month, day: day) }

    /// `YYYY-MM-DD` of these numbers, with at least four year digits (the numbers need not make a date).
    public static func dayText(year: Int, month: Int, day: Int) -> String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return "\(zeroPadded(year, width: 4))-\(zeroPadded(month, width: 2))-\(zeroPadded(day, width: 2))"
        }
        // The common case, written into one small string.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            writeDigits(of: UInt(year), into: buffer, 0..<4)
            buffer[4] = UInt8(ascii: "-")
            writeDigits(of: UInt(month), into: buffer, 5..<7)
            buffer[7] = UInt8(ascii: "-")
            writeDigits(of: UInt(day), into: buffer, 8..<10)
            return 10
        }
    }

    // MARK: Calendar facts

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        case 1...12: return 31
        default: return 0
        }
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        let r = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday(rawValue: r + 1)!
    }

    /// 1...366
    public var dayOfYear: Int {
        dayNumber - CalendarDate(year: year, month: 1, day: 1)!.dayNumber + 1
    }

    /// 1...4
    public var quarter: Int { (month - 1) / 3 + 1 }
    /// 1...2
    public var half: Int { month <= 6 ? 1 : 2 }

    /// The ISO 8601 week this day belongs to; near a year end the week's year can differ from ``year``.
    public var isoWeek: ISOWeek {
        let thursday = adding(days: 4 - weekday.rawValue)
        let week = (thursday.dayOfYear - 1) / 7 + 1
        return ISOWeek(year: thursday.year, week: week)
    }

    // MARK: Arithmetic

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Moves by whole months, keeping the day where it exists and clamping to the month's
    /// last day where it does not (Jan 31 + 1 month = Feb 28 or 29).
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        let d = min(day, CalendarDate.daysIn(month: m, year: y))
        return CalendarDate(year: y, month: m, day: d)!
    }

    /// Moves by whole years (Feb 29 + 1 year = Feb 28).
    public func adding(years: Int) -> CalendarDate {
        adding(months: years * 12)
    }

    /// The number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The nearest day with the given weekday strictly before this one, or on it when `includingSelf`.
    public func previous(_ weekday: Weekday, includingSelf: Bool = false) -> CalendarDate {
        var delta = (self.weekday.rawValue - weekday.rawValue + 7) % 7
        if delta == 0 && !includingSelf { delta = 7 }
        return adding(days: -delta)
    }

    /// The nearest day with the given weekday strictly after this one, or on it when `includingSelf`.
    public func next(_ weekday: Weekday, includingSelf: Bool = false) -> CalendarDate {
        var delta = (weekday.rawValue - self.weekday.rawValue + 7) % 7
        if delta == 0 && !includingSelf { delta = 7 }
        return adding(days: delta)
    }

    /// The day with the given weekday in the same ISO week (Monday to Sunday) as this one.
    public func sameWeek(_ weekday: Weekday) -> CalendarDate {
        adding(days: weekday.rawValue - self.weekday.rawValue)
    }

    // MARK: Parsing

    /// Parses `YYYY-MM-DD` (also `YYYYMMDD`); returns `nil` for anything else or an impossible date.
    public init?(iso text: some StringProtocol) {
        let digits = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard i < digits.count, (48...57).contains(digits[i]) else { return nil }
                n = n * 10 + Int(digits[i] - 48)
            }
            return n
        }
        let y: Int?, m: Int?, d: Int?
        if digits.count == 10, digits[4] == 45, digits[7] == 45 {
            (y, m, d) = (number(0..<4), number(5..<7), number(8..<10))
        } else if digits.count == 8 {
            (y, m, d) = (number(0..<4), number(4..<6), number(6..<8))
        } else {
            return nil
        }
        guard let y, let m, let d else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `n` in decimal with at least `width` digits, zeros in front ("0042"); a negative number is "-" and the
    /// padded digits of its magnitude ("-0044"). Written into one small string: dates and values are formatted
    /// for every time expression, and interpolating pieces cost ten times as much.
    public static func zeroPadded(_ n: Int, width: Int) -> String {
        let magnitude = n.magnitude, sign = n < 0 ? 1 : 0
        var digits = 1, rest = magnitude / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let count = sign + max(digits, width)
        return String(unsafeUninitializedCapacity: count) { buffer in
            writeDigits(of: magnitude, into: buffer, sign..<count)
            if sign == 1 { buffer[0] = UInt8(ascii: "-") }
            return count
        }
    }

    /// Writes the last `range.count` decimal digits of `value` into `range` of `buffer`, zeros in front.
    @inline(__always)
    static func writeDigits(of value: UInt, into buffer: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>) {
        var value = value
        for index in range.reversed() {
            buffer[index] = UInt8(truncatingIfNeeded: 0x30 &+ value % 10)
            value /= 10
        }
    }
}

/// ISO 8601 weekday numbers: Monday is 1, Sunday is 7 (TimeML writes `XXXX-WXX-1` for Mondays).
public enum Weekday: Int, CaseIterable, Hashable, Sendable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
    }
}

/// An ISO 8601 week: weeks start on Monday and week 1 is the week with the year's first Thursday.
public struct ISOWeek: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// The number of ISO weeks in a year: 53 when the year starts or (in leap years) ends on a Thursday, else 52.
    public static func weeksIn(year: Int) -> Int {
        CalendarDate(year: year, month: 12, day: 28)!.isoWeek.week
    }

    /// The Monday that starts this week.
    public var monday: CalendarDate {
        let jan4 = CalendarDate(year: year, month: 1, day: 4)!
        return jan4.previous(.monday, includingSelf: true).adding(days: (week - 1) * 7)
    }

    public func adding(weeks: Int) -> ISOWeek {
        monday.adding(days: 7 * weeks).isoWeek
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }

    /// `YYYY-Www`, as TimeML writes weeks.
    public var description: String { "\(CalendarDate.zeroPadded(year, width: 4))-W\(CalendarDate.zeroPadded(week, width: 2))" }
}

/// A time of day.
public struct ClockTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int
    public let second: Int?

    /// `hour` may be 24 only as "24:00" (end of day), as ISO 8601 allows.
    public init?(hour: Int, minute: Int = 0, second: Int? = nil) {
        guard (0...24).contains(hour), (0...59).contains(minute) else { return nil }
        if let second, !(0...60).contains(second) { return nil }
        if hour == 24, minute != 0 || (second ?? 0) != 0 { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    private enum CodingKeys: String, CodingKey { case hour, minute, second }

    /// Decodes `{"hour": …, "minute": …, "second": …}` (second optional), rejecting impossible times.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hour = try container.decode(Int.self, forKey: .hour)
        let minute = try container.decode(Int.self, forKey: .minute)
        let second = try container.decodeIfPresent(Int.self, forKey: .second)
        guard let time = ClockTime(hour: hour, minute: minute, second: second) else {
            throw DecodingError.dataCorruptedError(
                forKey: .hour, in: container, debugDescription: "\(hour):\(minute):\(second ?? 0) is not a time of day")
        }
        self = time
    }

    /// Orders by hour, minute and second (a missing second counts as 0); at equal times a time
    /// without seconds ("12:00") sorts just before the same time with seconds ("12:00:00"), so that
    /// exactly one of `a < b`, `a == b`, `b < a` holds.
    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool {
        let l = (lhs.hour, lhs.minute, lhs.second ?? 0), r = (rhs.hour, rhs.minute, rhs.second ?? 0)
        if l != r { return l < r }
        return lhs.second == nil && rhs.second != nil
    }

    /// `HH:MM` or `HH:MM:SS`.
    public var description: String {
        var s = "\(CalendarDate.zeroPadded(hour, width: 2)):\(CalendarDate.zeroPadded(minute, width: 2))"
        if let second { s += ":\(CalendarDate.zeroPadded(second, width: 2))" }
        return s
    }
}
