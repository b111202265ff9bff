import ChronicleCore
import Foundation

/// The timeline of one target entity in the format of the SemEval-2015 TimeLine task (Minard et al. 2015):
///
/// ```
/// Steve Jobs
/// 0	XXXX-XX-XX	18315-4-said
/// 1	1955-02-24	18355-5-born
/// 2	1976	18355-6-started	18355-5-built
/// ```
///
/// The first line names the entity; each other line is an event: its ordinal, its date (as precise as the text
/// allows: `2008-01-09`, `2008-01`, `2008`, or `XXXX-XX-XX`), and its mentions, `DOCID-SENTENCE-WORDS` (the
/// CAT document id, the CAT sentence number, the event's tokens joined by `_`), separated by tabs. Events
/// with the same ordinal are simultaneous, each ordinal comes before the next, and ordinal 0 holds the events
/// that cannot be placed.
public struct EntityTimeline: Hashable, Sendable {
    /// One line: an event, and the mentions of it.
    public struct Event: Hashable, Sendable {
        public var ordinal: Int
        /// The date as written (see ``EntityTimeline/normalizedDate(_:)`` to compare dates).
        public var date: String
        /// `DOCID-SENTENCE-WORDS`, in the order written.
        public var mentions: [String]

        public init(ordinal: Int, date: String, mentions: [String]) {
            self.ordinal = ordinal
            self.date = date
            self.mentions = mentions
        }
    }

    /// The date of an event that has none.
    public static let undated = "XXXX-XX-XX"

    /// The target entity (`Steve Jobs`).
    public var entity: String
    /// The events, in the order written.
    public var events: [Event]

    public init(entity: String, events: [Event]) {
        self.entity = entity
        self.events = events
    }

    /// The timeline of events given in timeline order, each with its date (`nil` when it has none) and its
    /// mentions: the events of a date share an ordinal, the dates are numbered from 1 in the order they first
    /// come, and undated events take ordinal 0 and `XXXX-XX-XX`. The lines are written by ordinal (undated
    /// first), events of the same ordinal in the order given.
    public init(entity: String, ordering events: [(date: String?, mentions: [String])]) {
        var ordinals: [String: Int] = [:]
        var numbered: [Event] = []
        for (date, mentions) in events where !mentions.isEmpty {
            guard let date = date.flatMap(Self.normalizedDate) else {
                numbered.append(Event(ordinal: 0, date: Self.undated, mentions: mentions))
                continue
            }
            let ordinal = ordinals[date] ?? ordinals.count + 1
            ordinals[date] = ordinal
            numbered.append(Event(ordinal: ordinal, date: date, mentions: mentions))
        }
        // A stable sort by ordinal.
        self.init(entity: entity, events: numbered.enumerated().sorted { ($0.element.ordinal, $0.offset) < ($1.element.ordinal, $1.offset) }.map(\.element))
    }

    /// Reads a timeline: the entity on the first non-blank line, then one event a line, its fields separated by
    /// tabs or spaces (blank lines and carriage returns are ignored).
    public init(parsing text: String) throws(EntityTimelineReadError) {
        var entity: String?
        var events: [Event] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            guard entity != nil else {
                entity = line
                continue
            }
            let fields = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            guard fields.count >= 3 else {
                throw EntityTimelineReadError(line: index + 1, message: "expected ORDINAL, DATE and at least one mention, found '\(line)'")
            }
            guard let ordinal = Int(fields[0]), ordinal >= 0 else {
                throw EntityTimelineReadError(line: index + 1, message: "the ordinal '\(fields[0])' is not a number")
            }
            events.append(Event(ordinal: ordinal, date: fields[1], mentions: Array(fields[2...])))
        }
        guard let entity else { throw EntityTimelineReadError(line: 1, message: "empty timeline: no entity line") }
        self.init(entity: entity, events: events)
    }

    /// The timeline in the task format: the entity, then one line an event, every line ended by a line feed.
    public func formatted() -> String {
        var out = entity + "\n"
        for event in events {
            out += ([String(event.ordinal), event.date] + event.mentions).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// The task's name of an event mention: `DOCID-SENTENCE-WORDS`, the words joined by `_`.
    public static func mentionID(document: String, sentence: Int, words: [String]) -> String {
        "\(document)-\(sentence)-" + words.joined(separator: "_")
    }

    /// A date as precise as it is known, for comparing dates: `2008-03-XX` is `2008-03`, `2010-XX-XX` is `2010`;
    /// `nil` when the year is unknown (`XXXX-XX-XX`, `XXX-XX-XX`) or the date is empty.
    public static func normalizedDate(_ date: String) -> String? {
        var known: [Substring] = []
        for part in date.split(separator: "-", omittingEmptySubsequences: false) {
            if part.isEmpty || part.contains(where: { !("0"..."9").contains($0) }) { break }
            known.append(part)
        }
        return known.isEmpty ? nil : known.joined(separator: "-")
    }

    /// Every mention, in the order written, as a node of the timeline's graph: `node` is the mention lowercased
    /// (the gold files write a few words in lower case: `16900-2-pre-orders` for the token `Pre-orders`), and
    /// `mention` as written; a mention written again (the same word twice in a sentence) is a node of its own,
    /// `MENTION#2`, `MENTION#3`...
    public var mentionNodes: [(node: String, mention: String, event: Event)] {
        var seen: [String: Int] = [:]
        var nodes: [(node: String, mention: String, event: Event)] = []
        for event in events {
            for mention in event.mentions {
                let key = mention.lowercased()
                let count = seen[key, default: 0] + 1
                seen[key] = count
                let suffix = count == 1 ? "" : "#\(count)"
                nodes.append((key + suffix, mention + suffix, event))
            }
        }
        return nodes
    }

    /// The timeline as temporal relations between its mentions (``mentionNodes``, as event instances): the
    /// mentions of the events placed (ordinal above 0), taken by ordinal, each related to the next,
    /// SIMULTANEOUS within an ordinal and BEFORE from one ordinal to the next. The closure of this chain holds
    /// every relation the timeline states (same ordinal: SIMULTANEOUS; a lower ordinal: BEFORE) and none of
    /// its relations is redundant. Mentions at ordinal 0 have no relation.
    public var relations: [TemporalRelation] {
        let placed = mentionNodes.enumerated().filter { $0.element.event.ordinal > 0 }
            .sorted { ($0.element.event.ordinal, $0.offset) < ($1.element.event.ordinal, $1.offset) }.map(\.element)
        return zip(placed, placed.dropFirst()).map { previous, next in
            TemporalRelation(
                id: "", source: .event(instanceID: previous.node), target: .event(instanceID: next.node),
                type: previous.event.ordinal == next.event.ordinal ? .simultaneous : .before)
        }
    }
}

/// Why a timeline could not be read: `LINE: MESSAGE`, or `FILE:LINE: MESSAGE` when read from a file.
public struct EntityTimelineReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    public var message: String
    public var file: String?

    public init(line: Int, message: String, file: String? = nil) {
        self.line = line
        self.message = message
        self.file = file
    }

    public var description: String {
        (file.map { "\($0):" } ?? "") + "\(line): \(message)"
    }
}
