import ChronicleCalendar
import ChronicleCore

// Years, decades and centuries: "1998", "fiscal 1989", "the 1990s", "the 20th century".
// Examples: Tests/ChronicleTimeTests/YearsDecadesCenturies.swift.

extension Grammar {
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
        // Bare four-digit numbers (not "241 BC"): only plausible years, and not amounts ("2000 people") or codes.
        if !context, s.isNumber(j), end == j + 1 {
            // Years before 1800 need a preposition or another year beside them ("in 1782 and 1783", "the 1777
            // campaign", "as late as 1781").
            guard (1800...2099).contains(y) || yearPreposition(before: j) || (1000...1799).contains(y) && olderYearContext(j, end) else {
                return nil
            }
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
            // "Orion 1980", "Expo 2015": part of a name (in informal text, a year near the day written is the
            // year: "COMEX 2014 deals").
            let nearPresent = colloquial && referenceYear.map { abs($0 - y) <= 2 } == true
            if !nearPresent, s.isWord(j - 1), s.isCapitalized(j - 1), !s.hasEntry(j - 1), !sentenceStartsAt(j - 1), !yearPreposition(before: j) { return nil }
        }

        var spec = DateSpec(granularity: .year)
        spec.year = y
        return dateCandidate(i, end, spec)
    }

    /// Whether a four-digit number before 1800 reads as a year: coordinated with a year ("1782 and 1783"),
    /// after "as late as", "for", "until", or between "the" and a noun ("the 1777 campaign").
    private func olderYearContext(_ j: Int, _ end: Int) -> Bool {
        if s.isKeyword(j - 1, .and) || s.isKeyword(j - 1, .or) || s.isPunct(j - 1, UInt8(ascii: ",")),
           let before = s.number(j - 2), s.digitCount(j - 2) == 4, (1000...2199).contains(before) {
            return true
        }
        if s.isKeyword(j - 1, .as) || s.isText(j - 1, "for") { return !quantityNoun(after: end) && !s.isWord(end) || s.isKeyword(j - 1, .as) }
        return s.isKeyword(j - 1, .the) && s.isWord(end) && !s.isCapitalized(end) && !quantityNoun(after: end) && !s.hasSuffix(end, "s")
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
        // "the 460s BC", "the 470s B.C.": a decade before Christ, by its number of years.
        if let n = s.number(j), (2...4).contains(s.digitCount(j)), n % 10 == 0, s.glued(j + 1), s.isKeyword(j + 1, .s),
           let (beforeChrist, end) = era(at: j + 2), beforeChrist {
            spec.decade = n / 10
            spec.beforeChrist = true
            return dateCandidate(i, end, spec)
        }
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
            var end = k + 1
            // "the 4th century BC" (written BC03, as the 20th century is 19).
            if let (beforeChrist, e) = era(at: end) {
                spec.beforeChrist = beforeChrist
                end = e
            }
            return dateCandidate(i, end, spec)
        }
        return nil
    }
}
