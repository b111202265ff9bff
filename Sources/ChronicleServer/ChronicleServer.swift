import Chronicle
import ChronicleService
import ChronicleStores
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// The settings of the HTTP service (`chronicle serve`).
public struct ServerOptions: Sendable {
    /// The address to listen on; loopback by default.
    public var host: String
    /// The port (0: any free port, printed at start).
    public var port: Int
    /// The largest request body accepted (413 above it).
    public var maximumBodyBytes: Int
    /// With a token, every write needs `Authorization: Bearer TOKEN`.
    public var token: String?
    /// How long a connection may stay idle (no request, or a request's body not arriving) before it is closed.
    public var idleTimeout: Duration
    /// The limits of the story service.
    public var service: StoryService.Configuration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maximumBodyBytes: Int = 5 * 1024 * 1024, token: String? = nil,
        idleTimeout: Duration = .seconds(30), service: StoryService.Configuration = StoryService.Configuration()
    ) {
        self.host = host
        self.port = port
        self.maximumBodyBytes = maximumBodyBytes
        self.token = token
        self.idleTimeout = idleTimeout
        self.service = service
    }
}

/// The Chronicle HTTP service: the JSON API under `/v1`, the web page at `/`, `/healthz` and `/metrics`.
public enum ChronicleServer {
    /// The router of the whole service over `service`; request metrics go to `registry`.
    public static func router(service: StoryService, options: ServerOptions, registry: PrometheusCollectorRegistry) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let factory = PrometheusMetricsFactory(registry: registry)
        router.add(middleware: HeadMiddleware())
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: RequestMetricsMiddleware(metrics: RequestMetrics(factory: factory)))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: MethodMiddleware(implemented: Set(Router<BasicRequestContext>.methods)))
        if let token = options.token { router.add(middleware: BearerTokenMiddleware(token: Array(token.utf8))) }

        let bodies = BodyReader(maximumBytes: options.maximumBodyBytes)
        TagRoute(bodies: bodies, slots: options.service.maximumConcurrentAnalyses, timeLimit: options.service.analysisTimeLimit).register(on: router)
        StoryRoutes(service: service, bodies: bodies, rendered: RenderedBodies(maximumBytes: options.service.maximumCacheBytes / 4)).register(on: router)
        router.resource("/", [.get: { _, _ in Response.bytes(WebPage.html.utf8, contentType: "text/html; charset=utf-8") }])
        router.resource("/v1/openapi.json", [.get: { _, _ in Response.bytes(OpenAPISpec.json.utf8, contentType: "application/json") }])
        router.resource("/healthz", [.get: { _, _ in Response.json(.object([("status", .string("ok"))])) }])
        router.resource("/metrics", [
            .get: { _, _ in
                var out: [UInt8] = []
                registry.emit(into: &out)
                return Response.bytes(out, contentType: "text/plain; version=0.0.4; charset=utf-8")
            },
        ])
        return router
    }

    /// The application serving ``router(service:options:registry:)``, with the HTTP/1 idle timeout of `options`.
    public static func application(
        service: StoryService, options: ServerOptions, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let (seconds, attoseconds) = options.idleTimeout.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        return Application(
            router: router(service: service, options: options, registry: registry),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(nanoseconds))),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "chronicle"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? options.port) },
            logger: logger
        )
    }

    /// Opens the store, prints where it is and the address, and serves until SIGTERM or SIGINT; then stops
    /// taking connections, finishes the requests under way (writes included) and closes the store.
    public static func run(options: ServerOptions, store location: StoreLocation, logger: Logger) async throws {
        MemoryTrimming.configureAllocator()
        let opened = try await openStoryStore(location)
        let service = StoryService(store: opened.store, configuration: options.service)
        printLine("chronicle: stories in \(opened.description)")
        let app = application(service: service, options: options, logger: logger) { port in
            let host = options.host.contains(":") ? "[\(options.host)]" : options.host
            printLine("chronicle: serving on http://\(host):\(port)/ (API under /v1, OpenAPI at /v1/openapi.json)")
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: StoreService(run: opened.run)),
                    .init(service: MemoryTrimming()),
                    .init(service: app),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }

    /// Writes a line to standard output at once (it may be a pipe read by a script waiting for the address).
    static func printLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// The store's background work as a service: cancelled on graceful shutdown, after the application (services
/// stop in reverse order), so that requests under way still reach the store.
struct StoreService: Service {
    let run: @Sendable () async throws -> Void

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await run() }
            // A store with nothing to run (SQLite) returns at once: the service then lasts until the shutdown, since
            // a service group stops everything when one of its services ends.
            try await gracefulShutdown()
        } catch is CancellationError {
            // Cancelled by the graceful shutdown: the store has closed, which is a clean exit.
        }
    }
}
