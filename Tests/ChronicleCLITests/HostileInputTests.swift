import Foundation
import Testing

/// Hostile input through the command line (issue 14). A 100 MB line is measured by bench/hostile_curve.sh on a
/// release build; the suite runs a 2 MB one, which is the same code path (one document, no line feed).
@Suite("Hostile input: command line")
struct HostileInputCommandTests {
    @Test func aLongLineOnStandardInputIsTaggedWhole() throws {
        let directory = try TemporaryDirectory()
        let sentence = "Sales rose on Wednesday, Oct. 28, and again last week. "
        let count = 2_000_000 / sentence.utf8.count
        let outcome = try directory.run(["tag", "--dct", "2015-10-30", "--format", "json"], input: String(repeating: sentence, count: count))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let document = try #require(try jsonObject(outcome.standardOutput) as? [String: Any])
        let timexes = try #require(document["timexes"] as? [[String: Any]])
        #expect(timexes.count == 2 * count)
        #expect(Set(timexes.compactMap { $0["value"] as? String }) == ["2015-10-28", "2015-W43"])
        let last = try #require(timexes.last)
        #expect(last["end"] as? Int == sentence.unicodeScalars.count * count - 2)
    }

    @Test func aMillionNumbersOnOneLineFinish() throws {
        let directory = try TemporaryDirectory()
        try directory.write("numbers.txt", (1...1_000_000).map(String.init).joined(separator: " ") + "\n")
        let outcome = try directory.run(["tag", "--dct", "2015-10-28", "--format", "json", "numbers.txt"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let document = try #require(try jsonObject(outcome.standardOutput) as? [String: Any])
        #expect(document["timexes"] is [[String: Any]])
    }

    @Test func anOversizedJSONLLineIsAnErrorRecordForTagAndTimeline() throws {
        let directory = try TemporaryDirectory()
        let big = String(repeating: "The council met on Monday. ", count: 400)
        try directory.write("tag.jsonl", #"{"id":"a","text":"On Friday."}"# + "\n" + #"{"id":"big","text":"\#(big)"}"# + "\r\n" + #"{"id":"b","text":"On Monday."}"# + "\n")
        let tagged = try directory.run(["tag", "--jsonl", "--max-bytes", "4096", "tag.jsonl"])
        #expect(tagged.status == 1)
        let tagLines = tagged.output.split(separator: "\n").map(String.init)
        #expect(tagLines.count == 3)
        #expect(tagLines[1].hasPrefix(#"{"id":null,"error":"the line is "#))
        #expect(tagLines[2].hasPrefix(#"{"id":"b""#))

        let story = { (id: String, text: String) in #"{"story":"\#(id)","published":"2015-10-30","text":"\#(text)"}"# }
        try directory.write("stories.jsonl", [story("s1", "It rained on Monday."), story("s2", big), story("s3", "It snowed on Tuesday.")].joined(separator: "\n") + "\n")
        let timeline = try directory.run(["timeline", "--jsonl", "--max-bytes", "4096", "stories.jsonl"])
        #expect(timeline.status == 1)
        let timelineLines = timeline.output.split(separator: "\n").map(String.init)
        #expect(timelineLines.count == 3)
        #expect(timelineLines[0].hasPrefix(#"{"story":"s1","schema":"chronicle.timeline/1""#))
        #expect(timelineLines[1].hasPrefix(#"{"story":null,"error":"the line is "#))
        #expect(timelineLines[2].hasPrefix(#"{"story":"s3","schema":"chronicle.timeline/1""#))
    }
}
