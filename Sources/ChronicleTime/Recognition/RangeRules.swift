import ChronicleCalendar
import ChronicleCore

// Ranges and coordination: "12–14 July", "1861–1863", "1915–17", "499–493 BC", "14 August–24 August",
// "the 28 and 29 August", "between 12 and 18 months". Each end is its own expression with a full value:
// the first end takes what it leaves out (month, year, era, unit) from the second.
// Examples: Tests/ChronicleTimeTests/Ranges.swift.

extension Grammar {
    /// A word or mark that joins the two ends of a range or a coordination: a hyphen or dash, "to",
    /// "through", "until", "and", "or".
    func joinsEnds(_ j: Int) -> Bool {
        s.isDash(j) || s.isKeyword(j, .to) || s.isKeyword(j, .through) || s.isKeyword(j, .until) || s.isKeyword(j, .and)
            || s.isKeyword(j, .or)
    }

    /// The two ends of a range whose first end is a bare number that only the second end explains: a day
    /// ("12–14 July"), a year ("1915–17", "499–493 BC", "1775–1780") or an amount ("12 to 18 months").
    func rangeOfBareNumber(at i: Int) -> (first: Candidate, second: Candidate)? {
        // Cheap first look: a number (or "the" and a number, or a number word) before a joiner.
        guard s.isNumber(i) && joinsEnds(i + 1) || s.isKeyword(i, .the) && s.isNumber(i + 1) && joinsEnds(i + 2)
            || s.entry(i).cardinal > 0 && !s.isNumber(i) else { return nil }
        let hasThe = s.isKeyword(i, .the)
        let k = hasThe ? i + 1 : i
        let j = k + 1
        guard joinsEnds(j), !s.isPunct(k - 1, UInt8(ascii: "$")) else { return nil }
        // Not part of a larger number: "2,000-3,000", "1.5-2".
        if s.glued(k), s.isPunct(k - 1, UInt8(ascii: ",")) || s.isPunct(k - 1, UInt8(ascii: ".")) || s.isNumber(k - 1) || s.isDash(k - 1) {
            return nil
        }
        if let n = s.number(k) {
            let digits = s.digitCount(k)
            // Years: "1861–1863", "1915–17", "2007-08", "499–493 BC".
            if !hasThe, digits >= 3, s.isDash(j) || s.isKeyword(j, .to), let second = yearEnd(after: j, first: n, digits: digits) {
                var spec = DateSpec(granularity: .year)
                spec.year = second.bc ? 1 - n : n
                return (dateCandidate(k, k + 1, spec), second.candidate)
            }
            // Days: "12–14 July 1950", "the 28 and 29 August", "19-20 Oct".
            if digits <= 2, (1...31).contains(n), !s.isKeyword(j, .or), let second = dayMonthDate(at: j + 1) ?? monthLed(at: j + 1, weekday: nil),
               case .date(let spec) = second.meaning, let day = spec.day, spec.month != nil, n != day {
                var first = spec
                first.day = n
                first.weekday = nil
                return (dateCandidate(i, j, first), second)
            }
        }
        // Amounts: "12 to 18 months", "between two and six days", "10-12 hours".
        guard !hasThe, s.isDash(j) || s.isKeyword(j, .and) || s.isText(k - 1, "between"),
              let amount = number(at: k), amount.end == j, let value = amount.value, !amount.isArticle,
              let second = duration(at: j + 1), case .duration(let d) = second.meaning, d.parts.count == 1,
              let other = d.parts[0].amount, other > value, second.modifier == nil else { return nil }
        return (Candidate(k, j, .duration, .duration(DurationSpec(value, d.parts[0].unit))), second)
    }

    /// The second end of a range of years: a year of four digits later than the first (within two centuries),
    /// its last two digits ("1915–17"), or a year of its era ("493 BC").
    private func yearEnd(after j: Int, first: Int, digits: Int) -> (candidate: Candidate, bc: Bool)? {
        let k = j + 1
        guard let n = s.number(k) else { return nil }
        var spec = DateSpec(granularity: .year)
        if let (year, end) = year(at: k, context: true), end > k + 1 {
            // With its era: both ends are of it ("499–493 BC": the first is the earlier, and larger).
            guard year <= 0 ? first > n : first < n else { return nil }
            spec.year = year
            return (dateCandidate(k, end, spec), year <= 0)
        }
        guard digits == 4, (1000...2199).contains(first), !(s.glued(k + 1) && (s.isWord(k + 1) || s.isNumber(k + 1))) else { return nil }
        if s.digitCount(k) == 4, n > first, n - first <= 200 {
            spec.year = n
        } else if s.digitCount(k) == 2, s.glued(k), n > first % 100 {
            spec.year = first - first % 100 + n
        } else {
            return nil
        }
        return (dateCandidate(k, k + 1, spec), false)
    }

    /// A date without a year that ends where a range joiner stands before a dated second end ("31 May–1 June
    /// 1916", "July 1 to July 3, 1863", "14 August–24 August 1914") takes the second's year.
    func sharingYear(_ first: Candidate, with second: Candidate) -> Candidate {
        guard second.first == first.end + 1, joinsEnds(first.end), !s.isKeyword(first.end, .or),
              case .date(var a) = first.meaning, a.year == nil, a.month != nil, a.shift == nil,
              case .date(let b) = second.meaning, let year = b.year, let m2 = b.month, let m1 = a.month else { return first }
        var c = first
        a.year = m1 <= m2 ? year : year - 1
        c.meaning = .date(a)
        return c
    }

    /// "April 24 and 25", "Oct. 12-14", "March 5-9, 1918": a second day after a month and day, in the same month.
    func coordinatedDay(after c: Candidate) -> Candidate? {
        guard case .date(let spec) = c.meaning, spec.month != nil, spec.day != nil, spec.year == nil, c.modifier == nil else { return nil }
        let j = c.end
        guard s.isKeyword(j, .and) || s.isKeyword(j, .or) || s.isKeyword(j, .to) || s.isKeyword(j, .through) || (s.isDash(j) && s.glued(j)),
              let (d, end, _) = dayOfMonth(at: j + 1), !(s.isPunct(end, UInt8(ascii: ":"))),
              s.entry(end).unit == nil, !s.isPunct(end, UInt8(ascii: "%")),
              s.entry(end).month == 0 else { return nil }
        var second = spec
        second.day = d
        second.weekday = nil
        var last = end
        if let (y, e) = yearAfterDate(at: end) {
            second.year = y
            last = e
        }
        return Candidate(j + 1, last, .date, .date(second))
    }
}
