import Chronicle

/// What part of a story's timeline to show: entries within dates, about an entity, or said by a speaker.
/// The empty filter keeps everything.
public struct TimelineFilter: Hashable, Sendable {
    /// Keep entries that may lie on or after this day (their latest possible day is not before it).
    public var from: CalendarDate?
    /// Keep entries that may lie on or before this day (their earliest possible day is not after it).
    public var to: CalendarDate?
    /// Keep entries in which this entity takes part (``Timeline/entries(about:)``).
    public var about: String?
    /// Keep the statements of this speaker and the entries they report.
    public var speaker: String?

    public init(from: CalendarDate? = nil, to: CalendarDate? = nil, about: String? = nil, speaker: String? = nil) {
        self.from = from
        self.to = to
        self.about = about
        self.speaker = speaker
    }

    /// A filter from query parameters; blank names count as absent. Throws
    /// ``StoryServiceError/invalidDate(field:value:)`` for a date that is not `YYYY-MM-DD` (an empty one included).
    public init(from: String?, to: String?, about: String?, speaker: String?) throws(StoryServiceError) {
        func date(_ field: String, _ text: String?) throws(StoryServiceError) -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(iso: text) else { throw .invalidDate(field: field, value: text) }
            return date
        }
        func name(_ text: String?) -> String? {
            guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        self.init(from: try date("from", from), to: try date("to", to), about: name(about), speaker: name(speaker))
    }

    public var isEmpty: Bool { from == nil && to == nil && about == nil && speaker == nil }

    /// A string that identifies the filter, for caches.
    public var key: String {
        [from?.description ?? "", to?.description ?? "", about ?? "", speaker ?? ""].joined(separator: "\u{1F}")
    }

    /// The part of `timeline` the filter keeps: its entries in timeline order, the relations between kept
    /// entries, and the warnings that name a kept entry or none.
    public func apply(to timeline: Timeline) -> Timeline {
        guard !isEmpty else { return timeline }
        var entries = timeline.entries
        if let about { entries = Timeline(documents: [], entries: entries, relations: [], warnings: [], entities: timeline.entities).entries(about: about) }
        if let speaker { entries = Self.entries(of: entries, saidBy: speaker, in: timeline) }
        if from != nil || to != nil { entries = entries.filter(isWithinDates) }
        let kept = Set(entries.map(\.id))
        var filtered = timeline
        filtered.entries = entries
        filtered.relations = timeline.relations.filter { kept.contains($0.source) && kept.contains($0.target) }
        filtered.warnings = timeline.warnings.filter { $0.entries.isEmpty || $0.entries.contains(where: kept.contains) }
        return filtered
    }

    /// Whether an entry's possible days meet `from`...`to`; an entry no day bounds is left out.
    private func isWithinDates(_ entry: Timeline.Entry) -> Bool {
        let start = entry.time.start, end = entry.time.end
        guard start != nil || end != nil else { return false }
        if let from, let latest = end ?? start, latest < from { return false }
        if let to, let earliest = start ?? end, earliest > to { return false }
        return true
    }

    /// The statements among `entries` whose speaker is `name` (matched as ``Timeline/entries(about:)`` matches
    /// names, variants included), and the entries attributed to them.
    private static func entries(of entries: [Timeline.Entry], saidBy name: String, in timeline: Timeline) -> [Timeline.Entry] {
        // Statements without their participants: `entries(about:)` then matches the speaker only.
        let statements = timeline.entries.filter { $0.statement?.speaker != nil }.map { entry -> Timeline.Entry in
            var entry = entry
            entry.participants = []
            entry.roles = []
            return entry
        }
        let probe = Timeline(documents: [], entries: statements, relations: [], warnings: [], entities: timeline.entities)
        let said = Set(probe.entries(about: name).map(\.id))
        return entries.filter { said.contains($0.id) || $0.attributedTo.contains(where: said.contains) }
    }
}
