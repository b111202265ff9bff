import Chronicle
import Foundation
import Testing

@testable import ChronicleCLI

/// `chronicle timeline`: reading story files, building and writing the timeline (in-process), and the command as a
/// process once it is registered with `ChronicleCommand`.
@Suite("chronicle timeline")
struct TimelineCommandTests {
    static let story = """
        Band Splits Up

        Anna Berg said on Friday, Oct. 30 that the band had split. Reports were flying around that the band was recording in secret. (It wasn't.)
        """

    // MARK: Reading inputs

    @Test func readsJSONLStoryFiles() throws {
        let lines = """
            {"id": "a", "title": "First", "published": "2015-10-29", "text": "Anna Berg said that the band had split."}

            {"id": 17, "title": null, "dct": "2015-10-30T09:15", "text": "The band denied it."}
            {"text": "No id here."}
            """
        let items = try TimelineStory.storyLines(Array(lines.utf8), name: "story.jsonl", baseName: "story")
        #expect(items.map(\.document.id) == ["a", "17", "story-4"])
        #expect(items.map(\.title) == ["First", nil, nil])
        #expect(items.map { $0.document.creationTime?.description } == ["2015-10-29", "2015-10-30T09:15", nil])
        #expect(items[0].document.text == "Anna Berg said that the band had split.")
    }

    @Test(arguments: [
        (#"{"id": "a"}"#, "story.jsonl: line 1: missing \"text\""),
        (#"{"text": 5}"#, "story.jsonl: line 1: \"text\" must be a string"),
        (#"{"text": "x", "title": 3}"#, "story.jsonl: line 1: \"title\" must be a string"),
        (#"{"text": "x", "id": true}"#, "story.jsonl: line 1: \"id\" must be a string or a number"),
        (#"{"text": "x", "published": "last week"}"#, "story.jsonl: line 1: \"published\" 'last week' is not a date: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"),
        (#"{"text": "x""#, "story.jsonl: line 1: not valid JSON"),
        (#"["text"]"#, "story.jsonl: line 1: expected a JSON object {\"id\", \"title\", \"published\", \"text\"}"),
    ])
    func reportsBadJSONLLines(line: String, message: String) {
        #expect(throws: CommandFailure.self) { try TimelineStory.storyLines(Array(line.utf8), name: "story.jsonl", baseName: "story") }
        do {
            _ = try TimelineStory.storyLines(Array(line.utf8), name: "story.jsonl", baseName: "story")
        } catch {
            #expect((error as? CommandFailure)?.lines == ["error: " + message])
        }
    }

    @Test func invalidUTF8InAJSONLLineIsLocated() {
        let bytes = Array(#"{"text": "a"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        do {
            _ = try TimelineStory.storyLines(bytes, name: "s.jsonl", baseName: "s")
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect((error as? CommandFailure)?.lines == ["error: s.jsonl: line 1: byte 11: invalid UTF-8"])
        }
    }

    @Test func titlesOfPlainText() {
        #expect(TimelineStory.title(of: "Band Splits Up\n\nThe band split.") == "Band Splits Up")
        #expect(TimelineStory.title(of: "\n  Band Splits Up  \nThe band split.") == "Band Splits Up")
        #expect(TimelineStory.title(of: "The band split on Friday.\nMore text.") == nil)
        #expect(TimelineStory.title(of: "Only one line") == nil)
    }

    @Test func readsTextTimeMLAndJSONLFiles() throws {
        let directory = try TemporaryDirectory()
        let text = try directory.write("band.txt", Self.story)
        let timeML = try directory.write("doc.tml", TagCommandTests.timeML)
        let jsonl = try directory.write("story.jsonl", #"{"id": "j1", "text": "Anna Berg said so."}"#)
        let story = TimelineStory(creationTime: CreationTime(parsing: "2015-10-31"))
        let plain = try story.read(text.path)
        #expect(plain.map(\.document.id) == ["band"])
        #expect(plain.first?.title == "Band Splits Up")
        #expect(plain.first?.document.creationTime?.description == "2015-10-31")
        let tml = try story.read(timeML.path)
        #expect(tml.first?.document.id == "APW_TEST_1")
        #expect(tml.first?.document.creationTime?.description != "2015-10-31", "a TimeML DCT is kept")
        let lines = try story.read(jsonl.path)
        #expect(lines.map(\.document.id) == ["j1"])
        #expect(lines.first?.document.creationTime?.description == "2015-10-31", "--dct fills in a missing published date")
    }

    @Test func badInputsFailTogether() throws {
        let directory = try TemporaryDirectory()
        let good = try directory.write("good.txt", Self.story)
        let empty = try directory.write("empty.txt", "  \n")
        let binary = try directory.write("bad.txt", Data([0x41, 0xC3, 0x28]))
        let missing = directory.url.appendingPathComponent("missing.txt").path
        do {
            _ = try TimelineStory().timeline(of: [good.path, empty.path, binary.path, missing])
            Issue.record("no failure")
        } catch let failure as CommandFailure {
            #expect(failure.lines.count == 4)
            #expect(failure.lines[0] == "error: \(empty.path): the input is empty (only white space)")
            #expect(failure.lines[1] == "error: \(binary.path): byte 1: invalid UTF-8")
            #expect(failure.lines[2].hasPrefix("error: \(missing): cannot open: "))
            #expect(failure.lines[3] == "error: 3 of 4 inputs failed; no timeline written")
        }
    }

    @Test func tooLongADocumentIsAClearError() throws {
        let directory = try TemporaryDirectory()
        let input = try directory.write("band.txt", Self.story)
        let output = directory.url.appendingPathComponent("out.json").path
        #expect(throws: (any Error).self) {
            try TimelineCommand.parse([input.path, "--max-document-bytes", "50", "--output", output]).run()
        }
        #expect(!FileManager.default.fileExists(atPath: output))
        do {
            _ = try TimelineStory(maximumDocumentBytes: 50).timeline(of: [input.path])
            Issue.record("accepted a document over the limit")
        } catch let failure as CommandFailure {
            #expect(failure.lines.count == 1)
            #expect(failure.lines.first?.contains("document 'band' is \(Self.story.utf8.count) bytes long") == true)
        }
        #expect(throws: (any Error).self) { try TimelineCommand.parse([input.path, "--max-document-bytes", "0"]) }
    }

    // MARK: The command in-process

    @Test func writesEachFormatAtomically() throws {
        let directory = try TemporaryDirectory()
        let input = try directory.write("band.txt", Self.story)
        for format in ["json", "text", "html"] {
            let output = directory.url.appendingPathComponent("out.\(format)").path
            try TimelineCommand.parse([input.path, "--dct", "2015-10-31", "--format", format, "--output", output]).run()
            let written = try String(contentsOfFile: output, encoding: .utf8)
            switch format {
            case "json":
                let object = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
                #expect(object["schema"] as? String == "chronicle.timeline/1")
                let entries = try #require(object["entries"] as? [[String: Any]])
                let said = try #require(entries.first { ($0["statement"] as? [String: Any])?["speaker"] as? String == "Anna Berg" })
                #expect((said["time"] as? [String: Any])?["start"] as? String == "2015-10-30")
            case "text":
                #expect(written.hasPrefix("# band (dct 2015-10-31, given): Band Splits Up\n"))
                #expect(written.contains("2015-10-30"))
            default:
                #expect(written.hasPrefix("<!DOCTYPE html>"))
                #expect(!written.contains("http"))
            }
            #expect(try directory.entries().filter { $0.hasSuffix(".tmp") }.isEmpty)
        }
        // Deterministic.
        let again = directory.url.appendingPathComponent("again.json").path
        try TimelineCommand.parse([input.path, "--dct", "2015-10-31", "--format", "json", "--output", again]).run()
        #expect(try directory.contents("again.json") == directory.contents("out.json"))
    }

    @Test func refusesToOverwriteAnInputAndBadOptions() throws {
        let directory = try TemporaryDirectory()
        let input = try directory.write("band.txt", Self.story)
        #expect(throws: (any Error).self) { try TimelineCommand.parse([input.path, "--output", input.path]).run() }
        #expect(try directory.contents("band.txt") == Self.story)
        #expect(throws: (any Error).self) { try TimelineCommand.parse([input.path, "--dct", "29/10/2015"]) }
        #expect(throws: (any Error).self) { try TimelineCommand.parse([input.path, "--format", "pdf"]) }
        #expect(throws: (any Error).self) { try TimelineCommand.parse(["-", "-"]) }
    }

    // MARK: The command as a process (once registered)

    /// Whether the built `chronicle` has the `timeline` subcommand.
    static let isRegistered: Bool = {
        guard let outcome = try? ChronicleProcess.run(["timeline", "--help"], in: FileManager.default.temporaryDirectory) else { return false }
        return outcome.status == 0 && outcome.output.contains("USAGE: chronicle timeline")
    }()

    /// Two sources of one story: the same hospitalization merged across them, and a third report that places
    /// it a day earlier flagged.
    @Test(.enabled(if: isRegistered, "chronicle timeline is not registered in ChronicleCommand yet"))
    func mergesAcrossDocumentsAndFlagsIncompatibleTimes() throws {
        let story = """
            {"id": "a", "title": "Star hospitalized", "published": "2015-10-14", "text": "Lamar Odom was hospitalized on Tuesday after being found unconscious in Nevada."}
            {"id": "b", "title": "Kardashian clarifies", "published": "2015-10-29", "text": "Khloé Kardashian said on Wednesday that her interview was done before Odom's hospitalization on Oct. 13. Odom was hospitalized on Oct. 12, a tabloid claimed."}
            """
        let directory = try TemporaryDirectory()
        try directory.write("story.jsonl", story)
        let outcome = try directory.run(["timeline", "story.jsonl", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let timeline = try #require(try JSONSerialization.jsonObject(with: outcome.standardOutput) as? [String: Any])
        #expect((timeline["documents"] as? [[String: Any]])?.compactMap { $0["dct"] as? String } == ["2015-10-14", "2015-10-29"])
        let entries = timeline["entries"] as? [[String: Any]] ?? []
        func documents(_ entry: [String: Any]) -> Set<String> {
            Set((entry["sources"] as? [[String: Any]] ?? []).compactMap { $0["document"] as? String })
        }
        let merged = try #require(entries.first { documents($0) == ["a", "b"] }, "no entry with mentions from both documents")
        let time = merged["time"] as? [String: Any] ?? [:]
        #expect(time["start"] as? String == "2015-10-13" && time["end"] as? String == "2015-10-13")
        let warnings = timeline["warnings"] as? [[String: Any]] ?? []
        #expect(warnings.contains { $0["code"] as? String == "conflicting-times" })
    }

    @Test(.enabled(if: isRegistered, "chronicle timeline is not registered in ChronicleCommand yet"))
    func runsAsAProcess() throws {
        let directory = try TemporaryDirectory()
        try directory.write("band.txt", Self.story)
        let json = try directory.run(["timeline", "band.txt", "--dct", "2015-10-31", "--format", "json"])
        #expect(json.status == 0, "\(json.standardError)")
        #expect(json.output.hasPrefix("{\n  \"schema\": \"chronicle.timeline/1\""))
        let fromStandardInput = try directory.run(["timeline", "--dct", "2015-10-31"], input: Self.story)
        #expect(fromStandardInput.status == 0)
        #expect(fromStandardInput.output.contains("Anna Berg say"))
        let missing = try directory.run(["timeline", "missing.txt"])
        #expect(missing.status == 1)
        #expect(missing.errorLines.count == 1)
        #expect(missing.errorLines.first?.hasPrefix("error: missing.txt: cannot open: ") == true)
        let badDCT = try directory.run(["timeline", "band.txt", "--dct", "yesterday"])
        #expect(badDCT.status != 0)
        #expect(badDCT.standardError.contains("invalid --dct 'yesterday'"))
    }
}

/// Issue 4's acceptance figures for the seed story, through the real command and the whole pipeline.
@Suite("chronicle timeline: the seed story")
struct SeedTimelineAcceptanceTests {
    static let seed = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/stories/seed-khloe-odom.txt").standardizedFileURL
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: seed.path) && TimelineCommandTests.isRegistered }

    static func timeline(_ arguments: [String]) throws -> [String: Any] {
        let directory = try TemporaryDirectory()
        let outcome = try directory.run(["timeline", seed.path, "--format", "json"] + arguments)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: outcome.standardOutput) as? [String: Any])
    }

    static func entries(_ timeline: [String: Any]) -> [[String: Any]] { timeline["entries"] as? [[String: Any]] ?? [] }
    static func time(_ entry: [String: Any]) -> [String: Any] { entry["time"] as? [String: Any] ?? [:] }
    static func lemma(_ entry: [String: Any]) -> String { (entry["event"] as? [String: Any])?["lemma"] as? String ?? "" }

    @Test(.enabled(if: isAvailable, "needs ../shared/stories/seed-khloe-odom.txt and the registered command"))
    func clarificationOnOctober28ByKhloeKardashian() throws {
        let entries = Self.entries(try Self.timeline(["--dct", "2015-10-29"]))
        let clarify = try #require(entries.first { ($0["statement"] as? [String: Any])?["verb"] as? String == "clarify" })
        let statement = try #require(clarify["statement"] as? [String: Any])
        #expect(statement["speaker"] as? String == "Khloé Kardashian")
        #expect(statement["channel"] as? String == "Twitter")
        #expect(Self.time(clarify)["start"] as? String == "2015-10-28")
        #expect(Self.time(clarify)["end"] as? String == "2015-10-28")
    }

    /// The seed story is consistent: "right now" is the time of writing, so nothing in it conflicts.
    @Test(.enabled(if: isAvailable, "needs ../shared/stories/seed-khloe-odom.txt and the registered command"))
    func noFalseWarningsWithACreationTime() throws {
        let warnings = try Self.timeline(["--dct", "2015-10-29"])["warnings"] as? [[String: Any]] ?? []
        #expect(warnings.compactMap { $0["code"] as? String }.isEmpty, "\(warnings)")
    }

    @Test(.enabled(if: isAvailable, "needs ../shared/stories/seed-khloe-odom.txt and the registered command"))
    func withoutCreationTimeTheYearIsAmbiguous() throws {
        let warnings = try Self.timeline([])["warnings"] as? [[String: Any]] ?? []
        let ambiguous = try #require(warnings.first { $0["code"] as? String == "ambiguous-year" })
        let candidates = ambiguous["candidates"] as? [Int] ?? []
        for year in [2009, 2015, 2020, 2026] { #expect(candidates.contains(year)) }
    }

    @Test(.enabled(if: isAvailable, "needs ../shared/stories/seed-khloe-odom.txt and the registered command"))
    func hospitalizationInterviewQuotesAndFilmingReports() throws {
        let entries = Self.entries(try Self.timeline(["--dct", "2015-10-29"]))
        // The hospitalization on 2015-10-13.
        let hospitalization = try #require(entries.first { ["hospitalization", "hospitalize"].contains(Self.lemma($0)) })
        #expect(Self.time(hospitalization)["relation"] as? String == "ON")
        #expect(Self.time(hospitalization)["start"] as? String == "2015-10-13")
        #expect(Self.time(hospitalization)["end"] as? String == "2015-10-13")
        let hospitalizationID = try #require(hospitalization["id"] as? String)
        let position = { (entry: [String: Any]) in entries.firstIndex { $0["id"] as? String == entry["id"] as? String }! }
        // The interview and cover work before it.
        for lemma in ["interview", "cover"] {
            let entry = try #require(entries.first { Self.lemma($0) == lemma })
            let time = Self.time(entry)
            let before = time["relation"] as? String == "BEFORE" || (time["end"] as? String).map { $0 <= "2015-10-13" } ?? false
            #expect(before, "\(lemma): \(time)")
            #expect(position(entry) < position(hospitalization))
        }
        // The post-hospitalization quotes after it.
        let quotes = try #require(entries.first { Self.lemma($0) == "quote" && ($0["sources"] as? [[String: Any]])?.count ?? 0 >= 1
            && (Self.time($0)["relation"] as? String == "AFTER") })
        #expect((Self.time(quotes)["anchor"] as? [String: Any])?["id"] as? String == hospitalizationID
            || (Self.time(quotes)["start"] as? String).map { $0 >= "2015-10-13" } ?? false)
        #expect(position(quotes) > position(hospitalization))
        // The denied filming reports: reported, not asserted.
        let filming = try #require(entries.first { Self.lemma($0) == "film" })
        #expect(filming["attribution"] as? String == "reported")
        #expect(filming["denied"] as? Bool == true)
    }
}
