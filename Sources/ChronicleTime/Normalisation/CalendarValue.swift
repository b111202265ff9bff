import ChronicleCalendar

/// A resolved point or period of the calendar at some granularity, with unknown parts allowed,
/// that formats itself as a TIMEX3 value (`2015-10-28`, `2015-W43-WE`, `2015-Q3`, `199`, `XXXX-10-28`).
struct CalendarValue: Sendable {
    var granularity: Granularity
    var year: Int?
    var month: Int?
    var day: Int?
    /// ISO week; its year is `year` (the ISO week-numbering year).
    var week: Int?
    var weekday: Int?
    var quarter: Int?
    var half: Int?
    var season: Season?
    var partOfDay: PartOfDay?
    var clock: ClockTime?
    /// The clock time's offset from UTC in minutes: `Z` for 0, `-05`, `+05:30`.
    var zone: Int?
    var decade: Int?
    var century: Int?
    /// A decade or century before Christ ("the 460s BC" is decade 46 BC, written `BC046`). Years before
    /// Christ are astronomical instead (241 BC is year -240, written `BC0241`).
    var beforeChrist = false

    init(granularity: Granularity) {
        self.granularity = granularity
    }

    /// The value of a day (or finer) from a calendar date.
    init(date: CalendarDate, granularity: Granularity) {
        self.granularity = granularity
        switch granularity {
        case .century where date.year <= 0:
            // Before Christ a decade or century counts the years back: 480 BC (year -479) is in BC048, BC04.
            century = (1 - date.year) / 100
            beforeChrist = true
        case .decade where date.year <= 0:
            decade = (1 - date.year) / 10
            beforeChrist = true
        case .century:
            century = Self.floorDiv(date.year, 100)
        case .decade:
            decade = Self.floorDiv(date.year, 10)
        case .year:
            year = date.year
        case .half:
            year = date.year
            half = date.half
        case .quarter:
            year = date.year
            quarter = date.quarter
        case .season:
            let (y, s) = Self.season(of: date)
            year = y
            season = s
        case .month:
            year = date.year
            month = date.month
        case .week, .weekend:
            let w = date.isoWeek
            year = w.year
            week = w.week
        case .millennium:
            century = Self.floorDiv(date.year, 1000)
        case .day, .partOfDay, .hour, .minute, .second:
            year = date.year
            month = date.month
            day = date.day
        }
    }

    /// Whether the value can be written as TIMEX3 writes dates: a year of four digits, from BC9999 (year
    /// -9998) to 9999, and so a decade of at most three digits, a century of two, a millennium of one. A
    /// date beyond them ("8000 years from now", "tomorrow" on 9999-12-31) has no value: `10000-01-01` is not
    /// ISO 8601 without an agreed expansion, and the century after 9999 would read `100`, which is a decade.
    var isWithinTIMEX3Years: Bool {
        if let year, !(-9998...9999).contains(year) { return false }
        if granularity == .millennium { return century.map { (0...9).contains($0) } ?? true }
        if let decade, !(0...999).contains(decade) { return false }
        if let century, !(0...99).contains(century) { return false }
        return true
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }

    /// Seasons: spring = March–May, summer = June–August, fall = September–November, winter =
    /// December–February, written with the year of its January and February (the winter of December 2014
    /// to February 2015 is `2015-WI`), as WikiWars (4 of 4) and the tweets (2 of 2) write it; TBAQ has no
    /// winter without its year.
    static func season(of date: CalendarDate) -> (Int, Season) {
        switch date.month {
        case 3...5: return (date.year, .spring)
        case 6...8: return (date.year, .summer)
        case 9...11: return (date.year, .fall)
        case 12: return (date.year + 1, .winter)
        default: return (date.year, .winter)
        }
    }

    /// The seasons in the order of the year they are written with: the winter (December to February) comes
    /// first; `year * 4 + order` numbers the seasons in time.
    static func order(of season: Season) -> Int { season == .winter ? -1 : Int(season.rawValue) }

    /// A day inside the period, used as the anchor of further relative expressions.
    var representativeDate: CalendarDate? {
        guard let year else { return nil }
        switch granularity {
        case .day, .partOfDay, .hour, .minute, .second:
            if let month, let day { return CalendarDate(year: year, month: month, day: day) }
            return nil
        case .week, .weekend:
            guard let week else { return nil }
            let monday = ISOWeek(year: year, week: week).monday
            return granularity == .weekend ? monday.adding(days: 5) : monday
        case .month:
            return month.flatMap { CalendarDate(year: year, month: $0, day: 1) }
        case .season:
            guard let season else { return nil }
            // The winter by its January, so that what follows it in a narrative stays in its year.
            return CalendarDate(year: year, month: [3, 6, 9, 1][Int(season.rawValue)], day: 1)
        case .quarter:
            return quarter.flatMap { CalendarDate(year: year, month: ($0 - 1) * 3 + 1, day: 1) }
        case .half:
            return half.flatMap { CalendarDate(year: year, month: $0 == 1 ? 1 : 7, day: 1) }
        case .year:
            return CalendarDate(year: year, month: 1, day: 1)
        default:
            return nil
        }
    }

    /// The TIMEX3 value.
    var text: String {
        func pad(_ n: Int?, _ width: Int) -> String {
            guard let n else { return String(repeating: "X", count: width) }
            guard n >= 0 else {
                // (Not reached by the values made: years before 1 are written BC.) As written before.
                let s = String(n)
                return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
            }
            return CalendarDate.zeroPadded(n, width: width)
        }
        if granularity == .day, !beforeChrist, let year, year > 0, let month, let day {
            // The most common value, a day.
            return CalendarDate.dayText(year: year, month: month, day: day)
        }
        let y = year.map { $0 <= 0 ? "BC" + pad(1 - $0, 4) : pad($0, 4) } ?? "XXXX"
        let era = beforeChrist ? "BC" : ""
        switch granularity {
        case .millennium:
            return era + pad(century, 1)
        case .century:
            return era + pad(century, 2)
        case .decade:
            return era + pad(decade, 3)
        case .year:
            return y
        case .half:
            return "\(y)-H\(pad(half, 1))"
        case .quarter:
            return "\(y)-Q\(pad(quarter, 1))"
        case .season:
            return "\(y)-\(season?.code ?? "XX")"
        case .month:
            return "\(y)-\(pad(month, 2))"
        case .week:
            return "\(y)-W\(pad(week, 2))"
        case .weekend:
            return "\(y)-W\(pad(week, 2))-WE"
        case .day, .partOfDay, .hour, .minute, .second:
            var s: String
            if month == nil, day == nil, let weekday {
                s = "\(y)-W\(pad(week, 2))-\(weekday)"
            } else {
                s = "\(y)-\(pad(month, 2))-\(pad(day, 2))"
            }
            if granularity == .partOfDay, let partOfDay {
                s += "T\(partOfDay.code)"
            } else if granularity.rawValue <= Granularity.hour.rawValue, let clock {
                s += "T\(pad(clock.hour, 2)):\(pad(clock.minute, 2))"
                if let second = clock.second { s += ":\(pad(second, 2))" }
                if let zone {
                    let size = abs(zone)
                    s += zone == 0 ? "Z" : (zone < 0 ? "-" : "+") + pad(size / 60, 2) + (size % 60 == 0 ? "" : ":" + pad(size % 60, 2))
                }
            }
            return s
        }
    }
}

extension DurationSpec {
    /// The ISO 8601 duration value: `P2Y`, `P2Y6M`, `PT1H30M`, `PXY`, `P10Y` for a decade.
    var text: String {
        var dateParts = ""
        var timeParts = ""
        for part in parts {
            var unit = part.unit
            guard var amount = part.amount else {
                switch unit {
                case .second: timeParts += "XS"
                case .minute: timeParts += "XM"
                case .hour: timeParts += "XH"
                case .day: dateParts += "XD"
                case .week, .fortnight: dateParts += "XW"
                case .month: dateParts += "XM"
                case .quarter: dateParts += "XQ"
                case .year, .decade: dateParts += "XY"
                case .century: dateParts += "XC"
                case .millennium: dateParts += "XL"
                }
                continue
            }
            // Normalise multiples: decades and centuries count in years, fortnights in weeks.
            switch unit {
            case .decade: amount *= 10; unit = .year
            case .century: amount *= 100; unit = .year
            case .millennium: amount *= 1000; unit = .year
            case .fortnight: amount *= 2; unit = .week
            default: break
            }
            let whole = amount.rounded(.towardZero)
            let fraction = amount - whole
            func add(_ n: Double, _ u: TimeUnit) {
                guard n > 0 || (dateParts.isEmpty && timeParts.isEmpty && n == 0) else { return }
                let number = n == n.rounded() ? String(Int(n)) : String(n)
                switch u {
                case .second: timeParts += "\(number)S"
                case .minute: timeParts += "\(number)M"
                case .hour: timeParts += "\(number)H"
                case .day: dateParts += "\(number)D"
                case .week: dateParts += "\(number)W"
                case .month: dateParts += "\(number)M"
                case .quarter: dateParts += "\(number)Q"
                case .year: dateParts += "\(number)Y"
                default: break
                }
            }
            // A fraction goes down one unit where it comes out whole: 2 1/2 years = P2Y6M, 1 1/2 hours = PT1H30M.
            let lower: (TimeUnit, Double)? = {
                switch unit {
                case .year: return (.month, 12)
                case .month: return nil
                case .week: return (.day, 7)
                case .day: return (.hour, 24)
                case .hour: return (.minute, 60)
                case .minute: return (.second, 60)
                case .quarter: return (.month, 3)
                default: return nil
                }
            }()
            if fraction > 0, let (lowerUnit, factor) = lower, (fraction * factor) == (fraction * factor).rounded() {
                if whole > 0 { add(whole, unit) }
                add(fraction * factor, lowerUnit)
            } else {
                add(amount, unit)
            }
        }
        var s = "P" + dateParts
        if !timeParts.isEmpty { s += "T" + timeParts }
        return s
    }
}
