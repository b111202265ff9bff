import Chronicle
import ChronicleService
import Foundation
import Hummingbird

/// The stories API under `/v1/stories`: stories, their documents and their timelines.
struct StoryRoutes: Sendable {
    let service: StoryService
    let bodies: BodyReader
    let rendered: RenderedBodies

    func register(on router: Router<BasicRequestContext>) {
        router.resource("/v1/stories", [
            .get: { _, _ in Response.json(.array(try await service.stories().map(Representation.story))) },
            .post: { request, _ in
                let body = try await bodies.decode(NewStoryRequest.self, from: request)
                let story = try await service.createStory(title: body.title)
                return Response.json(Representation.story(story), status: .created, headers: [.location: "/v1/stories/\(story.id)"])
            },
        ])
        router.resource("/v1/stories/:story", [
            .get: { _, context in Response.json(Representation.story(try await service.story(try storyID(context)))) },
            .delete: { _, context in
                try await service.deleteStory(try storyID(context))
                return Response(status: .noContent)
            },
        ])
        router.resource("/v1/stories/:story/documents", [
            .get: { _, context in
                Response.json(.array(try await service.documents(of: try storyID(context)).map { Representation.document($0) }))
            },
            .post: { request, context in
                let story = try storyID(context)
                let body = try await bodies.decode(NewDocumentRequest.self, from: request)
                let record = try await service.addDocument(try body.input(), to: story)
                return Response.json(
                    Representation.document(record), status: .created, headers: [.location: "/v1/stories/\(story)/documents/\(record.id)"])
            },
        ])
        router.resource("/v1/stories/:story/documents/:document", [
            .get: { _, context in
                let record = try await service.document(try id(context, "document"), of: try storyID(context))
                return Response.json(Representation.document(record, includingText: true))
            },
            .delete: { _, context in
                try await service.deleteDocument(try id(context, "document"), of: try storyID(context))
                return Response(status: .noContent)
            },
        ])
        router.resource("/v1/stories/:story/timeline", [.get: { request, context in try await timeline(request, context) }])
        router.resource("/v1/stories/:story/timeline.ics", [
            .get: { request, context in
                try await rendering(request, try storyID(context), try filter(request), .ics, contentType: "text/calendar; charset=utf-8")
            },
        ])
    }

    /// `GET /v1/stories/{id}/timeline?format=json|html|timelinejs&from=&to=&about=&speaker=`.
    private func timeline(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let story = try storyID(context)
        let filter = try filter(request)
        switch request.uri.queryParameters["format"].map(String.init) ?? "json" {
        case "json": return try await rendering(request, story, filter, .json, contentType: "application/json")
        case "html": return try await rendering(request, story, filter, .html, contentType: "text/html; charset=utf-8")
        case "timelinejs": return try await rendering(request, story, filter, .timelinejs, contentType: "application/json")
        case let other:
            throw Problem(.badRequest, "invalid-input", "unknown format '\(StoryServiceError.shortened(other))': expected json, html or timelinejs")
        }
    }

    /// A rendered timeline as a response, its body the buffer kept for the story's revision (``RenderedBodies``):
    /// for an unchanged story, two lookups under locks and no copy. A client that accepts gzip gets the body
    /// compressed (once per revision, then kept beside the plain one). Each body has its entity tag; a request
    /// whose `If-None-Match` names it gets `304 Not Modified` (``EntityTag``).
    private func rendering(
        _ request: Request, _ story: Int64, _ filter: TimelineFilter, _ rendering: TimelineRendering, contentType: String
    ) async throws -> Response {
        let key = rendering.rawValue + "\u{1E}" + filter.key, gzipKey = key + "\u{1E}gzip"
        let gzip = GzipEncoding.isAccepted(by: request.headers[.acceptEncoding])
        let current = try await service.currentRevision(of: story)
        if gzip, let kept = rendered.body(story: story, rendering: gzipKey, revision: current) {
            return response(request, kept, contentType: contentType, gzip: true)
        }
        let revision: Int64, plain: RenderedBodies.Rendered
        if let kept = rendered.body(story: story, rendering: key, revision: current) {
            (revision, plain) = (current, kept)
        } else {
            let (made, data) = try await service.timelineRendering(of: story, filter: filter, as: rendering)
            (revision, plain) = (made, rendered.body(story: story, rendering: key, revision: made, data: data))
        }
        let body = plain.body
        if gzip, body.readableBytes >= GzipEncoding.minimumBytes,
           let compressed = await AnalysisGate.offPool({ body.withUnsafeReadableBytes { GzipEncoding.compressed($0) } }) {
            let kept = rendered.body(story: story, rendering: gzipKey, revision: revision, data: compressed)
            return response(request, kept, contentType: contentType, gzip: true)
        }
        return response(request, plain, contentType: contentType, gzip: false)
    }

    /// The response of a rendering: its body, or `304 Not Modified` when the request's `If-None-Match` names its tag.
    private func response(_ request: Request, _ rendered: RenderedBodies.Rendered, contentType: String, gzip: Bool) -> Response {
        var headers: HTTPFields = [.vary: "Accept-Encoding", .eTag: rendered.tag, .cacheControl: "no-cache"]
        if EntityTag.noneMatchNames(request.headers[.ifNoneMatch], rendered.tag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        if gzip { headers[.contentEncoding] = "gzip" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: rendered.body))
    }

    private func storyID(_ context: BasicRequestContext) throws -> Int64 { try id(context, "story") }

    /// The `from`, `to`, `about` and `speaker` filters of a timeline request.
    private func filter(_ request: Request) throws -> TimelineFilter {
        let query = request.uri.queryParameters
        return try TimelineFilter(
            from: query["from"].map(String.init), to: query["to"].map(String.init), about: query["about"].map(String.init),
            speaker: query["speaker"].map(String.init))
    }

    /// A numeric path parameter; an id that is not a number names nothing (404).
    private func id(_ context: BasicRequestContext, _ name: String) throws -> Int64 {
        guard let id = context.parameters.get(name, as: Int64.self) else {
            throw Problem(.notFound, "not-found", "there is no \(name) '\(StoryServiceError.shortened(context.parameters.get(name) ?? ""))'")
        }
        return id
    }
}

extension Router<BasicRequestContext> {
    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    /// The methods the server implements (RFC 9110's and QUERY, the draft safe method with a body): a path
    /// answers each with its handler or a 405 problem; any other method is a 501 (``MethodMiddleware``).
    static var methods: [HTTPRequest.Method] {
        [.get, .head, .post, .put, .patch, .delete, .options, .trace, .connect, HTTPRequest.Method("QUERY")!]
    }

    /// Registers the handlers of one path, and a 405 problem (with `Allow`) for the other methods. A path that
    /// takes GET takes HEAD too (RFC 9110, 9.3.2): the GET response without its content.
    func resource(_ path: RouterPath, _ handlers: [HTTPRequest.Method: Handler]) {
        var handlers = handlers
        if let get = handlers[.get], handlers[.head] == nil {
            handlers[.head] = { request, context in try await get(request, context).createHeadResponse() }
        }
        let allowed = handlers.keys.map(\.rawValue).sorted().joined(separator: ", ")
        for method in Self.methods {
            if let handler = handlers[method] {
                on(path, method: method, use: handler)
            } else {
                on(path, method: method) { _, _ -> Response in
                    throw Problem(.methodNotAllowed, "method-not-allowed", "\(path) takes \(allowed)", headers: [.allow: allowed])
                }
            }
        }
    }
}
