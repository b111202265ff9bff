@testable import ChronicleFormats
import ChronicleCore
import Foundation
import Testing

@testable import ChronicleTimeline

@Suite("Timeline views: JSON contract, text, HTML")
struct RenderingTests {
    static func timeline(title: String? = "A <b>bold</b> & \"quoted\" story") -> Timeline {
        var hand = TimelineTests.story()
        hand.text = "Odom was hospitalized on Oct. 13. The interview was done before the hospitalization. "
            + "This week Kardashian appears on the cover. She will speak again."
        var second = HandDocument("b", "<script>alert('x')</script> Odom's hospitalization on Oct. 13 & the cover.", dct: "2015-10-20")
        second.event("e1", "hospitalization", lemma: "hospitalization", pos: .noun)
        second.timex("t1", "Oct. 13", "2015-10-13")
        second.relate("e1", .isIncluded, "t1")
        return TimelineBuilder().build([StoryDocument(hand.build(), title: title), StoryDocument(second.build())])
    }

    @Test func jsonFollowsTheContract() throws {
        let json = TimelineJSONWriter().string(for: Self.timeline())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "chronicle.timeline/1")
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.count == 2)
        #expect(Set(documents[0].keys) == ["id", "title", "dct", "dctSource"])
        #expect(documents[0]["dct"] as? String == "2015-10-29")
        #expect(documents[0]["dctSource"] as? String == "given")
        #expect(documents[1]["title"] is NSNull)
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(!entries.isEmpty)
        for entry in entries {
            #expect(Set(entry.keys).isSuperset(of: ["id", "event", "time", "participants", "sources", "attribution", "attributedTo", "denied"]))
            let event = try #require(entry["event"] as? [String: Any])
            #expect(Set(event.keys) == ["text", "lemma", "class", "document", "start", "end", "sentence"])
            let time = try #require(entry["time"] as? [String: Any])
            #expect(Set(time.keys) == ["value", "start", "end", "granularity", "relation", "anchor", "basis"])
            #expect(Timeline.Basis(rawValue: time["basis"] as? String ?? "") != nil)
            #expect(entry["key"] is Bool)
            #expect((entry["salience"] as? Double).map { (0...1).contains($0) } == true)
            #expect(["ON", "BEFORE", "AFTER", "OVERLAP", "UNKNOWN"].contains(time["relation"] as? String ?? ""))
            #expect(Timeline.Granularity(rawValue: time["granularity"] as? String ?? "") != nil)
            for key in ["start", "end"] {
                if let day = time[key] as? String { #expect(CalendarDateCheck.isISODate(day)) } else { #expect(time[key] is NSNull) }
            }
            let sources = try #require(entry["sources"] as? [[String: Any]])
            #expect(!sources.isEmpty)
            for source in sources { #expect(Set(source.keys) == ["document", "start", "end", "sentence"]) }
        }
        let merged = try #require(entries.first { ($0["sources"] as? [[String: Any]])?.count == 3 })
        #expect((merged["sources"] as! [[String: Any]]).map { $0["document"] as! String } == ["a", "a", "b"])
        let anchored = try #require(entries.first { (($0["time"] as! [String: Any])["anchor"] as? [String: Any])?["kind"] as? String == "entry" })
        #expect(((anchored["time"] as! [String: Any])["anchor"] as! [String: Any]).keys.sorted() == ["id", "kind"])
        let relations = try #require(object["relations"] as? [[String: Any]])
        for relation in relations { #expect(Set(relation.keys) == ["source", "target", "type", "documents"]) }
        #expect(object["warnings"] is [Any])
        #expect(Array(object.keys).count == 5)
    }

    @Test func jsonIsDeterministicAndOrdered() {
        let first = TimelineJSONWriter().string(for: Self.timeline())
        let second = TimelineJSONWriter().string(for: Self.timeline())
        #expect(first == second)
        #expect(first.hasPrefix("{\n  \"schema\": \"chronicle.timeline/1\",\n  \"documents\": ["))
        let compact = TimelineJSONWriter(style: .compact).string(for: Self.timeline())
        #expect(!compact.contains("\n"))
        #expect(compact.hasPrefix("{\"schema\":\"chronicle.timeline/1\",\"documents\":[{\"id\":\"a\",\"title\":"))
        // Keys in contract order.
        let keys = ["\"id\"", "\"event\"", "\"time\"", "\"participants\"", "\"sources\"", "\"attribution\""]
        let entry = compact.range(of: "\"entries\":[")!.upperBound
        var position = entry
        for key in keys {
            let found = compact.range(of: key, range: position..<compact.endIndex)!
            position = found.upperBound
        }
    }

    @Test func jsonEscapesStrings() {
        let json = TimelineJSONWriter(style: .compact).string(for: Self.timeline(title: "tab\there \"q\" back\\slash\u{1}"))
        #expect(json.contains(#""title":"tab\there \"q\" back\\slash\u0001""#))
    }

    @Test func textViewHasOneLinePerEntryDateFirst() {
        let timeline = Self.timeline()
        let text = TimelineTextRenderer(selection: .all).render(timeline)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.filter { $0.hasPrefix("# ") }.count == 2)
        let entryLines = lines.filter { !$0.hasPrefix("# ") && !$0.hasPrefix("warning") && !$0.hasPrefix("note") }
        #expect(entryLines.count == timeline.entries.count)
        #expect(entryLines.contains { $0.hasPrefix("2015-10-13 ") && $0.contains("hospitalized (Odom)") && $0.contains("“Odom was hospitalized on Oct. 13.”") })
        #expect(entryLines.contains { $0.hasPrefix("… 2015-10-13") && $0.contains("before E") })
        #expect(entryLines.contains { $0.hasPrefix("2015-W44") })
        #expect(text.hasSuffix("\n"))
    }

    @Test func textViewShortensLongSentences() {
        let long = "On Oct. 13 the " + String(repeating: "very ", count: 60) + "long meeting ended " + String(repeating: "and then more ", count: 30) + "."
        var hand = HandDocument("long", long)
        hand.event("e1", "ended", lemma: "end")
        hand.timex("t1", "Oct. 13", "2015-10-13")
        hand.relate("e1", .isIncluded, "t1")
        let text = TimelineTextRenderer().render(TimelineBuilder().build([hand.build()]))
        let line = text.split(separator: "\n").first { $0.contains("E1") }!
        #expect(line.count < 160)
        #expect(line.contains("…") && line.contains("ended"))
    }

    @Test func htmlIsSelfContainedAndEscaped() {
        let html = TimelineHTMLRenderer().render(Self.timeline())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        // No request leaves the page: no scripts, external style sheets, images, fonts or frames; links are fragments.
        for forbidden in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "@font-face", "src=", "http:", "https:"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!hrefs.isEmpty)
        #expect(hrefs.allSatisfy { $0.hasPrefix("#") })
        #expect(!html.contains("url(") || html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") })
        // Text is escaped.
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; story"))
        #expect(!html.contains("<b>bold"))
        // Documents are highlighted, and events link to their entries.
        #expect(html.contains("<mark class=\"timex\" title=\"DATE 2015-10-13\">Oct. 13</mark>"))
        #expect(html.contains("<a href=\"#E"))
        #expect(html.contains("id=\"doc-b\""))
    }

    @Test func htmlWithoutDatesStillDraws() {
        var hand = HandDocument("x", "The show aired.", dct: nil)
        hand.event("e1", "aired", lemma: "air")
        let html = TimelineHTMLRenderer().render(TimelineBuilder().build([hand.build()]))
        #expect(html.contains("No entry has a calendar date"))
        #expect(html.contains("href=\"#E1\""))
    }

    @Test func escapingHandlesControlCharacters() {
        #expect(TimelineHTMLRenderer.escape("a\u{1}b<c>&\"'") == "a\u{FFFD}b&lt;c&gt;&amp;&quot;&#39;")
    }
}

enum CalendarDateCheck {
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
