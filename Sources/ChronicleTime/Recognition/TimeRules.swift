import ChronicleCalendar
import ChronicleCore

extension Grammar {
    /// Clock times, alone or with their day: "7 p.m.", "7:30", "10:35 a.m. EST", "noon", "midnight",
    /// "7 o'clock", "5 p.m. EST, Nov. 6", "9 a.m. Tuesday", "noon Saturday".
    func clockTime(at i: Int) -> Candidate? {
        guard let (clock, afterClock) = clock(at: i) else { return nil }
        var end = afterClock
        var spec = DateSpec(granularity: .minute)
        if let (offset, e) = zone(at: end) {
            spec.zoneOffset = offset
            end = e
        }
        spec.clock = clock
        spec.shift = nil
        // The day it belongs to: "Tuesday", "Nov. 6", "yesterday", "tomorrow", possibly after "," or "on",
        // and after "local time" ("14:30 local time on Tuesday").
        var k = end
        if s.isText(k, "local"), s.isText(k + 1, "time") { k += 2 }
        if s.isPunct(k, UInt8(ascii: ",")) { k += 1 }
        if s.isKeyword(k, .on) { k += 1 }
        if let day = dateCore(at: k), case .date(let daySpec) = day.meaning, daySpec.granularity == .day, day.kind == .date {
            var merged = daySpec
            merged.clock = clock
            merged.granularity = .minute
            merged.zoneOffset = spec.zoneOffset
            return Candidate(i, day.end, .time, .date(merged))
        }
        // "from 9:30 to 11 a.m. Friday": the first end of a range is on the second's day.
        if s.isText(i - 1, "between") || s.isKeyword(i - 1, .from), s.joinsRange(end, openedAt: i),
           let partner = clockTime(at: end + 1), case .date(let partnerSpec) = partner.meaning, partnerSpec.base != .reference {
            var merged = partnerSpec
            merged.clock = clock
            merged.zoneOffset = spec.zoneOffset
            return Candidate(i, end, .time, .date(merged))
        }
        // Only the clock: anchored on the day in focus.
        spec.base = .reference
        return Candidate(i, end, .time, .date(spec))
    }

    /// A time zone after a clock time, and its offset from UTC in minutes where the text fixes it: "UTC",
    /// "GMT" and "Z" are 0 (written `Z`), "UTC+8" and "GMT-05:30" carry theirs. A named zone ("EST", "PT") is
    /// kept in the extent without an offset, as TBAQ writes it (5 of 5).
    func zone(at i: Int) -> (offset: Int?, end: Int)? {
        guard s.isKeyword(i, .timezone), s.isAllCaps(i) else { return nil }
        let universal = s.isText(i, "utc") || s.isText(i, "gmt") || s.isText(i, "z")
        guard universal else { return (nil, i + 1) }
        // "UTC+8", "GMT -5", "UTC+05:30", "UTC+0530".
        let plus = s.isPunct(i + 1, UInt8(ascii: "+")), minus = s.isDash(i + 1)
        if plus || minus, let n = s.number(i + 2), s.glued(i + 2) {
            var hours = n, minutes = 0, end = i + 3
            if s.digitCount(i + 2) == 4 { hours = n / 100; minutes = n % 100 }
            if s.isPunct(end, UInt8(ascii: ":")), s.glued(end), let m = s.number(end + 1), s.digitCount(end + 1) == 2 {
                minutes = m
                end += 2
            }
            guard hours <= 14, minutes < 60 else { return (0, i + 1) }
            return ((plus ? 1 : -1) * (hours * 60 + minutes), end)
        }
        return (0, i + 1)
    }

    /// The clock part: "7 p.m.", "7:30", "7:30:15 a.m.", "noon", "12 noon", "midnight", "7 o'clock".
    func clock(at i: Int) -> (ClockTime, Int)? {
        if s.isKeyword(i, .noon) || s.entry(i).partOfDay == .midday {
            // "High Noon" is a film; "high noon" a figure of speech.
            if s.isText(i - 1, "high") { return nil }
            return (ClockTime(hour: 12)!, i + 1)
        }
        if s.isKeyword(i, .midnight) {
            return (ClockTime(hour: 24)!, i + 1)
        }
        // "1030am", "430pm": hours and minutes run together before a.m./p.m.
        if let n = s.number(i), (3...4).contains(s.digitCount(i)), !(s.glued(i) && (s.isNumber(i - 1) || s.isWord(i - 1))),
           let (m, end) = meridiemMarker(at: i + 1), s.glued(i + 1), (1...12).contains(n / 100), n % 100 < 60 {
            var hour = n / 100
            if m == .pm, hour < 12 { hour += 12 }
            if m == .am, hour == 12 { hour = 0 }
            return ClockTime(hour: hour, minute: n % 100).map { ($0, end) }
        }
        // "at 1015", "back at abt 2250": a 24-hour time in informal text, after "at".
        if colloquial, let n = s.number(i), s.digitCount(i) == 4, n / 100 < 24, n % 100 < 60, !(1900...2100).contains(n),
           s.isKeyword(i - 1, .at) || s.isText(i - 1, "abt") || s.isPunct(i - 1, UInt8(ascii: "@")),
           !(s.glued(i + 1) && (s.isWord(i + 1) || s.isNumber(i + 1))), s.entry(i + 1).unit == nil {
            return ClockTime(hour: n / 100, minute: n % 100).map { ($0, i + 1) }
        }
        guard let h = s.number(i), s.digitCount(i) <= 2, h <= 24 else { return nil }
        if s.glued(i), s.isNumber(i - 1) || s.isPunct(i - 1, UInt8(ascii: ":")) || s.isPunct(i - 1, UInt8(ascii: ".")) || s.isPunct(i - 1, UInt8(ascii: "$")) { return nil }
        var j = i + 1
        var minute = 0
        var second: Int?
        var hasMinutes = false
        if s.isPunct(j, UInt8(ascii: ":")) && s.glued(j) && s.glued(j + 1), let m = s.number(j + 1), s.digitCount(j + 1) == 2, m < 60 {
            minute = m
            hasMinutes = true
            j += 2
            if s.isPunct(j, UInt8(ascii: ":")) && s.glued(j) && s.glued(j + 1), let sec = s.number(j + 1), s.digitCount(j + 1) == 2, sec < 60 {
                second = sec
                j += 2
            }
            // "3:2" scores and "1:30:00" durations are filtered by the two-digit rule; ratios like "7:30" stay times.
            if s.glued(j), s.isPunct(j, UInt8(ascii: ":")) || s.isNumber(j) { return nil }
        } else if s.isPunct(j, UInt8(ascii: ".")) && s.glued(j) && s.glued(j + 1), let m = s.number(j + 1), s.digitCount(j + 1) == 2, m < 60,
                  !(s.glued(j + 2) && (s.isNumber(j + 2) || s.isPunct(j + 2, UInt8(ascii: ".")) && s.isNumber(j + 3))) {
            // British style "11.30pm", "7.30 p.m.": only with a.m./p.m. ("closed at 14.30" is as often a price).
            if meridiemMarker(at: j + 2) != nil {
                minute = m
                hasMinutes = true
                j += 2
            }
        }
        // a.m. / p.m. / am / pm
        var meridiem: Keyword?
        if let (m, e) = meridiemMarker(at: j) {
            meridiem = m
            j = e
        } else if s.isText(j, "o"), s.isApostrophe(j + 1), s.isKeyword(j + 2, .clock) {
            j += 3
            meridiem = Keyword.none
        } else if s.isKeyword(j, .noon) && h == 12 {
            return (ClockTime(hour: 12)!, j + 1)
        } else if !hasMinutes, h >= 1, h <= 12, s.isKeyword(j, .in), s.isKeyword(j + 1, .the), let pod = s.entry(j + 2).partOfDay,
                  pod == .morning || pod == .afternoon || pod == .evening {
            // "4 in the morning", "7 in the evening"
            let hour = pod == .morning ? (h == 12 ? 0 : h) : (h == 12 ? 12 : h + 12)
            return ClockTime(hour: hour).map { ($0, j + 3) }
        } else if !hasMinutes, h >= 1, h <= 12, s.isKeyword(j, .at), s.entry(j + 1).partOfDay == .night {
            let hour = h >= 6 && h != 12 ? h + 12 : (h == 12 ? 0 : h)
            return ClockTime(hour: hour).map { ($0, j + 2) }
        }
        // "between 2 and 4 p.m.", "from 9:30 to 11 a.m.": the first end of a range takes the second's a.m./p.m.
        if meridiem == nil, h >= 1, h <= 12, let shared = sharedMeridiem(rangeStart: i, after: j) {
            meridiem = shared
        }
        guard hasMinutes || meridiem != nil else { return nil }
        var hour = h
        if meridiem == .pm, hour < 12 { hour += 12 }
        if meridiem == .am, hour == 12 { hour = 0 }
        if meridiem != nil && meridiem != Keyword.none && (h == 0 || h > 12) { return nil }
        guard let clock = ClockTime(hour: hour, minute: minute, second: second) else { return nil }
        return (clock, j)
    }

    /// The a.m./p.m. of a range's second end, when the clock before `after` opens the range: "between 2 and
    /// 4 p.m.", "from 9:30 to 11 a.m.". Nil unless "between" or "from" stands before the first end.
    private func sharedMeridiem(rangeStart i: Int, after j: Int) -> Keyword? {
        guard s.isText(i - 1, "between") || s.isKeyword(i - 1, .from), s.joinsRange(j, openedAt: i),
              let h = s.number(j + 1), s.digitCount(j + 1) <= 2, h >= 1, h <= 12 else { return nil }
        var k = j + 2
        if s.isPunct(k, UInt8(ascii: ":")), s.glued(k), s.number(k + 1) != nil, s.digitCount(k + 1) == 2 { k += 2 }
        return meridiemMarker(at: k)?.0
    }

    /// "a.m.", "p.m.", "am", "pm", "A.M.", "P.M" (glued or after a space).
    func meridiemMarker(at i: Int) -> (Keyword, Int)? {
        if s.isKeyword(i, .am) || s.isKeyword(i, .pm) {
            let k = s.keyword(i)
            // "am" the verb: lower-case "am" after a space only where no verb group goes on ("10 am tomorrow",
            // not "10 am going").
            if k == .am && !s.glued(i) && !s.isAllCaps(i) && !(s.isPunct(i + 1, UInt8(ascii: ".")) && s.glued(i + 1)) {
                let next = i + 1
                if s.isWord(next) && !s.isCapitalized(next) && !s.hasEntry(next) || s.isText(next, "not") || s.isText(next, "so") {
                    return nil
                }
            }
            // "pm." at a sentence end: the period is the sentence's.
            return (k, i + 1)
        }
        if (s.isText(i, "a") || s.isText(i, "p")), s.isPunct(i + 1, UInt8(ascii: ".")), s.glued(i + 1), s.isText(i + 2, "m"), s.glued(i + 2) {
            var end = i + 3
            if s.isPunct(end, UInt8(ascii: ".")) && s.glued(end) { end += 1 }
            return (s.isText(i, "a") ? .am : .pm, end)
        }
        return nil
    }
}
