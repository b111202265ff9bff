import Chronicle
import ChronicleService
import Foundation
import Hummingbird

/// The stories API under `/v1/stories`: stories, their documents and their timelines.
struct StoryRoutes: Sendable {
    let service: StoryService
    let bodies: BodyReader

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
        // TODO(merge): the exports branch serves the iCalendar view here (then describe it in OpenAPISpec.swift).
        router.resource("/v1/stories/:story/timeline.ics", [
            .get: { _, context in
                _ = try await service.story(try storyID(context))
                throw Problem(.notImplemented, "not-implemented", "the iCalendar export is not available in this build")
            },
        ])
    }

    /// `GET /v1/stories/{id}/timeline?format=json|html|timelinejs&from=&to=&about=&speaker=`.
    private func timeline(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let story = try storyID(context)
        let query = request.uri.queryParameters
        let filter = try TimelineFilter(
            from: query["from"].map(String.init), to: query["to"].map(String.init), about: query["about"].map(String.init),
            speaker: query["speaker"].map(String.init))
        switch query["format"].map(String.init) ?? "json" {
        case "json":
            let data = try await service.renderedTimeline(of: story, filter: filter, as: .json)
            return Response.bytes(data, contentType: "application/json")
        case "html":
            let data = try await service.renderedTimeline(of: story, filter: filter, as: .html)
            return Response.bytes(data, contentType: "text/html; charset=utf-8")
        case "timelinejs":
            // TODO(merge): the exports branch renders the TimelineJS view here (then add it to the format enum of OpenAPISpec.swift).
            _ = try await service.story(story)
            throw Problem(.notImplemented, "not-implemented", "the TimelineJS export is not available in this build")
        case let other:
            throw Problem(.badRequest, "invalid-input", "unknown format '\(StoryServiceError.shortened(other))': expected json, html or timelinejs")
        }
    }

    private func storyID(_ context: BasicRequestContext) throws -> Int64 { try id(context, "story") }

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

    /// The methods a path answers, with its handler or a 405 (QUERY: the draft safe method with a body).
    static var methods: [HTTPRequest.Method] { [.get, .post, .put, .patch, .delete, .options, .trace, .connect, HTTPRequest.Method("QUERY")!] }

    /// Registers the handlers of one path, and a 405 problem (with `Allow`) for the other methods.
    func resource(_ path: RouterPath, _ handlers: [HTTPRequest.Method: Handler]) {
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
