import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("chronicle serve")
struct ServeCommandTests {
    /// `chronicle serve` on the default SQLite store stays up until SIGTERM (a store with nothing to run in the
    /// background must not end the service group), answers, shares the store with `chronicle story`, and exits 0.
    @Test func servesTheSQLiteStoreUntilTerminated() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("fire.txt", "The warehouse fire began on Monday.\n")
        let data = directory.url.appendingPathComponent("data").path
        let added = try directory.run(["story", "add", "Fire", "fire.txt", "--dct", "2025-07-15", "--data-dir", data])
        #expect(added.status == 0, "\(added.errorLines)")

        let process = Process()
        process.executableURL = ChronicleProcess.executable
        process.arguments = [
            "serve", "--port", "0", "--data-dir", data, "--log-level", "warning", "--analysis-time-limit", "120", "--idle-timeout", "10.5",
            "--max-queued-analyses", "8", "--max-documents-per-story", "50",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The address the server prints once it listens.
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("serving on "), Date() < deadline, process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let address = try #require(printed.components(separatedBy: "serving on ").dropFirst().first?.split(separator: " ").first, "\(printed)")
        try await Task.sleep(for: .milliseconds(500))
        #expect(process.isRunning, "the server stopped: \(printed)")

        let (body, response) = try await URLSession.shared.data(from: try #require(URL(string: "\(address)v1/stories")))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let stories = try #require(try JSONSerialization.jsonObject(with: body) as? [[String: Any]])
        #expect(stories.compactMap { $0["title"] as? String } == ["Fire"])

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test(arguments: [
        (["--analysis-time-limit", "0"], "--analysis-time-limit must be more than 0 and at most 86400 seconds"),
        (["--idle-timeout=0"], "--idle-timeout must be more than 0 and at most 86400 seconds"),
        (["--max-queued-analyses=-1"], "--max-queued-analyses must be at least 0"),
        (["--max-documents-per-story", "0"], "--max-documents-per-story must be at least 1"),
    ])
    func badLimitsAreValidationErrors(arguments: [String], message: String) throws {
        let outcome = try TemporaryDirectory().run(["serve", "--port", "0"] + arguments)
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }
}
