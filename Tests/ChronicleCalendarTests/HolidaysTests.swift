import ChronicleCalendar
import PropertyBased
import Testing

@Suite("Holidays")
struct HolidaysTests {
    /// Western Easter Sundays, from published tables.
    static let knownEasters: [(Int, Int, Int)] = [
        (1818, 3, 22), (1943, 4, 25), (1998, 4, 12), (2000, 4, 23), (2008, 3, 23), (2011, 4, 24),
        (2015, 4, 5), (2016, 3, 27), (2017, 4, 16), (2018, 4, 1), (2019, 4, 21), (2020, 4, 12),
        (2021, 4, 4), (2022, 4, 17), (2023, 4, 9), (2024, 3, 31), (2025, 4, 20), (2038, 4, 25), (2285, 3, 22),
    ]

    @Test(arguments: knownEasters)
    func knownEasterDates(year: Int, month: Int, day: Int) throws {
        #expect(Holidays.easter(year: year) == (try date(year, month, day)))
    }

    @Test func easterMatchesKnuthsAlgorithm() {
        var failures: [String] = []
        for year in 1...9999 {
            let easter = Holidays.easter(year: year)
            let expected = Oracle.easter(year)
            if YMD(easter) != YMD(year: year, month: expected.month, day: expected.day) {
                failures.append("\(year): \(easter), Knuth \(expected)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test func easterIsASundayBetweenMarch22AndApril25() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 1...9999)) { year in
            let easter = Holidays.easter(year: year)
            #expect(easter.year == year)
            #expect(Oracle.isoWeekday(easter.year, easter.month, easter.day) == 7, "\(easter)")
            #expect(easter.weekday == .sunday)
            let earliest = try date(year, 3, 22), latest = try date(year, 4, 25)
            #expect(earliest <= easter && easter <= latest, "\(easter)")
        }
    }

    @Test func knownNthWeekdays() throws {
        #expect(Holidays.nthWeekday(4, .thursday, month: 11, year: 2015) == (try date(2015, 11, 26)))  // Thanksgiving
        #expect(Holidays.nthWeekday(-1, .monday, month: 5, year: 2015) == (try date(2015, 5, 25)))  // Memorial Day
        #expect(Holidays.nthWeekday(1, .monday, month: 9, year: 2015) == (try date(2015, 9, 7)))  // Labor Day
        #expect(Holidays.nthWeekday(3, .monday, month: 1, year: 2015) == (try date(2015, 1, 19)))  // Martin Luther King Jr. Day
        #expect(Holidays.nthWeekday(4, .thursday, month: 11, year: 2016) == (try date(2016, 11, 24)))
        #expect(Holidays.nthWeekday(5, .monday, month: 2, year: 2016) == (try date(2016, 2, 29)))
        #expect(Holidays.nthWeekday(-1, .monday, month: 2, year: 2016) == (try date(2016, 2, 29)))
        #expect(Holidays.nthWeekday(-1, .sunday, month: 2, year: 2015) == (try date(2015, 2, 22)))
        #expect(Holidays.nthWeekday(5, .friday, month: 2, year: 2015) == nil)  // February 2015 has four Fridays
        #expect(Holidays.nthWeekday(5, .thursday, month: 11, year: 2016) == nil)
        #expect(Holidays.nthWeekday(0, .monday, month: 5, year: 2015) == nil)
        #expect(Holidays.nthWeekday(6, .monday, month: 5, year: 2015) == nil)
        #expect(Holidays.nthWeekday(1, .monday, month: 13, year: 2015) == nil)
        #expect(Holidays.nthWeekday(-1, .monday, month: 0, year: 2015) == nil)
    }

    @Test func nthWeekdayMatchesMonthWalk() async {
        await propertyCheck(count: 1000, input: Gen.int(in: -1000...9999), Gen.int(in: 1...12), Gen<Weekday>.case, Gen.int(in: -1...6)) { year, month, weekday, n in
            let days = Oracle.days(of: weekday.rawValue, month: month, year: year)
            let expected: Int? = n == -1 ? days.last : (1...days.count).contains(n) ? days[n - 1] : nil
            let found = Holidays.nthWeekday(n, weekday, month: month, year: year)
            #expect(found.map(YMD.init) == expected.map { YMD(year: year, month: month, day: $0) }, "\(n) \(weekday) of \(year)-\(month)")
        }
    }
}
