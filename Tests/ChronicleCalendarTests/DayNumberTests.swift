import ChronicleCalendar
import PropertyBased
import Testing

@Suite("Day numbers, validity and calendar facts")
struct DayNumberTests {
    @Test func epochAnchors() throws {
        #expect(try date(1970, 1, 1).dayNumber == 0)
        #expect(try date(1970, 1, 2).dayNumber == 1)
        #expect(try date(1969, 12, 31).dayNumber == -1)
        #expect(try date(2000, 1, 1).dayNumber == 10_957)  // 946684800 s / 86400
        #expect(CalendarDate(dayNumber: 0) == (try date(1970, 1, 1)))
        #expect(CalendarDate(dayNumber: -719_162) == (try date(1, 1, 1)))  // 0001-01-01
    }

    @Test func roundTripOverWideRange() async {
        // Roughly years -2100 ... 10200.
        await propertyCheck(count: 1000, input: Gen.int(in: -1_500_000...3_000_000)) { n in
            let d = CalendarDate(dayNumber: n)
            #expect(d.dayNumber == n)
            try #require((1...12).contains(d.month), "\(d)")
            #expect((1...Oracle.daysInMonth(d.month, d.year)).contains(d.day), "\(d)")
            #expect(Oracle.dayNumber(d.year, d.month, d.day) == n, "\(d)")
        }
    }

    @Test func dayNumberMatchesOracleForRandomDates() async {
        await propertyCheck(count: 1000, input: Gen.int(in: -3000...9999), Gen.int(in: 1...12), Gen.int(in: 1...31)) { y, m, d in
            let date = try clampedDate(y, m, d)
            #expect(date.dayNumber == Oracle.dayNumber(date.year, date.month, date.day), "\(date)")
            #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        }
    }

    /// Walks every single day from -0400-01-01 to 10000-12-31 with a naive "next day" and checks
    /// that day numbers go up by exactly one and convert both ways.
    @Test func dayByDayWalk() throws {
        var ymd = YMD(year: -400, month: 1, day: 1)
        let first = try date(-400, 1, 1).dayNumber
        #expect(first == Oracle.dayNumber(-400, 1, 1))
        var n = first
        var failures: [String] = []
        while ymd.year <= 10000 {
            let fromNumber = CalendarDate(dayNumber: n)
            if YMD(fromNumber) != ymd { failures.append("dayNumber \(n) -> \(fromNumber), expected \(ymd)") }
            if let fromFields = CalendarDate(year: ymd.year, month: ymd.month, day: ymd.day) {
                if fromFields.dayNumber != n { failures.append("\(ymd).dayNumber = \(fromFields.dayNumber), expected \(n)") }
            } else {
                failures.append("\(ymd) rejected")
            }
            if failures.count > 10 { break }
            ymd = ymd.next
            n += 1
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(ymd == YMD(year: 10001, month: 1, day: 1))
    }

    static let consecutiveDays: [((Int, Int, Int), (Int, Int, Int))] = [
        ((2015, 1, 31), (2015, 2, 1)),
        ((2015, 4, 30), (2015, 5, 1)),
        ((2015, 2, 28), (2015, 3, 1)),
        ((1999, 12, 31), (2000, 1, 1)),
        ((1969, 12, 31), (1970, 1, 1)),
        ((2000, 2, 28), (2000, 2, 29)), ((2000, 2, 29), (2000, 3, 1)),
        ((2004, 2, 28), (2004, 2, 29)), ((2004, 2, 29), (2004, 3, 1)),
        ((2016, 2, 28), (2016, 2, 29)), ((2016, 2, 29), (2016, 3, 1)),
        ((2024, 2, 28), (2024, 2, 29)), ((2024, 2, 29), (2024, 3, 1)),
        ((1900, 2, 28), (1900, 3, 1)),
        ((2100, 2, 28), (2100, 3, 1)),
        ((0, 12, 31), (1, 1, 1)),
        ((-1, 12, 31), (0, 1, 1)),
        ((0, 2, 28), (0, 2, 29)),  // year 0 (1 BC) is a leap year in the proleptic calendar
        ((9999, 12, 31), (10000, 1, 1)),
    ]

    @Test(arguments: consecutiveDays)
    func consecutiveDaysDifferByOne(a: (Int, Int, Int), b: (Int, Int, Int)) throws {
        let first = try date(a.0, a.1, a.2)
        let second = try date(b.0, b.1, b.2)
        #expect(second.dayNumber - first.dayNumber == 1)
        #expect(first.adding(days: 1) == second)
        #expect(second.adding(days: -1) == first)
        #expect(first.days(to: second) == 1)
        #expect(first < second)
    }

    static let impossibleDates: [(Int, Int, Int)] = [
        (2015, 2, 30), (2016, 2, 30), (2015, 2, 29), (1900, 2, 29), (2100, 2, 29),
        (2015, 4, 31), (2015, 6, 31), (2015, 9, 31), (2015, 11, 31),
        (2015, 13, 1), (2015, 0, 1), (2015, -1, 10), (2015, 1, 0), (2015, 1, -1), (2015, 1, 32), (2015, 12, 32),
    ]

    @Test(arguments: impossibleDates)
    func rejectsImpossibleDates(year: Int, month: Int, day: Int) {
        #expect(CalendarDate(year: year, month: month, day: day) == nil)
    }

    @Test func acceptsExactlyTheRealDates() {
        var failures: [String] = []
        for year in Array(-5...5) + Array(1890...2110) + Array(9995...10005) {
            for month in -1...14 {
                for day in -1...33 {
                    let real = (1...12).contains(month) && (1...Oracle.daysInMonth(month, year)).contains(day)
                    let made = CalendarDate(year: year, month: month, day: day)
                    if (made != nil) != real { failures.append("\(year)-\(month)-\(day)") }
                    if let made, made.year != year || made.month != month || made.day != day {
                        failures.append("\(year)-\(month)-\(day) stored as \(made)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test func leapYears() {
        for year in [2000, 2004, 2016, 2024, 1600, 2400, 0, -4] {
            #expect(CalendarDate.isLeapYear(year), "\(year)")
            #expect(CalendarDate(year: year, month: 2, day: 29) != nil, "\(year)")
        }
        for year in [1900, 2100, 1800, 2015, 2023, 1, -1, -100] {
            #expect(!CalendarDate.isLeapYear(year), "\(year)")
            #expect(CalendarDate(year: year, month: 2, day: 29) == nil, "\(year)")
        }
        let mismatches = (-2000...10000).filter { CalendarDate.isLeapYear($0) != Oracle.isLeap($0) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func daysInMonth() {
        for year in [1900, 2000, 2015, 2016] {
            for month in 1...12 {
                #expect(CalendarDate.daysIn(month: month, year: year) == Oracle.daysInMonth(month, year))
            }
        }
        #expect(CalendarDate.daysIn(month: 0, year: 2015) == 0)
        #expect(CalendarDate.daysIn(month: 13, year: 2015) == 0)
    }

    @Test func agreesWithFoundation() async {
        // 1600-01-01 ... 9999-12-31: Foundation's ISO 8601 calendar is proleptic Gregorian there.
        await propertyCheck(count: 500, input: Gen.int(in: -135_140...2_932_896)) { n in
            let facts = FoundationOracle.facts(dayNumber: n)
            let d = CalendarDate(dayNumber: n)
            #expect(YMD(d) == YMD(year: facts.year, month: facts.month, day: facts.day), "day number \(n)")
            #expect(d.dayNumber == FoundationOracle.dayNumber(year: facts.year, month: facts.month, day: facts.day))
        }
    }

    @Test func dayOfYearQuarterHalf() async throws {
        #expect(try date(2015, 1, 1).dayOfYear == 1)
        #expect(try date(2015, 12, 31).dayOfYear == 365)
        #expect(try date(2016, 12, 31).dayOfYear == 366)
        #expect(try date(2016, 3, 1).dayOfYear == 61)
        #expect(try date(2015, 3, 1).dayOfYear == 60)
        await propertyCheck(count: 300, input: Gen.int(in: -1000...9999), Gen.int(in: 1...12), Gen.int(in: 1...31)) { y, m, d in
            let date = try clampedDate(y, m, d)
            #expect(date.dayOfYear == Oracle.dayNumber(y, m, date.day) - Oracle.dayNumber(y, 1, 1) + 1)
            #expect(date.quarter == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4][m - 1])
            #expect(date.half == (m <= 6 ? 1 : 2))
        }
    }

    @Test func orderingFollowsDayNumbers() async {
        await propertyCheck(count: 500, input: Gen.int(in: -800_000...3_000_000), Gen.int(in: -40...40)) { n, delta in
            let a = CalendarDate(dayNumber: n), b = CalendarDate(dayNumber: n + delta)
            #expect((a < b) == (delta > 0))
            #expect((a == b) == (delta == 0))
            #expect((b < a) == (delta < 0))
            #expect(a.days(to: b) == delta)
            #expect(a.adding(days: delta) == b)
        }
    }
}
