import Chronicle
import Foundation
import Testing

@testable import ChronicleCLI

/// `chronicle timeline --format timelinejs|ics`, and HTML pages as inputs.
@Suite("chronicle timeline: exports and HTML input")
struct TimelineExportCommandTests {
    static let story = TimelineCommandTests.story

    /// A news page written for this test: the story of ``story`` inside an article, with furniture around it.
    static let page = """
        <!DOCTYPE html><html><head><title>Band Splits Up - Music Weekly</title>
        <meta property="og:title" content="Band Splits Up">
        <meta property="article:published_time" content="2015-10-31T10:00:00Z">
        <script>document.write("<p>Anna Berg said on Monday that nothing happened.</p>")</script></head>
        <body><nav><a href="/">Home</a> <a href="/music">Music</a></nav>
        <article><h1>Band Splits Up</h1>
        <p>Anna Berg said on Friday, Oct. 30 that the band had split.</p>
        <p>Reports were flying around that the band was recording in secret. (It wasn&rsquo;t.)</p></article>
        <footer>Music Weekly &copy; 2015</footer></body></html>
        """

    /// The events of TimelineJS JSON.
    static func events(_ json: Data) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        return try #require(object["events"] as? [[String: Any]])
    }

    /// Checks the RFC 5545 shape of an iCalendar text: CRLF line ends only, lines of at most 75 octets, balanced
    /// components.
    static func expectWellFormedICS(_ text: String) {
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Chronicle//Chronicle timeline//EN\r\nCALSCALE:GREGORIAN\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") }, "a bare line end")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0 == "END:VEVENT" }.count)
    }

    @Test(.enabled(if: TimelineCommandTests.isRegistered))
    func timelineJSAsAProcess() throws {
        let directory = try TemporaryDirectory()
        try directory.write("band.txt", Self.story)
        let outcome = try directory.run(["timeline", "band.txt", "--dct", "2015-10-31", "--format", "timelinejs"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.output.hasPrefix("{\n  \"title\": {\n    \"text\": {\n      \"headline\": \"Band Splits Up\","))
        let said = try #require(try Self.events(outcome.standardOutput).first { ($0["text"] as? [String: String])?["headline"] == "Anna Berg said" })
        #expect(said["start_date"] as? [String: Int] == ["year": 2015, "month": 10, "day": 30])
        #expect(said["group"] as? String == "Band Splits Up")
        #expect(outcome.standardError.isEmpty)
        // Without a creation time the year is unknown: nothing is dated, and a note says so.
        let undated = try directory.run(["timeline", "band.txt", "--format", "timelinejs", "--group-by", "speaker"])
        #expect(undated.status == 0)
        #expect(try Self.events(undated.standardOutput).isEmpty)
        #expect(undated.errorLines == ["note: 1 entry without a date left out of the timelinejs export"])
        let badGroup = try directory.run(["timeline", "band.txt", "--format", "timelinejs", "--group-by", "colour"])
        #expect(badGroup.status != 0)
    }

    @Test(.enabled(if: TimelineCommandTests.isRegistered))
    func iCalendarAsAProcess() throws {
        let directory = try TemporaryDirectory()
        try directory.write("band.txt", Self.story)
        let outcome = try directory.run(["timeline", "band.txt", "--dct", "2015-10-31", "--format", "ics"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        Self.expectWellFormedICS(outcome.output)
        #expect(outcome.output.contains("\r\nDTSTAMP:20151031T000000Z\r\nDTSTART;VALUE=DATE:20151030\r\nDTEND;VALUE=DATE:20151031\r\nSUMMARY:Anna Berg said\r\n"))
        let again = try directory.run(["timeline", "band.txt", "--dct", "2015-10-31", "--format", "ics"])
        #expect(again.standardOutput == outcome.standardOutput, "byte-identical for the same input")
        let stamped = try directory.run(["timeline", "band.txt", "--dct", "2015-10-31", "--format", "ics", "--key", "--dtstamp", "2016-01-02T03:04"])
        #expect(stamped.output.components(separatedBy: "BEGIN:VEVENT").count == 2, "one key entry")
        #expect(stamped.output.contains("\r\nDTSTAMP:20160102T030400Z\r\n"))
        #expect(try directory.run(["timeline", "band.txt", "--format", "ics", "--dtstamp", "soon"]).status != 0)
        #expect(try directory.run(["timeline", "band.txt", "--format", "ics", "--key", "--all"]).status != 0)
    }

    @Test(.enabled(if: TimelineCommandTests.isRegistered))
    func htmlPagesAreReducedToTheirArticle() throws {
        let directory = try TemporaryDirectory()
        try directory.write("page.html", Self.page)
        let outcome = try directory.run(["timeline", "page.html", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let timeline = try #require(try JSONSerialization.jsonObject(with: outcome.standardOutput) as? [String: Any])
        let document = try #require((timeline["documents"] as? [[String: Any]])?.first)
        #expect(document["title"] as? String == "Band Splits Up")
        #expect(document["dct"] as? String == "2015-10-31T10:00", "the page's publication date is the creation time")
        #expect(document["dctSource"] as? String == "given")
        let entries = timeline["entries"] as? [[String: Any]] ?? []
        let said = try #require(entries.first { ($0["statement"] as? [String: Any])?["speaker"] as? String == "Anna Berg" })
        #expect((said["time"] as? [String: Any])?["start"] as? String == "2015-10-30")
        #expect(!entries.contains { ($0["event"] as? [String: Any])?["text"] as? String == "happened" }, "the script's text is not the article's")
        // Recognised by its content on standard input too.
        let piped = try directory.run(["timeline", "--format", "text"], input: Self.page)
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(piped.output.hasPrefix("# stdin (dct 2015-10-31T10:00, given): Band Splits Up\n"))
    }

    @Test func readsHTMLFilesWithTheirTitleAndDate() throws {
        let directory = try TemporaryDirectory()
        let page = try directory.write("page.htm", Self.page)
        let items = try TimelineStory(creationTime: CreationTime(parsing: "2000-01-01")).read(page.path)
        #expect(items.map(\.document.id) == ["page"])
        #expect(items.first?.title == "Band Splits Up")
        #expect(items.first?.document.creationTime?.description == "2015-10-31T10:00", "the page's date wins over --dct")
        #expect(items.first?.document.text == """
            Band Splits Up

            Anna Berg said on Friday, Oct. 30 that the band had split.

            Reports were flying around that the band was recording in secret. (It wasn’t.)
            """)
        let empty = try directory.write("empty.html", "<html><body><nav>Only a menu</nav></body></html>")
        #expect(throws: CommandFailure.self) { try TimelineStory().read(empty.path) }
    }

    /// The built-in example's story exports as TimelineJS and iCalendar.
    @Test func theExampleStoryExports() throws {
        let document = Pipeline().run(ExampleStory.text, creationTime: ExampleStory.creationTime, id: ExampleStory.name)
        let timeline = TimelineBuilder().build([StoryDocument(document, title: ExampleStory.headline)])
        let story = TimelineStory()
        let timelineJS = story.rendering(timeline, as: .timelinejs)
        let events = try Self.events(Data(timelineJS.text.utf8))
        #expect(!events.isEmpty)
        #expect(events.count + (timelineJS.undatedCount ?? 0) == timeline.entries.filter(\.isKey).count)
        #expect(events.allSatisfy { ($0["start_date"] as? [String: Int])?["year"] == 2015 })
        let ics = story.rendering(timeline, as: .ics, selection: .all)
        Self.expectWellFormedICS(ics.text)
        #expect(ics.text.components(separatedBy: "\r\nBEGIN:VEVENT\r\n").count - 1 + (ics.undatedCount ?? 0) == timeline.entries.count)
        #expect(ics.text.contains("\r\nDTSTAMP:20151029T000000Z\r\n"))
    }
}
