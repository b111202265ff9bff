import ChronicleCalendar
import ChronicleCore

/// Writes a ``Timeline`` as an iCalendar file (RFC 5545): one `VEVENT` per dated entry, every entry by default or
/// the key ones (``Timeline/Entry/isKey``).
///
/// ```
/// BEGIN:VCALENDAR
/// VERSION:2.0
/// PRODID:-//Chronicle//Chronicle timeline//EN
/// CALSCALE:GREGORIAN
/// METHOD:PUBLISH
/// X-WR-CALNAME:Khloé Defends Her Interview
/// BEGIN:VEVENT
/// UID:E3-5d41402abc4b2a76@chronicle
/// DTSTAMP:20151029T000000Z
/// DTSTART;VALUE=DATE:20151013
/// DTEND;VALUE=DATE:20151014
/// SUMMARY:hospitalization (Lamar Odom)
/// DESCRIPTION:He was hospitalized on Oct. 13\, ...\nWhen: 2015-10-13 (explicit)\nSource: ...
/// END:VEVENT
/// END:VCALENDAR
/// ```
///
/// - A day is an all-day event (`DTSTART;VALUE=DATE`, with the exclusive `DTEND;VALUE=DATE` of the next day); a
///   month, a year, a week or a season is an all-day event over all its days; a clock time is a floating
///   date-time (`DTSTART:20151013T193000`, no time zone: the documents do not give one) without an end. An entry
///   bounded on one side only is an all-day event on its bound, its summary saying "(on or before 2015-10-13)".
/// - `UID` is the entry's id and a key of the story (``storyKey``, by default a hash of its documents' ids), so
///   the same story gives the same UIDs. `DTSTAMP` is ``timestamp``, by default the latest creation time of the
///   story's documents (else 1970-01-01), never the clock: the same input gives byte-identical output.
/// - `SUMMARY` is a statement's speaker and verb or the event with its participants; `DESCRIPTION` the sentence of
///   the representative mention, the speaker, when (with the basis: an inferred date says "around ...
///   (inferred)") and the source document.
/// - Text values escape `\`, `;`, `,` and line ends (RFC 5545 3.3.11); lines end in CRLF and are folded at 75
///   octets, never inside a UTF-8 sequence (3.1).
/// - Entries with nothing to date them are left out; ``Output/undatedCount`` counts them.
public struct TimelineICSWriter: Sendable {
    /// What ``write(_:)`` gives.
    public struct Output: Hashable, Sendable {
        /// The iCalendar text (CRLF line ends, the last line ended too).
        public var text: String
        /// The events written.
        public var eventCount: Int
        /// The selected entries left out because nothing dates them.
        public var undatedCount: Int
    }

    /// Which entries are written (every dated one by default).
    public var selection: TimelineTextRenderer.Selection
    /// What makes the UIDs of this story's events distinct from other stories'; `nil` for ``storyKey(of:)``.
    public var storyKey: String?
    /// The `DTSTAMP` of every event; `nil` for the latest creation time of the story's documents.
    public var timestamp: CreationTime?

    /// Creates a writer.
    public init(selection: TimelineTextRenderer.Selection = .all, storyKey: String? = nil, timestamp: CreationTime? = nil) {
        self.selection = selection
        self.storyKey = storyKey
        self.timestamp = timestamp
    }

    /// The iCalendar text of `timeline`, with the counts of events written and entries left out.
    public func write(_ timeline: Timeline) -> Output {
        let export = TimelineExportEvents(timeline, selection: selection)
        let key = storyKey ?? Self.storyKey(of: timeline)
        let stamp = Self.stamp(timestamp ?? timeline.documents.compactMap(\.creationTime).max { Self.stamp($0) < Self.stamp($1) })
        var out: [UInt8] = []
        func line(_ name: String, _ value: String) { Self.appendFolded(name + ":" + value, to: &out) }
        line("BEGIN", "VCALENDAR")
        line("VERSION", "2.0")
        line("PRODID", "-//Chronicle//Chronicle timeline//EN")
        line("CALSCALE", "GREGORIAN")
        line("METHOD", "PUBLISH")
        line("X-WR-CALNAME", Self.escape(TimelineJSWriter.title(of: timeline)))
        for (entry, extent) in export.dated {
            line("BEGIN", "VEVENT")
            line("UID", Self.escape("\(entry.id)-\(key)@chronicle"))
            line("DTSTAMP", stamp)
            if extent.start.hour != nil {
                line("DTSTART", Self.basic(extent.start.firstDay) + "T" + CalendarDate.zeroPadded(extent.start.hour ?? 0, width: 2)
                     + CalendarDate.zeroPadded(extent.start.minute ?? 0, width: 2) + "00")
            } else {
                line("DTSTART;VALUE=DATE", Self.basic(extent.start.firstDay))
                line("DTEND;VALUE=DATE", Self.basic((extent.end ?? extent.start).dayAfter))
            }
            var summary = TimelineExportText.headline(entry)
            if extent.side != .on { summary += " (\(extent.label))" }
            line("SUMMARY", Self.escape(summary))
            var description: [String] = []
            if let sentence = export.sentences.sentence(of: entry) { description.append(sentence) }
            if let speaker = TimelineExportText.speaker(entry, in: export.entries) { description.append("Speaker: " + speaker) }
            description.append("When: \(extent.label); basis: \(entry.time.basis.rawValue)")
            let source = entry.event.source
            let document = export.documents[source.document]?.title.map { "\($0) (\(source.document))" } ?? source.document
            description.append("Source: " + document + (source.sentence.map { ", sentence \($0 + 1)" } ?? ""))
            line("DESCRIPTION", Self.escape(description.joined(separator: "\n")))
            line("END", "VEVENT")
        }
        line("END", "VCALENDAR")
        return Output(text: String(decoding: out, as: UTF8.self), eventCount: export.dated.count, undatedCount: export.undatedCount)
    }

    /// A key of a story: 16 hexadecimal digits of the FNV-1a hash of its documents' ids, in order.
    public static func storyKey(of timeline: Timeline) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, document) in timeline.documents.enumerated() {
            for byte in (index == 0 ? [] : [0x0A]) + Array(document.id.utf8) {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// A UTC date-time (`20151029T143000Z`); 1970-01-01 when there is no time.
    static func stamp(_ time: CreationTime?) -> String {
        guard let time else { return "19700101T000000Z" }
        let clock = time.time
        return basic(time.date) + "T" + [clock?.hour ?? 0, clock?.minute ?? 0, clock?.second ?? 0].map { CalendarDate.zeroPadded($0, width: 2) }.joined() + "Z"
    }

    /// A date in the basic format (`20151013`).
    static func basic(_ date: CalendarDate) -> String {
        CalendarDate.zeroPadded(date.year, width: 4) + CalendarDate.zeroPadded(date.month, width: 2) + CalendarDate.zeroPadded(date.day, width: 2)
    }

    /// A TEXT value escaped (RFC 5545 3.3.11): `\` `;` `,` with a backslash, line ends (CRLF, CR or LF) as `\n`;
    /// other control characters, which TEXT cannot hold, as spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Appends a content line folded at 75 octets (RFC 5545 3.1): each continuation starts with a space and holds at
    /// most 74 octets of the line, and no fold falls inside a UTF-8 sequence. Every line ends in CRLF.
    static func appendFolded(_ line: String, to out: inout [UInt8]) {
        let bytes = Array(line.utf8)
        var start = 0
        var limit = 75
        while bytes.count - start > limit {
            var end = start + limit
            while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            out.append(contentsOf: bytes[start..<end])
            out.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = end
            limit = 74
        }
        out.append(contentsOf: bytes[start...])
        out.append(contentsOf: [0x0D, 0x0A])
    }
}
