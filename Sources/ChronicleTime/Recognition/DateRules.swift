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
            consider(shorthandDay(at: i))
            consider(numericDate(at: i))
            consider(dayMonthDate(at: i))
            consider(decadeOrCentury(at: i))
            consider(yearOnly(at: i))
        } else {
            if e.month != 0 || e.weekday != 0 { consider(namedDate(at: i)) }
            if e.keyword == .the || e.ordinal != 0 || e.cardinal >= 20 { consider(dayMonthDate(at: i)) }
            consider(relativeDate(at: i))
            if colloquial { consider(bareInformal(at: i)) }
            consider(quarterOrHalf(at: i))
            consider(seasonDate(at: i))
            consider(holidayDate(at: i))
            if e.keyword == .the { consider(nthWeekdayOfMonth(at: i)) }
            consider(decadeOrCentury(at: i))
            if e.keyword == .fiscal || e.keyword == .calendar || e.keyword == .the || e.keyword == .ad || e.cardinal >= 11 {
                consider(yearOnly(at: i))
            }
        }
        // "afternoon yesterday", "morning Oct. 13"
        if let pod = e.partOfDay, !e.partOfDayPlural, let day = dateCore(at: i + 1), day.kind == .date,
           case .date(var spec) = day.meaning, spec.granularity == .day {
            spec.partOfDay = pod
            spec.granularity = .partOfDay
            consider(Candidate(i, day.end, .time, .date(spec)))
        }
        guard var c = best else { return nil }
        // A day and its clock time are one expression: "3 Oct 10pm", "21 Apr 1030am", "May 10, 2014 2pm",
        // "this Sat, 7pm", "Sun 1:00pm" (the other order, "7 p.m. Tuesday", is `clockTime`).
        if case .date(var spec) = c.meaning, spec.granularity == .day, spec.clock == nil, spec.partOfDay == nil {
            var k = c.end
            if s.isPunct(k, UInt8(ascii: ",")) { k += 1 }
            if s.isNumber(k) || s.isKeyword(k, .noon) || s.isKeyword(k, .midnight), let (clock, end) = clock(at: k) {
                spec.clock = clock
                spec.granularity = .minute
                c.meaning = .date(spec)
                c.kind = .time
                c.end = end
                if let (offset, e) = zone(at: end) {
                    spec.zoneOffset = offset
                    c.meaning = .date(spec)
                    c.end = e
                }
            }
        }
        // A part of the day after a day: "Friday night", "yesterday morning", "Oct. 13 evening".
        if case .date(var spec) = c.meaning, spec.granularity == .day, spec.clock == nil,
           let pod = s.entry(c.end).partOfDay, !s.entry(c.end).partOfDayPlural {
            // A day with its part ("Friday night", "Oct. 13 evening", "yesterday morning") is a TIME, as "this
            // morning" is: so the TimeML guidelines, TimeBank (4 of 4) and news written since; AQUAINT types
            // the named ones DATE (24 of 24).
            spec.partOfDay = pod
            spec.granularity = .partOfDay
            c.meaning = .date(spec)
            c.kind = .time
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

    func dateCandidate(_ i: Int, _ end: Int, _ spec: DateSpec, kind: TimeExpression.Kind = .date) -> Candidate {
        Candidate(i, end, kind, .date(spec))
    }
}
