import Foundation
import Testing

/// A bad input given to `chronicle tag`: the file to write and what the error line must say.
struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]?
    var extraArguments: [String] = []
    var message: String

    var testDescription: String { name }

    static let all: [BadInput] = [
        BadInput(name: "invalid.txt", bytes: Array("abc".utf8) + [0xC3, 0x28], message: "invalid.txt: byte 3: invalid UTF-8"),
        BadInput(name: "binary.dat", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], message: "binary.dat: byte 4: NUL byte: binary data"),
        BadInput(name: "empty.txt", bytes: [], message: "empty.txt: the input is empty"),
        BadInput(name: "blank.txt", bytes: Array(" \n\t\r\n".utf8), message: "blank.txt: the input is empty (only white space)"),
        BadInput(name: "big.txt", bytes: Array(repeating: 0x61, count: 2000), extraArguments: ["--max-bytes", "1000"],
                 message: "big.txt: the file is 2000 bytes, more than the --max-bytes limit of 1000 bytes"),
        BadInput(name: "broken.tml", bytes: Array("<TimeML><TEXT>On <TIMEX3 tid=\"t1\">Friday</TEXT></TimeML>".utf8),
                 message: "broken.tml:1:"),
        BadInput(name: "missing.txt", bytes: nil, message: "missing.txt: cannot open: No such file or directory"),
        BadInput(name: "folder", bytes: nil, message: "folder: is a directory"),
    ]
}

@Suite("chronicle tag: bad input")
struct TagErrorTests {
    private func prepare(_ input: BadInput, in directory: TemporaryDirectory) throws {
        if let bytes = input.bytes {
            try directory.write(input.name, Data(bytes))
        } else if input.name == "folder" {
            try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("folder"), withIntermediateDirectories: true)
        }
    }

    @Test(arguments: BadInput.all)
    func badInputGivesOneErrorLineAndNoOutputFile(_ input: BadInput) throws {
        let directory = try TemporaryDirectory()
        try prepare(input, in: directory)
        let before = try directory.entries()
        for format in ["text", "json", "timeml"] {
            let outcome = try directory.run(["tag", "--format", format, "--output", "out.\(format)", input.name] + input.extraArguments)
            #expect(outcome.status == 1)
            #expect(outcome.errorLines.count == 1, "\(outcome.errorLines)")
            #expect(outcome.errorLines.first?.hasPrefix("error: " + input.message) == true, "\(outcome.errorLines)")
            #expect(outcome.standardOutput.isEmpty)
            #expect(try directory.entries() == before, "no output file and no temporary file")
        }
    }

    @Test func badStandardInput() throws {
        let directory = try TemporaryDirectory()
        let cases: [(input: String, arguments: [String], message: String)] = [
            ("", [], "error: <stdin>: the input is empty"),
            ("   \n", [], "error: <stdin>: the input is empty (only white space)"),
            (String(repeating: "x", count: 5000), ["--max-bytes", "1000"], "error: <stdin>: the input is 5000 bytes, more than the --max-bytes limit of 1000 bytes"),
            ("<?xml version=\"1.0\"?><TimeML>no text</TimeML>", [], "error: <stdin>:1:"),
        ]
        for (input, arguments, message) in cases {
            let outcome = try directory.run(["tag"] + arguments, input: input)
            #expect(outcome.status == 1)
            #expect(outcome.errorLines.count == 1)
            #expect(outcome.errorLines.first?.hasPrefix(message) == true, "\(outcome.errorLines)")
        }
        let piped = try directory.run(["tag", "--max-bytes", "1000"], input: String(repeating: "x", count: 5000), throughPipe: true)
        #expect(piped.status == 1)
        #expect(piped.errorLines == ["error: <stdin>: the input is more than the --max-bytes limit of 1000 bytes"])
        let pipedText = try directory.run(["tag", "--dct", "2015-10-29"], input: "She left on Friday.", throughPipe: true)
        #expect(pipedText.output == "12-18\tDATE\t2015-10-23\t\tFriday\n")
    }

    @Test func malformedCreationTimeIsAValidationError() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", "On Friday.")
        let outcome = try directory.run(["tag", "--dct", "28/10/2015", "--output", "out.txt", "a.txt"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("invalid --dct '28/10/2015': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"))
        #expect(try directory.entries() == ["a.txt"])
    }

    @Test func aBadInputIsSkippedAndTheOthersAreTagged() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", "She left on Friday.")
        try directory.write("bad.txt", Data([0x61, 0xFF]))
        try directory.write("c.txt", "He came back on Oct. 13.")
        let outcome = try directory.run(["tag", "--dct", "2015-10-29", "a.txt", "bad.txt", "missing.txt", "c.txt"])
        #expect(outcome.status == 1)
        #expect(outcome.output == "# a.txt\n12-18\tDATE\t2015-10-23\t\tFriday\n# c.txt\n16-23\tDATE\t2015-10-13\t\tOct. 13\n")
        #expect(outcome.errorLines == [
            "error: bad.txt: byte 1: invalid UTF-8",
            "error: missing.txt: cannot open: No such file or directory",
            "error: 2 of 4 inputs failed",
        ])

        // --output is all or nothing; --output-dir writes the good inputs.
        let toFile = try directory.run(["tag", "--output", "all.txt", "a.txt", "bad.txt"])
        #expect(toFile.status == 1)
        #expect(toFile.errorLines.contains("error: all.txt not written because of the errors above"))
        let toDirectory = try directory.run(["tag", "--format", "json", "--output-dir", "out", "a.txt", "bad.txt", "c.txt"])
        #expect(toDirectory.status == 1)
        #expect(try directory.entries("out") == ["a.json", "c.json"])
        #expect(try directory.entries() == ["a.txt", "bad.txt", "c.txt", "out"])
    }

    @Test func oversizedFileIsRejectedWithoutBeingRead() throws {
        let directory = try TemporaryDirectory()
        // A sparse 50 MB file: rejected from its size, under the default 32 MiB limit.
        let url = directory.url.appendingPathComponent("huge.txt")
        try Data().write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 50_000_000)
        try handle.close()
        let outcome = try directory.run(["tag", "--output", "out.txt", "huge.txt"])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines == ["error: huge.txt: the file is 50000000 bytes, more than the --max-bytes limit of 33554432 bytes"])
        #expect(try directory.entries() == ["huge.txt"])
    }
}
