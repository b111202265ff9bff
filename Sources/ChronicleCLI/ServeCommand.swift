import ArgumentParser
import ChronicleServer
import ChronicleService
import Foundation
import Logging

/// `chronicle serve`: the HTTP service and its web page.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Chronicle API (/v1) and the web page (/) over HTTP.",
        discussion: """
            Prints where the stories are kept and the address, then serves until SIGTERM or SIGINT, when it stops \
            taking connections and finishes the requests under way. The API is described at /v1/openapi.json; \
            /healthz answers {"status":"ok"} and /metrics gives request counts and durations in the Prometheus \
            text format. Listens on 127.0.0.1 unless --host says otherwise.

            With --token-file FILE (or $CHRONICLE_TOKEN), every write (POST, DELETE) needs the header \
            'Authorization: Bearer TOKEN'. Logs go to standard error, one line per request with its X-Request-Id.

            Limits, so that one client cannot starve the others: a request body over --max-body-bytes answers 413; \
            documents are analysed at most --max-concurrent-analyses at once, --max-queued-analyses more wait, and \
            beyond that a request answers 503 at once; an analysis that takes longer than --analysis-time-limit \
            (its wait included) answers 503 and stores nothing; a story holds at most --max-documents-per-story \
            documents (409 past it); a connection that sends nothing for --idle-timeout seconds, even in the middle \
            of a request's head or body, is closed. Requests are served by event loops, so a slow or idle client \
            holds a connection, never a thread.
            """
    )

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "HOST"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "PORT"))
    var port = 8080

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("token-file"), help: ArgumentHelp(
        "Require 'Authorization: Bearer TOKEN' for every write, TOKEN being the first line of FILE.", valueName: "FILE"))
    var tokenFile: String?

    @Option(name: .customLong("max-body-bytes"), help: ArgumentHelp("The largest request body accepted, in bytes. (default: 5 MB)", valueName: "N"))
    var maximumBodyBytes = 5 * 1024 * 1024

    @Option(name: .customLong("max-documents-per-story"), help: ArgumentHelp(
        "The most documents a story may have; adding one more answers 409. (default: 1000)", valueName: "N"))
    var maximumDocumentsPerStory = 1_000

    @Option(name: .customLong("max-concurrent-analyses"), help: ArgumentHelp(
        "How many documents are analysed at once; more wait in a bounded queue. (default: the number of cores)", valueName: "N"))
    var maximumConcurrentAnalyses: Int?

    @Option(name: .customLong("max-queued-analyses"), help: ArgumentHelp(
        "How many more documents may wait for an analysis; past that a request answers 503 at once. (default: 64)", valueName: "N"))
    var maximumQueuedAnalyses = 64

    @Option(name: .customLong("analysis-time-limit"), help: ArgumentHelp(
        "The longest an analysis may take, its wait in the queue included, before the request answers 503 and nothing is stored. (default: 60)",
        valueName: "SECONDS"))
    var analysisTimeLimit = 60.0

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp(
        "Close a connection that sends nothing (no request, or a request's head or body not arriving) for this long. (default: 30)",
        valueName: "SECONDS"))
    var idleTimeout = 30.0

    @Option(name: .customLong("cache-megabytes"), help: ArgumentHelp(
        "Memory for decoded analyses, built timelines and rendered responses, in megabytes; past it the least recently used go. (default: 64)",
        valueName: "MB"))
    var cacheMegabytes = 64

    @Option(name: .customLong("log-level"), help: ArgumentHelp(
        "trace, debug, info, notice, warning, error or critical; successful reads are logged at debug. (default: info)", valueName: "LEVEL"))
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if maximumBodyBytes < 1 { throw ValidationError("--max-body-bytes must be at least 1") }
        if maximumDocumentsPerStory < 1 { throw ValidationError("--max-documents-per-story must be at least 1") }
        if let maximumConcurrentAnalyses, maximumConcurrentAnalyses < 1 { throw ValidationError("--max-concurrent-analyses must be at least 1") }
        if !(1...65_536).contains(cacheMegabytes) { throw ValidationError("--cache-megabytes must be between 1 and 65536") }
        if maximumQueuedAnalyses < 0 { throw ValidationError("--max-queued-analyses must be at least 0") }
        guard analysisTimeLimit.isFinite, analysisTimeLimit > 0, analysisTimeLimit <= 86_400 else {
            throw ValidationError("--analysis-time-limit must be more than 0 and at most 86400 seconds")
        }
        guard idleTimeout.isFinite, idleTimeout > 0, idleTimeout <= 86_400 else {
            throw ValidationError("--idle-timeout must be more than 0 and at most 86400 seconds")
        }
        if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
    }

    func run() async throws {
        var options = ServerOptions(
            host: host, port: port, maximumBodyBytes: maximumBodyBytes, token: try token(), idleTimeout: .milliseconds(Int64(idleTimeout * 1000)))
        options.service.maximumDocumentsPerStory = maximumDocumentsPerStory
        if let maximumConcurrentAnalyses { options.service.maximumConcurrentAnalyses = maximumConcurrentAnalyses }
        options.service.maximumQueuedAnalyses = maximumQueuedAnalyses
        options.service.analysisTimeLimit = .milliseconds(Int64(analysisTimeLimit * 1000))
        options.service.maximumCacheBytes = cacheMegabytes << 20
        var logger = Logger(label: "chronicle")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        do {
            try await ChronicleServer.run(options: options, store: store.location, logger: logger)
        } catch {
            Console().error("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// The token from --token-file (its first line) or $CHRONICLE_TOKEN; `nil` when neither is given.
    private func token() throws -> String? {
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw ValidationError("cannot read the token file '\(tokenFile)'")
            }
            let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let token = line.trimmingCharacters(in: .whitespaces)
            guard !token.isEmpty else { throw ValidationError("the token file '\(tokenFile)' is empty") }
            return token
        }
        if let token = ProcessInfo.processInfo.environment["CHRONICLE_TOKEN"], !token.isEmpty { return token }
        return nil
    }
}
