import ChronicleCore

extension Grammar {
    /// References to the present, past and future: "now", "currently", "current", "recently", "recent",
    /// "the past", "the future", "soon", "nowadays", "these days", "the near future".
    func reference(at i: Int) -> Candidate? {
        switch s.keyword(i) {
        case .now:
            // "right now", "until now", "now" — but not "now that" as a conjunction? still a present reference.
            return Candidate(i, i + 1, .date, .reference("PRESENT_REF"))
        case .more:
            // "more recently"
            return s.isKeyword(i + 1, .recently) ? Candidate(i, i + 2, .date, .reference("PAST_REF")) : nil
        case .then:
            return s.isKeyword(i + 1, .current) ? Candidate(i, i + 2, .date, .reference("PAST_REF")) : nil
        case .currently, .nowadays, .presently:
            return Candidate(i, i + 1, .date, .reference("PRESENT_REF"))
        case .current:
            // "current" as an adjective of time ("the current crisis") — not "current account", "electric current".
            if s.isText(i + 1, "account") || s.isText(i + 1, "accounts") || s.isText(i + 1, "affairs") || s.isText(i + 1, "events") || s.isKeyword(i - 1, .the) && s.tokens.indices.contains(i + 1) && s.tokens[i + 1].kind == .punctuation {
                return nil
            }
            var c = Candidate(i, i + 1, .date, .reference("PRESENT_REF"))
            c.check = ReadingCheck(token: i, rule: .notNoun)
            return c
        case .these:
            return s.isKeyword(i + 1, .days) ? Candidate(i, i + 2, .date, .reference("PRESENT_REF")) : nil
        case .recently, .lately:
            return Candidate(i, i + 1, .date, .reference("PAST_REF"))
        case .recent:
            // "recent years" is a past reference too; "recent months/weeks/days" are durations (handled there).
            if s.entry(i + 1).unit == .year, s.entry(i + 1).unitPlural {
                return Candidate(i, i + 2, .date, .reference("PAST_REF"))
            }
            return Candidate(i, i + 1, .date, .reference("PAST_REF"))
        // "previously", "formerly", "soon" and the adjective "future" are rarely annotated as time expressions
        // in TimeBank/AQUAINT (about one in four): they are left out on purpose.
        case .the:
            // "the past", "the future", "the near future", "the foreseeable future", "the present"
            var j = i + 1
            if s.isKeyword(j, .near) || s.isKeyword(j, .distant) || s.isKeyword(j, .immediate) || (s.isKeyword(j, .recent) && s.isKeyword(j + 1, .past)) {
                j += 1
            }
            switch s.keyword(j) {
            case .future:
                return Candidate(i, j + 1, .date, .reference("FUTURE_REF"))
            case .past where j > i + 1:
                // "the distant past", "the recent past"
                return Candidate(i, j + 1, .date, .reference("PAST_REF"))
            case .past where j == i + 1:
                // "the past" as a noun, not "the past two years" (a duration) or "the past week".
                if s.entry(j + 1).unit != nil || numberStarts(j + 1) || s.isKeyword(j + 1, .few) || s.isKeyword(j + 1, .several) { return nil }
                if s.entry(j + 1).weekday != 0 || s.entry(j + 1).month != 0 || s.entry(j + 1).season != nil || s.isWord(j + 1) && !s.hasEntry(j + 1) && !s.isCapitalized(j + 1) { return nil }
                return Candidate(i, j + 1, .date, .reference("PAST_REF"))
            case .present where j == i + 1:
                if s.isWord(j + 1) && !s.hasEntry(j + 1) { return nil }
                return Candidate(i, j + 1, .date, .reference("PRESENT_REF"))
            default:
                // "the near term", "the short term", "the long term"
                if s.isKeyword(j, .term) && (j > i + 1 || s.isKeyword(j - 1, .the)) && (s.isKeyword(i + 1, .near) || s.isKeyword(i + 1, .short) || s.isKeyword(i + 1, .long)) {
                    return Candidate(i, j + 1, .date, .reference("FUTURE_REF"))
                }
                if s.isKeyword(j, .short) || s.isKeyword(j, .long), s.isKeyword(j + 1, .term), !s.isDash(j + 1) {
                    return Candidate(i, j + 2, .date, .reference("FUTURE_REF"))
                }
                return nil
            }
        case .a:
            // "a later date"
            if s.isKeyword(i + 1, .later), s.isKeyword(i + 2, .date) {
                return Candidate(i, i + 3, .date, .reference("FUTURE_REF"))
            }
            return nil
        case .as:
            // "as soon as possible"
            if s.isKeyword(i + 1, .soon), s.isKeyword(i + 2, .as), s.isKeyword(i + 3, .possible) {
                return Candidate(i, i + 4, .date, .reference("FUTURE_REF"))
            }
            return nil
        case .present:
            // "at present"
            return s.isKeyword(i - 1, .at) ? Candidate(i, i + 1, .date, .reference("PRESENT_REF")) : nil
        case .future:
            // "in future" (British and informal), like "in the future".
            return s.isKeyword(i - 1, .in) && !s.isWord(i + 1) ? Candidate(i, i + 1, .date, .reference("FUTURE_REF")) : nil
        default:
            return nil
        }
    }
}

extension Grammar {
    /// Helper used by the reference rules: a number at `i`.
    fileprivate func numberStarts(_ i: Int) -> Bool { number(at: i) != nil }
}
