import Foundation
import Testing

/// Runs the built `chronicle` executable as a subprocess.
struct ChronicleProcess {
    /// What a run gave.
    struct Outcome {
        var status: Int32
        var standardOutput: Data
        var standardError: String

        var output: String { String(decoding: standardOutput, as: UTF8.self) }
        /// The lines of standard error.
        var errorLines: [String] { standardError.split(separator: "\n").map(String.init) }
    }

    /// The `chronicle` executable: the `CHRONICLE_EXECUTABLE` environment variable, or the one built next
    /// to the test bundle (SwiftPM builds every product of the package into the same directory).
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["CHRONICLE_EXECUTABLE"] { return URL(fileURLWithPath: path) }
        var directories = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.insert(URL(fileURLWithPath: running).deletingLastPathComponent(), at: 0)
        }
        for directory in directories {
            let candidate = directory.appendingPathComponent("chronicle")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return directories[0].appendingPathComponent("chronicle")
    }()

    /// Runs `chronicle ARGUMENTS` in `directory` with `input` on standard input (empty when `nil`): a file, or
    /// with `throughPipe` a pipe (then `input` must fit in the pipe's buffer, 64 KiB on Linux).
    @discardableResult
    static func run(_ arguments: [String], input: Data? = nil, throughPipe: Bool = false, in directory: URL) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputURL = scratch.appendingPathComponent("stdin")
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        try (input ?? Data()).write(to: inputURL)
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if throughPipe {
            let pipe = Pipe()
            try pipe.fileHandleForWriting.write(contentsOf: input ?? Data())
            try pipe.fileHandleForWriting.close()
            process.standardInput = pipe
        } else {
            process.standardInput = try FileHandle(forReadingFrom: inputURL)
        }
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: try Data(contentsOf: outputURL),
            standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }
}

/// A temporary directory for one test, removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `contents` to `name` in the directory.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> URL {
        try write(name, Data(contents.utf8))
    }

    /// Writes `bytes` to `name` in the directory.
    @discardableResult
    func write(_ name: String, _ bytes: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try bytes.write(to: file)
        return file
    }

    /// Runs `chronicle ARGUMENTS` in the directory.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil, throughPipe: Bool = false) throws -> ChronicleProcess.Outcome {
        try ChronicleProcess.run(arguments, input: input.map { Data($0.utf8) }, throughPipe: throughPipe, in: url)
    }

    /// Runs `chronicle ARGUMENTS` in the directory with `bytes` on standard input.
    @discardableResult
    func run(_ arguments: [String], inputBytes bytes: Data) throws -> ChronicleProcess.Outcome {
        try ChronicleProcess.run(arguments, input: bytes, in: url)
    }

    /// The names of the entries of the directory, hidden ones included, sorted.
    func entries(_ subdirectory: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(subdirectory).path).sorted()
    }

    func contents(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(name)), as: UTF8.self)
    }
}

/// The JSON value of `data`, as Foundation objects.
func jsonObject(_ data: Data) throws -> Any {
    try JSONSerialization.jsonObject(with: data)
}

/// The time expressions of a JSON document written by `chronicle tag --format json` as `[text: value]`.
func timexValues(_ document: Any) throws -> [String: String] {
    let object = try #require(document as? [String: Any])
    let timexes = try #require(object["timexes"] as? [[String: Any]])
    var values: [String: String] = [:]
    for timex in timexes {
        values[try #require(timex["text"] as? String)] = try #require(timex["value"] as? String)
    }
    return values
}
