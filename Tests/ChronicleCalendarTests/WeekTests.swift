import ChronicleCalendar
import PropertyBased
import Testing

@Suite("Weekdays and ISO weeks")
struct WeekTests {
    // MARK: Weekdays

    @Test func weekdayAnchors() throws {
        #expect(try date(1970, 1, 1).weekday == .thursday)
        #expect(try date(2015, 10, 28).weekday == .wednesday)
        #expect(try date(2000, 2, 29).weekday == .tuesday)
        #expect(try date(2000, 1, 1).weekday == .saturday)
        #expect(try date(1900, 1, 1).weekday == .monday)
        #expect(try date(2024, 2, 29).weekday == .thursday)
        #expect(try date(1969, 12, 31).weekday == .wednesday)
    }

    @Test func weekdayMatchesZellerOverWideRange() async {
        await propertyCheck(count: 1000, input: Gen.int(in: -5000...10000), Gen.int(in: 1...12), Gen.int(in: 1...31)) { y, m, d in
            let date = try clampedDate(y, m, d)
            #expect(date.weekday.rawValue == Oracle.isoWeekday(y, m, date.day), "\(date)")
        }
    }

    @Test func weekdayMatchesFoundation() async {
        await propertyCheck(count: 500, input: Gen.int(in: -135_140...2_932_896)) { n in
            #expect(CalendarDate(dayNumber: n).weekday.rawValue == FoundationOracle.facts(dayNumber: n).isoWeekday, "day number \(n)")
        }
    }

    @Test func weekdayCyclesDayByDay() async {
        await propertyCheck(count: 300, input: Gen.int(in: -1_000_000...3_000_000)) { n in
            let today = CalendarDate(dayNumber: n).weekday.rawValue
            let tomorrow = CalendarDate(dayNumber: n + 1).weekday.rawValue
            #expect(tomorrow == today % 7 + 1)
            #expect(CalendarDate(dayNumber: n + 7).weekday.rawValue == today)
        }
    }

    @Test func weekdayValues() {
        #expect(Weekday.allCases.map(\.rawValue) == Array(1...7))
        #expect(Weekday.monday.rawValue == 1 && Weekday.sunday.rawValue == 7)
        #expect(Weekday.allCases.map(\.name) == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
    }

    // MARK: ISO weeks

    static let knownWeeks: [((Int, Int, Int), (Int, Int))] = [
        ((2015, 12, 31), (2015, 53)),
        ((2016, 1, 1), (2015, 53)),
        ((2016, 1, 3), (2015, 53)),
        ((2016, 1, 4), (2016, 1)),
        ((2008, 12, 29), (2009, 1)),
        ((2008, 12, 28), (2008, 52)),
        ((2010, 1, 3), (2009, 53)),
        ((2015, 10, 28), (2015, 44)),
        ((2021, 1, 3), (2020, 53)),
        ((2024, 12, 30), (2025, 1)),
    ]

    @Test(arguments: knownWeeks)
    func knownISOWeeks(day: (Int, Int, Int), week: (Int, Int)) throws {
        let w = try date(day.0, day.1, day.2).isoWeek
        #expect(w == ISOWeek(year: week.0, week: week.1))
    }

    @Test func yearEndWeeksMatchFoundation() throws {
        var failures: [String] = []
        for year in 1600...2400 {
            for (m, d) in [(1, 1), (1, 2), (1, 3), (1, 4), (12, 28), (12, 29), (12, 30), (12, 31)] {
                let day = try date(year, m, d)
                let facts = FoundationOracle.facts(dayNumber: Oracle.dayNumber(year, m, d))
                if day.isoWeek != ISOWeek(year: facts.weekYear, week: facts.week) {
                    failures.append("\(day): \(day.isoWeek), Foundation \(facts.weekYear)-W\(facts.week)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test func yearEndWeeksMatchDefinitionOverWideRange() throws {
        var failures: [String] = []
        for year in -400...10000 {
            for (m, d) in [(1, 1), (1, 2), (1, 3), (1, 4), (12, 28), (12, 29), (12, 30), (12, 31)] {
                let day = try date(year, m, d)
                let expected = Oracle.isoWeek(year, m, d)
                if day.isoWeek != ISOWeek(year: expected.year, week: expected.week) {
                    failures.append("\(day): \(day.isoWeek), expected \(expected)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test func isoWeekMatchesFoundationForRandomDays() async {
        await propertyCheck(count: 500, input: Gen.int(in: -135_140...2_932_896)) { n in
            let facts = FoundationOracle.facts(dayNumber: n)
            #expect(CalendarDate(dayNumber: n).isoWeek == ISOWeek(year: facts.weekYear, week: facts.week), "day number \(n)")
        }
    }

    @Test func isoWeekMatchesDefinitionForRandomDays() async {
        await propertyCheck(count: 500, input: Gen.int(in: -3000...10000), Gen.int(in: 1...12), Gen.int(in: 1...31)) { y, m, d in
            let day = try clampedDate(y, m, d)
            let expected = Oracle.isoWeek(y, m, day.day)
            #expect(day.isoWeek == ISOWeek(year: expected.year, week: expected.week), "\(day)")
            #expect((1...ISOWeek.weeksIn(year: day.isoWeek.year)).contains(day.isoWeek.week))
            #expect(abs(day.isoWeek.year - y) <= 1)
        }
    }

    @Test func weeksInYear() {
        for year in [2004, 2009, 2015, 2020, 2026, 1976, 1998] { #expect(ISOWeek.weeksIn(year: year) == 53, "\(year)") }
        for year in [2005, 2014, 2016, 2019, 2021, 2022, 2023, 2024, 2025] { #expect(ISOWeek.weeksIn(year: year) == 52, "\(year)") }
        var failures: [Int] = []
        for year in -400...10000 {
            let jan1 = Oracle.isoWeekday(year, 1, 1)
            let long = jan1 == 4 || (Oracle.isLeap(year) && jan1 == 3)
            let weeks = ISOWeek.weeksIn(year: year)
            if weeks != (long ? 53 : 52) || weeks != Oracle.weeksIn(year) { failures.append(year) }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test func mondayRoundTripEveryWeek() {
        var failures: [String] = []
        for year in 1800...2200 {
            for week in 1...ISOWeek.weeksIn(year: year) {
                let w = ISOWeek(year: year, week: week)
                let monday = w.monday
                if monday.isoWeek != w || monday.weekday != .monday || monday.dayNumber != Oracle.week1Monday(year) + 7 * (week - 1) {
                    failures.append("\(w) -> \(monday)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test func mondayRoundTripProperty() async {
        await propertyCheck(count: 500, input: Gen.int(in: -3000...10000), Gen.int(in: 1...53)) { year, week in
            let w = ISOWeek(year: year, week: min(week, Oracle.weeksIn(year)))
            #expect(w.monday.isoWeek == w)
            #expect(w.monday.weekday == .monday)
            #expect(Oracle.isoWeekday(w.monday.year, w.monday.month, w.monday.day) == 1)
        }
    }

    @Test func everyDayOfAWeekMapsBackToIt() async {
        await propertyCheck(count: 300, input: Gen.int(in: -1_000_000...3_000_000)) { n in
            let w = CalendarDate(dayNumber: n).isoWeek
            let monday = w.monday
            #expect((0...6).contains(n - monday.dayNumber))
            for k in 0..<7 { #expect(monday.adding(days: k).isoWeek == w) }
            #expect(monday.adding(days: -1).isoWeek != w)
            #expect(monday.adding(days: 7).isoWeek != w)
        }
    }

    @Test func addingWeeks() async throws {
        #expect(ISOWeek(year: 2015, week: 53).adding(weeks: 1) == ISOWeek(year: 2016, week: 1))
        #expect(ISOWeek(year: 2016, week: 1).adding(weeks: -1) == ISOWeek(year: 2015, week: 53))
        #expect(ISOWeek(year: 2014, week: 52).adding(weeks: 1) == ISOWeek(year: 2015, week: 1))
        #expect(ISOWeek(year: 2015, week: 1).adding(weeks: 52) == ISOWeek(year: 2015, week: 53))
        await propertyCheck(count: 300, input: Gen.int(in: -1_000_000...3_000_000), Gen.int(in: -600...600)) { n, k in
            let w = CalendarDate(dayNumber: n).isoWeek
            let moved = w.adding(weeks: k)
            #expect(moved.monday.dayNumber == w.monday.dayNumber + 7 * k)
            #expect(moved.adding(weeks: -k) == w)
            #expect((moved < w) == (k < 0))
            #expect((moved == w) == (k == 0))
        }
    }

    @Test func weekDescription() {
        #expect(ISOWeek(year: 2015, week: 53).description == "2015-W53")
        #expect(ISOWeek(year: 2009, week: 1).description == "2009-W01")
        #expect(ISOWeek(year: 999, week: 7).description == "0999-W07")
    }
}
