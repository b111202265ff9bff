import ChronicleCalendar
import ChronicleCore

/// Relative determiners in front of a unit, weekday, month, season or holiday.
enum Determiner: Sendable {
    case last, next, this, that, past, coming, previous, following, current, same, latest, the, thisPast, thisComing
}

/// A year reference that can qualify a month, season or quarter: "of 1994", "this year", "last year's".
enum YearReference: Sendable {
    case explicit(Int)
    case relative(Int)
}

extension Grammar {
    // MARK: Entry point

    /// A date expression, possibly with a point modifier ("early", "late", "mid-", "the end of").
    func date(at i: Int) -> Candidate? {
        if let (mod, j) = pointModifier(at: i) {
            if var c = dateCore(at: j) {
                c.first = i
                if c.modifier == nil { c.modifier = mod }
                return c
            }
            // "mid-afternoon", "late evening": a part of the day in focus.
            if let pod = s.entry(j).partOfDay, !s.entry(j).partOfDayPlural {
                var spec = DateSpec(granularity: .partOfDay)
                spec.partOfDay = pod
                spec.base = .reference
                var c = Candidate(i, j + 1, .time, .date(spec))
                c.modifier = mod
                return c
            }
        }
        return dateCore(at: i)
    }

    /// "early", "late", "mid-", "the beginning of", "the end of", "earlier this", "later today".
    func pointModifier(at i: Int) -> (TimeExpression.Modifier, Int)? {
        var j = i
        let hasThe = s.isKeyword(j, .the)
        if hasThe { j += 1 }
        let dash = s.isDash(j + 1) && s.glued(j + 1) && s.glued(j + 2) ? 1 : 0
        switch s.keyword(j) {
        case .early:
            return (.start, j + 1 + dash)
        case .late:
            return (.end, j + 1 + dash)
        case .mid:
            return (.mid, s.isDash(j + 1) && s.glued(j + 1) ? j + 2 : j + 1)
        case .beginning, .start, .outset:
            guard hasThe, s.isKeyword(j + 1, .of) else { return nil }
            return (.start, j + 2)
        case .end, .close:
            // "end-2015": the end of a year, written as one word.
            if !hasThe, s.keyword(j) == .end, s.isDash(j + 1), s.glued(j + 1), s.glued(j + 2), s.isNumber(j + 2), s.digitCount(j + 2) == 4 {
                return (.end, j + 2)
            }
            guard hasThe, s.isKeyword(j + 1, .of) else { return nil }
            return (.end, j + 2)
        case .middle:
            guard hasThe, s.isKeyword(j + 1, .of) else { return nil }
            return (.mid, j + 2)
        case .earlier, .later:
            guard !hasThe else { return nil }
            let mod: TimeExpression.Modifier = s.keyword(j) == .earlier ? .start : .end
            // "earlier this year", "later in the month", "earlier today", "later Friday"
            if s.isKeyword(j + 1, .in) && s.isKeyword(j + 2, .the) { return (mod, j + 2) }
            let next = s.entry(j + 1)
            if next.keyword == .this || next.keyword == .today || next.keyword == .yesterday || next.keyword == .tomorrow
                || next.keyword == .tonight || next.weekday != 0 || next.keyword == .that {
                return (mod, j + 1)
            }
            return nil
        default:
            // "post-1959", "pre-war" (the latter is no date): after or before a year or decade.
            if !hasThe, s.isText(j, "post") || s.isText(j, "pre"), s.isDash(j + 1), s.glued(j + 1), s.glued(j + 2),
               s.isNumber(j + 2) || s.isApostrophe(j + 2) {
                return (s.isText(j, "post") ? .after : .before, j + 2)
            }
            return nil
        }
    }

    /// A date without a leading point modifier.
    func dateCore(at i: Int) -> Candidate? {
        var best: Candidate?
        func consider(_ c: Candidate?) {
            guard let c else { return }
            if best == nil || c.end > best!.end { best = c }
        }
        let e = s.entry(i)
        if s.isNumber(i) || s.isApostrophe(i) {
            consider(numericDate(at: i))
            consider(dayMonthDate(at: i))
            consider(decadeOrCentury(at: i))
            consider(yearOnly(at: i))
        } else {
            if e.month != 0 || e.weekday != 0 { consider(namedDate(at: i)) }
            if e.keyword == .the || e.ordinal != 0 || e.cardinal >= 20 { consider(dayMonthDate(at: i)) }
            consider(relativeDate(at: i))
            consider(quarterOrHalf(at: i))
            consider(seasonDate(at: i))
            consider(holidayDate(at: i))
            if e.keyword == .the { consider(nthWeekdayOfMonth(at: i)) }
            consider(decadeOrCentury(at: i))
            if e.keyword == .fiscal || e.keyword == .calendar || e.keyword == .the || e.cardinal >= 11 { consider(yearOnly(at: i)) }
        }
        // "afternoon yesterday", "morning Oct. 13"
        if let pod = e.partOfDay, !e.partOfDayPlural, let day = dateCore(at: i + 1), day.kind == .date,
           case .date(var spec) = day.meaning, spec.granularity == .day {
            spec.partOfDay = pod
            spec.granularity = .partOfDay
            consider(Candidate(i, day.end, .time, .date(spec)))
        }
        guard var c = best else { return nil }
        // A part of the day after a day: "Friday night", "yesterday morning", "Oct. 13 evening".
        if case .date(var spec) = c.meaning, spec.granularity == .day, spec.clock == nil,
           let pod = s.entry(c.end).partOfDay, !s.entry(c.end).partOfDayPlural {
            // A named day with its part ("Friday night", "Oct. 13 evening") is a DATE in the TBAQ data
            // (21 of 25); "yesterday morning" stays a TIME like "this morning".
            let named = spec.weekday != nil || spec.month != nil || spec.holiday != nil
            spec.partOfDay = pod
            spec.granularity = .partOfDay
            c.meaning = .date(spec)
            c.kind = named ? .date : .time
            c.end += 1
        }
        // "Wednesday's ruling": a possessive weekday names a day the reader knows — the nearest one.
        if case .date(var spec) = c.meaning, spec.weekday != nil, spec.month == nil, spec.occurrence == .byTense,
           s.isApostrophe(c.end), s.glued(c.end), s.isKeyword(c.end + 1, .s) {
            spec.occurrence = .nearest
            c.meaning = .date(spec)
        }
        return c
    }

    private func dateCandidate(_ i: Int, _ end: Int, _ spec: DateSpec, kind: TimeExpression.Kind = .date) -> Candidate {
        Candidate(i, end, kind, .date(spec))
    }

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
            // "The Sunday Times", "Sunday Telegraph": a name; but not after a preposition or "said"
            // ("On Monday Peruvian President Alberto Fujimori ...", "said Monday Brad Drewett ...").
            let p = i - 1
            let timeWordBefore = s.isKeyword(p, .on) || s.isKeyword(p, .since) || s.isKeyword(p, .until) || s.isKeyword(p, .by)
                || s.isKeyword(p, .before) || s.isKeyword(p, .after) || s.isText(p, "said") || s.isText(p, "says")
            if followedByName(j) && !timeWordBefore { return nil }
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
           !(s.isPunct(end, UInt8(ascii: "/")) || (s.isDash(end) && s.glued(end) && s.isNumber(end + 1))) {
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
        if s.entry(i).isAbbreviation && !s.isNumber(j) { return nil }
        var c = dateCandidate(i, j, spec)
        if m == 5 { c.check = ReadingCheck(token: i, rule: .notModal) }
        if m == 3 { c.check = ReadingCheck(token: i, rule: .notVerb) }
        return c
    }

    /// Whether token `j` starts a capitalised name that is no time word ("Carter" in "June Carter",
    /// "Times" in "Sunday Times", "Island" in "Easter Island").
    func followedByName(_ j: Int) -> Bool {
        guard s.isWord(j), s.isCapitalized(j), !s.glued(j) || s.isDash(j - 1) == false && s.isWord(j - 1) == false else { return false }
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
        guard let (m, afterMonth) = month(at: k), !s.glued(k) else { return nil }
        var spec = DateSpec(granularity: .day)
        spec.day = d
        spec.month = m
        var end = afterMonth
        if s.isPunct(end, UInt8(ascii: ",")), let (y, e2) = year(at: end + 1, context: true) {
            spec.year = y
            end = e2
        } else if let (y, e2) = year(at: end, context: true) {
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
        if isDash && s.digitCount(i) == 4 && s.digitCount(sep1 + 1) == 2 && (1...12).contains(b) && (1000...2999).contains(a) {
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

    /// A year on its own: "1998", "fiscal 1989", "the year 2000", "nineteen ninety-six".
    func yearOnly(at i: Int) -> Candidate? {
        // "FY2016", "FY16": a fiscal year written as one word (written as its plain year, as "fiscal 2016" is).
        if s.isText(i, "fy"), s.isAllCaps(i), let n = s.number(i + 1), s.glued(i + 1), !(s.glued(i + 2) && (s.isWord(i + 2) || s.isNumber(i + 2))) {
            var spec = DateSpec(granularity: .year)
            switch s.digitCount(i + 1) {
            case 4: spec.year = n
            case 2: spec.year = n < 50 ? 2000 + n : 1900 + n
            default: return nil
            }
            return dateCandidate(i, i + 2, spec)
        }
        var j = i
        var context = false
        if s.isKeyword(j, .fiscal) || s.isKeyword(j, .calendar) {
            j += 1
            if s.entry(j).unit == .year { j += 1 }
            context = true
        } else if s.isKeyword(j, .the), s.entry(j + 1).unit == .year, !s.entry(j + 1).unitPlural {
            j += 2
            context = true
        }
        guard let (y, end) = year(at: j, context: context) else { return nil }
        // Bare four-digit numbers: only plausible years, and not amounts ("2000 people") or codes.
        if !context, s.isNumber(j) {
            guard (1800...2099).contains(y) || yearPreposition(before: j) else { return nil }
            if quantityNoun(after: end) || s.isText(j - 1, "no") || s.isText(j - 1, "number") || s.isText(j - 1, "version")
                || s.isText(j - 1, "flight") || s.isText(j - 1, "route") || s.isText(j - 1, "room") || s.isText(j - 1, "model")
                || s.isText(j - 1, "chapter") || s.isText(j - 1, "page") || s.isText(j - 1, "suite") || s.isText(j - 1, "highway") {
                return nil
            }
            // Part of an address or a numeric range of amounts: "1600 Pennsylvania Avenue", "2,000-3,000".
            if s.isCapitalized(end) && !sentenceStartsAt(end) && !yearPreposition(before: j) && (s.isText(end + 1, "avenue") || s.isText(end + 1, "street") || s.isText(end + 1, "st") || s.isText(end + 1, "road") || s.isText(end + 1, "boulevard") || s.isText(end + 1, "ave")) {
                return nil
            }
            if s.isDash(j - 1) && s.glued(j) && s.isNumber(j - 2) && s.digitCount(j - 2) != 4 { return nil }
            // "Orion 1980", "Expo 2015": part of a name.
            if s.isWord(j - 1), s.isCapitalized(j - 1), !s.hasEntry(j - 1), !sentenceStartsAt(j - 1), !yearPreposition(before: j) { return nil }
        }

        var spec = DateSpec(granularity: .year)
        spec.year = y
        return dateCandidate(i, end, spec)
    }

    private func yearPreposition(before j: Int) -> Bool {
        switch s.keyword(j - 1) {
        case .in, .since, .until, .til, .by, .of, .from, .to, .through, .before, .after, .early, .late, .mid:
            return true
        default:
            return s.isText(j - 1, "during") || s.isText(j - 1, "throughout") || s.isText(j - 1, "between") || s.isText(j - 1, "circa")
        }
    }

    /// A plural noun of things counted, after a number: "2000 people", "1999 shares".
    private func quantityNoun(after i: Int) -> Bool {
        guard s.isWord(i), !s.isCapitalized(i) else {
            return s.isPunct(i, UInt8(ascii: "%"))
        }
        if s.hasEntry(i) {
            let k = s.keyword(i)
            return k == .times || k == .more || k == .less
        }
        for word: StaticString in ["percent", "people", "shares", "dollars", "votes", "troops", "jobs", "workers", "students",
                                   "members", "cases", "deaths", "units", "cars", "homes", "feet", "miles", "meters", "tons",
                                   "pounds", "barrels", "acres", "points", "residents", "employees", "seats", "copies",
                                   "patients", "children", "soldiers", "refugees", "passengers", "officers", "kilometers",
                                   "stores", "locations", "calories", "words", "pages"] where s.isText(i, word) {
            return true
        }
        return false
    }

    /// "1990s", "the 1990s", "the '90s", "the nineties", "the 20th century", "the twentieth century", "the 1900s".
    func decadeOrCentury(at i: Int) -> Candidate? {
        var j = i
        if s.isKeyword(j, .the) { j += 1 }
        var spec = DateSpec(granularity: .decade)
        // 1990s, 1990's
        if let n = s.number(j), s.digitCount(j) == 4, (1000...2999).contains(n), n % 10 == 0 {
            var end = j + 1
            if s.isApostrophe(end) && s.glued(end) { end += 1 }
            guard s.glued(end), s.isKeyword(end, .s) else { return nil }
            if n % 100 == 0 && n % 1000 != 0 {
                // "the 1900s": the century; "the 2000s" is mostly the decade.
                spec.century = n / 100
                spec.granularity = .century
            } else {
                spec.decade = n / 10
            }
            return dateCandidate(i, end + 1, spec)
        }
        // '90s, 90s
        if s.isApostrophe(j), let n = s.number(j + 1), s.glued(j + 1), s.digitCount(j + 1) == 2, n % 10 == 0,
           s.glued(j + 2), s.isKeyword(j + 2, .s) {
            spec.decadeDigit = n / 10
            return dateCandidate(i, j + 3, spec)
        }
        if j > i || s.isKeyword(i - 1, .in) || s.isKeyword(i - 1, .early) || s.isKeyword(i - 1, .late) || s.isDash(i - 1) {
            if let n = s.number(j), s.digitCount(j) == 2, n % 10 == 0, s.glued(j + 1), s.isKeyword(j + 1, .s), !s.glued(j) {
                spec.decadeDigit = n / 10
                return dateCandidate(i, j + 2, spec)
            }
        }
        // the nineties
        let e = s.entry(j)
        if e.decade != 0, j > i || s.isKeyword(i - 1, .in) || s.isKeyword(i - 1, .early) || s.isKeyword(i - 1, .late) || s.isDash(i - 1) {
            spec.decadeDigit = Int(e.decade)
            return dateCandidate(i, j + 1, spec)
        }
        // the 20th century, the twentieth century, the 21st century
        var ordinal = 0
        var k = j
        if let n = s.number(k), s.glued(k + 1), [.st, .nd, .rd, .th].contains(s.keyword(k + 1)) {
            ordinal = n
            k += 2
        } else if s.entry(k).ordinal > 0 {
            ordinal = Int(s.entry(k).ordinal)
            k += 1
        } else if s.entry(k).cardinal == 20, s.isDash(k + 1), s.entry(k + 2).ordinal > 0 {
            ordinal = 20 + Int(s.entry(k + 2).ordinal)
            k += 3
        }
        if ordinal > 0, s.entry(k).unit == .century, !s.entry(k).unitPlural {
            spec.century = ordinal - 1
            spec.granularity = .century
            return dateCandidate(i, k + 1, spec)
        }
        return nil
    }

    // MARK: Relative dates

    /// Determiners: "last", "next", "this", "that", "the past", "the coming", "this past", "the following", ...
    func determiner(at i: Int) -> (Determiner, Int)? {
        switch s.keyword(i) {
        case .the:
            switch s.keyword(i + 1) {
            case .past: return (.past, i + 2)
            case .last: return (.last, i + 2)
            case .next: return (.next, i + 2)
            case .coming, .upcoming: return (.coming, i + 2)
            case .previous, .prior, .preceding: return (.previous, i + 2)
            case .following, .ensuing, .subsequent: return (.following, i + 2)
            case .same: return (.same, i + 2)
            case .current: return (.current, i + 2)
            case .latest: return (.latest, i + 2)
            case .most:
                return s.isKeyword(i + 2, .recent) ? (.latest, i + 3) : nil
            default: return (.the, i + 1)
            }
        case .this:
            if s.isKeyword(i + 1, .past) { return (.thisPast, i + 2) }
            if s.isKeyword(i + 1, .coming) || s.isKeyword(i + 1, .upcoming) { return (.thisComing, i + 2) }
            return (.this, i + 1)
        case .last:
            // "expected to last", "will last": the verb.
            if s.isText(i - 1, "to") || s.isText(i - 1, "will") || s.isText(i - 1, "would") || s.isText(i - 1, "could")
                || s.isText(i - 1, "may") || s.isText(i - 1, "might") || s.isText(i - 1, "should") || s.isText(i - 1, "can") || s.isText(i - 1, "must") {
                return nil
            }
            return (.last, i + 1)
        case .past: return (.past, i + 1)
        case .next: return (.next, i + 1)
        case .coming, .upcoming: return (.coming, i + 1)
        case .that: return (.that, i + 1)
        case .previous, .prior, .preceding: return (.previous, i + 1)
        case .following: return (.following, i + 1)
        case .current: return (.current, i + 1)
        case .latest: return (.latest, i + 1)
        default: return nil
        }
    }

    /// "today", "yesterday", "last week", "next month", "this year", "that day", "the following week",
    /// "last Friday", "this March", "the day before yesterday", "year-end".
    func relativeDate(at i: Int) -> Candidate? {
        let k = s.keyword(i)
        switch k {
        case .today, .yesterday, .tomorrow:
            var spec = DateSpec(granularity: .day)
            spec.shift = Shift(unit: .day, amount: k == .today ? 0 : k == .yesterday ? -1 : 1)
            // "today" as a generic present ("the world today") is rare in news; treat as the day. But "today's
            // youth", "today's world" mean nowadays, and the data leaves them out (4 of 4; "today's editions" is tagged).
            if k == .today, s.isApostrophe(i + 1), s.isKeyword(i + 2, .s), genericNounAfterToday(i + 3) { return nil }
            return dateCandidate(i, i + 1, spec)
        case .tonight:
            var spec = DateSpec(granularity: .partOfDay)
            spec.shift = Shift(unit: .day, amount: 0)
            spec.partOfDay = .night
            return dateCandidate(i, i + 1, spec, kind: .time)
        case .overnight:
            // "overnight" as a time: only as an adverb of time, not "overnight rates".
            guard s.tokens.indices.contains(i + 1), s.tokens[i + 1].kind == .punctuation || s.isKeyword(i + 1, .and) else { return nil }
            var spec = DateSpec(granularity: .partOfDay)
            spec.shift = Shift(unit: .day, amount: 0)
            spec.partOfDay = .night
            return dateCandidate(i, i + 1, spec, kind: .time)
        case .year_end:
            // "yearend": the last day of the year, like "year-end".
            var spec = DateSpec(granularity: .day)
            spec.holiday = .fixed(month: 12, day: 31)
            return dateCandidate(i, i + 1, spec)
        case .midweek, .midmonth, .midyear:
            var spec = DateSpec(granularity: k == .midweek ? .week : k == .midmonth ? .month : .year)
            spec.shift = Shift(unit: k == .midweek ? .week : k == .midmonth ? .month : .year, amount: 0)
            var c = dateCandidate(i, i + 1, spec)
            c.modifier = .mid
            return c
        default:
            break
        }
        // "year-end", "year end", "year-earlier", "year-ago"
        if s.entry(i).unit == .year, !s.entry(i).unitPlural {
            var j = i + 1
            let dashed = s.isDash(j) && s.glued(j)
            if dashed { j += 1 }
            if s.isKeyword(j, .end) && dashed {
                // "year-end": the last day of the year (past tense or "since": the one before).
                var spec = DateSpec(granularity: .day)
                spec.holiday = .fixed(month: 12, day: 31)
                return dateCandidate(i, j + 1, spec)
            }
            if s.isKeyword(j, .end) && !s.isKeyword(i - 1, .the) {
                var spec = DateSpec(granularity: .year)
                spec.shift = Shift(unit: .year, amount: 0)
                var c = dateCandidate(i, j + 1, spec)
                c.modifier = .end
                return c
            }
            if dashed && (s.isKeyword(j, .earlier) || s.isKeyword(j, .ago)) {
                var spec = DateSpec(granularity: .year)
                spec.shift = Shift(unit: .year, amount: -1)
                spec.inheritsGranularity = true
                return dateCandidate(i, j + 1, spec)
            }
        }
        // "the full year", "the whole year": the current one; "year's end".
        if s.isKeyword(i, .the), s.isKeyword(i + 1, .full) || s.isKeyword(i + 1, .whole) || s.isKeyword(i + 1, .entire),
           s.entry(i + 2).unit == .year, !s.entry(i + 2).unitPlural, !s.isText(i - 1, "for") || true {
            var spec = DateSpec(granularity: .year)
            spec.shift = Shift(unit: .year, amount: 0)
            return dateCandidate(i, i + 3, spec)
        }
        if s.entry(i).unit == .year, !s.entry(i).unitPlural, s.isApostrophe(i + 1), s.isKeyword(i + 2, .s), s.isKeyword(i + 3, .end) {
            var spec = DateSpec(granularity: .year)
            spec.shift = Shift(unit: .year, amount: 0)
            var c = dateCandidate(i, i + 4, spec)
            c.modifier = .end
            return c
        }
        // "the week of March 6", "the week of Oct. 12, 2015"
        if s.isKeyword(i, .the), s.entry(i + 1).unit == .week, !s.entry(i + 1).unitPlural, s.isKeyword(i + 2, .of),
           let day = dateCore(at: i + 3), case .date(var spec) = day.meaning, spec.granularity == .day {
            spec.asWeek = true
            return dateCandidate(i, day.end, spec)
        }
        // "the day before Tuesday", "day before last Tuesday", "the day after Christmas"
        let dayWord = s.isKeyword(i, .the) ? i + 1 : i
        if s.entry(dayWord).unit == .day, !s.entry(dayWord).unitPlural, s.isKeyword(dayWord + 1, .before) || s.isKeyword(dayWord + 1, .after),
           !s.isKeyword(dayWord + 2, .yesterday), !s.isKeyword(dayWord + 2, .tomorrow),
           let day = dateCore(at: dayWord + 2), case .date(var spec) = day.meaning, spec.granularity == Granularity.day, spec.clock == nil {
            spec.offsetDays += s.isKeyword(dayWord + 1, .before) ? -1 : 1
            return dateCandidate(i, day.end, spec)
        }
        // "the day before yesterday", "the day after tomorrow"
        if s.isKeyword(i, .the), s.entry(i + 1).unit == .day, !s.entry(i + 1).unitPlural {
            if s.isKeyword(i + 2, .before), s.isKeyword(i + 3, .yesterday) {
                var spec = DateSpec(granularity: .day)
                spec.shift = Shift(unit: .day, amount: -2)
                return dateCandidate(i, i + 4, spec)
            }
            if s.isKeyword(i + 2, .after), s.isKeyword(i + 3, .tomorrow) {
                var spec = DateSpec(granularity: .day)
                spec.shift = Shift(unit: .day, amount: 2)
                return dateCandidate(i, i + 4, spec)
            }
        }
        guard let (det, afterDeterminer) = determiner(at: i) else { return nil }
        var j = afterDeterminer
        // "the current fiscal year", "next fiscal year"
        if s.isKeyword(j, .fiscal) || s.isKeyword(j, .calendar) || s.isKeyword(j, .financial), s.entry(j + 1).unit == .year { j += 1 }
        let e = s.entry(j)
        // Unit: "last week", "the following day", "that year", "this weekend" — not a title ("ABC's \"This Week\"").
        if let u = e.unit, !e.unitPlural, !e.isAbbreviation, !(s.isCapitalized(j) && s.isCapitalized(i) && !sentenceStartsAt(i)) {
            return relativeUnit(i, j + 1, det, u)
        }
        if e.keyword == .weekend {
            guard !s.isText(j, "weekends") else { return nil }
            // "the last weekend of the season" is a part of the season, not the weekend before this one.
            if s.isKeyword(i, .the) || s.isKeyword(i - 1, .the), det == .last || det == .next || det == .past, s.isKeyword(j + 1, .of) { return nil }
            var spec = DateSpec(granularity: .weekend)
            spec.isWeekend = true
            switch det {
            case .last, .past, .thisPast: spec.shift = Shift(unit: .week, amount: -1)
            case .next, .coming, .thisComing: spec.shift = Shift(unit: .week, amount: 1)
            case .this, .current: spec.shift = Shift(unit: .week, amount: 0)
            case .that, .same: spec.shift = Shift(unit: .week, amount: 0); spec.base = .reference
            case .previous: spec.shift = Shift(unit: .week, amount: -1); spec.base = .reference
            case .following: spec.shift = Shift(unit: .week, amount: 1); spec.base = .reference
            case .the, .latest: spec.occurrence = .byTense
            }
            return dateCandidate(i, j + 1, spec)
        }
        // Weekday: "last Friday", "next Monday", "this Tuesday", "the following Friday"
        if let (wd, plural, end) = weekday(at: j), !plural {
            var spec = DateSpec(granularity: .day)
            spec.weekday = wd
            switch det {
            case .last, .past, .thisPast: spec.occurrence = .last
            case .next, .coming, .thisComing: spec.occurrence = .next
            case .this, .current: spec.occurrence = .this
            case .previous: spec.occurrence = .last; spec.base = .reference
            case .following: spec.occurrence = .next; spec.base = .reference
            case .that, .same: spec.occurrence = .byTense; spec.base = .reference
            case .the, .latest: return nil
            }
            return dateCandidate(i, end, spec)
        }
        // Month: "last March", "this October", "next May"
        if e.month != 0, !e.isAbbreviation, det != .the, s.isCapitalized(j) || (e.month != 3 && e.month != 5 && e.month != 8) {
            var spec = DateSpec(granularity: .month)
            spec.month = Int(e.month)
            switch det {
            case .last, .past, .thisPast, .previous: spec.occurrence = .last
            case .next, .coming, .thisComing, .following: spec.occurrence = .next
            case .this, .current, .that, .same, .latest, .the: spec.occurrence = .this
            }
            if det == .previous || det == .following || det == .that { spec.base = .reference }
            return dateCandidate(i, j + 1, spec)
        }
        // Part of day: "this morning", "last night", "that evening", "the morning" — but not "the night of Oct. 23"
        // (the date is the expression) nor "the night the plane fell" (a clause follows).
        if let pod = e.partOfDay, !e.partOfDayPlural,
           det != .the || s.tokens.indices.contains(j + 1) == false || s.tokens[j + 1].kind == .punctuation {
            var spec = DateSpec(granularity: .partOfDay)
            spec.partOfDay = pod
            switch det {
            case .this, .current: spec.shift = Shift(unit: .day, amount: 0)
            case .last, .past, .thisPast:
                // "last night" is the night before; "last morning" is not idiomatic.
                spec.shift = Shift(unit: .day, amount: pod == .night || pod == .evening ? -1 : 0)
                if pod != .night && pod != .evening { return nil }
            case .next, .coming, .thisComing:
                spec.shift = Shift(unit: .day, amount: 1)
                // "the next morning", like "the next day": the morning after the day in focus.
                if det == .next && s.isKeyword(i, .the) { spec.base = .reference }
            case .that, .same, .the: spec.shift = Shift(unit: .day, amount: 0); spec.base = .reference
            case .previous: spec.shift = Shift(unit: .day, amount: -1); spec.base = .reference
            case .following: spec.shift = Shift(unit: .day, amount: 1); spec.base = .reference
            case .latest: return nil
            }
            return dateCandidate(i, j + 1, spec, kind: .time)
        }
        return nil
    }

    /// Whether a comparison ("compared with", "from", "than", "versus") comes shortly before token `i`.
    func comparison(before i: Int) -> Bool {
        var k = i - 1
        while k >= max(0, i - 8) {
            if s.isText(k, "compared") || s.isText(k, "than") || s.isText(k, "versus") || s.isText(k, "vs") || s.isKeyword(k, .from) {
                return true
            }
            if s.isPunct(k, UInt8(ascii: ".")) || s.isPunct(k, UInt8(ascii: ";")) { return false }
            k -= 1
        }
        return false
    }

    private func relativeUnit(_ i: Int, _ end: Int, _ det: Determiner, _ unit: TimeUnit) -> Candidate? {
        var spec = DateSpec(granularity: Granularity(unit))
        guard unit != .second, unit != .minute, unit != .hour, unit != .fortnight, unit != .millennium else { return nil }
        let hasThe = s.isKeyword(i, .the)
        // "the last week of October" is a part of October, not a week relative to now.
        if hasThe, det == .last || det == .next || det == .past, s.isKeyword(end, .of) { return nil }
        switch det {
        case .last where hasThe, .past:
            // "the past year", "the last decade", "past week": the stretch of time just gone, a duration.
            return Candidate(i, end, .duration, .duration(DurationSpec(1, unit)))
        case .next where hasThe && (unit == .decade || unit == .century):
            // "over the next decade": the stretch of time to come, a duration, as "the past decade" is.
            return Candidate(i, end, .duration, .duration(DurationSpec(1, unit)))
        case .next where hasThe:
            // "the next day", "the next week": the one after the time in focus.
            spec.shift = Shift(unit: unit, amount: 1)
            spec.base = .reference
        case .last, .thisPast:
            spec.shift = Shift(unit: unit, amount: -1)
            // "compared with a loss of $3 million last year": the same period a year before.
            if unit == .year, comparison(before: i) || (s.isApostrophe(end) && s.isKeyword(end + 1, .s) && (s.isPunct(end + 2, UInt8(ascii: "$")) || s.isNumber(end + 2))) {
                spec.inheritsGranularity = true
            }
        case .next, .coming, .thisComing:
            spec.shift = Shift(unit: unit, amount: 1)
        case .this, .current:
            spec.shift = Shift(unit: unit, amount: 0)
        case .that, .same:
            spec.shift = Shift(unit: unit, amount: 0)
            spec.base = .reference
        case .previous:
            spec.shift = Shift(unit: unit, amount: -1)
            spec.base = .reference
        case .following:
            spec.shift = Shift(unit: unit, amount: 1)
            spec.base = .reference
        case .latest:
            guard unit == .quarter || unit == .year || unit == .month || unit == .week else { return nil }
            spec.latestFinished = true
            spec.isLatest = true
        case .the:
            // "the day", "the week", "the year", "the quarter": the period in focus.
            switch unit {
            case .quarter:
                // "the quarter" is a reporting period: see `quarterOrHalf`.
                return nil
            case .day:
                // "the day before", "the day after" on their own: the day around the one in focus.
                if (s.isKeyword(end, .before) || s.isKeyword(end, .after)), !s.isWord(end + 1) || s.hasEntry(end + 1) && s.entry(end + 1).keyword != .the && !s.isCapitalized(end + 1) && s.entry(end + 1).weekday == 0 && s.entry(end + 1).month == 0 {
                    spec.shift = Shift(unit: .day, amount: s.isKeyword(end, .before) ? -1 : 1)
                    spec.base = .reference
                    return dateCandidate(i, end + 1, spec)
                }
                // "the day" alone is rarely annotated ("during the day", "later in the day", "the day after his death").
                return nil
            case .decade, .century:
                // "the end of the decade"
                guard s.isKeyword(i - 1, .of) else { return nil }
                spec.shift = Shift(unit: unit, amount: 0)
            case .week, .month, .year:
                // "the week before last", "the year after next": two steps from the present one.
                if s.isKeyword(end, .before) && s.isKeyword(end + 1, .last) || s.isKeyword(end, .after) && s.isKeyword(end + 1, .next),
                   !s.isWord(end + 2) || s.entry(end + 2).unit == nil && s.entry(end + 2).weekday == 0 && s.entry(end + 2).month == 0 {
                    spec.shift = Shift(unit: unit, amount: s.isKeyword(end, .before) ? -2 : 2)
                    return dateCandidate(i, end + 2, spec)
                }
                // "the week before", "the month after": a relation, not a date.
                if s.isKeyword(end, .before) || s.isKeyword(end, .after) || s.isKeyword(end, .earlier) || s.isKeyword(end, .later) {
                    return nil
                }
                // "the year" inside "of the year", "for the year"; "the day" after "on" / "during".
                let prev = s.keyword(i - 1)
                guard prev == .of || prev == .on || prev == .in || s.isText(i - 1, "during") || s.isText(i - 1, "for") || prev == .by || prev == .until || prev == .through else {
                    return nil
                }
                // "the year ended March 31", "the year ending June 30": a twelve-month reporting period.
                if s.isText(end, "ended") || s.isText(end, "ending") {
                    return Candidate(i, end, .duration, .duration(DurationSpec(1, unit)))
                }
                spec.shift = Shift(unit: unit, amount: 0)
                // "the day" follows the narrative; "the week", "the month", "the year" are the current ones.
                spec.base = unit == .day ? .reference : .creationTime
            default:
                return nil
            }
        }
        return dateCandidate(i, end, spec)
    }

    // MARK: Quarters and halves

    /// "the third quarter", "third-quarter", "the fourth quarter of 1984", "this year's third quarter",
    /// "the fiscal first quarter", "the first half of 1990", "Q3", "the quarter", "the latest quarter",
    /// "the year-ago quarter", "the 1988 period", "the corresponding period last year".
    func quarterOrHalf(at i: Int) -> Candidate? {
        var j = i
        var spec = DateSpec(granularity: .quarter)
        var yearRef: YearReference?
        var yearAgo = false
        var qualified = false   // a word that makes "period" mean a reporting period
        var latest = false
        var hasDeterminer = false
        var progressed = true
        while progressed && j < s.count {
            progressed = false
            if s.isKeyword(j, .the) || s.isText(j, "its") || s.isText(j, "their") || s.isKeyword(j, .a) || s.isKeyword(j, .this) && s.entry(j + 1).unit == .quarter {
                hasDeterminer = true
                j += 1
                progressed = true
            }
            if s.isKeyword(j, .fiscal) || s.isKeyword(j, .calendar) || s.isText(j, "comparable") || s.isText(j, "corresponding") || s.isKeyword(j, .same) || s.isText(j, "flat") {
                if !s.isKeyword(j, .fiscal) && !s.isKeyword(j, .calendar) && !s.isText(j, "flat") { qualified = true }
                j += 1
                if s.isDash(j), s.glued(j) { j += 1 }
                progressed = true
            }
            if s.isKeyword(j, .latest) || (s.isKeyword(j, .most) && s.isKeyword(j + 1, .recent)) {
                latest = true
                qualified = true
                j += s.isKeyword(j, .latest) ? 1 : 2
                progressed = true
            }
            if let (ref, e) = yearPossessive(at: j) {
                yearRef = ref
                qualified = true
                j = e
                progressed = true
            }
            if s.isNumber(j), s.digitCount(j) == 4, let (y, e) = year(at: j, context: false), hasDeterminer,
               s.entry(e).ordinal != 0 || s.entry(e).unit == .quarter || s.isKeyword(e, .fiscal) || s.isKeyword(e, .period) {
                // "the 1988 third quarter", "the 1988 period"
                yearRef = .explicit(y)
                qualified = true
                j = e
                progressed = true
            }
            if s.entry(j).unit == .year, !s.entry(j).unitPlural, s.isDash(j + 1), s.glued(j + 1),
               s.isKeyword(j + 2, .earlier) || s.isKeyword(j + 2, .ago) {
                yearAgo = true
                qualified = true
                j += 3
                progressed = true
            }
        }
        // Q3, Q3 2015; H1, H2 2016 (a half year: not "H1N1", "H2O", "H1-B")
        let isQuarter = s.isKeyword(j, .q), isHalfLetter = s.isKeyword(j, .h)
        if isQuarter || isHalfLetter, s.isCapitalized(j), let n = s.number(j + 1), s.glued(j + 1), (1...(isQuarter ? 4 : 2)).contains(n),
           !(s.glued(j + 2) && (s.isWord(j + 2) || isHalfLetter && (s.isDash(j + 2) || s.isNumber(j + 2)))) {
            var period = DateSpec(granularity: isQuarter ? .quarter : .half)
            if isQuarter { period.quarter = n } else { period.half = n }
            var end = j + 2
            if let (y, e) = year(at: end, context: true) { yearRef = .explicit(y); end = e }
            if let ref = yearRef { apply(ref, to: &period) }
            return dateCandidate(i, end, period)
        }
        // "fiscal second-quarter": the adjective keeps its "fiscal".
        let ordinalStart = j > i && (s.isKeyword(j - 1, .fiscal) || s.isKeyword(j - 1, .calendar)) ? j - 1 : j
        var ordinal = 0
        if s.entry(j).ordinal > 0 {
            ordinal = Int(s.entry(j).ordinal)
            j += 1
        } else if let n = s.number(j), (1...4).contains(n), s.glued(j + 1), [.st, .nd, .rd, .th].contains(s.keyword(j + 1)) {
            ordinal = n
            j += 2
        } else if s.isKeyword(j, .final) || (s.isKeyword(j, .last) && j > i && s.entry(j + 1).keyword == .half) {
            ordinal = -1
            j += 1
        } else if !latest, !yearAgo, yearRef == nil, let (det, e) = determiner(at: j), det != .the {
            // "last quarter", "this quarter", "the current quarter"
            guard s.entry(e).unit == .quarter, !s.entry(e).unitPlural else { return nil }
            return relativeUnit(i, e + 1, det, .quarter)
        }
        let hyphenated = ordinal != 0 && s.isDash(j) && s.glued(j)
        if hyphenated { j += 1 }
        if s.isKeyword(j, .fiscal) { j += 1 }
        let unitEntry = s.entry(j)
        let isHalf = unitEntry.keyword == .half
        let isPeriod = unitEntry.keyword == .period && ordinal == 0
        guard unitEntry.unit == .quarter || isHalf || isPeriod, !unitEntry.unitPlural else { return nil }
        if isPeriod && !qualified { return nil }
        var end = j + 1
        // "quarter-to-quarter", "a quarter of"
        if s.isDash(end) && s.glued(end) || (s.isKeyword(i, .a) && ordinal == 0) { return nil }
        // "the last half of the '80s", "the first half of the century": a part of a decade or century.
        if isHalf, s.isKeyword(end, .of), year(at: end + 1, context: true) == nil, let period = decadeOrCentury(at: end + 1) {
            var c = period
            c.first = i
            c.modifier = ordinal == 1 ? .start : .end
            return c
        }
        // A hyphenated adjective ("a third-quarter loss") stands without its article.
        let first = hyphenated ? ordinalStart : i
        if isHalf {
            guard ordinal == 1 || ordinal == 2 || ordinal == -1 else { return nil }
            spec.granularity = .half
            spec.half = ordinal == -1 ? 2 : ordinal
        } else if ordinal == 0 {
            // "the quarter", "the latest quarter", "the year-ago quarter", "the 1988 period"
            guard j > i, hasDeterminer || qualified else { return nil }
            spec.latestFinished = true
            spec.base = .reference
            spec.vaguePeriod = isPeriod
            spec.isLatest = latest
            // "the 1988 period": the year, as the data mostly writes it.
            if isPeriod, case .explicit(let y)? = yearRef {
                var year = DateSpec(granularity: .year)
                year.year = y
                return dateCandidate(first, end, year)
            }
        } else {
            guard (1...4).contains(ordinal) || ordinal == -1 else { return nil }
            spec.quarter = ordinal == -1 ? 4 : ordinal
        }
        // "of 1984", "of this year", "of the year", "1984", "last year", "a year ago"
        if s.isKeyword(end, .of) || s.isPunct(end, UInt8(ascii: ",")) {
            if let (y, e) = year(at: end + 1, context: true) {
                yearRef = .explicit(y)
                end = e
            } else if let (ref, e) = yearSuffix(at: end + 1) {
                yearRef = ref
                end = e
            } else if s.isKeyword(end, .of), s.isKeyword(end + 1, .the), s.entry(end + 2).unit == .year, !s.entry(end + 2).unitPlural {
                end += 3
            }
        } else if let (y, e) = year(at: end, context: true) {
            yearRef = .explicit(y)
            end = e
        } else if let (ref, e) = yearSuffix(at: end) {
            yearRef = ref
            end = e
        } else if s.isKeyword(end, .a), s.entry(end + 1).unit == .year, !s.entry(end + 1).unitPlural, s.isKeyword(end + 2, .ago) || s.isKeyword(end + 2, .earlier) {
            yearAgo = true
            end += 3
        }
        // "the quarter ended Sept. 30", "the quarter that ended June 30, 1989": dated by its last day.
        var k = end
        if s.isText(k, "that") || s.isText(k, "which") { k += 1 }
        if s.isText(k, "ended") || s.isText(k, "ending") || s.isText(k, "ends"), let day = monthLed(at: k + 1, weekday: nil),
           case .date(let daySpec) = day.meaning, let m = daySpec.month, let d = daySpec.day, !yearAgo, spec.granularity == .quarter {
            spec.endsOn = (m, d, daySpec.year)
        }
        if yearAgo {
            spec.shift = Shift(unit: .year, amount: -1)
            spec.occurrence = .this
        }
        if let ref = yearRef {
            if spec.latestFinished, case .relative(let k) = ref {
                spec.shift = Shift(unit: .year, amount: k)
            } else {
                apply(ref, to: &spec)
            }
        }
        return dateCandidate(first, end, spec)
    }

    /// "this year's", "last year's", "next year's", "1989's".
    func yearPossessive(at i: Int) -> (YearReference, Int)? {
        var ref: YearReference?
        var j = i
        if let (y, e) = year(at: j, context: true), s.isNumber(j) {
            ref = .explicit(y)
            j = e
        } else if let (det, e) = determiner(at: j), s.entry(e).unit == .year, !s.entry(e).unitPlural {
            switch det {
            case .this, .current: ref = .relative(0)
            case .last, .past, .previous: ref = .relative(-1)
            case .next, .coming, .following: ref = .relative(1)
            default: return nil
            }
            j = e + 1
        }
        guard let ref, s.isApostrophe(j), s.glued(j), s.isKeyword(j + 1, .s), s.glued(j + 1) else { return nil }
        return (ref, j + 2)
    }

    /// After a month, season or quarter: "this year", "last year", "next year", "of last year".
    func yearSuffix(at i: Int) -> (YearReference, Int)? {
        var j = i
        if s.isKeyword(j, .of) { j += 1 }
        guard let (det, e) = determiner(at: j), s.entry(e).unit == .year, !s.entry(e).unitPlural else { return nil }
        switch det {
        case .this, .current: return (.relative(0), e + 1)
        case .last, .past: return (.relative(-1), e + 1)
        case .next, .coming: return (.relative(1), e + 1)
        case .that, .same: return j > i ? nil : nil
        default: return nil
        }
    }

    func apply(_ ref: YearReference, to spec: inout DateSpec) {
        switch ref {
        case .explicit(let y): spec.year = y
        case .relative(let k):
            if spec.shift == nil {
                spec.shift = Shift(unit: .year, amount: k)
                spec.occurrence = .this
            }
        }
    }

    // MARK: Seasons

    /// "this summer", "last fall", "the winter of 1994", "summer 2015", "in spring".
    func seasonDate(at i: Int) -> Candidate? {
        var j = i
        var det: Determiner?
        if let (d, e) = determiner(at: j) {
            det = d
            j = e
        }
        let e = s.entry(j)
        guard let season = e.season, !e.unitPlural else { return nil }
        var spec = DateSpec(granularity: .season)
        spec.season = season
        var end = j + 1
        // "the winter of 1994", "summer 2015", "the summer of last year"
        if s.isKeyword(end, .of), let (y, e2) = year(at: end + 1, context: true) {
            spec.year = y
            end = e2
        } else if let (y, e2) = year(at: end, context: true), s.isNumber(end) {
            spec.year = y
            end = e2
        } else if let (ref, e2) = yearSuffix(at: end) {
            apply(ref, to: &spec)
            end = e2
        } else if s.isKeyword(end, .of) && (det == .the || det == nil) {
            // "the fall of Rome", "the spring of hope": not a season.
            return nil
        }
        if spec.year == nil && spec.shift == nil {
            switch det {
            case .last?, .past?, .thisPast?: spec.occurrence = .last
            case .next?, .coming?, .thisComing?: spec.occurrence = .next
            case .this?, .current?: spec.occurrence = .this
            case .previous?: spec.occurrence = .last; spec.base = .reference
            case .following?: spec.occurrence = .next; spec.base = .reference
            case .that?, .same?: spec.occurrence = .this; spec.base = .reference
            case .the?, .latest?, nil:
                // Bare "summer" or "the summer": a season only after a preposition of time;
                // "fall" and "spring" are verbs and nouns too.
                let prev = s.keyword(i - 1)
                let timePreposition = prev == .in || prev == .since || prev == .until || prev == .by || prev == .through
                    || prev == .early || prev == .late || prev == .mid || s.isText(i - 1, "during") || s.isText(i - 1, "over")
                    || s.isText(i - 1, "throughout") || prev == .before || prev == .after || prev == .this
                if det == nil && !(timePreposition || s.isDash(i - 1)) { return nil }
                if det == .the && !timePreposition && !(season == .summer || season == .winter) { return nil }
                if det == .latest { return nil }
                spec.occurrence = .byTense
            }
        }
        var c = dateCandidate(i, end, spec)
        if season == .fall || season == .spring, spec.year == nil { c.check = ReadingCheck(token: j, rule: .notVerb) }
        return c
    }

    // MARK: Holidays

    /// "Christmas", "Christmas Eve", "Easter", "Thanksgiving", "New Year's Day", "Election Day", "last Christmas".
    /// Nouns that make "today's" mean nowadays: "today's youth", "today's world", "today's personal computers".
    private static let genericAfterToday: [StaticString] = [
        "youth", "world", "society", "generation", "young", "children", "kids", "teenagers", "standards", "culture",
        "technology", "personal", "modern", "global", "consumers", "families", "parents", "students", "workers", "women", "men",
    ]

    private func genericNounAfterToday(_ i: Int) -> Bool {
        s.isWord(i) && Self.genericAfterToday.contains { s.isText(i, $0) }
    }

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
            guard s.isCapitalized(j) else { return nil }
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
