import ChronicleCore

/// Writes a ``Timeline`` as the JSON of Knight Lab's TimelineJS: a title slide and one event per dated entry, by
/// default the story's key entries (``Timeline/Entry/isKey``).
///
/// ```json
/// {
///   "title": {"text": {"headline": "Khloé Defends Her Interview", "text": "<p>9 key entries of 31 from 1 document; 2 without a date are not shown.</p>"}},
///   "events": [
///     {
///       "start_date": {"year": 2015, "month": 10, "day": 13},
///       "end_date": {"year": 2015, "month": 10, "day": 19},
///       "display_date": "around 2015-10-13 (inferred)",
///       "text": {"headline": "hospitalization (Lamar Odom)", "text": "He was hospitalized on Oct. 13 after ..."},
///       "group": "Khloé Defends Her Interview",
///       "unique_id": "E3"
///     }
///   ]
/// }
/// ```
///
/// - The date objects are only as precise as the entry's time: `year` for a year, `year` and `month` for a month,
///   `day` for a day, `hour` and `minute` for a clock time. TimelineJS accepts numbers or numeric strings; this
///   writer writes numbers. `end_date` is there when the time spans more than one unit of its precision (a week
///   is its first and last day; a quarter its first and last month; bounds "after Oct. 13 and before Oct. 28"
///   their days).
/// - `display_date` (what TimelineJS shows instead of the date) is there when the date is inferred ("around
///   2015-10-13 (inferred)") or is only a bound ("on or before 2015-10-13": the entry is drawn at the bound).
/// - `text.headline` is a statement's speaker and verb ("Khloé Kardashian clarified (Twitter)") or the event with
///   its participants; `text.text` is the sentence of its representative mention. Both are HTML-escaped, as
///   TimelineJS shows them as HTML; the title is too.
/// - `group` is the title (else the id) of the entry's document, or with ``Grouping/speaker`` its speaker (the
///   speaker of the statement that reports it, for what was said) or "Narrated".
/// - Entries with nothing to date them (no bounds, an unknown year) are left out; the title slide says how many,
///   and ``Output/undatedCount`` counts them.
///
/// Keys always come in the order shown; the output is deterministic.
public struct TimelineJSWriter: Sendable {
    /// What the events are grouped by (TimelineJS draws a row per group).
    public enum Grouping: String, Hashable, Sendable, CaseIterable {
        /// The document of the entry's representative mention.
        case document
        /// Who says it.
        case speaker
    }

    /// What ``write(_:)`` gives.
    public struct Output: Hashable, Sendable {
        /// The TimelineJS JSON (no trailing line end).
        public var json: String
        /// The events written.
        public var eventCount: Int
        /// The selected entries left out because nothing dates them.
        public var undatedCount: Int
    }

    /// What the events are grouped by.
    public var grouping: Grouping
    /// Which entries are written (the key ones by default).
    public var selection: TimelineTextRenderer.Selection
    /// The layout of the JSON.
    public var style: JSONValue.Style

    /// Creates a writer.
    public init(grouping: Grouping = .document, selection: TimelineTextRenderer.Selection = .key, style: JSONValue.Style = .pretty) {
        self.grouping = grouping
        self.selection = selection
        self.style = style
    }

    /// The TimelineJS JSON of `timeline`, with the counts of events written and entries left out.
    public func write(_ timeline: Timeline) -> Output {
        let export = TimelineExportEvents(timeline, selection: selection)
        var events: [JSONValue] = []
        for (entry, extent) in export.dated {
            var members: [(key: String, value: JSONValue)] = [("start_date", Self.date(extent.start))]
            if let end = extent.end { members.append(("end_date", Self.date(end))) }
            if extent.isInferred || extent.side != .on { members.append(("display_date", .string(extent.label))) }
            var text: [(key: String, value: JSONValue)] = [("headline", .string(TimelineHTMLRenderer.escape(TimelineExportText.headline(entry))))]
            if let sentence = export.sentences.sentence(of: entry) { text.append(("text", .string(TimelineHTMLRenderer.escape(sentence)))) }
            members.append(("text", .object(text)))
            let group: String
            switch grouping {
            case .document:
                let document = entry.event.source.document
                group = export.documents[document].map { $0.title ?? $0.id } ?? document
            case .speaker: group = TimelineExportText.speaker(entry, in: export.entries) ?? "Narrated"
            }
            members.append(("group", .string(TimelineHTMLRenderer.escape(TimelineTextRenderer.oneLine(group)))))
            members.append(("unique_id", .string(entry.id)))
            events.append(.object(members))
        }
        let undated = export.undatedCount
        let json = JSONValue.object([
            ("title", .object([("text", .object([
                ("headline", .string(TimelineHTMLRenderer.escape(Self.title(of: timeline)))),
                ("text", .string("<p>" + TimelineHTMLRenderer.escape(Self.summary(timeline, shown: export.selectedCount, undated: undated)) + "</p>")),
            ]))])),
            ("events", .array(events)),
        ])
        return Output(json: json.serialized(style), eventCount: events.count, undatedCount: undated)
    }

    /// The title of a one-document story is its document's; of a longer story, "Story timeline".
    static func title(of timeline: Timeline) -> String {
        guard timeline.documents.count == 1 else { return "Story timeline" }
        return TimelineTextRenderer.oneLine(timeline.documents[0].title ?? timeline.documents[0].id).trimmingLeadingSpace.trimmingTrailingSpace
    }

    /// "9 key entries of 31 from 1 document; 2 without a date are not shown."
    static func summary(_ timeline: Timeline, shown: Int, undated: Int) -> String {
        let total = timeline.entries.count, documents = timeline.documents.count
        var text = shown < total ? "\(shown) key \(shown == 1 ? "entry" : "entries") of \(total)" : "\(total) \(total == 1 ? "entry" : "entries")"
        text += " from \(documents) \(documents == 1 ? "document" : "documents")"
        if undated > 0 { text += "; \(undated) without a date \(undated == 1 ? "is" : "are") not shown" }
        return text + "."
    }

    /// A TimelineJS date object, only as precise as the point.
    private static func date(_ point: TimelineExportExtent.Point) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("year", .integer(point.year))]
        if let month = point.month { members.append(("month", .integer(month))) }
        if let day = point.day { members.append(("day", .integer(day))) }
        if let hour = point.hour { members.append(("hour", .integer(hour))) }
        if let minute = point.minute { members.append(("minute", .integer(minute))) }
        return .object(members)
    }
}
