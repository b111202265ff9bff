import ChronicleCalendar
import ChronicleCore

// Holidays and days counted within a month: "Christmas Eve", "Labor Day weekend", "the second Tuesday of November".
// Examples: Tests/ChronicleTimeTests/Holidays.swift.

extension Grammar {
    // MARK: Holidays

    /// "the second Tuesday of November", "the first Monday in October 2016", "the last Friday of March",
    /// "the last weekend of October": a day (or weekend) counted within a month.
    func nthWeekdayOfMonth(at i: Int) -> Candidate? {
        guard s.isKeyword(i, .the) else { return nil }
        var j = i + 1
        let n: Int
        let ordinal = Int(s.entry(j).ordinal)
        if (1...5).contains(ordinal) {
            n = ordinal
        } else if s.isKeyword(j, .last) || s.isKeyword(j, .final) {
            n = -1
        } else {
            return nil
        }
        j += 1
        let weekday: Weekday
        var weekend = false
        if let (wd, plural, e) = self.weekday(at: j), !plural, let day = Weekday(rawValue: wd) {
            weekday = day
            j = e
        } else if s.entry(j).keyword == .weekend, !s.isText(j, "weekends") {
            // A weekend counts by its Saturday.
            weekday = .saturday
            weekend = true
            j += 1
        } else {
            return nil
        }
        guard s.isKeyword(j, .of) || s.isKeyword(j, .in), let (m, monthEnd) = month(at: j + 1), s.isCapitalized(j + 1) else { return nil }
        var spec = DateSpec(granularity: weekend ? .weekend : .day)
        spec.holiday = .nthWeekday(n: n, weekday: weekday, month: m)
        var end = monthEnd
        if let (y, e) = year(at: end, context: true) {
            spec.year = y
            end = e
        } else if s.isPunct(end, UInt8(ascii: ",")), let (y, e) = year(at: end + 1, context: true) {
            spec.year = y
            end = e
        }
        return dateCandidate(i, end, spec)
    }

    /// "Christmas", "Christmas Eve", "Easter", "Thanksgiving", "New Year's Day", "Election Day", "last Christmas".
    func holidayDate(at i: Int) -> Candidate? {
        var j = i
        var det: Determiner?
        // "the Labor Day weekend", "the Easter week": "the" only before a holiday's week or weekend.
        let leadingThe = s.isKeyword(i, .the)
        if leadingThe {
            j += 1
        } else if let (d, e) = determiner(at: j), d != .the {
            det = d
            j = e
        }
        var holiday: Holiday?
        var end = j + 1
        switch s.keyword(j) {
        case .christmas:
            guard s.isCapitalized(j) || colloquial else { return nil }
            if s.isKeyword(j + 1, .eve) { holiday = .fixed(month: 12, day: 24); end = j + 2 } else {
                holiday = .fixed(month: 12, day: 25)
                if s.entry(j + 1).unit == .day, s.isCapitalized(j + 1) { end = j + 2 }
            }
        case .easter:
            guard s.isCapitalized(j) else { return nil }
            holiday = .easter(offset: 0)
            if s.entry(j + 1).weekday == 7 { end = j + 2 }
            if s.entry(j + 1).weekday == 1 { holiday = .easter(offset: 1); end = j + 2 }
        case .good:
            guard s.isCapitalized(j), s.entry(j + 1).weekday == 5, s.isCapitalized(j + 1) else { return nil }
            holiday = .easter(offset: -2)
            end = j + 2
        case .thanksgiving:
            guard s.isCapitalized(j) else { return nil }
            holiday = .nthWeekday(n: 4, weekday: .thursday, month: 11)
            if s.entry(j + 1).unit == .day, s.isCapitalized(j + 1) { end = j + 2 }
        case .halloween:
            holiday = .fixed(month: 10, day: 31)
        case .new_year:
            // New Year's Day, New Year's Eve
            guard s.isCapitalized(j), s.isText(j + 1, "year"), s.isCapitalized(j + 1) else { return nil }
            var k = j + 2
            if s.isApostrophe(k), s.isKeyword(k + 1, .s) { k += 2 } else if s.isText(k, "s") { k += 1 }
            if s.isKeyword(k, .eve) { holiday = .fixed(month: 12, day: 31); end = k + 1 }
            else if s.entry(k).unit == .day { holiday = .fixed(month: 1, day: 1); end = k + 1 }
            else { return nil }
        case .independence, .memorial, .labor, .veterans, .election:
            guard s.isCapitalized(j), s.entry(j + 1).unit == .day, !s.entry(j + 1).unitPlural, s.isCapitalized(j + 1) else { return nil }
            switch s.keyword(j) {
            case .independence: holiday = .fixed(month: 7, day: 4)
            case .memorial: holiday = .nthWeekday(n: -1, weekday: .monday, month: 5)
            case .labor: holiday = .nthWeekday(n: 1, weekday: .monday, month: 9)
            case .veterans: holiday = .fixed(month: 11, day: 11)
            default: holiday = .electionDay
            }
            end = j + 2
        case .valentine:
            guard s.isCapitalized(j) else { return nil }
            var k = j + 1
            if s.isApostrophe(k), s.isKeyword(k + 1, .s) { k += 2 }
            guard s.entry(k).unit == .day else { return nil }
            holiday = .fixed(month: 2, day: 14)
            end = k + 1
        case .martin:
            // Martin Luther King Jr. Day, Martin Luther King Day
            guard s.isCapitalized(j), s.isText(j + 1, "luther"), s.isText(j + 2, "king") else { return nil }
            var k = j + 3
            if s.isText(k, "jr") { k += 1; if s.isPunct(k, UInt8(ascii: ".")) { k += 1 } }
            guard s.entry(k).unit == .day else { return nil }
            holiday = .nthWeekday(n: 3, weekday: .monday, month: 1)
            end = k + 1
        case .mother, .father:
            guard s.isCapitalized(j), s.isApostrophe(j + 1), s.isKeyword(j + 2, .s), s.entry(j + 3).unit == .day else { return nil }
            holiday = s.keyword(j) == .mother ? .nthWeekday(n: 2, weekday: .sunday, month: 5) : .nthWeekday(n: 3, weekday: .sunday, month: 6)
            end = j + 4
        default:
            return nil
        }
        guard let holiday, !followedByName(end) else { return nil }
        var spec = DateSpec(granularity: .day)
        spec.holiday = holiday
        // "Easter week", "Christmas week"; "the Labor Day weekend" (a Monday holiday's is the weekend before it)
        if s.entry(end).unit == .week, !s.entry(end).unitPlural, s.isCapitalized(j) {
            spec.asWeek = true
            end += 1
        } else if s.entry(end).keyword == .weekend, !s.isText(end, "weekends"), s.isCapitalized(j) {
            spec.granularity = .weekend
            end += 1
        } else if leadingThe {
            return nil
        }
        if let (y, e) = year(at: end, context: true) {
            spec.year = y
            end = e
        }
        switch det {
        case .last?, .past?, .thisPast?: spec.occurrence = .last
        case .next?, .coming?, .thisComing?: spec.occurrence = .next
        case .this?: spec.occurrence = .this
        default: spec.occurrence = .byTense
        }
        return dateCandidate(i, end, spec)
    }
}
