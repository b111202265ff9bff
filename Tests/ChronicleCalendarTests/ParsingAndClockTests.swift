import ChronicleCalendar
import Foundation
import PropertyBased
import Testing

@Suite("Parsing, formatting, clock times and coding")
struct ParsingAndClockTests {
    @Test func parsesISODates() throws {
        #expect(CalendarDate(iso: "2015-10-28") == (try date(2015, 10, 28)))
        #expect(CalendarDate(iso: "20151028") == (try date(2015, 10, 28)))
        #expect(CalendarDate(iso: "2016-02-29") == (try date(2016, 2, 29)))
        #expect(CalendarDate(iso: "0999-01-05") == (try date(999, 1, 5)))
        #expect(CalendarDate(iso: "0000-01-01") == (try date(0, 1, 1)))
        let text = "on 2015-10-28."
        #expect(CalendarDate(iso: text.dropFirst(3).dropLast()) == (try date(2015, 10, 28)))
    }

    @Test(arguments: [
        "2015-02-30", "2015-1-2", "abcd-ef-gh", "", "2015", "2015-10", "2015-10-2", "2015-10-280", "2015-13-01",
        "2015-00-10", "2015-10-00", "2015/10/28", "2015-10-28 ", " 2015-10-28", "2015-10-28T10:00", "-015-10-28",
        "+2015-10-28", "2015-1a-28", "20150230", "2015102", "201510280", "2015_10_28", "２０１５-10-28",
    ])
    func rejectsMalformedISODates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func descriptionPads() throws {
        #expect(try date(999, 1, 5).description == "0999-01-05")
        #expect(try date(2015, 10, 28).description == "2015-10-28")
        #expect(try date(5, 12, 31).description == "0005-12-31")
        #expect(try date(0, 2, 29).description == "0000-02-29")
        #expect(try date(12345, 6, 7).description == "12345-06-07")
        #expect(try date(-44, 3, 15).description == "-0044-03-15")
    }

    @Test func zeroPaddedNumbers() {
        #expect(CalendarDate.zeroPadded(42, width: 4) == "0042")
        #expect(CalendarDate.zeroPadded(0, width: 2) == "00")
        #expect(CalendarDate.zeroPadded(7, width: 1) == "7")
        #expect(CalendarDate.zeroPadded(12345, width: 4) == "12345")
        #expect(CalendarDate.zeroPadded(-44, width: 4) == "-0044")
        #expect(CalendarDate.zeroPadded(-12345, width: 2) == "-12345")
        #expect(CalendarDate.zeroPadded(Int.min, width: 2) == "-9223372036854775808")
        #expect(CalendarDate.zeroPadded(Int.max, width: 30) == "000000000009223372036854775807")
        #expect(CalendarDate.dayText(year: 2015, month: 2, day: 30) == "2015-02-30")
        #expect(CalendarDate.dayText(year: 10000, month: 1, day: 1) == "10000-01-01")
        #expect(CalendarDate.dayText(year: -1, month: 100, day: 1) == "-0001-100-01")
    }

    @Test func zeroPaddedMatchesFormat() async {
        await propertyCheck(count: 500, input: Gen.int(in: -99_999...99_999), Gen.int(in: 0...8)) { n, width in
            let expected = n < 0 ? "-" + String(format: "%0\(width)d", -n) : String(format: "%0\(width)d", n)
            #expect(CalendarDate.zeroPadded(n, width: width) == expected)
        }
    }

    @Test func descriptionRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...9999), Gen.int(in: 1...12), Gen.int(in: 1...31)) { y, m, d in
            let day = try clampedDate(y, m, d)
            let text = day.description
            #expect(text.count == 10)
            #expect(CalendarDate(iso: text) == day)
            #expect(CalendarDate(iso: text.replacingOccurrences(of: "-", with: "")) == day)
            let expected = String(format: "%04d-%02d-%02d", y, m, day.day)
            #expect(text == expected)
        }
    }

    // MARK: Clock times

    @Test(arguments: [(25, 0, nil), (24, 30, nil), (24, 0, 1), (12, 60, nil), (-1, 0, nil), (12, -1, nil), (12, 0, 61), (12, 0, -1), (23, 60, 0)] as [(Int, Int, Int?)])
    func rejectsImpossibleClockTimes(hour: Int, minute: Int, second: Int?) {
        #expect(ClockTime(hour: hour, minute: minute, second: second) == nil)
    }

    @Test func acceptsRealClockTimes() {
        var rejected: [String] = []
        for hour in 0...23 {
            for minute in 0...59 where ClockTime(hour: hour, minute: minute) == nil { rejected.append("\(hour):\(minute)") }
        }
        #expect(rejected.isEmpty, "\(rejected)")
        #expect(ClockTime(hour: 24) != nil)  // "24:00", end of day
        #expect(ClockTime(hour: 24, minute: 0, second: 0) != nil)
        #expect(ClockTime(hour: 23, minute: 59, second: 60) != nil)  // leap second
        #expect(ClockTime(hour: 0, minute: 0, second: 0) != nil)
    }

    @Test func clockTimeDescription() throws {
        #expect(try #require(ClockTime(hour: 9, minute: 5)).description == "09:05")
        #expect(try #require(ClockTime(hour: 23, minute: 59, second: 7)).description == "23:59:07")
        #expect(try #require(ClockTime(hour: 0)).description == "00:00")
        #expect(try #require(ClockTime(hour: 24)).description == "24:00")
    }

    @Test func clockTimeOrdering() async {
        let seconds: [Int?] = [nil] + Array(0...60)
        await propertyCheck(count: 500, input: Gen.int(in: 0...23), Gen.int(in: 0...59), Gen.element(of: seconds), Gen.int(in: 0...23), Gen.int(in: 0...59), Gen.element(of: seconds)) { h1, m1, s1, h2, m2, s2 in
            let a = try #require(ClockTime(hour: h1, minute: m1, second: s1 ?? nil))
            let b = try #require(ClockTime(hour: h2, minute: m2, second: s2 ?? nil))
            // Exactly one of a < b, a == b, b < a (the Comparable contract).
            #expect([a < b, a == b, b < a].filter { $0 }.count == 1, "\(a) vs \(b)")
            let key1 = (h1 * 60 + m1) * 61 + (s1.flatMap { $0 } ?? 0), key2 = (h2 * 60 + m2) * 61 + (s2.flatMap { $0 } ?? 0)
            if key1 != key2 { #expect((a < b) == (key1 < key2)) }
        }
    }

    @Test func clockTimeOrderingIsTotal() throws {
        let noon = try #require(ClockTime(hour: 12))
        let noonZero = try #require(ClockTime(hour: 12, minute: 0, second: 0))
        #expect(noon != noonZero)
        #expect(noon < noonZero)  // exactly one of <, ==, > must hold
        #expect(!(noonZero < noon))
        #expect(noonZero < (try #require(ClockTime(hour: 12, minute: 0, second: 1))))
        #expect(try #require(ClockTime(hour: 11, minute: 59, second: 59)) < noon)
        #expect(try #require(ClockTime(hour: 9, minute: 59, second: 59)) < (try #require(ClockTime(hour: 10))))
        #expect(try #require(ClockTime(hour: 23, minute: 59, second: 60)) < (try #require(ClockTime(hour: 24))))
        let sorted = [noonZero, noon, try #require(ClockTime(hour: 9))].sorted()
        #expect(sorted.map(\.description) == ["09:00", "12:00", "12:00:00"])
    }

    // MARK: Codable

    @Test func codableRoundTrip() throws {
        let encoder = JSONEncoder(), decoder = JSONDecoder()
        for day in [try date(2015, 10, 28), try date(2016, 2, 29), try date(-44, 3, 15)] {
            #expect(try decoder.decode(CalendarDate.self, from: encoder.encode(day)) == day)
        }
        for time in [ClockTime(hour: 9, minute: 5)!, ClockTime(hour: 23, minute: 59, second: 60)!, ClockTime(hour: 24)!] {
            #expect(try decoder.decode(ClockTime.self, from: encoder.encode(time)) == time)
        }
        let week = ISOWeek(year: 2015, week: 53)
        #expect(try decoder.decode(ISOWeek.self, from: encoder.encode(week)) == week)
        #expect(try decoder.decode(Weekday.self, from: encoder.encode(Weekday.friday)) == .friday)
        let json = try #require(String(data: encoder.encode(try date(2015, 10, 28)), encoding: .utf8))
        #expect(try decoder.decode(CalendarDate.self, from: Data(#"{"year":2015,"month":10,"day":28}"#.utf8)) == (try date(2015, 10, 28)))
        #expect(json.contains(#""year":2015"#))
    }

    @Test(arguments: [
        #"{"year":2015,"month":2,"day":30}"#, #"{"year":2015,"month":13,"day":1}"#, #"{"year":2015,"month":0,"day":1}"#,
        #"{"year":2015,"month":4,"day":31}"#, #"{"year":2015,"month":1,"day":0}"#, #"{"year":1900,"month":2,"day":29}"#,
    ])
    func decodingRejectsImpossibleDates(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CalendarDate.self, from: Data(json.utf8)) }
    }

    @Test(arguments: [
        #"{"hour":25,"minute":0}"#, #"{"hour":24,"minute":30}"#, #"{"hour":12,"minute":60}"#, #"{"hour":12,"minute":0,"second":61}"#,
        #"{"hour":-1,"minute":0}"#,
    ])
    func decodingRejectsImpossibleClockTimes(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ClockTime.self, from: Data(json.utf8)) }
    }
}
