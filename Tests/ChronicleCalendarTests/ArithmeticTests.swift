import ChronicleCalendar
import PropertyBased
import Testing

@Suite("Month, year and weekday arithmetic")
struct ArithmeticTests {
    // MARK: Months and years

    static let monthCases: [((Int, Int, Int), Int, (Int, Int, Int))] = [
        ((2015, 1, 31), 1, (2015, 2, 28)),
        ((2016, 1, 31), 1, (2016, 2, 29)),
        ((2000, 1, 31), 1, (2000, 2, 29)),
        ((1900, 1, 31), 1, (1900, 2, 28)),
        ((2015, 3, 31), -1, (2015, 2, 28)),
        ((2016, 3, 31), -1, (2016, 2, 29)),
        ((2015, 10, 31), 1, (2015, 11, 30)),
        ((2015, 5, 31), -1, (2015, 4, 30)),
        ((2015, 1, 15), -1, (2014, 12, 15)),
        ((2015, 1, 31), -2, (2014, 11, 30)),
        ((2015, 12, 31), 2, (2016, 2, 29)),
        ((2015, 12, 15), 1, (2016, 1, 15)),
        ((2015, 6, 15), -18, (2013, 12, 15)),
        ((2015, 6, 15), 30, (2017, 12, 15)),
        ((2015, 10, 28), 0, (2015, 10, 28)),
        ((1, 1, 1), -1, (0, 12, 1)),
        ((0, 1, 15), -13, (-2, 12, 15)),
        ((0, 1, 15), -12, (-1, 1, 15)),
        ((-1, 12, 31), 2, (0, 2, 29)),
        ((-5, 3, 31), -1, (-5, 2, 28)),
    ]

    @Test(arguments: monthCases)
    func addingMonthsKnownCases(start: (Int, Int, Int), months: Int, end: (Int, Int, Int)) throws {
        #expect(try date(start.0, start.1, start.2).adding(months: months) == (try date(end.0, end.1, end.2)))
    }

    @Test func addingMonthsMatchesMonthByMonthWalk() async {
        await propertyCheck(count: 1000, input: Gen.int(in: -800...9999), Gen.int(in: 1...12), Gen.int(in: 1...31), Gen.int(in: -2400...2400)) { y, m, d, n in
            let start = try clampedDate(y, m, d)
            let expected = Oracle.addMonths(y, m, start.day, n)
            #expect(YMD(start.adding(months: n)) == expected, "\(start) + \(n) months")
        }
    }

    @Test func addingMonthsTwiceDiffersOnlyByClamping() async {
        await propertyCheck(count: 1000, input: Gen.int(in: -800...9999), Gen.int(in: 1...12), Gen.int(in: 1...31), Gen.int(in: -50...50), Gen.int(in: -50...50)) { y, m, d, a, b in
            let start = try clampedDate(y, m, d)
            let stepwise = start.adding(months: a).adding(months: b)
            let direct = start.adding(months: a + b)
            #expect(stepwise.year == direct.year && stepwise.month == direct.month)
            let middle = Oracle.addMonths(y, m, 1, a)
            let target = Oracle.addMonths(y, m, 1, a + b)
            #expect(direct.day == min(start.day, Oracle.daysInMonth(target.month, target.year)))
            #expect(stepwise.day == min(start.day, Oracle.daysInMonth(middle.month, middle.year), Oracle.daysInMonth(target.month, target.year)))
            #expect(stepwise.day <= direct.day)
            if start.day <= 28 { #expect(stepwise == direct) }
        }
    }

    @Test func addingMonthsThereAndBack() async {
        await propertyCheck(count: 500, input: Gen.int(in: -800...9999), Gen.int(in: 1...12), Gen.int(in: 1...28), Gen.int(in: -2400...2400)) { y, m, d, n in
            let start = try date(y, m, d)
            #expect(start.adding(months: n).adding(months: -n) == start)
            #expect(start.adding(months: 0) == start)
            let end = start.adding(months: n)
            #expect((end.year * 12 + end.month) - (y * 12 + m) == n)
        }
    }

    @Test func addingYearsToLeapDay() throws {
        let leapDay = try date(2016, 2, 29)
        #expect(leapDay.adding(years: 1) == (try date(2017, 2, 28)))
        #expect(leapDay.adding(years: -1) == (try date(2015, 2, 28)))
        #expect(leapDay.adding(years: 4) == (try date(2020, 2, 29)))
        #expect(leapDay.adding(years: -4) == (try date(2012, 2, 29)))
        #expect(leapDay.adding(years: 100) == (try date(2116, 2, 29)))
        #expect(try date(2000, 2, 29).adding(years: 100) == (try date(2100, 2, 28)))
        #expect(try date(2000, 2, 29).adding(years: 400) == (try date(2400, 2, 29)))
        #expect(try date(2015, 10, 28).adding(years: -1) == (try date(2014, 10, 28)))
    }

    @Test func addingYearsProperty() async {
        await propertyCheck(count: 500, input: Gen.int(in: -800...9999), Gen.int(in: 1...12), Gen.int(in: 1...31), Gen.int(in: -500...500)) { y, m, d, n in
            let start = try clampedDate(y, m, d)
            let end = start.adding(years: n)
            #expect(end == start.adding(months: 12 * n))
            #expect(end.year == y + n && end.month == m)
            let leapDayLost = m == 2 && start.day == 29 && !Oracle.isLeap(y + n)
            #expect(end.day == (leapDayLost ? 28 : start.day))
        }
    }

    // MARK: Weekday navigation

    @Test func lastFridaySaidOnAFriday() throws {
        let friday = try date(2015, 10, 30)
        #expect(friday.weekday == .friday)
        #expect(friday.previous(.friday) == (try date(2015, 10, 23)))
        #expect(friday.previous(.friday, includingSelf: true) == friday)
        #expect(friday.next(.friday) == (try date(2015, 11, 6)))
        #expect(friday.next(.friday, includingSelf: true) == friday)
        #expect(friday.previous(.thursday) == (try date(2015, 10, 29)))
        #expect(friday.previous(.saturday) == (try date(2015, 10, 24)))
        #expect(friday.next(.thursday) == (try date(2015, 11, 5)))
        #expect(friday.next(.saturday) == (try date(2015, 10, 31)))
    }

    @Test func navigationAcrossBoundaries() throws {
        let wednesday = try date(2015, 10, 28)
        #expect(wednesday.previous(.monday) == (try date(2015, 10, 26)))
        #expect(wednesday.next(.monday) == (try date(2015, 11, 2)))
        #expect(wednesday.sameWeek(.monday) == (try date(2015, 10, 26)))
        #expect(wednesday.sameWeek(.sunday) == (try date(2015, 11, 1)))
        #expect(try date(2016, 1, 1).previous(.thursday) == (try date(2015, 12, 31)))
        #expect(try date(2015, 12, 31).next(.friday) == (try date(2016, 1, 1)))
        #expect(try date(2016, 3, 1).previous(.monday) == (try date(2016, 2, 29)))
        #expect(try date(2016, 1, 3).sameWeek(.monday) == (try date(2015, 12, 28)))
        #expect(try date(2015, 12, 28).sameWeek(.sunday) == (try date(2016, 1, 3)))
    }

    @Test func previousProperty() async {
        await propertyCheck(count: 700, input: Gen.int(in: -1_000_000...3_000_000), Gen<Weekday>.case, Gen.bool) { n, target, includingSelf in
            let start = CalendarDate(dayNumber: n)
            let found = start.previous(target, includingSelf: includingSelf)
            let distance = found.days(to: start)
            #expect(Oracle.isoWeekday(found.year, found.month, found.day) == target.rawValue)
            #expect(found.weekday == target)
            #expect((includingSelf ? 0...6 : 1...7).contains(distance), "\(start) -> \(found)")
        }
    }

    @Test func nextProperty() async {
        await propertyCheck(count: 700, input: Gen.int(in: -1_000_000...3_000_000), Gen<Weekday>.case, Gen.bool) { n, target, includingSelf in
            let start = CalendarDate(dayNumber: n)
            let found = start.next(target, includingSelf: includingSelf)
            let distance = start.days(to: found)
            #expect(Oracle.isoWeekday(found.year, found.month, found.day) == target.rawValue)
            #expect(found.weekday == target)
            #expect((includingSelf ? 0...6 : 1...7).contains(distance), "\(start) -> \(found)")
        }
    }

    @Test func sameWeekProperty() async {
        await propertyCheck(count: 700, input: Gen.int(in: -1_000_000...3_000_000), Gen<Weekday>.case) { n, target in
            let start = CalendarDate(dayNumber: n)
            let found = start.sameWeek(target)
            #expect(Oracle.isoWeekday(found.year, found.month, found.day) == target.rawValue)
            let expected = Oracle.isoWeek(start.year, start.month, start.day)
            let actual = Oracle.isoWeek(found.year, found.month, found.day)
            #expect(actual == expected, "\(start) -> \(found)")
            #expect(found.isoWeek == start.isoWeek)
            #expect(abs(start.days(to: found)) <= 6)
        }
    }
}
