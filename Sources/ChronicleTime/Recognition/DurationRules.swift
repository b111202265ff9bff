import ChronicleCalendar
import ChronicleCore

extension Grammar {
    /// Durations ("two years", "the past two months", "a two-year term", "2 1/2 hours", "several days",
    /// "the first nine months") and the dates they make with "ago", "earlier", "later", "from now".
    func duration(at i: Int) -> Candidate? {
        var j = i
        // Leading determiners: "the past", "the last", "the next", "the first", "another", "an additional".
        var lead: Determiner?
        var hasLead = false
        if s.isKeyword(j, .the) {
            switch s.keyword(j + 1) {
            case .past, .last, .next, .coming, .previous, .following, .final, .latest, .prior, .preceding, .ensuing, .upcoming:
                lead = s.keyword(j + 1) == .next || s.keyword(j + 1) == .coming || s.keyword(j + 1) == .following || s.keyword(j + 1) == .upcoming || s.keyword(j + 1) == .ensuing ? .next : .past
                j += 2
            default:
                if s.entry(j + 1).ordinal == 1 || s.isText(j + 1, "initial") || s.isText(j + 1, "remaining") || s.isText(j + 1, "entire") || s.isText(j + 1, "whole") || s.isText(j + 1, "full") {
                    j += 2
                } else {
                    j += 1
                }
            }
            hasLead = true
        } else if s.isKeyword(j, .past) || s.isKeyword(j, .last) || s.isKeyword(j, .next) || s.isKeyword(j, .coming) || s.isKeyword(j, .recent) {
            // "past few weeks", "next 14 months", "last five years", "recent months", "coming years"
            lead = s.isKeyword(j, .next) || s.isKeyword(j, .coming) ? .next : .past
            j += 1
            hasLead = true
        } else if s.isText(j, "another") || (s.isKeyword(j, .an) && s.isText(j + 1, "additional")) || (s.isKeyword(j, .a) && s.isText(j + 1, "further")) {
            j += s.isText(j, "another") ? 1 : 2
            hasLead = true
        }
        // "recent months", "the coming weeks", "the past several years" — plural unit, unstated amount.
        if hasLead, s.isKeyword(j, .recent) || s.isKeyword(j, .coming) {
            j += 1
        }
        var number: Number?
        if let n = self.number(at: j) {
            number = n
            j = n.end
        }
        // "two more weeks", "three additional months"
        if number != nil, s.isKeyword(j, .more) || s.isText(j, "additional") || s.isText(j, "straight") || s.isText(j, "consecutive") || s.isText(j, "full") || s.isText(j, "long") {
            if s.entry(j + 1).unit != nil { j += 1 }
        }
        // Adjectival "two-year", "30-day", "10-year-old", "a 10-hour flight".
        var adjectival = false
        if let n = number, s.isDash(j), s.glued(j), s.glued(j + 1), s.entry(j + 1).unit != nil {
            _ = n
            j += 1
            adjectival = true
        }
        // "half-hour", "day-long", "year-long"
        guard let (unit, plural, afterUnit) = unit(at: j) else {
            return vagueDuration(at: i)
        }
        var end = afterUnit
        var amount: Double?
        if let n = number {
            if n.isArticle && plural { return nil }
            amount = n.value
        } else if plural {
            // Bare plural: "years", "recent months", "the past few weeks", "the next several days".
            guard hasLead || durationContext(before: i) else { return nil }
            if s.entry(i).keyword == .the && !hasLead { return nil }
            amount = nil
        } else {
            // Bare singular after a lead: "the past year" is handled as a date; "another year" = 1.
            guard hasLead, s.isText(i, "another") || s.isKeyword(i, .an) || s.isKeyword(i, .a) else { return nil }
            amount = 1
        }
        if adjectival || (s.isDash(end) && s.glued(end)) {
            // "10-year-old", "8-month-old", "30-year-long"
            if s.isDash(end) && s.glued(end) && (s.isKeyword(end + 1, .old) || s.isKeyword(end + 1, .long)) && s.glued(end + 1) {
                end += 2
            }
        }
        if s.isText(end, "long") && s.glued(end) { end += 1 }
        var spec = DurationSpec(amount, unit)
        // "two years and three months", "a minute and a half", "an hour and a half"
        if s.isKeyword(end, .and) {
            if (s.isKeyword(end + 1, .a) || s.isKeyword(end + 1, .an)) && s.isKeyword(end + 2, .half), let a = amount {
                spec = DurationSpec(a + 0.5, unit)
                end += 3
            } else if let n2 = self.number(at: end + 1), let (u2, _, e2) = self.unit(at: n2.end), u2 < unit, !n2.isArticle || true {
                spec.parts.append((n2.value, u2))
                end = e2
            }
        }
        // Dates from durations: "two years ago", "a week earlier", "three days later", "a month from now".
        if !adjectival, !hasLead || s.isKeyword(i, .a) || s.isKeyword(i, .an) {
            if let c = agoDate(i, end, spec) { return c }
        }
        let kind: TimeExpression.Kind = .duration
        _ = lead
        return Candidate(i, end, kind, .duration(spec))
    }

    /// Words before a bare plural unit that make it a duration: "for years", "in months", "over decades".
    private func durationContext(before i: Int) -> Bool {
        let k = s.keyword(i - 1)
        return k == .in || k == .within || k == .over || k == .after || s.isText(i - 1, "for")
            || s.isText(i - 1, "lasted") || s.isText(i - 1, "took") || s.isText(i - 1, "spent") || s.isText(i - 1, "last")
            || s.isText(i - 1, "lasting") || s.isText(i - 1, "taking") || s.isText(i - 1, "spending")
            || (s.isKeyword(i - 1, .of) && s.entry(i - 2).keyword == .few)
    }

    /// A duration followed by "ago", "earlier", "later", "before", "from now", "hence", "back".
    private func agoDate(_ i: Int, _ end: Int, _ spec: DurationSpec) -> Candidate? {
        let k = s.keyword(end)
        var shiftSign = 0
        var base = AnchorBase.creationTime
        var stop = end + 1
        switch k {
        case .ago:
            shiftSign = -1
        case .hence:
            shiftSign = 1
        case .earlier:
            shiftSign = -1
            base = .reference
        case .later:
            shiftSign = 1
            base = .reference
        case .from:
            guard s.isKeyword(end + 1, .now) else { return nil }
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
        guard let amount = part.amount else {
            // "years ago", "a few months ago": some time in the past.
            return Candidate(i, stop, .date, .reference(shiftSign < 0 ? "PAST_REF" : "FUTURE_REF"))
        }
        var date = DateSpec(granularity: Granularity(part.unit))
        if part.unit == .fortnight {
            date.shift = Shift(unit: .week, amount: shiftSign * Int(amount * 2))
        } else if amount == amount.rounded() {
            date.shift = Shift(unit: part.unit, amount: shiftSign * Int(amount))
        } else if part.unit == .year {
            date.shift = Shift(unit: .month, amount: shiftSign * Int((amount * 12).rounded()))
            date.granularity = .month
        } else {
            return Candidate(i, stop, .date, .reference(shiftSign < 0 ? "PAST_REF" : "FUTURE_REF"))
        }
        if part.unit == .decade || part.unit == .century {
            date.shift = Shift(unit: .year, amount: shiftSign * Int(amount) * (part.unit == .decade ? 10 : 100))
            date.granularity = .year
        }
        date.base = base
        // "a year ago", "a year earlier" compare with the period in focus: the same quarter a year before.
        if part.unit == .year, amount == 1 { date.inheritsGranularity = true }
        return Candidate(i, stop, .date, .date(date))
    }

    /// "a while", "some time", "a long time", "a lengthy period".
    private func vagueDuration(at i: Int) -> Candidate? {
        if s.isKeyword(i, .a), s.isKeyword(i + 1, .while_word) {
            return Candidate(i, i + 2, .duration, .literal("PXX"))
        }
        if s.isKeyword(i, .awhile) {
            return Candidate(i, i + 1, .duration, .literal("PXX"))
        }
        if s.isKeyword(i, .a), s.isKeyword(i + 1, .long), s.isKeyword(i + 2, .time) {
            return Candidate(i, i + 3, .duration, .literal("PXX"))
        }
        return nil
    }
}
