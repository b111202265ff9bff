import Foundation
import Testing

/// Unicode scalar offsets of the first occurrence of `needle` in `text`, as `start-end`.
func scalarSpan(of needle: String, in text: String) throws -> String {
    let scalars = Array(text.unicodeScalars)
    let target = Array(needle.unicodeScalars)
    let start = try #require((0...(scalars.count - target.count)).first { Array(scalars[$0..<$0 + target.count]) == target })
    return "\(start)-\(start + target.count)"
}

@Suite("chronicle tag: formats and inputs")
struct TagCommandTests {
    static let story = "The minister said on Friday that the talks had failed.\nThey began on Oct. 13 and resume next Tuesday.\n"

    @Test func textFormatGivesOneLinePerExpression() throws {
        let directory = try TemporaryDirectory()
        try directory.write("story.txt", Self.story)
        let outcome = try directory.run(["tag", "--dct", "2015-10-29", "story.txt"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.isEmpty)
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(try scalarSpan(of: "Friday", in: Self.story))\tDATE\t2015-10-23\t\tFriday"))
        #expect(lines.contains("\(try scalarSpan(of: "Oct. 13", in: Self.story))\tDATE\t2015-10-13\t\tOct. 13"))
        #expect(lines.contains("\(try scalarSpan(of: "next Tuesday", in: Self.story))\tDATE\t2015-11-03\t\tnext Tuesday"))
    }

    @Test func jsonFormatGivesOneDocument() throws {
        let directory = try TemporaryDirectory()
        try directory.write("story.txt", Self.story)
        let outcome = try directory.run(["tag", "--dct", "2015-10-29", "--format", "json", "story.txt"])
        #expect(outcome.status == 0)
        let document = try #require(try jsonObject(outcome.standardOutput) as? [String: Any])
        #expect(document["id"] as? String == "story")
        #expect(document["dct"] as? String == "2015-10-29")
        let values = try timexValues(document)
        #expect(values["Friday"] == "2015-10-23")
        #expect(values["next Tuesday"] == "2015-11-03")
        let friday = try #require((document["timexes"] as? [[String: Any]])?.first { $0["text"] as? String == "Friday" })
        #expect("\(friday["start"] as? Int ?? -1)-\(friday["end"] as? Int ?? -1)" == (try scalarSpan(of: "Friday", in: Self.story)))
    }

    @Test func jsonFormatGivesAnArrayForSeveralInputs() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", "She left on Friday.")
        try directory.write("b.txt", "He came back on Oct. 13.")
        let outcome = try directory.run(["tag", "--dct", "2015-10-29", "--format", "json", "a.txt", "b.txt"])
        #expect(outcome.status == 0)
        let documents = try #require(try jsonObject(outcome.standardOutput) as? [[String: Any]])
        #expect(documents.map { $0["id"] as? String } == ["a", "b"])
        #expect(try timexValues(documents[0])["Friday"] == "2015-10-23")
        #expect(try timexValues(documents[1])["Oct. 13"] == "2015-10-13")
    }

    @Test func timeMLFormatWritesTheTextAndTheTimexes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("story.txt", "Profits & losses were reported on Friday.")
        let outcome = try directory.run(["tag", "--dct", "2015-10-29", "--format", "timeml", "story.txt"])
        #expect(outcome.status == 0)
        #expect(outcome.output.hasPrefix("<?xml"))
        #expect(outcome.output.contains(#"<DCT><TIMEX3 tid="t0" type="DATE" value="2015-10-29""#))
        #expect(outcome.output.contains(#"<TEXT>Profits &amp; losses were reported on <TIMEX3 tid="t1" type="DATE" value="2015-10-23""#))
        #expect(outcome.output.contains(">Friday</TIMEX3>.</TEXT>"))
    }

    @Test func readsStandardInput() throws {
        let directory = try TemporaryDirectory()
        for arguments in [["tag", "--dct", "2015-10-29"], ["tag", "--dct", "2015-10-29", "-"]] {
            let outcome = try directory.run(arguments, input: "She said on Friday that she would resign.")
            #expect(outcome.status == 0)
            #expect(outcome.output == "12-18\tDATE\t2015-10-23\t\tFriday\n")
        }
    }

    @Test func warningsGoToStandardErrorInTextAndStayInJSON() throws {
        let directory = try TemporaryDirectory()
        let text = "It happened on Wednesday, Oct. 28."
        let plain = try directory.run(["tag"], input: text)
        #expect(plain.status == 0)
        #expect(plain.errorLines.contains { $0.hasPrefix("warning: <stdin>: ") && $0.contains("ambiguous") })
        #expect(!plain.output.contains("warning"))
        let json = try directory.run(["tag", "--format", "json"], input: text)
        #expect(json.status == 0)
        #expect(json.standardError.isEmpty)
        let warnings = try #require((try jsonObject(json.standardOutput) as? [String: Any])?["warnings"] as? [[String: Any]])
        #expect(warnings.contains { $0["code"] as? String == "ambiguous-year" })
    }

    @Test func plainTextKeepsCRLFAndDropsTheByteOrderMark() throws {
        let directory = try TemporaryDirectory()
        let text = "Khloé spoke.\r\nShe left on Friday.\r\n"
        try directory.write("crlf.txt", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        let outcome = try directory.run(["tag", "--dct", "2015-10-29", "crlf.txt"])
        #expect(outcome.status == 0)
        #expect(outcome.output == "\(try scalarSpan(of: "Friday", in: text))\tDATE\t2015-10-23\t\tFriday\n")
    }

    static let timeML = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>APW_TEST_1</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-05" temporalFunction="false" functionInDocument="CREATION_TIME">March 5, 1998</TIMEX3></DCT>
        <TEXT>
        Shares of R&amp;D firms <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-03-04">Wednesday</TIMEX3>.
        </TEXT>
        </TimeML>

        """
    static let timeMLText = "\nShares of R&D firms fell on Wednesday.\n"

    @Test func timeMLInputKeepsItsCreationTimeAndText() throws {
        let directory = try TemporaryDirectory()
        try directory.write("news.tml", Self.timeML)
        let outcome = try directory.run(["tag", "--format", "json", "news.tml"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.isEmpty)
        let document = try #require(try jsonObject(outcome.standardOutput) as? [String: Any])
        #expect(document["id"] as? String == "APW_TEST_1")
        #expect(document["dct"] as? String == "1998-03-05")
        let wednesday = try #require((document["timexes"] as? [[String: Any]])?.first { $0["text"] as? String == "Wednesday" })
        #expect(wednesday["value"] as? String == "1998-03-04")
        #expect("\(wednesday["start"] as? Int ?? -1)-\(wednesday["end"] as? Int ?? -1)" == (try scalarSpan(of: "Wednesday", in: Self.timeMLText)))

        // The text written back as TimeML is the TEXT content, exactly.
        let timeML = try directory.run(["tag", "--format", "timeml", "news.tml"])
        #expect(timeML.status == 0)
        let written = timeML.output.replacingOccurrences(of: #"<TIMEX3[^>]*>|</TIMEX3>"#, with: "", options: .regularExpression)
        #expect(written.contains("<TEXT>\nShares of R&amp;D firms fell on Wednesday.\n</TEXT>"))
        #expect(timeML.output.contains(#"value="1998-03-05""#))
    }

    @Test func timeMLOnStandardInputIsRecognised() throws {
        let directory = try TemporaryDirectory()
        let outcome = try directory.run(["tag"], input: Self.timeML)
        #expect(outcome.status == 0)
        #expect(outcome.output == "\(try scalarSpan(of: "Wednesday", in: Self.timeMLText))\tDATE\t1998-03-04\t\tWednesday\n")
    }

    @Test func dctOptionOverridesTheTimeMLCreationTimeWithANote() throws {
        let directory = try TemporaryDirectory()
        try directory.write("news.tml", Self.timeML)
        let outcome = try directory.run(["tag", "--dct", "2015-10-29", "news.tml"])
        #expect(outcome.status == 0)
        #expect(outcome.errorLines == ["note: news.tml: --dct 2015-10-29 overrides the document's DCT 1998-03-05"])
        #expect(outcome.output.contains("\tDATE\t2015-10-28\t\tWednesday"))
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", Self.story)
        try directory.write("b.tml", Self.timeML)
        for format in ["text", "json", "timeml"] {
            let arguments = format == "timeml" ? ["tag", "--format", format, "b.tml"] : ["tag", "--format", format, "a.txt", "b.tml"]
            let first = try directory.run(arguments)
            let second = try directory.run(arguments + ["--threads", "1"])
            #expect(first.status == 0)
            #expect(!first.standardOutput.isEmpty)
            #expect(first.standardOutput == second.standardOutput, "\(format)")
        }
    }

    @Test func outputFileIsWrittenWhole() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", Self.story)
        let toFile = try directory.run(["tag", "--dct", "2015-10-29", "--format", "json", "--output", "out.json", "a.txt"])
        let toStandardOutput = try directory.run(["tag", "--dct", "2015-10-29", "--format", "json", "a.txt"])
        #expect(toFile.status == 0)
        #expect(toFile.standardOutput.isEmpty)
        #expect(try directory.contents("out.json") == toStandardOutput.output)
        #expect(try directory.entries() == ["a.txt", "out.json"])
    }

    @Test func outputDirectoryGetsOneFilePerInput() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", Self.story)
        try directory.write("b.tml", Self.timeML)
        let outcome = try directory.run(["tag", "--format", "timeml", "--output-dir", "out", "a.txt", "b.tml"])
        #expect(outcome.status == 0)
        #expect(try directory.entries("out") == ["a.tml", "b.tml"])
        #expect(try directory.contents("out/b.tml") == (try directory.run(["tag", "--format", "timeml", "b.tml"])).output)

        let clash = try directory.run(["tag", "--format", "timeml", "--output-dir", ".", "b.tml"])
        #expect(clash.status != 0)
        #expect(clash.errorLines.count == 1)
        #expect(clash.standardError.contains("would overwrite an input"))
        #expect(try directory.contents("b.tml") == Self.timeML)
    }

    @Test func severalTimeMLDocumentsNeedAnOutputDirectory() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", Self.story)
        try directory.write("b.txt", Self.story)
        let outcome = try directory.run(["tag", "--format", "timeml", "a.txt", "b.txt"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--output-dir"))
    }

    @Test func exampleShowsATable() throws {
        let directory = try TemporaryDirectory()
        for arguments in [["example"], ["tag", "--example"]] {
            let outcome = try directory.run(arguments)
            #expect(outcome.status == 0)
            #expect(outcome.standardError.isEmpty)
            let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first?.contains("2015-10-29") == true)
            #expect(lines.contains { $0.hasPrefix("  span ") && $0.contains("type") && $0.contains("value") })
            #expect(lines.contains { $0.contains("2015-10-28") && $0.hasSuffix("Wednesday, Oct. 28") })
        }
        // `example` goes on with the story's timeline: the denied filming reports and the clarification date.
        let example = try directory.run(["example"])
        let timeline = try #require(example.output.components(separatedBy: "The story's timeline").last)
        #expect(example.output.contains("The story's timeline"))
        #expect(timeline.split(separator: "\n").contains { $0.contains("filmed") && $0.contains("[reported, denied]") })
        #expect(timeline.split(separator: "\n").contains { $0.hasPrefix("2015-10-28") && $0.contains("Khloé Kardashian say") })
        let json = try directory.run(["tag", "--example", "--format", "json"])
        #expect(try timexValues(try jsonObject(json.standardOutput))["Wednesday, Oct. 28"] == "2015-10-28")
    }

    @Test func developerFlagIsHiddenAndPrintsTSV() throws {
        let directory = try TemporaryDirectory()
        let help = try directory.run(["tag", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("--jsonl"))
        #expect(!help.output.contains("dev-jsonl"))
        let outcome = try directory.run(
            ["tag", "--dev-jsonl"], input: #"{"id":"n1","text":"She said on Friday\nthat she would go.","dct":"2015-10-29"}"# + "\n")
        #expect(outcome.status == 0)
        #expect(outcome.output == "n1\t12\t18\tDATE\t2015-10-23\t\tFriday\n")
    }

    @Test func evalStillScoresTheTagger() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("gold"), withIntermediateDirectories: true)
        try directory.write("gold/news.tml", Self.timeML)
        let outcome = try directory.run(["eval", "--tag", "gold"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("strict match"))
    }
}
