import ChronicleCalendar
import ChronicleCore

/// The calendar days a time expression covers: day numbers (``CalendarDate/dayNumber``), first and last
/// inclusive; `nil` on a side that is open.
struct DayInterval: Hashable, Sendable {
    var first: Int?
    var last: Int?
    var granularity: Timeline.Granularity

    var isBounded: Bool { first != nil || last != nil }
}

enum TimexCalendar {
    /// The days of a time expression, its granularity, and whether it can place an event. Durations and
    /// sets place nothing; values with an unknown year (`XXXX-10-28`) have a granularity but no days, unless
    /// the tagger chose a year (``TimeExpression/yearInference``).
    ///
    /// `START`, `MID` and `END` keep the first, middle and last third of the days ("mid-April" is April 11–20,
    /// "late May" May 21–31). `storyYear`, for a document without a creation time, places a date whose year the
    /// text leaves unknown in the year of the story's other documents (see ``TimelineBuilder``).
    static func interval(of timex: TimeExpression, creationTime: CreationTime?, storyYear: ((TimeExpression) -> Int?)? = nil) -> DayInterval? {
        guard timex.kind == .date || timex.kind == .time else { return nil }
        var interval: DayInterval
        switch timex.value {
        case "PRESENT_REF":
            guard let creationTime else { return DayInterval(first: nil, last: nil, granularity: .day) }
            let day = creationTime.date.dayNumber
            interval = DayInterval(first: day, last: day, granularity: .day)
        case "PAST_REF":
            return DayInterval(first: nil, last: creationTime.map { $0.date.dayNumber - 1 }, granularity: .open)
        case "FUTURE_REF":
            return DayInterval(first: creationTime.map { $0.date.dayNumber + 1 }, last: nil, granularity: .open)
        default:
            guard let parsed = parse(timex.value, chosenYear: timex.yearInference?.chosen ?? storyYear?(timex)) else { return nil }
            interval = parsed
        }
        switch timex.modifier {
        case .before?:
            return DayInterval(first: nil, last: interval.first.map { $0 - 1 }, granularity: .open)
        case .onOrBefore?:
            return DayInterval(first: nil, last: interval.last, granularity: .open)
        case .after?:
            return DayInterval(first: interval.last.map { $0 + 1 }, last: nil, granularity: .open)
        case .onOrAfter?:
            return DayInterval(first: interval.first, last: nil, granularity: .open)
        case .start?, .mid?, .end?:
            guard let first = interval.first, let last = interval.last, last - first >= 2 else { return interval }
            let third = (last - first + 1) / 3
            switch timex.modifier {
            case .start?: return DayInterval(first: first, last: first + third - 1, granularity: interval.granularity)
            case .mid?: return DayInterval(first: first + third, last: last - third, granularity: interval.granularity)
            default: return DayInterval(first: last - third + 1, last: last, granularity: interval.granularity)
            }
        default:
            return interval
        }
    }

    /// The days of a TIMEX3 date value (``TimeValue``) and its granularity. An unknown year (`XXXX`) gives the
    /// granularity without days, unless `chosenYear` fills it in.
    static func parse(_ value: String, chosenYear: Int? = nil) -> DayInterval? {
        guard let parsed = TimeValue(value) else { return nil }
        let granularity = Timeline.Granularity(parsed.granularity)
        guard let days = parsed.days(inYear: parsed.year ?? chosenYear) else {
            return DayInterval(first: nil, last: nil, granularity: granularity)
        }
        return DayInterval(first: days.lowerBound, last: days.upperBound, granularity: granularity)
    }

    /// The month and day of a value with an unknown year (`XXXX-10-28` → (10, 28)), for ordering only.
    static func monthAndDay(_ value: String) -> (month: Int, day: Int)? {
        guard let parsed = TimeValue(value), parsed.year == nil, parsed.granularity != .decade, parsed.granularity != .century,
              let month = parsed.month else { return nil }
        return (month, parsed.day ?? 1)
    }

}
