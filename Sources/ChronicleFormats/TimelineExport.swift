import ChronicleCalendar
import ChronicleCore

/// Where an entry goes in a calendar-like export (TimelineJS, iCalendar), as precisely as its time is known: what
/// ``TimelineJSWriter`` and ``TimelineICSWriter`` share.
struct TimelineExportExtent: Hashable {
    /// A point of the calendar at some precision: a year, a month, a day, or a clock time of a day.
    struct Point: Hashable {
        var year: Int
        var month: Int?
        var day: Int?
        var hour: Int?
        var minute: Int?

        /// The first day the point covers.
        var firstDay: CalendarDate { CalendarDate(year: year, month: month ?? 1, day: day ?? 1) ?? CalendarDate(dayNumber: 0) }

        /// The day after the last day the point covers.
        var dayAfter: CalendarDate {
            if day != nil { return firstDay.adding(days: 1) }
            if month != nil { return firstDay.adding(months: 1) }
            return firstDay.adding(years: 1)
        }

        /// `2015`, `2015-10`, `2015-10-13`, `2015-10-13 19:30`.
        var label: String {
            var text = CalendarDate.zeroPadded(year, width: 4)
            if let month { text += "-" + CalendarDate.zeroPadded(month, width: 2) }
            if let day { text += "-" + CalendarDate.zeroPadded(day, width: 2) }
            if let hour { text += " " + CalendarDate.zeroPadded(hour, width: 2) + ":" + CalendarDate.zeroPadded(minute ?? 0, width: 2) }
            return text
        }

        static func day(_ date: CalendarDate) -> Point { Point(year: date.year, month: date.month, day: date.day) }
        static func month(_ date: CalendarDate) -> Point { Point(year: date.year, month: date.month) }
        static func year(_ date: CalendarDate) -> Point { Point(year: date.year) }
    }

    /// How the entry stands to the extent.
    enum Side: Hashable {
        /// Within it.
        case on
        /// Before its end, where nothing bounds it on the other side ("before the hospitalization").
        case before
        /// After its start.
        case after
    }

    var start: Point
    /// The last unit the entry covers (same precision as `start`), when it covers more than one.
    var end: Point?
    var side: Side
    /// Whether the date was inferred (from the narrative or the document's date) rather than written.
    var isInferred: Bool

    /// How a view says when: `2015-10-13`, `2015-10-26 to 2015-11-01`, `on or before 2015-10-13`, `around 2015-10-13 (inferred)`.
    var label: String {
        var text = start.label
        if let end { text += " to " + end.label }
        switch side {
        case .on: break
        case .before: text = "on or before " + text
        case .after: text = "on or after " + text
        }
        return isInferred ? "around \(text) (inferred)" : text
    }

    /// The extent of an entry: its time's value when the entry is on it (or inferred to be) and the value has a
    /// known year; else its bounds (an open side gives "on or before" or "on or after" its one bound); `nil` when nothing dates it
    /// (no bounds, an unknown year, `PRESENT_REF`).
    init?(_ entry: Timeline.Entry) {
        let time = entry.time
        if let raw = time.value, time.relation == .on || time.basis.isInferred, let value = TimeValue(raw),
           let extent = Self(value: value, inferred: time.basis.isInferred) {
            self = extent
            return
        }
        switch (time.start, time.end) {
        case let (first?, last?):
            self.init(first: first, last: last)
        case let (first?, nil):
            self.init(start: .day(first), end: nil, side: .after, isInferred: false)
        case let (nil, last?):
            self.init(start: .day(last), end: nil, side: .before, isInferred: false)
        case (nil, nil):
            return nil
        }
    }

    init(start: Point, end: Point?, side: Side, isInferred: Bool) {
        self.start = start
        self.end = end
        self.side = side
        self.isInferred = isInferred
    }

    /// The extent of a TIMEX3 value: a clock time, a day, a month, a year; weeks as days, seasons, quarters and
    /// halves as months, decades and centuries as years.
    private init?(value: TimeValue, inferred: Bool) {
        guard let days = value.days else { return nil }
        let first = CalendarDate(dayNumber: days.lowerBound), last = CalendarDate(dayNumber: days.upperBound)
        switch value.granularity {
        case .time:
            var point = Point.day(first)
            if let hour = value.hour {
                point.hour = hour
                point.minute = value.minute ?? 0
            }
            self.init(start: point, end: nil, side: .on, isInferred: inferred)
        case .day:
            self.init(start: .day(first), end: nil, side: .on, isInferred: inferred)
        case .week, .weekend:
            self.init(start: .day(first), end: .day(last), side: .on, isInferred: inferred)
        case .month:
            self.init(start: .month(first), end: nil, side: .on, isInferred: inferred)
        case .season, .quarter, .half:
            self.init(start: .month(first), end: .month(last), side: .on, isInferred: inferred)
        case .year:
            self.init(start: .year(first), end: nil, side: .on, isInferred: inferred)
        case .decade, .century:
            self.init(start: .year(first), end: .year(last), side: .on, isInferred: inferred)
        }
    }

    /// The extent of bounds: whole years or whole months at that precision, else days.
    private init(first: CalendarDate, last: CalendarDate) {
        let wholeMonths = first.day == 1 && last.day == CalendarDate.daysIn(month: last.month, year: last.year)
        let wholeYears = wholeMonths && first.month == 1 && last.month == 12
        let start: Point, end: Point
        if wholeYears {
            (start, end) = (.year(first), .year(last))
        } else if wholeMonths {
            (start, end) = (.month(first), .month(last))
        } else {
            (start, end) = (.day(first), .day(last))
        }
        self.init(start: start, end: start == end ? nil : end, side: .on, isInferred: false)
    }
}

/// The words and sentences the calendar-like exports show for an entry.
enum TimelineExportText {
    /// A short label: a statement's speaker with its verb as written and its channel ("Khloé Kardashian clarified
    /// (Twitter)"), else the event with its participants ("hospitalization (Lamar Odom)"); reported and denied events
    /// are flagged.
    static func headline(_ entry: Timeline.Entry) -> String {
        var text: String
        if let statement = entry.statement {
            text = (statement.speaker ?? statement.speakerMention).map { "\($0) \(entry.event.text)" } ?? entry.event.text
            if let channel = statement.channel { text += " (\(channel))" }
            if statement.stance != .asserted { text += " [\(statement.stance.rawValue)]" }
        } else {
            text = entry.event.text
            if !entry.participants.isEmpty { text += " (\(entry.participants.joined(separator: ", ")))" }
            if entry.isDenied { text += " [denied]" } else if entry.attribution == .reported { text += " [reported]" }
        }
        return TimelineTextRenderer.oneLine(text).trimmingLeadingSpace.trimmingTrailingSpace
    }

    /// The speaker a statement entry names, or the speaker of the innermost statement whose content holds the entry.
    static func speaker(_ entry: Timeline.Entry, in entries: [String: Timeline.Entry]) -> String? {
        if let statement = entry.statement { return statement.speaker ?? statement.speakerMention }
        for id in entry.attributedTo {
            if let statement = entries[id]?.statement, let speaker = statement.speaker ?? statement.speakerMention { return speaker }
        }
        return nil
    }

    /// The source sentences of entries, on one line each: the sentence of the representative mention when the
    /// document has sentences, else the text from the line or sentence end before the mention to the next.
    struct Sentences {
        private let texts: [String: [Unicode.Scalar]]
        private let sentences: [String: [TextSpan]]

        init(_ timeline: Timeline) {
            texts = Dictionary(timeline.documents.map { ($0.id, Array($0.text.unicodeScalars)) }, uniquingKeysWith: { a, _ in a })
            sentences = Dictionary(timeline.documents.map { ($0.id, $0.sentences) }, uniquingKeysWith: { a, _ in a })
        }

        func sentence(of entry: Timeline.Entry) -> String? {
            let source = entry.event.source
            guard let scalars = texts[source.document], source.span.end <= scalars.count, source.span.start <= source.span.end else { return nil }
            var start = source.span.start, end = source.span.end
            if let index = source.sentence, let spans = sentences[source.document], spans.indices.contains(index),
               spans[index].contains(source.span), spans[index].end <= scalars.count {
                (start, end) = (spans[index].start, spans[index].end)
            } else {
                while start > 0, !TimelineTextRenderer.endsSentence(scalars, at: start - 1) { start -= 1 }
                while end < scalars.count, !TimelineTextRenderer.endsSentence(scalars, at: end) { end += 1 }
                if end < scalars.count, scalars[end] != "\n" { end += 1 }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            let line = TimelineTextRenderer.oneLine(String(view)).trimmingLeadingSpace.trimmingTrailingSpace
            return line.isEmpty ? nil : line
        }
    }
}

/// What both calendar-like exports (``TimelineJSWriter``, ``TimelineICSWriter``) take from a timeline: the
/// selected entries that something dates, each with its extent, in order; how many selected entries nothing
/// dates; and the lookups their texts need.
struct TimelineExportEvents {
    /// The selected entries with an extent, in the selection's order.
    let dated: [(entry: Timeline.Entry, extent: TimelineExportExtent)]
    /// How many selected entries were left out for want of a date.
    let undatedCount: Int
    /// How many entries were selected.
    let selectedCount: Int
    let sentences: TimelineExportText.Sentences
    /// Every entry of the timeline by id (for the speakers of reported entries).
    let entries: [String: Timeline.Entry]
    /// The timeline's documents by id.
    let documents: [String: Timeline.DocumentInfo]

    init(_ timeline: Timeline, selection: TimelineTextRenderer.Selection) {
        let selected = selection.entries(of: timeline)
        dated = selected.compactMap { entry in TimelineExportExtent(entry).map { (entry, $0) } }
        selectedCount = selected.count
        undatedCount = selected.count - dated.count
        sentences = TimelineExportText.Sentences(timeline)
        entries = Dictionary(timeline.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        documents = Dictionary(timeline.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
