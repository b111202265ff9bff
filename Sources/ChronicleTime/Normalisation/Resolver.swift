import ChronicleCalendar
import ChronicleCore

/// Turns recognised candidates into TIMEX3 values, in document order, keeping track of the
/// narrative reference time.
///
/// Deictic expressions ("yesterday", "last week", "two years ago", "Friday") are anchored on the
/// document creation time; anaphoric ones ("the next day", "that week", "a year earlier", "the
/// quarter") on the most recent expression of suitable granularity, falling back to the creation time.
struct Resolver {
    struct Result {
        var value: String
        var kind: TimeExpression.Kind
        var anchor: TimeExpression.Anchor?
        var calendar: CalendarValue?
        var yearInference: YearInference?
    }

    let creationTime: CreationTime?
    /// Without a creation time: the year the text allows, if a rule picked one.
    let inferredYear: Int?
    let inference: YearInference?
    private(set) var diagnostics: [Diagnostic] = []
    /// Resolved dates so far, most recent last, with the id of their expression.
    private(set) var history: [(value: CalendarValue, id: String, sentence: Int, derived: Bool, origin: Origin, movesNarrative: Bool)] = []
    /// How often each period (by value) has been named outright, with its first entry in ``history``, and the
    /// most named period of each granularity.
    private var periodCounts: [String: (count: Int, first: Int)] = [:]
    private var mostNamed: [Granularity: String] = [:]
    /// What a resolved date was anchored on: the text's own words, the creation time (deictic: the story
    /// is about the present there), or an earlier expression (the narrative).
    enum Origin {
        case text, creationTime, narrative
    }
    let genre: TemporalTagger.Genre
    /// A narrative date counts as far from the creation time (and so is the narrative time in ``Genre/auto``)
    /// when its year is at least this many years from the creation time's.
    static let narrativeDistance = 2
    /// How many resolved dates back a reference time is looked for: the cost of an expression does not grow
    /// with the length of the text.
    static let lookBack = 256
    /// Whether the expression being resolved can move the narrative: not a year that opens a span up to
    /// the present ("since 1980").
    var movesNarrative = true
    /// What the text has dated so far: the dates it writes far back from the creation time (a history's), and
    /// those near it or dated on it ("yesterday", "last week": news about the present). In ``Genre/auto`` the
    /// narrative time is followed while the first outnumber the second.
    private(set) var pastEvidence = 0, presentEvidence = 0
    /// A text that dates the past far more than the present: a history, in which a quoted "today" or a plan
    /// ("planned to attack in May") stays in the narrative.
    var isHistory: Bool { pastEvidence >= 3 && pastEvidence > 2 * presentEvidence }
    /// The sentence of the expression being resolved.
    var sentence = 0
    /// Without a creation time: the latest day the text dates in full ("Sunday, Feb. 9, 2020"), outside
    /// the future tense; deictic expressions ("Monday", "this week", "last year") hang on it, as they would
    /// on the creation time, rather than on whatever the narrative last moved to.
    private var storyDate: (date: CalendarDate, id: String, text: String)?
    /// Whether the expression being resolved opens its sentence ("In 2012, ...", "Last year, ...").
    var opensSentence = false
    /// The year of the last expression that opened a sentence: a month or season named later in that
    /// sentence without a year falls in it ("In 2012, the streets flooded in March").
    private var openingYear: (sentence: Int, year: Int, id: String, text: String)?
    /// The day of a range's first end while its second end is resolved ("from Monday to Friday"):
    /// a weekday named alone is then the first such day on or after it.
    var rangeStart: CalendarDate?

    init(creationTime: CreationTime?, inferredYear: Int? = nil, inference: YearInference? = nil, genre: TemporalTagger.Genre = .auto) {
        self.creationTime = creationTime
        self.inferredYear = inferredYear
        self.inference = inference
        self.genre = genre
    }

    private var dctValue: String { creationTime?.description ?? "" }

    mutating func resolve(_ c: Candidate, id: String, span: TextSpan, tense: () -> Tense) -> Result? {
        switch c.meaning {
        case .literal(let v):
            return Result(value: v, kind: c.kind)
        case .reference(let v):
            return Result(value: v, kind: c.kind, anchor: creationTime.map { .creationTime($0.description) })
        case .duration(let d):
            return Result(value: d.text, kind: c.kind)
        case .set(let setSpec):
            switch setSpec {
            case .every(let d): return Result(value: d.text, kind: .set)
            case .pattern(let spec): return Result(value: pattern(spec), kind: .set)
            }
        case .date(let spec):
            var anchor: TimeExpression.Anchor?
            var usedInference = false
            guard var value = resolveDate(spec, tense: tense, anchor: &anchor, usedInference: &usedInference, span: span) else {
                return nil
            }
            if spec.offsetDays != 0 || spec.asWeek, let day = value.representativeDate, value.granularity <= .day {
                let moved = day.adding(days: spec.offsetDays)
                let clock = value.clock, part = value.partOfDay
                value = CalendarValue(date: moved, granularity: spec.asWeek ? .week : value.granularity)
                value.clock = clock
                value.partOfDay = part
            }
            guard value.isWithinTIMEX3Years else {
                diagnostics.append(Diagnostic(.warning, .dateOutOfRange, "the date lies beyond the years TIMEX3 writes (BC9999 to 9999)", span: span))
                return nil
            }
            if opensSentence, value.granularity == .year, let year = value.year, !spec.inheritsGranularity {
                openingYear = (sentence, year, id, value.text)
            }
            if creationTime == nil, spec.year != nil, spec.month != nil, spec.day != nil, spec.shift == nil, spec.offsetDays == 0,
               value.granularity <= .day, let day = value.representativeDate, storyDate.map({ day > $0.date }) ?? true,
               tense() != .future {
                storyDate = (day, id, value.text)
            }
            if let zone = spec.zoneOffset, value.clock != nil, value.granularity.rawValue <= Granularity.hour.rawValue { value.zone = zone }
            var kind = c.kind
            if value.granularity.rawValue <= Granularity.hour.rawValue, value.clock != nil { kind = .time }
            if value.year != nil || value.decade != nil || value.century != nil {
                let origin: Origin
                switch anchor {
                case nil: origin = .text
                case .creationTime?: origin = .creationTime
                case .expression?, .narrative?: origin = .narrative
                }
                // A flashback ("two decades earlier", "the previous April") does not move the narrative.
                let flashback = spec.base == .reference && (spec.shift?.amount ?? 0) < 0
                // Neither does a plan or a forecast in a history ("Hanoi planned its final offensive for 1976", "we can
                // hold out over the winter").
                let plan = isHistory && (spec.year != nil && spec.month == nil || anchor != nil) && tense() == .future
                let derived = spec.inheritsGranularity || (spec.latestFinished && spec.shift != nil)
                if !derived { count(value, at: history.count) }
                history.append((value, id, sentence, derived, origin, movesNarrative && !flashback && !plan))
                if origin == .text, movesNarrative, let year = value.year ?? value.decade.map({ $0 * 10 }), let dct = creationTime?.date {
                    if dct.year - year >= Self.narrativeDistance { pastEvidence += 1 } else { presentEvidence += 1 }
                } else if origin == .creationTime, !derived {
                    presentEvidence += 1
                }
            }
            return Result(value: value.text, kind: kind, anchor: anchor, calendar: value,
                          yearInference: usedInference ? inference : nil)
        }
    }

    // MARK: Anchors

    /// The date a relative expression starts from, and how to report it.
    private func base(_ kind: AnchorBase, granularity: Granularity) -> (CalendarDate, TimeExpression.Anchor)? {
        if kind == .reference, let (value, id) = reference(atMost: granularity), let date = value.representativeDate {
            return (date, .expression(id: id, value: value.text))
        }
        if let creationTime {
            return (creationTime.date, .creationTime(creationTime.description))
        }
        if kind == .creationTime, let story = storyDate {
            return (story.date, .expression(id: story.id, value: story.text))
        }
        if let (value, id) = reference(atMost: granularity), let date = value.representativeDate {
            // No creation time: a deictic expression can only hang on the narrative.
            return (date, .expression(id: id, value: value.text))
        }
        return nil
    }

    /// The most recent resolved date at least as precise as `granularity` (a day for "the next day",
    /// anything with a year for "that year").
    private func reference(atMost granularity: Granularity) -> (CalendarValue, String)? {
        for entry in history.suffix(Self.lookBack).reversed()
        where !entry.derived && (entry.value.granularity <= max(granularity, .day) || entry.value.granularity == granularity) {
            if entry.value.representativeDate != nil { return (entry.value, entry.id) }
        }
        return nil
    }

    /// The period of this granularity the document is about: the one named most often so far
    /// (an earnings report names its quarter again and again), the earliest on a tie.
    private func latest(_ granularity: Granularity) -> (CalendarValue, String)? {
        guard let best = mostNamed[granularity], let (_, first) = periodCounts[best] else { return nil }
        let entry = history[first]
        return (entry.value, entry.id)
    }

    /// Counts what ``latest(_:)`` needs as dates are resolved, so that it costs the same at any point of a text.
    private mutating func count(_ value: CalendarValue, at index: Int) {
        // Only the periods a reporting period can be ("the quarter", "the year-ago period"): not days and times.
        guard value.year != nil, value.granularity >= .week, value.granularity <= .year else { return }
        let key = value.text
        var entry = periodCounts[key] ?? (0, index)
        entry.count += 1
        periodCounts[key] = entry
        if let best = mostNamed[value.granularity], let current = periodCounts[best],
           (current.count, -current.first) >= (entry.count, -entry.first) {
            return
        }
        mostNamed[value.granularity] = key
    }

    /// The year that opens the sentence being resolved ("In 2012, ...", "Last year, ...").
    private func sentenceYear() -> (Int, String, String)? {
        guard let opening = openingYear, opening.sentence == sentence else { return nil }
        return (opening.year, opening.id, opening.text)
    }

    /// The period a comparison ("a year earlier", "the year-ago quarter") is made against: the latest
    /// quarter, month or day named in the last few sentences, not itself a comparison.
    private func comparisonBase() -> (CalendarValue, String)? {
        for entry in history.suffix(Self.lookBack).reversed() {
            guard sentence - entry.sentence <= 4 else { return nil }
            guard !entry.derived else { continue }
            switch entry.value.granularity {
            case .quarter, .half, .month: return (entry.value, entry.id)
            case .year, .decade, .century, .millennium: return nil
            default: continue
            }
        }
        return nil
    }

    // MARK: Dates

    private mutating func resolveDate(_ spec: DateSpec, tense: () -> Tense, anchor: inout TimeExpression.Anchor?,
                                      usedInference: inout Bool, span: TextSpan) -> CalendarValue? {
        var v = CalendarValue(granularity: spec.granularity)
        // Decades and centuries named outright.
        if let decade = spec.decade {
            v.decade = decade
            v.beforeChrist = spec.beforeChrist
            return v
        }
        if let century = spec.century {
            v.century = century
            v.beforeChrist = spec.beforeChrist
            return v
        }
        if let digit = spec.decadeDigit {
            // "the nineties": the latest such decade not after the anchor year.
            if let (date, a) = base(.creationTime, granularity: .year) {
                var century = date.year / 100
                if century * 10 + digit > date.year / 10 { century -= 1 }
                v.decade = century * 10 + digit
                anchor = a
            } else {
                v.decade = 190 + digit
            }
            return v
        }
        // A reporting period dated by its last day: the calendar quarter of the day 45 days before it
        // (a fiscal quarter ending July 31 is mostly the second calendar quarter).
        if let ends = spec.endsOn {
            var year = ends.year ?? spec.year
            if year == nil, let b = creationTime?.date ?? base(.reference, granularity: .day)?.0 {
                year = chooseYear(base: b, tense: .past, occurrence: .byTense, weekday: nil) { CalendarDate(year: $0, month: ends.month, day: ends.day) }
            }
            if let year, let last = CalendarDate(year: year, month: ends.month, day: ends.day) {
                let inside = last.adding(days: -45)
                v.year = spec.quarter != nil ? last.year : inside.year
                v.quarter = spec.quarter ?? inside.quarter
                return v
            }
        }
        // The reporting period in focus: "the quarter", "the latest quarter", "the year-ago quarter", "the 1988 period".
        if spec.latestFinished {
            let years = spec.shift?.unit == .year ? spec.shift?.amount ?? 0 : 0
            if !spec.isLatest, let (ref, id) = latest(spec.granularity), let q = ref.quarter, let refYear = ref.year {
                v.year = spec.year ?? refYear + years
                v.quarter = q
                anchor = .expression(id: id, value: ref.text)
                return v
            }
            guard let dct = creationTime?.date else {
                v.year = spec.year
                if spec.vaguePeriod && !spec.isLatest { v.granularity = .year }
                return v
            }
            anchor = .creationTime(dctValue)
            if spec.vaguePeriod && !spec.isLatest {
                v.granularity = .year
                v.year = spec.year ?? dct.year + years
                return v
            }
            let previous: CalendarDate
            switch spec.granularity {
            case .quarter: previous = dct.adding(months: -3)
            case .month: previous = dct.adding(months: -1)
            case .week: previous = dct.adding(days: -7)
            default: previous = dct.adding(years: -1)
            }
            v = CalendarValue(date: previous.adding(years: years), granularity: spec.granularity)
            if let year = spec.year { v.year = year }
            return v
        }
        // Explicit year: nothing to anchor, except for fields the year leaves open.
        if let year = spec.year {
            return fill(&v, spec: spec, year: year, span: span) ? v : nil
        }
        // Everything else needs an anchor.
        let needsDay = spec.shift?.unit == .day || spec.granularity <= .day
        // Histories and retrospectives: what names a month, a day or a season without its year ("On 14
        // September", "in June", "the summer", "by the end of the month") is in the narrative's year.
        // In auto mode, only what a history names that way: no weekdays, weekends or reporting quarters, which
        // in news are the present's.
        let narrativeKind = genre == .narrative
            || spec.occurrence == .byTense && spec.weekday == nil && !spec.isWeekend && spec.quarter == nil && spec.half == nil
        if spec.base == .creationTime, spec.shift == nil || spec.inFocus, narrativeKind, spec.holiday == nil || spec.occurrence == .byTense,
           let (ref, id) = narrativeTime(granularity: Self.narrativeGranularity(spec)),
           let b = ref.representativeDate, genre == .narrative || isHistory || tense() != .future {
            anchor = .narrative(id: id, value: ref.text)
            return resolveInNarrative(spec, on: b, reference: ref, span: span)
        }
        guard let (b, a) = base(spec.base, granularity: needsDay ? .day : spec.granularity) else {
            // No creation time and no narrative: what the text says, with the year unknown.
            if let inferred = inferredYear, spec.shift == nil, spec.namesPartOfYear {
                usedInference = true
                return fill(&v, spec: spec, year: inferred, span: span) ? v : nil
            }
            if spec.namesPartOfYear {
                if spec.month != nil, spec.day != nil, inference != nil { usedInference = true }
                return fill(&v, spec: spec, year: nil, span: span) ? v : nil
            }
            if spec.shift == nil, let wd = spec.weekday, spec.granularity <= .day {
                v.weekday = wd
                v.partOfDay = spec.partOfDay
                v.clock = spec.clock
                return v
            }
            if spec.shift != nil || spec.latestFinished || spec.granularity <= .day {
                v.partOfDay = spec.partOfDay
                v.clock = spec.clock
                return v
            }
            return v
        }
        anchor = a
        if let shift = spec.shift {
            guard let amount = shift.amount else { return nil }
            if spec.inheritsGranularity, shift.unit == .year,
               let (ref, id) = comparisonBase(), let refDate = ref.representativeDate {
                // "a year earlier" beside a quarter: the same quarter a year before.
                let shifted = refDate.adding(years: amount)
                anchor = .expression(id: id, value: ref.text)
                var out = CalendarValue(date: shifted, granularity: ref.granularity == .partOfDay ? .day : min(ref.granularity, .half))
                if ref.granularity == .quarter { out = CalendarValue(date: shifted, granularity: .quarter) }
                return out
            }
            var from = b
            var gran = spec.granularity
            if spec.inheritsGranularity, spec.base == .creationTime, let dct = creationTime {
                // No period in focus: a year before the creation time.
                from = dct.date
                anchor = .creationTime(dctValue)
                gran = .year
            }
            if shift.unit == .hour || shift.unit == .minute {
                guard let dct = creationTime, let clock = dct.time else {
                    return CalendarValue(date: from, granularity: .day)
                }
                let minutes = dct.date.dayNumber * 1440 + clock.hour * 60 + clock.minute + amount * (shift.unit == .hour ? 60 : 1)
                let day = CalendarDate(dayNumber: CalendarValue.floorDiv(minutes, 1440))
                var out = CalendarValue(date: day, granularity: .minute)
                let m = minutes - day.dayNumber * 1440
                out.clock = ClockTime(hour: m / 60, minute: m % 60)
                return out
            }
            let shifted = Self.shift(from, by: shift.unit, amount)
            v = CalendarValue(date: shifted, granularity: gran)
            // Fields on top of the shifted period: "last year's third quarter", "January this year".
            if let q = spec.quarter { v = CalendarValue(granularity: .quarter); v.year = shifted.year; v.quarter = q }
            if let h = spec.half { v = CalendarValue(granularity: .half); v.year = shifted.year; v.half = h }
            if let m = spec.month {
                v = CalendarValue(granularity: spec.day != nil ? .day : .month)
                v.year = shifted.year
                v.month = m
                v.day = spec.day
                if let d = spec.day, CalendarDate(year: shifted.year, month: m, day: d) == nil {
                    diagnostics.append(Diagnostic(.warning, .impossibleDate, "no such date: \(m)/\(d)/\(shifted.year)", span: span))
                    return nil
                }
            }
            if let season = spec.season { v = CalendarValue(granularity: .season); v.year = shifted.year; v.season = season }
            if spec.isWeekend { v.granularity = .weekend }
            if let pod = spec.partOfDay { v.partOfDay = pod; v.granularity = .partOfDay }
            if let clock = spec.clock { v.clock = clock; v.granularity = .minute }
            return v
        }
        let t = tense()
        // "In 2012, the streets flooded in March": a month, season or day without a year falls in the year
        // the same sentence named before it.
        if spec.occurrence == .byTense, spec.month != nil || spec.season != nil, spec.holiday == nil, spec.shift == nil,
           t != .future, let (year, id, text) = sentenceYear() {
            anchor = .expression(id: id, value: text)
            if spec.day != nil { return fill(&v, spec: spec, year: year, span: span) ? v : nil }
            v.year = year
            if let m = spec.month {
                v.month = m
                v.granularity = .month
            } else {
                v.season = spec.season
            }
            return v
        }
        // Month and day, holidays: the year nearest the anchor, as the tense allows.
        if let m = spec.month, let d = spec.day {
            let year = chooseYear(base: b, tense: t, occurrence: spec.occurrence, weekday: spec.weekday) { y in
                CalendarDate(year: y, month: m, day: d)
            }
            guard let year else {
                diagnostics.append(Diagnostic(.warning, .impossibleDate, "no such date: month \(m), day \(d)", span: span))
                return nil
            }
            return fill(&v, spec: spec, year: year, span: span) ? v : nil
        }
        if let holiday = spec.holiday {
            let year = chooseYear(base: b, tense: t, occurrence: spec.occurrence, weekday: nil) { y in Self.date(of: holiday, in: y) }
            guard let year, let date = Self.date(of: holiday, in: year) else { return nil }
            return spec.granularity == .weekend ? Self.weekend(of: date) : CalendarValue(date: date, granularity: .day)
        }
        if let m = spec.month {
            let year = chooseMonthYear(m, base: b, tense: t, occurrence: spec.occurrence)
            v.year = year
            v.month = m
            v.granularity = .month
            return v
        }
        if let season = spec.season {
            v.year = chooseSeasonYear(season, base: b, tense: t, occurrence: spec.occurrence)
            v.season = season
            return v
        }
        if let q = spec.quarter {
            var year = b.year
            if t != .future && q > b.quarter { year -= 1 }
            if t == .future && q < b.quarter - 1 { year += 1 }
            v.year = year
            v.quarter = q
            return v
        }
        if let h = spec.half {
            var year = b.year
            if t != .future && h > b.half { year -= 1 }
            if t == .future && h < b.half { year += 1 }
            v.year = year
            v.half = h
            return v
        }
        if spec.month == nil, let d = spec.day, let wd = spec.weekday, let weekday = Weekday(rawValue: wd) {
            // "Friday the 13th": the nearest month, as the tense allows, in which that day falls on that weekday.
            let ahead = t == .future || t == .scheduled
            var month = CalendarDate(year: b.year, month: b.month, day: 1)!
            for _ in 0..<30 {
                if let date = CalendarDate(year: month.year, month: month.month, day: d), date.weekday == weekday,
                   ahead ? date >= b : date <= b {
                    v = CalendarValue(date: date, granularity: spec.granularity)
                    v.partOfDay = spec.partOfDay
                    v.clock = spec.clock
                    return v
                }
                month = month.adding(months: ahead ? 1 : -1)
            }
            return nil
        }
        if let wd = spec.weekday, let weekday = Weekday(rawValue: wd) {
            let date: CalendarDate
            switch spec.occurrence {
            case .last: date = b.previous(weekday)
            case .next: date = b.next(weekday)
            case .this: date = b.sameWeek(weekday)
            case .nearest:
                // "Friday's meeting was cancelled": past tense looks back; otherwise the nearest, leaning to the past.
                let back = b.previous(weekday, includingSelf: true)
                let ahead = b.next(weekday, includingSelf: true)
                date = t != .past && b.days(to: ahead) + 1 < back.days(to: b) ? ahead : back
            case .byTense:
                if let start = rangeStart {
                    date = start.next(weekday, includingSelf: true)
                } else if spec.base == .reference && creationTime != nil && a != .creationTime(dctValue) {
                    // "that Friday": the nearest one to the reference.
                    let back = b.previous(weekday, includingSelf: true)
                    let ahead = b.next(weekday, includingSelf: true)
                    date = b.days(to: ahead) < back.days(to: b) ? ahead : back
                } else {
                    // On the story's own date (no creation time) the report is written that day or the next:
                    // "By Monday morning" after "Sunday, Feb. 9" is the day after.
                    var dayAfterStory = false
                    if creationTime == nil, let story = storyDate, case .expression(let id, _) = a, id == story.id {
                        dayAfterStory = b.days(to: b.next(weekday)) == 1
                    }
                    date = t == .future || t == .scheduled || dayAfterStory ? b.next(weekday, includingSelf: true) : b.previous(weekday, includingSelf: true)
                }
            }
            v = CalendarValue(date: date, granularity: spec.granularity)
            v.partOfDay = spec.partOfDay
            v.clock = spec.clock
            return v
        }
        if spec.isWeekend {
            // "the weekend": the one just past in past tense, the coming one otherwise.
            let saturday = t == .future || t == .present ? b.next(.saturday, includingSelf: true) : b.previous(.saturday, includingSelf: true)
            return CalendarValue(date: saturday, granularity: .weekend)
        }
        // A part of the day or a clock time alone: on the anchor day.
        v = CalendarValue(date: b, granularity: spec.granularity)
        v.partOfDay = spec.partOfDay
        v.clock = spec.clock
        return v
    }

    /// Fills calendar fields under an explicit (or chosen) year; `false` for impossible dates.
    mutating func fill(_ v: inout CalendarValue, spec: DateSpec, year: Int?, span: TextSpan) -> Bool {
        v.year = year
        v.quarter = spec.quarter
        v.half = spec.half
        v.season = spec.season
        v.month = spec.month
        v.day = spec.day
        v.partOfDay = spec.partOfDay
        v.clock = spec.clock
        if let holiday = spec.holiday {
            guard let year, let date = Self.date(of: holiday, in: year) else {
                v.granularity = .day
                if case .fixed(let m, let d) = holiday { v.month = m; v.day = d }
                return year == nil
            }
            if spec.granularity == .weekend {
                v = Self.weekend(of: date)
                return true
            }
            v.month = date.month
            v.day = date.day
        }
        if let m = spec.month, let d = spec.day {
            if let year {
                guard let date = CalendarDate(year: year, month: m, day: d) else {
                    diagnostics.append(Diagnostic(.warning, .impossibleDate, "no such date: \(CalendarDate.dayText(year: year, month: m, day: d))", span: span))
                    return false
                }
                if let wd = spec.weekday, date.weekday.rawValue != wd {
                    let written = Weekday(rawValue: wd)?.name ?? "?"
                    diagnostics.append(Diagnostic(.warning, .weekdayMismatch,
                        "\(written) does not match \(date) (a \(date.weekday.name))", span: span))
                }
            } else if !(1...12).contains(m) || d < 1 || d > CalendarDate.daysIn(month: m, year: 2000) {
                diagnostics.append(Diagnostic(.warning, .impossibleDate, "no such date: month \(m), day \(d)", span: span))
                return false
            }
        }
        if spec.granularity == .day, spec.month == nil, let wd = spec.weekday {
            v.weekday = wd
        }
        return true
    }

    private static func shift(_ date: CalendarDate, by unit: TimeUnit, _ amount: Int) -> CalendarDate {
        switch unit {
        case .second, .minute, .hour, .day: return date.adding(days: unit == .day ? amount : 0)
        case .week: return date.adding(days: 7 * amount)
        case .fortnight: return date.adding(days: 14 * amount)
        case .month: return date.adding(months: amount)
        case .quarter: return date.adding(months: 3 * amount)
        case .year: return date.adding(years: amount)
        case .decade: return date.adding(years: 10 * amount)
        case .century: return date.adding(years: 100 * amount)
        case .millennium: return date.adding(years: 1000 * amount)
        }
    }

    // MARK: Sets

    private func pattern(_ spec: DateSpec) -> String {
        var v = CalendarValue(granularity: spec.granularity)
        v.month = spec.month
        v.season = spec.season
        v.partOfDay = spec.partOfDay
        v.weekday = spec.weekday
        v.day = spec.day
        if spec.weekday == nil, spec.granularity == .partOfDay {
            return "XXXX-XX-XXT\(spec.partOfDay?.code ?? "XX")"
        }
        return v.text
    }
}

