import ChronicleCalendar
import ChronicleCore
import Foundation
import Testing

@testable import ChronicleFormats

/// The TimelineJS and iCalendar exports of a small hand-made timeline.
@Suite("Timeline exports")
struct TimelineExportTests {
    static let text = "The bridge closed on Wednesday, engineers said. Repairs take a week; ferries run in March. Cracks appeared before that. The council met on Oct. 28 and votes at 7:30 p.m. in 2024."

    /// The offsets of the first `word` in ``text`` (ASCII, so scalar offsets are byte offsets).
    static func span(_ word: String) -> TextSpan {
        let start = text.utf8.count - text[text.range(of: word)!.lowerBound...].utf8.count
        return TextSpan(start: start, end: start + word.utf8.count)
    }

    static func entry(_ id: String, _ word: String, sentence: Int, time: Timeline.Placement, participants: [String] = [],
                      statement: Timeline.StatementInfo? = nil, attributedTo: [String] = [], key: Bool = true) -> Timeline.Entry {
        let source = Timeline.SourceSpan(document: "a", span: span(word), sentence: sentence)
        return Timeline.Entry(id: id, event: Timeline.EventInfo(text: word, lemma: word, eventClass: statement == nil ? .occurrence : .reporting, source: source),
                              time: time, statement: statement, participants: participants, sources: [source],
                              attributedTo: attributedTo, isKey: key)
    }

    static func on(_ value: String, _ granularity: Timeline.Granularity, basis: Timeline.Basis = .explicit) -> Timeline.Placement {
        let days = TimeValue(value)?.days
        return Timeline.Placement(value: value, start: days.map { CalendarDate(dayNumber: $0.lowerBound) }, end: days.map { CalendarDate(dayNumber: $0.upperBound) },
                                  granularity: granularity, relation: .on, basis: basis)
    }

    /// Seven entries: a day, an inferred day (a statement), a week (what the statement says), a month by its
    /// bounds, an open interval, an unknown year (not dated), a clock time.
    static let timeline: Timeline = {
        let said = Timeline.StatementInfo(speaker: "Mira Holt", speakerMention: nil, verb: "say", channel: nil, stance: .asserted, content: nil, contentText: nil)
        let sentences = [TextSpan(start: 0, end: 47), TextSpan(start: 48, end: 90), TextSpan(start: 91, end: 119), TextSpan(start: 120, end: 178)]
        let document = Timeline.DocumentInfo(id: "a", title: "Bridge Closes & Ferries <Update>", creationTime: CreationTime(parsing: "2024-03-14T09:15"),
                                             text: text, sentences: sentences)
        let entries = [
            entry("E1", "closed", sentence: 0, time: on("2024-03-13", .day), participants: ["bridge"]),
            entry("E2", "said", sentence: 0, time: on("2024-03-14", .day, basis: .documentDate), statement: said),
            entry("E3", "take", sentence: 1, time: on("2024-W11", .week), attributedTo: ["E2"], key: false),
            entry("E4", "run", sentence: 1, time: Timeline.Placement(start: CalendarDate(year: 2024, month: 3, day: 1), end: CalendarDate(year: 2024, month: 3, day: 31),
                                                                     granularity: .range, relation: .overlap, basis: .explicit), participants: ["ferries"]),
            entry("E5", "appeared", sentence: 2, time: Timeline.Placement(end: CalendarDate(year: 2024, month: 3, day: 12), granularity: .open, relation: .before,
                                                                          anchor: .entry(id: "E1"), basis: .relation), participants: ["cracks"]),
            entry("E6", "met", sentence: 3, time: Timeline.Placement(value: "XXXX-10-28", granularity: .day, relation: .on, basis: .explicit), participants: ["council"]),
            entry("E7", "votes", sentence: 3, time: on("2024-03-13T19:30", .time), participants: ["council"], key: false),
        ]
        return Timeline(documents: [document], entries: entries, relations: [], warnings: [])
    }()

    // MARK: TimelineJS

    @Test func timelineJSOfTheKeyEntries() {
        let output = TimelineJSWriter(style: .compact).write(Self.timeline)
        let expected = #"{"title":{"text":{"headline":"Bridge Closes &amp; Ferries &lt;Update&gt;","text":"<p>5 key entries of 7 from 1 document; 1 without a date is not shown.</p>"}},"#
            + #""events":["#
            + #"{"start_date":{"year":2024,"month":3,"day":13},"text":{"headline":"closed (bridge)","text":"The bridge closed on Wednesday, engineers said."},"group":"Bridge Closes &amp; Ferries &lt;Update&gt;","unique_id":"E1"},"#
            + #"{"start_date":{"year":2024,"month":3,"day":14},"display_date":"around 2024-03-14 (inferred)","text":{"headline":"Mira Holt said","text":"The bridge closed on Wednesday, engineers said."},"group":"Bridge Closes &amp; Ferries &lt;Update&gt;","unique_id":"E2"},"#
            + #"{"start_date":{"year":2024,"month":3},"text":{"headline":"run (ferries)","text":"Repairs take a week; ferries run in March."},"group":"Bridge Closes &amp; Ferries &lt;Update&gt;","unique_id":"E4"},"#
            + #"{"start_date":{"year":2024,"month":3,"day":12},"display_date":"on or before 2024-03-12","text":{"headline":"appeared (cracks)","text":"Cracks appeared before that."},"group":"Bridge Closes &amp; Ferries &lt;Update&gt;","unique_id":"E5"}"#
            + "]}"
        #expect(output.json == expected)
        #expect(output.eventCount == 4)
        #expect(output.undatedCount == 1)
    }

    @Test func timelineJSOfEveryEntryBySpeaker() throws {
        let output = TimelineJSWriter(grouping: .speaker, selection: .all).write(Self.timeline)
        #expect(output.eventCount == 6)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.json.utf8)) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.map { $0["unique_id"] as? String } == ["E1", "E2", "E3", "E4", "E5", "E7"])
        #expect(events.map { $0["group"] as? String } == ["Narrated", "Mira Holt", "Mira Holt", "Narrated", "Narrated", "Narrated"])
        // A week: its first and last day; a clock time: hour and minute.
        #expect(events[2]["start_date"] as? [String: Int] == ["year": 2024, "month": 3, "day": 11])
        #expect(events[2]["end_date"] as? [String: Int] == ["year": 2024, "month": 3, "day": 17])
        #expect(events[5]["start_date"] as? [String: Int] == ["year": 2024, "month": 3, "day": 13, "hour": 19, "minute": 30])
        #expect(events[5]["end_date"] == nil)
        let title = try #require((object["title"] as? [String: Any])?["text"] as? [String: String])
        #expect(title["text"] == "<p>7 entries from 1 document; 1 without a date is not shown.</p>")
    }

    @Test func extentsOfValuesAndBounds() {
        func label(_ time: Timeline.Placement) -> String? { TimelineExportExtent(Self.entry("X", "run", sentence: 1, time: time))?.label }
        #expect(label(Self.on("2024", .year)) == "2024")
        #expect(label(Self.on("2024-Q2", .quarter)) == "2024-04 to 2024-06")
        #expect(label(Self.on("201", .decade)) == "2010 to 2019")
        #expect(label(Self.on("2024-03-13TNI", .time)) == "2024-03-13")
        #expect(label(Timeline.Placement(start: CalendarDate(year: 2023, month: 1, day: 1), end: CalendarDate(year: 2024, month: 12, day: 31))) == "2023 to 2024")
        #expect(label(Timeline.Placement(start: CalendarDate(year: 2024, month: 3, day: 2), end: CalendarDate(year: 2024, month: 3, day: 5))) == "2024-03-02 to 2024-03-05")
        #expect(label(Timeline.Placement(start: CalendarDate(year: 2024, month: 3, day: 2))) == "on or after 2024-03-02")
        #expect(label(Timeline.Placement(value: "PRESENT_REF", relation: .on)) == nil)
        #expect(label(Timeline.Placement(value: "2024-03-13", relation: .before, basis: .narrative)) == "around 2024-03-13 (inferred)")
    }

    // MARK: iCalendar

    @Test func iCalendarOfEveryDatedEntry() {
        let output = TimelineICSWriter(storyKey: "bridge-2024").write(Self.timeline)
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Chronicle//Chronicle timeline//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Bridge Closes & Ferries <Update>",
            "BEGIN:VEVENT",
            "UID:E1-bridge-2024@chronicle",
            "DTSTAMP:20240314T091500Z",
            "DTSTART;VALUE=DATE:20240313",
            "DTEND;VALUE=DATE:20240314",
            "SUMMARY:closed (bridge)",
            "DESCRIPTION:The bridge closed on Wednesday\\, engineers said.\\nWhen: 2024-03",
            " -13\\; basis: explicit\\nSource: Bridge Closes & Ferries <Update> (a)\\, sent",
            " ence 1",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:E2-bridge-2024@chronicle",
            "DTSTAMP:20240314T091500Z",
            "DTSTART;VALUE=DATE:20240314",
            "DTEND;VALUE=DATE:20240315",
            "SUMMARY:Mira Holt said",
            "DESCRIPTION:The bridge closed on Wednesday\\, engineers said.\\nSpeaker: Mira",
            "  Holt\\nWhen: around 2024-03-14 (inferred)\\; basis: document-date\\nSource: ",
            " Bridge Closes & Ferries <Update> (a)\\, sentence 1",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:E3-bridge-2024@chronicle",
            "DTSTAMP:20240314T091500Z",
            "DTSTART;VALUE=DATE:20240311",
            "DTEND;VALUE=DATE:20240318",
            "SUMMARY:take",
            "DESCRIPTION:Repairs take a week\\; ferries run in March.\\nSpeaker: Mira Holt",
            " \\nWhen: 2024-03-11 to 2024-03-17\\; basis: explicit\\nSource: Bridge Closes ",
            " & Ferries <Update> (a)\\, sentence 2",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:E4-bridge-2024@chronicle",
            "DTSTAMP:20240314T091500Z",
            "DTSTART;VALUE=DATE:20240301",
            "DTEND;VALUE=DATE:20240401",
            "SUMMARY:run (ferries)",
            "DESCRIPTION:Repairs take a week\\; ferries run in March.\\nWhen: 2024-03\\; ba",
            " sis: explicit\\nSource: Bridge Closes & Ferries <Update> (a)\\, sentence 2",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:E5-bridge-2024@chronicle",
            "DTSTAMP:20240314T091500Z",
            "DTSTART;VALUE=DATE:20240312",
            "DTEND;VALUE=DATE:20240313",
            "SUMMARY:appeared (cracks) (on or before 2024-03-12)",
            "DESCRIPTION:Cracks appeared before that.\\nWhen: on or before 2024-03-12\\; b",
            " asis: relation\\nSource: Bridge Closes & Ferries <Update> (a)\\, sentence 3",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:E7-bridge-2024@chronicle",
            "DTSTAMP:20240314T091500Z",
            "DTSTART:20240313T193000",
            "SUMMARY:votes (council)",
            "DESCRIPTION:The council met on Oct. 28 and votes at 7:30 p.m. in 2024.\\nWhe",
            " n: 2024-03-13 19:30\\; basis: explicit\\nSource: Bridge Closes & Ferries <Up",
            " date> (a)\\, sentence 4",
            "END:VEVENT",
            "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined()
        #expect(output.text == expected)
        #expect(output.eventCount == 6)
        #expect(output.undatedCount == 1)
        // Deterministic, and the key entries only on request.
        #expect(TimelineICSWriter(storyKey: "bridge-2024").write(Self.timeline).text == output.text)
        let key = TimelineICSWriter(selection: .key, timestamp: CreationTime(parsing: "2025-01-02T03:04:05")).write(Self.timeline)
        #expect(key.eventCount == 4)
        #expect(key.text.contains("\r\nDTSTAMP:20250102T030405Z\r\n"))
        #expect(key.text.contains("\r\nUID:E1-af63dc4c8601ec8c@chronicle\r\n"), "FNV-1a 64 of the id 'a'")
        #expect(!key.text.contains("UID:E3-"))
    }

    @Test func iCalendarEscapesText() {
        #expect(TimelineICSWriter.escape("a,b;c\\d\ne\r\nf\rg\u{7}h\ti") == "a\\,b\\;c\\\\d\\ne\\nf\\ng h\ti")
    }

    @Test func iCalendarFoldsAt75OctetsOutsideUTF8Sequences() {
        func folded(_ line: String) -> String {
            var out: [UInt8] = []
            TimelineICSWriter.appendFolded(line, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        let exactly75 = "SUMMARY:" + String(repeating: "x", count: 67)
        #expect(folded(exactly75) == exactly75 + "\r\n")
        #expect(folded(exactly75 + "y") == exactly75 + "\r\n y\r\n")
        // 8 + 2 × 40 = 88 octets: octet 75 is inside an 'é', so the first line takes 74 octets.
        let accents = "SUMMARY:" + String(repeating: "é", count: 40)
        #expect(folded(accents) == "SUMMARY:" + String(repeating: "é", count: 33) + "\r\n " + String(repeating: "é", count: 7) + "\r\n")
        // Continuation lines hold 74 octets after their space.
        let long = "DESCRIPTION:" + String(repeating: "z", count: 63 + 74 + 5)
        #expect(folded(long) == "DESCRIPTION:" + String(repeating: "z", count: 63) + "\r\n " + String(repeating: "z", count: 74) + "\r\n zzzzz\r\n")
        for line in folded(accents + String(repeating: "€", count: 50)).components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75)
        }
    }
}
