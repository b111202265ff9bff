import ChronicleCalendar
import ChronicleCore
import Foundation

/// Scores a story's timeline against a gold timeline written by a reader: the key events with their dates
/// (or bounds), their speakers, the pairs known to be ordered, and the events told by several documents.
///
/// The gold format (`NAME.gold.json`, beside the story's `NAME.jsonl`; see `corpus/stories/README.md`):
///
/// ```json
/// {"story": "court-hale", "genre": "court case",
///  "events": [{"id": "arrest", "document": "court-hale-1", "context": "Police arrested Martin Hale at his home",
///              "trigger": "arrested", "date": "2025-03-03",
///              "also": [{"document": "court-hale-2", "context": "since Hale's arrest", "trigger": "arrest"}]},
///             {"id": "said-mayor", "document": "court-hale-1", "context": "said Dana Whitfield, the city's mayor",
///              "trigger": "said", "bounds": ["2025-03-03", "2025-03-04"], "speaker": "Dana Whitfield"}],
///  "ordered": [["arrest", "said-mayor"]]}
/// ```
///
/// A gold mention is found by its `context` (which occurs once in the document) and the first occurrence of
/// its `trigger` inside it; the system entry whose sources overlap the trigger is its entry. An event is
/// **dated right** when the entry's time (its best-supported value, else its bounds when both are set)
/// meets the gold date or bounds and is either inside them or at most a week long. A pair is **ordered
/// right** when both events have different entries and the first comes first in the timeline. A speaker is
/// right when the entry's speaker has the gold speaker's last word. A **merge** is right when the mentions
/// in other documents (`also`) are in the same entry.
public struct StoryTimelineEvaluator: Sendable {
    public init() {}

    /// A gold timeline.
    public struct Gold: Decodable, Sendable {
        public var story: String
        public var genre: String?
        public var events: [GoldEvent]
        public var ordered: [[String]]
    }

    /// A gold mention: where an event is told.
    public struct GoldMention: Decodable, Sendable {
        public var document: String
        public var context: String
        public var trigger: String
    }

    /// A gold event.
    public struct GoldEvent: Decodable, Sendable {
        public var id: String
        public var document: String
        public var context: String
        public var trigger: String
        public var date: String?
        public var bounds: [String]?
        public var speaker: String?
        public var also: [GoldMention]?

        var mention: GoldMention { GoldMention(document: document, context: context, trigger: trigger) }
    }

    /// A timeline entry, as the evaluator needs it.
    public struct SystemEntry: Sendable {
        public var id: String
        /// Where the entry is told: document identifier and span.
        public var sources: [(document: String, span: TextSpan)]
        /// The entry's time as calendar days (day numbers), if it has one.
        public var days: ClosedRange<Int>?
        public var speaker: String?

        public init(id: String, sources: [(document: String, span: TextSpan)], days: ClosedRange<Int>?, speaker: String?) {
            self.id = id
            self.sources = sources
            self.days = days
            self.speaker = speaker
        }
    }

    /// The figures of one or several stories.
    public struct Score: Sendable {
        public var events = 0, found = 0, datedRight = 0
        public var pairs = 0, pairsRight = 0
        public var speakers = 0, speakersRight = 0
        public var merges = 0, mergesRight = 0
        /// `conflicting-times` warnings (the gold stories are consistent, so each is false).
        public var falseWarnings = 0
        /// One line per error.
        public var errors: [String] = []

        public init() {}

        public static func + (a: Score, b: Score) -> Score {
            var sum = a
            sum.events += b.events; sum.found += b.found; sum.datedRight += b.datedRight
            sum.pairs += b.pairs; sum.pairsRight += b.pairsRight
            sum.speakers += b.speakers; sum.speakersRight += b.speakersRight
            sum.merges += b.merges; sum.mergesRight += b.mergesRight
            sum.falseWarnings += b.falseWarnings
            sum.errors += b.errors
            return sum
        }

        public var dateAccuracy: Double { ratio(datedRight, events) }
        public var orderAccuracy: Double { ratio(pairsRight, pairs) }
        public var speakerAccuracy: Double { ratio(speakersRight, speakers) }
        public var mergeAccuracy: Double { ratio(mergesRight, merges) }
        public var foundRate: Double { ratio(found, events) }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
    }

    /// Scores `entries` (in timeline order) against `gold`. `texts` maps document identifiers to their texts.
    public func score(_ entries: [SystemEntry], warnings conflictingTimes: Int, gold: Gold, texts: [String: String]) -> Score {
        var score = Score()
        let story = gold.story
        score.falseWarnings = conflictingTimes
        if conflictingTimes > 0 { score.errors.append("\(story): \(conflictingTimes) false conflicting-times warning(s)") }
        var entryOf: [String: Int] = [:]
        for event in gold.events {
            score.events += 1
            guard let span = locate(event.mention, texts: texts) else {
                score.errors.append("\(story) \(event.id): gold context or trigger not found in \(event.document)")
                continue
            }
            guard let index = entries.firstIndex(where: { entry in entry.sources.contains { $0.document == event.document && $0.span.overlaps(span) } })
            else {
                score.errors.append("\(story) \(event.id): no entry for “\(event.trigger)”")
                continue
            }
            score.found += 1
            entryOf[event.id] = index
            let entry = entries[index]
            if let gold = goldDays(event) {
                if let days = entry.days, days.overlaps(gold), gold.contains(days.lowerBound) && gold.contains(days.upperBound) || days.count <= 7 {
                    score.datedRight += 1
                } else {
                    score.errors.append("\(story) \(event.id): \(entry.id) “\(event.trigger)” dated \(describe(entry.days)), gold \(describe(gold))")
                }
            }
            if let speaker = event.speaker {
                score.speakers += 1
                let lastWord = speaker.split(separator: " ").last.map { $0.lowercased() } ?? ""
                if let found = entry.speaker, found.lowercased().split(separator: " ").contains(where: { $0 == lastWord }) {
                    score.speakersRight += 1
                } else {
                    score.errors.append("\(story) \(event.id): speaker \(entry.speaker ?? "none"), gold \(speaker)")
                }
            }
            for other in event.also ?? [] {
                score.merges += 1
                if let span = locate(other, texts: texts), entry.sources.contains(where: { $0.document == other.document && $0.span.overlaps(span) }) {
                    score.mergesRight += 1
                } else {
                    score.errors.append("\(story) \(event.id): “\(other.trigger)” in \(other.document) not merged with \(entry.id)")
                }
            }
        }
        // Events found with a gold date count as not dated when never found: the total is all gold events.
        for pair in gold.ordered where pair.count == 2 {
            score.pairs += 1
            guard let a = entryOf[pair[0]], let b = entryOf[pair[1]] else {
                score.errors.append("\(story) \(pair[0]) < \(pair[1]): an event has no entry")
                continue
            }
            if a < b {
                score.pairsRight += 1
            } else {
                score.errors.append("\(story) \(pair[0]) < \(pair[1]): \(entries[a].id) is \(a == b ? "the same entry as" : "after") \(entries[b].id)")
            }
        }
        return score
    }

    /// The scalar span of a gold mention's trigger in its document.
    func locate(_ mention: GoldMention, texts: [String: String]) -> TextSpan? {
        guard let text = texts[mention.document], let context = text.range(of: mention.context),
              let trigger = text[context].range(of: mention.trigger) else { return nil }
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: trigger.lowerBound)
        return TextSpan(start: start, end: start + mention.trigger.unicodeScalars.count)
    }

    /// The gold days of an event: its date (a day, month or year) or its bounds.
    func goldDays(_ event: GoldEvent) -> ClosedRange<Int>? {
        if let date = event.date { return TimeValue(date)?.days }
        guard let bounds = event.bounds, bounds.count == 2, let first = CalendarDate(iso: bounds[0]), let last = CalendarDate(iso: bounds[1]),
              first.dayNumber <= last.dayNumber else { return nil }
        return first.dayNumber...last.dayNumber
    }

    private func describe(_ days: ClosedRange<Int>?) -> String {
        guard let days else { return "none" }
        let first = CalendarDate(dayNumber: days.lowerBound).description, last = CalendarDate(dayNumber: days.upperBound).description
        return first == last ? first : "\(first)…\(last)"
    }
}
