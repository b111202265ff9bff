import ChronicleCalendar
import ChronicleCore

/// The time-expression grammar: hand-written token patterns over the lexicon, tried only at
/// tokens that can start a time expression, longest match first.
/// Each rule family lives in its own file, beside its group of the example corpus
/// (`Tests/ChronicleTimeTests`): `DateRules` (the entry point for dates and point modifiers),
/// `ExplicitDateRules`, `YearRules`, `RelativeDateRules`, `PeriodRules`, `HolidayRules`, `TimeRules`,
/// `DurationRules`, `SetRules`, `ReferenceRules`, `RangeRules`, `InformalRules`. This file holds the driver and the building blocks
/// they share (numbers, month and weekday names, days of the month, years).
struct Grammar {
    let s: TokenStream
    /// Informal text (social posts): lower-case names and shorthand are time words, and a bare part of the
    /// day ("morning", "night") or "weekend" is the one of the day written.
    let colloquial: Bool
    /// The creation time's year, if known: a year near it is a year even inside a name ("COMEX 2014").
    let referenceYear: Int?

    init(_ stream: TokenStream, colloquial: Bool = false, referenceYear: Int? = nil) {
        s = stream
        self.colloquial = colloquial
        self.referenceYear = referenceYear
    }

    /// All time expressions in the document, left to right, never overlapping.
    func candidates() -> [Candidate] {
        var found: [Candidate] = []
        var i = 0
        let n = s.count
        while i < n {
            guard mayStart(i) else {
                i += 1
                continue
            }
            if let end = endOfLinkOrHandle(containing: i) {
                i = end
                continue
            }
            let parsed = parse(at: i)
            if let (first, second) = rangeOfBareNumber(at: i), parsed.map({ $0.end <= first.end }) ?? true {
                found.append(first)
                found.append(second)
                i = second.end
            } else if let c = parsed {
                if let previous = found.last, previous.end + 1 == c.first {
                    found[found.count - 1] = sharingYear(previous, with: c)
                }
                found.append(c)
                i = max(c.end, i + 1)
                // "April 24 and 25", "Oct. 12-14", "March 5-9, 1918": the second day shares the month, the first
                // the year written after the second.
                if let second = coordinatedDay(after: c) {
                    found[found.count - 1] = sharingYear(c, with: second)
                    found.append(second)
                    i = second.end
                }
            } else {
                i += 1
            }
        }
        return found
    }

    @inline(__always) private func mayStart(_ i: Int) -> Bool {
        let t = s.tokens[i]
        switch t.kind {
        case .number: return true
        case .word:
            let k = s.lexIndex[i]
            guard k >= 0 else { return false }
            switch s.entries[Int(k)].start {
            case .always: return true
            case .never: return false
            case .beforeTemporalWord:
                let next = i + 1
                guard next < s.count else { return false }
                return s.lexIndex[next] >= 0 || s.tokens[next].kind == .number || s.isApostrophe(next) || s.isDash(next)
            }
        case .punctuation: return s.isApostrophe(i)
        case .symbol: return false
        }
    }

    /// The longest expression starting at token `i`, with its modifiers.
    func parse(at i: Int) -> Candidate? {
        var best: Candidate?
        func consider(_ c: Candidate?) {
            guard let c, c.end > c.first else { return }
            if best == nil || c.end > best!.end { best = c }
        }
        // A quantity modifier ("about", "more than", "at least", "up to", "nearly") in front of a duration or date.
        if let (mod, j) = quantityModifier(at: i), j < s.count {
            var inner: Candidate?
            for c in [duration(at: j), date(at: j), clockTime(at: j)] {
                if let c, c.end > (inner?.end ?? -1) { inner = c }
            }
            // "over a week" is more than a week; "over a three-year period", "over the years" are spans.
            let spanOver = s.isKeyword(i, .over) && inner.map { c in c.kind != .duration || !(s.entry(c.end - 1).unit != nil || s.isKeyword(c.end - 1, .ago)) } ?? false
            // "get around Wednesday's ruling": before a possessive the word modifies the noun, not the time.
            let possessive = inner.map { c in
                c.end < s.count && (s.isText(c.end, "'s") || s.isText(c.end, "’s")
                    || (s.isApostrophe(c.end) && c.end + 1 < s.count && s.isText(c.end + 1, "s")))
            } ?? false
            if var c = inner, !spanOver, !possessive {
                c.first = i
                c.modifier = adjustModifier(mod, for: c)
                consider(c)
            }
        }
        consider(set(at: i))
        consider(clockTime(at: i))
        consider(date(at: i))
        consider(duration(at: i))
        consider(reference(at: i))
        guard var result = best else { return nil }
        result = suffixModifier(result)
        return result
    }

    /// "nearly" means less-than for a length ("nearly two years") but approximately for a point in time.
    private func adjustModifier(_ mod: TimeExpression.Modifier, for c: Candidate) -> TimeExpression.Modifier {
        if c.kind == .date || c.kind == .time {
            switch mod {
            case .lessThan: return .approximately
            case .moreThan: return .after
            default: return mod
            }
        }
        return mod
    }

    // MARK: Modifiers

    /// "about", "around", "approximately", "roughly", "some", "nearly", "almost", "more than", "over",
    /// "less than", "under", "at least", "at most", "up to", "no more than", "no less than", "within", "just over".
    func quantityModifier(at i: Int) -> (TimeExpression.Modifier, Int)? {
        let j = i
        switch s.keyword(j) {
        case .about, .around, .approximately, .roughly:
            return (.approximately, j + 1)
        case .some:
            // "some 20 years" (approximately) but not "some years" (a vague amount).
            return s.isNumber(j + 1) || s.entry(j + 1).cardinal > 1 ? (.approximately, j + 1) : nil
        case .nearly, .almost:
            return (.lessThan, j + 1)
        case .more, .less:
            guard s.isKeyword(j + 1, .than) else { return nil }
            return (s.keyword(j) == .more ? .moreThan : .lessThan, j + 2)
        case .over:
            // "over a week", "over 20 years" — not the preposition in "over the past year".
            // "over two days" is mostly the preposition; "over 20 years", "over a week" mean more than.
            return s.isNumber(j + 1) || s.isKeyword(j + 1, .a) || s.isKeyword(j + 1, .an) ? (.moreThan, j + 1) : nil
        case .under:
            return (.lessThan, j + 1)
        case .at:
            if s.isKeyword(j + 1, .least) { return (.equalOrMore, j + 2) }
            if s.isKeyword(j + 1, .most) { return (.equalOrLess, j + 2) }
            return nil
        case .up:
            return s.isKeyword(j + 1, .to) ? (.equalOrLess, j + 2) : nil
        case .no:
            if s.isKeyword(j + 2, .than) {
                if s.isKeyword(j + 1, .more) || s.isText(j + 1, "longer") { return (.equalOrLess, j + 3) }
                if s.isKeyword(j + 1, .less) || s.isText(j + 1, "fewer") { return (.equalOrMore, j + 3) }
            }
            return nil
        default:
            if s.isText(j, "fewer") && s.isKeyword(j + 1, .than) { return (.lessThan, j + 2) }
            if s.isText(j, "longer") && s.isKeyword(j + 1, .than) { return (.moreThan, j + 2) }
            return nil
        }
    }

    /// "or so", "or more", "or longer", "or less", "or later", "and beyond", "or earlier", "or before".
    func suffixModifier(_ c: Candidate) -> Candidate {
        var c = c
        let j = c.end
        guard c.modifier == nil, s.isKeyword(j, .or) || s.isKeyword(j, .and) else { return c }
        let isDate = c.kind == .date || c.kind == .time
        if s.isKeyword(j, .or) {
            switch s.keyword(j + 1) {
            case .so: c.modifier = .approximately
            case .more: c.modifier = isDate ? nil : .equalOrMore
            case .less: c.modifier = isDate ? nil : .equalOrLess
            case .later, .after: c.modifier = isDate ? .onOrAfter : nil
            case .earlier, .before: c.modifier = isDate ? .onOrBefore : nil
            default: if s.isText(j + 1, "longer") && !isDate { c.modifier = .equalOrMore }
            }
        } else if s.isKeyword(j + 1, .beyond) && isDate {
            c.modifier = .onOrAfter
        }
        if c.modifier != nil { c.end = j + 2 }
        return c
    }

    // MARK: Numbers

    struct Number {
        /// `nil` for vague amounts ("several", "a few").
        var value: Double?
        var end: Int
        /// Written with digits.
        var isDigits: Bool
        /// Just "a" or "an".
        var isArticle: Bool = false
    }

    /// A cardinal amount: "2", "2,000", "2.5", "2 1/2", "two", "twenty-four", "one hundred",
    /// "a", "an", "a couple of", "a few", "several", "a dozen", "one and a half", "half a".
    func number(at i: Int) -> Number? {
        if let n = s.number(i) {
            var value = Double(n)
            var j = i + 1
            // thousands separators: 2,000
            while s.isPunct(j, UInt8(ascii: ",")) && s.glued(j) && s.isNumber(j + 1) && s.glued(j + 1) && s.digitCount(j + 1) == 3 {
                value = value * 1000 + Double(s.number(j + 1)!)
                j += 2
            }
            // decimals: 2.5
            if s.isPunct(j, UInt8(ascii: ".")) && s.glued(j) && s.isNumber(j + 1) && s.glued(j + 1), let frac = s.number(j + 1) {
                let digits = s.digitCount(j + 1)
                var scale = 1.0
                for _ in 0..<digits { scale *= 10 }
                value += Double(frac) / scale
                j += 2
            } else if let (f, e) = fraction(at: j), !s.glued(j) {
                // 2 1/2
                value += f
                j = e
            }
            if let e = andAHalf(at: j) {
                value += 0.5
                j = e
            }
            // Amounts beyond any calendar ("10,000,000 years") are not durations worth normalising.
            guard value <= 100_000 else { return nil }
            return Number(value: value, end: j, isDigits: true)
        }
        let entry = s.entry(i)
        switch entry.keyword {
        case .a, .an:
            // "a couple of", "a few", "a dozen", "a half", "a hundred"
            if s.isKeyword(i + 1, .couple) {
                return Number(value: 2, end: s.isKeyword(i + 2, .of) ? i + 3 : i + 2, isDigits: false)
            }
            if s.isKeyword(i + 1, .few) { return Number(value: nil, end: i + 2, isDigits: false) }
            if s.isKeyword(i + 1, .dozen) { return Number(value: 12, end: i + 2, isDigits: false) }
            if s.isKeyword(i + 1, .half) { return Number(value: 0.5, end: i + 2, isDigits: false) }
            if s.entry(i + 1).cardinal == 100 || s.entry(i + 1).cardinal == 1000 {
                return Number(value: Double(s.entry(i + 1).cardinal), end: i + 2, isDigits: false)
            }
            return Number(value: 1, end: i + 1, isDigits: false, isArticle: true)
        case .several, .few, .many:
            return Number(value: nil, end: i + 1, isDigits: false)
        case .couple:
            return Number(value: 2, end: s.isKeyword(i + 1, .of) ? i + 2 : i + 1, isDigits: false)
        case .dozens:
            return Number(value: nil, end: s.isKeyword(i + 1, .of) ? i + 2 : i + 1, isDigits: false)
        case .half:
            // "half a year", "half an hour"
            if s.isKeyword(i + 1, .a) || s.isKeyword(i + 1, .an) { return Number(value: 0.5, end: i + 2, isDigits: false) }
            return nil
        case .dozen:
            return Number(value: 12, end: i + 1, isDigits: false)
        default:
            break
        }
        guard entry.cardinal >= 0, entry.cardinal < 100 else { return nil }
        var value = Int(entry.cardinal)
        var j = i + 1
        // twenty-four, twenty four
        if value >= 20, value % 10 == 0 {
            if s.isDash(j) && s.glued(j) && (1...9).contains(s.entry(j + 1).cardinal) {
                value += Int(s.entry(j + 1).cardinal)
                j += 2
            } else if (1...9).contains(s.entry(j).cardinal) {
                value += Int(s.entry(j).cardinal)
                j += 1
            }
        }
        // one hundred, two thousand
        while s.entry(j).cardinal == 100 || s.entry(j).cardinal == 1000 {
            value *= Int(s.entry(j).cardinal)
            if value > 1_000_000_000 { return nil }
            j += 1
        }
        guard value <= 100_000 else { return nil }
        var result = Double(value)
        if let e = andAHalf(at: j) {
            result += 0.5
            j = e
        }
        return Number(value: result, end: j, isDigits: false)
    }

    /// "1/2", "1/4", "3/4" as a fraction.
    private func fraction(at i: Int) -> (Double, Int)? {
        guard let a = s.number(i), s.isPunct(i + 1, UInt8(ascii: "/")), s.glued(i + 1), s.glued(i + 2),
              let b = s.number(i + 2), b > a, b <= 4 else { return nil }
        return (Double(a) / Double(b), i + 3)
    }

    /// "and a half" after a number.
    private func andAHalf(at i: Int) -> Int? {
        s.isKeyword(i, .and) && (s.isKeyword(i + 1, .a) || s.isKeyword(i + 1, .an)) && s.isKeyword(i + 2, .half) ? i + 3 : nil
    }

    // MARK: Units

    /// A unit of time word: "year", "years", "yr", "decade", ...
    func unit(at i: Int) -> (TimeUnit, plural: Bool, end: Int)? {
        let e = s.entry(i)
        guard let u = e.unit else { return nil }
        if e.isAbbreviation {
            // "yr", "hrs", "mo" only after digits or as "yr." ; "min", "sec" likewise ("nxt yr" in informal text).
            guard s.isNumber(i - 1) || s.isDash(i - 1) || colloquial && s.hasEntry(i - 1) && s.entry(i - 1).start != .always else { return nil }
            return (u, e.unitPlural, s.isPunct(i + 1, UInt8(ascii: ".")) && s.glued(i + 1) ? i + 2 : i + 1)
        }
        return (u, e.unitPlural, i + 1)
    }

    // MARK: Names

    /// A month name or abbreviation, with its period ("Oct.", "Sept.", "October").
    func month(at i: Int, strict: Bool = false) -> (Int, end: Int)? {
        let e = s.entry(i)
        guard e.month != 0 else { return nil }
        var end = i + 1
        let dotted = s.isPunct(end, UInt8(ascii: ".")) && s.glued(end)
        if e.isAbbreviation {
            // "Oct." or "Oct" followed by a day or year; abbreviations are capitalised (not in informal text).
            guard s.isCapitalized(i) || colloquial else { return nil }
            // After the day it dates ("21 Jan", "26nov" in informal text) it needs nothing after it.
            let afterDay = s.isNumber(i - 1) && s.digitCount(i - 1) <= 2 && (!s.glued(i) || colloquial)
                || [.st, .nd, .rd, .th].contains(s.keyword(i - 1)) && !s.glued(i)
            if dotted {
                end += 1
            } else if !afterDay, !(s.isNumber(i + 1) || (s.isPunct(i + 1, UInt8(ascii: ",")) && s.isNumber(i + 2))) || s.glued(i + 1) {
                return nil
            }
        }
        // Ambiguous full names: "may", "march", "august" in lower case only before a number.
        if !s.isCapitalized(i) {
            if e.month == 5 || e.month == 3 || e.month == 8 {
                guard s.isNumber(end) && !s.glued(end) else { return nil }
            }
        }
        return (Int(e.month), end)
    }

    /// Whether a capitalised "May" or "March" with no number after it is the month, from its neighbours.
    func ambiguousMonthIsMonth(at i: Int) -> Bool {
        let e = s.entry(i)
        guard e.month == 5 || e.month == 3 else { return true }
        let prev = s.keyword(i - 1)
        switch prev {
        case .in, .on, .since, .until, .til, .by, .of, .from, .to, .through, .before, .after, .early, .late, .mid,
             .last, .next, .this, .that, .end, .beginning, .middle, .and, .or, .latest, .each, .every:
            return true
        default:
            break
        }
        if s.isText(i - 1, "during") || s.isText(i - 1, "between") || s.isText(i - 1, "till") || s.isText(i - 1, "except") { return true }
        if s.isDash(i - 1) && s.glued(i) { return s.isKeyword(i - 2, .mid) }
        // "March for Life", "March on Washington", "March of the Mothers": an event's name.
        if e.month == 3, s.isText(i + 1, "for") || s.isText(i + 1, "on") || s.isKeyword(i + 1, .of), s.isCapitalized(i + 2) || s.isKeyword(i + 2, .the) {
            return false
        }
        if s.isText(i - 1, "annual") { return false }
        // A capitalised word before it makes it a name ("Theresa May", "Women's March").
        if s.isCapitalized(i - 1) && s.tokens[i - 1].kind == .word && !s.hasEntry(i - 1) { return false }
        if s.isApostrophe(i - 1) { return false }
        // Followed by a year, a comma or the end of the clause: a month.
        let next = i + 1
        if next >= s.count { return true }
        if s.isNumber(next) { return true }
        if s.tokens[next].kind == .punctuation { return !s.isApostrophe(next) || s.isText(next + 1, "s") }
        // Sentence-initial "May" before a pronoun or determiner is the modal ("May I ...", "May the ...").
        if sentenceStartsAt(i) {
            if s.isText(next, "i") || s.isText(next, "we") || s.isText(next, "you") || s.isText(next, "the") || s.isText(next, "it")
                || s.isText(next, "they") || s.isText(next, "he") || s.isText(next, "she") || s.isText(next, "god") || s.isText(next, "this") {
                return false
            }
            return true
        }
        // Mid-sentence "May" followed by a lower-case verb-like word after a noun ("they May decide") is rare
        // in edited text; a month is the better bet.
        return e.month == 3 ? !(s.isText(next, "on") || s.isText(next, "to") || s.isText(next, "through") || s.isText(next, "against")) : true
    }

    /// Whether token `i` begins a sentence (or the text).
    func sentenceStartsAt(_ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, s.tokens[j].kind == .punctuation, s.isPunct(j, UInt8(ascii: "\"")) || s.isPunct(j, UInt8(ascii: "(")) || isQuoteMark(j) {
            j -= 1
        }
        if j < 0 { return true }
        return s.isPunct(j, UInt8(ascii: ".")) || s.isPunct(j, UInt8(ascii: "!")) || s.isPunct(j, UInt8(ascii: "?"))
            || s.isPunct(j, UInt8(ascii: ":")) || hasLineBreak(before: j + 1)
    }

    func isQuoteMark(_ i: Int) -> Bool {
        guard i >= 0, i < s.count, s.tokens[i].kind == .punctuation else { return false }
        let t = s.tokens[i]
        let b = Int(t.byteStart)
        return t.byteEnd - t.byteStart == 3 && s.bytes[b] == 0xE2 && s.bytes[b + 1] == 0x80 && (0x98...0x9F).contains(s.bytes[b + 2])
    }

    /// Whether a line break separates token `i` from the previous one.
    func hasLineBreak(before i: Int) -> Bool {
        guard i > 0, i < s.count else { return i == 0 }
        var k = Int(s.tokens[i].byteStart) - 1
        let stop = Int(s.tokens[i - 1].byteEnd)
        while k >= stop {
            if s.bytes[k] == 0x0A { return true }
            k -= 1
        }
        return false
    }

    /// A weekday name ("Friday", "Fri.", "Fridays" with `plural`).
    func weekday(at i: Int) -> (Int, plural: Bool, end: Int)? {
        let e = s.entry(i)
        guard e.weekday != 0 else { return nil }
        if e.isAbbreviation {
            // Informal text writes "fri", "sat", "Tues" for the days: after a word that introduces a day, before a
            // time or part of the day, or in a range of days ("Sat-Sun").
            if colloquial, abbreviatedWeekdayStands(at: i) {
                return (Int(e.weekday), false, s.isPunct(i + 1, UInt8(ascii: ".")) && s.glued(i + 1) ? i + 2 : i + 1)
            }
            // "Sun", "Sat", "Wed", "Mon" are names and words too: only "Sat." style, capitalised, before a date.
            guard s.isCapitalized(i), s.isPunct(i + 1, UInt8(ascii: ".")), s.glued(i + 1) else { return nil }
            guard month(at: i + 2) != nil || s.isNumber(i + 2) || s.isPunct(i + 2, UInt8(ascii: ",")) else { return nil }
            return (Int(e.weekday), false, i + 2)
        }
        return (Int(e.weekday), e.weekdayPlural, i + 1)
    }

    /// Whether an abbreviated weekday in informal text is the day: "on sat", "this Fri", "next fri", "fri night",
    /// "Sat 7pm", "Sat-Sun", "Tues-Wed".
    private func abbreviatedWeekdayStands(at i: Int) -> Bool {
        switch s.keyword(i - 1) {
        case .on, .this, .next, .last, .every, .by, .until, .til, .from, .since, .before, .after: return true
        default: break
        }
        let next = s.isPunct(i + 1, UInt8(ascii: ".")) && s.glued(i + 1) ? i + 2 : i + 1
        if s.entry(next).partOfDay != nil || s.isNumber(next) && clock(at: next) != nil { return true }
        if s.isPunct(next, UInt8(ascii: ",")) && clock(at: next + 1) != nil { return true }
        if s.isDash(next) && s.entry(next + 1).weekday != 0 || s.isDash(i - 1) && s.entry(i - 2).weekday != 0 { return true }
        return false
    }

    /// A day of the month: "28", "28th", "the 28th" is handled by callers; ordinal words "twenty-eighth".
    func dayOfMonth(at i: Int) -> (Int, end: Int, isOrdinal: Bool)? {
        if let n = s.number(i), s.digitCount(i) <= 2, (1...31).contains(n) {
            if s.glued(i + 1), s.isWord(i + 1) {
                switch s.keyword(i + 1) {
                case .st, .nd, .rd, .th: return (n, i + 2, true)
                default:
                    // "26nov" in informal text: the day and its month run together.
                    return colloquial && s.entry(i + 1).month != 0 ? (n, i + 1, false) : nil
                }
            }
            return (n, i + 1, false)
        }
        let e = s.entry(i)
        if e.ordinal > 0, e.ordinal <= 31 {
            return (Int(e.ordinal), i + 1, true)
        }
        // twenty-first ... thirty-first
        if e.cardinal == 20 || e.cardinal == 30 {
            var j = i + 1
            if s.isDash(j) && s.glued(j) { j += 1 }
            let o = s.entry(j).ordinal
            if o >= 1 && o <= 9 && Int(e.cardinal) + Int(o) <= 31 { return (Int(e.cardinal) + Int(o), j + 1, true) }
        }
        return nil
    }

    // MARK: Years

    /// An era: "BC", "BCE", "B.C.", "B.C.E.", "AD", "A.D.", "CE", "C.E." (capitals only: "ad" is a word).
    func era(at i: Int) -> (beforeChrist: Bool, end: Int)? {
        guard s.isWord(i), s.isCapitalized(i) else { return nil }
        if s.isAllCaps(i) {
            if s.isText(i, "bc") || s.isText(i, "bce") { return (true, dotted(i + 1)) }
            if s.isText(i, "ad") || s.isText(i, "ce") { return (false, dotted(i + 1)) }
        }
        // Dotted: "B.C.", "B.C.E.", "A.D.", "C.E." as single letters and periods.
        var letters: [UInt8] = []
        var k = i
        while k < s.count, s.isWord(k), s.digitCount(k) == 1, s.isAllCaps(k), s.isPunct(k + 1, UInt8(ascii: ".")), s.glued(k + 1),
              letters.count < 3, k == i || s.glued(k) {
            letters.append(s.bytes[Int(s.tokens[k].byteStart)])
            k += 2
        }
        switch String(decoding: letters, as: UTF8.self) {
        case "BC", "BCE": return (true, k)
        case "AD", "CE": return (false, k)
        default: return nil
        }
    }

    /// After an era written without periods, a glued period that is not the end of the sentence.
    private func dotted(_ i: Int) -> Int {
        s.isPunct(i, UInt8(ascii: ".")) && s.glued(i) && !sentenceStartsAt(i + 1) ? i + 1 : i
    }

    /// The year written after a day and month: ", 2015" or " 2015".
    func yearAfterDate(at i: Int) -> (Int, end: Int)? {
        if s.isPunct(i, UInt8(ascii: ",")), let found = year(at: i + 1, context: true) { return found }
        return year(at: i, context: true)
    }

    /// A year written as such: "2015", "'98", "nineteen ninety-six", "two thousand", "241 BC".
    /// `context` relaxes the checks when a month or "the year" makes the reading certain.
    /// Years before Christ are astronomical (1 BC is 0, 241 BC is -240), so that arithmetic runs across the era.
    func year(at i: Int, context: Bool = false) -> (Int, end: Int)? {
        // "241 BC", "146 B.C.", "AD 9", "9 AD", "480 BCE": a year of any length with its era.
        if let n = s.number(i), s.digitCount(i) <= 4, n > 0, !(s.glued(i) && (s.isWord(i - 1) || s.isNumber(i - 1))),
           let (beforeChrist, end) = era(at: i + 1) {
            return (beforeChrist ? 1 - n : n, end)
        }
        if let (beforeChrist, e) = era(at: i), !beforeChrist, let n = s.number(e), n > 0, s.digitCount(e) <= 4 {
            return (n, e + 1)
        }
        if let n = s.number(i), s.digitCount(i) == 4 {
            guard (context ? 1000...2999 : 1000...2199).contains(n) else { return nil }
            // "1990s", "2015th", "1,998", "$2015", "2015%", "2015-2016" handled by callers.
            if s.glued(i + 1) {
                if s.isWord(i + 1) { return nil }
                if s.isPunct(i + 1, UInt8(ascii: "%")) { return nil }
                if (s.isPunct(i + 1, UInt8(ascii: ",")) || s.isPunct(i + 1, UInt8(ascii: "."))) && s.isNumber(i + 2) && s.glued(i + 2) { return nil }
                if s.isPunct(i + 1, UInt8(ascii: ":")) && s.isNumber(i + 2) { return nil }
            }
            if s.glued(i) {
                if s.isPunct(i - 1, UInt8(ascii: "$")) || s.isPunct(i - 1, UInt8(ascii: "#")) || s.tokens[i - 1].kind == .symbol { return nil }
                if s.isPunct(i - 1, UInt8(ascii: ".")) || s.isPunct(i - 1, UInt8(ascii: ",")) || s.isPunct(i - 1, UInt8(ascii: ":")) { return nil }
                if s.isWord(i - 1) { return nil }
            }
            return (n, i + 1)
        }
        // '98
        if s.isApostrophe(i), let n = s.number(i + 1), s.glued(i + 1), s.digitCount(i + 1) == 2, !(s.glued(i + 2) && s.isWord(i + 2)),
           !s.isCapitalized(i + 2), s.entry(i + 2).unit == nil, !s.isApostrophe(i - 1), !s.isPunct(i - 1, UInt8(ascii: "`")) {
            return (n < 30 ? 2000 + n : 1900 + n, i + 2)
        }
        // nineteen ninety-six, nineteen hundred, two thousand (and) one
        let e = s.entry(i)
        if e.cardinal >= 11 && e.cardinal <= 20 {
            if s.entry(i + 1).cardinal == 100, context {
                return (Int(e.cardinal) * 100, i + 2)
            }
            // "nineteen ninety-six", "twenty fifteen": a spoken year, whatever surrounds it.
            if let tail = number(at: i + 1), !tail.isDigits, !tail.isArticle, let v = tail.value, v >= 10, v < 100, v == v.rounded(),
               s.entry(tail.end).unit == nil {
                return (Int(e.cardinal) * 100 + Int(v), tail.end)
            }
        }
        if context, e.cardinal == 2, s.entry(i + 1).cardinal == 1000 {
            var j = i + 2
            if s.isKeyword(j, .and) { j += 1 }
            if let tail = number(at: j), !tail.isDigits, !tail.isArticle, let v = tail.value, v >= 1, v < 100 {
                return (2000 + Int(v), tail.end)
            }
            return (2000, i + 2)
        }
        return nil
    }
}

