import ChronicleCalendar
import ChronicleCore

// Informal writing: shorthand days ("2moro", "2nite"), bare parts of the day, weekends, seasons and units in
// social posts, and the links, handles and hashtags inside which nothing is a time expression.
// Examples: Tests/ChronicleTimeTests/InformalText.swift.

extension Grammar {
    /// The end of the link, handle or hashtag that token `i` is part of, if it is part of one.
    func endOfLinkOrHandle(containing i: Int) -> Int? {
        guard s.glued(i) else { return s.linkOrHandle(at: i) }
        // The start of the run of tokens without space that token `i` is in (a link is not longer than 64 tokens:
        // the look back stays bounded in a text without spaces).
        var start = i
        while start > 0, s.glued(start), i - start < 64 { start -= 1 }
        guard let end = s.linkOrHandle(at: start), end > i else { return nil }
        return end
    }



    /// "2day", "2moro", "2nite": a day written with the digit 2.
    func shorthandDay(at i: Int) -> Candidate? {
        guard s.number(i) == 2, s.digitCount(i) == 1, s.glued(i + 1), !(s.glued(i) && (s.isWord(i - 1) || s.isNumber(i - 1))),
              !(s.glued(i + 2) && s.isWord(i + 2)) else { return nil }
        var spec = DateSpec(granularity: .day)
        if s.isText(i + 1, "day") {
            spec.shift = Shift(unit: .day, amount: 0)
        } else if s.isText(i + 1, "moro") || s.isText(i + 1, "morrow") || s.isText(i + 1, "mrw") || s.isText(i + 1, "mr") {
            spec.shift = Shift(unit: .day, amount: 1)
        } else if s.isText(i + 1, "nite") || s.isText(i + 1, "night") || s.isText(i + 1, "nyt") {
            spec.shift = Shift(unit: .day, amount: 0)
            spec.partOfDay = .night
            spec.granularity = .partOfDay
            return dateCandidate(i, i + 2, spec, kind: .time)
        } else {
            return nil
        }
        return dateCandidate(i, i + 2, spec)
    }

    /// In informal text, a part of the day, the weekend or a season named alone is the one of the day written:
    /// "Good morning", "karaoke night", "long weekend", "Spring's florals", "a white winter".
    func bareInformal(at i: Int) -> Candidate? {
        let e = s.entry(i)
        // Not inside a longer expression that a determiner or number starts ("last night", "two nights"); a
        // preposition is no part of it ("at night", "over the week" is `relativeUnit`).
        let preposition = s.isKeyword(i - 1, .at) || s.isKeyword(i - 1, .over) || s.isKeyword(i - 1, .within) || s.isKeyword(i - 1, .about)
        if s.hasEntry(i - 1) && s.entry(i - 1).start == .beforeTemporalWord && !preposition || s.isNumber(i - 1) { return nil }
        // A hashtag is a topic ("#sunrise"), not a time.
        if s.isPunct(i - 1, UInt8(ascii: "#")), s.glued(i) { return nil }
        if let pod = e.partOfDay, !e.partOfDayPlural, pod != .midday {
            var spec = DateSpec(granularity: .partOfDay)
            spec.shift = Shift(unit: .day, amount: 0)
            spec.partOfDay = pod
            return dateCandidate(i, i + 1, spec, kind: .time)
        }
        if e.keyword == .weekend, !s.isText(i, "weekends"), !s.isText(i, "wknds") {
            var spec = DateSpec(granularity: .weekend)
            spec.isWeekend = true
            spec.shift = Shift(unit: .week, amount: 0)
            return dateCandidate(i, i + 1, spec)
        }
        if let season = e.season, !e.unitPlural {
            var spec = DateSpec(granularity: .season)
            spec.season = season
            spec.occurrence = .this
            var c = dateCandidate(i, i + 1, spec)
            if season == .fall || season == .spring { c.check = ReadingCheck(token: i, rule: .notVerb) }
            return c
        }
        // "a long day", "Family day", "a wonderful month", "sophomore year": the period as a length of time; a
        // bare plural ("Days slipping") an unknown number of them.
        if let unit = e.unit, unit == .day || unit == .week || unit == .month || unit == .year, !e.isAbbreviation,
           !s.isKeyword(i + 1, .of) || !e.unitPlural, !s.isKeyword(i + 1, .ago) {
            return Candidate(i, i + 1, .duration, .duration(DurationSpec(e.unitPlural ? nil : 1, unit)))
        }
        return nil
    }
}
