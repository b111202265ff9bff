// Independent oracles for the calendar tests. Nothing here calls ChronicleCalendar:
// every expected value in the tests comes from these functions, from Foundation's ISO 8601
// calendar, or from facts written down by hand.
import ChronicleCalendar
import Foundation
import Testing

/// Plain arithmetic oracles (proleptic Gregorian calendar, floored integer arithmetic).
enum Oracle {
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }

    static func isLeap(_ year: Int) -> Bool {
        floorMod(year, 4) == 0 && (floorMod(year, 100) != 0 || floorMod(year, 400) == 0)
    }

    static let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    static func daysInMonth(_ month: Int, _ year: Int) -> Int {
        month == 2 && isLeap(year) ? 29 : monthLengths[month - 1]
    }

    /// Days from 0001-01-01 to January 1 of `year` (negative before year 1).
    static func daysBeforeYear(_ year: Int) -> Int {
        let p = year - 1
        return 365 * p + floorDiv(p, 4) - floorDiv(p, 100) + floorDiv(p, 400)
    }

    static let epoch = daysBeforeYear(1970)

    /// Days since 1970-01-01, by counting whole years and then whole months.
    static func dayNumber(_ year: Int, _ month: Int, _ day: Int) -> Int {
        var n = daysBeforeYear(year)
        for m in 1..<month { n += daysInMonth(m, year) }
        return n + day - 1 - epoch
    }

    /// ISO weekday (1 = Monday ... 7 = Sunday) by Zeller's congruence.
    static func isoWeekday(_ year: Int, _ month: Int, _ day: Int) -> Int {
        var y = year, m = month
        if m < 3 { m += 12; y -= 1 }
        let k = floorMod(y, 100), j = floorDiv(y, 100)
        let h = floorMod(day + (13 * (m + 1)) / 5 + k + k / 4 + floorDiv(j, 4) + 5 * j, 7)  // 0 = Saturday
        return floorMod(h + 5, 7) + 1
    }

    /// The day number of the Monday that starts ISO week 1 of `year` (the week holding January 4).
    static func week1Monday(_ year: Int) -> Int {
        dayNumber(year, 1, 4) - (isoWeekday(year, 1, 4) - 1)
    }

    /// The ISO week of a day, from the definition "week 1 is the week that holds January 4".
    static func isoWeek(_ year: Int, _ month: Int, _ day: Int) -> (year: Int, week: Int) {
        let n = dayNumber(year, month, day)
        for y in [year + 1, year, year - 1] where week1Monday(y) <= n {
            return (y, (n - week1Monday(y)) / 7 + 1)
        }
        fatalError("unreachable")
    }

    static func weeksIn(_ year: Int) -> Int { (week1Monday(year + 1) - week1Monday(year)) / 7 }

    /// Gregorian Easter by Knuth's algorithm (TAOCP vol. 1, §1.3.2 exercise 14), a different
    /// formulation from the Meeus/Jones/Butcher algorithm used by `Holidays.easter`.
    static func easter(_ year: Int) -> (month: Int, day: Int) {
        let g = floorMod(year, 19) + 1
        let c = floorDiv(year, 100) + 1
        let x = floorDiv(3 * c, 4) - 12
        let z = floorDiv(8 * c + 5, 25) - 5
        let d = floorDiv(5 * year, 4) - x - 10
        var e = floorMod(11 * g + 20 + z - x, 30)
        if (e == 25 && g > 11) || e == 24 { e += 1 }
        var n = 44 - e
        if n < 21 { n += 30 }
        n = n + 7 - floorMod(d + n, 7)
        return n > 31 ? (4, n - 31) : (3, n)
    }

    /// All days of a month with the given ISO weekday, by walking the month.
    static func days(of weekday: Int, month: Int, year: Int) -> [Int] {
        (1...daysInMonth(month, year)).filter { isoWeekday(year, month, $0) == weekday }
    }

    /// Adds months one step at a time, then clamps the day to the target month's length.
    static func addMonths(_ year: Int, _ month: Int, _ day: Int, _ n: Int) -> YMD {
        var y = year, m = month
        for _ in 0..<abs(n) {
            if n > 0 {
                m += 1
                if m == 13 { m = 1; y += 1 }
            } else {
                m -= 1
                if m == 0 { m = 12; y -= 1 }
            }
        }
        return YMD(year: y, month: m, day: min(day, daysInMonth(m, y)))
    }
}

/// A naive year-month-day triple that steps one day at a time.
struct YMD: Hashable, CustomStringConvertible {
    var year: Int
    var month: Int
    var day: Int

    var next: YMD {
        if day < Oracle.daysInMonth(month, year) { return YMD(year: year, month: month, day: day + 1) }
        if month < 12 { return YMD(year: year, month: month + 1, day: 1) }
        return YMD(year: year + 1, month: 1, day: 1)
    }

    var description: String { "\(year)-\(month)-\(day)" }
}

extension YMD {
    init(_ date: CalendarDate) { self.init(year: date.year, month: date.month, day: date.day) }
}

/// Foundation's ISO 8601 calendar in UTC. Its Gregorian rules are only trusted from 1600 on
/// (Foundation may switch to the Julian calendar before October 1582).
enum FoundationOracle {
    static let calendar: Calendar = {
        var c = Calendar(identifier: .iso8601)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    struct Facts: Equatable {
        var year, month, day, isoWeekday, weekYear, week: Int
    }

    static func facts(dayNumber: Int) -> Facts {
        let date = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
        let c = calendar.dateComponents([.year, .month, .day, .weekday, .yearForWeekOfYear, .weekOfYear], from: date)
        // Foundation: 1 = Sunday ... 7 = Saturday.
        let iso = (c.weekday! + 5) % 7 + 1
        return Facts(year: c.year!, month: c.month!, day: c.day!, isoWeekday: iso, weekYear: c.yearForWeekOfYear!, week: c.weekOfYear!)
    }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        return Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }
}

/// Builds a date the tests know to be valid; fails the test (instead of crashing) if it is rejected.
func date(_ year: Int, _ month: Int, _ day: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> CalendarDate {
    try #require(CalendarDate(year: year, month: month, day: day), "\(year)-\(month)-\(day) rejected", sourceLocation: sourceLocation)
}

/// Builds a valid date from arbitrary generator output, clamping the day with the oracle's month length.
func clampedDate(_ year: Int, _ month: Int, _ day: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> CalendarDate {
    try date(year, month, min(day, Oracle.daysInMonth(month, year)), sourceLocation: sourceLocation)
}
