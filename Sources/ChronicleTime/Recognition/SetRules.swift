import ChronicleCalendar
import ChronicleCore

extension Grammar {
    /// Recurrences: "every Monday", "each year", "every other week", "every two months", "daily", "weekly",
    /// "twice a year", "three times a week", "Mondays", "Tuesday nights", "$5 a day", "per year".
    func set(at i: Int) -> Candidate? {
        let k = s.keyword(i)
        switch k {
        case .every, .each:
            return quantifiedSet(at: i)
        case .daily, .weekly, .monthly, .yearly, .annually, .hourly, .quarterly, .nightly, .biweekly, .semiannually:
            return adverbialSet(at: i)
        case .twice, .thrice, .once:
            return frequencySet(at: i, times: k == .twice ? 2 : k == .thrice ? 3 : 1, after: i + 1)
        default:
            break
        }
        // "three times a week"
        if let n = number(at: i), let v = n.value, v >= 1, v <= 1000, v == v.rounded(), s.isKeyword(n.end, .times) {
            return frequencySet(at: i, times: Int(v), after: n.end + 1)
        }
        // "$5 a day", "700 seats a week", "10 percent per year" are rates, not recurring times: TimeBank tags
        // 2 of its 8 such phrases, so they are left out.
        // Plural weekdays: "Mondays", "on Tuesday nights"
        let e = s.entry(i)
        if e.weekday != 0, e.weekdayPlural {
            var spec = DateSpec(granularity: .day)
            spec.weekday = Int(e.weekday)
            spec.yearless = true
            var end = i + 1
            if let pod = s.entry(end).partOfDay, s.entry(end).partOfDayPlural {
                spec.partOfDay = pod
                spec.granularity = .partOfDay
                end += 1
            }
            return Candidate(i, end, .set, .set(.pattern(spec)))
        }
        // "closed on weekends", "works at weekends": every weekend (not "three weekends", "weekends ago").
        if e.keyword == .weekend, s.isText(i, "weekends"), s.isKeyword(i - 1, .on) || s.isKeyword(i - 1, .at) || s.isText(i - 1, "during") {
            var spec = DateSpec(granularity: .weekend)
            spec.isWeekend = true
            spec.yearless = true
            return Candidate(i, i + 1, .set, .set(.pattern(spec)))
        }
        if e.weekday != 0, !e.weekdayPlural, let pod = s.entry(i + 1).partOfDay, s.entry(i + 1).partOfDayPlural {
            var spec = DateSpec(granularity: .partOfDay)
            spec.weekday = Int(e.weekday)
            spec.partOfDay = pod
            spec.yearless = true
            return Candidate(i, i + 2, .set, .set(.pattern(spec)))
        }
        return nil
    }

    /// "every Monday", "each year", "every other week", "every two months", "each July", "every morning".
    private func quantifiedSet(at i: Int) -> Candidate? {
        let quant = s.keyword(i) == .every ? "EVERY" : "EACH"
        var j = i + 1
        var amount = 1.0
        if s.isKeyword(j, .other) {
            amount = 2
            j += 1
        } else if s.isText(j, "single") {
            j += 1
        } else if let n = number(at: j), !n.isArticle, let v = n.value {
            amount = v
            j = n.end
        }
        var result: Candidate?
        let e = s.entry(j)
        if let (unit, _, end) = unit(at: j) {
            result = Candidate(i, end, .set, .set(.every(DurationSpec(amount, unit))))
        } else if let (wd, _, end) = weekday(at: j) {
            var spec = DateSpec(granularity: .day)
            spec.weekday = wd
            spec.yearless = true
            var stop = end
            if let pod = s.entry(stop).partOfDay {
                spec.partOfDay = pod
                spec.granularity = .partOfDay
                stop += 1
            }
            result = Candidate(i, stop, .set, .set(.pattern(spec)))
        } else if e.month != 0, !e.isAbbreviation {
            var spec = DateSpec(granularity: .month)
            spec.month = Int(e.month)
            spec.yearless = true
            result = Candidate(i, j + 1, .set, .set(.pattern(spec)))
        } else if let season = e.season {
            var spec = DateSpec(granularity: .season)
            spec.season = season
            spec.yearless = true
            result = Candidate(i, j + 1, .set, .set(.pattern(spec)))
        } else if let pod = e.partOfDay {
            var spec = DateSpec(granularity: .partOfDay)
            spec.partOfDay = pod
            spec.yearless = true
            result = Candidate(i, j + 1, .set, .set(.pattern(spec)))
        } else if e.keyword == .weekend {
            var spec = DateSpec(granularity: .weekend)
            spec.isWeekend = true
            spec.yearless = true
            result = Candidate(i, j + 1, .set, .set(.pattern(spec)))
        }
        guard var c = result else { return nil }
        c.quantifier = quant
        return c
    }

    /// "daily", "weekly", "annually", ... — as adverbs, and as adjectives the data tags too.
    private func adverbialSet(at i: Int) -> Candidate? {
        let unit: TimeUnit
        var amount = 1.0
        switch s.keyword(i) {
        case .daily: unit = .day
        case .weekly: unit = .week
        case .monthly: unit = .month
        case .yearly, .annually: unit = .year
        case .hourly: unit = .hour
        case .quarterly: unit = .month; amount = 3
        case .biweekly: unit = .week; amount = 2
        case .semiannually: unit = .month; amount = 6
        case .nightly:
            var spec = DateSpec(granularity: .partOfDay)
            spec.partOfDay = .night
            spec.yearless = true
            return Candidate(i, i + 1, .set, .set(.pattern(spec)))
        default: return nil
        }
        // Adjectives before a noun ("weekly magazine", "quarterly dividend") are not recurrences of an event here,
        // except "daily", which news uses adverbially and adjectivally alike.
        // "quarterly" is mostly a dividend or a report (TimeBank tags 1 in 11); "monthly" before a noun likewise.
        if s.keyword(i) == .quarterly { return nil }
        // A newspaper: "the business weekly Barron's", "the weekly Die Zeit" (a lower-case periodical word between a
        // word and a name) is not a recurrence. "daily" is the exception: the data tags "the Communist Party daily
        // Granma" as a SET in 3 of its 4 occurrences, so it is left to the rule for adverbs.
        if s.keyword(i) != .daily, s.isWord(i - 1), s.isWord(i + 1), s.isCapitalized(i + 1), !s.isCapitalized(i), !s.hasEntry(i + 1) { return nil }
        if s.keyword(i) == .monthly, s.isWord(i + 1), !s.hasEntry(i + 1) { return nil }
        // "rise 20% annually", "10,000 units annually": a rate, not a recurrence (TimeBank tags none of these).
        if s.keyword(i) == .annually || s.keyword(i) == .yearly,
           s.isPunct(i - 1, UInt8(ascii: "%")) || s.isNumber(i - 1) || s.isText(i - 1, "percent") || (s.isWord(i - 1) && s.hasSuffix(i - 1, "s") && !s.hasEntry(i - 1) && s.isNumber(i - 2)) {
            return nil
        }
        var c = Candidate(i, i + 1, .set, .set(.every(DurationSpec(amount, unit))))
        c.frequency = "1X"
        return c
    }

    /// "twice a year", "three times a week", "once a month", "twice weekly".
    private func frequencySet(at i: Int, times: Int, after j: Int) -> Candidate? {
        var k = j
        guard s.isKeyword(k, .a) || s.isKeyword(k, .an) || s.isKeyword(k, .per) || s.isKeyword(k, .each) || s.isKeyword(k, .every) else {
            // "twice weekly"
            if let adverb = adverbialSet(at: k), case .set(let spec) = adverb.meaning {
                var c = Candidate(i, k + 1, .set, .set(spec))
                c.frequency = "\(times)X"
                return c
            }
            return nil
        }
        k += 1
        guard let (unit, plural, end) = unit(at: k), !plural else { return nil }
        var c = Candidate(i, end, .set, .set(.every(DurationSpec(1, unit))))
        c.frequency = "\(times)X"
        return c
    }
}
