import ChronicleCalendar
import ChronicleCore

// Parts of a year: quarters, halves, reporting periods and seasons, with the year that qualifies them.
// Examples: Tests/ChronicleTimeTests/MonthsQuartersSeasons.swift.

extension Grammar {
    // MARK: Quarters and halves

    /// "the third quarter", "third-quarter", "the fourth quarter of 1984", "this year's third quarter",
    /// "the fiscal first quarter", "the first half of 1990", "Q3", "the quarter", "the latest quarter",
    /// "the year-ago quarter", "the 1988 period", "the corresponding period last year".
    func quarterOrHalf(at i: Int) -> Candidate? {
        // Every expression below ends on a word that names the period (TokenStream.lastPeriodWord).
        guard i <= s.lastPeriodWord else { return nil }
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
        } else if s.isKeyword(j, .final) || (s.isKeyword(j, .last) || s.isText(j, "latter")) && j > i && s.entry(j + 1).keyword == .half {
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
            case .next?, .coming?, .thisComing?:
                spec.occurrence = .next
                // "the next spring", like "the next day": the one after the time in focus.
                if s.isKeyword(i, .the) { spec.base = .reference }
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
}
