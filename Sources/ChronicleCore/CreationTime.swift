import ChronicleCalendar

/// A document creation time (DCT): the day, and possibly the time, a document was written.
public struct CreationTime: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Source: String, Hashable, Sendable, Codable {
        /// Supplied by the user or the input format.
        case given
        /// Inferred from the text (for example from a weekday written with a date).
        case inferred
    }

    public var date: CalendarDate
    public var time: ClockTime?
    public var source: Source

    public init(date: CalendarDate, time: ClockTime? = nil, source: Source = .given) {
        self.date = date
        self.time = time
        self.source = source
    }

    /// Parses `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`
    /// (a trailing `Z` or numeric offset is accepted and ignored).
    public init?(parsing text: String, source: Source = .given) {
        let trimmed = text.trimmingASCIIWhitespace()
        let parts = trimmed.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, let date = CalendarDate(iso: first) else { return nil }
        var time: ClockTime?
        if parts.count == 2 {
            var clock = Substring(parts[1])
            if clock.hasSuffix("Z") { clock = clock.dropLast() }
            if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) { clock = clock[..<sign] }
            let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(fields.count),
                  fields.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCIIDigit) }),
                  let h = Int(fields[0]), let m = Int(fields[1]),
                  let t = ClockTime(hour: h, minute: m, second: fields.count == 3 ? Int(fields[2]) : nil)
            else { return nil }
            time = t
        }
        self.init(date: date, time: time, source: source)
    }

    /// The TIMEX3 value: `2015-10-29` or `2015-10-29T19:00`.
    public var description: String {
        if let time { return "\(date)T\(time)" }
        return date.description
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}
