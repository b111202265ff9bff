import Foundation
import Testing

@Suite("chronicle tag --jsonl")
struct JSONLTests {
    /// `count` JSON lines with ids 0..<count, a blank line after every tenth.
    static func lines(_ count: Int) -> String {
        (0..<count).map { index in
            let text = index % 2 == 0 ? "She said on Friday that item \(index) was sold." : "Nothing to see in item \(index)."
            return #"{"id":"\#(index)","text":"\#(text)","dct":"2015-10-29"}"# + (index % 10 == 9 ? "\n\n" : "\n")
        }.joined()
    }

    @Test func writesOneLinePerRecordInInputOrder() throws {
        let directory = try TemporaryDirectory()
        try directory.write("in.jsonl", Self.lines(2500))
        let outcome = try directory.run(["tag", "--jsonl", "--threads", "2", "in.jsonl"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.isEmpty)
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 2500)
        let ids = try lines.map { line in try #require((try jsonObject(Data(line.utf8)) as? [String: Any])?["id"] as? String) }
        #expect(ids == (0..<2500).map(String.init))
        #expect(try timexValues(try jsonObject(Data(lines[0].utf8))) == ["Friday": "2015-10-23"])
        #expect(try timexValues(try jsonObject(Data(lines[1].utf8))).isEmpty)
    }

    @Test func outputDoesNotDependOnTheThreadCount() throws {
        let directory = try TemporaryDirectory()
        try directory.write("in.jsonl", Self.lines(1200))
        let one = try directory.run(["tag", "--jsonl", "--threads", "1", "in.jsonl"])
        let four = try directory.run(["tag", "--jsonl", "--threads", "4", "in.jsonl"])
        let fromStandardInput = try directory.run(["tag", "--jsonl"], input: Self.lines(1200))
        #expect(one.status == 0)
        #expect(one.standardOutput == four.standardOutput)
        #expect(one.standardOutput == fromStandardInput.standardOutput)
    }

    @Test func malformedLinesAreReportedAndSkipped() throws {
        let directory = try TemporaryDirectory()
        try directory.write("in.jsonl", """
            {"id":"a","text":"On Friday.","dct":"2015-10-29"}
            {"id":"b","text":42}
            not json

            {"id":"c","text":"Oct. 13","dct":"13/10/2015"}
            {"id":"d","text":"Next Tuesday.","dct":"2015-10-29"}

            """)
        let outcome = try directory.run(["tag", "--jsonl", "--output", "out.jsonl", "in.jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.count == 5)
        #expect(outcome.errorLines[0] == #"error: in.jsonl:2: byte 17: "text" must be a string"#)
        #expect(outcome.errorLines[1].hasPrefix("error: in.jsonl:3: byte 0: "))
        #expect(outcome.errorLines[2].hasPrefix(#"error: in.jsonl:5: byte 33: "dct" "13/10/2015" is not a date"#))
        #expect(outcome.errorLines[3] == "error: 3 lines skipped (malformed or too long)")
        #expect(outcome.errorLines[4] == "error: out.jsonl not written because of the errors above")
        #expect(try directory.entries() == ["in.jsonl"])

        let printed = try directory.run(["tag", "--jsonl", "in.jsonl"])
        #expect(printed.status == 1)
        let ids = try printed.output.split(separator: "\n").map { try #require((try jsonObject(Data($0.utf8)) as? [String: Any])?["id"] as? String) }
        #expect(ids == ["a", "d"])
    }

    @Test func tooLongLinesAreSkipped() throws {
        let directory = try TemporaryDirectory()
        let long = #"{"id":"long","text":"\#(String(repeating: "On Friday. ", count: 500))"}"#
        try directory.write("in.jsonl", #"{"id":"a","text":"On Friday."}"# + "\n" + long + "\n" + #"{"id":"b","text":"On Monday."}"#)
        let outcome = try directory.run(["tag", "--jsonl", "--max-bytes", "1000", "in.jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines == [
            "error: in.jsonl:2: the line is \(long.utf8.count) bytes, more than the --max-bytes limit of 1000 bytes",
            "error: 1 line skipped (malformed or too long)",
        ])
        #expect(outcome.output.split(separator: "\n").count == 2)
    }

    @Test func a50MegabyteLineIsRejectedAndTheRestTagged() throws {
        let directory = try TemporaryDirectory()
        var bytes = Data(#"{"id":"big","text":""#.utf8)
        bytes.append(Data(repeating: 0x61, count: 50_000_000))
        bytes.append(Data("\"}\n".utf8))
        bytes.append(Data(#"{"id":"small","text":"On Friday."}"#.utf8))
        try directory.write("big.jsonl", bytes)
        let outcome = try directory.run(["tag", "--jsonl", "big.jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.first == "error: big.jsonl:1: the line is 50000022 bytes, more than the --max-bytes limit of 33554432 bytes")
        #expect(outcome.output.hasPrefix(#"{"id":"small""#))
    }

    @Test func emptyInputIsAnError() throws {
        let directory = try TemporaryDirectory()
        let outcome = try directory.run(["tag", "--jsonl"], input: "\n\n")
        #expect(outcome.status == 1)
        #expect(outcome.errorLines == ["error: <stdin>: the input is empty (no JSON lines)"])
    }

    @Test func dctOptionOverridesTheLines() throws {
        let directory = try TemporaryDirectory()
        let outcome = try directory.run(
            ["tag", "--jsonl", "--dct", "2015-10-29"],
            input: #"{"id":"a","text":"She left on Friday.","dct":"1998-03-05"}"# + "\n" + #"{"id":"b","text":"She left on Friday."}"# + "\n")
        #expect(outcome.status == 0)
        #expect(outcome.errorLines == ["note: --dct 2015-10-29 overrides the dct of 1 line"])
        #expect(outcome.output.components(separatedBy: #""value":"2015-10-23""#).count == 3)
    }

    @Test func conflictingOptionsAreValidationErrors() throws {
        let directory = try TemporaryDirectory()
        for arguments in [["--format", "timeml"], ["--output-dir", "out"], ["--example"]] {
            let outcome = try directory.run(["tag", "--jsonl"] + arguments, input: "{}")
            #expect(outcome.status == 64, "\(arguments)")
        }
    }
}
