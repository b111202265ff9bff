import ChronicleCalendar
import ChronicleCore

extension Grammar {
    /// How a duration is introduced.
    private enum Lead {
        case none, the, past, next, another
    }

    /// Durations ("two years", "the past two months", "a two-year term", "2 1/2 hours", "several days",
    /// "the first nine months", "two to three weeks") and the dates they make with "ago", "earlier", "later", "from now".
    func duration(at i: Int) -> Candidate? {
        var j = i
        var lead = Lead.none
        if s.isKeyword(j, .the), s.entry(j + 1).unit == .year, s.isDash(j + 2), s.glued(j + 2),
           s.isKeyword(j + 3, .earlier) || s.isKeyword(j + 3, .ago), number(at: j + 4) != nil {
            // "the year-earlier nine months"
            j += 4
            lead = .the
        } else if s.isKeyword(j, .the) {
            switch s.keyword(j + 1) {
            case .past, .last, .prior, .preceding, .previous, .final, .latest:
                lead = .past
                j += 2
            case .next, .coming, .following, .upcoming, .ensuing:
                lead = .next
                j += 2
            default:
                lead = .the
                let w = j + 1
                j += s.entry(w).ordinal == 1 || s.isText(w, "initial") || s.isText(w, "remaining") || s.isKeyword(w, .entire)
                    || s.isKeyword(w, .whole) || s.isKeyword(w, .full) ? 2 : 1
            }
        } else if s.isKeyword(j, .past) || (s.isKeyword(j, .last) && determiner(at: j) != nil) || s.isKeyword(j, .recent) {
            lead = .past
            j += 1
        } else if s.isKeyword(j, .next) || s.isKeyword(j, .coming) {
            lead = .next
            j += 1
        } else if s.isText(j, "another") {
            lead = .another
            j += 1
        } else if s.isKeyword(j, .a) || s.isKeyword(j, .an), s.isNumber(j + 1) || s.entry(j + 1).cardinal > 1, s.isDash(j + 2) || s.isDash(j + 3) {
            // "a three-year period", "a 10-year bond"
            lead = .the
            j += 1
        } else if (s.isKeyword(j, .an) && s.isText(j + 1, "additional")) || (s.isKeyword(j, .a) && s.isText(j + 1, "further")) {
            lead = .another
            j += 2
        }
        // "the past few weeks", "recent months", "the coming years"
        if lead != .none, s.isKeyword(j, .recent) || s.isKeyword(j, .coming) { j += 1 }

        var number: Number?
        var isRange = false
        if let n = self.number(at: j) {
            number = n
            j = n.end
            // "between 12 and 18 months", "10-12 days": each end is its own expression (`rangeOfBareNumber`);
            // "the next 12 to 18 months", "two to three weeks" (as TimeBank writes them) and an alternative ("two
            // or three weeks") are one vague length.
            let split = s.isDash(j) || s.isKeyword(j, .and) || s.isText(i - 1, "between")
            if s.isKeyword(j, .to) && !split || s.isKeyword(j, .or), let m = self.number(at: j + 1), !m.isArticle, s.entry(m.end).unit != nil {
                isRange = true
                j = m.end
            }
        }
        // "two more weeks", "three additional months", "two full years"
        if number != nil, s.isKeyword(j, .more) || s.isText(j, "additional") || s.isText(j, "straight") || s.isText(j, "consecutive") || s.isKeyword(j, .full) || s.isText(j, "long") || s.isText(j, "trading") || s.isText(j, "business") || s.isText(j, "working") || s.isText(j, "calendar") {
            if s.entry(j + 1).unit != nil { j += 1 }
        }
        // Adjectival "two-year", "30-day", "a 10-hour flight"
        var adjectival = false
        if number != nil, s.isDash(j), s.glued(j), s.glued(j + 1), s.entry(j + 1).unit != nil {
            j += 1
            adjectival = true
        }
        guard let (unit, plural, afterUnit) = unit(at: j) else {
            return vagueDuration(at: i)
        }
        // "decades-long", "day-long", "year-long": a length with no number.
        if number == nil, lead == .none, s.isDash(afterUnit), s.glued(afterUnit), s.isKeyword(afterUnit + 1, .long), s.glued(afterUnit + 1) {
            return Candidate(i, afterUnit + 2, .duration, .duration(DurationSpec(plural ? nil : 1, unit)))
        }
        var end = afterUnit

        // Not durations: "year-earlier", "year-ago", "year-end" (dates of their own); "a quarter of", "three-quarters"
        // (fractions); ages ("52 years old", "a 136-year-old bank", "five years of age").
        if s.isDash(end), s.glued(end), s.isKeyword(end + 1, .earlier) || s.isKeyword(end + 1, .ago) || s.isKeyword(end + 1, .end) {
            return nil
        }
        let fractionOf = s.isKeyword(end, .of) && (s.isKeyword(end + 1, .the) || s.isKeyword(end + 1, .a) || s.isText(end + 1, "its")
            || s.isText(end + 1, "their") || s.isText(end + 1, "all") || s.isText(end + 1, "his") || s.isText(end + 1, "her") || s.isNumber(end + 1))
        if unit == .quarter, fractionOf || number?.isArticle == true || (adjectival && plural) || (s.isDash(end) && s.glued(end) && !s.isKeyword(end + 1, .long)) {
            return nil
        }
        if s.isKeyword(end, .old) || (s.isDash(end) && s.glued(end) && s.isKeyword(end + 1, .old)) || (s.isKeyword(end, .of) && s.isText(end + 1, "age")) {
            return nil
        }
        // Ages and measures: "ages 6 months and older", "children aged 2 years", "one second slower", "a
        // sub-five-minute mile", "the 100-meter dash in 9.58 seconds" stays (a length of time).
        if s.isText(i - 1, "ages") || s.isText(i - 1, "aged") || s.isText(i - 1, "age") || s.isText(end, "older") || s.isText(end, "younger") {
            return nil
        }
        if unit <= .minute, s.isText(end, "slower") || s.isText(end, "faster") || s.isText(end, "quicker") { return nil }
        if s.isDash(i - 1), s.glued(i), s.isText(i - 2, "sub") { return nil }
        // A title in quotation marks ("CBS's ''60 Minutes''", "\"48 Hours\""): digits and a capitalised unit just
        // after an opening quote.
        if number?.isDigits == true, lead == .none, !adjectival, s.isCapitalized(j), s.isQuoteMark(i - 1) {
            return nil
        }
        // "a second betrayal": the ordinal, not a duration.
        if unit == .second, !plural, number?.isArticle == true, s.isWord(end),
           !(s.isKeyword(end, .of) || s.isKeyword(end, .or) || s.isKeyword(end, .and) || s.isKeyword(end, .to) || s.isKeyword(end, .later)
             || s.isKeyword(end, .earlier) || s.isKeyword(end, .before) || s.isKeyword(end, .after) || s.isKeyword(end, .ago) || s.isKeyword(end, .in)) {
            return nil
        }
        // "will one day", "could one day": some day in the future.
        if unit == .day, !plural, let n = number, n.value == 1, !n.isDigits, !n.isArticle,
           s.isText(i - 1, "will") || s.isText(i - 1, "would") || s.isText(i - 1, "could") || s.isText(i - 1, "may") || s.isText(i - 1, "might") || s.isText(i - 1, "can") {
            return Candidate(i, end, .date, .reference("FUTURE_REF"))
        }
        // "recent years", "past years": the data writes these as references to the past.
        if number == nil, unit == .year, plural, lead == .past, !s.isKeyword(i, .the) {
            return Candidate(i, end, .date, .reference("PAST_REF"))
        }

        var amount: Double?
        if let n = number {
            if n.isArticle && plural { return nil }
            // "$2 million a year", "700 seats a week": a rate, not a length of time.
            let relation = s.isKeyword(end, .ago) || s.isKeyword(end, .earlier) || s.isKeyword(end, .later) || s.isKeyword(end, .before)
                || s.isKeyword(end, .after) || s.isKeyword(end, .or)
            // "24 hours a day", "three days a week": the rate of a length of time, likewise.
            if n.isArticle, !relation, i > 0, s.entry(i - 1).unit != nil, s.entry(i - 1).unitPlural { return nil }
            if n.isArticle, !relation, i > 0, s.isNumber(i - 1) || s.isPunct(i - 1, UInt8(ascii: "%")) || s.isText(i - 1, "percent") || s.isText(i - 1, "million")
                || s.isText(i - 1, "billion") || s.isText(i - 1, "cents") || s.isText(i - 1, "dollars") || (s.isWord(i - 1) && s.hasSuffix(i - 1, "s") && !s.hasEntry(i - 1) && !s.isCapitalized(i - 1) && (s.isNumber(i - 2) || s.entry(i - 2).cardinal > 1)) {
                return nil
            }
            amount = isRange ? nil : n.value
        } else if plural {
            // Bare plural: "years", "recent months", "the past few weeks", "the next several days".
            guard lead != .none || durationContext(before: i) || forShortUnits(unit, before: i) else { return nil }
            if lead == .the && !s.isText(end, "ahead") && !durationContext(before: i) { return nil }
            amount = nil
        } else {
            // A bare singular is a duration only after "another", "an additional".
            guard lead == .another else { return nil }
            amount = 1
        }

        // Extensions: "30-year-long", "a three-year period", "the weeks ahead", "an hour and a half",
        // "two years and three months".
        if s.isDash(end) && s.glued(end) && s.isKeyword(end + 1, .long) && s.glued(end + 1) {
            end += 2
        }
        if s.isText(end, "long") && s.glued(end) { end += 1 }
        var first = i
        if adjectival {
            if s.isKeyword(end, .period) || s.isKeyword(end, .term) || s.isText(end, "span") || s.isText(end, "stretch") {
                // "a three-year period": the article belongs to the period.
                end += 1
            } else if lead == .the || lead == .another || s.isKeyword(i, .a) || s.isKeyword(i, .an) {
                // "the 30-day review", "a 10-year bond": the adjective alone.
                first = i
                while first < j - 2, !(s.isNumber(first) || s.entry(first).cardinal >= 0 && !s.isKeyword(first, .a) && !s.isKeyword(first, .an)) {
                    first += 1
                }
            }
        }
        if plural, number == nil, s.isText(end, "ahead") { end += 1 }
        var spec = DurationSpec(amount, unit)
        if s.isKeyword(end, .and) {
            if (s.isKeyword(end + 1, .a) || s.isKeyword(end + 1, .an)) && s.isKeyword(end + 2, .half), let a = amount {
                spec = DurationSpec(a + 0.5, unit)
                end += 3
            } else if let n2 = self.number(at: end + 1), let (u2, _, e2) = self.unit(at: n2.end), u2 < unit {
                spec.parts.append((n2.value, u2))
                end = e2
            }
        }
        // Dates from durations: "two years ago", "a week earlier", "a month from now".
        if !adjectival, !isRange, lead == .none {
            if let c = agoDate(i, end, spec) { return c }
        }
        return Candidate(first, end, .duration, .duration(spec))
    }

    /// Words before a bare plural unit that make it a duration: "for years", "in months", "over decades".
    private func durationContext(before i: Int) -> Bool {
        let k = s.keyword(i - 1)
        // Not "for years", "for decades": the data leaves those out.
        return k == .in || k == .within || k == .over || k == .after
            || s.isText(i - 1, "lasted") || s.isText(i - 1, "took") || s.isText(i - 1, "spent") || s.isText(i - 1, "last")
            || s.isText(i - 1, "lasting") || s.isText(i - 1, "taking") || s.isText(i - 1, "spending")
            || (s.isKeyword(i - 1, .of) && s.entry(i - 2).keyword == .few)
    }

    /// "for weeks", "for days", "for hours": the TBAQ data tags "for weeks" (2 of 2) and leaves out "for years"
    /// (3 of 5) and "for months" (1 of 1); units it has no example of follow the guidelines and are tagged.
    private func forShortUnits(_ unit: TimeUnit, before i: Int) -> Bool {
        s.isText(i - 1, "for") && (unit == .week || unit == .day || unit == .hour || unit == .minute)
    }

    /// A duration followed by "ago", "earlier", "later", "before", "from now", "hence", "back".
    private func agoDate(_ i: Int, _ end: Int, _ spec: DurationSpec) -> Candidate? {
        // "a week or so ago"
        if s.isKeyword(end, .or), s.isKeyword(end + 1, .so), s.isKeyword(end + 2, .ago), var c = agoDate(i, end + 2, spec) {
            c.modifier = .approximately
            return c
        }
        let k = s.keyword(end)
        // "a month earlier than usual": a length, not a date.
        if k == .earlier || k == .later, s.isKeyword(end + 1, .than) { return nil }
        var shiftSign = 0
        var base = AnchorBase.creationTime
        var stop = end + 1
        switch k {
        case .ago:
            shiftSign = -1
        case .hence:
            shiftSign = 1
        case .earlier, .previously:
            // "a year earlier", "five years previously": before the time in focus.
            shiftSign = -1
            base = .reference
        case .later:
            shiftSign = 1
            base = .reference
        case .from:
            // "two weeks from Friday", "10 days from Oct. 3": days counted from a named day; not a length
            // that starts on the day ("for three days from April 14", "two days from Tuesday to Thursday").
            if !s.isKeyword(end + 1, .now) {
                guard !s.isText(i - 1, "for"), spec.parts.count == 1, let a = spec.parts[0].amount, a == a.rounded(), a >= 1,
                      spec.parts[0].unit == .day || spec.parts[0].unit == .week,
                      let day = dateCore(at: end + 1), day.kind == .date, case .date(var daySpec) = day.meaning,
                      daySpec.granularity == .day, daySpec.clock == nil else { return nil }
                guard !s.isKeyword(day.end, .to), !s.isKeyword(day.end, .until), !s.isKeyword(day.end, .through) else { return nil }
                daySpec.offsetDays += Int(a) * (spec.parts[0].unit == .week ? 7 : 1)
                return Candidate(i, day.end, .date, .date(daySpec))
            }
            shiftSign = 1
            stop = end + 2
        default:
            if s.isText(end, "back") && !s.isKeyword(end + 1, .to) && !s.isText(end + 1, "home") && !s.isText(end + 1, "in") {
                shiftSign = -1
            } else {
                return nil
            }
        }
        guard spec.parts.count == 1 else { return nil }
        let part = spec.parts[0]
        // "a few days later", "a minute and a half later": the length is the expression; the relation is not.
        // "two hours ago" with a creation time of day: a clock time.
        if base == .creationTime, shiftSign < 0, let a = part.amount, a == a.rounded(), part.unit == .hour || part.unit == .minute {
            var date = DateSpec(granularity: .minute)
            date.shift = Shift(unit: part.unit, amount: -Int(a))
            return Candidate(i, stop, .time, .date(date))
        }
        // "a few days later" (no amount), "a minute later" (within a day): the length is the expression.
        if base == .reference, part.amount == nil || part.unit < .day { return nil }
        guard let amount = part.amount else {
            // "years ago", "a few months ago": some time in the past.
            return Candidate(i, stop, .date, .reference(shiftSign < 0 ? "PAST_REF" : "FUTURE_REF"))
        }
        var date = DateSpec(granularity: Granularity(part.unit))
        if part.unit == .decade || part.unit == .century {
            // "two decades ago", "half a century ago": whole years before the anchor.
            let years = amount * (part.unit == .decade ? 10 : 100)
            guard years == years.rounded() else { return Candidate(i, stop, .date, .reference(shiftSign < 0 ? "PAST_REF" : "FUTURE_REF")) }
            date.shift = Shift(unit: .year, amount: shiftSign * Int(years))
            date.granularity = .year
        } else if part.unit == .fortnight {
            date.shift = Shift(unit: .week, amount: shiftSign * Int(amount * 2))
        } else if amount == amount.rounded() {
            date.shift = Shift(unit: part.unit, amount: shiftSign * Int(amount))
        } else if part.unit == .year {
            date.shift = Shift(unit: .month, amount: shiftSign * Int((amount * 12).rounded()))
            date.granularity = .month
        } else {
            return Candidate(i, stop, .date, .reference(shiftSign < 0 ? "PAST_REF" : "FUTURE_REF"))
        }
        date.base = base
        // "a year ago today", "10 years ago this month", "70 years ago this week": the same day, month or week.
        if k == .ago, part.unit >= .week, s.isKeyword(stop, .today) {
            date.granularity = .day
            stop += 1
        } else if k == .ago, s.isKeyword(stop, .this), let unit = s.entry(stop + 1).unit, !s.entry(stop + 1).unitPlural,
                  unit == .week || unit == .month, part.unit > unit {
            date.granularity = Granularity(unit)
            stop += 2
        } else if part.unit == .year, amount == 1 {
            // "a year ago", "a year earlier" compare with the period in focus: the same quarter a year before.
            date.inheritsGranularity = true
        }
        return Candidate(i, stop, .date, .date(date))
    }

    /// "a while", "some time", "a lengthy period". Not "a long time": the data leaves it out (2 of 2).
    private func vagueDuration(at i: Int) -> Candidate? {
        if s.isKeyword(i, .a), s.isKeyword(i + 1, .while_word) {
            return Candidate(i, i + 2, .duration, .literal("PXX"))
        }
        if s.isKeyword(i, .awhile) {
            return Candidate(i, i + 1, .duration, .literal("PXX"))
        }
        return nil
    }
}
