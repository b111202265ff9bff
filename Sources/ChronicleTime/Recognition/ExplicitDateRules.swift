import ChronicleCalendar
import ChronicleCore

// Dates written out: weekday and month names, days of the month, numeric dates.
// Examples: Tests/ChronicleTimeTests/ExplicitDates.swift.

extension Grammar {
    // MARK: Explicit dates

    /// Dates led by a weekday or month name: "Wednesday, Oct. 28, 2015", "Oct. 28", "October 2015", "May", "Friday".
    func namedDate(at i: Int) -> Candidate? {
        var j = i
        var weekdayValue: Int?
        if let (wd, plural, end) = weekday(at: j) {
            guard !plural else { return nil }
            weekdayValue = wd
            j = end
            // "Wednesday, Oct. 28" / "Wednesday Oct. 28" / "Wednesday the 28th" / "Wednesday 28 October"
            var k = j
            if s.isPunct(k, UInt8(ascii: ",")) { k += 1 }
            if month(at: k) != nil, let c = monthLed(at: k, weekday: wd), case .date(let spec) = c.meaning, spec.day != nil {
                return Candidate(i, c.end, .date, c.meaning)
            }
            if let c = dayMonthDate(at: k), case .date(var spec) = c.meaning, spec.day != nil {
                spec.weekday = wd
                return Candidate(i, c.end, .date, .date(spec))
            }
            // "Friday the 13th", "Friday, the first of May" — not "Friday, the fourth decline in five days".
            if s.isKeyword(k, .the), let (d, end, isOrdinal) = dayOfMonth(at: k + 1), isOrdinal,
               s.isNumber(k + 1) || !s.isWord(end) || s.isKeyword(end, .of) {
                var spec = DateSpec(granularity: .day)
                spec.day = d
                spec.weekday = wd
                return dateCandidate(i, end, spec)
            }
        }
        if let wd = weekdayValue {
            // "The Sunday Times", "Sunday Telegraph": a name; but not after a preposition or a reporting verb
            // ("On Monday Peruvian President Alberto Fujimori ...", "said Monday Brad Drewett ...").
            let p = i - 1
            if followedByName(j), !(s.isKeyword(p, .on) || s.isKeyword(p, .since) || s.isKeyword(p, .until) || s.isKeyword(p, .by)
                || s.isKeyword(p, .before) || s.isKeyword(p, .after) || s.isReportingVerb(p)) {
                return nil
            }
            var spec = DateSpec(granularity: .day)
            spec.weekday = wd
            return dateCandidate(i, j, spec)
        }
        return monthLed(at: i, weekday: nil)
    }

    /// "Oct. 28", "Oct. 28, 2015", "October 28th 2015", "October the 28th", "October 2015", "October of 2015", "October".
    func monthLed(at i: Int, weekday wd: Int?) -> Candidate? {
        guard let (m, afterMonth) = month(at: i) else { return nil }
        var spec = DateSpec(granularity: .month)
        spec.month = m
        spec.weekday = wd
        var j = afterMonth
        // Day of the month, unless the number is a year or a clock time.
        var k = j
        if s.isKeyword(k, .the) { k += 1 }
        if let (d, end, isOrdinal) = dayOfMonth(at: k), !s.glued(k) || k > j,
           k == j || isOrdinal,
           !(s.isPunct(end, UInt8(ascii: ":")) && s.isNumber(end + 1)),
           !(s.isPunct(end, UInt8(ascii: "/")) || (s.isDash(end) && s.glued(end) && s.isNumber(end + 1) && !laterDay(after: end, than: d))) {
            spec.day = d
            spec.granularity = .day
            j = end
            // ", 2015" / " 2015"
            if s.isPunct(j, UInt8(ascii: ",")), let (y, e2) = year(at: j + 1, context: true) {
                spec.year = y
                j = e2
            } else if let (y, e2) = year(at: j, context: true) {
                spec.year = y
                j = e2
            } else if let (ref, e2) = yearSuffix(at: j) {
                apply(ref, to: &spec)
                j = e2
            }
            return dateCandidate(i, j, spec)
        }
        // Month and year: "October 2015", "October of 2015", "Oct. 2015", "October, 2015"
        if let (y, e2) = year(at: j, context: true) {
            spec.year = y
            return dateCandidate(i, e2, spec)
        }
        if s.isKeyword(j, .of) || s.isPunct(j, UInt8(ascii: ",")), let (y, e2) = year(at: j + 1, context: true) {
            spec.year = y
            return dateCandidate(i, e2, spec)
        }
        if let (ref, e2) = yearSuffix(at: j) {
            apply(ref, to: &spec)
            return dateCandidate(i, e2, spec)
        }
        // The month alone; "May" and "March" only where they are months; "April Ryan", "June Carter" are names.
        guard wd == nil, ambiguousMonthIsMonth(at: i), !followedByName(j) else { return nil }
        if s.entry(i).isAbbreviation && !s.isNumber(j) {
            // "in July and Aug.", "till dec" in informal text: after a word that introduces a month.
            let introduced = s.isKeyword(i - 1, .in) || s.isKeyword(i - 1, .and) || s.isKeyword(i - 1, .til) || s.isKeyword(i - 1, .until)
                || s.isKeyword(i - 1, .by) || s.isKeyword(i - 1, .since) || s.isKeyword(i - 1, .from) || s.isKeyword(i - 1, .to)
            guard colloquial, introduced else { return nil }
        }
        var c = dateCandidate(i, j, spec)
        if m == 5 { c.check = ReadingCheck(token: i, rule: .notModal) }
        if m == 3 { c.check = ReadingCheck(token: i, rule: .notVerb) }
        return c
    }

    /// Whether a dash at `dash` leads to a later day of the same month ("March 5-9"), not to more of a code or a
    /// numeric date ("March 5-9-2015", "5-10/12").
    func laterDay(after dash: Int, than day: Int) -> Bool {
        guard let n = s.number(dash + 1), s.digitCount(dash + 1) <= 2, n > day, n <= 31 else { return false }
        return !(s.glued(dash + 2) && (s.isDash(dash + 2) || s.isPunct(dash + 2, UInt8(ascii: "/")) || s.isNumber(dash + 2) || s.isWord(dash + 2)))
    }

    /// Whether token `j` starts a capitalised name that is no time word ("Carter" in "June Carter",
    /// "Times" in "Sunday Times", "Island" in "Easter Island").
    func followedByName(_ j: Int) -> Bool {
        guard s.isWord(j), s.isCapitalized(j), !s.glued(j) || s.isDash(j - 1) == false && s.isWord(j - 1) == false else { return false }
        // Informal text capitalises at will ("ANDA Friday Talk", "PRE XMAS GINGERBREAD"): no name can be told.
        if colloquial { return false }
        let e = s.entry(j)
        if e.month != 0 || e.weekday != 0 || e.unit != nil || e.partOfDay != nil || e.keyword == .timezone || e.keyword == .eve
            || e.keyword == .the || e.keyword == .a || e.keyword == .this || e.keyword == .last || e.keyword == .next || e.keyword == .in || e.keyword == .on {
            return false
        }
        // A capitalised word after a sentence end is just a new sentence.
        if s.isPunct(j - 1, UInt8(ascii: ".")) { return false }
        return true
    }

    /// "28 October 2015", "28th October", "the 28th of October", "the twenty-eighth of October".
    func dayMonthDate(at i: Int) -> Candidate? {
        var j = i
        let hasThe = s.isKeyword(j, .the)
        if hasThe { j += 1 }
        guard let (d, afterDay, isOrdinal) = dayOfMonth(at: j) else { return nil }
        var k = afterDay
        let hasOf = s.isKeyword(k, .of)
        if hasOf { k += 1 }
        if (hasThe || hasOf) && !isOrdinal { return nil }
        guard let (m, afterMonth) = month(at: k), !s.glued(k) || colloquial && s.isNumber(k - 1) else { return nil }
        var spec = DateSpec(granularity: .day)
        spec.day = d
        spec.month = m
        var end = afterMonth
        if let (y, e2) = yearAfterDate(at: end) {
            spec.year = y
            end = e2
        }
        return dateCandidate(i, end, spec)
    }

    /// "2015-10-28", "10/28/2015", "10/28/15", "10/28" (the last only where a date is expected).
    func numericDate(at i: Int) -> Candidate? {
        guard let a = s.number(i) else { return nil }
        // Not part of a larger number or code.
        if s.glued(i) && (s.isWord(i - 1) || s.isNumber(i - 1) || s.isPunct(i - 1, UInt8(ascii: "/")) || s.isDash(i - 1)
            || s.isPunct(i - 1, UInt8(ascii: "$"))) {
            return nil
        }
        let sep1 = i + 1
        guard s.glued(sep1), s.glued(sep1 + 1), let b = s.number(sep1 + 1) else { return nil }
        let isSlash = s.isPunct(sep1, UInt8(ascii: "/"))
        let isDash = s.isPunct(sep1, UInt8(ascii: "-"))
        let isDot = s.isPunct(sep1, UInt8(ascii: "."))
        guard isSlash || isDash || isDot else { return nil }
        let sep2 = sep1 + 2
        let hasThird = s.glued(sep2) && s.glued(sep2 + 1) && s.isNumber(sep2 + 1)
            && (isSlash ? s.isPunct(sep2, UInt8(ascii: "/")) : isDash ? s.isPunct(sep2, UInt8(ascii: "-")) : s.isPunct(sep2, UInt8(ascii: ".")))
        let end = hasThird ? sep2 + 2 : sep1 + 2
        // Nothing numeric may continue the pattern ("555-1234-99", "1.2.3.4").
        if s.glued(end) && (s.isNumber(end + 1) && (s.isPunct(end, UInt8(ascii: "/")) || s.isDash(end) || s.isPunct(end, UInt8(ascii: "."))) || s.isWord(end) || s.isNumber(end)) {
            return nil
        }
        var spec = DateSpec(granularity: .day)
        if hasThird, let c = s.number(sep2 + 1) {
            if s.digitCount(i) == 4 && s.digitCount(sep1 + 1) <= 2 && s.digitCount(sep2 + 1) <= 2 && (isDash || isSlash) {
                // ISO 2015-10-28
                spec.year = a
                spec.month = b
                spec.day = c
            } else if s.digitCount(i) <= 2 && s.digitCount(sep1 + 1) <= 2 && (s.digitCount(sep2 + 1) == 4 || s.digitCount(sep2 + 1) == 2) {
                // US order 10/28/2015 (day-first when the first number cannot be a month: 28/10/2015)
                let y = s.digitCount(sep2 + 1) == 4 ? c : (c < 50 ? 2000 + c : 1900 + c)
                if isDot && !(a > 12) { return nil }  // "1.2.15" is too likely a version number
                if a > 12 && b <= 12 {
                    spec.day = a
                    spec.month = b
                } else {
                    spec.month = a
                    spec.day = b
                }
                spec.year = y
            } else {
                return nil
            }
            guard (1...12).contains(spec.month!), (1...31).contains(spec.day!) else { return nil }
            return dateCandidate(i, end, spec)
        }
        // Two parts: "10/28" after "on" or a weekday; "2015-10" ISO month.
        // ("2011-12", "2007-08" with consecutive years are two years: see `rangeOfBareNumber`.)
        if isDash && s.digitCount(i) == 4 && s.digitCount(sep1 + 1) == 2 && (1...12).contains(b) && (1000...2999).contains(a), b != (a + 1) % 100 {
            var month = DateSpec(granularity: .month)
            month.year = a
            month.month = b
            return dateCandidate(i, end, month)
        }
        guard isSlash, s.digitCount(i) <= 2, s.digitCount(sep1 + 1) <= 2, (1...12).contains(a), (1...31).contains(b) else { return nil }
        let previous = s.entry(i - 1)
        // "since 9/11", "after 9/11": the day of the 2001 attacks, which the short form names.
        let attacks = a == 9 && b == 11 && !hasThird
        guard s.isKeyword(i - 1, .on) || previous.weekday != 0 || s.isKeyword(i - 1, .since) || s.isKeyword(i - 1, .until)
            || attacks && (s.isKeyword(i - 1, .after) || s.isKeyword(i - 1, .before)) else { return nil }
        spec.month = a
        spec.day = b
        if attacks { spec.year = 2001 }
        return dateCandidate(i, end, spec)
    }
}
