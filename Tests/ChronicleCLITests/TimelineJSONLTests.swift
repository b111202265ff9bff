import Foundation
import Testing

@Suite("chronicle timeline --jsonl")
struct TimelineJSONLTests {
    static let stream = """
        {"id":"fire","documents":[{"id":"a","title":"Warehouse fire","published":"2025-07-15","text":"The warehouse fire began on Monday."},{"id":"b","published":"2025-07-16","text":"Investigators said on Tuesday that the fire was set deliberately."}]}
        {"story":"road","id":"x","published":"2024-03-01","text":"The council voted on Thursday to close the road."}
        {"story":"road","id":"y","published":"2024-03-02","text":"Residents protested yesterday."}
        not json
        {"story":"empty","text":""}
        {"story":"road","text":"Late."}
        {"documents":[]}

        """

    @Test func writesOneTimelinePerStoryInInputOrderWithErrorRecordsInPlace() throws {
        let directory = try TemporaryDirectory()
        try directory.write("stories.jsonl", Self.stream)
        let outcome = try directory.run(["timeline", "--jsonl", "stories.jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines == [
            #"error: stories.jsonl:4: not valid JSON: expected a JSON object with "documents" or "story""#,
            "error: stories.jsonl:6: the lines of story 'road' are not consecutive: this one comes after another story",
            "error: stories.jsonl:7: the story has no documents",
            "error: 3 stories could not be built: written as error records",
        ])
        let lines = try outcome.output.split(separator: "\n").map { try #require(try jsonObject(Data($0.utf8)) as? [String: Any]) }
        #expect(lines.map { $0["story"] as? String } == ["fire", "road", nil, "empty", "road", nil])
        #expect(lines.map { $0["line"] as? Int } == [nil, nil, 4, nil, 6, 7])
        // A whole story: both documents, the fire dated on the Monday before the first report.
        let fire = lines[0]
        #expect(fire["schema"] as? String == "chronicle.timeline/1")
        #expect((fire["documents"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["a", "b"])
        let fireEntries = try #require(fire["entries"] as? [[String: Any]])
        let began = try #require(fireEntries.first { ($0["event"] as? [String: Any])?["text"] as? String == "began" })
        #expect((began["time"] as? [String: Any])?["value"] as? String == "2025-07-14")
        // A story gathered from consecutive "story" lines: its two documents.
        #expect((lines[1]["documents"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["x", "y"])
    }

    @Test func outputIsTheSameOnAnyNumberOfThreadsAndFromGzip() throws {
        let directory = try TemporaryDirectory()
        let many = (0..<40).map { index in
            #"{"story":"s\#(index / 2)","id":"d\#(index)","published":"2025-02-1\#(index % 10)","text":"The board met on Monday and approved plan \#(index). It will take effect next week."}"#
        }.joined(separator: "\n") + "\n"
        try directory.write("many.jsonl", many)
        try directory.write("many.jsonl.gz", JSONLTests.gzip(many))
        let one = try directory.run(["timeline", "--jsonl", "--threads", "1", "many.jsonl"])
        let three = try directory.run(["timeline", "--jsonl", "--threads", "3", "many.jsonl"])
        let piped = try directory.run(["timeline", "--jsonl", "--threads", "2"], inputBytes: JSONLTests.gzip(many))
        #expect(one.status == 0)
        #expect(one.output.split(separator: "\n").count == 20)
        #expect(one.standardOutput == three.standardOutput)
        #expect(one.standardOutput == piped.standardOutput)
    }

    @Test func aStoryOverTheLimitIsAnErrorRecordAndTheRestGoesOn() throws {
        let directory = try TemporaryDirectory()
        let text = String(repeating: "The mill closed on Friday. ", count: 20)
        let lines = (0..<5).map { _ in #"{"story":"big","text":"\#(text)"}"# } + [#"{"story":"small","text":"It rained on Monday."}"#]
        try directory.write("in.jsonl", lines.joined(separator: "\n") + "\n")
        let outcome = try directory.run(["timeline", "--jsonl", "--max-bytes", "2000", "--output", "out.jsonl", "in.jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.first == "error: in.jsonl:1: the story is more than the --max-bytes limit of 2000 bytes")
        let written = try directory.contents("out.jsonl").split(separator: "\n")
        #expect(written.count == 2)
        #expect(written[0].hasPrefix(#"{"story":"big","error":"the story is more than the --max-bytes limit of 2000 bytes""#))
        #expect(written[1].hasPrefix(#"{"story":"small","schema":"chronicle.timeline/1""#))
    }

    @Test func otherFormatsAndAboutAreRefused() throws {
        let directory = try TemporaryDirectory()
        let text = try directory.run(["timeline", "--jsonl", "--format", "text"], input: "")
        #expect(text.status != 0)
        #expect(text.output.isEmpty)
        #expect(text.errorLines.first?.contains("--jsonl writes JSON: --format text cannot be used with it") == true)
        let about = try directory.run(["timeline", "--jsonl", "--about", "Smith"], input: "")
        #expect(about.status != 0)
        #expect(about.errorLines.first?.contains("--about cannot be used with --jsonl") == true)
    }
}
