import ChronicleCore
import Foundation
import Testing

@testable import ChronicleFormats

@Suite("HTMLArticleText")
struct HTMLArticleTextTests {
    /// A news page written for these tests: navigation, an advertisement, scripts, a share bar, a sidebar, a
    /// footer, and an article with a headline, a byline, subheadings, a quotation, a list and entities.
    static let newsPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Harbour bridge closes for repairs | The Tidewater Gazette</title>
          <meta property="og:title" content="Harbour bridge closes for repairs &amp; inspection">
          <meta property="article:published_time" content="2024-03-14T08:30:00+01:00">
          <script>var tracking = "<p>not text</p>"; if (a < b && c > d) { track(); }</script>
          <style>p { color: #333; } .ad > span { display: none }</style>
          <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-13"}</script>
        </head>
        <body class="page article-page">
          <header class="site-header"><a href="/">The Tidewater Gazette</a>
            <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
          </header>
          <div class="ad-slot"><span>Advertisement</span><img src="ad.png" alt="Buy now"></div>
          <main>
            <article>
              <header><h1>Harbour bridge closes for repairs</h1>
                <p class="byline">By Mira Holt &middot; <time datetime="2024-03-14">14 March 2024</time></p></header>
              <p>The harbour bridge was closed on Wednesday after engineers found   cracks
                 in two of its supports.</p>
              <!-- an editor's note that is not text -->
              <p>&ldquo;We won&rsquo;t reopen it until it&apos;s safe,&rdquo; said Jonas Ek, the city&#8217;s engineer &mdash; adding
                 that repairs would take &#x32; weeks&hellip;</p>
              <div class="share-buttons"><button>Share</button><a href="#">Tweet</a></div>
              <h2>Ferries&nbsp;added</h2>
              <p>Extra ferries will run from Thursday.<br>Tickets cost &euro;2 &lt;for adults&gt;.</p>
              <blockquote><p>It is the right call.</p></blockquote>
              <ul><li>Route A: every 15 minutes</li><li>Route B: hourly</li></ul>
              <p>Caf&eacute; owners near the bridge said trade had fallen.</p>
            </article>
            <aside class="related"><h3>Related</h3><p>Council meets on budget</p></aside>
          </main>
          <footer><p>&copy; 2024 The Tidewater Gazette. All rights reserved.</p></footer>
          <noscript><p>Please enable JavaScript.</p></noscript>
        </body>
        </html>
        """

    /// The article text, written by hand from the page above.
    static let newsText = """
        The harbour bridge was closed on Wednesday after engineers found cracks in two of its supports.

        “We won’t reopen it until it's safe,” said Jonas Ek, the city’s engineer — adding that repairs would take 2 weeks…

        Ferries added

        Extra ferries will run from Thursday.

        Tickets cost €2 <for adults>.

        It is the right call.

        Route A: every 15 minutes

        Route B: hourly

        Café owners near the bridge said trade had fallen.
        """

    static func reduce(_ html: String) -> HTMLArticleText.Result { HTMLArticleText.reduce(Array(html.utf8)) }

    @Test func reducesANewsPageToItsArticle() {
        let result = Self.reduce(Self.newsPage)
        #expect(result.text == Self.newsText)
        #expect(result.title == "Harbour bridge closes for repairs & inspection")
        #expect(result.publicationDate == "2024-03-14T08:30:00+01:00")
        #expect(result.warnings.isEmpty)
    }

    @Test func titleFallsBackToTheFirstHeadingThenTheTitleElement() {
        #expect(Self.reduce("<html><title>Site | Page</title><h1>The  <em>real</em>\nheadline</h1><p>Text.</p>").title == "The real headline")
        #expect(Self.reduce("<html><head><title> Only &amp; title </title></head><body><p>Text.</p></body>").title == "Only & title")
        #expect(Self.reduce("<p>No title at all.</p>").title == nil)
    }

    @Test func publicationDateSourcesInOrder() {
        let time = "<p>x <time datetime=\"2020-01-05\">Jan 5</time></p>"
        let meta = "<meta name=\"pubdate\" content=\"2020-01-04\">"
        let pubdate = "<time pubdate datetime=\"2020-01-03\"></time>"
        let jsonLD = "<script type=\"application/ld+json\">{\"datePublished\" : \"2020-01-02T10:00Z\"}</script>"
        let itemprop = "<span itemprop=\"datePublished\" content=\"2020-01-01\"></span>"
        let article = "<meta property=\"article:published_time\" content=\"2019-12-31\">"
        #expect(Self.reduce(time).publicationDate == "2020-01-05")
        #expect(Self.reduce(time + meta).publicationDate == "2020-01-04")
        #expect(Self.reduce(time + meta + pubdate).publicationDate == "2020-01-03")
        #expect(Self.reduce(time + meta + pubdate + jsonLD).publicationDate == "2020-01-02T10:00Z")
        #expect(Self.reduce(time + meta + pubdate + jsonLD + itemprop).publicationDate == "2020-01-01")
        #expect(Self.reduce(time + meta + pubdate + jsonLD + itemprop + article).publicationDate == "2019-12-31")
        #expect(Self.reduce("<p>No date.</p>").publicationDate == nil)
    }

    @Test func blockElementsBreakParagraphsAndInlineOnesDoNot() {
        let html = "<div>One<span>word</span> <b>bold</b></div><div><div>Two</div></div>Three<br/>Four<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
        #expect(Self.reduce(html).text == "Oneword bold\n\nTwo\n\nThree\n\nFour\n\na b\n\nc")
    }

    @Test func entities() {
        let html = "<p>&amp; &lt; &gt; &quot; &apos; &nbsp;|&mdash;&ndash;&hellip;&lsquo;&rsquo;&ldquo;&rdquo;&eacute;&Omega;&sigmaf;&thetasym;&euro;</p>"
        #expect(Self.reduce(html).text == "& < > \" ' |—–…‘’“”éΩςϑ€")
        #expect(Self.reduce("<p>&#65;&#x42;&#X43;&#150;&#39</p>").text == "ABC–'")
        // Invalid references are kept as written.
        #expect(Self.reduce("<p>&bogus; &#xZZ; &#; &#0; &#x110000; AT&T &amp</p>").text == "&bogus; &#xZZ; &#; &#0; &#x110000; AT&T &")
        #expect(Self.reduce("<p>a &copy b &copyright;</p>").text == "a © b &copyright;")
    }

    @Test func malformedHTML() {
        // Unclosed tags, a stray '<', a '>' inside a quoted attribute, uppercase tags, an end tag with nothing open, an
        // attribute name that starts with '<'.
        let html = "<DIV CLASS=\"x>y\"><P>First<P>Second</span> a < b and c<d <A HREF='>'>link</A></DIV>"
        let result = Self.reduce(html)
        #expect(result.text == "First\n\nSecond a < b and clink")
        #expect(result.warnings.isEmpty)
        // A quoted attribute value that never closes swallows the rest, with a warning.
        let unclosed = Self.reduce("<p>Text</p><a title=\"never closed>More text")
        #expect(unclosed.text == "Text")
        #expect(unclosed.warnings.map(\.message) == ["the tag at byte 11 has no closing '>': the rest of the page (32 bytes) is ignored"])
        // An unterminated comment runs to the end, with a warning.
        let comment = Self.reduce("<p>Kept.</p><!-- never closed <p>Lost.</p>")
        #expect(comment.text == "Kept.")
        #expect(comment.warnings.map(\.message) == ["a comment at byte 12 is never closed: the rest of the page (30 bytes) is ignored"])
        #expect(comment.warnings.first?.code == .malformedInput)
        // An unterminated script, and CDATA.
        #expect(Self.reduce("<p>A</p><script>if (x) {").warnings.count == 1)
        #expect(Self.reduce("<p>A<![CDATA[ hidden ]]>B</p>").text == "AB")
        #expect(Self.reduce("<p>A</p></>< p>").text == "A\n\n< p>")
        #expect(Self.reduce("").text == "")
        #expect(Self.reduce("<").text == "<")
        #expect(Self.reduce("<p").text == "")
    }

    @Test func droppedElements() {
        let html = """
            <p>Keep</p><template><p>Template</p></template><form><label>Name</label><input></form><svg><title>Icon</title></svg>\
            <p hidden>Hidden</p><p aria-hidden="true">Aria</p><select><option>One</option></select><textarea>Typed</textarea>\
            <iframe><p>Frame</p></iframe><p>End</p>
            """
        let result = Self.reduce(html)
        #expect(result.text == "Keep\n\nEnd")
        #expect(result.title == nil, "an svg's title is not the page's")
    }

    @Test func furnitureThatHoldsTheArticleIsKept() {
        let paragraph = "<p>" + String(repeating: "A sentence of the article. ", count: 8) + "</p>"
        // A page wrapped whole in a form, and an unclosed header, keep their paragraphs.
        let form = Self.reduce("<body><form>" + String(repeating: paragraph, count: 3) + "</form></body>")
        #expect(form.text.components(separatedBy: "\n\n").count == 3)
        let header = Self.reduce("<header><nav>Menu</nav>" + String(repeating: paragraph, count: 3))
        #expect(!header.text.contains("Menu"))
        #expect(header.text.components(separatedBy: "\n\n").count == 3)
    }

    @Test func picksTheElementWithMostParagraphTextWithoutAnArticle() {
        let story = (1...4).map { "<p>Story paragraph \($0) with enough words to matter.</p>" }.joined()
        let html = "<div id=\"teasers\"><p>Teaser one.</p></div><div id=\"body\"><div>\(story)</div></div><div><p>Other.</p></div>"
        #expect(Self.reduce(html).text == (1...4).map { "Story paragraph \($0) with enough words to matter." }.joined(separator: "\n\n"))
        // An article that is only a teaser does not win over the page's text.
        let teaser = "<article><p>Teaser.</p></article><div>\(story)</div>"
        #expect(Self.reduce(teaser).text.hasPrefix("Story paragraph 1"))
        // itemprop="articleBody" comes first.
        let marked = "<article><p>Intro.</p><div itemprop=\"articleBody\">\(story)</div></article>"
        #expect(Self.reduce(marked).text.hasPrefix("Story paragraph 1"))
    }

    @Test func invalidUTF8IsRepairedWithAWarning() {
        let bytes = Array("<p>Caf".utf8) + [0xE9] + Array(" and ".utf8) + [0xFF, 0xFE] + Array("</p>".utf8)
        let result = HTMLArticleText.reduce(bytes)
        #expect(result.text == "Caf\u{FFFD} and \u{FFFD}\u{FFFD}")
        #expect(result.warnings.map(\.message) == ["invalid UTF-8 (the first at byte 6): 3 sequences replaced with U+FFFD"])
        // A page that declares Latin-1 is read as Windows-1252.
        let latin = Array("<meta charset=\"ISO-8859-1\"><p>Caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94] + Array("</p>".utf8)
        let converted = HTMLArticleText.reduce(latin)
        #expect(converted.text == "Café “q”")
        #expect(converted.warnings.count == 1)
        // NUL bytes are spaces, noted; a byte-order mark is dropped.
        let nul = HTMLArticleText.reduce([0xEF, 0xBB, 0xBF] + Array("<p>a".utf8) + [0] + Array("b</p>".utf8))
        #expect(nul.text == "a b")
        #expect(nul.warnings.map(\.message) == ["1 NUL byte (the first at byte 4) read as spaces"])
    }

    @Test func deepNestingIsLinearAndDoesNotOverflow() {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "<p>Deep &amp; down.</p>" + String(repeating: "</div>", count: depth)
        #expect(Self.reduce(html).text == "Deep & down.")
        // Unclosed, and with inline elements and furniture.
        let unclosed = String(repeating: "<span><nav>", count: depth / 2) + "Lost in the menu" + String(repeating: "</p>", count: depth)
        #expect(Self.reduce(unclosed).text == "")
        let inline = "<p>" + String(repeating: "<b>", count: depth) + "Bold" + String(repeating: "<p>x", count: 1000)
        #expect(Self.reduce(inline).text.hasPrefix("Bold"))
    }

    /// A generated page of about 20 MB: its text comes through whole. The throughput is printed, not asserted
    /// (`swift test -c release -Xswiftc -enable-testing --filter largePageIsReducedWhole` for a meaningful figure).
    @Test func largePageIsReducedWhole() {
        var html = Array("<!DOCTYPE html><html><head><title>Long</title></head><body><nav>menu</nav><article>\n".utf8)
        let paragraph = (Array("<p>Paragraph ".utf8), Array(" of the long page, with <a href=\"/x?a=1&amp;b=2\">a link</a> &amp; an entity.</p>\n".utf8))
        html.reserveCapacity(20_100_000)
        var count = 0
        while html.count < 20_000_000 {
            html += paragraph.0 + Array(String(count).utf8) + paragraph.1
            count += 1
        }
        html += Array("</article><footer>bottom</footer></body></html>".utf8)
        let clock = ContinuousClock()
        let started = clock.now
        let processorStart = Foundation.clock()
        let result = HTMLArticleText.reduce(html)
        let processorSeconds = Double(Foundation.clock() - processorStart) / Double(CLOCKS_PER_SEC)
        let elapsed = started.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("HTMLArticleText.reduce: \(html.count) bytes in \(seconds) s (\(Double(html.count) / 1e6 / seconds) MB/s), "
            + "\(processorSeconds) s of processor time (\(Double(html.count) / 1e6 / processorSeconds) MB/s)")
        let paragraphs = result.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == count)
        #expect(paragraphs.last == "Paragraph \(count - 1) of the long page, with a link & an entity.")
        #expect(result.title == "Long")
    }

    @Test func detectsHTML() {
        #expect(HTMLArticleText.looksLikeHTML(Array("\u{FEFF}  <!doctype HTML><html>".utf8)))
        #expect(HTMLArticleText.looksLikeHTML(Array("<HTML lang=en>".utf8)))
        #expect(HTMLArticleText.looksLikeHTML(Array("<p>One.</p>\n<p>Two.</p>".utf8)))
        #expect(HTMLArticleText.looksLikeHTML(Array("Headline\n<div class=x>Text<br>more</div>".utf8)))
        #expect(!HTMLArticleText.looksLikeHTML(Array("<?xml version=\"1.0\"?>\n<TimeML><DOCID>x</DOCID></TimeML>".utf8)))
        #expect(!HTMLArticleText.looksLikeHTML(Array("Plain text where a < b and <p> is mentioned once.".utf8)))
    }
}
