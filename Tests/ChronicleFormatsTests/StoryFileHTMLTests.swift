import ChronicleCore
import Foundation
import Testing

@testable import ChronicleFormats

/// HTML pages read as story files, and the reducer on arbitrary tag soup.
@Suite("StoryFileReader: HTML pages")
struct StoryFileHTMLTests {
    @Test func detectsHTMLByExtensionAndContent() {
        let page = Array("<!DOCTYPE html><p>Text.</p>".utf8)
        let text = Array("Just a headline\n\nAnd a sentence.".utf8)
        #expect(StoryFileReader.Format.detect(path: "story.html", bytes: text) == .html)
        #expect(StoryFileReader.Format.detect(path: "STORY.HTM", bytes: text) == .html)
        #expect(StoryFileReader.Format.detect(path: "saved.txt", bytes: page) == .html)
        #expect(StoryFileReader.Format.detect(path: nil, bytes: page) == .html)
        #expect(StoryFileReader.Format.detect(path: "saved.txt", bytes: text) == .plainText)
        #expect(StoryFileReader.Format.detect(path: nil, bytes: Array("<?xml version=\"1.0\"?><TimeML></TimeML>".utf8)) == .timeML)
        #expect(StoryFileReader.Format.detect(path: "a.tml", bytes: page) == .timeML)
        #expect(StoryFileReader.Format.detect(path: nil, bytes: Array("{\"text\": \"<p>a</p><p>b</p>\"}".utf8)) == .jsonLines)
    }

    @Test func readsAPageWithItsTitleDateAndWarnings() throws {
        let html = """
            <html><head><title>Storm &amp; Flood</title><meta property="article:published_time" content="2021-07-14T18:45:12.345Z"></head>
            <body><article><p>The river rose on Tuesday.</p><p>Roads were closed.</p></article><!-- unterminated
            """
        let items = try StoryFileReader().read(Array(html.utf8), name: "flood.html", baseName: "flood", format: .html)
        #expect(items.count == 1)
        let item = try #require(items.first)
        #expect(item.document.id == "flood")
        #expect(item.title == "Storm & Flood")
        #expect(item.document.text == "The river rose on Tuesday.\n\nRoads were closed.")
        #expect(item.document.creationTime == CreationTime(parsing: "2021-07-14T18:45"))
        #expect(item.document.diagnostics.map(\.code) == [.malformedInput], "the unterminated comment")
    }

    @Test func publicationDatesAsCreationTimes() {
        #expect(StoryFileReader.creationTime(published: "2015-10-29")?.description == "2015-10-29")
        #expect(StoryFileReader.creationTime(published: " 2015-10-29T14:30:00-07:00 ")?.description == "2015-10-29T14:30")
        #expect(StoryFileReader.creationTime(published: "2015-10-29T14:30:00.000Z")?.description == "2015-10-29T14:30")
        #expect(StoryFileReader.creationTime(published: "2015-10-29 14:30")?.description == "2015-10-29")
        #expect(StoryFileReader.creationTime(published: "October 29, 2015") == nil)
    }

    @Test func anUnreadableDateIsAWarningAndAnEmptyArticleAnError() throws {
        let html = "<html><head><meta name=\"date\" content=\"last Tuesday\"></head><body><p>Text of the article.</p></body></html>"
        let item = try #require(try StoryFileReader().read(Array(html.utf8), name: "p.html", baseName: "p", format: .html).first)
        #expect(item.document.creationTime == nil)
        #expect(item.document.diagnostics.map(\.message) == [
            "the page's publication date 'last Tuesday' is not a date (YYYY-MM-DD[THH:MM]): it is not the creation time",
        ])
        #expect(throws: StoryFileError(file: "e.html", message: "the HTML page has no article text")) {
            try StoryFileReader().read(Array("<html><script>x()</script></html>".utf8), name: "e.html", baseName: "e", format: .html)
        }
    }

    /// Tag soup made of pieces of markup in a fixed pseudo-random order: the reducer never fails, and its text
    /// keeps its shape (no white space at the ends, single spaces, paragraphs separated by exactly one blank line).
    @Test func tagSoupKeepsTheTextsShape() {
        let pieces: [[UInt8]] = [
            "<", ">", "</", "/>", "<p>", "</p>", "<div class=\"ad\">", "</div>", "<nav>", "</nav>", "<article>", "<b>", "</b>",
            "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#x", ";", "&", "\"", "'", "=", " ", "\n",
            "word", "é", "<br>", "<li>", "<td>", "<h1>", "</h1>", "<title>", "</title>", "<a href='>'>", "&nbsp;", "<p hidden>",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x00]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<400 {
            var html: [UInt8] = []
            for _ in 0..<(next() % 60) { html += pieces[next() % pieces.count] }
            let text = HTMLArticleText.reduce(html).text
            #expect(text.first?.isWhitespace != true && text.last?.isWhitespace != true, "\(html)")
            #expect(!text.contains("  ") && !text.contains("\n\n\n") && !text.contains(" \n") && !text.contains("\n "), "\(html)")
            #expect(!text.contains("\n") || text.components(separatedBy: "\n\n").allSatisfy { !$0.isEmpty && !$0.contains("\n") }, "\(html)")
        }
    }
}
