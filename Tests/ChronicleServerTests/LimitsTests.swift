import ChronicleService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@testable import ChronicleServer

/// Whether this test process runs under AddressSanitizer or ThreadSanitizer (`.ci/sanitizers.sh`), whose
/// instrumentation makes it many times slower (so time bounds are scaled) and replaces the C library's allocator.
let isSanitized = dlsym(nil, "__asan_init") != nil || dlsym(nil, "__tsan_init") != nil

/// The limits that keep one client from starving the others: request time, documents per story, and slow or
/// idle connections (slowloris).
@Suite("HTTP service limits")
struct LimitsTests {
    @Test func analysisOverTheTimeLimitAnswers503AndStoresNothing() async throws {
        var options = ServerOptions()
        options.service.analysisTimeLimit = .zero
        try await testApplication(options: options).test(.router) { client in
            let created = try await client.execute(uri: "/v1/stories", method: .post, headers: json, body: ByteBuffer(string: #"{"title": "Floods"}"#))
            let id = try #require(try object(created.body)["id"] as? Int)
            let document = #"{"title": "Rain", "published": "2015-10-29", "text": "It rained on Monday."}"#
            try await client.execute(uri: "/v1/stories/\(id)/documents", method: .post, headers: json, body: ByteBuffer(string: document)) { response in
                try expectProblem(response, .serviceUnavailable, "timed-out")
                #expect(response.headers[.retryAfter] != nil)
                let detail = try #require(try object(response.body)["detail"] as? String)
                #expect(detail.contains("nothing was stored"))
            }
            try await client.execute(uri: "/v1/stories/\(id)/documents", method: .get) { response in
                #expect(response.status == .ok)
                let documents = try array(response.body)
                #expect(documents.isEmpty)
            }
            try await client.execute(uri: "/v1/stories/\(id)", method: .get) { response in
                let story = try object(response.body)
                #expect(story["documentCount"] as? Int == 0)
            }
            // The whole pipeline on /v1/tag runs in the gate too.
            let tag = #"{"text": "It rained on Monday.", "events": true}"#
            try await client.execute(uri: "/v1/tag", method: .post, headers: json, body: ByteBuffer(string: tag)) {
                try expectProblem($0, .serviceUnavailable, "timed-out")
            }
        }
    }

    @Test func analysisWithinTheTimeLimitIsStored() async throws {
        var options = ServerOptions()
        options.service.analysisTimeLimit = .seconds(600)
        try await testApplication(options: options).test(.router) { client in
            let created = try await client.execute(uri: "/v1/stories", method: .post, headers: json, body: ByteBuffer(string: #"{"title": "Floods"}"#))
            let id = try #require(try object(created.body)["id"] as? Int)
            let document = #"{"published": "2015-10-29", "text": "It rained on Monday."}"#
            try await client.execute(uri: "/v1/stories/\(id)/documents", method: .post, headers: json, body: ByteBuffer(string: document)) {
                #expect($0.status == .created)
            }
        }
    }

    @Test func storyPastItsDocumentLimitAnswers409() async throws {
        var options = ServerOptions()
        options.service.maximumDocumentsPerStory = 2
        try await testApplication(options: options).test(.router) { client in
            let created = try await client.execute(uri: "/v1/stories", method: .post, headers: json, body: ByteBuffer(string: #"{"title": "Floods"}"#))
            let id = try #require(try object(created.body)["id"] as? Int)
            for day in ["Monday", "Tuesday"] {
                let document = ByteBuffer(string: #"{"text": "It rained on \#(day)."}"#)
                try await client.execute(uri: "/v1/stories/\(id)/documents", method: .post, headers: json, body: document) {
                    #expect($0.status == .created)
                }
            }
            let third = ByteBuffer(string: #"{"text": "It rained on Wednesday."}"#)
            try await client.execute(uri: "/v1/stories/\(id)/documents", method: .post, headers: json, body: third) { response in
                try expectProblem(response, .conflict, "story-full")
                let problem = try object(response.body)
                #expect(problem["detail"] as? String == "the story already has 2 documents, the most a story may have")
            }
            try await client.execute(uri: "/v1/stories/\(id)/documents", method: .get) { response in
                let documents = try array(response.body)
                #expect(documents.count == 2)
            }
        }
    }

    /// Many idle connections and connections that send part of a request hold no thread: a normal request is
    /// answered while they are all open (well before the idle timeout closes them), and each of them is closed
    /// by the server once it has sent nothing for the idle timeout.
    @Test func slowAndIdleClientsDoNotBlockOthersAndAreClosed() async throws {
        var options = ServerOptions(port: 0)
        // Long enough for the normal requests below to be answered first, ten times longer in a sanitized process.
        let idleTimeout = isSanitized ? 40.0 : 4.0
        options.idleTimeout = .seconds(idleTimeout)
        try await testApplication(options: options).test(.live) { client in
            let port = try #require(client.port)
            let opened = ContinuousClock.now
            var connections: [RawConnection] = []
            defer { connections.forEach { $0.close() } }
            for index in 0..<200 {
                let connection = try RawConnection(port: port)
                switch index % 4 {
                case 0: break  // sends nothing
                case 1: try connection.send("GET /healthz HTTP/1.1\r\nHo")  // half a head
                case 2: try connection.send("POST /v1/stories HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n")  // no blank line
                default: try connection.send("POST /v1/stories HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"ti")
                }
                connections.append(connection)
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            let created = try await client.execute(uri: "/v1/stories", method: .post, headers: json, body: ByteBuffer(string: #"{"title": "Floods"}"#))
            #expect(created.status == .created)
            // Answered while every slow connection was still open: none of them held up the server.
            #expect(ContinuousClock.now - opened < .seconds(idleTimeout))

            // Each slow connection is closed by the server (end of stream, or a 408 then the end).
            let ends = await AnalysisGate.offPool { [connections] in connections.map { $0.readUntilClosed(timeout: idleTimeout * 5) } }
            #expect(ends.allSatisfy { $0 == .closed }, "\(ends.filter { $0 != .closed }.count) of \(ends.count) connections left open")
            #expect(ContinuousClock.now - opened >= .seconds(idleTimeout * 0.5))
            // (The test client's own connection has been idle as long, and is closed too: no request after this.)
        }
    }
}

/// A plain TCP connection to the test server on loopback, for clients no HTTP client library would be.
final class RawConnection: @unchecked Sendable {
    enum End: Equatable, Sendable {
        /// The server closed the connection.
        case closed
        /// Nothing came for the whole wait.
        case stillOpen
    }

    private let descriptor: Int32

    init(port: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &list) == 0, let first = list else { throw POSIXError(.EADDRNOTAVAIL) }
        defer { freeaddrinfo(list) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    descriptor = fd
                    return
                }
                closeDescriptor(fd)
            }
            candidate = info.pointee.ai_next
        }
        throw POSIXError(.ECONNREFUSED)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw POSIXError(.EIO) }
    }

    /// Reads (and drops) whatever the server sends until it closes the connection or `timeout` seconds pass.
    func readUntilClosed(timeout: Double) -> End {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let remaining = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&poller, 1, remaining) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return .closed }  // 0: end of stream; -1: reset
        }
        return .stillOpen
    }

    func close() {
        closeDescriptor(descriptor)
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(descriptor)
    #else
    _ = Darwin.close(descriptor)
    #endif
}
