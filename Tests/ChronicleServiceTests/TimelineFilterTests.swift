import Chronicle
import Foundation
import Testing

@testable import ChronicleService

@Suite("Timeline filters and HTML text")
struct TimelineFilterTests {
    /// The timeline of the two test articles.
    private func timeline() async throws -> Timeline {
        let service = StoryService(store: InMemoryStoryStore())
        let story = try await service.createStory(title: "Audit")
        _ = try await service.addDocument(DocumentSubmission(published: "2020-03-03", body: Articles.first), to: story.id)
        _ = try await service.addDocument(DocumentSubmission(published: "2020-03-06", body: Articles.second), to: story.id)
        return try await service.timeline(of: story.id)
    }

    @Test func datesKeepEntriesThatMayLieInTheRange() async throws {
        let full = try await timeline()
        let filter = try TimelineFilter(from: "2020-03-04", to: "2020-03-31", about: nil, speaker: nil)
        let kept = filter.apply(to: full)
        #expect(!kept.entries.isEmpty)
        #expect(kept.entries.count < full.entries.count)
        let from = try #require(CalendarDate(iso: "2020-03-04")), to = try #require(CalendarDate(iso: "2020-03-31"))
        for entry in kept.entries {
            if let end = entry.time.end ?? entry.time.start { #expect(end >= from) }
            if let start = entry.time.start ?? entry.time.end { #expect(start <= to) }
        }
        #expect(kept.entries.contains { $0.event.text == "searched" })
        #expect(!kept.entries.contains { $0.event.text == "resigned" })
        let ids = Set(kept.entries.map(\.id))
        #expect(kept.relations.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
    }

    @Test func aboutAndSpeakerSelectPeople() async throws {
        let full = try await timeline()
        let about = TimelineFilter(about: "Ruiz").apply(to: full)
        #expect(about.entries.contains { $0.event.text == "resigned" })
        #expect(!about.entries.contains { $0.event.text == "lasted" && $0.participants.isEmpty })
        let hale = TimelineFilter(speaker: "Tom Hale").apply(to: full)
        let said = try #require(hale.entries.first { $0.statement != nil })
        #expect(said.statement?.speaker == "Tom Hale")
        #expect(hale.entries.allSatisfy { $0.statement?.speaker == "Tom Hale" || !$0.attributedTo.isEmpty })
        #expect(!hale.entries.contains { $0.event.text == "resigned" })
    }

    @Test func malformedDatesAreTypedErrors() throws {
        #expect(throws: StoryServiceError.invalidDate(field: "from", value: "yesterday")) {
            try TimelineFilter(from: "yesterday", to: nil, about: nil, speaker: nil)
        }
        #expect(throws: StoryServiceError.invalidDate(field: "to", value: "2020-02-30")) {
            try TimelineFilter(from: nil, to: "2020-02-30", about: nil, speaker: nil)
        }
        #expect(throws: StoryServiceError.invalidDate(field: "from", value: "")) {
            try TimelineFilter(from: "", to: nil, about: nil, speaker: nil)
        }
        #expect(try TimelineFilter(from: nil as String?, to: nil, about: " ", speaker: "").isEmpty)
    }

    @Test func htmlIsDetectedAndReduced() throws {
        let service = StoryService(store: InMemoryStoryStore())
        for (body, format) in [("\u{FEFF}  <!doctype html><p>x", "html"), ("<HTML><body>x", "html"), ("<p>One.</p> <p>Two.</p>", "html"), ("Prices rose 3% <sic> on Monday.", "text")] {
            #expect(try service.prepare(DocumentSubmission(title: nil, published: nil, body: body)).0.format == format, "\(body)")
        }
        let text = ArticleText.reduceHTML("""
            <html><head><style>p { color: red }</style></head><body><!-- ad --><h1>Title &amp; more</h1>
            <p>First&#8217;s   line.<br>Second &#x2014; line.</p><script>alert("x")</script><p>Last &lt;3</p></body></html>
            """)
        #expect(text == "Title & more\n\nFirst’s line.\n\nSecond — line.\n\nLast <3")
    }

    @Test func unclosedMarkupEndsTheTextWithoutLosingWhatCameBefore() {
        #expect(ArticleText.reduceHTML("<p>Kept.</p><p unclosed") == "Kept.")
        #expect(ArticleText.reduceHTML("<p>Kept.</p><!-- never closed") == "Kept.")
        #expect(ArticleText.reduceHTML("<p>Kept &bogus; and &#xZZ;.</p>") == "Kept &bogus; and &#xZZ;.")
    }

    @Test func archiveRoundTripsAnAnalysedDocument() throws {
        let document = Pipeline().run(Articles.first, creationTime: CreationTime(parsing: "2020-03-03"), id: "a")
        let decoded = try DocumentArchive.decode(try DocumentArchive.encode(document))
        #expect(decoded == document)
    }
}
