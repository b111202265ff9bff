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

    @Test func malformedLinesBecomeErrorRecordsAndTheRunGoesOn() throws {
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
        #expect(outcome.errorLines.count == 4)
        #expect(outcome.errorLines[0] == #"error: in.jsonl:2: byte 17: "text" must be a string"#)
        #expect(outcome.errorLines[1].hasPrefix("error: in.jsonl:3: byte 0: "))
        #expect(outcome.errorLines[2].hasPrefix(#"error: in.jsonl:5: byte 33: "dct" "13/10/2015" is not a date"#))
        #expect(outcome.errorLines[3] == "error: 3 lines could not be tagged (malformed or too long): written as error records")
        // The output is complete: one line per non-blank input line, in order, error records in place.
        let lines = try directory.contents("out.jsonl").split(separator: "\n").map { try #require(try jsonObject(Data($0.utf8)) as? [String: Any]) }
        #expect(lines.map { $0["id"] as? String } == ["a", "b", nil, "c", "d"])
        #expect(lines.map { $0["line"] as? Int } == [nil, 2, 3, 5, nil])
        #expect(lines[1]["error"] as? String == #"byte 17: "text" must be a string"#)
        #expect(lines[2]["id"] is NSNull)
        #expect(lines[4]["timexes"] != nil)
    }

    @Test func tooLongLinesBecomeErrorRecords() throws {
        let directory = try TemporaryDirectory()
        let long = #"{"id":"long","text":"\#(String(repeating: "On Friday. ", count: 500))"}"#
        try directory.write("in.jsonl", #"{"id":"a","text":"On Friday."}"# + "\n" + long + "\n" + #"{"id":"b","text":"On Monday."}"#)
        let outcome = try directory.run(["tag", "--jsonl", "--max-bytes", "1000", "in.jsonl"])
        #expect(outcome.status == 1)
        let reason = "the line is \(long.utf8.count) bytes, more than the --max-bytes limit of 1000 bytes"
        #expect(outcome.errorLines == [
            "error: in.jsonl:2: " + reason,
            "error: 1 line could not be tagged (malformed or too long): written as error records",
        ])
        let lines = outcome.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(String(lines[1]) == #"{"id":null,"error":"\#(reason)","input":"in.jsonl","line":2}"#)
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
        let lines = outcome.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"{"id":null,"error":"the line is 50000022 bytes"#))
        #expect(lines[1].hasPrefix(#"{"id":"small""#))
    }

    @Test func gzipInputIsReadDirectly() throws {
        let directory = try TemporaryDirectory()
        let text = Self.lines(300)
        try directory.write("in.jsonl", text)
        // Two gzip members one after the other (as `cat a.gz b.gz` makes) are one stream, as gzip reads them.
        try directory.write("in.jsonl.gz", Self.gzip(text) + Self.gzip(text))
        let plain = try directory.run(["tag", "--jsonl", "in.jsonl"])
        let compressed = try directory.run(["tag", "--jsonl", "in.jsonl.gz"])
        #expect(plain.status == 0)
        #expect(compressed.status == 0)
        #expect(compressed.standardOutput == plain.standardOutput + plain.standardOutput)
        let piped = try directory.run(["tag", "--jsonl"], inputBytes: Self.gzip(text))
        #expect(piped.standardOutput == plain.standardOutput)
    }

    @Test func corruptOrTruncatedGzipIsAnError() throws {
        let directory = try TemporaryDirectory()
        let compressed = Self.gzip(Self.lines(2000))
        try directory.write("cut.jsonl.gz", compressed.prefix(compressed.count / 2))
        var corrupt = compressed
        corrupt[corrupt.count / 2] ^= 0xFF
        corrupt[corrupt.count / 2 + 1] ^= 0xFF
        try directory.write("bad.jsonl.gz", corrupt)
        let cut = try directory.run(["tag", "--jsonl", "--output", "out.jsonl", "cut.jsonl.gz"])
        #expect(cut.status == 1)
        #expect(cut.errorLines.contains("error: cut.jsonl.gz: the gzip data is truncated (it ends inside a compressed member)"))
        #expect(try directory.entries() == ["bad.jsonl.gz", "cut.jsonl.gz"])
        let bad = try directory.run(["tag", "--jsonl", "bad.jsonl.gz"])
        #expect(bad.status == 1)
        #expect(bad.errorLines.contains { $0.hasPrefix("error: bad.jsonl.gz: the gzip data is corrupt: ") })
    }

    /// `text` compressed by the system's gzip.
    static func gzip(_ text: String) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(text.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
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
