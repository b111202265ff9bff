import ChronicleCalendar
import ChronicleCore

// The narrative time: what a date written without its year hangs on in a history (see `Resolver`).
// Examples: Tests/ChronicleTimeTests/Narrative.swift.

extension Resolver {
    /// The narrative time for an expression that needs a date of `granularity`: the latest date the text
    /// gave (or dated through the narrative), if the text has moved far from the creation time with it and
    /// has not come back to the present since (a deictic "yesterday", "last week", "this year").
    /// Always `nil` for ``TemporalTagger/Genre/news`` and without a creation time (the story date and
    /// the narrative serve there already).
    func narrativeTime(granularity: Granularity) -> (CalendarValue, String)? {
        guard let dct = creationTime?.date, genre != .news else { return nil }
        for entry in history.suffix(Self.lookBack).reversed() where !entry.derived && entry.value.granularity <= .year {
            // A flashback or a span's bound ("since 1990") is passed over; a date on the creation time means the
            // text has come back to the present.
            if !entry.movesNarrative { continue }
            if entry.origin == .creationTime {
                // In a history a quoted "today" does not bring the narrative back to the present.
                if genre == .narrative || isHistory { continue }
                return nil
            }
            guard let year = entry.value.year, entry.value.representativeDate != nil else { continue }
            // In auto mode a history's past: far back, in a text that so far dates the past more than the present
            // (not news that mentions a past year in passing).
            guard genre == .narrative || dct.year - year >= Self.narrativeDistance && pastEvidence > presentEvidence else {
                return nil
            }
            return entry.value.granularity <= max(granularity, .day) || entry.value.granularity == granularity ? (entry.value, entry.id) : nil
        }
        return nil
    }

    /// How precise the narrative time must be to date `spec`: a year for what names its month, season or
    /// part of the year; the period itself for the period in focus; a day for a weekday or a time of day.
    static func narrativeGranularity(_ spec: DateSpec) -> Granularity {
        if spec.inFocus { return spec.granularity }
        if spec.namesPartOfYear { return .year }
        return .day
    }

    /// An expression without its year in the narrative of `b` (a day of the period `reference`): the named
    /// month, day, season or period of the narrative's year ("next", "last", "this" count from it); the
    /// period in focus ("the end of the month") is the narrative's own.
    mutating func resolveInNarrative(_ spec: DateSpec, on b: CalendarDate, reference: CalendarValue, span: TextSpan) -> CalendarValue? {
        var v = CalendarValue(granularity: spec.granularity)
        if spec.inFocus {
            return CalendarValue(date: b, granularity: spec.granularity)
        }
        let year: Int
        switch spec.occurrence {
        case .byTense, .this, .nearest:
            // The winter of a narrative that has reached its second half is the coming one ("hold out over the winter").
            year = spec.season == .winter && spec.month == nil ? Self.winterYear(around: b) : b.year
        case .last, .next:
            if let m = spec.month {
                year = chooseMonthYear(m, base: b, tense: .unknown, occurrence: spec.occurrence)
            } else if let season = spec.season {
                year = chooseSeasonYear(season, base: b, tense: .unknown, occurrence: spec.occurrence)
            } else {
                year = b.year + (spec.occurrence == .next ? 1 : -1)
            }
        }
        if spec.namesPartOfYear {
            return fill(&v, spec: spec, year: year, span: span) ? v : nil
        }
        if let wd = spec.weekday, let weekday = Weekday(rawValue: wd), reference.granularity <= .day {
            // A weekday in a narrative: the first one on or after the day the narrative is on.
            let date: CalendarDate
            switch spec.occurrence {
            case .last: date = b.previous(weekday)
            case .next: date = b.next(weekday)
            default: date = b.next(weekday, includingSelf: true)
            }
            v = CalendarValue(date: date, granularity: spec.granularity)
            v.partOfDay = spec.partOfDay
            v.clock = spec.clock
            return v
        }
        if spec.isWeekend {
            return CalendarValue(date: b.next(.saturday, includingSelf: true), granularity: .weekend)
        }
        v = CalendarValue(date: b, granularity: spec.granularity)
        v.partOfDay = spec.partOfDay
        v.clock = spec.clock
        return v
    }
}
