import ChronicleCalendar
import ChronicleCore

// Dates relative to the creation time or to the narrative: "today", "last week", "that year", "the following day".
// Examples: Tests/ChronicleTimeTests/RelativeDays.swift, WeeksAndWeekends.swift (informal shorthand: InformalRules).

extension Grammar {
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
           s.entry(i + 2).unit == .year, !s.entry(i + 2).unitPlural {
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
        // "the last week of August": a part of the month (see `relativeUnit`), not "last week" from here.
        if det == .last || det == .next || det == .past, s.isKeyword(i - 1, .the), s.entry(afterDeterminer).unit != nil,
           s.isKeyword(afterDeterminer + 1, .of) {
            return nil
        }
        var j = afterDeterminer
        // "the current fiscal year", "next fiscal year"
        if s.isKeyword(j, .fiscal) || s.isKeyword(j, .calendar) || s.isKeyword(j, .financial), s.entry(j + 1).unit == .year { j += 1 }
        let e = s.entry(j)
        // Unit: "last week", "the following day", "that year", "this weekend" — not a title ("ABC's \"This Week\"").
        if let u = e.unit, !e.unitPlural, !e.isAbbreviation || colloquial, !(s.isCapitalized(j) && s.isCapitalized(i) && !sentenceStartsAt(i)) {
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

    /// Whether the clause before token `i` reports a market's move: a price word ("shares", "index", "stock",
    /// "points", "percent", "%") and a move ("rose", "fell", "gained", "closed", "up", "down").
    func marketReport(before i: Int) -> Bool {
        var price = false, move = false
        var k = i - 1
        while k >= max(0, i - 20), !(s.isPunct(k, UInt8(ascii: ".")) && !s.glued(k + 1) && !s.isNumber(k + 1)) {
            if s.isPunct(k, UInt8(ascii: "%")) || s.isText(k, "shares") || s.isText(k, "stock") || s.isText(k, "stocks")
                || s.isText(k, "index") || s.isText(k, "points") || s.isText(k, "percent") || s.isText(k, "dow") || s.isText(k, "price")
                || s.isText(k, "prices") || s.isText(k, "cents") {
                price = true
            }
            if s.isText(k, "rose") || s.isText(k, "fell") || s.isText(k, "gained") || s.isText(k, "lost") || s.isText(k, "closed")
                || s.isText(k, "up") || s.isText(k, "down") || s.isText(k, "flat") || s.isText(k, "climbed") || s.isText(k, "dropped")
                || s.isText(k, "slipped") || s.isText(k, "jumped") || s.isText(k, "unchanged") || s.isText(k, "ended") {
                move = true
            }
            k -= 1
        }
        return price && move
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

    func relativeUnit(_ i: Int, _ end: Int, _ det: Determiner, _ unit: TimeUnit) -> Candidate? {
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
                // "Shares rose 3% on the day", "the index was flat for the day": in a market report, the trading day.
                if s.isKeyword(i - 1, .on) || s.isText(i - 1, "for"), !s.isWord(end) || s.isKeyword(end, .and), marketReport(before: i) {
                    spec.shift = Shift(unit: .day, amount: 0)
                    return dateCandidate(i, end, spec)
                }
                // "the day" alone is rarely annotated ("during the day", "later in the day", "the day after his death").
                return nil
            case .decade, .century:
                // "the end of the decade"
                guard s.isKeyword(i - 1, .of) else { return nil }
                spec.shift = Shift(unit: unit, amount: 0)
                spec.inFocus = true
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
                spec.inFocus = unit != .day
            default:
                return nil
            }
        }
        return dateCandidate(i, end, spec)
    }

    /// Nouns that make "today's" mean nowadays: "today's youth", "today's world", "today's personal computers".
    private static let genericAfterToday: [StaticString] = [
        "youth", "world", "society", "generation", "young", "children", "kids", "teenagers", "standards", "culture",
        "technology", "personal", "modern", "global", "consumers", "families", "parents", "students", "workers", "women", "men",
    ]

    private func genericNounAfterToday(_ i: Int) -> Bool {
        s.isWord(i) && Self.genericAfterToday.contains { s.isText(i, $0) }
    }
}
