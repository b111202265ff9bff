import ChronicleService
import Dispatch
import Foundation
import Hummingbird
import Logging
import Metrics
import Synchronization

/// Gives each request an id (the client's `X-Request-Id` when it is a short printable token, else a new one),
/// puts it in the request's log metadata and the response's `X-Request-Id`, and logs the request when it is
/// done: writes and failures at `info`, successful reads at `debug` (they are many and cheap). Tagging a text
/// (`POST /v1/tag`) changes nothing and counts as a read.
///
/// (At `info`, a log line per tagging request cost throughput and tail latency under load: the default log handler
/// writes and flushes standard error under one lock.)
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let id = request.headers[.requestID].flatMap(Self.acceptable) ?? Self.newID()
        var context = context
        context.logger[metadataKey: "request_id"] = .string(id)
        var response = try await next(request, context)
        response.headers[.requestID] = id
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let level: Logger.Level = Self.isRead(request, context) && response.status.code < 400 ? .debug : .info
        context.logger.log(
            level: level, "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "status": .stringConvertible(response.status.code), "ms": .string(String(format: "%.2f", milliseconds)),
            ])
        return response
    }

    /// Whether a request only reads: GET and HEAD, and tagging.
    static func isRead(_ request: Request, _ context: Context) -> Bool {
        switch request.method {
        case .get, .head: true
        case .post: context.endpointPath == "/v1/tag"
        default: false
        }
    }

    /// A client's request id when it is 1–128 printable ASCII characters.
    static func acceptable(_ id: String) -> String? {
        guard (1...128).contains(id.utf8.count), id.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        return id
    }

    static func newID() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }
}

extension HTTPFields.Element.Name {
    static let requestID = HTTPFields.Element.Name("X-Request-Id")!
}

/// Counts requests and records their durations by route, method and status, into the server's own metrics
/// factory (a Prometheus registry, served at `/metrics`): `chronicle_http_requests_total` and
/// `chronicle_http_request_duration_seconds`.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await next(request, context)
        let key = RequestMetrics.Key(route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: response.status.code)
        metrics.record(key, nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
        return response
    }
}

/// The request counters and timers, made once per route, method and status.
final class RequestMetrics: Sendable {
    struct Key: Hashable, Sendable {
        var route: String
        var method: String
        var status: Int
    }

    private let factory: any MetricsFactory
    private let made = Mutex<[Key: (Counter, Metrics.Timer)]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    func record(_ key: Key, nanoseconds: UInt64) {
        let (counter, timer) = made.withLock { made in
            if let existing = made[key] { return existing }
            let dimensions = [("route", key.route), ("method", key.method), ("status", String(key.status))]
            let new = (
                Counter(label: "chronicle_http_requests_total", dimensions: dimensions, factory: factory),
                Metrics.Timer(label: "chronicle_http_request_duration_seconds", dimensions: dimensions, factory: factory)
            )
            made[key] = new
            return new
        }
        counter.increment()
        timer.recordNanoseconds(Int64(clamping: nanoseconds))
    }
}

/// With a token configured, every write (POST, PUT, PATCH, DELETE) needs `Authorization: Bearer TOKEN`;
/// otherwise 401. The token is compared in constant time and never logged.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        switch request.method {
        case .get, .head, .options:
            return try await next(request, context)
        default:
            let header = request.headers[.authorization] ?? ""
            guard header.hasPrefix("Bearer "), Self.equal(Array(header.utf8.dropFirst(7)), token) else {
                throw Problem(
                    .unauthorized, "unauthorized",
                    header.isEmpty ? "this request changes data and needs 'Authorization: Bearer <token>'" : "the bearer token is not valid",
                    headers: [.wwwAuthenticate: "Bearer realm=\"chronicle\""])
            }
            return try await next(request, context)
        }
    }

    /// Whether two byte strings are equal, in a time that depends on their lengths only.
    static func equal(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in 0..<expected.count {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}

/// Answers a method the server implements nowhere with a 501 problem (RFC 9110, 9.1: "unrecognized or not
/// implemented"), whatever the path; a method it implements but a path does not take is that path's 405.
struct MethodMiddleware<Context: RequestContext>: RouterMiddleware {
    let implemented: Set<HTTPRequest.Method>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard implemented.contains(request.method) else {
            throw Problem(
                .notImplemented, "method-not-implemented",
                "the server does not implement the method '\(StoryServiceError.shortened(request.method.rawValue))'")
        }
        return try await next(request, context)
    }
}

/// A response to HEAD carries no content, whatever produced it (a handler or a problem): the headers of the
/// GET response, with its `Content-Length`.
struct HeadMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        return request.method == .head ? response.createHeadResponse() : response
    }
}
